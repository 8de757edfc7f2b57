"""Documents are served only through Wagtail's view, which keeps them as private as the pages
that use them, and never serves one as a web page."""

import importlib
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

import commons.urls
from knowledge.models import CaseStudyAttachment
from tests.factories import UserFactory, make_case_study, make_resource, publish
from tests.knowledge.upload_files import PDF


def document(name: str = "savings-plan.pdf", content: bytes = PDF) -> Document:
    return Document.objects.create(title="Savings plan", file=ContentFile(content, name=name))


def resource_with(library, doc: Document, *, live: bool):
    return make_resource(library.resources, live=live, external_url="", document=doc)


def served(response) -> bytes:
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


def test_a_draft_resources_document_is_not_found_by_visitors_but_is_served_to_its_editor(
    client, library, moderator
):
    doc = document()
    resource_with(library, doc, live=False)

    assert client.get(doc.url).status_code == 404
    client.force_login(UserFactory(username="someone"))
    assert client.get(doc.url).status_code == 404
    client.force_login(moderator)
    assert served(client.get(doc.url)) == PDF


def test_a_draft_case_studys_attachment_is_not_found_by_visitors(client, library):
    doc = document()
    page = make_case_study(library.case_studies, live=False)
    CaseStudyAttachment.objects.create(page=page, document=doc)
    page.save()

    assert client.get(doc.url).status_code == 404


def test_the_document_is_public_once_its_page_is_published(client, library):
    doc = document()
    page = resource_with(library, doc, live=False)
    assert client.get(doc.url).status_code == 404

    publish(page)

    assert served(client.get(doc.url)) == PDF


def test_a_document_used_by_a_published_page_and_a_draft_is_public(client, library):
    doc = document()
    resource_with(library, doc, live=False)
    make_resource(library.resources, title="Another", external_url="", document=doc)

    assert served(client.get(doc.url)) == PDF


def test_a_document_on_a_page_for_signed_in_people_only_is_kept_from_visitors(client, library):
    doc = document()
    page = resource_with(library, doc, live=True)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(doc.url).status_code == 404
    client.force_login(UserFactory(username="member"))
    assert served(client.get(doc.url)) == PDF


def test_a_text_document_downloads_instead_of_opening_in_the_browser(client, library):
    doc = document("notes.txt", b"Plain notes.\n")
    resource_with(library, doc, live=True)

    response = client.get(doc.url)

    assert served(response) == b"Plain notes.\n"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_a_web_page_stored_before_the_checks_downloads_as_a_file(client, library):
    doc = document("old-upload.html", b"<script>alert(1)</script>")
    resource_with(library, doc, live=True)

    response = client.get(doc.url)

    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_pdf_opens_in_the_browser(client, library):
    doc = document()
    resource_with(library, doc, live=True)

    response = client.get(doc.url)

    assert served(response) == PDF
    assert response["Content-Disposition"].startswith("inline;")


@pytest.fixture
def debug_urls(settings):
    """The URLs `make run` serves (DEBUG on), which include the uploaded media."""
    settings.DEBUG = True
    importlib.reload(commons.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(commons.urls)
    clear_url_caches()


def test_uploaded_documents_are_not_served_from_media_even_in_development(
    client, library, debug_urls, settings
):
    doc = document()
    resource_with(library, doc, live=False)
    images = Path(settings.MEDIA_ROOT) / "original_images"
    images.mkdir(parents=True)
    (images / "photo.txt").write_bytes(b"an image stand-in")

    assert client.get(f"/media/{doc.file.name}").status_code == 404
    assert client.get(f"/media//{doc.file.name}").status_code == 404
    assert client.get(f"/media/original_images/../{doc.file.name}").status_code == 404
    assert client.get("/media/original_images/photo.txt").status_code == 200
