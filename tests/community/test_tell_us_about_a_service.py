"""Rate and narrate has a plain-language front door (issue #15, item 6): "Tell us about a service
you use" in the navigation and on the home page, leading to the shared services people can tell
the story of."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import OrganisationFactory, SharedServiceFactory

TELL_US = "Tell us about a service you use"


def test_the_navigation_and_the_home_page_lead_to_the_services_people_can_tell_us_about(
    client, library
):
    tell_us_url = reverse("community:tell_us")

    home = client.get("/").content.decode()
    case_studies = client.get("/case-studies/").content.decode()

    nav_link = f'class="govuk-service-navigation__link" href="{tell_us_url}"'
    assert nav_link in home
    assert nav_link in case_studies
    assert f'<a class="govuk-link" href="{tell_us_url}">{TELL_US}</a>' in home


def test_every_shared_service_is_listed_with_its_page_and_a_way_to_tell_its_story(client, db):
    bins = SharedServiceFactory(name="Tri-valley waste and recycling")
    benefits = SharedServiceFactory(name="Revenues and benefits service")

    response = client.get(reverse("community:tell_us"))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 class="govuk-heading-xl">{TELL_US}</h1>' in html
    for service in (bins, benefits):
        assert f'href="{service.get_absolute_url()}">{service.name}</a>' in html
        story_url = reverse("community:story_new", args=[service.slug])
        assert f'href="{story_url}">Tell your story' in html


def test_services_are_found_by_their_name_or_by_a_council_that_runs_them(client, db):
    eastvale = OrganisationFactory(name="Eastvale District Council")
    westmoor = OrganisationFactory(name="Westmoor Borough Council")
    bins = SharedServiceFactory(name="Waste and recycling", lead_organisation=eastvale)
    benefits = SharedServiceFactory(name="Revenues and benefits")
    benefits.partners.add(westmoor)
    benefits.save()  # modelcluster keeps partners in memory until the service is saved
    payroll = SharedServiceFactory(name="Payroll bureau")
    url = reverse("community:tell_us")

    by_name = client.get(url, {"q": "recycling"}).content.decode()
    by_lead = client.get(url, {"q": "eastvale"}).content.decode()
    by_partner = client.get(url, {"q": "Westmoor"}).content.decode()
    nothing = client.get(url, {"q": "libraries"}).content.decode()

    assert bins.name in by_name and benefits.name not in by_name
    assert bins.name in by_lead and payroll.name not in by_lead
    assert benefits.name in by_partner and bins.name not in by_partner
    assert payroll.name not in nothing
    assert "No service matches “libraries”" in nothing
    # What they typed stays in the box.
    assert 'value="libraries"' in nothing


def test_the_list_of_services_costs_the_same_queries_however_many_there_are(client, db):
    url = reverse("community:tell_us")
    SharedServiceFactory()
    client.get(url)  # the first request fills per-process caches (the site, the footer)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    SharedServiceFactory.create_batch(5)

    with CaptureQueriesContext(connection) as six:
        response = client.get(url)

    assert "6 services" in response.content.decode()
    assert len(six) == len(one), [query["sql"] for query in six.captured_queries]
