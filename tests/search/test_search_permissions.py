"""Members-only content is found only by the people who may read it: searched as each role on
the real Elasticsearch node, in results, facet counts, autocomplete and "did you mean"."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from community.models import Community, ContentStatus, Membership
from search.audience import audiences_for
from search.backends import elastic
from search.query import build_autocomplete_body, build_count_body, build_search_body
from search.types import SearchFilters
from tests.factories import (
    CommunityFactory,
    UserFactory,
    make_member,
    make_moderator,
    make_thread,
)

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Confidential pay negotiation strategy"


def editor():
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


ROLES = {
    "anonymous": lambda community: AnonymousUser(),
    "signed_in_non_member": lambda community: UserFactory(),
    "pending_member": lambda community: make_member(community, status=Membership.Status.PENDING),
    "removed_member": lambda community: make_member(community, status=Membership.Status.REMOVED),
    "member": lambda community: make_member(community),
    "moderator": lambda community: make_moderator(community),
    "editor": lambda community: editor(),
    "superuser": lambda community: UserFactory(is_superuser=True),
}
MAY_READ = {"member", "moderator", "editor", "superuser"}


@pytest.fixture
def closed_circle(search_index) -> Community:
    """A members-only community with one thread, indexed with a public thread beside it."""
    community = CommunityFactory(
        name="Closed circle", slug="closed-circle", visibility=Community.Visibility.MEMBERS
    )
    open_community = CommunityFactory(name="Open forum", slug="open-forum")
    search_index.add(
        make_thread(community, title=SECRET_TITLE, body_markdown="Our pay offer."),
        make_thread(open_community, title="Public pay benchmarking", body_markdown="Pay data."),
    )
    return community


def search_as(user, query: str):
    return elastic.search(query, user=user, filters=SearchFilters())


@pytest.mark.parametrize("role", list(ROLES))
def test_a_members_only_thread_is_found_only_by_those_who_may_read_it(closed_circle, role):
    user = ROLES[role](closed_circle)

    titles = [hit.title for hit in search_as(user, "pay negotiation").hits]

    # Both words find the secret thread; "pay" alone finds the public one, ranked after it.
    expected = [SECRET_TITLE] if role in MAY_READ else []
    assert titles == [*expected, "Public pay benchmarking"]


@pytest.mark.parametrize("role", list(ROLES))
def test_facet_counts_include_members_only_threads_only_for_their_readers(closed_circle, role):
    user = ROLES[role](closed_circle)

    results = search_as(user, "pay")
    facets = {facet.name: {v.value: v.count for v in facet.values} for facet in results.facets}

    if role in MAY_READ:
        assert facets["community"] == {"closed-circle": 1, "open-forum": 1}
        assert facets["kind"] == {"thread": 2}
    else:
        assert facets["community"] == {"open-forum": 1}
        assert facets["kind"] == {"thread": 1}


@pytest.mark.parametrize("role", list(ROLES))
def test_autocomplete_offers_a_members_only_title_only_to_its_readers(closed_circle, role):
    user = ROLES[role](closed_circle)

    texts = [suggestion.text for suggestion in elastic.autocomplete("confid", user=user)]

    assert texts == ([SECRET_TITLE] if role in MAY_READ else [])


def test_did_you_mean_never_suggests_a_word_only_members_can_find(closed_circle):
    outsider = search_as(AnonymousUser(), "confidentail")
    member = search_as(make_member(closed_circle), "confidentail")

    assert (outsider.total, outsider.did_you_mean) == (0, "")
    # The member's answer shows the suggester does propose the word: outsiders are spared it.
    assert (member.total, member.did_you_mean) == (1, "confidential")


@pytest.mark.parametrize("status", [ContentStatus.PENDING, ContentStatus.HIDDEN])
def test_a_thread_waiting_for_or_hidden_by_a_moderator_is_found_by_nobody(search_index, status):
    community = CommunityFactory(name="Waste officers")
    search_index.add(make_thread(community, title="Fly tipping enforcement", status=status))
    everyone = [ROLES[role](community) for role in ROLES]

    found = [search_as(user, "fly tipping").total for user in everyone]

    assert found == [0] * len(everyone)


def test_the_audience_filter_is_in_the_query_so_it_narrows_every_count_and_suggestion():
    audiences = ["public", "community:7"]
    search_body = build_search_body(
        "pay",
        audiences=audiences,
        filters=SearchFilters(kinds=("thread",)),
        sort="relevance",
        page=1,
        per_page=20,
    )
    autocomplete_body = build_autocomplete_body("pa", audiences=audiences, limit=8)

    audience = {"terms": {"audience": audiences}}
    assert audience in search_body["query"]["bool"]["filter"]
    assert audience in autocomplete_body["query"]["bool"]["filter"]
    assert "audience" not in str(search_body["post_filter"])


def test_the_loosened_retry_and_the_suggestion_count_keep_the_audience_filter():
    audiences = ["public", "community:7"]
    retry = build_search_body(
        "pay",
        audiences=audiences,
        filters=SearchFilters(),
        sort="relevance",
        page=1,
        per_page=20,
        loose=True,
    )
    count = build_count_body("pay", audiences=audiences, filters=SearchFilters())

    audience = {"terms": {"audience": audiences}}
    assert audience in retry["query"]["bool"]["filter"]
    assert audience in count["query"]["bool"]["filter"]
    assert "fuzziness" in str(retry["query"]) and "fuzziness" in str(count["query"])


def test_a_member_finds_a_members_only_thread_through_a_typo_and_an_outsider_does_not(
    closed_circle,
):
    member = search_as(make_member(closed_circle), "negotation")

    assert [hit.title for hit in member.hits] == [SECRET_TITLE]
    assert search_as(AnonymousUser(), "negotation").total == 0


def test_nobody_signed_in_sees_public_content_and_public_profiles_without_a_database_query(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        audiences = audiences_for(AnonymousUser())

    assert audiences == ["public", "non-members"]
