"""Contributing a resource: a web address or an uploaded document, kept private until approved."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import WorkflowState

from knowledge.models import Licence, ResourcePage
from knowledge.services.contributions import REVIEW_COLLECTION_NAME, resource_submit
from tests.factories import OrganisationFactory, ServiceAreaFactory

RESOURCE_URL = "/contribute/resource/"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"



def resource_data(**changes) -> dict:
    data = {
        "title": "Shared service business case template",
        "summary": "A business case template for two or more councils sharing a service.",
        "kind": "template",
        "external_url": "https://example.org/business-case",
        "licence": "ogl-3.0",
        "tags": "business case, templates",
    }
    return {**data, **changes}


def pdf(name: str = "business-case.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def approve(client, moderator, page: ResourcePage) -> None:
    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    assert client.post(url, {"comment": ""}).status_code == 302
    client.logout()


def test_a_resource_with_a_web_address_becomes_a_draft_waiting_for_review(
    signed_in, client, contributor
):
    council = OrganisationFactory(name="Westshire Council")
    area = ServiceAreaFactory(name="Revenues and benefits")

    response = signed_in.post(
        RESOURCE_URL, resource_data(organisation=council.pk, service_areas=[area.pk])
    )

    page = ResourcePage.objects.get()
    assert response["Location"] == f"/contribute/sent/{page.pk}/"
    assert page.owner == contributor
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.external_url == "https://example.org/business-case"
    assert page.organisation == council
    assert list(page.service_areas.all()) == [area]
    assert sorted(page.tags.names()) == ["business case", "templates"]
    signed_in.logout()
    assert client.get(f"/resources/{page.slug}/").status_code == 404
    assert not ResourcePage.objects.live().exists()


def test_an_uploaded_document_stays_private_until_the_resource_is_approved(
    signed_in, client, moderator
):
    response = signed_in.post(RESOURCE_URL, resource_data(external_url="", document=pdf()))

    assert response.status_code == 302
    page = ResourcePage.objects.get()
    document = page.document
    assert document.collection.name == REVIEW_COLLECTION_NAME
    assert document.file_size == len(PDF)
    signed_in.logout()
    hidden = client.get(document.url)
    assert hidden.status_code == 302
    assert "/login/?next=/documents/" in hidden["Location"]
    client.force_login(moderator)
    assert client.get(document.url).status_code == 200

    approve(client, moderator, page)

    document.refresh_from_db()
    page.refresh_from_db()
    assert page.live
    assert document.collection.is_root()
    public = client.get(document.url)
    assert public.status_code == 200
    assert b"".join(public.streaming_content) == PDF


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("tool.exe", b"MZ\x90\x00"),
            "The selected file must be a PDF, DOCX, ODT, XLSX or CSV",
        ),
        (pdf(content=b"MZ\x90\x00 not really a pdf"), "The selected file is not a real PDF file"),
        (SimpleUploadedFile("figures.csv", b"a,b\x00\x01"), "The selected file is not a real CSV"),
        (pdf(content=b""), "The selected file is empty"),
    ],
    ids=["wrong-extension", "renamed-program", "binary-csv", "empty"],
)
def test_documents_of_the_wrong_kind_are_refused_with_a_clear_message(signed_in, upload, message):
    response = signed_in.post(RESOURCE_URL, resource_data(external_url="", document=upload))

    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert '<li><a href="#id_document">' in body
    assert not ResourcePage.objects.exists()


def test_a_document_over_the_size_limit_is_refused(signed_in, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024 * 1024
    too_big = pdf(content=PDF + b"0" * (1024 * 1024))

    response = signed_in.post(RESOURCE_URL, resource_data(external_url="", document=too_big))

    assert "The selected file must be smaller than 1 MB" in response.content.decode()
    assert not ResourcePage.objects.exists()


def test_a_resource_needs_a_web_address_or_a_document_but_not_both(signed_in):
    neither = signed_in.post(RESOURCE_URL, resource_data(external_url=""))
    both = signed_in.post(RESOURCE_URL, resource_data(document=pdf()))

    assert "Upload a document or give the web address of the resource." in neither.content.decode()
    assert "Give either a document or a web address, not both." in both.content.decode()
    assert not ResourcePage.objects.exists()


def test_a_resource_with_errors_keeps_what_was_typed_and_asks_for_the_file_again(signed_in):
    council = OrganisationFactory(name="Westshire Council")

    response = signed_in.post(
        RESOURCE_URL,
        resource_data(
            title="",
            external_url="",
            document=pdf(),
            organisation=council.pk,
            kind="toolkit",
            licence="cc-by-4.0",
        ),
    )

    body = response.content.decode()
    assert '<li><a href="#id_title">Enter a title for the resource</a></li>' in body
    assert ">\nA business case template for two or more councils sharing a service.</textarea>" in (
        body
    )
    assert 'value="toolkit" checked' in body
    assert 'value="cc-by-4.0" checked' in body
    assert f'<option value="{council.pk}" selected>Westshire Council</option>' in body
    assert 'value="business case, templates"' in body
    assert "Choose your file again" in body


def test_a_web_address_that_is_not_one_is_refused(signed_in):
    response = signed_in.post(RESOURCE_URL, resource_data(external_url="not a web address"))

    body = response.content.decode()
    assert "Enter a web address in the correct format, like https://www.example.org/guide" in body
    assert 'value="not a web address"' in body
    assert not ResourcePage.objects.exists()


def test_a_contributed_resource_is_listed_with_its_status(signed_in):
    signed_in.post(RESOURCE_URL, resource_data())

    body = signed_in.get("/contribute/yours/").content.decode()

    assert "Shared service business case template" in body
    assert "Resource" in body
    assert "Waiting for an editor" in body


def test_a_resource_that_cannot_be_saved_leaves_no_uploaded_file_behind(
    contributor, library, tmp_path
):
    # A kind the page refuses fails inside the insert, after the file was stored.
    data = {
        "title": "A business case template",
        "summary": "A business case template.",
        "kind": "podcast",
        "licence": Licence.OGL,
    }

    with pytest.raises(ValidationError, match="not a valid choice"):
        resource_submit(user=contributor, data=data, document_file=pdf())

    assert not get_document_model().objects.exists()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []
