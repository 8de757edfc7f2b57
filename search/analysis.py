"""The text analysis Commons' Elasticsearch indices use: English stemming, ASCII folding,
joined neighbouring words and edge n-grams for autocomplete.

Every component named here is Elasticsearch's own (analysis-common); on the minimal node the
project's tests run against, `search/analysis_plugin` provides them under the same names.
"""


def analysis_settings() -> dict:
    return {
        "filter": {
            "commons_possessive": {"type": "stemmer", "language": "possessive_english"},
            # Porter: aggressive, so "co-locating" meets "co-location" and "migrating" meets
            # "migration" (KStem, tried on the judged set, lost 0.03 nDCG@5 overall). Where it
            # splits a family ("evidence" -> "evid", "evidencing" -> "evidenc"), the question's
            # expansion adds the other form (search.synonyms.inflection_variants).
            "commons_stemmer": {"type": "stemmer", "language": "english"},
            # Neighbouring words written as one: "low code" also as "lowcode".
            "commons_joined": {
                "type": "shingle",
                "min_shingle_size": 2,
                "max_shingle_size": 2,
                "output_unigrams": False,
                "token_separator": "",
            },
            "commons_autocomplete": {"type": "edge_ngram", "min_gram": 2, "max_gram": 15},
        },
        "analyzer": {
            # Index and query time alike. No synonyms here: the vocabulary is applied to the
            # question in Python (search.synonyms), the same way on every backend, so editors'
            # changes need no reindex. No stop words: a phrase such as "revenues and benefits"
            # must keep its positions.
            "commons_text": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding", "commons_possessive", "commons_stemmer"],
            },
            "commons_joined": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [
                    "lowercase",
                    "asciifolding",
                    "commons_possessive",
                    "commons_joined",
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
