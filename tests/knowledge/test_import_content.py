"""`import_content` stores a good file whole, with every field and relation, and is idempotent."""

import base64
import datetime
from decimal import Decimal
from pathlib import Path

from wagtail.documents.models import Document

from knowledge.importing import import_content
from knowledge.models import (
    CaseStudyPage,
    Organisation,
    ResourcePage,
    SharedService,
)
from tests.knowledge.content_files import TEMPLATE_BYTES, counts, good_content

REPO = Path(__file__).resolve().parents[2]


def test_a_good_file_imports_every_record_with_its_fields_and_relations(library):
    report = import_content(good_content())

    assert report.tallies["case_studies"].created == 3
    northshire = Organisation.objects.get(slug="northshire")
    assert northshire.website == "https://northshire.gov.uk"
    assert [d.domain for d in northshire.email_domains.all()] == [
        "northshire.gov.uk",
        "northshire.org.uk",
    ]
    service = SharedService.objects.get(slug="tri-council-revs-and-bens")
    assert service.lead_organisation == northshire
    assert {o.slug for o in service.partners.all()} == {"southshire", "tri-council"}
    assert service.since == datetime.date(2020, 4, 1)

    page = CaseStudyPage.objects.get(slug="tri-council-revs-and-bens")
    assert page.get_parent().specific == library.case_studies
    assert page.investment_pounds == Decimal("1250000.00")
    assert page.savings_percent == Decimal("30")
    assert page.staff_change_fte == Decimal("-12.5")
    assert page.ended_on == datetime.date(2021, 3, 31)
    assert {o.slug for o in page.organisations.all()} == {"northshire", "southshire"}
    assert sorted(tag.name for tag in page.tags.all()) == ["data migration", "tupe"]
    assert [(d.area, d.status, d.notes) for d in page.due_diligence.all()] == [
        ("it-assets", "problem-found", "Two systems."),
        ("capacity", "done", ""),
    ]
    assert [(c.name, c.organisation) for c in page.contacts.all()] == [
        ("Alex Example", northshire),
        ("Sam Example", None),
    ]
    assert [link.related_page.slug for link in page.related_links.all()] == ["shared-waste-fleet"]

    guide = ResourcePage.objects.get(slug="business-case-guide")
    assert guide.get_parent().specific == library.resources
    assert (guide.organisation.slug, guide.licence) == ("tri-council", "cc-by-4.0")
    assert [tag.name for tag in guide.tags.all()] == ["business case"]


def test_published_pages_go_live_through_one_revision_keeping_first_published_at(library):
    import_content(good_content())

    page = CaseStudyPage.objects.get(slug="tri-council-revs-and-bens")
    assert page.live and not page.has_unpublished_changes
    assert page.revisions.count() == 1
    assert page.live_revision_id == page.latest_revision_id
    assert page.first_published_at == datetime.datetime(2021, 6, 1, 9, 30, tzinfo=datetime.UTC)
    fleet = CaseStudyPage.objects.get(slug="shared-waste-fleet")
    assert fleet.live and fleet.first_published_at is not None


def test_a_draft_case_study_stays_a_draft(library):
    import_content(good_content())

    draft = CaseStudyPage.objects.get(slug="shared-legal-draft")
    assert draft.live is False
    assert draft.first_published_at is None
    assert draft.revisions.count() == 1
    assert not CaseStudyPage.objects.live().filter(slug="shared-legal-draft").exists()


def test_a_resource_document_becomes_a_wagtail_document(library):
    import_content(good_content())

    page = ResourcePage.objects.get(slug="business-case-template")
    assert page.document.title == "Business case template (text)"
    assert page.document.file.name.endswith("/business-case-template.txt")
    with page.document.open_file() as handle:
        assert handle.read() == TEMPLATE_BYTES
    assert page.external_url == ""


def test_importing_the_same_file_twice_changes_nothing_the_second_time(library):
    import_content(good_content())
    before = counts()
    published = dict(CaseStudyPage.objects.values_list("slug", "last_published_at"))

    report = import_content(good_content())

    assert counts() == before
    assert dict(CaseStudyPage.objects.values_list("slug", "last_published_at")) == published
    assert all(t.created == t.updated == 0 for t in report.tallies.values())
    assert report.tallies["case_studies"].unchanged == 3
    assert report.tallies["resources"].unchanged == 2


def test_a_changed_record_is_updated_in_place_with_one_new_revision(library):
    import_content(good_content())
    changed = good_content()
    changed["case_studies"][0]["savings_percent"] = "35.5"
    changed["case_studies"][0]["tags"] = ["tupe"]
    changed["organisations"][1]["region"] = "south-west"

    report = import_content(changed)

    page = CaseStudyPage.objects.get(slug="tri-council-revs-and-bens")
    assert page.savings_percent == Decimal("35.5")
    assert [tag.name for tag in page.tags.all()] == ["tupe"]
    assert page.revisions.count() == 2
    assert page.first_published_at == datetime.datetime(2021, 6, 1, 9, 30, tzinfo=datetime.UTC)
    assert CaseStudyPage.objects.filter(slug="tri-council-revs-and-bens").count() == 1
    assert Organisation.objects.get(slug="southshire").region == "south-west"
    assert (report.tallies["case_studies"].updated, report.tallies["case_studies"].unchanged) == (
        1,
        2,
    )
    assert report.tallies["organisations"].updated == 1


def test_the_file_decides_whether_a_case_study_is_published(library):
    import_content(good_content())
    flipped = good_content()
    flipped["case_studies"][0]["published"] = False
    flipped["case_studies"][2].update(published=True, what_went_wrong="<p>Scope crept.</p>")

    import_content(flipped)

    unpublished = CaseStudyPage.objects.get(slug="tri-council-revs-and-bens")
    assert (unpublished.live, unpublished.revisions.count()) == (False, 2)
    assert CaseStudyPage.objects.get(slug="shared-legal-draft").live is True
    assert import_content(flipped).tallies["case_studies"].unchanged == 3


def test_a_changed_document_is_stored_anew_and_then_left_alone(library):
    import_content(good_content())
    changed = good_content()
    changed["resources"][1]["document"]["content_base64"] = base64.b64encode(b"v2").decode()

    import_content(changed)
    report = import_content(changed)

    page = ResourcePage.objects.get(slug="business-case-template")
    with page.document.open_file() as handle:
        assert handle.read() == b"v2"
    assert report.tallies["resources"].unchanged == 2
    assert Document.objects.count() == 2  # the first version stays in the document library


def test_rich_text_is_sanitised_of_scripts_and_event_handlers(library):
    content = good_content()
    content["case_studies"][0]["what_went_wrong"] = (
        '<p onclick="steal()">Late<script>alert(1)</script> <img src=x onerror="alert(1)">'
        '<a href="javascript:alert(1)">here</a> <a href="https://example.org">there</a></p>'
    )

    import_content(content)

    html = CaseStudyPage.objects.get(slug="tri-council-revs-and-bens").what_went_wrong
    assert html == '<p>Late <a>here</a> <a href="https://example.org">there</a></p>'


def test_revisits_are_imported_with_their_case_study_in_the_order_given(library):
    import_content(good_content())

    page = CaseStudyPage.objects.get(slug="tri-council-revs-and-bens")
    revisits = list(page.revisits.all())
    assert [(r.revisited_on.isoformat(), r.actual_annual_savings_pounds) for r in revisits] == [
        ("2022-04-01", Decimal("640000")),
        ("2023-04-01", Decimal("880000")),
    ]
    assert revisits[0].actual_costs_to_date_pounds == Decimal("1410000")
    assert revisits[0].what_went_wrong_since == "<p>Two staff left in the first month.</p>"
    assert revisits[1].actual_costs_to_date_pounds is None
