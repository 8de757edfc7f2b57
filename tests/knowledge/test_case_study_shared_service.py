"""A case study links the shared service it tells of (issue #15, item 6), so a reader can go on
to the service's page and its stories."""

from tests.factories import (
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    make_case_study,
)


def test_a_case_study_links_the_shared_service_its_organisations_run_in_its_area(client, library):
    benefits = ServiceAreaFactory(name="Revenues and benefits")
    waste = ServiceAreaFactory(name="Waste")
    lead = OrganisationFactory(name="Northshire County Council")
    partner = OrganisationFactory(name="Eastvale District Council")
    service = SharedServiceFactory(
        name="Tri-valley revenues and benefits", lead_organisation=lead, service_area=benefits
    )
    service.partners.add(partner)
    service.save()  # modelcluster keeps partners in memory until the service is saved
    elsewhere = SharedServiceFactory(name="Someone else's benefits", service_area=benefits)
    other_area = SharedServiceFactory(
        name="Northshire bins", lead_organisation=lead, service_area=waste
    )
    page = make_case_study(library.case_studies, organisations=[partner], service_areas=[benefits])

    html = client.get(page.url).content.decode()

    assert "Shared service</dt>" in html
    assert f'<a class="govuk-link" href="{service.get_absolute_url()}">{service.name}</a>' in html
    assert elsewhere.name not in html
    assert other_area.name not in html


def test_a_case_study_of_no_known_shared_service_has_no_shared_service_line(client, library):
    page = make_case_study(library.case_studies, service_areas=[ServiceAreaFactory()])

    html = client.get(page.url).content.decode()

    assert "Shared service</dt>" not in html
