"""The one search document every kind of content becomes, and the index that holds them.

One index for every kind, so one query ranks case studies against threads, facets count across
kinds and a page of results is one request. Queries and writes go through an alias
(`<prefix>_content`); `search_rebuild` fills a fresh index behind it and swaps (see docs/search.md).
"""

from django.conf import settings
from elasticsearch_dsl import Boolean, Date, Document, Integer, Keyword, MetaField, Text

from search.analysis import analysis_settings
from search.elasticsearch import index_name

TEXT = {"analyzer": "commons_text"}
# Searched with single words only ("lowcode"), which meet the joined pairs indexed here.
JOINED = Text(analyzer="commons_joined", search_analyzer="commons_text")
AUTOCOMPLETE = Text(analyzer="commons_autocomplete", search_analyzer="commons_autocomplete_search")
# Plain words from every text field, not stemmed: what "did you mean" suggests from, and
# what near misses of a typed word are looked for in.
SPELLING = Text(analyzer="standard")


class ContentDocument(Document):
    kind = Keyword()
    object_id = Keyword()
    title = Text(
        **TEXT,
        copy_to="spelling",
        fields={
            "autocomplete": AUTOCOMPLETE,
            "exact": Text(analyzer="standard"),
            "joined": JOINED,
        },
    )
    summary = Text(**TEXT, copy_to="spelling", fields={"joined": JOINED})
    body = Text(**TEXT, copy_to="spelling", fields={"joined": JOINED})
    tags = Keyword(copy_to="spelling", fields={"text": Text(**TEXT), "autocomplete": AUTOCOMPLETE})
    organisations = Keyword()  # slugs, for filters and facets
    organisation_names = Text(**TEXT, copy_to="spelling")  # "northshire" finds its work
    service_areas = Keyword()  # slugs
    service_area_names = Text(**TEXT, copy_to="spelling")
    region = Keyword()
    community = Keyword()  # slug of the community a thread belongs to (or the community itself)
    # "public", or "community:<pk>" for what only that members-only community's readers may see.
    audience = Keyword()
    published_at = Date()
    updated_at = Date()
    expires_on = Date()  # offers and needs stop being found when they expire
    url = Keyword(index=False)
    meta_line = Keyword(index=False, multi=True)  # short facts shown under a result's title
    answered = Boolean()
    reply_count = Integer()
    spelling = SPELLING

    class Meta:
        # A MetaField, so it reaches the mapping: a field nobody declared is refused, not guessed.
        dynamic = MetaField("strict")


ALIAS_KIND = "content"


def alias_name() -> str:
    return index_name(ALIAS_KIND)


# BM25 with gentle length normalisation (Elasticsearch's default b is 0.75): a case study that
# answers a question is long because it is thorough, and should not lose to a short offer or an
# organisation's page for being long. On the judged set b 0.2 scored 0.875 nDCG@5 (tuned) and
# 0.873 (held out) against 0.856 and 0.859 at 0.75; b 0.1 was no better.
SIMILARITY = {"default": {"type": "BM25", "k1": 1.2, "b": 0.2}}


def index_body() -> dict:
    """Settings and mappings for a new content index (also pinned by a test)."""
    return {
        "settings": {
            "number_of_shards": settings.ELASTICSEARCH_SHARDS,
            "number_of_replicas": settings.ELASTICSEARCH_REPLICAS,
            "analysis": analysis_settings(),
            "similarity": SIMILARITY,
        },
        "mappings": ContentDocument._doc_type.mapping.to_dict(),
    }


def document_id(kind: str, object_id: object) -> str:
    return f"{kind}-{object_id}"
