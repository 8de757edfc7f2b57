"""The moderation queue comes a page at a time, reported content first."""

import pytest
from django.urls import reverse

from community.models import ContentStatus
from community.selectors.moderation import QUEUE_PER_PAGE
from community.services.moderation import flag_create
from tests.factories import (
    CommunityFactory,
    make_moderator,
    make_post,
    make_story,
    make_thread,
    make_verified_user,
)

QUEUE = reverse("community:moderation_queue")


def test_a_long_queue_is_split_into_pages_reported_content_first(client, db):
    waste = CommunityFactory(name="Waste partnerships")
    moderator = make_moderator(waste)
    reported = make_post(make_thread(waste, title="Reported thread"), body_markdown="Advert")
    flag_create(reporter=make_verified_user(), content=reported, reason="spam")
    for number in range(QUEUE_PER_PAGE + 2):
        make_thread(waste, title=f"Waiting question {number:03d}", status=ContentStatus.PENDING)
    client.force_login(moderator)

    first = client.get(QUEUE).content.decode()
    second = client.get(QUEUE, {"page": 2}).content.decode()

    assert "Advert" in first and "Advert" not in second
    on_first = [n for n in range(QUEUE_PER_PAGE + 2) if f"Waiting question {n:03d}" in first]
    on_second = [n for n in range(QUEUE_PER_PAGE + 2) if f"Waiting question {n:03d}" in second]
    assert on_first == list(range(QUEUE_PER_PAGE - 1))
    assert on_second == [QUEUE_PER_PAGE - 1, QUEUE_PER_PAGE, QUEUE_PER_PAGE + 1]
    assert f"Waiting for approval ({QUEUE_PER_PAGE + 2})" in second
    assert 'href="?page=2"' in first and 'href="?page=1"' in second


def test_a_page_past_the_end_shows_the_last_page_not_an_error(client, db):
    waste = CommunityFactory(name="Waste partnerships")
    make_thread(waste, title="Only question", status=ContentStatus.PENDING)
    client.force_login(make_moderator(waste))

    response = client.get(QUEUE, {"page": "99"})

    assert response.status_code == 200
    assert "Only question" in response.content.decode()


@pytest.mark.parametrize(
    ("kind", "action", "banner"),
    [
        ("post", "hide", "Reply hidden"),
        ("post", "approve", "Reply approved"),
        ("thread", "lock", "Thread locked"),
        ("thread", "dismiss", "Reports dismissed"),
    ],
)
def test_each_action_is_confirmed_with_a_banner(client, db, kind, action, banner):
    waste = CommunityFactory(name="Waste partnerships")
    thread = make_thread(waste, title="Bins")
    reply = make_post(thread, status=ContentStatus.PENDING)
    content = reply if kind == "post" else thread
    client.force_login(make_moderator(waste))
    act = reverse("community:moderation_act", kwargs={"content_type": kind, "pk": content.pk})

    page = client.post(act, {"action": action}, follow=True).content.decode()

    assert "govuk-notification-banner--success" in page
    assert f'<p class="govuk-notification-banner__heading">{banner}</p>' in page


def test_publishing_a_story_is_confirmed_with_a_banner(client, service, editor):
    story = make_story(service, status=ContentStatus.PENDING)
    client.force_login(editor)
    act = reverse("community:moderation_act", kwargs={"content_type": "story", "pk": story.pk})

    published = client.post(act, {"action": "approve"}, follow=True).content.decode()
    rejected = client.post(act, {"action": "remove"}, follow=True).content.decode()

    assert '<p class="govuk-notification-banner__heading">Story published</p>' in published
    assert '<p class="govuk-notification-banner__heading">Story rejected</p>' in rejected
