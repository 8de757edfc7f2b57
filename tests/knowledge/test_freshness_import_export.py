"""Review dates travel through the import format and back out of the export."""

import datetime

import pytest

from knowledge.exporting import export_content
from knowledge.importing import import_content
from knowledge.importing.problems import ImportValidationError
from knowledge.models import CaseStudyPage, ResourcePage
from tests.factories import UserFactory
from tests.knowledge.content_files import good_content


def test_review_dates_are_imported_and_exported_for_case_studies_and_resources(library):
    content = good_content()
    content["case_studies"][0]["review_by"] = "2026-09-01"
    content["resources"][0].update(last_reviewed="2026-01-15", review_by="2027-01-15")

    import_content(content)

    case_study = CaseStudyPage.objects.get(slug=content["case_studies"][0]["slug"])
    resource = ResourcePage.objects.get(slug="business-case-guide")
    assert case_study.review_by == datetime.date(2026, 9, 1)
    assert (resource.last_reviewed, resource.review_by) == (
        datetime.date(2026, 1, 15),
        datetime.date(2027, 1, 15),
    )
    exported = export_content()
    exported_case_study = next(
        each for each in exported["case_studies"] if each["slug"] == case_study.slug
    )
    exported_resource = next(
        each for each in exported["resources"] if each["slug"] == "business-case-guide"
    )
    assert exported_case_study["review_by"] == "2026-09-01"
    assert exported_resource["last_reviewed"] == "2026-01-15"
    assert exported_resource["review_by"] == "2027-01-15"


def test_a_review_by_date_that_is_not_a_date_is_refused_in_plain_english(library):
    content = good_content()
    content["resources"][0]["review_by"] = "next spring"

    with pytest.raises(ImportValidationError) as refused:
        import_content(content)

    assert "review_by" in str(refused.value)
    assert "YYYY-MM-DD" in str(refused.value)
    assert not ResourcePage.objects.exists()


def test_the_owner_is_imported_and_exported_by_email_address(library):
    owner = UserFactory(username="keeper", email="keeper@northshire.gov.uk")
    content = good_content()
    content["case_studies"][0]["owner"] = "Keeper@Northshire.gov.uk"
    content["resources"][0]["owner"] = "keeper@northshire.gov.uk"

    import_content(content)

    case_study = CaseStudyPage.objects.get(slug=content["case_studies"][0]["slug"])
    assert case_study.content_owner == owner
    assert ResourcePage.objects.get(slug="business-case-guide").content_owner == owner
    exported = export_content()
    by_slug = {each["slug"]: each for each in exported["case_studies"] + exported["resources"]}
    assert by_slug[case_study.slug]["owner"] == "keeper@northshire.gov.uk"
    assert by_slug["business-case-guide"]["owner"] == "keeper@northshire.gov.uk"
    assert by_slug["shared-waste-fleet"]["owner"] is None


def test_an_owner_without_an_account_is_refused_in_plain_english(library):
    content = good_content()
    content["case_studies"][0]["owner"] = "nobody@example.org"

    with pytest.raises(ImportValidationError) as refused:
        import_content(content)

    assert 'owner: No account has the email address "nobody@example.org".' in str(refused.value)
    assert not CaseStudyPage.objects.exists()
