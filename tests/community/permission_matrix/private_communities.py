"""Private communities: only their members know they exist (outsiders get 404, never 403), and an
invitation is accepted by whoever holds the invited address."""

from django.test import Client
from django.urls import reverse

from community.models import Community, Thread
from community.services.invitations import invitation_send
from tests.community.permission_matrix.world import Action, Outcome, World, action_role
from tests.factories import (
    CommunityFactory,
    make_member,
    make_moderator,
    make_post,
    make_thread,
    make_verified_user,
)


def private_circle(world: World) -> tuple[Community, Thread]:
    """A private community with a thread, whose member and moderator are the world's."""
    circle = CommunityFactory(name="Hidden circle", visibility=Community.Visibility.PRIVATE)
    make_member(circle, world.people["member"])
    make_moderator(circle, world.people["moderator"])
    insider = make_member(circle, make_verified_user(username="circle-insider"))
    thread = make_thread(circle, author=insider, title="Circle thread")
    make_post(thread, author=insider, body_markdown="Said only in the circle")
    return circle, thread


def see_private_community(client: Client, world: World) -> Outcome:
    circle, _thread = private_circle(world)
    listed = "Hidden circle" in client.get(reverse("community:communities")).text
    page = client.get(circle.get_absolute_url())
    return page, listed or page.status_code == 200


def read_private_thread(client: Client, world: World) -> Outcome:
    _circle, thread = private_circle(world)
    response = client.get(thread.get_absolute_url())
    return response, response.status_code == 200 and "Said only in the circle" in response.text


def accept_invitation(client: Client, world: World) -> Outcome:
    circle, _thread = private_circle(world)
    person = world.people[action_role(world, client)]
    invitation = invitation_send(
        moderator=make_moderator(circle),
        community=circle,
        email=person.email if person else "nobody@example.org",
    )
    response = client.post(invitation.get_absolute_url())
    invitation.refresh_from_db()
    return response, invitation.accepted_at is not None


ACTIONS: dict[str, Action] = {
    "see a private community exists": see_private_community,
    "read a private thread": read_private_thread,
    "accept an invitation": accept_invitation,
}
# Refused with 404, never 403: a 403 would say the community exists.
NOT_FOUND_WHEN_REFUSED = {"see a private community exists", "read a private thread"}
