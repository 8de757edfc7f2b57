"""The partners' content API and the embeddable widget that reads it: hidden content reaches
nobody through them, whoever is signed in."""

from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from knowledge.services import library_ensure
from tests.community.permission_matrix.world import Action, Outcome, World
from tests.factories import ServiceAreaFactory, make_case_study, make_story

CONTENT_ENDPOINTS = (
    "/api/v1/case-studies/",
    "/api/v1/resources/",
    "/api/v1/organisations/",
    "/api/v1/shared-services/",
    "/api/v1/stories/",
)


def see_unpublished_story(client: Client, world: World) -> Outcome:
    make_story(world.story.shared_service, title="Waiting story", status="pending")
    response = client.get("/api/v1/stories/")
    return response, "Waiting story" in response.text


def see_members_only_thread(client: Client, world: World) -> Outcome:
    responses = [client.get(address, {"q": "secret data centre"}) for address in CONTENT_ENDPOINTS]
    assert all(r.status_code == 200 for r in responses), [r.status_code for r in responses]
    return responses[0], any("Secret data centre" in r.text for r in responses)


def see_hidden_case_study(client: Client, world: World) -> Outcome:
    case_studies = library_ensure().case_studies
    make_case_study(case_studies, title="Draft merger plan", live=False)
    private = make_case_study(case_studies, title="Councillors' merger plan")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="councillors"
    )
    response = client.get("/api/v1/case-studies/")
    assert response.status_code == 200
    return response, "merger plan" in response.text


def make_widget_snippet(client: Client, world: World) -> Outcome:
    ServiceAreaFactory(name="Revenues and benefits", slug="revenues-and-benefits")
    response = client.get(
        reverse("knowledge:embed"), {"service_area": "revenues-and-benefits", "limit": "5"}
    )
    return response, 'data-service-area="revenues-and-benefits"' in response.text


def see_hidden_case_study_in_widget(client: Client, world: World) -> Outcome:
    area = ServiceAreaFactory(name="Revenues and benefits", slug="revenues-and-benefits")
    case_studies = library_ensure().case_studies
    make_case_study(
        case_studies,
        title="Draft merger plan",
        live=False,
        service_areas=[area],
        tags=["draft-only-tag"],
    )
    private = make_case_study(
        case_studies,
        title="Councillors' merger plan",
        service_areas=[area],
        tags=["private-only-tag"],
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="councillors"
    )
    builder = client.get(reverse("knowledge:embed"))
    # What the widget asks for (it sends no cookie; the API would ignore one anyway).
    widget = client.get("/api/v1/case-studies/", {"service_area": area.slug, "limit": "5"})
    assert builder.status_code == 200 and widget.status_code == 200
    seen = "merger plan" in widget.text or "only-tag" in builder.text
    return builder, seen


ACTIONS: dict[str, Action] = {
    "see an unpublished story through the API": see_unpublished_story,
    "see a members-only thread through the content API": see_members_only_thread,
    "see a draft or password-protected case study through the API": see_hidden_case_study,
    "make a widget snippet": make_widget_snippet,
    "see a draft or private case study through the widget or its tag choices": (
        see_hidden_case_study_in_widget
    ),
}
# Answer 200 either way: what they show is the test.
LISTINGS = {
    "see an unpublished story through the API",
    "see a members-only thread through the content API",
    "see a draft or password-protected case study through the API",
    "see a draft or private case study through the widget or its tag choices",
}
# Need the members-only thread in the real search index.
SEARCHED = {
    "see a members-only thread through the content API",
    "see a draft or password-protected case study through the API",
}
