"""The demo network's content file: complete, consistent and valid before any importer reads it."""

import datetime
import json
import re
from collections import Counter
from decimal import Decimal
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

import knowledge.demo
from knowledge.models import (
    CaseStudyPage,
    DueDiligenceItem,
    Licence,
    Organisation,
    ProgrammeStage,
    ReadinessProfile,
    Region,
    ResourceKind,
    SharedService,
)
from knowledge.models.organisations import domain_validator

CONTENT_FILE = Path(knowledge.demo.__file__).parent / "content.json"
FRONT_DOOR_ORGANISATIONS = [
    "northshire-county-council",
    "eastvale-district-council",
    "westmoor-borough-council",
    "tri-valley-revenues-partnership",
]
ALLOWED_TAGS = {"p", "h2", "h3", "b", "i", "ol", "ul", "li", "a", "br"}
RICH_TEXT_FIELDS = [
    "outcomes",
    "what_went_wrong",
    "lessons_learned",
    "target_operating_model",
    "culture_and_leadership",
]


@cache
def load() -> dict:
    return json.loads(CONTENT_FILE.read_text(encoding="utf-8"))


def slugs(section: str) -> set[str]:
    return {record["slug"] for record in load()[section]}


def case_study(slug: str) -> dict:
    return next(c for c in load()["case_studies"] if c["slug"] == slug)


def published(section: str) -> list[dict]:
    return [record for record in load()[section] if record.get("published", True)]


def plain_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html or "").strip()


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        allowed_attributes = {"href"} if tag == "a" else set()
        self.problems += [f"<{tag} {name}>" for name, _ in attrs if name not in allowed_attributes]


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


def test_the_tri_council_revenues_merger_saved_thirty_percent_across_three_councils():
    merger = case_study("tri-council-revenues-and-benefits")
    kinds = {o["slug"]: o["kind"] for o in load()["organisations"]}

    assert Decimal(merger["savings_percent"]) == Decimal(30)
    assert sum(kinds[o] == "council" for o in merger["organisations"]) == 3
    assert "revenues-and-benefits" in merger["service_areas"]
    assert len(plain_text(merger["what_went_wrong"]).split()) > 300


@pytest.mark.parametrize(
    ("slug", "words"),
    [
        ("anglia-coast-single-email-domain", ["email domain"]),
        ("northshire-webchat-across-council-boundaries", ["webchat", "boundaries"]),
        ("castlebrook-community-connect-council-as-a-platform", ["platform", "partners"]),
        ("tynebridge-low-code-platform-for-service-managers", ["low-code", "service managers"]),
    ],
)
def test_the_required_flagship_case_studies_exist_and_are_told_at_length(slug, words):
    case = case_study(slug)

    assert all(word in case["title"].lower() for word in words)
    assert case.get("published", True) is True
    assert case["what_went_wrong"].count("<p>") >= 3


def test_every_published_case_study_says_what_went_wrong_what_came_of_it_and_what_was_learned():
    thin = [
        (c["slug"], field)
        for c in published("case_studies")
        for field in ["what_went_wrong", "outcomes", "lessons_learned"]
        if len(plain_text(c.get(field, ""))) < 40
    ]

    assert thin == []


def test_two_or_three_case_studies_are_drafts():
    drafts = [c for c in load()["case_studies"] if c.get("published") is False]

    assert 2 <= len(drafts) <= 3


def test_every_stage_is_shown_and_at_least_two_programmes_stopped():
    stages = Counter(c["stage"] for c in published("case_studies"))

    assert set(stages) == set(ProgrammeStage.values)
    assert stages["stopped"] >= 2
    assert all(
        plain_text(c["what_went_wrong"]) for c in load()["case_studies"] if c["stage"] == "stopped"
    )


def test_case_studies_vary_in_savings_and_in_staff_change():
    cases = published("case_studies")
    savings = [Decimal(c["annual_savings_pounds"]) for c in cases if "annual_savings_pounds" in c]
    staff = [Decimal(c["staff_change_fte"]) for c in cases if "staff_change_fte" in c]

    assert Decimal(0) in savings
    assert max(savings) >= Decimal(1_000_000)
    assert any(c < 0 for c in staff) and any(c > 0 for c in staff)
    assert len({area for c in cases for area in c["service_areas"]}) >= 12


def test_most_case_studies_have_a_full_and_valid_due_diligence_checklist():
    cases = published("case_studies")
    full = [c for c in cases if len(c.get("due_diligence", [])) == 5]
    lines = [line for c in cases for line in c.get("due_diligence", [])]

    assert len(full) > len(cases) * 0.8
    assert all(line["area"] in DueDiligenceItem.Area.values for line in lines)
    assert all(line["status"] in DueDiligenceItem.Status.values for line in lines)
    assert {"problem-found", "done", "in-progress", "not-started"} <= {
        line["status"] for line in lines
    }
    assert all(
        len({line["area"] for line in c["due_diligence"]}) == len(c["due_diligence"]) for c in full
    )


def test_many_case_studies_describe_the_operating_model_and_the_culture():
    cases = published("case_studies")

    assert sum(bool(c.get("target_operating_model")) for c in cases) >= 10
    assert sum(bool(c.get("culture_and_leadership")) for c in cases) >= 5


def test_case_studies_have_contacts_on_their_organisations_email_domains():
    domains = {o["slug"]: o["email_domains"] for o in load()["organisations"]}
    cases = published("case_studies")
    wrong = [
        (c["slug"], contact["email"])
        for c in cases
        for contact in c["contacts"]
        if contact["email"].split("@")[1] not in domains[contact["organisation"]]
    ]

    assert wrong == []
    assert all(1 <= len(c["contacts"]) <= 2 for c in cases)


def test_published_case_studies_have_two_to_five_related_studies_and_three_to_six_tags():
    cases = published("case_studies")

    assert [c["slug"] for c in cases if not 1 <= len(c["related"]) <= 5] == []
    assert sum(2 <= len(c["related"]) <= 5 for c in cases) >= len(cases) * 0.7
    assert [c["slug"] for c in cases if not 3 <= len(c["tags"]) <= 6] == []


def test_tags_are_lowercase_hyphenated_and_overlap_between_case_studies_and_resources():
    data = load()
    case_tags = Counter(t for c in data["case_studies"] for t in c.get("tags", []))
    resource_tags = Counter(t for r in data["resources"] for t in r.get("tags", []))
    everywhere = case_tags + resource_tags

    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", tag) for tag in everywhere)
    assert sum(n >= 2 for n in everywhere.values()) >= 10
    assert len(set(case_tags) & set(resource_tags)) >= 10
    assert {"shared-services", "business-case", "tupe", "data-migration", "low-code"} <= set(
        case_tags
    ) & set(resource_tags)


def test_first_publication_dates_are_spread_from_2023_to_2026_and_not_in_the_future():
    data = load()
    stamps = [
        datetime.datetime.fromisoformat(record["first_published_at"])
        for section in ["case_studies", "resources"]
        for record in data[section]
        if "first_published_at" in record
    ]

    assert {stamp.year for stamp in stamps} == {2023, 2024, 2025, 2026}
    assert max(stamps) <= datetime.datetime(2026, 11, 30, tzinfo=datetime.UTC)


def test_programme_dates_are_iso_and_never_end_before_they_start():
    for case in load()["case_studies"]:
        started = case.get("started_on") and datetime.date.fromisoformat(case["started_on"])
        ended = case.get("ended_on") and datetime.date.fromisoformat(case["ended_on"])
        if case.get("last_reviewed"):
            datetime.date.fromisoformat(case["last_reviewed"])
        if started and ended:
            assert ended >= started, case["slug"]


@pytest.mark.parametrize("case", load()["case_studies"], ids=lambda c: c["slug"])
def test_money_and_percentages_pass_the_case_study_validators(db, case):
    page = CaseStudyPage(
        title=case["title"],
        slug=case["slug"],
        summary=case["summary"],
        stage=case["stage"],
        **{
            field: case.get(field)
            for field in [
                "investment_pounds",
                "annual_savings_pounds",
                "savings_percent",
                "staff_change_fte",
            ]
        },
    )
    checked = {"summary", "stage", "investment_pounds", "annual_savings_pounds"}
    checked |= {"savings_percent", "staff_change_fte"}

    try:
        page.clean_fields(
            exclude=[f.name for f in CaseStudyPage._meta.fields if f.name not in checked]
        )
    except ValidationError as error:  # pragma: no cover - the message is the useful part
        pytest.fail(f"{case['slug']}: {error.message_dict}")


def test_rich_text_uses_only_the_allowed_elements():
    problems = []
    for case in load()["case_studies"]:
        for field in RICH_TEXT_FIELDS:
            collector = TagCollector()
            collector.feed(case.get(field, ""))
            problems += [(case["slug"], field, tag) for tag in collector.problems]

    assert problems == []


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


def test_some_live_case_studies_are_revisited_at_twelve_and_twenty_four_months():
    revisited = {
        record["slug"]: record["revisits"]
        for record in published("case_studies")
        if record.get("revisits")
    }

    assert 2 <= len(revisited) <= 4
    assert any(len(revisits) >= 2 for revisits in revisited.values())
    for slug, revisits in revisited.items():
        record = next(r for r in load()["case_studies"] if r["slug"] == slug)
        for revisit in revisits:
            assert revisit["revisited_on"] >= record["started_on"], slug
            assert revisit["actual_annual_savings_pounds"], slug
            assert plain_text(revisit["what_went_wrong_since"]), slug


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
