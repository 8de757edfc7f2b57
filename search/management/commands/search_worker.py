"""Drain the search outbox into the database's search entries and Elasticsearch:
`manage.py search_worker [--once]`."""

import logging
import signal
import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, connection

from search import outbox

logger = logging.getLogger(__name__)

POLL_SECONDS = 1.0
LONGEST_WAIT_SECONDS = 30.0
PURGE_EVERY_SECONDS = 3600.0


class Command(BaseCommand):
    help = (
        "Write recorded index tasks to the database's search entries, and send them to "
        "Elasticsearch in bulk, with retries and back-off."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Drain until nothing is due, then exit."
        )
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--retry-set-aside",
            action="store_true",
            help="Put set-aside tasks back in the queue (after fixing their cause), then go on.",
        )

    def handle(self, *args, once: bool, batch_size: int, retry_set_aside: bool, **options) -> None:
        if retry_set_aside:
            self.stdout.write(f"Put {outbox.retry_set_aside()} set-aside tasks back in the queue.")
        self.stopping = False
        if not once:
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
        if once:
            self.drain_until_empty(batch_size)
        else:
            self.loop(batch_size)

    def stop(self, signum: int, frame: object) -> None:
        logger.info("Stopping after this batch (signal %s)", signum)
        self.stopping = True

    def drain_until_empty(self, batch_size: int) -> None:
        totals = outbox.DrainReport()
        while True:
            report = outbox.drain(batch_size=batch_size)
            if report.unavailable and report.entries:
                totals.entries += report.entries
                continue  # the database's entries do not wait for Elasticsearch
            if report.unavailable:
                raise SystemExit(
                    f"Elasticsearch is unreachable; {totals.entries} search entries were "
                    "written, and the tasks stay queued for it."
                )
            for name in ("claimed", "indexed", "removed", "done", "failed", "set_aside", "entries"):
                setattr(totals, name, getattr(totals, name) + getattr(report, name))
            if not report.claimed and not report.entries:
                break
        purged = outbox.purge_done()
        self.stdout.write(
            f"Drained {totals.claimed} tasks: {totals.indexed} indexed, {totals.removed} removed, "
            f"{totals.failed} failed ({totals.set_aside} set aside); {totals.entries} search "
            f"entries written; purged {purged} old tasks."
        )

    def loop(self, batch_size: int) -> None:
        wait = POLL_SECONDS
        last_purge = 0.0
        logger.info("Search worker started")
        while not self.stopping:
            try:
                report = outbox.drain(batch_size=batch_size)
            except DatabaseError as error:
                # PostgreSQL restarting or failing over: the tasks are safe in it; wait it out.
                logger.warning("The database is unreachable (%s); again in %.0fs", error, wait)
                connection.close()  # a broken connection is not reused for the next round
                outage = True
            except Exception:
                # A bug in one batch must not end the worker.
                logger.exception("Draining the search outbox failed; again in %.0fs", wait)
                outage = True
            else:
                if report.entries:
                    logger.info("Wrote %s search entries", report.entries)
                if report.unavailable and report.entries:
                    continue  # the database's entries do not wait for Elasticsearch
                outage = report.unavailable
                if outage:
                    logger.warning(
                        "Elasticsearch unreachable (%s); again in %.0fs", report.reason, wait
                    )
            if outage:
                self.sleep(wait)
                wait = min(wait * 2, LONGEST_WAIT_SECONDS)
                continue
            wait = POLL_SECONDS
            if report.claimed:
                logger.info(
                    "Drained %s tasks: %s indexed, %s removed, %s failed, %s set aside",
                    report.claimed,
                    report.indexed,
                    report.removed,
                    report.failed,
                    report.set_aside,
                )
                continue  # more may be due: no pause while there is a backlog
            if time.monotonic() - last_purge > PURGE_EVERY_SECONDS:
                outbox.purge_done()
                last_purge = time.monotonic()
            self.sleep(POLL_SECONDS)
        logger.info("Search worker stopped")

    def sleep(self, seconds: float) -> None:
        """Sleep in small steps, so a stop signal is answered quickly."""
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.2, deadline - time.monotonic()))
