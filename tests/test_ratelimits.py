"""The shared rate limiter (commons/ratelimits.py): a sliding count in the cache that fails open."""

import logging

import pytest
from django.core.exceptions import ValidationError

from commons.ratelimits import LIMITS, Limit, RateLimited, limit_consume, user_limit_check
from tests.factories import make_verified_user

WINDOW = 600
START = 1_800_000_000.0 - 1_800_000_000.0 % WINDOW  # the start of a window, for exact figures


@pytest.fixture
def five_in_ten_minutes(monkeypatch) -> str:
    monkeypatch.setitem(LIMITS, "test", Limit(5, WINDOW, "Slow down."))
    return "test"


def attempts(name: str, at: float, count: int, who: str = "user:1") -> list[bool]:
    return [limit_consume(name, who, now=at).allowed for _ in range(count)]


def test_five_attempts_pass_and_the_sixth_is_refused_with_the_message(five_in_ten_minutes):
    assert attempts("test", START + 10, 5) == [True] * 5

    refused = limit_consume("test", "user:1", now=START + 20)

    assert (refused.allowed, refused.message) == (False, "Slow down.")


def test_the_limit_holds_across_a_windows_edge(five_in_ten_minutes):
    attempts("test", START + WINDOW - 1, 5)

    # Two seconds later a fixed window would start counting from nothing.
    assert attempts("test", START + WINDOW + 1, 1) == [False]


def test_the_count_slides_out_of_the_window(five_in_ten_minutes):
    attempts("test", START + 300, 5)  # half way through the first window

    # Half way through the next, only half the earlier attempts still count.
    assert attempts("test", START + WINDOW + 300, 3) == [True, True, False]
    assert attempts("test", START + 3 * WINDOW, 5) == [True] * 5


def test_retry_after_says_when_the_next_attempt_passes(five_in_ten_minutes):
    attempts("test", START + 300, 5)
    refused = limit_consume("test", "user:1", now=START + 310)

    assert 0 < refused.retry_after <= 2 * WINDOW
    assert attempts("test", START + 310 + refused.retry_after - 5, 1) == [False]
    assert attempts("test", START + 310 + refused.retry_after, 1) == [True]


def test_refused_attempts_do_not_count(five_in_ten_minutes):
    attempts("test", START + 10, 5)
    attempts("test", START + 20, 50)  # a script hammering

    # The five from the first window fade as they would have without the fifty.
    assert attempts("test", START + WINDOW + 480, 4) == [True, True, True, True]


def test_each_person_has_their_own_count(five_in_ten_minutes):
    attempts("test", START + 10, 5, who="user:1")

    assert attempts("test", START + 20, 1, who="user:2") == [True]


def test_a_service_refusal_is_a_form_error_with_the_limits_message(db, five_in_ten_minutes):
    person = make_verified_user()
    for _ in range(5):
        user_limit_check("test", person)

    with pytest.raises(ValidationError) as refused:
        user_limit_check("test", person)

    assert isinstance(refused.value, RateLimited)
    assert refused.value.messages == ["Slow down."]
    assert refused.value.retry_after > 0


def test_when_redis_is_down_the_limit_lets_people_through_and_warns(
    five_in_ten_minutes, cache_unreachable, caplog
):
    with caplog.at_level(logging.WARNING):
        outcomes = attempts("test", START + 10, 7)

    assert outcomes == [True] * 7
    assert "Rate limit test not checked: the cache failed" in caplog.text
