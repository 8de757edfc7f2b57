"""The content index's mapping, pinned: a change to it must be made on purpose (and followed by
`manage.py search_rebuild`), never by accident."""

import pytest
from elasticsearch import BadRequestError

from search.documents import index_body
from search.indexes import create_index

TEXT = {"analyzer": "commons_text", "type": "text"}
JOINED = {"analyzer": "commons_joined", "search_analyzer": "commons_text", "type": "text"}
AUTOCOMPLETE = {
    "analyzer": "commons_autocomplete",
    "search_analyzer": "commons_autocomplete_search",
    "type": "text",
}

PINNED_MAPPINGS = {
    "dynamic": "strict",
    "properties": {
        "answered": {"type": "boolean"},
        "audience": {"type": "keyword"},
        "body": {**TEXT, "copy_to": "spelling", "fields": {"joined": JOINED}},
        "community": {"type": "keyword"},
        "expires_on": {"type": "date"},
        "kind": {"type": "keyword"},
        "meta_line": {"index": False, "type": "keyword"},
        "object_id": {"type": "keyword"},
        "organisation_names": {**TEXT, "copy_to": "spelling"},
        "organisations": {"type": "keyword"},
        "published_at": {"type": "date"},
        "region": {"type": "keyword"},
        "reply_count": {"type": "integer"},
        "service_area_names": {**TEXT, "copy_to": "spelling"},
        "service_areas": {"type": "keyword"},
        "spelling": {"analyzer": "standard", "type": "text"},
        "summary": {**TEXT, "copy_to": "spelling", "fields": {"joined": JOINED}},
        "tags": {
            "copy_to": "spelling",
            "fields": {"autocomplete": AUTOCOMPLETE, "text": TEXT},
            "type": "keyword",
        },
        "title": {
            **TEXT,
            "copy_to": "spelling",
            "fields": {
                "autocomplete": AUTOCOMPLETE,
                "exact": {"analyzer": "standard", "type": "text"},
                "joined": JOINED,
            },
        },
        "updated_at": {"type": "date"},
        "url": {"index": False, "type": "keyword"},
    },
}


def test_the_mapping_is_exactly_the_pinned_one():
    assert index_body()["mappings"] == PINNED_MAPPINGS


def test_the_analysis_settings_define_the_pinned_analysers_and_filters():
    analysis = index_body()["settings"]["analysis"]
    assert sorted(analysis) == ["analyzer", "filter"]
    assert sorted(analysis["analyzer"]) == [
        "commons_autocomplete",
        "commons_autocomplete_search",
        "commons_joined",
        "commons_text",
    ]
    assert sorted(analysis["filter"]) == [
        "commons_autocomplete",
        "commons_joined",
        "commons_possessive",
        "commons_stemmer",
    ]


def test_the_real_node_accepts_the_index_body_and_keeps_the_mapping(es):
    name = create_index(es)
    stored = es.indices.get_mapping(index=name)[name]["mappings"]
    assert stored["dynamic"] == "strict"
    assert sorted(stored["properties"]) == sorted(PINNED_MAPPINGS["properties"])


def test_the_real_node_scores_with_gentle_length_normalisation(es):
    name = create_index(es)
    stored = es.indices.get_settings(index=name)[name]["settings"]["index"]["similarity"]
    assert stored == {"default": {"type": "BM25", "k1": "1.2", "b": "0.2"}}


def test_a_field_nobody_declared_is_refused(es):
    name = create_index(es)
    es.index(index=name, id="organisation-1", document={"kind": "organisation", "title": "Fine"})
    with pytest.raises(BadRequestError) as refused:
        es.index(
            index=name, id="organisation-2", document={"kind": "organisation", "colour": "red"}
        )
    assert "strict_dynamic_mapping_exception" in str(refused.value)
