"""Brokerage pages: the list and its filters, the form, a listing's page and who sees what."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community.models import ContentStatus, Interest, Listing
from tests.factories import (
    ListingFactory,
    OrganisationFactory,
    ServiceAreaFactory,
    make_officer,
    make_verified_user,
)

LIST_URL = "/brokerage/"


@pytest.fixture
def payroll(db):
    return ServiceAreaFactory(name="Payroll", slug="payroll")


@pytest.fixture
def waste(db):
    return ServiceAreaFactory(name="Waste", slug="waste")


def titles_on(response) -> list[str]:
    return [listing.title for listing in response.context["results"]]


def test_the_list_shows_open_listings_only(client, payroll):
    ListingFactory(title="Open payroll offer", service_area=payroll)
    ListingFactory(title="Expired", expires_on=timezone.localdate() - datetime.timedelta(days=1))
    ListingFactory(title="Closed", status=Listing.Status.CLOSED)
    ListingFactory(title="Hidden", status=ContentStatus.HIDDEN)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert titles_on(response) == ["Open payroll offer"]
    assert "1 open listing" in response.content.decode()


def test_the_list_filters_by_kind_service_area_and_region(client, payroll, waste):
    ListingFactory(title="Payroll offer, north west", service_area=payroll, region="north-west")
    ListingFactory(title="Payroll offer, UK-wide", service_area=payroll, region="uk-wide")
    ListingFactory(title="Payroll offer, London", service_area=payroll, region="london")
    ListingFactory(title="Payroll need", kind="need", service_area=payroll, region="north-west")
    ListingFactory(title="Waste offer", service_area=waste, region="north-west")

    by_kind = client.get(LIST_URL, {"kind": "need"})
    by_area = client.get(LIST_URL, {"service_area": "waste"})
    by_all = client.get(
        LIST_URL, {"kind": "offer", "service_area": "payroll", "region": "north-west"}
    )

    assert titles_on(by_kind) == ["Payroll need"]
    assert titles_on(by_area) == ["Waste offer"]
    assert sorted(titles_on(by_all)) == ["Payroll offer, UK-wide", "Payroll offer, north west"]


def test_a_filter_value_not_in_the_list_is_an_error_not_a_silent_guess(client, payroll):
    ListingFactory(service_area=payroll)

    response = client.get(LIST_URL, {"region": "atlantis", "service_area": "payroll"})

    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["results"] is None
    assert "Choose a region from the list" in page
    assert '<a href="#id_region">' in page


def test_the_list_is_paginated(client, payroll):
    for number in range(21):
        ListingFactory(title=f"Offer {number}", service_area=payroll)

    first = client.get(LIST_URL)
    second = client.get(LIST_URL, {"page": "2"})

    assert len(titles_on(first)) == 20
    assert titles_on(second) == ["Offer 0"]
    assert 'rel="next"' in first.content.decode()


def test_the_list_makes_the_same_number_of_queries_for_few_or_many_listings(client, payroll):
    officer = make_officer(OrganisationFactory())
    client.force_login(officer)
    ListingFactory(service_area=payroll)
    client.get(LIST_URL)  # the first request fills the site and settings caches
    with CaptureQueriesContext(connection) as few:
        client.get(LIST_URL)
    for _ in range(15):
        ListingFactory(service_area=ServiceAreaFactory(), organisation=OrganisationFactory())
    with CaptureQueriesContext(connection) as many:
        client.get(LIST_URL)

    assert len(many) == len(few)
    assert len(many) <= 12


# The form


def test_a_bad_listing_keeps_what_was_typed_and_says_what_to_fix(client, payroll):
    client.force_login(make_officer(OrganisationFactory()))
    past = timezone.localdate() - datetime.timedelta(days=3)

    response = client.post(
        reverse("community:listing_new"),
        {
            "kind": "offer",
            "title": "Payroll for schools",
            "description": "We run payroll for 40 schools.",
            "service_area": str(payroll.pk),
            "region": "london",
            "capacity": "0",
            "expires_on_day": str(past.day),
            "expires_on_month": str(past.month),
            "expires_on_year": str(past.year),
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert not Listing.objects.exists()
    assert "<title>Error: Post an offer or a need" in page
    assert "Number of partners must be 1 or more" in page
    assert "Closing date must be today or in the future" in page
    assert '<a href="#id_capacity">' in page
    assert 'value="Payroll for schools"' in page
    assert "We run payroll for 40 schools." in page
    assert f'value="{past.year}"' in page


def test_the_form_starts_in_the_organisations_region(client, db):
    client.force_login(make_officer(OrganisationFactory(region="wales")))

    response = client.get(reverse("community:listing_new"))

    assert response.status_code == 200
    assert '<option value="wales" selected>' in response.content.decode()


# A listing's page


@pytest.fixture
def need(payroll):
    return ListingFactory(
        kind="need",
        organisation=OrganisationFactory(name="Northshire Council"),
        service_area=payroll,
        title="A partner for schools payroll",
        description="We want a partner to run payroll for schools.",
    )


def test_a_listing_shows_its_suggested_matches_with_reasons(client, need, payroll):
    ListingFactory(
        kind="offer",
        service_area=payroll,
        region=need.region,
        title="Schools payroll bureau",
        organisation=OrganisationFactory(name="Southshire Council"),
    )

    page = client.get(need.get_absolute_url()).content.decode()

    assert "Schools payroll bureau" in page
    assert "Southshire Council" in page
    assert "Similar words: payroll, schools" in page
    assert "<li>Same region</li>" in page


def test_interests_and_their_addresses_are_shown_to_the_listings_organisation_only(client, need):
    southshire = OrganisationFactory(name="Southshire Council")
    sam = make_officer(southshire, first_name="Sam", last_name="South", email="sam@south.gov.uk")
    Interest.objects.create(listing=need, user=sam, organisation=southshire, message="Let us talk")
    own_officer = make_officer(need.organisation)
    viewers = {
        "anonymous": None,
        "citizen": make_verified_user(),
        "other officer": make_officer(OrganisationFactory()),
        "interested officer": sam,
    }

    client.force_login(own_officer)
    own_page = client.get(need.get_absolute_url()).content.decode()
    assert "sam@south.gov.uk" in own_page
    assert "Let us talk" in own_page
    for viewer in viewers.values():
        client.logout()
        if viewer:
            client.force_login(viewer)
        page = client.get(need.get_absolute_url()).content.decode()
        assert "sam@south.gov.uk" not in page
        assert "Let us talk" not in page


def test_the_interest_form_is_offered_to_other_organisations_officers_only(client, need):
    client.force_login(make_officer(OrganisationFactory()))
    other = client.get(need.get_absolute_url()).content.decode()
    client.force_login(make_officer(need.organisation))
    own = client.get(need.get_absolute_url()).content.decode()

    assert "Express interest</button>" in other
    assert "Express interest</button>" not in own
    assert "Change the listing" in own


def test_hidden_closed_and_expired_listings_are_not_found_by_others(client, need):
    own_officer = make_officer(need.organisation)
    for status, expires_on, state in [
        (ContentStatus.HIDDEN, need.expires_on, "Hidden by a moderator"),
        (Listing.Status.CLOSED, need.expires_on, "Closed"),
        (ContentStatus.VISIBLE, timezone.localdate() - datetime.timedelta(days=1), "Expired"),
    ]:
        Listing.objects.filter(pk=need.pk).update(status=status, expires_on=expires_on)
        client.logout()
        assert client.get(need.get_absolute_url()).status_code == 404
        client.force_login(own_officer)
        response = client.get(need.get_absolute_url())
        assert response.status_code == 200
        assert state in response.content.decode()


def test_the_service_navigation_links_to_the_brokerage(client, db):
    page = client.get(LIST_URL).content.decode()

    assert 'href="/brokerage/" aria-current="page">Brokerage</a>' in page
