"""Watching, in-site notifications, immediate emails and one-click unsubscribing."""

import pytest
from django.core import mail
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from community.context_processors import notifications
from community.models import Community, ContentStatus, Membership, Notification, Watch
from community.services.moderation import moderation_act
from community.services.notifications import activity_published
from community.services.watches import unsubscribe_token, watch_start
from tests.factories import (
    CommunityFactory,
    make_member,
    make_post,
    make_thread,
    make_verified_user,
)


def watcher_of(target, frequency=Watch.Frequency.IMMEDIATE, **fields):
    person = make_verified_user(**fields)
    community = target if isinstance(target, Community) else target.community
    make_member(community, person)
    watch_start(user=person, target=target, frequency=frequency)
    return person


def publish_reply(thread, capture, **fields):
    with capture(execute=True):
        post = make_post(thread, **fields)
        activity_published(post)
    return post


@pytest.fixture
def waste(db):
    return CommunityFactory(name="Waste partnerships")


@pytest.fixture
def thread(waste):
    return make_thread(waste, title="Food waste collections")


# --- watching --------------------------------------------------------------------------------


def test_the_watch_button_starts_and_stops_watching(client, thread):
    person = make_verified_user()
    client.force_login(person)
    url = reverse("community:watch", kwargs={"kind": "thread", "pk": thread.pk})

    client.post(url, {"action": "watch", "next": "/somewhere/"})
    assert Watch.objects.filter(user=person, thread=thread).exists()

    response = client.post(url, {"action": "unwatch", "next": "https://evil.example/"})
    assert not Watch.objects.filter(user=person).exists()
    assert response["Location"] == thread.get_absolute_url()


def test_outsiders_cannot_watch_a_members_only_community(client, db):
    private = CommunityFactory(name="Chief executives", visibility=Community.Visibility.MEMBERS)
    client.force_login(make_verified_user())

    url = reverse("community:watch", kwargs={"kind": "community", "pk": private.pk})
    assert client.post(url, {"action": "watch"}).status_code == 404
    assert not Watch.objects.exists()


def test_the_watch_button_include_shows_the_current_state(thread):
    person = make_verified_user()
    request = RequestFactory().get("/")
    request.user = person
    template = Template(
        '{% include "community/notifications/watch_button.html" with target=thread kind="thread" %}'
    )

    def render() -> str:
        context = {"thread": thread, "user": person, "request": request}
        return template.render(Context({**context, **notifications(request)}))

    assert "Watch<span" in render()
    watch_start(user=person, target=thread)
    assert "Stop watching" in render()


def test_frequencies_are_chosen_on_the_settings_page(client, thread):
    person = watcher_of(thread)
    watch = Watch.objects.get(user=person)
    client.force_login(person)

    page = client.get(reverse("community:notification_settings"))
    response = client.post(
        reverse("community:notification_settings"), {f"frequency_{watch.pk}": "daily"}
    )

    assert "Food waste collections" in page.content.decode()
    assert "Your notification settings are saved" in response.content.decode()
    watch.refresh_from_db()
    assert watch.frequency == Watch.Frequency.DAILY


# --- who is notified -------------------------------------------------------------------------


def test_watchers_of_the_thread_and_community_are_notified_but_not_the_author(
    thread, django_capture_on_commit_callbacks
):
    thread_watcher = watcher_of(thread, Watch.Frequency.SITE_ONLY)
    community_watcher = watcher_of(thread.community, Watch.Frequency.SITE_ONLY)
    bystander = make_member(thread.community, make_verified_user())
    author = watcher_of(thread, Watch.Frequency.SITE_ONLY)

    post = publish_reply(thread, django_capture_on_commit_callbacks, author=author)

    notified = set(Notification.objects.values_list("user", flat=True))
    assert notified == {thread_watcher.pk, community_watcher.pk}
    assert bystander.pk not in notified
    notification = Notification.objects.filter(user=thread_watcher).get()
    assert notification.url == post.get_absolute_url()
    assert "replied to “Food waste collections”" in notification.message


def test_someone_watching_both_thread_and_community_is_notified_once(
    thread, django_capture_on_commit_callbacks
):
    person = watcher_of(thread, Watch.Frequency.SITE_ONLY)
    watch_start(user=person, target=thread.community, frequency=Watch.Frequency.SITE_ONLY)

    publish_reply(thread, django_capture_on_commit_callbacks)

    assert Notification.objects.filter(user=person).count() == 1


# Private communities (#17 item 4) follow the members-only rule.
@pytest.mark.parametrize("visibility", [Community.Visibility.MEMBERS, Community.Visibility.PRIVATE])
def test_people_who_can_no_longer_read_a_members_only_community_are_not_notified(
    db, django_capture_on_commit_callbacks, visibility
):
    private = CommunityFactory(name="Chief executives", visibility=visibility)
    thread = make_thread(private)
    member = watcher_of(private)
    removed = watcher_of(private)
    Membership.objects.filter(user=removed).update(status=Membership.Status.REMOVED)

    publish_reply(thread, django_capture_on_commit_callbacks)

    assert set(Notification.objects.values_list("user", flat=True)) == {member.pk}
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_publishing_the_same_reply_twice_notifies_nobody_twice(
    thread, django_capture_on_commit_callbacks
):
    watcher_of(thread)
    post = publish_reply(thread, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        activity_published(post)

    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_pending_reply_notifies_nobody_until_a_moderator_approves_it(
    thread, django_capture_on_commit_callbacks
):
    person = watcher_of(thread)
    moderator = make_verified_user()
    thread.community.moderators.add(moderator)
    thread.community.save()
    post = publish_reply(thread, django_capture_on_commit_callbacks, status=ContentStatus.PENDING)
    assert not Notification.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        moderation_act(moderator=moderator, content=post, action="approve")

    assert Notification.objects.filter(user=person).count() == 1
    assert len(mail.outbox) == 1


def test_a_new_thread_notifies_the_communitys_watchers(waste, django_capture_on_commit_callbacks):
    person = watcher_of(waste, Watch.Frequency.SITE_ONLY)

    with django_capture_on_commit_callbacks(execute=True):
        activity_published(make_thread(waste, title="Garden waste charges"))

    [notification] = Notification.objects.filter(user=person)
    assert "started “Garden waste charges”" in notification.message


# --- immediate email and unsubscribing --------------------------------------------------------


def test_an_immediate_watcher_gets_an_email_with_a_one_click_unsubscribe_link(
    thread, django_capture_on_commit_callbacks
):
    person = watcher_of(thread, first_name="Pat")
    post = publish_reply(thread, django_capture_on_commit_callbacks)

    [email] = mail.outbox
    assert email.to == [person.email]
    assert "Food waste collections" in email.subject
    assert "Hello Pat" in email.body
    assert post.get_absolute_url() in email.body
    assert "/notifications/unsubscribe/" in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/notifications/unsubscribe/" in email.extra_headers["List-Unsubscribe"]
    assert Notification.objects.get().emailed_at is not None


def test_daily_and_site_only_watchers_get_no_immediate_email(
    thread, django_capture_on_commit_callbacks
):
    watcher_of(thread, Watch.Frequency.DAILY)
    watcher_of(thread, Watch.Frequency.SITE_ONLY)

    publish_reply(thread, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert Notification.objects.count() == 2
    assert not Notification.objects.filter(emailed_at__isnull=False).exists()


def test_the_unsubscribe_link_works_without_signing_in_and_stops_the_emails(
    client, thread, django_capture_on_commit_callbacks
):
    person = watcher_of(thread)
    publish_reply(thread, django_capture_on_commit_callbacks)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = link.removeprefix("http://127.0.0.1:8000")

    confirm = client.get(path)
    done = client.post(path, {"List-Unsubscribe": "One-Click"})

    assert "Stop these emails" in confirm.content.decode()
    assert done.status_code == 200
    assert "You will not get these emails any more" in done.content.decode()
    assert Watch.objects.get(user=person).frequency == Watch.Frequency.SITE_ONLY

    mail.outbox.clear()
    publish_reply(thread, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert Notification.objects.filter(user=person).count() == 2


def test_a_tampered_unsubscribe_token_gets_a_clear_page_and_changes_nothing(client, thread):
    person = watcher_of(thread)
    token = unsubscribe_token(user=person, watch=Watch.objects.get(user=person))
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")

    for bad in (tampered, "nonsense", token.replace(":", "")):
        path = reverse("community:unsubscribe", kwargs={"token": bad})
        for response in (client.get(path), client.post(path)):
            assert response.status_code == 400
            assert "This unsubscribe link does not work" in response.content.decode()
    assert Watch.objects.get(user=person).frequency == Watch.Frequency.IMMEDIATE


# --- the notifications page and the header ------------------------------------------------------


def test_the_notifications_page_lists_newest_first_and_marks_unread(client, db):
    person = make_verified_user()
    Notification.objects.create(user=person, message="Older news", url="/a/")
    Notification.objects.create(user=person, message="Newer news", url="/b/")
    client.force_login(person)

    html = client.get(reverse("community:notifications")).content.decode()

    assert html.index("Newer news") < html.index("Older news")
    assert html.count("Unread</strong>") == 2
    assert "Mark all as read" in html


def test_mark_all_as_read_clears_the_header_count(client, db):
    person = make_verified_user()
    for message in ("One", "Two", "Three"):
        Notification.objects.create(user=person, message=message, url="/x/")
    Notification.objects.create(user=make_verified_user(), message="Not mine", url="/y/")
    client.force_login(person)

    before = client.get("/notifications/").content.decode()
    client.post(reverse("community:notifications_read_all"))
    after = client.get("/notifications/").content.decode()

    assert 'data-testid="notification-count">3<' in before
    assert "notification-count" not in after
    assert "Not mine" not in after
    assert Notification.objects.filter(user=person, read_at__isnull=True).count() == 0


def test_anonymous_people_see_no_notifications_link_and_must_sign_in(client, db):
    assert "/notifications/" not in client.get(reverse("community:communities")).content.decode()
    assert client.get(reverse("community:notifications")).status_code == 302
