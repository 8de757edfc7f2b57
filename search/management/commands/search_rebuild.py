"""`manage.py search_rebuild`: fill a new content index from the database and swap the alias."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from search import elasticsearch
from search.outbox import is_outage
from search.rebuild import rebuild
from search.sources import source_for


class Command(BaseCommand):
    help = "Rebuild the search index behind its alias, with no moment of empty results."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def progress(self) -> None:
        self.stdout.write(".", ending="")
        self.stdout.flush()

    def handle(self, *args, batch_size: int, **options) -> None:
        if not elasticsearch.is_configured():
            raise CommandError("ELASTICSEARCH_URL is not set: there is no index to rebuild.")
        try:
            report = rebuild(batch_size=batch_size, between_batches=self.progress)
        except Exception as error:
            if is_outage(error):
                raise CommandError(f"Elasticsearch is unreachable: {error}") from error
            raise
        self.stdout.write("")
        for kind, count in report.indexed.items():
            self.stdout.write(f"{source_for(kind).label}: {count}")
        if report.failed:
            self.stdout.write(self.style.WARNING(f"{len(report.failed)} documents were refused:"))
            for (kind, object_id), error in report.failed.items():
                self.stdout.write(f"  {kind} {object_id}: {error[:200]}")
        replaced = ", ".join(report.previous) or "nothing"
        self.stdout.write(
            self.style.SUCCESS(
                f"The alias now points to {report.index} (replacing {replaced}); "
                f"{report.replayed} changes made meanwhile are queued for the worker."
            )
        )
