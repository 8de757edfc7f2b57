"""Invitations into a private community: a moderator invites an address, the person with a
confirmed copy of it follows the emailed link and becomes a member. Expired, used, cancelled and
other people's links get a plain page, never a 500; each step is on the audit trail."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from commons.ratelimits import LIMITS
from community.models import Community, Invitation, Membership, ModerationAction
from community.services.invitations import invitation_send
from tests.factories import (
    CommunityFactory,
    UserFactory,
    make_member,
    make_moderator,
    make_thread,
    make_verified_user,
)

pytestmark = pytest.mark.django_db

NAME = "Whistleblowing officers"


@pytest.fixture
def circle() -> Community:
    community = CommunityFactory(
        name=NAME, slug="whistleblowing", visibility=Community.Visibility.PRIVATE
    )
    make_thread(community, title="The waste contract concern")
    return community


@pytest.fixture
def moderator(circle):
    return make_moderator(circle)


def invite(client, circle, moderator, email, capture):
    client.force_login(moderator)
    with capture(execute=True):
        answer = client.post(
            reverse("community:invitation_new", kwargs={"slug": circle.slug}), {"email": email}
        )
    client.logout()
    return answer


def emailed_link(to: str) -> str:
    message = next(m for m in mail.outbox if m.to == [to])
    return re.search(r"https?://\S+/invitations/\S+/", message.body).group(0)


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def test_a_moderator_invites_and_the_invited_person_joins_through_the_emailed_link(
    client, circle, moderator, django_capture_on_commit_callbacks
):
    sent = invite(client, circle, moderator, "sam@example.org", django_capture_on_commit_callbacks)
    sam = make_verified_user(email="sam@example.org")
    link = path_of(emailed_link("sam@example.org"))
    client.force_login(sam)

    page = client.get(link)
    assert page.status_code == 200
    assert not Membership.objects.filter(user=sam).exists()  # a link scanner's GET joins nobody
    accepted = client.post(link)
    thread = client.get(circle.threads.get().get_absolute_url())

    assert sent.status_code == 302
    assert f"Join {NAME}" in page.content.decode()
    assert accepted["Location"] == circle.get_absolute_url()
    assert Membership.objects.get(user=sam, community=circle).status == Membership.Status.ACTIVE
    assert thread.status_code == 200
    invitation = Invitation.objects.get()
    assert (invitation.accepted_by, invitation.invited_by) == (sam, moderator)
    assert list(ModerationAction.objects.order_by("pk").values_list("actor__pk", "action")) == [
        (moderator.pk, ModerationAction.Action.INVITATION_SEND),
        (sam.pk, ModerationAction.Action.INVITATION_ACCEPT),
    ]


def test_the_invited_address_matches_whatever_its_letter_case(client, circle, moderator):
    invitation = invitation_send(moderator=moderator, community=circle, email="Sam@Example.org")
    client.force_login(make_verified_user(email="sam@example.org"))

    assert client.post(invitation.get_absolute_url()).status_code == 302


def test_signing_in_is_asked_first_and_comes_back_to_the_invitation(client, circle, moderator):
    invitation = invitation_send(moderator=moderator, community=circle, email="sam@example.org")

    answer = client.get(invitation.get_absolute_url())

    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("account_login"))
    assert "invitations" in answer["Location"]


@pytest.mark.parametrize(
    ("case", "status", "heading"),
    [
        ("expired", 410, "This invitation has expired"),
        ("used", 410, "This invitation has already been used"),
        ("cancelled", 410, "This invitation has already been used"),
        ("wrong_person", 403, "This invitation is for someone else"),
        ("unconfirmed", 403, "Confirm your email address first"),
        ("mangled", 404, "This invitation link does not work"),
    ],
)
def test_a_link_that_cannot_be_used_gets_a_plain_page_that_does_not_name_the_community(
    client, circle, moderator, case, status, heading
):
    invitation = invitation_send(moderator=moderator, community=circle, email="sam@example.org")
    person = make_verified_user(email="someone.else@example.org")
    if case == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - datetime.timedelta(minutes=1)
        )
    elif case == "used":
        first = make_verified_user(email="sam@example.org")
        client.force_login(first)
        client.post(invitation.get_absolute_url())
        client.logout()  # and its "you are now a member" message with it
        # Confirmed addresses are unique: the latecomer has an unconfirmed copy of it.
        EmailAddress.objects.create(user=person, email="sam@example.org", verified=False)
    elif case == "cancelled":
        Invitation.objects.filter(pk=invitation.pk).update(cancelled_at=timezone.now())
    elif case == "unconfirmed":
        EmailAddress.objects.create(user=person, email="sam@example.org", verified=False)
    link = invitation.get_absolute_url()
    if case == "mangled":
        link = link[:-6] + "/"
    client.force_login(person)

    for answer in (client.get(link), client.post(link)):
        assert answer.status_code == status
        assert heading in answer.content.decode()
        assert NAME not in answer.content.decode()
    assert not Membership.objects.filter(user=person).exists()


def test_moderators_see_waiting_invitations_and_cancel_one(client, circle, moderator):
    waiting = invitation_send(moderator=moderator, community=circle, email="sam@example.org")
    members_page = reverse("community:community_members", kwargs={"slug": circle.slug})
    client.force_login(make_member(circle))
    assert "sam@example.org" not in client.get(members_page).content.decode()
    client.force_login(moderator)
    assert "sam@example.org" in client.get(members_page).content.decode()

    client.post(
        reverse(
            "community:invitation_cancel",
            kwargs={"slug": circle.slug, "invitation_id": waiting.pk},
        ),
        follow=True,  # shows, and so uses up, the "you cancelled" message naming the address
    )

    waiting.refresh_from_db()
    assert waiting.cancelled_at is not None
    assert "sam@example.org" not in client.get(members_page).content.decode()
    assert ModerationAction.objects.filter(
        actor=moderator, action=ModerationAction.Action.INVITATION_CANCEL
    ).exists()


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_only_moderators_and_editors_invite(client, circle, who):
    person = make_member(circle) if who == "member" else make_verified_user()
    client.force_login(person)

    answer = client.post(
        reverse("community:invitation_new", kwargs={"slug": circle.slug}),
        {"email": "friend@example.org"},
    )

    assert answer.status_code == (403 if who == "member" else 404)
    assert not Invitation.objects.exists()


def test_an_editor_invites_into_any_private_community(client, circle):
    editor = make_verified_user()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    client.post(
        reverse("community:invitation_new", kwargs={"slug": circle.slug}),
        {"email": "friend@example.org"},
    )

    assert Invitation.objects.get().invited_by == editor


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the email address of the person to invite"),
        ("not an address", "Enter an email address in the right form"),
    ],
)
def test_a_bad_address_is_a_clear_error_that_keeps_what_was_typed(
    client, circle, moderator, typed, message
):
    client.force_login(moderator)

    answer = client.post(
        reverse("community:invitation_new", kwargs={"slug": circle.slug}), {"email": typed}
    )

    assert answer.status_code == 400
    assert message in answer.content.decode()
    assert f'value="{typed}"' in answer.content.decode() or not typed
    assert not Invitation.objects.exists()


def test_inviting_too_many_people_is_refused_with_a_plain_message(client, circle, moderator):
    for number in range(LIMITS["invitation"].count):
        invitation_send(moderator=moderator, community=circle, email=f"p{number}@example.org")
    client.force_login(moderator)

    answer = client.post(
        reverse("community:invitation_new", kwargs={"slug": circle.slug}),
        {"email": "one.more@example.org"},
    )

    assert answer.status_code == 400
    assert "You have sent 20 invitations in the last hour" in answer.content.decode()
    assert 'value="one.more@example.org"' in answer.content.decode()
    assert not Invitation.objects.filter(email="one.more@example.org").exists()


def test_an_invitation_lets_back_in_someone_a_moderator_removed(client, circle, moderator):
    person = make_member(circle, make_verified_user(), status=Membership.Status.REMOVED)
    invitation = invitation_send(moderator=moderator, community=circle, email=person.email)
    client.force_login(person)

    client.post(invitation.get_absolute_url())

    assert Membership.objects.get(user=person).status == Membership.Status.ACTIVE


def test_an_unconfirmed_account_is_not_let_in(client, circle, moderator):
    person = UserFactory(email="sam@example.org")
    EmailAddress.objects.create(user=person, email="sam@example.org", verified=False)
    invitation = invitation_send(moderator=moderator, community=circle, email="sam@example.org")
    client.force_login(person)

    assert client.post(invitation.get_absolute_url()).status_code == 403
    assert not Membership.objects.filter(user=person).exists()


def test_a_moderator_of_a_members_only_community_invites_too_without_calling_it_private(
    client, django_capture_on_commit_callbacks
):
    members_only = CommunityFactory(
        name="Finance leads",
        visibility=Community.Visibility.MEMBERS,
        join_policy=Community.JoinPolicy.APPROVAL,
    )
    moderator = make_moderator(members_only)
    invite(client, members_only, moderator, "kim@example.org", django_capture_on_commit_callbacks)
    kim = make_verified_user(email="kim@example.org")
    link = path_of(emailed_link("kim@example.org"))
    client.force_login(kim)

    page = client.get(link).content.decode()
    client.post(link)

    assert "private" not in mail.outbox[0].body
    assert "private" not in page
    assert Membership.objects.get(user=kim).status == Membership.Status.ACTIVE


def test_the_invited_person_sees_the_invitation_on_the_communities_page_and_nobody_else(
    client, circle, moderator
):
    invitation_send(moderator=moderator, community=circle, email="sam@example.org")
    sam = make_verified_user(email="sam@example.org")
    page = reverse("community:communities")

    client.force_login(sam)
    invited = client.get(page).content.decode()
    client.force_login(make_verified_user())
    someone_else = client.get(page).content.decode()
    client.logout()
    anonymous = client.get(page).content.decode()

    assert f"You are invited to join {NAME}" in invited
    assert NAME not in someone_else
    assert NAME not in anonymous
