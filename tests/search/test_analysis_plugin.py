"""The private Elasticsearch node analyses text like a full distribution, thanks to the project's
analysis plugin: every component by its Elasticsearch name, Commons' own analysers, and Wagtail's
own Elasticsearch backend."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from elasticsearch import BadRequestError
from wagtail.search.backends import get_search_backend

from knowledge.models import CaseStudyPage
from search import elasticsearch
from search.analysis import analysis_settings
from tests.factories import make_case_study


def tokens(es, text: str, **analysis) -> list[str]:
    return [token["token"] for token in es.indices.analyze(text=text, **analysis)["tokens"]]


@pytest.mark.parametrize(
    ("analysis", "text", "expected"),
    [
        (
            {"tokenizer": {"type": "ngram", "min_gram": 2, "max_gram": 3}},
            "ICT",
            ["IC", "ICT", "CT"],
        ),
        (
            {"tokenizer": {"type": "edge_ngram", "min_gram": 1, "max_gram": 3}},
            "waste",
            ["w", "wa", "was"],
        ),
        (
            {"tokenizer": "standard", "filter": ["asciifolding"]},
            "Ynys Môn café",
            ["Ynys", "Mon", "cafe"],
        ),
        (
            {"tokenizer": "standard", "filter": [{"type": "stemmer", "language": "english"}]},
            "councils sharing",
            ["council", "share"],
        ),
        (
            {"tokenizer": "standard", "filter": [{"type": "stemmer", "language": "light_english"}]},
            "councils",
            ["council"],
        ),
        (
            {
                "tokenizer": "standard",
                "filter": [{"type": "stemmer", "language": "possessive_english"}],
            },
            "council's",
            ["council"],
        ),
        (
            {"tokenizer": "standard", "filter": [{"type": "shingle", "max_shingle_size": 2}]},
            "shared waste service",
            ["shared", "shared waste", "waste", "waste service", "service"],
        ),
        (
            {
                "tokenizer": "standard",
                "filter": [{"type": "ngram", "min_gram": 3, "max_gram": 3}],
            },
            "bins",
            ["bin", "ins"],
        ),
        (
            {
                "tokenizer": "standard",
                "filter": [{"type": "edge_ngram", "min_gram": 2, "max_gram": 4}],
            },
            "waste",
            ["wa", "was", "wast"],
        ),
    ],
)
def test_every_component_answers_by_its_elasticsearch_name(es, analysis, text, expected):
    assert tokens(es, text, **analysis) == expected


@pytest.mark.parametrize(
    ("bad_filter", "named"),
    [
        ({"type": "stemmer", "language": "klingon"}, "klingon"),
        ({"type": "edge_ngram", "min_gram": 5, "max_gram": 2}, "min_gram"),
    ],
)
def test_bad_settings_are_refused_with_a_400_naming_them(es, bad_filter, named):
    index = elasticsearch.index_name("bad_settings")
    settings = {
        "analysis": {
            "filter": {"bad": bad_filter},
            "analyzer": {"broken": {"tokenizer": "standard", "filter": ["bad"]}},
        }
    }

    with pytest.raises(BadRequestError) as error:
        es.indices.create(index=index, settings=settings)

    assert error.value.status_code == 400
    assert named in str(error.value)
    assert es.cluster.health()["status"] in ("green", "yellow")


def test_commons_analysis_stems_and_joins_neighbouring_words(es):
    index = elasticsearch.index_name("analysis_check")
    es.indices.create(
        index=index,
        settings={"analysis": analysis_settings()},
        mappings={
            "properties": {
                "title": {
                    "type": "text",
                    "analyzer": "commons_text",
                    "fields": {
                        "joined": {
                            "type": "text",
                            "analyzer": "commons_joined",
                            "search_analyzer": "commons_text",
                        }
                    },
                }
            }
        },
    )
    es.index(index=index, id="1", document={"title": "Councils sharing a low-code platform"})
    es.index(index=index, id="2", document={"title": "Waste collection rounds in Eastvale"})
    es.indices.refresh(index=index)

    def found(field: str, words: str) -> list[str]:
        hits = es.search(index=index, query={"match": {field: words}})["hits"]["hits"]
        return [hit["_id"] for hit in hits]

    assert found("title", "council shares") == ["1"]
    assert found("title.joined", "lowcode") == ["1"]


def test_wagtails_elasticsearch_backend_indexes_and_searches_on_the_private_node(
    library, settings, es
):
    make_case_study(library.case_studies, title="Councils sharing legal services")
    backends = {
        "default": {"BACKEND": "wagtail.search.backends.database"},
        "elasticsearch": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": settings.ELASTICSEARCH_URLS,
            "INDEX_PREFIX": elasticsearch.index_name("wagtail_"),
            "TIMEOUT": 30,
        },
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        call_command("update_index", backend_name="elasticsearch", stdout=None)
        backend = get_search_backend("elasticsearch")
        backend.refresh_indexes()
        results = list(backend.search("legal", CaseStudyPage))

    assert [page.title for page in results] == ["Councils sharing legal services"]
