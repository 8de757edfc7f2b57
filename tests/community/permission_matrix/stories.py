"""Stories and listings: responding to a story, adding weight, marking a change made, and
expressing interest in a listing."""

from django.test import Client
from django.urls import reverse

from community.models import Interest, StoryChange, StoryResponse, StoryWeight
from tests.community.permission_matrix.world import Action, Outcome, World


def respond_to_story(client: Client, world: World) -> Outcome:
    response = client.post(
        reverse("community:story_respond", kwargs={"story_id": world.story.pk}),
        {"body": "Thank you for telling us."},
    )
    return response, StoryResponse.objects.filter(story=world.story).exists()


def add_weight(client: Client, world: World) -> Outcome:
    response = client.post(reverse("community:story_weight", kwargs={"story_id": world.story.pk}))
    return response, StoryWeight.objects.filter(story=world.story).exists()


def mark_change_made(client: Client, world: World) -> Outcome:
    response = client.post(
        reverse("community:story_change", kwargs={"story_id": world.story.pk}),
        {
            "body": "Letters now go by email.",
            "changed_on_day": "1",
            "changed_on_month": "10",
            "changed_on_year": "2026",
        },
    )
    return response, StoryChange.objects.filter(story=world.story).exists()


def express_interest(client: Client, world: World) -> Outcome:
    response = client.post(
        reverse("community:listing_interest", kwargs={"pk": world.listing.pk}),
        {"message": "We would like to talk."},
    )
    return response, Interest.objects.filter(listing=world.listing).exists()


ACTIONS: dict[str, Action] = {
    "respond to a story": respond_to_story,
    "add weight to a story": add_weight,
    "mark a change made": mark_change_made,
    "express interest in a listing": express_interest,
}
