"""`import_content` takes a whole file or nothing, and says exactly what is wrong with it."""

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from knowledge.importing import ImportValidationError, import_content
from knowledge.models import (
    OrganisationEmailDomain,
    ResourcePage,
    SharedService,
)
from tests.factories import OrganisationEmailDomainFactory, OrganisationFactory
from tests.knowledge.content_files import counts, good_content

REPO = Path(__file__).resolve().parents[2]


def problems_of(data: dict) -> list[str]:
    with pytest.raises(ImportValidationError) as refused:
        import_content(data)
    return [str(problem) for problem in refused.value.problems]


def edit(path: str, value):
    """A change to the good file: set `value` at a path like "case_studies.0.savings_percent",
    or delete the key when value is DELETE."""

    def apply(content: dict) -> dict:
        *parents, last = path.split(".")
        target = content
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value
        return content

    return apply


DELETE = object()
CS0 = 'case_studies[0] (slug "tri-council-revs-and-bens")'


SA1 = 'service_areas[1] (slug "waste")'
R0 = 'resources[0] (slug "business-case-guide")'
R1 = 'resources[1] (slug "business-case-template")'
NOWHERE = 'with the slug "nowhere" in this file or in the database.'
BAD_FILES = {
    "wrong format marker": (
        edit("format", "wordpress"),
        'format: Expected "commons-content"; the file says "wordpress".',
    ),
    "missing required field": (
        edit("service_areas.1.name", DELETE),
        f"{SA1}: name: This field is required.",
    ),
    "bad choice": (
        edit("case_studies.0.stage", "finished"),
        f"{CS0}: stage: Value 'finished' is not a valid choice. "
        "Choose one of: idea, business-case, implementation, live, stopped.",
    ),
    "negative money": (
        edit("case_studies.0.investment_pounds", "-5"),
        f"{CS0}: investment_pounds: Investment cannot be negative.",
    ),
    "percent out of range": (
        edit("case_studies.0.savings_percent", "130"),
        f"{CS0}: savings_percent: Savings must be between 0% and 100%.",
    ),
    "unknown organisation": (
        edit("case_studies.0.organisations", ["nowhere"]),
        f"{CS0}: organisations: There is no organisation {NOWHERE}",
    ),
    "unknown related case study": (
        edit("case_studies.0.related", ["nowhere"]),
        f"{CS0}: related: There is no case study {NOWHERE}",
    ),
    "duplicate slug": (
        edit("service_areas.1.slug", "revenues-and-benefits"),
        'service_areas[1] (slug "revenues-and-benefits"): slug: service_areas[0] already has '
        'the slug "revenues-and-benefits"; each service area needs its own.',
    ),
    "published without what went wrong": (
        edit("case_studies.1.what_went_wrong", "<p> </p>"),
        'case_studies[1] (slug "shared-waste-fleet"): what_went_wrong: A published case study '
        'must say what went wrong. Add it, or import the case study as a draft with "published": '
        "false.",
    ),
    "end before start": (
        edit("case_studies.0.ended_on", "2018-01-01"),
        f"{CS0}: ended_on: The end date must be on or after the start date.",
    ),
    "date in another notation": (
        edit("case_studies.0.started_on", "01/04/2019"),
        f"{CS0}: started_on: Expected a date as YYYY-MM-DD, such as 2021-04-01.",
    ),
    "money in exponent notation": (
        edit("case_studies.0.annual_savings_pounds", "1e6"),
        f'{CS0}: annual_savings_pounds: "1e6" is not a number in plain decimal notation, '
        'such as "1250000.00".',
    ),
    "summary too long": (
        edit("case_studies.0.summary", "x" * 601),
        f"{CS0}: summary: Ensure this value has at most 600 characters (it has 601).",
    ),
    "due diligence area twice": (
        edit("case_studies.0.due_diligence.1.area", "it-assets"),
        f'{CS0}: due_diligence[1].area: "it-assets" is already listed in due_diligence[0]; '
        "list each area once.",
    ),
    "revisit before the programme started": (
        edit("case_studies.0.revisits.0.revisited_on", "2019-03-31"),
        f"{CS0}: revisits[0].revisited_on: A revisit cannot be dated before the programme "
        "started (1 April 2019).",
    ),
    "revisit without a date": (
        edit("case_studies.0.revisits.1.revisited_on", DELETE),
        f"{CS0}: revisits[1].revisited_on: This field is required.",
    ),
    "negative actual savings": (
        edit("case_studies.0.revisits.1.actual_annual_savings_pounds", "-1"),
        f"{CS0}: revisits[1].actual_annual_savings_pounds: Actual annual savings cannot be "
        "negative.",
    ),
    "revisit with an unknown field": (
        edit("case_studies.0.revisits.0.colour", "blue"),
        f"{CS0}: revisits[0].colour: Unknown field.",
    ),
    "bad contact email": (
        edit("case_studies.0.contacts.0.email", "not an email"),
        f"{CS0}: contacts[0].email: Enter a valid email address.",
    ),
    "email domain given twice": (
        edit("organisations.1.email_domains", ["northshire.gov.uk"]),
        'organisations[1] (slug "southshire"): email_domains[0]: "northshire.gov.uk" is also '
        "given to organisations[0]; each email domain belongs to one organisation.",
    ),
    "bad URL": (
        edit("organisations.0.website", "northshire"),
        'organisations[0] (slug "northshire"): website: Enter a valid URL.',
    ),
    "document and web address": (
        edit("resources.0.document", {"file_name": "x.txt", "content_base64": "eA=="}),
        f"{R0}: external_url: Give either a document or a web address, not both.",
    ),
    "document of a refused type": (
        edit("resources.1.document.file_name", "template.exe"),
        f"{R1}: document.file_name: File extension “exe” is not allowed.",
    ),
    "web page disguised as a CSV": (
        edit(
            "resources.1.document",
            {"file_name": "figures.csv", "content_base64": "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="},
        ),
        f"{R1}: document.content_base64: The selected file contains web page code, which a CSV "
        "file cannot hold.",
    ),
    "document not in base64": (
        edit("resources.1.document.content_base64", "not base64!"),
        f"{R1}: document.content_base64: Expected the file's content in base64.",
    ),
    "unknown field": (
        edit("shared_services.0.colour", "blue"),
        'shared_services[0] (slug "tri-council-revs-and-bens"): colour: Unknown field.',
    ),
}


@pytest.mark.parametrize(("change", "problem"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_refused_naming_record_and_field_and_imports_nothing(
    library, change, problem
):
    before = counts()

    found = problems_of(change(good_content()))

    assert any(each.startswith(problem.rstrip(".")) for each in found), found
    assert counts() == before


def test_several_problems_are_all_reported_at_once(library):
    content = good_content()
    content["case_studies"][0]["savings_percent"] = 130
    content["case_studies"][0]["investment_pounds"] = "-1"
    content["resources"][0]["kind"] = "poster"
    del content["organisations"][2]["kind"]

    found = problems_of(content)

    assert found == [
        'organisations[2] (slug "tri-council"): kind: This field is required.',
        f"{CS0}: investment_pounds: Investment cannot be negative.",
        f"{CS0}: savings_percent: Savings must be between 0% and 100%.",
        "resources[0] (slug \"business-case-guide\"): kind: Value 'poster' is not a valid "
        "choice. Choose one of: guide, template, toolkit, dataset, report, link.",
    ]


def test_a_bad_record_last_in_the_file_stops_the_good_ones_before_it(library):
    content = good_content()
    content["resources"].append({"slug": "broken", "title": "Broken", "summary": "No kind."})
    before = counts()

    assert problems_of(content) == [
        'resources[2] (slug "broken"): kind: This field is required.',
        'resources[2] (slug "broken"): external_url: Upload a document or give the web address '
        "of the resource.",
    ]
    assert counts() == before


def test_a_failure_while_writing_rolls_back_everything_written_before_it(
    library, monkeypatch, settings
):
    content = good_content()
    content["resources"].reverse()  # the document is written, then the failure comes

    def refuse(page, *args, **kwargs):
        if page.slug == "business-case-guide":
            raise ValidationError({"summary": "The storage for revisions is full."})
        return original(page, *args, **kwargs)

    # Resources are written last, so everything else has been written when this fails.
    original = ResourcePage.save_revision
    monkeypatch.setattr(ResourcePage, "save_revision", refuse)
    before = counts()

    found = problems_of(content)

    assert found == [
        'resources[1] (slug "business-case-guide"): summary: The storage for revisions is full.'
    ]
    assert counts() == before
    assert not [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def test_wrong_top_level_shapes_are_refused():
    assert problems_of([]) == [
        'The file must hold one JSON object: {"format": "commons-content", ...}.'
    ]
    assert problems_of({"format": "commons-content", "version": 2, "pages": []}) == [
        "version: Expected 1; the file says 2.",
        "pages: Unknown section. The sections are: service_areas, organisations, "
        "shared_services, case_studies, resources.",
    ]
    assert problems_of({"format": "commons-content", "version": 1, "resources": [7]}) == [
        "resources[0]: Expected a resource: an object in curly brackets."
    ]


def test_records_may_refer_to_organisations_already_in_the_database(library):
    OrganisationFactory(slug="eastshire", name="Eastshire Council")
    content = good_content()
    content["shared_services"][0]["partners"] = ["eastshire"]

    import_content(content)

    service = SharedService.objects.get(slug="tri-council-revs-and-bens")
    assert [o.slug for o in service.partners.all()] == ["eastshire"]


def test_an_email_domain_held_by_an_organisation_outside_the_file_is_refused(library):
    OrganisationEmailDomainFactory(
        domain="northshire.gov.uk", organisation=OrganisationFactory(slug="impostor")
    )

    found = problems_of(good_content())

    assert found == [
        'organisations[0] (slug "northshire"): email_domains[0]: "northshire.gov.uk" already '
        'belongs to the organisation "impostor", which this file does not describe; each email '
        "domain belongs to one organisation."
    ]


def test_a_domain_may_move_between_organisations_in_the_file(library):
    import_content(good_content())
    moved = copy.deepcopy(good_content())
    moved["organisations"][0]["email_domains"] = ["northshire.gov.uk"]
    moved["organisations"][1]["email_domains"] = ["northshire.org.uk"]

    import_content(moved)

    owner = OrganisationEmailDomain.objects.get(domain="northshire.org.uk").organisation
    assert owner.slug == "southshire"


def test_the_command_prints_a_one_line_summary(library, tmp_path, capsys):
    path = tmp_path / "content.json"
    path.write_text(json.dumps(good_content()))

    call_command("import_content", str(path))
    call_command("import_content", str(path))

    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].endswith(
        "service areas: 2 created, 0 updated, 0 unchanged; organisations: 3 created, 0 updated, "
        "0 unchanged; shared services: 1 created, 0 updated, 0 unchanged; case studies: "
        "3 created, 0 updated, 0 unchanged; resources: 2 created, 0 updated, 0 unchanged."
    )
    assert "case studies: 0 created, 0 updated, 3 unchanged" in lines[1]


def test_the_command_lists_the_problems_and_imports_nothing(library, tmp_path):
    content = good_content()
    content["case_studies"][0]["savings_percent"] = "130"
    path = tmp_path / "content.json"
    path.write_text(json.dumps(content))
    before = counts()

    with pytest.raises(CommandError) as refused:
        call_command("import_content", str(path))

    assert str(refused.value).startswith(f"Nothing was imported: 1 problem in {path}:\n")
    assert f"{CS0}: savings_percent: Savings must be between 0% and 100%." in str(refused.value)
    assert counts() == before


def run_manage(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    # These files are refused before the database is used, so a scratch SQLite path will do.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_command_exits_non_zero_without_a_traceback_on_invalid_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "commons-content",\n "version": 1,,}')
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"format": "wxr", "version": 1}))

    broken_result = run_manage("import_content", str(path), tmp_path=tmp_path)
    wrong_result = run_manage("import_content", str(wrong), tmp_path=tmp_path)

    assert broken_result.returncode == 1
    assert "Traceback" not in broken_result.stderr
    assert (
        f"{path}: Not valid JSON: Expecting property name enclosed in double quotes at line 2, "
        "column 15." in broken_result.stderr
    )
    assert wrong_result.returncode == 1
    assert 'format: Expected "commons-content"; the file says "wxr".' in wrong_result.stderr
    assert "Traceback" not in wrong_result.stderr
