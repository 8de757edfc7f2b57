"""The two things that can answer a search: Elasticsearch, and the database when it cannot."""


class SearchUnavailable(Exception):
    """Elasticsearch did not answer (down, unreachable, timed out, or its index is missing)."""
