"""The daily digest: one email per person with what they have not yet been emailed."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from community.models import Community, ContentStatus, Membership, Notification, Watch
from community.services.notifications import activity_published
from community.services.watches import (
    unsubscribe,
    unsubscribe_token,
    unsubscription_from_token,
    watch_start,
)
from tests.factories import (
    CommunityFactory,
    make_member,
    make_post,
    make_thread,
    make_verified_user,
)


def watcher_of(target, frequency=Watch.Frequency.DAILY):
    person = make_verified_user()
    community = target if isinstance(target, Community) else target.community
    make_member(community, person)
    watch_start(user=person, target=target, frequency=frequency)
    return person


def send_digests() -> str:
    out = StringIO()
    call_command("send_digests", stdout=out)
    return out.getvalue()


@pytest.fixture
def thread(db):
    return make_thread(CommunityFactory(name="Waste partnerships"), title="Food waste")


@pytest.fixture
def reply(thread, django_capture_on_commit_callbacks):
    def publish(body: str = "We consulted early.", target_thread=None, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            post = make_post(target_thread or thread, body_markdown=body, **fields)
            activity_published(post)
        return post

    return publish


def test_the_digest_groups_a_persons_notifications_into_one_email_and_marks_them(thread, reply):
    person = watcher_of(thread)
    first, second = reply("First reply"), reply("Second reply")

    output = send_digests()

    [email] = mail.outbox
    assert email.to == [person.email]
    assert email.subject == "Commons: 2 new updates today"
    assert first.get_absolute_url() in email.body
    assert second.get_absolute_url() in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/notifications/unsubscribe/" in email.extra_headers["List-Unsubscribe"]
    assert not Notification.objects.filter(user=person, emailed_at__isnull=True).exists()
    assert "Sent 1 digest email." in output


def test_running_the_digest_twice_sends_nothing_new(thread, reply):
    watcher_of(thread)
    reply()
    send_digests()
    mail.outbox.clear()

    output = send_digests()

    assert mail.outbox == []
    assert "Sent 0 digest emails." in output


def test_each_person_gets_their_own_digest(thread, reply):
    first, second = watcher_of(thread), watcher_of(thread.community)
    reply()

    send_digests()

    assert sorted(email.to[0] for email in mail.outbox) == sorted([first.email, second.email])


def test_notifications_already_emailed_at_once_are_not_sent_again(thread, reply):
    watcher_of(thread, Watch.Frequency.IMMEDIATE)
    reply()
    assert len(mail.outbox) == 1
    mail.outbox.clear()

    send_digests()

    assert mail.outbox == []


def test_site_only_watchers_get_no_digest(thread, reply):
    person = watcher_of(thread, Watch.Frequency.SITE_ONLY)
    reply()

    send_digests()

    assert mail.outbox == []
    assert Notification.objects.filter(user=person).count() == 1


def test_after_unsubscribing_the_digest_sends_nothing(thread, reply):
    person = watcher_of(thread)
    reply()
    token = unsubscribe_token(user=person)
    unsubscribe(unsubscription=unsubscription_from_token(token))

    send_digests()

    assert mail.outbox == []


# Private communities (#17 item 4) follow the members-only rule.
@pytest.mark.parametrize("visibility", [Community.Visibility.MEMBERS, Community.Visibility.PRIVATE])
def test_people_removed_from_a_members_only_community_get_no_digest_of_it(reply, visibility):
    private = CommunityFactory(name="Chief executives", visibility=visibility)
    thread = make_thread(private)
    person = watcher_of(private)
    reply(target_thread=thread)
    Membership.objects.filter(user=person).update(status=Membership.Status.REMOVED)

    send_digests()

    assert mail.outbox == []


def test_replies_hidden_since_are_left_out_of_the_digest(thread, reply):
    watcher_of(thread)
    hidden, shown = reply("Spam"), reply("Useful")
    hidden.status = ContentStatus.HIDDEN
    hidden.save()

    send_digests()

    [email] = mail.outbox
    assert shown.get_absolute_url() in email.body
    assert hidden.get_absolute_url() not in email.body
    assert email.subject == "Commons: 1 new update today"
