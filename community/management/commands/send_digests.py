"""Daily: email each person their notifications not yet emailed, in one message each."""

from django.core.management.base import BaseCommand

from community.services.notifications import digests_send


class Command(BaseCommand):
    help = "Email each person their notifications not yet emailed, as one daily digest."

    def handle(self, *args, **options) -> None:
        sent = digests_send()
        self.stdout.write(f"Sent {sent} digest email{'s' if sent != 1 else ''}.")
