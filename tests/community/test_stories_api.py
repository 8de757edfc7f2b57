"""Stories in the partners' API: published ones only, named as their pages name them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.models import ContentStatus, StoryResponse
from tests.factories import (
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    make_story,
    make_verified_user,
)

pytestmark = pytest.mark.django_db


def test_only_published_stories_are_served(client):
    service = SharedServiceFactory(name="Shared revenues", slug="shared-revenues")
    make_story(service, title="Published")
    make_story(service, title="Waiting for a moderator", status=ContentStatus.PENDING)
    make_story(service, title="Hidden by a moderator", status=ContentStatus.HIDDEN)

    response = client.get("/api/v1/stories/")

    assert [story["title"] for story in response.json()["results"]] == ["Published"]
    hidden = make_story(service, title="Pending", status=ContentStatus.PENDING)
    assert client.get(f"/api/v1/stories/{hidden.pk}/").status_code == 404


def test_an_author_who_hid_their_name_is_anonymous_and_their_name_appears_nowhere(client):
    service = SharedServiceFactory()
    author = make_verified_user(username="jsmith", display_name="Jo Smith")
    make_story(service, author=author, show_name=False)
    make_story(service, author=make_verified_user(display_name="Sam Jones"))

    response = client.get("/api/v1/stories/")

    assert sorted(story["author"] for story in response.json()["results"]) == [
        "Anonymous",
        "Sam Jones",
    ]
    assert "Jo Smith" not in response.text and "jsmith" not in response.text


def test_stories_filter_by_service_service_area_and_provider_with_the_answer(client):
    revenues = ServiceAreaFactory(slug="revenues")
    provider = OrganisationFactory(slug="northshire")
    service = SharedServiceFactory(
        slug="shared-revenues", service_area=revenues, lead_organisation=provider
    )
    story = make_story(service, title="Answered")
    make_story(SharedServiceFactory(), title="Elsewhere")
    StoryResponse.objects.create(
        story=story,
        author=make_verified_user(),
        organisation=provider,
        body_markdown="Thank you",
        body_html="<p>Thank you</p>",
    )

    for query in (
        {"shared_service": "shared-revenues"},
        {"service_area": "revenues"},
        {"organisation": "northshire"},
    ):
        [found] = client.get("/api/v1/stories/", query).json()["results"]
        assert found["title"] == "Answered", query
    assert found["response"]["organisation"]["slug"] == "northshire"
    bad = client.get("/api/v1/stories/", {"shared_service": "nope"})
    assert bad.status_code == 400 and list(bad.json()["errors"]) == ["shared_service"]


def test_a_page_of_stories_costs_the_same_queries_however_many_it_holds(client):
    service = SharedServiceFactory()
    make_story(service)

    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/stories/").status_code == 200
        return len(queries)

    one = queries_for_page()
    for _ in range(4):
        make_story(SharedServiceFactory())
    assert queries_for_page() == one
