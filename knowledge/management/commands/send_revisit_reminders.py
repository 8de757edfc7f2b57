"""Daily: remind the authors of case studies due a revisit, once for each due date."""

import datetime

from django.core.management.base import BaseCommand, CommandParser

from knowledge.revisits_due import revisit_reminders_send


class Command(BaseCommand):
    help = "Email the author of each case study due a revisit (12 or 24 months on), once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="Act as if it were this date (YYYY-MM-DD); for catching up and for tests.",
        )

    def handle(self, *args, today: datetime.date | None = None, **options) -> None:
        sent = revisit_reminders_send(today)
        self.stdout.write(f"Sent {sent} revisit reminder{'s' if sent != 1 else ''}.")
