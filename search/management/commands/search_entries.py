"""`manage.py search_entries`: write every search entry the database backend searches."""

from django.core.management.base import BaseCommand, CommandParser

from search.entries import BATCH, fill_all
from search.sources import source_for


class Command(BaseCommand):
    help = (
        "Write the database's search entry of every indexable object (and remove the rest): "
        "after installing, restoring a backup, or loading content without signals."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=BATCH)

    def handle(self, *args, batch_size: int, **options) -> None:
        written = fill_all(batch_size=batch_size)
        for kind, count in written.items():
            self.stdout.write(f"{source_for(kind).label}: {count}")
        self.stdout.write(self.style.SUCCESS(f"{sum(written.values())} search entries written."))
