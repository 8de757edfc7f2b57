"""Rate and narrate: people tell the story of a shared service; moderators publish it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community.models import (
    ContentStatus,
    ModerationAction,
    Notification,
    Story,
    StoryResponse,
)
from community.selectors.stories import service_rating_summary, stories_pending_moderation
from community.services.stories import story_publish, story_reject, story_submit
from tests.factories import UserFactory, make_story, make_verified_user

GOOD_STORY = {
    "overall": "4",
    "ease": "5",
    "speed": "3",
    "communication": "2",
    "title": "Sorted in a week",
    "body_markdown": "I moved house and my council tax was sorted in a week.",
    "show_name": "on",
}


def answer(story: Story) -> StoryResponse:
    return StoryResponse.objects.create(
        story=story,
        author=make_verified_user(),
        organisation=story.shared_service.lead_organisation,
        body_markdown="Thank you.",
        body_html="<p>Thank you.</p>",
    )


def new_story_url(service) -> str:
    return reverse("community:story_new", kwargs={"slug": service.slug})


def test_telling_a_story_needs_signing_in(client, service):
    response = client.get(new_story_url(service))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert client.post(new_story_url(service), GOOD_STORY).status_code == 302
    assert not Story.objects.exists()


def test_telling_a_story_needs_a_verified_email_address(client, service):
    client.force_login(UserFactory())

    response = client.post(new_story_url(service), GOOD_STORY)

    assert response.status_code == 403
    assert "Confirm your email address first" in response.content.decode()
    assert not Story.objects.exists()


def test_a_told_story_waits_for_a_moderator_and_says_so(client, service, citizen):
    client.force_login(citizen)

    response = client.post(new_story_url(service), GOOD_STORY, follow=True)

    story = Story.objects.get()
    assert (story.status, story.author, story.overall, story.ease) == (
        ContentStatus.PENDING,
        citizen,
        4,
        5,
    )
    assert story.show_name is True
    assert "after a moderator checks it" in response.content.decode()
    assert list(stories_pending_moderation()) == [story]


def test_a_pending_story_is_shown_only_to_its_author(client, service, citizen):
    make_story(service, author=citizen, title="My pending story", status=ContentStatus.PENDING)

    client.force_login(citizen)
    own_page = client.get(service.get_absolute_url()).content.decode()
    client.force_login(make_verified_user())
    other_page = client.get(service.get_absolute_url()).content.decode()
    client.logout()
    anonymous_page = client.get(service.get_absolute_url()).content.decode()

    assert "Waiting for a moderator" in own_page
    assert "My pending story" in own_page
    for page in (other_page, anonymous_page):
        assert "My pending story" not in page
        assert "Waiting for a moderator" not in page
        assert "Nobody has told the story" in page


def test_publishing_shows_the_story_with_the_right_averages(client, service, editor):
    ratings = [(5, 4, None, 3), (4, 2, 5, None), (2, None, None, None), (5, 5, 1, 4)]
    for overall, ease, speed, communication in ratings:
        story = make_story(
            service,
            status=ContentStatus.PENDING,
            title=f"Rated {overall}",
            overall=overall,
            ease=ease,
            speed=speed,
            communication=communication,
        )
        story_publish(moderator=editor, story=story)
    make_story(service, status=ContentStatus.PENDING, overall=1, title="Still pending")

    summary = service_rating_summary(service)
    page = client.get(service.get_absolute_url()).content.decode()

    assert summary.count == 4
    assert (summary.overall, summary.ease, summary.speed, summary.communication) == (
        4.0,
        3.7,
        3.0,
        3.5,
    )
    assert [(row.stars, row.count, row.percent) for row in summary.distribution] == [
        (5, 2, 50),
        (4, 1, 25),
        (3, 0, 0),
        (2, 1, 25),
        (1, 0, 0),
    ]
    assert "Rated 4.0 out of 5 overall, from 4 stories." in page
    assert "3.7 out of 5" in page
    assert "Rated 5" in page and "Rated 2" in page
    assert "Still pending" not in page


def test_publishing_and_rejecting_are_for_editors_and_are_audited(service, editor, citizen):
    story = make_story(service, status=ContentStatus.PENDING)
    other = make_story(service, status=ContentStatus.PENDING)

    with pytest.raises(PermissionDenied):
        story_publish(moderator=citizen, story=story)
    story_publish(moderator=editor, story=story)
    story_reject(moderator=editor, story=other, note="Names a member of staff.")

    story.refresh_from_db()
    other.refresh_from_db()
    assert (story.status, other.status) == (ContentStatus.VISIBLE, ContentStatus.REMOVED)
    assert story.moderated_at is not None
    # The teller's trust level earned by the publication has its own row (test_trust_levels).
    about_stories = ModerationAction.objects.exclude(action__startswith="trust_level")
    assert list(about_stories.values_list("action", "note").order_by("pk")) == [
        ("story_published", ""),
        ("story_rejected", "Names a member of staff."),
    ]


def test_the_teller_is_told_on_the_site_whether_their_story_was_published(service, editor):
    published = make_story(service, title="Sorted in a day", status=ContentStatus.PENDING)
    refused = make_story(service, title="Names and shames", status=ContentStatus.PENDING)

    story_publish(moderator=editor, story=published)
    story_reject(moderator=editor, story=refused, note="It names a member of staff.")

    [told_published] = Notification.objects.filter(user=published.author)
    [told_refused] = Notification.objects.filter(user=refused.author)
    assert "“Sorted in a day”" in told_published.message
    assert "is published" in told_published.message
    assert told_published.url == f"{service.get_absolute_url()}#story-{published.pk}"
    assert "was not published" in told_refused.message
    assert "It names a member of staff." in told_refused.message


def test_an_anonymous_story_never_shows_its_authors_name(client, service, editor):
    author = make_verified_user(
        username="secretusername", first_name="Wilhelmina", display_name="Mina Zed"
    )
    story = make_story(service, author=author, show_name=False, status=ContentStatus.PENDING)
    story_publish(moderator=editor, story=story)

    html = client.get(service.get_absolute_url()).content.decode()

    assert "By Anonymous" in html
    for secret in ("secretusername", "Wilhelmina", "Mina Zed"):
        assert secret not in html


def test_a_named_story_shows_its_authors_public_name(client, service, citizen):
    make_story(service, author=citizen)

    html = client.get(service.get_absolute_url()).content.decode()

    assert "By Casey Quill" in html


def test_script_in_a_story_is_removed(client, service, citizen, editor):
    client.force_login(citizen)
    client.post(
        new_story_url(service),
        {
            **GOOD_STORY,
            "body_markdown": 'Fine <script>alert("x")</script> [y](javascript:alert(1))',
        },
    )
    story_publish(moderator=editor, story=Story.objects.get())

    html = client.get(service.get_absolute_url()).content.decode()

    assert "<script>alert" not in html
    assert 'href="javascript' not in html
    assert "Fine" in html


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"overall": ""}, "Choose an overall rating from 1 to 5"),
        ({"overall": "0"}, "Choose an overall rating from 1 to 5"),
        ({"overall": "6"}, "Choose an overall rating from 1 to 5"),
        ({"speed": "9"}, "Choose a rating from 1 to 5"),
        ({"title": ""}, "Enter a title for your story"),
    ],
)
def test_bad_ratings_get_a_clear_message_and_keep_what_was_typed(
    client, service, citizen, changes, message
):
    client.force_login(citizen)

    response = client.post(new_story_url(service), {**GOOD_STORY, **changes})

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'class="govuk-error-summary"' in html
    assert "I moved house and my council tax was sorted in a week." in html
    assert not Story.objects.exists()


def test_one_story_per_person_per_service_every_30_days(client, service, citizen, editor):
    story_submit(
        user=citizen,
        shared_service=service,
        data={"overall": 3, "title": "First", "body_markdown": "It was fine."},
    )
    client.force_login(citizen)

    response = client.post(new_story_url(service), GOOD_STORY)

    html = response.content.decode()
    assert "You have told the story of this service in the last 30 days" in html
    allowed_on = timezone.localdate() + datetime.timedelta(days=30)
    assert f"You can tell another from {allowed_on.day} {allowed_on:%B %Y}." in html
    assert "I moved house" in html
    assert "You can tell another from" in client.get(new_story_url(service)).content.decode()
    assert Story.objects.count() == 1
    story_reject(moderator=editor, story=Story.objects.get(), note="Off topic")
    client.post(new_story_url(service), GOOD_STORY)
    assert Story.objects.count() == 2


def test_the_service_page_takes_the_same_queries_however_many_stories(client, service):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(service.get_absolute_url()).status_code == 200
        return len(captured)

    # An officer who may answer, with a story of their own waiting: every part of the panel.
    officer = make_verified_user(verified_officer_of=service.lead_organisation)
    client.force_login(officer)
    make_story(service, author=officer, status=ContentStatus.PENDING)
    answer(make_story(service, show_name=False))
    count_queries()  # the first request also loads the site and its settings into caches
    few = count_queries()
    for _ in range(3):
        answer(make_story(service, author=make_verified_user()))
        make_story(service, author=make_verified_user(), ease=2, show_name=False)

    assert count_queries() == few


def test_the_service_page_offers_each_person_the_right_way_to_tell_a_story(
    client, service, citizen
):
    story_form = f'href="{new_story_url(service)}"'
    anonymous_page = client.get(service.get_absolute_url()).content.decode()
    client.force_login(UserFactory())
    unverified_page = client.get(service.get_absolute_url()).content.decode()
    client.force_login(citizen)
    verified_page = client.get(service.get_absolute_url()).content.decode()

    assert "Sign in to tell your story" in anonymous_page
    assert f"{reverse('account_login')}?next={new_story_url(service)}" in anonymous_page
    assert "confirm your email address" in unverified_page
    assert story_form not in unverified_page
    assert "Tell your story" in verified_page and story_form in verified_page
