"""Threads and replies: starting, replying, editing, pinning, locking and the answer."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from community.models import ModerationAction, Notification, Post, Thread
from community.services.discussions import (
    answer_mark,
    post_create,
    post_edit,
    thread_create,
    thread_lock,
    thread_pin,
)
from community.services.watches import watch_start
from tests.factories import (
    CommunityFactory,
    UserFactory,
    make_member,
    make_moderator,
    make_post,
    make_thread,
    make_verified_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def community():
    return CommunityFactory(name="Shared revenues and benefits")


def trusted_member(community, **fields):
    return make_member(community, make_verified_user(trusted_poster=True, **fields))


def url(name: str, thread: Thread, **extra) -> str:
    kwargs = {"slug": thread.community.slug, "thread_id": thread.pk, **extra}
    return reverse(f"community:{name}", kwargs=kwargs)


def test_a_member_starts_a_thread_with_tags_and_lands_on_it(client, community):
    client.force_login(trusted_member(community))

    response = client.post(
        reverse("community:thread_new", kwargs={"slug": community.slug}),
        {
            "title": "Single person discount reviews",
            "body": "Who uses **data matching**?",
            "tags": "council tax, fraud, Council tax",
        },
    )

    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()
    assert thread.body_html == "<p>Who uses <strong>data matching</strong>?</p>\n"
    assert sorted(tag.name for tag in thread.tags.all()) == ["council tax", "fraud"]
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "<strong>data matching</strong>" in page


def test_the_thread_form_keeps_what_was_typed_and_says_what_is_missing(client, community):
    client.force_login(trusted_member(community))

    response = client.post(
        reverse("community:thread_new", kwargs={"slug": community.slug}),
        {"title": "", "body": "My words are kept", "tags": "kept tag"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'href="#id_title">Enter a title' in html
    assert "My words are kept" in html
    assert 'value="kept tag"' in html
    assert not Thread.objects.exists()


def test_people_who_are_not_members_cannot_start_threads(client, community):
    client.force_login(make_verified_user())

    response = client.post(
        reverse("community:thread_new", kwargs={"slug": community.slug}),
        {"title": "Hello", "body": "Hi", "tags": ""},
    )

    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        thread_create(community=community, author=UserFactory(), title="t", body="b", tags=[])
    assert not Thread.objects.exists()


def test_a_reply_appears_on_the_thread_and_moves_it_up_by_activity(client, community):
    long_ago = timezone.now() - datetime.timedelta(days=3)
    thread = make_thread(community, last_activity_at=long_ago)
    client.force_login(trusted_member(community, display_name="Priya"))

    response = client.post(url("thread_reply", thread), {"body": "We used *NFI* data."})

    post = Post.objects.get()
    thread.refresh_from_db()
    assert response["Location"] == post.get_absolute_url()
    assert thread.last_activity_at == post.created_at
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "We used <em>NFI</em> data." in page
    assert "Priya" in page


def test_an_empty_reply_gets_a_clear_error_and_no_post(client, community):
    thread = make_thread(community)
    client.force_login(trusted_member(community))

    response = client.post(url("thread_reply", thread), {"body": "   "})

    assert response.status_code == 400
    assert "Enter your reply" in response.content.decode()
    assert not Post.objects.exists()


def test_the_author_edits_their_thread_and_reply_and_the_page_says_edited(client, community):
    author = trusted_member(community)
    thread = make_thread(community, author=author)
    post = make_post(thread, author=author)
    client.force_login(author)

    client.post(
        url("thread_edit", thread),
        {"title": "A better title", "body": "Clearer words", "tags": "tupe"},
    )
    client.post(url("post_edit", thread, post_id=post.pk), {"body": "A fixed reply"})

    thread.refresh_from_db()
    post.refresh_from_db()
    assert (thread.title, thread.body_html) == ("A better title", "<p>Clearer words</p>\n")
    assert post.body_html == "<p>A fixed reply</p>\n"
    assert thread.edited_at and post.edited_at
    page = client.get(thread.get_absolute_url()).content.decode()
    assert page.count("(edited <time") == 2


def test_nobody_but_the_author_edits_a_thread_or_reply(client, community):
    thread = make_thread(community, title="Original")
    post = make_post(thread)
    moderator = make_moderator(community)
    for person in (trusted_member(community), moderator):
        client.force_login(person)
        assert client.get(url("thread_edit", thread)).status_code == 403
        assert (
            client.post(url("post_edit", thread, post_id=post.pk), {"body": "x"}).status_code == 403
        )
    with pytest.raises(PermissionDenied):
        post_edit(post=post, editor=moderator, body="changed")
    thread.refresh_from_db()
    assert thread.title == "Original" and thread.edited_at is None


def test_moderators_pin_and_lock_and_members_cannot(client, community):
    thread = make_thread(community)
    member, moderator = trusted_member(community), make_moderator(community)

    client.force_login(member)
    assert client.post(url("thread_pin", thread), {"value": "on"}).status_code == 403
    assert client.post(url("thread_lock", thread), {"value": "on"}).status_code == 403
    client.force_login(moderator)
    client.post(url("thread_pin", thread), {"value": "on"})
    client.post(url("thread_lock", thread), {"value": "on"})

    thread.refresh_from_db()
    assert thread.is_pinned and thread.is_locked
    assert set(ModerationAction.objects.values_list("action", flat=True)) == {"pin", "lock"}
    thread_pin(moderator=moderator, thread=thread, pinned=False)
    thread_lock(moderator=moderator, thread=thread, locked=False)
    thread.refresh_from_db()
    assert not thread.is_pinned and not thread.is_locked


def test_a_locked_thread_refuses_replies(client, community):
    thread = make_thread(community, is_locked=True)
    member = trusted_member(community)
    client.force_login(member)

    page = client.get(thread.get_absolute_url()).content.decode()
    response = client.post(url("thread_reply", thread), {"body": "Let me in"})

    assert "This thread is locked" in page
    assert "Post your reply" not in page
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        post_create(thread=thread, author=member, body="Still no")
    assert not Post.objects.exists()


def test_the_asker_or_a_moderator_marks_the_answer_but_another_member_cannot(client, community):
    asker = trusted_member(community)
    thread = make_thread(community, author=asker)
    reply = make_post(thread, body_markdown="Use the **shared** service")
    other = trusted_member(community)

    client.force_login(other)
    assert client.post(url("answer_mark", thread), {"post": reply.pk}).status_code == 403
    client.force_login(asker)
    client.post(url("answer_mark", thread), {"post": reply.pk})

    thread.refresh_from_db()
    assert thread.answer == reply
    page = client.get(thread.get_absolute_url()).content.decode()
    assert 'id="answer-title">This answered it</h2>' in page
    answer_mark(user=make_moderator(community), thread=thread, post=None)
    thread.refresh_from_db()
    assert thread.answer is None


def test_a_reply_from_another_thread_cannot_be_the_answer(client, community):
    asker = trusted_member(community)
    thread = make_thread(community, author=asker)
    elsewhere = make_post(make_thread(community))
    client.force_login(asker)

    response = client.post(url("answer_mark", thread), {"post": elsewhere.pk})

    thread.refresh_from_db()
    assert response.status_code == 404
    assert thread.answer is None


def test_watchers_hear_about_a_visible_reply_but_not_a_pending_one(community):
    watcher = trusted_member(community)
    watch_start(user=watcher, target=community)
    thread = make_thread(community)

    post_create(thread=thread, author=trusted_member(community), body="Seen at once")
    post_create(thread=thread, author=make_member(community, make_verified_user()), body="Wait")

    assert Notification.objects.filter(user=watcher).count() == 1
