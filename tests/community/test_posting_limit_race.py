"""The posting limit holds when many replies arrive at once, as they do from a script: each web
process counts in the shared Redis, so the limit is one count, not one per request."""

import logging
import threading

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import override_settings

from community.models import Post
from community.services.discussions import RATE_LIMITED, post_create
from tests.factories import CommunityFactory, make_member, make_thread, make_verified_user

SIMULTANEOUS_REPLIES = 15


@pytest.fixture
def shared_cache(redis_url):
    """Django's cache on the real Redis, as production has it, emptied before and after."""
    caches = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    with override_settings(CACHES=caches):
        cache.clear()
        yield
        cache.clear()


def replies_at_once(*, thread, author, count: int) -> list[str]:
    """`count` replies sent together from as many threads (each its own database connection,
    like separate web workers); what each got back: "stored" or the error's message."""
    start = threading.Barrier(count)
    outcomes: list[str] = []

    def reply(number: int) -> None:
        try:
            start.wait()
            post_create(thread=thread, author=author, body=f"Reply {number}")
            outcomes.append("stored")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            connection.close()

    workers = [threading.Thread(target=reply, args=(n,)) for n in range(count)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return outcomes


# Real commits from many connections need a transactional test. serialized_rollback keeps its
# closing flush from re-creating content types under new ids, which breaks the next test that
# restores the serialized database (as in tests/search/test_outbox.py).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifteen_simultaneous_replies_store_only_five(shared_cache):
    community = CommunityFactory()
    person = make_member(community, make_verified_user(trusted_poster=True))
    thread = make_thread(community)

    outcomes = replies_at_once(thread=thread, author=person, count=SIMULTANEOUS_REPLIES)

    assert Post.objects.filter(author=person).count() == 5
    assert sorted(outcomes).count("stored") == 5
    assert [o for o in outcomes if o != "stored"] == [RATE_LIMITED] * 10


@pytest.mark.django_db
def test_when_redis_is_down_replies_are_still_stored_and_a_warning_logged(
    cache_unreachable, caplog
):
    community = CommunityFactory()
    person = make_member(community, make_verified_user(trusted_poster=True))
    thread = make_thread(community)
    with caplog.at_level(logging.WARNING):
        post_create(thread=thread, author=person, body="Redis is restarting")

    assert Post.objects.filter(author=person).count() == 1
    assert "Rate limit post not checked: the cache failed" in caplog.text
