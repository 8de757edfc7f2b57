"""'I've experienced this too': one weight per person on someone else's published story."""

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.models import ContentStatus, StoryWeight
from community.services.story_loops import story_weight_add
from tests.factories import SharedServiceFactory, UserFactory, make_story, make_verified_user

PRESSES = 8


@pytest.fixture
def story(service):
    return make_story(service, title="Bins missed for a month")


def weight_url(story) -> str:
    return reverse("community:story_weight", kwargs={"story_id": story.pk})


def test_a_verified_person_adds_their_weight_once_and_sees_the_count(client, story, citizen):
    client.force_login(citizen)

    first = client.post(weight_url(story))
    client.post(weight_url(story))  # a second press changes nothing

    assert first.status_code == 302
    assert first["Location"].endswith(f"#story-{story.pk}")
    assert StoryWeight.objects.filter(story=story).count() == 1
    page = client.get(story.shared_service.get_absolute_url()).content.decode()
    assert "1 person has experienced this too" in page
    assert "You have experienced this too" in page


def test_the_count_says_how_many_people(client, story):
    for _ in range(12):
        StoryWeight.objects.create(story=story, user=UserFactory())

    page = client.get(story.shared_service.get_absolute_url()).content.decode()

    assert "12 people have experienced this too" in page


def test_a_person_can_take_their_weight_back(client, story, citizen):
    client.force_login(citizen)
    client.post(weight_url(story))

    client.post(weight_url(story), {"action": "remove"})

    assert not StoryWeight.objects.filter(story=story).exists()
    page = client.get(story.shared_service.get_absolute_url()).content.decode()
    assert "You have experienced this too" not in page
    assert "experienced this too<span" in page  # offered the button again


def test_pressing_again_adds_nothing(story, citizen):
    assert story_weight_add(user=citizen, story=story) is True
    assert story_weight_add(user=citizen, story=story) is False
    assert StoryWeight.objects.filter(story=story).count() == 1


# Real commits from many connections need a transactional test (serialized_rollback as in
# test_posting_limit_race.py).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_presses_store_one_weight_and_none_fails():
    story = make_story(SharedServiceFactory())
    person = make_verified_user()
    start = threading.Barrier(PRESSES)
    outcomes: list[object] = []

    def press() -> None:
        try:
            start.wait()
            outcomes.append(story_weight_add(user=person, story=story))
        except Exception as error:  # any error is the failure this test looks for
            outcomes.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=press) for _ in range(PRESSES)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert StoryWeight.objects.filter(story=story, user=person).count() == 1
    assert sorted(outcomes, key=str) == [False] * (PRESSES - 1) + [True]


def test_visitors_are_asked_to_sign_in_and_come_back_to_the_story(client, story):
    response = client.post(weight_url(story))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")
    assert f"story-{story.pk}" in response["Location"]
    assert not StoryWeight.objects.exists()


def test_authors_and_unverified_people_cannot_add_weight(client, story, citizen):
    client.force_login(story.author)
    refused = client.post(weight_url(story))
    assert refused.status_code == 403
    assert "This is your own story" in refused.content.decode()
    client.force_login(UserFactory())
    assert client.post(weight_url(story)).status_code == 403
    assert not StoryWeight.objects.exists()


@pytest.mark.parametrize("status", [ContentStatus.PENDING, ContentStatus.HIDDEN])
def test_stories_not_published_refuse_weight(client, service, citizen, status):
    story = make_story(service, status=status)
    client.force_login(citizen)

    assert client.post(weight_url(story)).status_code == 404
    assert not StoryWeight.objects.exists()


def test_the_button_is_a_post_form_with_csrf(client, story, citizen):
    client.force_login(citizen)

    page = client.get(story.shared_service.get_absolute_url()).content.decode()

    form_start = page.index(f'action="{weight_url(story)}"')
    form = page[page.rindex("<form", 0, form_start) : page.index("</form>", form_start)]
    assert 'method="post"' in form and "csrfmiddlewaretoken" in form
    assert client.get(weight_url(story)).status_code == 405


def test_adding_weight_is_rate_limited_with_a_plain_message(client, service, citizen):
    stories = [make_story(service, title=f"Story {n}") for n in range(31)]
    client.force_login(citizen)
    for story in stories:
        response = client.post(weight_url(story), follow=True)

    assert response.status_code == 200
    assert "30 times in the last 10 minutes" in response.content.decode()
    assert StoryWeight.objects.count() == 30


def test_the_service_page_counts_weights_in_the_same_queries_however_many(client, service):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(service.get_absolute_url()).status_code == 200
        return len(captured)

    reader = make_verified_user()
    client.force_login(reader)
    StoryWeight.objects.create(story=make_story(service), user=reader)
    count_queries()  # the first request also fills caches
    few = count_queries()
    for _ in range(3):
        story = make_story(service, author=make_verified_user())
        StoryWeight.objects.create(story=story, user=reader)
        StoryWeight.objects.create(story=story, user=UserFactory())

    assert count_queries() == few
