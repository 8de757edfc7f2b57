"""'Change made': the providing organisation says what a story led it to change, in public."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from community.models import (
    ContentStatus,
    ModerationAction,
    Notification,
    StoryChange,
    StoryWeight,
)
from tests.factories import (
    OrganisationFactory,
    SharedServiceFactory,
    make_officer,
    make_story,
    make_verified_user,
)

SCRIPT = '<script>alert("x")</script>We **now** send letters by email too.'


@pytest.fixture
def story(service):
    return make_story(
        service, title="Letters never came", author=make_verified_user(username="teller")
    )


@pytest.fixture
def lead_officer(service):
    return make_officer(service.lead_organisation)


def change_url(story) -> str:
    return reverse("community:story_change", kwargs={"story_id": story.pk})


def changes_url(service) -> str:
    return reverse("community:service_changes", kwargs={"slug": service.slug})


def mark(client, story, body="We now send letters by email too.", changed_on="3 11 2026"):
    day, month, year = changed_on.split()
    return client.post(
        change_url(story),
        {"body": body, "changed_on_day": day, "changed_on_month": month, "changed_on_year": year},
    )


def test_an_officer_of_the_provider_marks_a_change_shown_on_the_story(
    client, service, story, lead_officer
):
    client.force_login(lead_officer)

    response = mark(client, story, body=SCRIPT)

    assert response.status_code == 302
    assert response.url == f"{service.get_absolute_url()}#story-{story.pk}"
    change = StoryChange.objects.get(story=story)
    assert change.organisation == service.lead_organisation
    assert change.changed_on == datetime.date(2026, 11, 3)
    client.logout()
    page = client.get(service.get_absolute_url()).content.decode()
    assert "Change made" in page
    assert "<strong>now</strong>" in page and "<script>" not in change.body_html
    assert "<script>alert" not in page  # shown as harmless text, the house way


def test_a_partners_officer_may_mark_a_change_but_others_may_not(client, service, story, citizen):
    outsider = make_officer(OrganisationFactory(name="Elsewhere"))
    for person in (outsider, citizen):
        client.force_login(person)
        assert mark(client, story).status_code == 403
    assert not StoryChange.objects.exists()

    client.force_login(make_officer(service.partners.get()))
    assert mark(client, story).status_code == 302
    assert StoryChange.objects.get().organisation.name == "Southshire Council"


def test_visitors_are_asked_to_sign_in(client, story):
    response = mark(client, story)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("status", [ContentStatus.PENDING, ContentStatus.HIDDEN])
def test_unpublished_stories_cannot_be_marked(client, service, lead_officer, status):
    story = make_story(service, status=status)
    client.force_login(lead_officer)

    assert mark(client, story).status_code == 404
    assert not StoryChange.objects.exists()


def test_bad_input_gets_plain_messages_and_keeps_what_was_typed(client, story, lead_officer):
    client.force_login(lead_officer)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    empty = mark(client, story, body="", changed_on="31 2 2026").content.decode()
    future = mark(client, story, changed_on=f"{tomorrow:%d %m %Y}").content.decode()

    assert "Say what changed" in empty
    assert "Date of the change must be a real date" in empty
    assert 'value="31"' in empty
    assert "The date of the change must be today or in the past" in future
    assert "We now send letters by email too." in future
    assert not StoryChange.objects.exists()


def test_the_officer_edits_the_change_and_the_author_is_told_once(
    client, service, story, lead_officer
):
    client.force_login(lead_officer)
    mark(client, story)
    assert "We now send letters by email too." in client.get(change_url(story)).content.decode()
    mark(client, story, body="Letters go by email and by post.")

    change = StoryChange.objects.get()
    assert change.body_markdown == "Letters go by email and by post."
    assert change.edited_at is not None
    told = Notification.objects.get(user=story.author)
    assert (
        told.message == "Northshire Council says your story “Letters never came” led to a change."
    )
    assert told.url == f"{service.get_absolute_url()}#story-{story.pk}"


def test_the_author_is_emailed_when_they_chose_to_be(
    client, story, lead_officer, django_capture_on_commit_callbacks
):
    story.author.email_about_own_posts = True
    story.author.save()
    client.force_login(lead_officer)
    with django_capture_on_commit_callbacks(execute=True):
        mark(client, story)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [story.author.email]
    assert "led to a change" in mail.outbox[0].body


def test_the_public_changes_page_lists_a_services_changes_newest_first(client, service, story):
    older = make_story(service, title="Phone never answered")
    hidden = make_story(service, title="Rude staff")
    other_service = SharedServiceFactory(name="Waste collection")
    elsewhere = make_story(other_service, title="Bins missed")
    officer = service.lead_organisation
    for each, day, text in [
        (story, 20, "Letters by email"),
        (older, 5, "More phone staff"),
        (hidden, 25, "Training for staff"),
        (elsewhere, 21, "New round"),
    ]:
        StoryChange.objects.create(
            story=each,
            author=make_officer(officer),
            organisation=officer,
            body_markdown=text,
            body_html=f"<p>{text}</p>",
            changed_on=datetime.date(2026, 10, day),
        )
    hidden.status = ContentStatus.HIDDEN
    hidden.save()

    page = client.get(changes_url(service)).content.decode()
    everywhere = client.get(reverse("community:changes_made")).content.decode()
    service_page = client.get(service.get_absolute_url()).content.decode()

    assert page.index("Letters by email") < page.index("More phone staff")
    assert "Training for staff" not in page and "Rude staff" not in page
    assert "New round" not in page
    assert everywhere.index("New round") < everywhere.index("Letters by email")
    assert "Training for staff" not in everywhere
    assert f'href="{changes_url(service)}"' in service_page


def test_an_editor_removes_a_change_with_an_audit_entry(client, service, story, editor):
    lead = service.lead_organisation
    StoryChange.objects.create(
        story=story,
        author=make_officer(lead),
        organisation=lead,
        body_markdown="Letters by email",
        body_html="<p>Letters by email</p>",
        changed_on=datetime.date(2026, 10, 1),
    )
    remove_url = reverse("community:story_change_remove", kwargs={"story_id": story.pk})
    client.force_login(make_officer(lead))
    assert client.post(remove_url, {"note": "Not true"}).status_code == 403
    assert StoryChange.objects.exists()

    client.force_login(editor)
    assert client.get(remove_url).status_code == 200
    assert "Enter why" in client.post(remove_url, {"note": ""}).content.decode()
    response = client.post(remove_url, {"note": "It was about another service"})

    assert response.status_code == 302
    assert not StoryChange.objects.exists()
    action = ModerationAction.objects.get(action=ModerationAction.Action.STORY_CHANGE_REMOVED)
    assert action.actor == editor and action.content == story
    assert "It was about another service" in action.note
    assert "Letters by email" in action.note
    assert "Letters by email" not in client.get(changes_url(service)).content.decode()


def test_a_changes_page_for_a_service_that_does_not_exist_is_not_found(client, db):
    assert client.get("/services/no-such-service/changes/").status_code == 404


def test_the_service_page_shows_changes_in_the_same_queries_however_many(client, service):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    lead = service.lead_organisation
    officer = make_officer(lead)

    def add_story_with_change() -> None:
        StoryChange.objects.create(
            story=make_story(service, author=make_verified_user()),
            author=officer,
            organisation=lead,
            body_markdown="Better letters",
            body_html="<p>Better letters</p>",
            changed_on=datetime.date(2026, 10, 1),
        )

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(service.get_absolute_url()).status_code == 200
        return len(captured)

    client.force_login(officer)
    add_story_with_change()
    count_queries()  # the first request also fills caches
    few = count_queries()
    for _ in range(3):
        add_story_with_change()

    assert count_queries() == few


def test_only_the_providers_officers_and_editors_see_the_links_to_mark_or_remove(
    client, service, story, lead_officer, citizen, editor
):
    mark_link = f'href="{change_url(story)}"'
    remove_link = reverse("community:story_change_remove", kwargs={"story_id": story.pk})

    def page_for(person) -> str:
        client.force_login(person)
        return client.get(service.get_absolute_url()).content.decode()

    assert mark_link in page_for(lead_officer)
    assert mark_link not in page_for(citizen)
    client.force_login(lead_officer)
    mark(client, story)
    assert "Edit the change made" in page_for(lead_officer)
    assert remove_link in page_for(editor)
    assert remove_link not in page_for(lead_officer)


def test_the_changes_lists_say_how_many_people_experienced_the_story_too(
    client, service, story, lead_officer
):
    StoryChange.objects.create(
        story=story,
        author=lead_officer,
        organisation=service.lead_organisation,
        body_markdown="Letters by email",
        body_html="<p>Letters by email</p>",
        changed_on=datetime.date(2026, 10, 20),
    )
    for _ in range(3):
        StoryWeight.objects.create(story=story, user=make_verified_user())

    for address in (changes_url(service), reverse("community:changes_made")):
        page = client.get(address).content.decode()

        assert "3 people have experienced this too" in page
