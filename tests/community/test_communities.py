"""Communities: the list, joining and leaving, requests to join, and the members page."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from community.models import Community, Membership, ModerationAction
from community.services.communities import (
    membership_approve,
    membership_decline,
    membership_join,
    membership_leave,
)
from tests.factories import (
    CommunityFactory,
    UserFactory,
    make_member,
    make_moderator,
    make_verified_user,
)

pytestmark = pytest.mark.django_db


def approval_community(**fields) -> Community:
    return CommunityFactory(join_policy=Community.JoinPolicy.APPROVAL, **fields)


def test_joining_an_open_community_makes_a_verified_person_a_member_at_once():
    community = CommunityFactory()
    person = make_verified_user()

    membership = membership_join(user=person, community=community)

    assert membership.status == Membership.Status.ACTIVE


def test_joining_a_community_that_needs_approval_waits_for_a_moderator():
    community = approval_community()
    person = make_verified_user()

    membership = membership_join(user=person, community=community)

    assert membership.status == Membership.Status.PENDING


def test_people_without_a_verified_email_cannot_join():
    community = CommunityFactory()
    person = UserFactory()

    with pytest.raises(PermissionDenied):
        membership_join(user=person, community=community)

    assert not Membership.objects.filter(user=person).exists()


def test_joining_twice_keeps_one_membership():
    community = CommunityFactory()
    person = make_verified_user()

    membership_join(user=person, community=community)
    membership_join(user=person, community=community)

    assert Membership.objects.filter(user=person, community=community).count() == 1


def test_a_removed_member_cannot_join_again():
    community = CommunityFactory()
    person = make_member(community, make_verified_user(), status=Membership.Status.REMOVED)

    with pytest.raises(PermissionDenied):
        membership_join(user=person, community=community)

    assert Membership.objects.get(user=person).status == Membership.Status.REMOVED


def test_leaving_ends_the_membership_and_withdrawing_ends_the_request():
    open_one, approval_one = CommunityFactory(), approval_community()
    person = make_verified_user()
    membership_join(user=person, community=open_one)
    membership_join(user=person, community=approval_one)

    membership_leave(user=person, community=open_one)
    membership_leave(user=person, community=approval_one)

    assert not Membership.objects.filter(user=person).exists()


def test_a_moderator_approves_a_request_and_the_approval_is_audited():
    community = approval_community()
    moderator = make_moderator(community)
    membership = membership_join(user=make_verified_user(), community=community)

    membership_approve(moderator=moderator, membership=membership)

    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert ModerationAction.objects.filter(actor=moderator, action="membership_approve").exists()


def test_a_moderator_declines_a_request_and_the_person_may_ask_again():
    community = approval_community()
    moderator = make_moderator(community)
    person = make_verified_user()
    membership = membership_join(user=person, community=community)

    membership_decline(moderator=moderator, membership=membership)

    assert not Membership.objects.filter(user=person).exists()
    assert membership_join(user=person, community=community).status == "pending"


def test_members_who_do_not_moderate_cannot_approve_requests():
    community = approval_community()
    member = make_member(community, make_verified_user())
    membership = membership_join(user=make_verified_user(), community=community)

    with pytest.raises(PermissionDenied):
        membership_approve(moderator=member, membership=membership)

    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING


def test_the_join_button_joins_and_the_leave_button_leaves(client):
    community = CommunityFactory(name="Shared revenues")
    person = make_verified_user()
    client.force_login(person)

    joined = client.post(reverse("community:community_join", kwargs={"slug": community.slug}))
    page = client.get(community.get_absolute_url())

    assert joined.status_code == 302
    assert "You have joined Shared revenues." in page.content.decode()
    assert "Leave this community" in page.content.decode()
    client.post(reverse("community:community_leave", kwargs={"slug": community.slug}))
    assert not Membership.objects.filter(user=person).exists()


def test_joining_by_a_get_request_is_refused(client):
    community = CommunityFactory()
    client.force_login(make_verified_user())

    response = client.get(reverse("community:community_join", kwargs={"slug": community.slug}))

    assert response.status_code == 405
    assert not Membership.objects.exists()


def test_anonymous_people_are_sent_to_sign_in_to_join(client):
    community = CommunityFactory()

    response = client.post(reverse("community:community_join", kwargs={"slug": community.slug}))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_an_unverified_person_is_told_to_confirm_their_email_and_refused_on_post(client):
    community = CommunityFactory()
    client.force_login(UserFactory())

    page = client.get(community.get_absolute_url()).content.decode()
    refused = client.post(reverse("community:community_join", kwargs={"slug": community.slug}))

    assert "Confirm your email address before you join" in page
    assert refused.status_code == 403


def test_moderators_see_and_approve_requests_on_the_members_page(client):
    community = approval_community(visibility=Community.Visibility.MEMBERS)
    moderator = make_moderator(community)
    asker = make_verified_user(display_name="Asha Patel")
    membership = membership_join(user=asker, community=community)
    client.force_login(moderator)

    page = client.get(reverse("community:community_members", kwargs={"slug": community.slug}))
    approved = client.post(
        reverse(
            "community:membership_approve",
            kwargs={"slug": community.slug, "membership_id": membership.pk},
        )
    )

    assert "Asha Patel" in page.content.decode()
    assert "Requests to join" in page.content.decode()
    assert approved.status_code == 302
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE


def test_a_member_cannot_answer_requests_through_the_decline_button(client):
    community = approval_community()
    member = make_member(community, make_verified_user())
    membership = membership_join(user=make_verified_user(), community=community)
    client.force_login(member)

    response = client.post(
        reverse(
            "community:membership_decline",
            kwargs={"slug": community.slug, "membership_id": membership.pk},
        )
    )
    page = client.get(reverse("community:community_members", kwargs={"slug": community.slug}))

    assert response.status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert "Requests to join" not in page.content.decode()


def test_the_members_page_of_a_public_community_is_open_to_everyone(client):
    community = CommunityFactory()
    make_member(community, UserFactory(display_name="Kwame Mensah"))

    page = client.get(reverse("community:community_members", kwargs={"slug": community.slug}))

    assert page.status_code == 200
    assert "Kwame Mensah" in page.content.decode()


def test_the_list_shows_every_community_with_member_counts_for_public_ones(client):
    public = CommunityFactory(name="Shared waste services")
    make_member(public)
    make_member(public)

    page = client.get(reverse("community:communities")).content.decode()

    assert "Shared waste services" in page
    assert "2 members" in page


def test_editors_can_manage_communities_in_the_wagtail_admin(client):
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    community = CommunityFactory(name="Adult social care")

    listing = client.get("/admin/snippets/community/community/")

    assert listing.status_code == 200
    assert "Adult social care" in listing.content.decode()
    assert community.pk
