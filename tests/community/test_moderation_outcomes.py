"""Authors hear what became of what waited for a moderator: a held thread or reply approved, a
story published or turned down (with the moderator's note). On the site always; by email unless
they turned "Email me about what I wrote" off."""

import pytest
from django.core import mail
from django.urls import reverse

from community.models import ContentStatus, Notification, Watch
from community.services.moderation import moderation_act
from community.services.watches import unsubscribe, unsubscribe_token, unsubscription_from_token
from tests.factories import (
    CommunityFactory,
    make_member,
    make_moderator,
    make_post,
    make_story,
    make_thread,
    make_verified_user,
)


@pytest.fixture
def waste(db):
    return CommunityFactory(name="Waste partnerships")


def approve(content, moderator, on_commit, note=""):
    with on_commit(execute=True):
        moderation_act(moderator=moderator, content=content, action="approve", note=note)


def test_the_author_of_a_held_reply_hears_it_is_approved(waste, django_capture_on_commit_callbacks):
    thread = make_thread(waste, title="Food waste trials")
    watcher = make_member(waste, make_verified_user())
    Watch.objects.create(user=watcher, thread=thread)
    author = make_verified_user(username="newbie")
    reply = make_post(thread, author=author, status=ContentStatus.PENDING)

    approve(reply, make_moderator(waste), django_capture_on_commit_callbacks)

    told = Notification.objects.get(user=author)
    assert told.message == "Your reply to “Food waste trials” is approved and shown."
    assert told.url == reply.get_absolute_url()
    assert Notification.objects.filter(user=watcher).exists()  # the watchers still hear of it
    [email] = [message for message in mail.outbox if message.to == [author.email]]
    assert "Your reply to “Food waste trials” is approved and shown" in email.subject
    assert "List-Unsubscribe" in email.extra_headers


def test_the_author_of_a_held_thread_hears_on_the_site_only_if_they_chose_so(
    waste, django_capture_on_commit_callbacks
):
    author = make_verified_user(email_about_own_posts=False)
    thread = make_thread(waste, author=author, title="Bins", status=ContentStatus.PENDING)

    approve(thread, make_moderator(waste), django_capture_on_commit_callbacks)

    told = Notification.objects.get(user=author)
    assert told.message == "Your thread “Bins” in Waste partnerships is approved and shown."
    assert mail.outbox == []


def test_a_storys_author_hears_it_is_published(service, editor, django_capture_on_commit_callbacks):
    story = make_story(
        service,
        author=make_verified_user(),
        title="Letters never came",
        status=ContentStatus.PENDING,
    )

    approve(story, editor, django_capture_on_commit_callbacks)

    told = Notification.objects.get(user=story.author)
    assert "“Letters never came”" in told.message and "is published" in told.message
    [email] = mail.outbox
    assert email.to == [story.author.email]
    assert f"{service.get_absolute_url()}#story-{story.pk}" in email.body


def test_a_storys_author_hears_it_was_turned_down_with_the_moderators_note(
    service, editor, django_capture_on_commit_callbacks
):
    story = make_story(
        service, author=make_verified_user(), title="Names and shames", status=ContentStatus.PENDING
    )

    with django_capture_on_commit_callbacks(execute=True):
        moderation_act(
            moderator=editor, content=story, action="remove", note="It names a member of staff."
        )

    told = Notification.objects.get(user=story.author)
    assert "was not published" in told.message
    assert "It names a member of staff." in told.message
    [email] = mail.outbox
    assert "It names a member of staff." in email.body


def test_people_turn_emails_about_what_they_wrote_off_in_their_settings(client, citizen):
    client.force_login(citizen)

    page = client.get(reverse("community:notification_settings")).content.decode()
    client.post(reverse("community:notification_settings"), {"watch_participated": "on"})

    citizen.refresh_from_db()
    assert 'name="email_about_own_posts"' in page
    assert citizen.email_about_own_posts is False


def test_stop_all_emails_stops_emails_about_what_they_wrote_too(citizen):
    token = unsubscribe_token(user=citizen)

    unsubscribe(unsubscription=unsubscription_from_token(token))

    citizen.refresh_from_db()
    assert citizen.email_about_own_posts is False


def test_the_stop_all_link_in_an_authors_email_offers_to_stop_even_without_watches(client, citizen):
    url = reverse("community:unsubscribe", kwargs={"token": unsubscribe_token(user=citizen)})

    page = client.get(url).content.decode()
    client.post(url)

    citizen.refresh_from_db()
    assert "We will stop emailing you about what you wrote" in page
    assert "Stop these emails" in page
    assert citizen.email_about_own_posts is False
