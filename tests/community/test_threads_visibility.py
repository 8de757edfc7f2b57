"""Members-only communities show outsiders nothing of their threads, anywhere."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from community.models import Community, ContentStatus
from community.selectors.discussions import posts_visible_to, threads_visible_to
from tests.factories import (
    CommunityFactory,
    OrganisationFactory,
    UserFactory,
    make_member,
    make_moderator,
    make_officer,
    make_post,
    make_thread,
    make_verified_user,
)

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Budget gap in the merged HR team"
SECRET_BODY = "We are short by two posts and nobody outside may know yet."
SECRET_REPLY = "Our interim plan is agency staff until March."


@pytest.fixture
def secret():
    community = CommunityFactory(name="Chief executives", visibility=Community.Visibility.MEMBERS)
    thread = make_thread(community, title=SECRET_TITLE, body_markdown=SECRET_BODY)
    make_post(thread, body_markdown=SECRET_REPLY)
    make_member(community)
    return thread


def outsider(kind: str):
    if kind == "anonymous":
        return None
    if kind == "signed_in":
        return UserFactory()
    if kind == "verified":
        return make_verified_user()
    return make_officer(OrganisationFactory())


def editor():
    person = make_verified_user()
    person.groups.add(Group.objects.get(name="Editors"))
    return person


def pages_of(client, thread) -> dict[str, object]:
    slug = thread.community.slug
    return {
        "list": client.get(reverse("community:communities")),
        "community": client.get(reverse("community:community", kwargs={"slug": slug})),
        "thread": client.get(thread.get_absolute_url()),
        "members": client.get(reverse("community:community_members", kwargs={"slug": slug})),
    }


@pytest.mark.parametrize("kind", ["anonymous", "signed_in", "verified", "officer"])
def test_outsiders_see_no_thread_of_a_members_only_community_anywhere(client, secret, kind):
    person = outsider(kind)
    if person:
        client.force_login(person)

    pages = pages_of(client, secret)

    assert pages["thread"].status_code == 404
    assert pages["members"].status_code == 404
    for name in ("list", "community"):
        html = pages[name].content.decode()
        assert pages[name].status_code == 200
        assert "Chief executives" in html
        assert SECRET_TITLE not in html
        assert SECRET_BODY not in html
        assert "1 thread" not in html
        assert "1 member" not in html
    assert "members-only" not in pages["thread"].content.decode()


@pytest.mark.parametrize("kind", ["member", "moderator", "editor"])
def test_members_moderators_and_editors_read_a_members_only_community(client, secret, kind):
    if kind == "member":
        person = make_member(secret.community, make_verified_user())
    elif kind == "moderator":
        person = make_moderator(secret.community)
    else:
        person = editor()
    client.force_login(person)

    pages = pages_of(client, secret)

    assert all(response.status_code == 200 for response in pages.values())
    assert SECRET_TITLE in pages["community"].content.decode()
    assert "1 thread" in pages["list"].content.decode()
    thread_page = pages["thread"].content.decode()
    assert SECRET_BODY in thread_page
    assert SECRET_REPLY in thread_page


def test_a_pending_member_is_still_an_outsider(client, secret):
    person = make_member(secret.community, make_verified_user(), status="pending")
    client.force_login(person)

    assert client.get(secret.get_absolute_url()).status_code == 404
    assert not threads_visible_to(person).exists()


def test_selectors_hide_members_only_threads_across_all_communities(secret):
    public_thread = make_thread(CommunityFactory(), title="Open question")
    verified = make_verified_user()

    assert list(threads_visible_to(verified)) == [public_thread]
    assert not posts_visible_to(verified, secret).exists()


def test_pending_content_is_seen_only_by_its_author_and_moderators(client):
    community = CommunityFactory()
    author = make_member(community, make_verified_user())
    moderator = make_moderator(community)
    thread = make_thread(community, title="Visible thread")
    pending_thread = make_thread(
        community, author=author, title="Pending thread", status=ContentStatus.PENDING
    )
    hidden_reply = make_post(
        thread, author=author, body_markdown="A hidden reply", status=ContentStatus.HIDDEN
    )

    bystander = make_member(community, make_verified_user())
    assert list(threads_visible_to(bystander, community)) == [thread]
    assert hidden_reply not in posts_visible_to(bystander, thread)
    assert pending_thread in threads_visible_to(author, community)
    assert pending_thread in threads_visible_to(moderator, community)
    assert hidden_reply in posts_visible_to(moderator, thread)

    client.force_login(author)
    own = client.get(pending_thread.get_absolute_url()).content.decode()
    assert "Waiting for a moderator" in own
    client.force_login(bystander)
    assert client.get(pending_thread.get_absolute_url()).status_code == 404
    assert "A hidden reply" not in client.get(thread.get_absolute_url()).content.decode()
