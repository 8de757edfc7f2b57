"""Text typed into the community's forms arrives as people meant it, and emails cope with titles
stored before it did."""

import pytest
from django.core import mail
from django.urls import reverse

from community.models import Community, Listing, Post, Story, Thread, Watch
from community.services.notifications import activity_published
from community.services.watches import watch_start
from tests.community.test_brokerage import listing_form
from tests.community.test_stories import GOOD_STORY, new_story_url
from tests.factories import (
    CommunityFactory,
    OrganisationFactory,
    ServiceAreaFactory,
    UserFactory,
    make_member,
    make_officer,
    make_post,
    make_thread,
    make_verified_user,
)

pytestmark = pytest.mark.django_db

DIRTY_TITLE = "Single person\r\ndiscount\x00 \u202ereviews\u2069\x1b\x85 in\tApril"
CLEAN_TITLE = "Single person discount reviews in April"
NO_SLUG = "needs at least one letter or number."


@pytest.fixture
def community():
    return CommunityFactory(name="Shared revenues and benefits")


@pytest.fixture
def member(community):
    return make_member(community, make_verified_user(trusted_poster=True))


def test_a_thread_is_stored_without_control_characters(client, community, member):
    client.force_login(member)

    response = client.post(
        reverse("community:thread_new", kwargs={"slug": community.slug}),
        {
            "title": DIRTY_TITLE,
            "body": "Who uses\r\n\r\n**data\x00 matching**\u202e?\x07",
            "tags": "council\ttax, fr\x00aud\u2066",
        },
    )

    assert response.status_code == 302
    thread = Thread.objects.get()
    assert thread.title == CLEAN_TITLE
    assert thread.body_markdown == "Who uses\n\n**data matching**?"
    assert sorted(tag.name for tag in thread.tags.all()) == ["council tax", "fraud"]


def test_a_thread_tag_of_punctuation_only_is_refused_and_what_was_typed_is_kept(
    client, community, member
):
    client.force_login(member)

    response = client.post(
        reverse("community:thread_new", kwargs={"slug": community.slug}),
        {"title": "Discount reviews", "body": "Who?", "tags": "fraud, >>>"},
    )

    assert response.status_code == 200
    assert NO_SLUG in response.content.decode()
    assert 'value="fraud, &gt;&gt;&gt;"' in response.content.decode()
    assert not Thread.objects.exists()


def test_a_reply_keeps_its_line_breaks_and_loses_other_controls(client, community, member):
    client.force_login(member)
    thread = make_thread(community)

    response = client.post(
        reverse("community:thread_reply", kwargs={"slug": community.slug, "thread_id": thread.pk}),
        {"body": "We used\x00 NFI data.\r\nTwice\u202e.\x1b"},
    )

    assert response.status_code == 302
    assert Post.objects.get().body_markdown == "We used NFI data.\nTwice."


def test_a_story_title_is_stored_without_control_characters(client, service, citizen):
    client.force_login(citizen)

    response = client.post(new_story_url(service), {**GOOD_STORY, "title": DIRTY_TITLE})

    assert response.status_code == 302
    assert Story.objects.get().title == CLEAN_TITLE


def test_a_listing_is_stored_without_control_characters(client):
    officer = make_officer(OrganisationFactory())
    client.force_login(officer)
    data = listing_form(
        ServiceAreaFactory(), title=DIRTY_TITLE, description="Payroll.\r\nThree\x00 councils."
    )

    response = client.post(reverse("community:listing_new"), data)

    assert response.status_code == 302
    listing = Listing.objects.get()
    assert (listing.title, listing.description) == (CLEAN_TITLE, "Payroll.\nThree councils.")


def test_a_display_name_and_interests_are_stored_without_control_characters(client, home_page):
    person = make_verified_user()
    client.force_login(person)

    response = client.post(
        "/profile/",
        {"display_name": "Pat\r\n\u202eNorth\x00", "bio": "", "interests": "pay\x1broll"},
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.display_name == "Pat North"
    assert list(person.interests.names()) == ["payroll"]


def test_an_interest_of_punctuation_only_is_refused(client, home_page):
    client.force_login(make_verified_user())

    response = client.post("/profile/", {"display_name": "", "bio": "", "interests": ">>>"})

    assert response.status_code == 200
    assert f"The interest &quot;&gt;&gt;&gt;&quot; {NO_SLUG}" in response.content.decode()


def test_an_editor_s_community_name_is_stored_without_control_characters(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailsnippets_community_community:add")

    response = client.post(
        url,
        {
            "name": "Shared\r\nwaste\x00 \u202eservices",
            "slug": "shared-waste",
            "description": "Bins.\r\nAnd\x07 more.",
            "visibility": "public",
            "join_policy": "open",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    community = Community.objects.get(slug="shared-waste")
    assert (community.name, community.description) == ("Shared waste services", "Bins.\nAnd more.")


def test_a_watcher_is_emailed_with_a_clean_subject_when_a_stored_title_holds_newlines(
    community, django_capture_on_commit_callbacks
):
    thread = make_thread(community, title="Clean")
    # Straight into the table, as a row stored before input was cleaned would be.
    Thread.objects.filter(pk=thread.pk).update(title=DIRTY_TITLE.replace("\x00", ""))
    thread.refresh_from_db()
    person = make_member(community, make_verified_user())
    watch_start(user=person, target=thread, frequency=Watch.Frequency.IMMEDIATE)

    with django_capture_on_commit_callbacks(execute=True):
        activity_published(make_post(thread))

    [email] = mail.outbox
    assert email.to == [person.email]
    assert "Single person discount" in email.subject
    assert not any(character in email.subject for character in "\r\n\x1b\u202e")
