"""A private community is found by nobody outside it: not its threads' words, not even its name.
Searched as each role on the real Elasticsearch node, in results, facets and autocomplete."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse

from community.models import Community, Membership
from search.backends import database, elastic
from search.types import SearchFilters
from tests.factories import (
    CommunityFactory,
    UserFactory,
    make_member,
    make_moderator,
    make_thread,
)
from tests.search.draining import drain_everything

pytestmark = pytest.mark.django_db

NAME = "Quiet safeguarding leads"
SECRET_TITLE = "Serious case review lessons from Eastvale"


def editor():
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


ROLES = {
    "anonymous": lambda community: AnonymousUser(),
    "signed_in_non_member": lambda community: UserFactory(),
    "removed_member": lambda community: make_member(community, status=Membership.Status.REMOVED),
    "member": lambda community: make_member(community),
    "moderator": lambda community: make_moderator(community),
    "editor": lambda community: editor(),
}
MAY_READ = {"member", "moderator", "editor"}


@pytest.fixture
def hidden_circle(search_index) -> Community:
    community = CommunityFactory(
        name=NAME, slug="quiet-safeguarding", visibility=Community.Visibility.PRIVATE
    )
    search_index.add(community, make_thread(community, title=SECRET_TITLE))
    return community


def search_as(user, query: str):
    return elastic.search(query, user=user, filters=SearchFilters())


@pytest.mark.parametrize("role", list(ROLES))
def test_a_private_communitys_thread_and_name_are_found_only_by_its_readers(hidden_circle, role):
    user = ROLES[role](hidden_circle)

    thread_titles = [hit.title for hit in search_as(user, "serious case review").hits]
    name_titles = [hit.title for hit in search_as(user, "quiet safeguarding").hits]
    facets = {f.name: [v.value for v in f.values] for f in search_as(user, "lessons").facets}
    suggestions = [s.text for s in elastic.autocomplete("quiet safe", user=user)]

    if role in MAY_READ:
        assert thread_titles == [SECRET_TITLE]
        assert NAME in name_titles
        assert facets["community"] == ["quiet-safeguarding"]
    else:
        assert thread_titles == []
        assert name_titles == []
        assert "quiet-safeguarding" not in facets.get("community", [])
        assert NAME not in suggestions


def test_the_search_api_tells_an_outsider_nothing_of_a_private_community(client, hidden_circle):
    client.force_login(UserFactory())

    for words in ("serious case review", "quiet safeguarding"):
        answer = client.get(reverse("search:api"), {"q": words})

        assert answer.status_code == 200
        assert answer.json()["results"] == []
        assert NAME not in answer.text and SECRET_TITLE not in answer.text


def test_making_a_public_community_private_takes_its_threads_out_of_outsiders_search(
    search_index,
):
    community = CommunityFactory(name=NAME, slug="quiet-safeguarding")
    make_thread(community, title=SECRET_TITLE)
    drain_everything()
    assert search_as(AnonymousUser(), "serious case review").total == 1

    # What an editor does in the admin: the save goes through the outbox, like every change.
    community.visibility = Community.Visibility.PRIVATE
    community.save()
    drain_everything()

    assert search_as(AnonymousUser(), "serious case review").total == 0
    assert search_as(AnonymousUser(), "quiet safeguarding").total == 0
    assert search_as(make_member(community), "serious case review").total == 1


def test_an_outsider_naming_a_private_communitys_slug_in_a_filter_learns_nothing(
    client, hidden_circle
):
    client.force_login(UserFactory())

    page = client.get(reverse("search:page"), {"q": "lessons", "community": hidden_circle.slug})
    api = client.get(reverse("search:api"), {"q": "lessons", "community": hidden_circle.slug})

    for answer in (page, api):
        assert answer.status_code < 500
        assert NAME not in answer.content.decode()
        assert SECRET_TITLE not in answer.content.decode()


def test_an_editor_makes_a_community_private_in_the_admin_and_its_threads_are_reindexed(
    client, search_index
):
    community = CommunityFactory(name=NAME, slug="quiet-safeguarding", description="Leads.")
    make_thread(community, title=SECRET_TITLE)
    drain_everything()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    edit = reverse("wagtailsnippets_community_community:edit", args=[community.pk])
    assert "Private: only members know it exists" in client.get(edit).content.decode()

    saved = client.post(
        edit,
        {
            "name": NAME,
            "slug": "quiet-safeguarding",
            "description": "Leads.",
            "visibility": "private",
            "join_policy": "approval",
        },
    )
    drain_everything()

    assert saved.status_code == 302, saved.content.decode()[:2000]
    community.refresh_from_db()
    assert community.is_private
    assert search_as(AnonymousUser(), "serious case review").total == 0
    assert search_as(make_member(community), "serious case review").total == 1


@pytest.mark.parametrize("role", list(ROLES))
def test_the_database_search_hides_a_private_community_from_outsiders_too(library, role):
    # What answers while Elasticsearch is down (and in the embedded default).
    community = CommunityFactory(name=NAME, visibility=Community.Visibility.PRIVATE)
    make_thread(community, title=SECRET_TITLE)
    user = ROLES[role](community)

    def titles(words: str) -> list[str]:
        found = database.search(
            words, user=user, filters=SearchFilters(), sort="relevance", page=1, per_page=20
        )
        return [hit.title for hit in found.hits]

    suggestions = [s.text for s in database.autocomplete("quiet safe", user=user)]

    if role in MAY_READ:
        assert titles("serious case review") == [SECRET_TITLE]
        assert NAME in titles("quiet safeguarding")
    else:
        assert titles("serious case review") == []
        assert titles("quiet safeguarding") == []
        assert NAME not in suggestions
