"""The Elasticsearch request bodies for a search and for autocomplete, as plain functions.

Pure: no client, no database. The Elasticsearch backend sends these bodies, and the benchmark
sends the very same bodies straight to the node to measure what Commons' own code adds.
Every relevance choice here is explained in docs/search.md ("How results are ranked").
"""

from datetime import date

from search.facets import (
    aggregations,
    all_of,
    scope_filters,
    selected_facet_filters,
    visibility_filters,
)
from search.synonyms import Concept, expand
from search.types import SORT_NEWEST, SearchFilters

# Elasticsearch's index.max_result_window: from + size may not go past it.
MAX_RESULT_WINDOW = 10_000

# Field boosts: the title says what a thing is; tags are chosen by people; the summary is
# written to be read first; names of who did it matter; the body is long and wordy.
TEXT_FIELDS = (
    "title^6",
    "tags.text^4",
    "summary^3",
    "organisation_names^2",
    "service_area_names^2",
    "body",
)
# The same text as pairs of neighbouring words written as one ("low code" as "lowcode"), so a
# word typed joined finds it written apart or hyphenated. Weighed below the words themselves.
JOINED_FIELDS = ("title.joined^3", "summary.joined^1.5", "body.joined^0.5")
# A phrase from the vocabulary ("revenues and benefits") may have a word between its words.
ALTERNATIVE_SLOP = 1
# Phrase matches of the whole question (words together, in order, up to PHRASE_SLOP words apart)
# add on top.
PHRASE_BOOSTS = {"title": 6.0, "summary": 3.0, "body": 1.5}
PHRASE_SLOP = 2
PHRASE_RESCORE_WINDOW = 100
# The first request asks for most of the question's concepts (stop words never count): up to two,
# all of them; past that, three in four. When that finds little, the retry asks for any concept,
# with near misses, and ranks: what matches more, and better, still comes first.
MINIMUM_SHOULD_MATCH = "2<75%"
LOOSE_MINIMUM_SHOULD_MATCH = "1"
# Typo tolerance runs on unstemmed words (`spelling`, which holds every text field, and
# `title.exact`), and weighs far less than an exact match, so a correctly spelled word always
# outranks a near miss.
FUZZY_FIELDS = ("title.exact^2", "spelling")
FUZZY_BOOST = 0.3
FUZZY_MAX_EXPANSIONS = 20
# No edit for words under four letters (acronyms such as TOM or ASC would otherwise reach "to" and
# "as", which are in most documents), one up to six letters, two from seven.
FUZZINESS = "AUTO:4,7"
# Loosening is costly (near misses expand each word across the whole index; "any word" matches
# much of it) and rarely needed: a search is first run on most of the words as typed, and only
# when that finds fewer than this many documents is it run again, loosened. Below a handful the
# words were probably misspelt, or the question was worded unlike the content.
TYPO_FALLBACK_BELOW = 5
# The aggregation counting what the words found before the selected facets narrowed it: a filter
# that leaves few results says nothing about spelling, and a retry would be wasted work.
WORDS_FOUND = "words_found"

# The knowledge base is what officers come for: at equal relevance, a case study or a resource
# comes before a thread, a service, an organisation's page or an offer. Modest on purpose: on
# the judged set 1.5 / 1.25 scored a little higher still, but would bury a thread that answers
# the question better than a case study that only mentions it.
KIND_PRIORS = {"case_study": 1.3, "resource": 1.15}

# Freshness and well-answered threads nudge the score (multiplied, between 1 and MAX_NUDGE).
FRESHNESS_WEIGHT = 0.25
ANSWERED_WEIGHT = 0.15
REPLIES_WEIGHT = 0.1
MAX_NUDGE = 1.5

SNIPPET_FRAGMENT_SIZE = 180
HIGHLIGHTED_FIELDS = ("summary", "body", "title")
AUTOCOMPLETE_TAGS_SCANNED = 50


def max_page(per_page: int) -> int:
    return max(1, MAX_RESULT_WINDOW // max(1, per_page))


def clamp_page(page: int, per_page: int) -> int:
    """Pages past Elasticsearch's result window cannot be fetched: stop at the last one that can."""
    return min(max(1, page), max_page(per_page))


# --- relevance ------------------------------------------------------------------------------


def words_found(answer: dict) -> int:
    """How many documents the words found for this person (in the scope), whatever the facets."""
    counted = answer.get("aggregations", {}).get(WORDS_FOUND)
    return counted["doc_count"] if counted else answer["hits"]["total"]["value"]


def needs_loosening(answer: dict) -> bool:
    """Whether most of the words, as typed, found so little that the search should be run again
    loosened (an answer to a `build_search_body` request that was not loose)."""
    return words_found(answer) < TYPO_FALLBACK_BELOW


def concept_query(concept: Concept, *, loose: bool = False, correction: str = "") -> dict:
    """Documents that mention the concept in any of its phrasings, scored by the best one; with
    `loose`, near misses of a typed word too (never of a known term such as an acronym), and
    the index's own correction of a word it does not hold, as if it had been typed."""
    phrasings = []
    alternatives = concept.alternatives
    if loose and correction and not concept.known:
        alternatives = (*alternatives, correction)
    for phrase in alternatives:
        if " " in phrase:
            phrasings.append(
                {
                    "multi_match": {
                        "query": phrase,
                        "type": "phrase",
                        "fields": list(TEXT_FIELDS),
                        "slop": ALTERNATIVE_SLOP,
                    }
                }
            )
        else:
            phrasings.append(
                {
                    "multi_match": {
                        "query": phrase,
                        "type": "cross_fields",
                        "fields": [*TEXT_FIELDS, *JOINED_FIELDS],
                    }
                }
            )
    if loose and not concept.known:
        phrasings.append(
            {
                "multi_match": {
                    "query": concept.typed,
                    "fields": list(FUZZY_FIELDS),
                    "fuzziness": FUZZINESS,
                    "prefix_length": 1,
                    "max_expansions": FUZZY_MAX_EXPANSIONS,
                    "operator": "and",
                    "boost": FUZZY_BOOST,
                }
            }
        )
    return phrasings[0] if len(phrasings) == 1 else {"dis_max": {"queries": phrasings}}


def text_query(
    query: str, *, loose: bool = False, corrections: dict[str, str] | None = None
) -> dict:
    """Documents that match most of the question's concepts (any of them, with near misses and
    `corrections` of misspelt words, when `loose`), scored by where and how they match. The
    bonus for the question's own phrase is a rescore (`phrase_rescore`)."""
    concepts = expand(query)
    if not concepts:
        return {"match_none": {}}
    corrections = corrections or {}
    words = {
        "bool": {
            "should": [
                concept_query(concept, loose=loose, correction=corrections.get(concept.typed, ""))
                for concept in concepts
            ],
            "minimum_should_match": (
                LOOSE_MINIMUM_SHOULD_MATCH if loose else MINIMUM_SHOULD_MATCH
            ),
        }
    }
    return {"bool": {"must": [words]}}


def phrase_rescore(query: str) -> dict:
    """The question's words together, in order, score higher: checked only on the best
    `PHRASE_RESCORE_WINDOW` matches of each shard, since a phrase over every match of a broad
    question cost a fifth of a search's time at 100,000 items. Nudged like the words are."""
    phrases = [
        {"match_phrase": {field: {"query": query, "slop": PHRASE_SLOP, "boost": boost}}}
        for field, boost in PHRASE_BOOSTS.items()
    ]
    return {
        "window_size": PHRASE_RESCORE_WINDOW,
        "query": {"rescore_query": nudged({"bool": {"should": phrases}})},
    }


def nudged(query: dict) -> dict:
    """Gently favour fresh content and answered, busy threads (the score is multiplied by 1 plus
    small weights, so relevance decides and these only break near-ties), and the knowledge base
    (`KIND_PRIORS`)."""
    functions = [
        {"weight": 1.0},  # the floor: nothing is ever scored below its text relevance
        {
            "filter": {"exists": {"field": "published_at"}},
            "gauss": {
                "published_at": {"origin": "now", "offset": "30d", "scale": "365d", "decay": 0.5}
            },
            "weight": FRESHNESS_WEIGHT,
        },
        {"filter": {"term": {"answered": True}}, "weight": ANSWERED_WEIGHT},
        {
            "filter": {"exists": {"field": "reply_count"}},
            "field_value_factor": {"field": "reply_count", "modifier": "log1p", "missing": 0},
            "weight": REPLIES_WEIGHT,
        },
    ]
    nudge = {
        "function_score": {
            "query": query,
            "functions": functions,
            "score_mode": "sum",
            "boost_mode": "multiply",
            "max_boost": MAX_NUDGE,
        }
    }
    priors = [{"filter": {"term": {"kind": k}}, "weight": w} for k, w in KIND_PRIORS.items()]
    # Other kinds match no function and keep their score (a factor of 1).
    return {
        "function_score": {
            "query": nudge,
            "functions": priors,
            "score_mode": "first",
            "boost_mode": "multiply",
        }
    }


# --- the bodies -----------------------------------------------------------------------------


def highlighting(query: str) -> dict:
    # Marks each matched word and vocabulary phrase with plain queries: highlighting through the
    # fuzzy and function_score clauses costs far more and marks nothing more useful.
    phrasings = [
        {
            "multi_match": {
                "query": phrase,
                "fields": list(HIGHLIGHTED_FIELDS),
                **({"type": "phrase", "slop": ALTERNATIVE_SLOP} if " " in phrase else {}),
            }
        }
        for concept in expand(query)
        for phrase in concept.alternatives
    ]
    words = {"bool": {"should": phrasings}}
    return {
        "encoder": "html",  # the stored text is escaped; only our <mark> tags are HTML
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "highlight_query": words,
        "fields": {
            "summary": {"fragment_size": SNIPPET_FRAGMENT_SIZE, "number_of_fragments": 1},
            "body": {"fragment_size": SNIPPET_FRAGMENT_SIZE, "number_of_fragments": 1},
            "title": {"number_of_fragments": 0},
        },
    }


def did_you_mean(query: str) -> dict:
    """A term suggester over plain (unstemmed, unexpanded) words from every text field: for each
    word the index does not hold at all, the likeliest word it does hold, one or two letters
    away. It feeds the loosened retry (`corrections`) and "did you mean"; known terms, words in
    capitals and short words are kept as typed by the backend."""
    return {
        "text": query,
        "spelling": {
            "term": {
                "field": "spelling",
                "size": 1,
                "suggest_mode": "missing",
                "min_word_length": 4,
                "prefix_length": 1,
                "sort": "score",
            }
        },
    }


def corrections(answer: dict) -> dict[str, str]:
    """{typed word: the index's correction} from an answer to a request with `did_you_mean`."""
    found = {}
    for entry in answer.get("suggest", {}).get("spelling", []):
        if entry.get("options"):
            found[entry["text"].casefold()] = entry["options"][0]["text"]
    return found


SOURCE_FIELDS = ["kind", "title", "summary", "url", "published_at", "meta_line"]


def build_search_body(
    query: str,
    *,
    audiences: list[str],
    filters: SearchFilters,
    sort: str,
    page: int,
    per_page: int,
    today: date | None = None,
    loose: bool = False,
    corrections: dict[str, str] | None = None,
) -> dict:
    """The whole search, as one request: hits, facet counts and spelling suggestion.

    First on most of the words as typed; `loose` is the second request, sent only when the first
    found little (`needs_loosening`): any word, with near misses. It leaves out the suggester,
    which the first request already answered. With no words, filtered content is listed newest
    first (browsing by facet)."""
    query = query.strip()
    page = clamp_page(page, per_page)
    restrict = visibility_filters(audiences, today=today) + scope_filters(filters)
    if query:
        scored = nudged(text_query(query, loose=loose, corrections=corrections))
        main = {"bool": {"must": [scored], "filter": restrict}}
    else:
        main = {"bool": {"filter": restrict}}
    body: dict = {
        "query": main,
        "from": (page - 1) * per_page,
        "size": per_page,
        "track_total_hits": True,
        "_source": SOURCE_FIELDS,
        "aggs": aggregations(filters),
    }
    chosen = selected_facet_filters(filters)
    if chosen:
        # Applied after the facets are counted: see aggregations().
        body["post_filter"] = all_of(chosen)
        if query and not loose:
            body["aggs"][WORDS_FOUND] = {"filter": {"match_all": {}}}
    if sort == SORT_NEWEST or not query:
        body["sort"] = [{"published_at": {"order": "desc", "missing": "_last"}}, "_doc"]
    elif PHRASE_BOOSTS:
        body["rescore"] = phrase_rescore(query)
    if query:
        body["highlight"] = highlighting(query)
        if not loose:
            body["suggest"] = did_you_mean(query)
    return body


def build_count_body(
    query: str,
    *,
    audiences: list[str],
    filters: SearchFilters,
    today: date | None = None,
    loose: bool = True,
    corrections: dict[str, str] | None = None,
) -> dict:
    """How many results these words would find for this person (checks a spelling suggestion),
    loosened when the search it is compared with was."""
    restrict = visibility_filters(audiences, today=today) + scope_filters(filters)
    restrict += selected_facet_filters(filters)
    words = text_query(query, loose=loose, corrections=corrections)
    return {"query": {"bool": {"must": [words], "filter": restrict}}}


def build_autocomplete_body(
    prefix: str, *, audiences: list[str], limit: int, today: date | None = None
) -> dict:
    """Titles and tags that start with what has been typed so far (each word a prefix)."""
    prefix = prefix.strip()
    title_match = {
        "match": {"title.autocomplete": {"query": prefix, "operator": "and", "_name": "title"}}
    }
    tag_match = {
        "match": {"tags.autocomplete": {"query": prefix, "operator": "and", "_name": "tag"}}
    }
    return {
        "query": {
            "bool": {
                "should": [title_match, tag_match],
                "minimum_should_match": 1,
                "filter": visibility_filters(audiences, today=today),
            }
        },
        "size": limit * 2,  # room for same-titled pages, offered once
        "_source": ["kind", "title", "url"],
        "aggs": {
            "tags": {
                "filter": tag_match,
                "aggs": {"values": {"terms": {"field": "tags", "size": AUTOCOMPLETE_TAGS_SCANNED}}},
            }
        },
    }
