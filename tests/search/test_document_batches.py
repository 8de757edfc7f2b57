"""Documents are built a batch at a time in a fixed number of queries, say the same as when each
object is prepared on its own (as the database search backend does), and carry plain text."""

import pytest

from community.models import Community, StoryResponse
from search.indexing import sync_batches
from search.sources import source_for
from search.sources.base import SLUG_MARKER, plain_text, url_maker
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    UserFactory,
    make_case_study,
    make_post,
    make_story,
    make_thread,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def twenty_of_each(library):
    """20 threads with replies and tags, 20 case studies, 20 stories (half answered) and 20
    offers and needs."""
    organisations = OrganisationFactory.create_batch(3)
    areas = ServiceAreaFactory.create_batch(2)
    community = CommunityFactory()
    threads = []
    for n in range(20):
        thread = make_thread(community, title=f"Question {n}")
        thread.tags.add(f"topic {n % 4}", "tupe")
        make_post(thread, body_markdown=f"First reply to {n}.")
        make_post(thread, body_markdown="Second reply, *with* emphasis.")
        threads.append(thread)
    case_studies = [
        make_case_study(
            library.case_studies,
            title=f"Shared programme {n}",
            organisations=organisations[: 1 + n % 3],
            service_areas=areas[: 1 + n % 2],
            tags=[f"tag {n % 3}", "shared services"],
        )
        for n in range(20)
    ]
    service = SharedServiceFactory()
    service.partners.set(organisations[1:])
    stories = [make_story(service, title=f"Story {n}") for n in range(20)]
    for story in stories[::2]:
        StoryResponse.objects.create(
            story=story,
            author=UserFactory(),
            organisation=service.lead_organisation,
            body_markdown="Thank you.",
            body_html="<p>Thank you.</p>",
        )
    listings = ListingFactory.create_batch(20)
    return {"thread": threads, "case_study": case_studies, "story": stories, "listing": listings}


@pytest.mark.parametrize(
    ("kind", "queries"), [("thread", 3), ("case_study", 7), ("story", 2), ("listing", 1)]
)
def test_a_batch_of_documents_takes_a_fixed_few_queries_however_many_objects(
    twenty_of_each, django_assert_max_num_queries, kind, queries
):
    source = source_for(kind)
    keys = [source.key_of(obj) for obj in twenty_of_each[kind]]
    source.documents(keys[:1])  # the site's root paths, read once and cached, are not counted

    with django_assert_max_num_queries(queries):
        documents = source.documents(keys)

    assert sorted(documents) == sorted(keys)


def test_the_whole_mixed_batch_takes_thirteen_queries(
    twenty_of_each, django_assert_max_num_queries
):
    batches = [
        (kind, [source_for(kind).key_of(obj) for obj in objects])
        for kind, objects in twenty_of_each.items()
    ]
    for kind, keys in batches:
        source_for(kind).documents(keys[:1])

    # A case study's revisits are read for the whole batch in one query of their own, and so
    # are its published questions and answers (#17 item 6).
    with django_assert_max_num_queries(13):
        built = {kind: source_for(kind).documents(keys) for kind, keys in batches}

    assert [len(documents) for documents in built.values()] == [20, 20, 20, 20]


@pytest.mark.parametrize("kind", ["thread", "case_study", "story", "listing"])
def test_a_batch_says_what_each_object_prepared_on_its_own_says(twenty_of_each, kind):
    source = source_for(kind)
    keys = [source.key_of(obj) for obj in twenty_of_each[kind]]

    in_batch = source.documents(keys)
    one_by_one = {source.key_of(obj): source.document(obj) for obj in source.indexable()}

    assert in_batch == one_by_one
    sample = in_batch[keys[0]]
    assert sample["url"] and (sample.get("tags") or sample.get("organisations"))


def test_a_thread_document_lists_its_tags_and_replies_in_order(twenty_of_each):
    thread = twenty_of_each["thread"][5]

    document = source_for("thread").documents([str(thread.pk)])[str(thread.pk)]

    assert document["tags"] == ["topic 1", "tupe"]
    assert document["body"] == "First reply to 5.\n\nSecond reply, with emphasis."
    assert document["reply_count"] == 2


def test_filling_an_index_in_overlapping_batches_indexes_every_kind(twenty_of_each, es):
    from search.indexes import create_index

    index = create_index(es)
    batches = [
        (kind, [source_for(kind).key_of(obj) for obj in objects[start : start + 7]])
        for kind, objects in twenty_of_each.items()
        for start in range(0, 20, 7)
    ]
    finished = []

    report = sync_batches(
        [*batches, ("thread", ["999999"])],
        client=es,
        index=index,
        after_each=lambda: finished.append(1),
    )

    assert report.indexed_by_kind == {"thread": 20, "case_study": 20, "story": 20, "listing": 20}
    assert (report.indexed, report.removed, report.failed) == (80, 1, {})
    assert len(finished) == len(batches) + 1
    es.indices.refresh(index=index)
    assert es.count(index=index)["count"] == 80


def test_a_node_that_goes_away_mid_fill_stops_the_fill_with_its_error(twenty_of_each):
    from elasticsearch import ConnectionError as NodeUnreachable
    from elasticsearch import Elasticsearch

    nowhere = Elasticsearch("http://127.0.0.1:9", request_timeout=1, max_retries=0)
    keys = [str(thread.pk) for thread in twenty_of_each["thread"]]

    with pytest.raises(NodeUnreachable):
        sync_batches([("thread", keys[:10]), ("thread", keys[10:])], client=nowhere, index="x")


def test_plain_text_keeps_words_of_neighbouring_paragraphs_apart():
    rich_text = '<p data-block-key="a">One.</p><p data-block-key="b">Two<br/>three.</p>'
    markdown = "<p>One.</p>\n<ul>\n<li>Two</li>\n<li>three.</li>\n</ul>\n"

    assert plain_text(rich_text) == "One.\nTwo\nthree."
    assert plain_text(markdown) == "One.\n\nTwo\nthree."


def test_plain_text_decodes_entities_once_and_drops_scripts():
    html = "<p>Fish &amp; chips &lt;b&gt; &amp;lt;</p><script>alert('x')</script>"

    assert plain_text(html, "", "<p>Last</p>") == "Fish & chips <b> &lt;\n\nLast"


def test_a_batch_gives_each_object_the_url_its_own_model_gives(twenty_of_each):
    thread = twenty_of_each["thread"][3]
    Community.objects.filter(pk=thread.community_id).update(slug="ict-leaders")
    thread.refresh_from_db()

    document = source_for("thread").documents([str(thread.pk)])[str(thread.pk)]

    assert document["url"] == thread.get_absolute_url()
    assert "/ict-leaders/" in document["url"] and str(thread.pk) in document["url"]


def test_a_url_value_reversing_would_quote_is_left_to_reverse():
    make = url_maker(Community(slug=SLUG_MARKER), SLUG_MARKER)

    assert make("shared-ict") == Community(slug="shared-ict").get_absolute_url()
    assert make("café") is None
