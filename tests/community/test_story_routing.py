"""Stories reach the moderators of the communities that cover their service's area, not only
editors; the server refuses everyone else, whatever the page showed them."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from community.models import ContentStatus
from community.selectors.moderation import moderation_queue_for
from community.services.moderation import moderation_act
from tests.factories import (
    CommunityFactory,
    SharedServiceFactory,
    UserFactory,
    cover_service_area,
    make_moderator,
    make_story,
    make_verified_user,
)

QUEUE = reverse("community:moderation_queue")


@pytest.fixture
def revenues(service):
    """A community whose subject is the service's own area."""
    community = CommunityFactory(name="Revenues officers")
    cover_service_area(community, service.service_area)
    return community


@pytest.fixture
def waste(db):
    return CommunityFactory(name="Waste partnerships")


def act_url(story) -> str:
    return reverse("community:moderation_act", kwargs={"content_type": "story", "pk": story.pk})


def test_a_moderator_of_a_community_covering_the_area_sees_and_publishes_a_story(
    client, service, revenues
):
    story = make_story(service, title="Letters never came", status=ContentStatus.PENDING)
    moderator = make_moderator(revenues)
    client.force_login(moderator)

    queue = client.get(QUEUE).content.decode()
    response = client.post(act_url(story), {"action": "approve"})

    assert "Letters never came" in queue
    assert '<dd class="govuk-summary-list__value">Revenues and benefits</dd>' in queue
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == ContentStatus.VISIBLE


def test_a_moderator_of_another_community_neither_sees_nor_acts_on_the_story(
    client, service, revenues, waste
):
    story = make_story(service, title="Letters never came", status=ContentStatus.PENDING)
    outsider = make_moderator(waste)
    client.force_login(outsider)

    queue = client.get(QUEUE).content.decode()
    response = client.post(act_url(story), {"action": "approve"})

    assert "Letters never came" not in queue
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.status == ContentStatus.PENDING


def test_the_service_refuses_a_moderator_outside_the_area(service, revenues, waste):
    story = make_story(service, status=ContentStatus.PENDING)

    with pytest.raises(PermissionDenied):
        moderation_act(moderator=make_moderator(waste), content=story, action="remove")
    story.refresh_from_db()
    assert story.status == ContentStatus.PENDING


def test_editors_still_see_every_story(service, editor, waste):
    story = make_story(service, status=ContentStatus.PENDING)

    assert [item.content for item in moderation_queue_for(editor).pending] == [story]


def test_a_covering_moderator_sees_only_the_stories_of_their_areas(service, revenues):
    ours = make_story(service, status=ContentStatus.PENDING)
    make_story(SharedServiceFactory(name="Bin collections"), status=ContentStatus.PENDING)

    queue = moderation_queue_for(make_moderator(revenues))

    assert [item.content for item in queue.pending] == [ours]


def test_the_story_form_names_the_community_whose_moderators_will_read_it(
    client, service, revenues, citizen
):
    client.force_login(citizen)

    page = client.get(reverse("community:story_new", kwargs={"slug": service.slug}))

    assert "A moderator of Revenues officers will read your story" in page.content.decode()


def test_the_story_form_says_the_editors_read_it_when_no_community_covers_the_area(
    client, service, citizen
):
    client.force_login(make_verified_user())

    page = client.get(reverse("community:story_new", kwargs={"slug": service.slug}))

    assert "The Commons editors will read your story" in page.content.decode()


def test_editors_choose_a_communitys_service_areas_in_the_admin(client, service, revenues):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    page = client.get(
        reverse("wagtailsnippets_community_community:edit", args=[revenues.pk])
    ).content.decode()

    assert 'name="service_areas"' in page
    [area_box] = [
        tag
        for tag in re.findall(r"<input[^>]*>", page)
        if 'name="service_areas"' in tag and f'value="{service.service_area_id}"' in tag
    ]
    assert "checked" in area_box
