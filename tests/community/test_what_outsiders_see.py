"""What people outside a members-only community learn of it: its name, and nothing more.

Outsiders include former members: once someone leaves or is removed, the titles of the threads they
watched must not keep reaching them through their notification settings or an old email's
unsubscribe page.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from community.models import Community, ContentStatus, Membership, Watch
from community.permissions import readers_among
from community.services.communities import membership_leave
from community.services.watches import unsubscribe_token, watch_start
from tests.factories import (
    CommunityFactory,
    SharedServiceFactory,
    make_member,
    make_moderator,
    make_thread,
    make_verified_user,
)

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Restructuring the revenues team before the vote"
DESCRIPTION = "Chief executives compare notes on budget gaps"
RULES = "Nothing said here is quoted outside the group"


@pytest.fixture
def private():
    return CommunityFactory(
        name="Chief executives",
        visibility=Community.Visibility.MEMBERS,
        description=DESCRIPTION,
        rules=RULES,
    )


@pytest.fixture
def former_member(private):
    """Someone who watched a members-only thread and the community, then left."""
    person = make_verified_user()
    make_member(private, person)
    watch_start(user=person, target=make_thread(private, title=SECRET_TITLE))
    watch_start(user=person, target=private)
    membership_leave(user=person, community=private)
    return person


# --- the community's own pages (item 11) -----------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "signed_in_outsider", "removed_member"])
def test_outsiders_see_a_members_only_communitys_name_but_not_its_description_or_rules(
    client, private, who
):
    if who != "anonymous":
        person = make_verified_user()
        if who == "removed_member":
            make_member(private, person, status=Membership.Status.REMOVED)
        client.force_login(person)

    page = client.get(private.get_absolute_url()).content.decode()
    listing = client.get(reverse("community:communities")).content.decode()

    assert "Chief executives" in page
    assert "Chief executives" in listing
    for text in (DESCRIPTION, RULES):
        assert text not in page
        assert text not in listing
    assert "Only members can read" in page


def test_members_and_moderators_see_the_description_and_rules(client, private):
    for person in (make_member(private), make_moderator(private)):
        client.force_login(person)

        page = client.get(private.get_absolute_url()).content.decode()
        listing = client.get(reverse("community:communities")).content.decode()

        assert DESCRIPTION in page
        assert RULES in page
        assert DESCRIPTION in listing


def test_a_public_communitys_description_and_rules_are_open_to_everyone(client):
    public = CommunityFactory(description=DESCRIPTION, rules=RULES)

    page = client.get(public.get_absolute_url()).content.decode()

    assert DESCRIPTION in page
    assert RULES in page


# --- former members' watches (item 5) ----------------------------------------------------------


def test_the_notification_settings_of_a_former_member_do_not_show_members_only_titles(
    client, private, former_member
):
    public_thread = make_thread(CommunityFactory(name="Waste"), title="Food waste rounds")
    watch_start(user=former_member, target=public_thread)
    client.force_login(former_member)

    page = client.get(reverse("community:notification_settings")).content.decode()

    assert "Food waste rounds" in page
    assert SECRET_TITLE not in page
    assert "Chief executives" not in page


def test_an_old_unsubscribe_link_does_not_show_a_former_member_the_current_titles(
    client, private, former_member
):
    watch = Watch.objects.get(user=former_member, thread__isnull=False)
    one_watch = unsubscribe_token(user=former_member, watch=watch)
    all_watches = unsubscribe_token(user=former_member)

    for token in (one_watch, all_watches):
        page = client.get(reverse("community:unsubscribe", kwargs={"token": token}))

        assert page.status_code == 200
        assert SECRET_TITLE not in page.content.decode()
        assert "Chief executives" not in page.content.decode()


def test_a_member_still_sees_and_manages_their_watches(client, private):
    person = make_verified_user()
    make_member(private, person)
    watch_start(user=person, target=make_thread(private, title=SECRET_TITLE))
    client.force_login(person)

    settings_page = client.get(reverse("community:notification_settings")).content.decode()
    token = unsubscribe_token(user=person)
    unsubscribe_page = client.get(reverse("community:unsubscribe", kwargs={"token": token}))

    assert SECRET_TITLE in settings_page
    assert SECRET_TITLE in unsubscribe_page.content.decode()


def test_a_hidden_thread_no_longer_shows_in_its_watchers_settings(client):
    community = CommunityFactory()
    thread = make_thread(community, title="A thread a moderator later hid")
    person = make_verified_user()
    watch_start(user=person, target=thread)
    thread.status = ContentStatus.HIDDEN
    thread.save(update_fields=["status"])
    client.force_login(person)

    page = client.get(reverse("community:notification_settings")).content.decode()

    assert "A thread a moderator later hid" not in page


# --- private communities (#17 item 4): outsiders learn nothing, not even the name --------------

HIDDEN_NAME = "Whistleblowing officers"
HIDDEN_TITLE = "A concern about the waste contract we cannot raise yet"


@pytest.fixture
def hidden():
    community = CommunityFactory(
        name=HIDDEN_NAME, slug="whistleblowing", visibility=Community.Visibility.PRIVATE
    )
    community.secret_thread = make_thread(community, title=HIDDEN_TITLE)
    return community


def _outsider(kind: str, community: Community):
    if kind == "anonymous":
        return None
    person = make_verified_user()
    if kind == "removed_member":
        make_member(community, person, status=Membership.Status.REMOVED)
    return person


OUTSIDERS = ["anonymous", "signed_in_outsider", "removed_member"]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_a_private_community_and_its_threads_are_not_found_by_outsiders(client, hidden, who):
    person = _outsider(who, hidden)
    if person:
        client.force_login(person)
    slug = {"slug": hidden.slug}
    pages = [
        hidden.get_absolute_url(),
        reverse("community:community_members", kwargs=slug),
        hidden.secret_thread.get_absolute_url(),
    ]
    if person:  # these ask anonymous people to sign in first, which says nothing
        pages.append(reverse("community:thread_new", kwargs=slug))

    for page in pages:
        assert client.get(page).status_code == 404, page
    if person:
        assert client.post(reverse("community:community_join", kwargs=slug)).status_code == 404
        assert not Membership.objects.filter(user=person, status="active").exists()


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_do_not_see_a_private_communitys_name_in_any_list(client, hidden, who, library):
    person = _outsider(who, hidden)
    if person:
        client.force_login(person)

    for page in (reverse("community:communities"), "/sitemap.xml"):
        text = client.get(page).content.decode()

        assert HIDDEN_NAME not in text, page
        assert hidden.slug not in text, page


def test_a_story_form_does_not_name_a_private_community_that_reads_its_stories(client):
    service = SharedServiceFactory()
    hidden = CommunityFactory(name=HIDDEN_NAME, visibility=Community.Visibility.PRIVATE)
    hidden.service_areas.add(service.service_area)
    client.force_login(make_verified_user())

    page = client.get(reverse("community:story_new", kwargs={"slug": service.slug}))

    assert page.status_code == 200
    assert HIDDEN_NAME not in page.content.decode()


@pytest.mark.parametrize("role", ["member", "moderator", "editor"])
def test_readers_see_the_private_community_listed_and_read_its_threads(client, hidden, role):
    if role == "editor":
        person = make_verified_user()
        person.groups.add(Group.objects.get(name="Editors"))
    else:
        person = (make_member if role == "member" else make_moderator)(hidden)
    client.force_login(person)

    listing = client.get(reverse("community:communities")).content.decode()
    thread = client.get(hidden.secret_thread.get_absolute_url())

    assert HIDDEN_NAME in listing
    assert thread.status_code == 200
    assert HIDDEN_TITLE in thread.content.decode()


def test_nobody_asks_to_join_a_private_community_even_a_reader_who_left(client, hidden):
    person = make_member(hidden)
    membership_leave(user=person, community=hidden)
    client.force_login(person)

    answer = client.post(reverse("community:community_join", kwargs={"slug": hidden.slug}))

    assert answer.status_code == 404
    assert not Membership.objects.filter(user=person).exists()


def test_a_new_thread_in_a_private_community_reaches_only_its_readers(hidden):
    member, outsider = make_member(hidden), make_verified_user()

    readers = readers_among([member.pk, outsider.pk], hidden)

    assert readers == {member.pk}
