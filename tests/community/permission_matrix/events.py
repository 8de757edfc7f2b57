"""Events: as readable as their community; outsiders to a private community get 404."""

from django.test import Client
from django.urls import reverse

from community.models import Event, EventSignup
from tests.community.permission_matrix.private_communities import private_circle
from tests.community.permission_matrix.world import Action, Outcome, World
from tests.factories import make_event


def create_event(client: Client, world: World) -> Outcome:
    response = client.post(
        reverse("community:event_new", kwargs={"slug": world.community.slug}),
        {
            "title": "Members' meeting",
            "date_day": "12",
            "date_month": "1",
            "date_year": "2030",
            "start_time": "2pm",
            "end_time": "3:30pm",
            "place": "Town Hall",
        },
    )
    return response, Event.objects.filter(title="Members' meeting").exists()


def sign_up_for_event(client: Client, world: World) -> Outcome:
    community = world.community
    event = make_event(community, title="Members' meeting")
    response = client.post(
        reverse("community:event_signup", kwargs={"slug": community.slug, "event_id": event.pk})
    )
    return response, EventSignup.objects.filter(event=event).exists()


def read_private_event_feed(client: Client, world: World) -> Outcome:
    circle, _thread = private_circle(world)
    make_event(circle, title="Circle meeting")
    response = client.get(reverse("community:community_event_feed", kwargs={"slug": circle.slug}))
    return response, response.status_code == 200 and b"Circle meeting" in response.content


ACTIONS: dict[str, Action] = {
    "create an event": create_event,
    "sign up for a members-only event": sign_up_for_event,
    "read a private community's event feed": read_private_event_feed,
}
# Refused with 404, never 403: a 403 would say the private community exists.
NOT_FOUND_WHEN_REFUSED = {"read a private community's event feed"}
