"""The demo network's content file: complete, consistent and valid before any importer reads it.
Its case studies' own content is checked in test_demo_case_studies.py."""

import datetime
import re
from collections import Counter
from decimal import Decimal

import pytest
from django.core.validators import URLValidator

from knowledge.models import (
    CaseStudyPage,
    Licence,
    Organisation,
    ReadinessProfile,
    Region,
    ResourceKind,
    SharedService,
)
from knowledge.models.organisations import domain_validator
from tests.knowledge.demo_file import (
    FRONT_DOOR_ORGANISATIONS,
    load,
    slugs,
)


def test_the_file_declares_the_commons_content_format():
    data = load()

    assert data["format"] == "commons-content"
    assert data["version"] == 1
    assert set(data) == {
        "format",
        "version",
        "service_areas",
        "organisations",
        "shared_services",
        "case_studies",
        "resources",
    }


@pytest.mark.parametrize(
    ("section", "at_least"),
    [
        ("service_areas", 12),
        ("organisations", 12),
        ("shared_services", 10),
        ("case_studies", 25),
        ("resources", 40),
    ],
)
def test_there_is_enough_of_each_kind_of_record(section, at_least):
    assert len(load()[section]) >= at_least


def test_at_least_ten_organisations_are_councils_or_partnerships_and_every_kind_appears():
    kinds = Counter(o["kind"] for o in load()["organisations"])

    assert kinds["council"] + kinds["partnership"] >= 10
    assert set(kinds) == set(Organisation.Kind.values)


def test_organisations_are_spread_across_england_wales_and_scotland():
    regions = {o["region"] for o in load()["organisations"]}

    assert {"wales", "scotland"} <= regions
    assert len(regions - {"wales", "scotland", "uk-wide"}) >= 6


@pytest.mark.parametrize(
    "section",
    ["service_areas", "organisations", "shared_services", "case_studies", "resources"],
)
def test_slugs_are_unique_and_well_formed(section):
    counted = Counter(record["slug"] for record in load()[section])

    assert [slug for slug, n in counted.items() if n > 1] == []
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in counted)


def test_every_reference_names_a_record_in_the_file():
    data = load()
    organisations, areas, cases = (
        slugs("organisations"),
        slugs("service_areas"),
        slugs("case_studies"),
    )
    missing = []
    for service in data["shared_services"]:
        missing += [
            o
            for o in [service["lead_organisation"], *service["partners"]]
            if o not in organisations
        ]
        missing += [service["service_area"]] if service["service_area"] not in areas else []
    for case in data["case_studies"]:
        missing += [o for o in case.get("organisations", []) if o not in organisations]
        missing += [a for a in case.get("service_areas", []) if a not in areas]
        missing += [r for r in case.get("related", []) if r not in cases or r == case["slug"]]
        missing += [
            c["organisation"]
            for c in case.get("contacts", [])
            if c["organisation"] not in organisations
        ]
    for resource in data["resources"]:
        missing += [a for a in resource.get("service_areas", []) if a not in areas]
        if resource["organisation"] not in organisations:
            missing.append(resource["organisation"])

    assert missing == []


@pytest.mark.parametrize("slug", FRONT_DOOR_ORGANISATIONS)
def test_the_organisations_that_front_the_demo_sites_exist(slug):
    assert slug in slugs("organisations")


def test_organisations_have_valid_unique_email_domains_and_matching_websites():
    organisations = load()["organisations"]
    domains = [d for o in organisations for d in o["email_domains"]]

    assert len(domains) == len(set(domains))
    for domain in domains:
        domain_validator(domain)
    assert all(o["website"] == f"https://www.{o['email_domains'][0]}" for o in organisations)
    assert all(1 <= len(o["email_domains"]) <= 2 for o in organisations if o["kind"] == "council")
    assert {o["region"] for o in organisations} <= set(Region.values)


def test_shared_services_use_known_statuses_and_have_partners():
    services = load()["shared_services"]

    assert {s["status"] for s in services} <= set(SharedService.Status.values)
    assert all(s["partners"] and s["lead_organisation"] not in s["partners"] for s in services)


def test_resources_link_to_example_or_invented_addresses_and_use_known_choices():
    validate_url = URLValidator(schemes=["https"])
    resources = load()["resources"]
    invented = {d for o in load()["organisations"] for d in o["email_domains"]} | {"example.org"}

    for resource in resources:
        validate_url(resource["external_url"])
        host = resource["external_url"].split("/")[2].removeprefix("www.")
        assert host in invented, resource["slug"]
    assert {r["kind"] for r in resources} == set(ResourceKind.values)
    assert {r["licence"] for r in resources} == set(Licence.values)
    assert all(r["organisation"] and r["service_areas"] and r["tags"] for r in resources)


def test_summaries_fit_the_600_character_limit():
    data = load()
    long = [
        r["slug"] for s in ["case_studies", "resources"] for r in data[s] if len(r["summary"]) > 600
    ]

    assert long == []


def test_the_importer_takes_the_whole_file_and_a_second_import_changes_nothing(db):
    from knowledge.importing import import_content

    import_content(load())
    counts = (
        Organisation.objects.count(),
        SharedService.objects.count(),
        CaseStudyPage.objects.count(),
        CaseStudyPage.objects.live().count(),
    )
    import_content(load())

    assert counts == (23, 15, 30, 27)
    assert ReadinessProfile.objects.count() == 7
    assert (
        Organisation.objects.count(),
        SharedService.objects.count(),
        CaseStudyPage.objects.count(),
        CaseStudyPage.objects.live().count(),
    ) == counts
    merger = CaseStudyPage.objects.get(slug="tri-council-revenues-and-benefits")
    assert merger.savings_percent == Decimal(30)
    assert merger.organisations.count() == 4
    assert merger.due_diligence.count() == 5
    assert merger.related_links.count() == 4
    assert merger.first_published_at.date() == datetime.date(2024, 11, 18)
    assert "tupe" in set(merger.tags.names())


def test_councils_in_several_regions_keep_due_diligence_profiles_that_can_be_compared():
    profiles = {
        record["slug"]: record["due_diligence_profile"]
        for record in load()["organisations"]
        if record.get("due_diligence_profile")
    }
    regions = {r["slug"]: r.get("region") for r in load()["organisations"]}

    assert len(profiles) >= 5
    assert len({regions[slug] for slug in profiles}) >= 4

    # Northshire (the demo officer's council) can find a partner: another council whose
    # revenues contract ends within a year of Northshire's and runs the same system.
    def revenues(slug, rows):
        return [
            row for row in profiles[slug][rows] if row["service_area"] == "revenues-and-benefits"
        ]

    home_end = datetime.date.fromisoformat(
        revenues("northshire-county-council", "contracts")[0]["ends_on"]
    )
    home_system = revenues("northshire-county-council", "systems")[0]["system"]
    partners = [
        slug
        for slug in profiles
        if slug != "northshire-county-council"
        and any(
            abs((datetime.date.fromisoformat(row["ends_on"]) - home_end).days) <= 365
            for row in revenues(slug, "contracts")
        )
        and any(row["system"] == home_system for row in revenues(slug, "systems"))
    ]
    assert partners
    assert "contracts" in profiles["northshire-county-council"]["members_only"]
    assert any(not profile["members_only"] for profile in profiles.values())
