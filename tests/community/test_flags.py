"""Anyone signed in can report a thread, reply, story or listing they can see, once."""

from html import escape

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.urls import reverse

from community.models import Community, ContentStatus, Flag
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    SharedServiceFactory,
    make_member,
    make_post,
    make_story,
    make_thread,
    make_verified_user,
)


def flag_url(kind: str, pk: int) -> str:
    return reverse("community:flag", kwargs={"content_type": kind, "pk": pk})


@pytest.fixture
def reporter(db):
    return make_verified_user(username="rita")


@pytest.fixture
def post(db):
    community = CommunityFactory(name="Waste partnerships")
    return make_post(make_thread(community), body_markdown="Buy cheap watches at my shop")


def test_anonymous_people_are_asked_to_sign_in_before_reporting(client, post):
    response = client.get(flag_url("post", post.pk))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_report_form_offers_the_reasons_as_radios(client, reporter, post):
    client.force_login(reporter)

    response = client.get(flag_url("post", post.pk))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Report this reply" in html
    assert 'class="govuk-radios__input"' in html
    for label in Flag.Reason.labels:
        assert escape(label) in html


def test_a_report_is_recorded_with_its_reason_and_details(client, reporter, post):
    client.force_login(reporter)

    response = client.post(
        flag_url("post", post.pk), {"reason": "spam", "details": "  Selling watches.  "}
    )

    assert response.status_code == 200
    assert "Report sent" in response.content.decode()
    flag = Flag.objects.get()
    assert (flag.content, flag.reporter, flag.reason) == (post, reporter, "spam")
    assert flag.details == "Selling watches."
    assert flag.status == Flag.Status.OPEN


def test_reporting_twice_says_you_have_already_reported_this(client, reporter, post):
    client.force_login(reporter)
    client.post(flag_url("post", post.pk), {"reason": "spam"})

    again = client.post(flag_url("post", post.pk), {"reason": "abuse"})
    page = client.get(flag_url("post", post.pk))

    assert "You have already reported this" in again.content.decode()
    assert "You have already reported this" in page.content.decode()
    assert Flag.objects.count() == 1
    assert Flag.objects.get().reason == "spam"


def test_two_people_can_each_report_the_same_reply(client, reporter, post):
    other = make_verified_user()
    for person in (reporter, other):
        client.force_login(person)
        client.post(flag_url("post", post.pk), {"reason": "spam"})

    assert Flag.objects.filter(object_id=post.pk).count() == 2


def test_a_report_without_a_reason_is_refused_and_keeps_the_details(client, reporter, post):
    client.force_login(reporter)

    response = client.post(flag_url("post", post.pk), {"details": "It is an advert"})

    html = response.content.decode()
    assert "There is a problem" in html
    assert "Select why you are reporting this" in html
    assert "It is an advert" in html
    assert not Flag.objects.exists()


def test_members_only_content_cannot_be_reported_by_outsiders(client, reporter):
    private = CommunityFactory(name="Chief executives", visibility=Community.Visibility.MEMBERS)
    thread = make_thread(private)
    client.force_login(reporter)

    assert client.get(flag_url("thread", thread.pk)).status_code == 404
    assert client.post(flag_url("thread", thread.pk), {"reason": "spam"}).status_code == 404

    make_member(private, reporter)
    assert client.get(flag_url("thread", thread.pk)).status_code == 200
    assert not Flag.objects.exists()


@pytest.mark.parametrize("status", [ContentStatus.PENDING, ContentStatus.HIDDEN])
def test_replies_not_shown_cannot_be_reported(client, reporter, post, status):
    post.status = status
    post.save()
    client.force_login(reporter)

    assert client.get(flag_url("post", post.pk)).status_code == 404


def test_replies_in_a_hidden_thread_cannot_be_reported(client, reporter, post):
    post.thread.status = ContentStatus.HIDDEN
    post.thread.save()
    client.force_login(reporter)

    assert client.get(flag_url("post", post.pk)).status_code == 404


def test_published_stories_and_open_listings_can_be_reported(client, reporter):
    story = make_story(SharedServiceFactory())
    listing = ListingFactory()
    client.force_login(reporter)

    client.post(flag_url("story", story.pk), {"reason": "misleading"})
    client.post(flag_url("listing", listing.pk), {"reason": "spam"})

    assert {flag.content for flag in Flag.objects.all()} == {story, listing}


def test_stories_waiting_for_a_moderator_and_hidden_listings_cannot_be_reported(client, reporter):
    story = make_story(SharedServiceFactory(), status=ContentStatus.PENDING)
    listing = ListingFactory(status=ContentStatus.HIDDEN)
    client.force_login(reporter)

    assert client.get(flag_url("story", story.pk)).status_code == 404
    assert client.get(flag_url("listing", listing.pk)).status_code == 404


def test_unknown_kinds_and_numbers_are_not_found(client, reporter, post):
    client.force_login(reporter)

    assert client.get(flag_url("page", post.pk)).status_code == 404
    assert client.get(flag_url("post", post.pk + 1000)).status_code == 404


def test_the_report_link_include_is_shown_only_to_people_signed_in(post):
    context = {"content": post, "kind": "post"}
    signed_in = render_to_string(
        "community/moderation/flag_link.html", {**context, "user": make_verified_user()}
    )
    anonymous = render_to_string(
        "community/moderation/flag_link.html", {**context, "user": AnonymousUser()}
    )

    assert f'href="{flag_url("post", post.pk)}"' in signed_in
    assert "Report" in signed_in
    assert anonymous.strip() == ""


def test_the_report_link_is_not_offered_on_your_own_post(post):
    mine = render_to_string(
        "community/moderation/flag_link.html",
        {"content": post, "kind": "post", "user": post.author},
    )

    assert mine.strip() == ""


@pytest.mark.parametrize("kind", ["thread", "post", "story", "listing"])
def test_nobody_can_report_what_they_wrote_themselves(client, db, kind):
    author = make_verified_user(username="amir")
    community = CommunityFactory(name="Waste partnerships")
    thread = make_thread(community, author=author)
    content = {
        "thread": lambda: thread,
        "post": lambda: make_post(thread, author=author),
        "story": lambda: make_story(SharedServiceFactory(), author=author),
        "listing": lambda: ListingFactory(author=author),
    }[kind]()
    client.force_login(author)

    form = client.get(flag_url(kind, content.pk))
    sent = client.post(flag_url(kind, content.pk), {"reason": "spam"})

    assert form.status_code == 403
    assert "You cannot report what you wrote yourself" in form.content.decode()
    assert sent.status_code == 403
    assert not Flag.objects.exists()
