"""A contributor sees where each contribution stands, and answers "changes requested" by editing
and resending it from the public site, which puts it back into Wagtail's moderation workflow."""

import html
from decimal import Decimal

from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Collection, WorkflowState

from knowledge.models import CaseStudyPage, ResourcePage
from tests.factories import UserFactory
from tests.knowledge.test_contribution import YOURS_URL, case_study_data, submit
from tests.knowledge.test_contribution_resources import RESOURCE_URL, pdf, resource_data


def edit_url(page: CaseStudyPage) -> str:
    return f"/contribute/yours/{page.pk}/edit/"


def changes_request(page: CaseStudyPage, *, editor, comment: str) -> None:
    """What "Request changes" in the admin does: the task is rejected, the workflow waits."""
    page.current_workflow_task_state.reject(user=editor, comment=comment)


def test_the_list_shows_only_your_own_contributions_with_their_status_in_plain_english(
    signed_in, moderator
):
    waiting = submit(signed_in, title="Shared revenues")
    changes = submit(signed_in, title="Shared legal services")
    changes_request(changes, editor=moderator, comment="Please say what it cost.")
    ben = Client()
    ben.force_login(UserFactory(username="ben"))
    submit(ben, title="Ben's shared depot")

    body = html.unescape(signed_in.get(YOURS_URL).content.decode())

    assert "Shared revenues" in body and "Shared legal services" in body
    assert "Ben's shared depot" not in body
    assert "Waiting for an editor" in body
    assert "Changes requested" in body and "Please say what it cost." in body
    assert f'href="{edit_url(changes)}"' in body
    assert f'href="{edit_url(waiting)}"' not in body


def test_someone_else_gets_not_found_on_a_contributions_edit_address(signed_in, moderator):
    page = submit(signed_in)
    changes_request(page, editor=moderator, comment="Please say what it cost.")
    ben = Client()
    ben.force_login(UserFactory(username="ben"))

    assert ben.get(edit_url(page)).status_code == 404
    assert ben.post(edit_url(page), case_study_data(title="Ben's now")).status_code == 404
    assert "Please say what it cost." not in ben.get(YOURS_URL).content.decode()
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Two councils share a waste service"


def test_an_editor_may_change_and_resend_a_contribution(signed_in, moderator):
    page = submit(signed_in)
    changes_request(page, editor=moderator, comment="Please say what it cost.")
    editor = Client()
    editor.force_login(moderator)

    assert editor.get(edit_url(page)).status_code == 200
    response = editor.post(edit_url(page), case_study_data(summary="Tidied by an editor."))
    assert response.status_code == 302
    assert editor.get(response["Location"]).status_code == 200
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_after_changes_requested_the_contributor_edits_and_resends_for_review(
    signed_in, moderator, contributor
):
    page = submit(signed_in)
    changes_request(page, editor=moderator, comment="Please say what it cost.")

    form = signed_in.get(edit_url(page)).content.decode()
    assert 'value="Two councils share a waste service"' in form
    assert "The depot lease ran six months late.</textarea>" in form
    assert "Please say what it cost." in html.unescape(form)
    response = signed_in.post(
        edit_url(page),
        case_study_data(investment_pounds="300000", what_went_wrong="The lease ran late."),
    )

    assert response.status_code == 302
    assert response["Location"] == f"/contribute/sent/{page.pk}/"
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == "in_progress"
    latest = page.get_latest_revision_as_object()
    assert latest.what_went_wrong == "<p>The lease ran late.</p>"
    assert latest.investment_pounds == Decimal("300000")
    assert page.owner == contributor
    assert not page.live
    assert "Waiting for an editor" in signed_in.get(YOURS_URL).content.decode()


def test_a_resend_with_mistakes_keeps_what_was_typed_and_changes_nothing(signed_in, moderator):
    page = submit(signed_in)
    changes_request(page, editor=moderator, comment="Please say what it cost.")

    response = signed_in.post(
        edit_url(page), case_study_data(what_went_wrong="", investment_pounds="lots")
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter what went wrong, or what was harder or slower than planned" in body
    assert 'value="lots"' in body
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_a_published_contribution_cannot_be_edited_from_the_public_site(signed_in, moderator):
    page = submit(signed_in)
    page.current_workflow_task_state.approve(user=moderator)
    page.refresh_from_db()
    assert page.live

    shown = signed_in.get(edit_url(page))
    sent = signed_in.post(edit_url(page), case_study_data(title="Changed after publication"))

    assert shown.status_code == sent.status_code == 200
    for response in (shown, sent):
        text = html.unescape(response.content.decode())
        assert "It has been published, so it cannot be changed here." in text
        assert "<form" not in text.split("<main", 1)[1]
    page.refresh_from_db()
    assert page.title == "Two councils share a waste service"
    assert page.get_latest_revision_as_object().title == "Two councils share a waste service"


def test_a_contribution_waiting_for_an_editor_cannot_be_edited(signed_in):
    page = submit(signed_in)

    response = signed_in.post(edit_url(page), case_study_data(title="Changed while waiting"))

    text = html.unescape(response.content.decode())
    assert "An editor is reading it, so it cannot be changed until they answer." in text
    assert page.get_latest_revision_as_object().title == "Two councils share a waste service"


def test_a_contribution_an_editor_did_not_accept_is_listed_as_not_accepted(signed_in, moderator):
    page = submit(signed_in)
    page.current_workflow_state.cancel(user=moderator)

    body = signed_in.get(YOURS_URL).content.decode()

    assert "Not accepted" in body
    assert f'href="{edit_url(page)}"' not in body


def test_the_form_saves_due_diligence_and_the_operating_model_onto_the_case_study(signed_in):
    page = submit(
        signed_in,
        due_diligence_it_assets_status="problem-found",
        due_diligence_it_assets_notes="Two payroll systems, neither replaceable before 2023.",
        due_diligence_existing_contracts_status="done",
        due_diligence_existing_contracts_notes="",
        due_diligence_capacity_status="",
        due_diligence_capacity_notes="",
        target_operating_model="One team, two offices.",
        culture_and_leadership="Joint chief executive from year one.",
        investment_pounds="£250,000",
    )

    lines = {item.area: (item.status, item.notes) for item in page.due_diligence.all()}
    assert lines == {
        "it-assets": ("problem-found", "Two payroll systems, neither replaceable before 2023."),
        "existing-contracts": ("done", ""),
    }
    assert page.target_operating_model == "<p>One team, two offices.</p>"
    assert page.culture_and_leadership == "<p>Joint chief executive from year one.</p>"
    assert page.investment_pounds == Decimal("250000")
    revision = page.get_latest_revision_as_object()
    assert [item.area for item in revision.due_diligence.all()] == [
        "it-assets",
        "existing-contracts",
    ]


def test_due_diligence_notes_without_a_status_ask_for_one_and_keep_the_notes(signed_in):
    response = signed_in.post(
        "/contribute/case-study/",
        case_study_data(
            due_diligence_capacity_status="", due_diligence_capacity_notes="Short of staff."
        ),
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Select how far the capacity check got" in body
    assert "Short of staff.</textarea>" in body
    assert not CaseStudyPage.objects.exists()


def test_resending_replaces_the_due_diligence_lines(signed_in, moderator):
    page = submit(signed_in, due_diligence_it_assets_status="in-progress")
    changes_request(page, editor=moderator, comment="Is the IT check finished?")

    form = signed_in.get(edit_url(page)).content.decode()
    assert '<option value="in-progress" selected>' in form
    response = signed_in.post(
        edit_url(page),
        case_study_data(
            due_diligence_it_assets_status="done", due_diligence_it_assets_notes="Finished."
        ),
    )

    assert response.status_code == 302
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert [(i.area, i.status, i.notes) for i in latest.due_diligence.all()] == [
        ("it-assets", "done", "Finished.")
    ]


def test_a_resource_with_changes_requested_is_resent_keeping_the_document_sent(
    signed_in, moderator
):
    response = signed_in.post(RESOURCE_URL, {**resource_data(external_url=""), "document": pdf()})
    assert response.status_code == 302
    page = ResourcePage.objects.get()
    document = page.document
    changes_request(page, editor=moderator, comment="Say which councils used it.")

    form = html.unescape(signed_in.get(edit_url(page)).content.decode())
    assert "Say which councils used it." in form
    assert 'value="Shared service business case template"' in form
    assert f"You sent “{document.title}”" in form
    response = signed_in.post(
        edit_url(page),
        resource_data(external_url="", summary="Used by Eastshire and Westshire."),
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    latest = page.get_latest_revision_as_object()
    assert latest.summary == "Used by Eastshire and Westshire."
    assert latest.document == document


def test_a_resource_resent_with_a_web_address_instead_of_its_document_becomes_a_link(
    signed_in, moderator
):
    signed_in.post(RESOURCE_URL, {**resource_data(external_url=""), "document": pdf()})
    page = ResourcePage.objects.get()
    changes_request(page, editor=moderator, comment="Link to the council's copy instead.")

    response = signed_in.post(
        edit_url(page), resource_data(external_url="https://example.org/their-copy")
    )

    assert response.status_code == 302
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert latest.external_url == "https://example.org/their-copy"
    assert latest.document is None


def test_the_list_asks_the_database_the_same_number_of_times_however_many_there_are(
    signed_in, moderator
):
    def queries_for_the_list() -> int:
        # Counted on the second look: the first after a submission also refills caches.
        signed_in.get(YOURS_URL)
        with CaptureQueriesContext(connection) as queries:
            assert signed_in.get(YOURS_URL).status_code == 200
        return len(queries)

    first = submit(signed_in, title="Shared revenues")
    changes_request(first, editor=moderator, comment="Please say what it cost.")
    one = queries_for_the_list()
    for title in ("Shared legal services", "Shared waste depots", "Shared payroll"):
        page = submit(signed_in, title=title)
        changes_request(page, editor=moderator, comment="Please say what it cost.")

    assert queries_for_the_list() == one


def test_formatting_an_editor_added_survives_a_resend_that_leaves_that_text_alone(
    signed_in, moderator
):
    page = submit(signed_in)
    draft = page.get_latest_revision_as_object()
    formatted = (
        "<ul><li>Fewer missed bins.</li><li>Residents noticed "
        '(<a href="https://example.org/survey">survey</a>).</li></ul>'
    )
    draft.outcomes = formatted
    draft.save_revision(user=moderator)
    changes_request(page, editor=moderator, comment="Please say what it cost.")
    form = html.unescape(signed_in.get(edit_url(page)).content.decode())
    shown_outcomes = form.split('name="outcomes"')[1].split(">", 1)[1].split("</textarea>")[0]

    response = signed_in.post(
        edit_url(page),
        case_study_data(investment_pounds="300000", outcomes=shown_outcomes.strip()),
    )

    assert response.status_code == 302
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert latest.outcomes == formatted
    assert latest.investment_pounds == Decimal("300000")


def test_text_the_contributor_changes_replaces_the_editors_formatting(signed_in, moderator):
    page = submit(signed_in)
    draft = page.get_latest_revision_as_object()
    draft.outcomes = "<ul><li>Fewer missed bins.</li></ul>"
    draft.save_revision(user=moderator)
    changes_request(page, editor=moderator, comment="Please add what residents said.")

    response = signed_in.post(
        edit_url(page), case_study_data(outcomes="Fewer missed bins; 4,000 fewer calls.")
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().outcomes == (
        "<p>Fewer missed bins; 4,000 fewer calls.</p>"
    )


def test_a_document_replaced_before_review_is_deleted_with_its_file(signed_in, moderator):
    signed_in.post(RESOURCE_URL, {**resource_data(external_url=""), "document": pdf()})
    page = ResourcePage.objects.get()
    first = page.document
    stored = first.file.name
    changes_request(page, editor=moderator, comment="That is last year's version.")

    response = signed_in.post(
        edit_url(page), {**resource_data(external_url=""), "document": pdf("this-year.pdf")}
    )

    assert response.status_code == 302
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert latest.document.file.name.startswith("documents/this-year")
    # Never published, so never public: nobody but the reviewers ever saw the old one.
    assert not get_document_model().objects.filter(pk=first.pk).exists()
    assert not default_storage.exists(stored)
    # The revision that carried it still opens (for the editors' history), without it.
    assert page.revisions.order_by("created_at").first().as_object().document is None


def test_a_document_switched_for_a_web_address_is_deleted_too(signed_in, moderator):
    signed_in.post(RESOURCE_URL, {**resource_data(external_url=""), "document": pdf()})
    page = ResourcePage.objects.get()
    first = page.document
    changes_request(page, editor=moderator, comment="Link to the council's copy instead.")

    signed_in.post(edit_url(page), resource_data(external_url="https://example.org/their-copy"))

    assert not get_document_model().objects.filter(pk=first.pk).exists()


def test_a_replaced_document_that_is_public_or_used_elsewhere_is_kept(signed_in, moderator):
    signed_in.post(RESOURCE_URL, {**resource_data(external_url=""), "document": pdf()})
    page = ResourcePage.objects.get()
    first = page.document
    # An editor filed it in the public collection, to use on another page.
    first.collection = Collection.get_first_root_node()
    first.save()
    changes_request(page, editor=moderator, comment="Send the newer one.")

    signed_in.post(edit_url(page), {**resource_data(external_url=""), "document": pdf("new.pdf")})

    assert get_document_model().objects.filter(pk=first.pk).exists()
