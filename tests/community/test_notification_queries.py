"""Notifications name what they are about, and telling watchers costs the same however many."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.models import Community, Notification, Watch
from community.services.notifications import activity_published, digests_send
from community.services.watches import watch_start
from tests.factories import (
    CommunityFactory,
    make_member,
    make_post,
    make_thread,
    make_verified_user,
)


@pytest.fixture
def private(db):
    return CommunityFactory(name="Chief executives", visibility=Community.Visibility.MEMBERS)


def watchers(target, count: int, frequency=Watch.Frequency.SITE_ONLY) -> list:
    community = target if isinstance(target, Community) else target.community
    people = []
    for _ in range(count):
        person = make_member(community, make_verified_user())
        watch_start(user=person, target=target, frequency=frequency)
        people.append(person)
    return people


def queries_to_publish(content) -> int:
    with CaptureQueriesContext(connection) as queries:
        activity_published(content)
    return len(queries)


def test_a_notification_names_the_thread_and_reply_it_is_about(private):
    thread = make_thread(private)
    watchers(private, 1)
    post = make_post(thread)

    activity_published(post)
    activity_published(thread)

    assert {(n.thread, n.post) for n in Notification.objects.all()} == {
        (thread, post),
        (thread, None),
    }


def test_telling_a_members_only_communitys_watchers_does_not_ask_about_each_one(private):
    few, many = make_thread(private, title="Few"), make_thread(private, title="Many")
    watchers(few, 2)
    watchers(many, 8)

    assert queries_to_publish(make_post(many)) == queries_to_publish(make_post(few))
    assert Notification.objects.count() == 10


def test_the_digest_reads_the_same_for_one_reply_or_many(private):
    thread = make_thread(private)
    [person] = watchers(thread, 1, Watch.Frequency.DAILY)
    activity_published(make_post(thread))
    with CaptureQueriesContext(connection) as one:
        assert digests_send() == 1

    for _ in range(6):
        activity_published(make_post(thread))
    with CaptureQueriesContext(connection) as six:
        assert digests_send() == 1

    assert len(six) == len(one)
    assert Notification.objects.filter(user=person, emailed_at__isnull=True).count() == 0


def test_the_migration_reads_old_notifications_addresses_into_their_thread_and_reply(private):
    fill = import_module(
        "community.migrations.0007_notification_thread_and_post"
    ).notification_targets_fill
    thread = make_thread(private)
    post = make_post(thread)
    person = make_verified_user()
    about_post = Notification.objects.create(user=person, message="r", url=post.get_absolute_url())
    about_thread = Notification.objects.create(
        user=person, message="t", url=thread.get_absolute_url()
    )
    elsewhere = Notification.objects.create(user=person, message="s", url="/services/7/#story-3")

    fill(apps, None)

    rows = {n.pk: (n.thread_id, n.post_id) for n in Notification.objects.all()}
    assert rows == {
        about_post.pk: (thread.pk, post.pk),
        about_thread.pk: (thread.pk, None),
        elsewhere.pk: (None, None),
    }


def test_the_digest_reads_the_same_for_two_people_or_many(private):
    def reads_to_send(title: str, people: int) -> int:
        thread = make_thread(private, title=title)
        watchers(thread, people, Watch.Frequency.DAILY)
        activity_published(make_post(thread))
        with CaptureQueriesContext(connection) as queries:
            assert digests_send() == people
        # Each person's email is marked sent on its own, so one failure costs only that one.
        return len([q for q in queries if not q["sql"].startswith("UPDATE")])

    assert reads_to_send("Many", 6) == reads_to_send("Few", 2)
