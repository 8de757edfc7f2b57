"""A community's thread list: sort orders, the unanswered filter, pagination and query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    CommunityFactory,
    make_member,
    make_post,
    make_thread,
    make_verified_user,
)

pytestmark = pytest.mark.django_db


def titles_on(client, community, **params) -> list[str]:
    response = client.get(reverse("community:community", kwargs={"slug": community.slug}), params)
    return [thread.title for thread in response.context["threads"]]


@pytest.fixture
def three_threads():
    """Old but busy, new but quiet, and a pinned one with nothing recent."""
    community = CommunityFactory()
    now = timezone.now()
    old_busy = make_thread(community, title="Old but busy")
    new_quiet = make_thread(community, title="New but quiet")
    pinned = make_thread(community, title="Pinned", is_pinned=True)
    for thread, created, active in (
        (old_busy, now - datetime.timedelta(days=9), now - datetime.timedelta(hours=1)),
        (new_quiet, now - datetime.timedelta(days=1), now - datetime.timedelta(days=1)),
        (pinned, now - datetime.timedelta(days=5), now - datetime.timedelta(days=5)),
    ):
        type(thread).objects.filter(pk=thread.pk).update(
            created_at=created, last_activity_at=active
        )
    return community, old_busy, new_quiet, pinned


def test_latest_activity_is_the_default_order_with_pinned_threads_first(client, three_threads):
    community = three_threads[0]

    assert titles_on(client, community) == ["Pinned", "Old but busy", "New but quiet"]


def test_newest_puts_the_most_recently_started_thread_first(client, three_threads):
    community = three_threads[0]

    assert titles_on(client, community, sort="newest") == [
        "New but quiet",
        "Pinned",
        "Old but busy",
    ]


def test_unanswered_leaves_out_threads_with_a_marked_answer(client, three_threads):
    community, old_busy, _new_quiet, _pinned = three_threads
    old_busy.answer = make_post(old_busy)
    old_busy.save(update_fields=["answer"])

    assert titles_on(client, community, sort="unanswered") == ["Pinned", "New but quiet"]


def test_an_unknown_sort_falls_back_to_latest_activity(client, three_threads):
    community = three_threads[0]

    assert titles_on(client, community, sort="<script>") == [
        "Pinned",
        "Old but busy",
        "New but quiet",
    ]


def test_threads_come_twenty_a_page_with_govuk_pagination(client):
    community = CommunityFactory()
    for number in range(45):
        make_thread(community, title=f"Thread number {number:02d}")
    page_url = reverse("community:community", kwargs={"slug": community.slug})

    first = client.get(page_url)
    third = client.get(page_url, {"page": "3"})
    past_the_end = client.get(page_url, {"page": "99"})

    assert len(first.context["threads"]) == 20
    assert len(third.context["threads"]) == 5
    assert 'class="govuk-pagination"' in first.content.decode()
    assert 'href="?page=2"' in first.content.decode()
    assert past_the_end.status_code == 200
    assert past_the_end.context["threads"].number == 3


def test_the_thread_list_asks_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    community = CommunityFactory()
    member = make_member(community, make_verified_user())
    for number in range(20):
        thread = make_thread(community, title=f"Question {number}")
        thread.tags.set(["tupe", f"tag {number}"])
        make_post(thread)
    client.force_login(member)

    with django_assert_max_num_queries(25):
        response = client.get(reverse("community:community", kwargs={"slug": community.slug}))

    assert "Question 19" in response.content.decode()


def test_the_thread_page_asks_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    community = CommunityFactory()
    member = make_member(community, make_verified_user())
    thread = make_thread(community, author=member)
    thread.tags.set(["tupe"])
    make_post(thread, body_markdown="Reply number first")
    client.force_login(member)
    with CaptureQueriesContext(connection) as with_one_reply:
        client.get(thread.get_absolute_url())
    for number in range(25):
        make_post(thread, body_markdown=f"Reply number {number}")

    with django_assert_max_num_queries(len(with_one_reply.captured_queries)):
        response = client.get(thread.get_absolute_url())

    assert "Reply number 24" in response.content.decode()


def test_the_community_list_asks_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(10):
        community = CommunityFactory()
        make_member(community)
        make_thread(community)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("community:communities"))

    html = response.content.decode()
    assert html.count("<span>1 member</span>") == 10
    assert html.count("<span>1 thread</span>") == 10
