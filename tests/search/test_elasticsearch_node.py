"""The real Elasticsearch node answers elasticsearch-dsl: create an index, index, and find."""

from elasticsearch_dsl import Document, Keyword, Text

from search import elasticsearch


class Note(Document):
    title = Text(analyzer="standard")
    council = Keyword()


def test_a_document_indexed_through_elasticsearch_dsl_is_found(es):
    index = elasticsearch.index_name("foundation_notes")
    Note.init(index=index, using=es)
    Note(title="Three councils merged revenues and benefits", council="Northshire").save(
        index=index, using=es
    )
    Note(title="Shared waste collection across two districts", council="Eastvale").save(
        index=index, using=es
    )
    es.indices.refresh(index=index)

    hits = Note.search(index=index, using=es).query("match", title="revenues").execute()

    assert [hit.council for hit in hits] == ["Northshire"]
    assert es.indices.get_mapping(index=index)[index]["mappings"]["properties"]["council"] == {
        "type": "keyword"
    }


def test_a_query_for_absent_words_finds_nothing(es):
    index = elasticsearch.index_name("foundation_empty")
    Note.init(index=index, using=es)
    Note(title="Shared legal services", council="Westmoor").save(index=index, using=es)
    es.indices.refresh(index=index)

    response = Note.search(index=index, using=es).query("match", title="planning").execute()

    assert response.hits.total.value == 0
