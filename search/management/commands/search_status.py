"""`manage.py search_status`: documents in the database versus the index, and the backlog."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from search import elasticsearch, entries
from search.status import search_status


class Command(BaseCommand):
    help = "Show how far the search index is in step with the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--set-aside-limit", type=int, default=50)

    def handle(self, *args, set_aside_limit: int, **options) -> None:
        if not elasticsearch.is_configured():
            raise CommandError("ELASTICSEARCH_URL is not set: Commons is using database search.")
        status = search_status(set_aside_limit=set_aside_limit)
        write = self.stdout.write
        if status.unavailable:
            write(self.style.ERROR(f"Elasticsearch is unreachable ({status.unavailable})."))
        elif status.indices:
            write(f"Alias {status.alias} -> {', '.join(status.indices)}")
        else:
            write(self.style.WARNING(f"Alias {status.alias} does not exist yet."))
        write(f"{'Kind':<18}{'Database':>10}{'Index':>10}")
        for kind in status.kinds:
            in_index = "?" if kind.in_index is None else str(kind.in_index)
            marker = "" if in_index in ("?", str(kind.in_database)) else "  differs"
            write(f"{kind.kind:<18}{kind.in_database:>10}{in_index:>10}{marker}")
        age = status.oldest_pending_age
        write(
            f"Backlog: {status.due} due, {status.waiting} waiting (leased or backing off); "
            f"oldest pending {'none' if age is None else f'{int(age.total_seconds())}s old'}."
        )
        # The degraded search reads these: a growing number means the worker is not running.
        write(f"Database search entries waiting to be written: {entries.waiting().count()}.")
        if status.set_aside:
            write(self.style.WARNING(f"Set aside ({len(status.set_aside)} shown):"))
            for task in status.set_aside:
                write(
                    f"  {task.kind} {task.object_id} after {task.attempts} attempts: "
                    f"{task.last_error[:200]}"
                )
            write("Fix the cause, then: manage.py search_worker --retry-set-aside")
