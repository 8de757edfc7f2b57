"""Requests to join are a hand-off between people: the community's moderators hear that someone
is waiting, and the person who asked hears the answer, on the site and (unless they turned it
off) by email."""

import pytest
from django.core import mail
from django.urls import reverse

from community.models import Community, Notification
from community.services.communities import (
    membership_approve,
    membership_decline,
    membership_join,
)
from tests.factories import CommunityFactory, make_member, make_moderator, make_verified_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def community() -> Community:
    return CommunityFactory(name="Shared ICT leaders", join_policy=Community.JoinPolicy.APPROVAL)


def members_url(community: Community) -> str:
    return reverse("community:community_members", kwargs={"slug": community.slug})


def test_the_moderators_hear_that_someone_asked_to_join(community):
    first, second = make_moderator(community), make_moderator(community)
    member = make_member(community, make_verified_user())
    person = make_verified_user(display_name="Priya Shah")

    membership_join(user=person, community=community)

    told = Notification.objects.filter(message="Priya Shah asked to join “Shared ICT leaders”")
    assert {notice.user for notice in told} == {first, second}
    assert {notice.url for notice in told} == {members_url(community)}
    assert not Notification.objects.filter(user__in=[member, person]).exists()


def test_asking_twice_tells_the_moderators_once(community):
    make_moderator(community)
    person = make_verified_user()

    membership_join(user=person, community=community)
    membership_join(user=person, community=community)

    assert Notification.objects.count() == 1


def test_the_person_hears_they_were_let_in_by_email_too(
    community, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_BASE_URL = "https://commons.example.org"
    moderator = make_moderator(community)
    person = make_verified_user()
    membership = membership_join(user=person, community=community)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        membership_approve(moderator=moderator, membership=membership)

    [notice] = Notification.objects.filter(user=person)
    assert notice.message == "You are now a member of “Shared ICT leaders”"
    assert notice.url == community.get_absolute_url()
    [email] = mail.outbox
    assert email.to == [person.email]
    assert f"https://commons.example.org{community.get_absolute_url()}" in email.body
    assert "you asked to join a community" in email.body


def test_the_person_hears_their_request_was_declined_and_may_ask_again(
    community, django_capture_on_commit_callbacks
):
    moderator = make_moderator(community)
    person = make_verified_user(email_about_own_posts=False)
    membership = membership_join(user=person, community=community)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        membership_decline(moderator=moderator, membership=membership)

    [notice] = Notification.objects.filter(user=person)
    assert notice.message == (
        "A moderator of “Shared ICT leaders” did not accept your request to join. "
        "You can ask again later."
    )
    assert mail.outbox == []  # they turned these emails off
