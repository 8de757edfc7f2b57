"""Hourly: remind each person with a place at an event starting within 24 hours, once."""

from django.core.management.base import BaseCommand

from community.services.events import event_reminders_send


class Command(BaseCommand):
    help = "Email a reminder to each person signed up for an event in the next 24 hours, once."

    def handle(self, *args, **options) -> None:
        sent = event_reminders_send()
        self.stdout.write(f"Sent {sent} event reminder{'s' if sent != 1 else ''}.")
