"""Drain the outbox into whichever node the settings name, as the worker would, for tests."""

from search import elasticsearch, outbox
from search.documents import alias_name


def drain_everything() -> None:
    """Every due task, in batches, then a refresh so what was sent can be searched at once."""
    while True:
        report = outbox.drain()
        assert not report.unavailable, report.reason
        if not report.claimed:
            break
    elasticsearch.client().indices.refresh(index=alias_name())
