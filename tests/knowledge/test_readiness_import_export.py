"""Due-diligence profiles travel inside their organisation's record, in and out, all or nothing."""

import datetime

import pytest

from knowledge.exporting import export_content
from knowledge.importing import import_content
from knowledge.importing.problems import ImportValidationError
from knowledge.models import Organisation, ReadinessProfile
from tests.knowledge.content_files import good_content

pytestmark = pytest.mark.django_db

PROFILE = {
    "systems": [
        {"service_area": "revenues-and-benefits", "system": "OpenRevenues", "supplier": "Civica"}
    ],
    "contracts": [
        {
            "service_area": "revenues-and-benefits",
            "description": "Revenues and benefits software",
            "supplier": "Civica",
            "ends_on": "2028-03-31",
            "notice_months": 12,
        }
    ],
    "capacity_notes": "A team of 42; four vacancies.\nPeak in March.",
    "competencies": "Data migration.",
    "practices": [
        {"service_area": None, "topic": "Home working", "practice": "Three days a week."},
        {
            "service_area": "revenues-and-benefits",
            "topic": "Council tax reminders",
            "practice": "One reminder, then a summons.",
        },
    ],
    "members_only": ["contracts", "capacity"],
}


def _with_profile(profile):
    content = good_content()
    content["organisations"][0]["due_diligence_profile"] = profile
    return content


def _exported_profile(slug="northshire"):
    organisation = next(each for each in export_content()["organisations"] if each["slug"] == slug)
    return organisation.get("due_diligence_profile")


def test_a_profile_is_imported_with_its_rows_and_exported_the_same(library):
    import_content(_with_profile(PROFILE))

    profile = ReadinessProfile.objects.get(organisation__slug="northshire")
    contract = profile.contracts.get()
    assert (contract.ends_on, contract.notice_months) == (datetime.date(2028, 3, 31), 12)
    assert profile.members_only_parts() == ["contracts", "capacity"]
    assert [row.topic for row in profile.practices.all()] == [
        "Home working",
        "Council tax reminders",
    ]
    assert _exported_profile() == PROFILE


def test_importing_the_same_profile_twice_changes_nothing_the_second_time(library):
    import_content(_with_profile(PROFILE))
    saved_at = ReadinessProfile.objects.get().updated_at

    report = import_content(_with_profile(PROFILE))

    assert ReadinessProfile.objects.get().updated_at == saved_at
    assert "organisations: 0 created, 0 updated, 3 unchanged" in report.summary()


def test_a_changed_profile_replaces_its_rows(library):
    import_content(_with_profile(PROFILE))
    changed = {**PROFILE, "systems": [], "members_only": []}

    report = import_content(_with_profile(changed))

    profile = ReadinessProfile.objects.get()
    assert not profile.systems.exists()
    assert profile.members_only_parts() == []
    assert "organisations: 0 created, 1 updated" in report.summary()


def test_a_record_without_a_profile_leaves_the_stored_profile_alone(library):
    import_content(_with_profile(PROFILE))

    import_content(good_content())

    assert _exported_profile() == PROFILE


def test_an_organisation_without_a_profile_exports_none(library):
    import_content(good_content())
    assert _exported_profile() is None


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"members_only": ["secrets"]}, "due_diligence_profile.members_only", '"contracts"'),
        (
            {"contracts": [{**PROFILE["contracts"][0], "ends_on": "March 2028"}]},
            "due_diligence_profile.contracts[0].ends_on",
            "YYYY-MM-DD",
        ),
        (
            {"contracts": [{**PROFILE["contracts"][0], "notice_months": "six"}]},
            "due_diligence_profile.contracts[0].notice_months",
            "whole number",
        ),
        (
            {"systems": [{"service_area": "parking", "system": "X"}]},
            "due_diligence_profile.systems[0].service_area",
            'no service area with the slug "parking"',
        ),
        (
            {"systems": [{"service_area": "waste", "system": "x" * 121}]},
            "due_diligence_profile.systems[0].system",
            "at most 120 characters",
        ),
        (
            {"practices": [{"topic": "Home working"}]},
            "due_diligence_profile.practices[0].practice",
            "required",
        ),
        ({"budget": "1"}, "due_diligence_profile.budget", "Unknown field"),
    ],
)
def test_a_bad_profile_refuses_the_whole_file(library, change, field, words):
    with pytest.raises(ImportValidationError) as refused:
        import_content(_with_profile({**PROFILE, **change}))

    problems = {problem.field: problem.message for problem in refused.value.problems}
    assert field in problems, problems
    assert words in problems[field]
    assert not Organisation.objects.exists()
