"""The text analysis Commons' Elasticsearch indices use: English stemming, ASCII folding,
local-government synonyms (at query time) and edge n-grams for autocomplete.

Every component named here is Elasticsearch's own (analysis-common); on the minimal node the
project's tests run against, `search/analysis_plugin` provides them under the same names.
"""

from functools import cache
from pathlib import Path

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms.txt"


@cache
def synonym_rules() -> tuple[str, ...]:
    """The rules in synonyms.txt, read when first needed (never at import time)."""
    lines = SYNONYMS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def analysis_settings() -> dict:
    return {
        "filter": {
            "commons_synonyms": {
                "type": "synonym_graph",
                "synonyms": list(synonym_rules()),
            },
            "commons_possessive": {"type": "stemmer", "language": "possessive_english"},
            "commons_stemmer": {"type": "stemmer", "language": "english"},
            "commons_autocomplete": {"type": "edge_ngram", "min_gram": 2, "max_gram": 15},
        },
        "analyzer": {
            # Index time: no synonyms (a graph cannot be indexed) and no stop words (a phrase
            # such as "revenues and benefits" must keep its positions).
            "commons_text": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "commons_possessive", "commons_stemmer"],
            },
            "commons_text_search": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [
                    "lowercase",
                    "asciifolding",
                    "commons_synonyms",
                    "commons_possessive",
                    "commons_stemmer",
                ],
            },
            "commons_autocomplete": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "commons_autocomplete"],
            },
            "commons_autocomplete_search": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding"],
            },
        },
    }
