import pytest

from search.indexes import ensure_index
from search.indexing import sync_documents
from search.sources import source_for_model


class IndexHelper:
    """Puts objects into the real content index through the project's own indexer."""

    def __init__(self, client):
        self.client = client

    def add(self, *objects) -> None:
        for obj in objects:
            source = source_for_model(type(obj.specific) if hasattr(obj, "specific") else type(obj))
            report = sync_documents(source.kind, [source.key_of(obj)], client=self.client)
            assert not report.failed, report.failed
        self.refresh()

    def refresh(self) -> None:
        self.client.indices.refresh(index="_all")


@pytest.fixture
def search_index(es) -> IndexHelper:
    """A fresh content index behind its alias, removed after the test (by the `es` fixture)."""
    ensure_index(es)
    return IndexHelper(es)
