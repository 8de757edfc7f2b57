"""Times read one way everywhere ("11:50pm"), and machines get valid HTML datetimes."""

import datetime
import re

import pytest
from django.urls import reverse

from community.models import Notification, Post, Thread
from tests.factories import (
    CommunityFactory,
    make_member,
    make_post,
    make_thread,
    make_verified_user,
)

pytestmark = pytest.mark.django_db

# 23:50 in London in November (GMT), with the microseconds a database timestamp carries.
LATE = datetime.datetime(2026, 11, 30, 23, 50, 12, 345678, tzinfo=datetime.UTC)
# The HTML standard's valid date, or global date and time, string (at most milliseconds).
VALID_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?"
)


@pytest.fixture
def late_thread():
    community = CommunityFactory(name="Shared revenues and benefits")
    thread = make_thread(community, last_activity_at=LATE)
    post = make_post(thread)
    Thread.objects.filter(pk=thread.pk).update(created_at=LATE, last_activity_at=LATE)
    Post.objects.filter(pk=post.pk).update(created_at=LATE, edited_at=LATE)
    return thread


def datetimes_in(html: str) -> list[str]:
    return re.findall(r'datetime="([^"]*)"', html)


def test_every_datetime_attribute_on_a_thread_and_its_community_is_valid_html(
    client, late_thread
):
    for url in [late_thread.get_absolute_url(), late_thread.community.get_absolute_url()]:
        html = client.get(url).content.decode()
        values = datetimes_in(html)

        assert values, url
        for value in values:
            assert VALID_DATETIME.fullmatch(value), (url, value)


def test_a_thread_writes_its_times_as_11_50pm(client, late_thread):
    html = client.get(late_thread.get_absolute_url()).content.decode()

    assert "30 November 2026 at 11:50pm" in html
    assert "p.m." not in html


def test_notifications_write_their_times_the_same_way(client, late_thread):
    person = make_verified_user(username="nadia")
    make_member(late_thread.community, person)
    notification = Notification.objects.create(
        user=person, message="Someone replied", url=late_thread.get_absolute_url()
    )
    Notification.objects.filter(pk=notification.pk).update(created_at=LATE)
    client.force_login(person)

    html = client.get(reverse("community:notifications")).content.decode()

    assert "30 November 2026 at 11:50pm" in html
    assert "p.m." not in html
