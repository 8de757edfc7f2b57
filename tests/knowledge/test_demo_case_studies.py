"""The demo network's case studies: told at length, warts and all, with figures, dates, tags and
rich text the site accepts, and revisited."""

import datetime
import re
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError

from knowledge.models import (
    CaseStudyPage,
    DueDiligenceItem,
    ProgrammeStage,
)
from tests.knowledge.demo_file import (
    case_study,
    load,
    plain_text,
    published,
)

ALLOWED_TAGS = {"p", "h2", "h3", "b", "i", "ol", "ul", "li", "a", "br"}
RICH_TEXT_FIELDS = [
    "outcomes",
    "what_went_wrong",
    "lessons_learned",
    "target_operating_model",
    "culture_and_leadership",
]


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        allowed_attributes = {"href"} if tag == "a" else set()
        self.problems += [f"<{tag} {name}>" for name, _ in attrs if name not in allowed_attributes]


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
