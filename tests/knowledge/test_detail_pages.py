"""Case study, resource and collection pages show everything, and drafts show nothing."""

import datetime
from decimal import Decimal

from knowledge.models import (
    CaseStudyContact,
    DueDiligenceItem,
    RelatedCaseStudy,
    ThemeItem,
    ThemePage,
)
from tests.factories import (
    OrganisationFactory,
    ServiceAreaFactory,
    make_case_study,
    make_resource,
    publish,
)


def path_of(page) -> str:
    return page.url_path.removeprefix("/home")


def test_a_case_study_page_shows_every_part_of_the_story(client, library):
    council = OrganisationFactory(name="Northshire County Council")
    area = ServiceAreaFactory(name="Revenues and benefits")
    page = make_case_study(
        library.case_studies,
        title="Tri-council revenues and benefits",
        organisations=[council],
        service_areas=[area],
        tags=["tupe"],
        investment_pounds=Decimal("1250000"),
        annual_savings_pounds=Decimal("900000"),
        savings_percent=Decimal("30"),
        staff_change_fte=Decimal("-12.5"),
        started_on=datetime.date(2019, 4, 1),
        outcomes="<p>Processing times fell by a third.</p>",
        what_went_wrong="<p>The data migration ran three months late.</p>",
        lessons_learned="<p>Budget for a parallel run.</p>",
        target_operating_model="<p>One team, three front doors.</p>",
        culture_and_leadership="<p>Chief executives met monthly.</p>",
        last_reviewed=datetime.date(2026, 3, 1),
    )
    DueDiligenceItem.objects.create(
        page=page, area="it-assets", status="problem-found", notes="Two incompatible systems."
    )
    CaseStudyContact.objects.create(
        page=page, name="Alex Example", role="Head of revenues", email="alex@example.org"
    )
    related = make_case_study(library.case_studies, title="Shared legal services")
    RelatedCaseStudy.objects.create(page=page, related_page=related)

    html = client.get(path_of(page)).content.decode()

    for text in [
        "Tri-council revenues and benefits",
        "Northshire County Council",
        "Revenues and benefits",
        "£1,250,000",
        "£900,000 a year (30% of the previous cost)",
        "12.5 fewer posts (full-time equivalent)",
        "Started April 2019",
        "Processing times fell by a third.",
        "What went wrong",
        "The data migration ran three months late.",
        "Budget for a parallel run.",
        "One team, three front doors.",
        "Chief executives met monthly.",
        "Problem found",
        "Two incompatible systems.",
        "Alex Example",
        "Shared legal services",
        "1 March 2026",
        "tupe",
    ]:
        assert text in html, text


def test_drafts_are_invisible_to_anonymous_users(client, library):
    draft = make_case_study(library.case_studies, title="Secret plan", live=False)

    response = client.get(path_of(draft))

    assert response.status_code == 404
    assert "Secret plan" not in client.get("/").content.decode()


def test_a_resource_page_links_to_the_resource_and_says_its_licence(client, library):
    resource = make_resource(
        library.resources,
        title="Business case template",
        external_url="https://example.org/template.docx",
    )

    html = client.get(path_of(resource)).content.decode()

    assert 'href="https://example.org/template.docx"' in html
    assert "Open Government Licence v3.0" in html


def test_a_collection_lists_its_live_items_in_order_with_notes(client, library):
    first = make_case_study(library.case_studies, title="First read this")
    second = make_resource(library.resources, title="Then use this template")
    withdrawn = make_case_study(library.case_studies, title="Withdrawn study")
    withdrawn.unpublish()
    theme = ThemePage(title="Starting a shared service", slug="starting")
    library.themes.add_child(instance=theme)
    ThemeItem.objects.create(page=theme, item=first, sort_order=0, note="The honest one")
    ThemeItem.objects.create(page=theme, item=second, sort_order=1)
    ThemeItem.objects.create(page=theme, item=withdrawn, sort_order=2)
    publish(theme)

    html = client.get(path_of(theme)).content.decode()

    assert html.index("First read this") < html.index("Then use this template")
    assert "The honest one" in html
    assert "Withdrawn study" not in html
    assert "Starting a shared service" in client.get("/collections/").content.decode()
