"""Posting rules: new people's first posts wait for a moderator and carry no links; and a rate
limit on everyone."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from community.models import ContentStatus, ModerationAction, Post, Thread
from community.services.discussions import (
    NO_LINKS_YET,
    RATE_LIMITED,
    content_approve,
    post_create,
    thread_create,
)
from tests.factories import (
    CommunityFactory,
    make_member,
    make_moderator,
    make_thread,
    make_verified_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def community():
    return CommunityFactory()


def newcomer(community):
    return make_member(community, make_verified_user())


def start(author, community, **changes) -> Thread:
    values = {"title": "A question", "body": "Some words", "tags": [], **changes}
    return thread_create(community=community, author=author, **values)


def test_a_new_persons_first_thread_and_reply_wait_for_a_moderator(community):
    person = newcomer(community)

    thread = start(person, community)
    reply = post_create(thread=make_thread(community), author=person, body="Me too")

    assert thread.status == ContentStatus.PENDING
    assert reply.status == ContentStatus.PENDING


def test_a_pending_reply_does_not_move_the_thread_up(community):
    long_ago = timezone.now() - datetime.timedelta(days=2)
    thread = make_thread(community, last_activity_at=long_ago)

    post_create(thread=thread, author=newcomer(community), body="Waiting")

    thread.refresh_from_db()
    assert thread.last_activity_at == long_ago


def test_approval_makes_content_visible_and_its_author_trusted(community):
    person = newcomer(community)
    moderator = make_moderator(community)
    thread = start(person, community)

    content_approve(moderator=moderator, content=thread)

    thread.refresh_from_db()
    person.refresh_from_db()
    assert thread.status == ContentStatus.VISIBLE
    assert person.trusted_poster
    assert ModerationAction.objects.filter(actor=moderator, action="approve").exists()
    assert start(person, community, title="Next one").status == ContentStatus.VISIBLE


def test_approving_a_reply_moves_its_thread_up(community):
    long_ago = timezone.now() - datetime.timedelta(days=2)
    thread = make_thread(community, last_activity_at=long_ago)
    reply = post_create(thread=thread, author=newcomer(community), body="Waiting")

    content_approve(moderator=make_moderator(community), content=reply)

    thread.refresh_from_db()
    assert thread.last_activity_at > long_ago


def test_only_the_communitys_moderators_approve(community):
    thread = start(newcomer(community), community)
    elsewhere = make_moderator(CommunityFactory())

    with pytest.raises(PermissionDenied):
        content_approve(moderator=elsewhere, content=thread)

    thread.refresh_from_db()
    assert thread.status == ContentStatus.PENDING


def test_new_people_may_not_post_links_until_trusted(community):
    person = newcomer(community)

    for body in ("See https://example.org", "[our toolkit](https://example.org)", "www.x.org"):
        with pytest.raises(ValidationError) as refused:
            start(person, community, body=body)
        assert refused.value.message_dict == {"body": [NO_LINKS_YET]}
    assert not Thread.objects.exists()


def test_trusted_people_and_moderators_post_links_straight_away(community):
    trusted = make_member(community, make_verified_user(trusted_poster=True))
    moderator = make_moderator(community)

    first = start(trusted, community, body="See https://example.org")
    second = start(moderator, community, body="See https://example.org/guide")

    assert first.status == second.status == ContentStatus.VISIBLE
    assert 'href="https://example.org"' not in first.body_html  # no linkify: the text stays text


def test_the_link_refusal_is_a_clear_form_error_that_keeps_the_words(client, community):
    client.force_login(newcomer(community))

    response = client.post(
        reverse("community:thread_new", kwargs={"slug": community.slug}),
        {"title": "Toolkit", "body": "Try https://spam.example", "tags": "toolkits"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Remove the web address or link" in html
    assert "Try https://spam.example" in html
    assert not Thread.objects.exists()


def test_a_pending_thread_is_marked_waiting_for_its_author(client, community):
    person = newcomer(community)
    client.force_login(person)

    response = client.post(
        reverse("community:thread_new", kwargs={"slug": community.slug}),
        {"title": "First question", "body": "Hello all", "tags": ""},
        follow=True,
    )

    html = response.content.decode()
    assert "A moderator will check your thread soon" in html
    assert "Waiting for a moderator" in html


def test_nobody_posts_more_than_five_times_in_ten_minutes(community):
    person = make_member(community, make_verified_user(trusted_poster=True))
    thread = make_thread(community)
    for number in range(3):
        start(person, community, title=f"Question {number}")
    post_create(thread=thread, author=person, body="One")
    post_create(thread=thread, author=person, body="Two")

    with pytest.raises(ValidationError) as refused:
        post_create(thread=thread, author=person, body="Three")

    assert refused.value.messages == [RATE_LIMITED]
    assert Post.objects.filter(author=person).count() == 2


def test_the_rate_limit_is_a_clear_error_on_the_reply_form_that_keeps_the_words(client, community):
    person = make_member(community, make_verified_user(trusted_poster=True))
    thread = make_thread(community)
    for number in range(5):
        post_create(thread=thread, author=person, body=f"Reply {number}")
    client.force_login(person)

    response = client.post(
        reverse("community:thread_reply", kwargs={"slug": community.slug, "thread_id": thread.pk}),
        {"body": "My sixth reply"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "You have posted 5 times in the last 10 minutes" in html
    assert "My sixth reply" in html
    assert Post.objects.filter(author=person).count() == 5
