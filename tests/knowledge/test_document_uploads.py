"""What an upload holds must match what its name says, wherever it comes in: contributions from
the public site and Wagtail's own document form in the admin."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection

from knowledge.models import ResourcePage
from tests.factories import UserFactory
from tests.knowledge.upload_files import CSV, HTML_AS_CSV, HTML_PAGE, PDF, xlsx, zip_of

RESOURCE_URL = "/contribute/resource/"



@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    # 300 MB of zeros, about 300 KB once compressed: over the 100 MB a spreadsheet may unpack to.
    return xlsx(extra_megabytes_of_zeros=300)


def contribute(client, name: str, content: bytes):
    data = {
        "title": "Savings by council",
        "summary": "What each council saved in the first year.",
        "kind": "dataset",
        "licence": "ogl-3.0",
        "tags": "savings",
        "document": SimpleUploadedFile(name, content),
    }
    return client.post(RESOURCE_URL, data)


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    return client


def upload_in_admin(client, name: str, content: bytes):
    data = {
        "title": "Savings by council",
        "file": SimpleUploadedFile(name, content),
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
    }
    return client.post(reverse("wagtaildocs:add"), data)


def test_a_web_page_disguised_as_a_csv_is_refused_and_the_form_keeps_what_was_typed(signed_in):
    response = contribute(signed_in, "savings.csv", HTML_AS_CSV)

    body = response.content.decode()
    assert response.status_code == 200
    assert "The selected file contains web page code, which a CSV file cannot hold" in body
    assert "What each council saved in the first year.</textarea>" in body
    assert not ResourcePage.objects.exists()


def test_a_zip_bomb_named_as_a_spreadsheet_is_refused(signed_in, zip_bomb):
    response = contribute(signed_in, "savings.xlsx", zip_bomb)

    body = response.content.decode()
    assert response.status_code == 200
    assert "The selected file unpacks to more than 100 MB" in body
    assert not ResourcePage.objects.exists()


def test_a_zip_that_is_not_a_spreadsheet_is_refused_as_one(signed_in):
    response = contribute(signed_in, "savings.xlsx", zip_of({"readme.txt": b"hello"}))

    assert "The selected file is not a real XLSX file" in response.content.decode()
    assert not ResourcePage.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("savings.pdf", PDF), ("savings.xlsx", xlsx()), ("savings.csv", CSV)],
    ids=["pdf", "xlsx", "csv"],
)
def test_good_files_of_each_kind_are_accepted(signed_in, name, content):
    response = contribute(signed_in, name, content)

    assert response.status_code == 302
    assert ResourcePage.objects.get().document.file_size == len(content)


def test_the_admin_refuses_a_web_page_disguised_as_a_csv(admin_client):
    response = upload_in_admin(admin_client, "savings.csv", HTML_AS_CSV)

    assert response.status_code == 200
    assert "The selected file contains web page code" in response.content.decode()
    assert not Document.objects.exists()


def test_the_admin_refuses_a_web_page_disguised_as_plain_text(admin_client):
    response = upload_in_admin(admin_client, "notes.txt", HTML_PAGE)

    assert "The selected file contains web page code" in response.content.decode()
    assert not Document.objects.exists()


def test_the_admin_refuses_a_zip_bomb_named_as_a_spreadsheet(admin_client, zip_bomb):
    response = upload_in_admin(admin_client, "savings.xlsx", zip_bomb)

    assert "The selected file unpacks to more than 100 MB" in response.content.decode()
    assert not Document.objects.exists()


def test_the_admin_refuses_a_program_renamed_as_a_pdf(admin_client):
    response = upload_in_admin(admin_client, "report.pdf", b"MZ\x90\x00 a program")

    assert "The selected file is not a real PDF file" in response.content.decode()
    assert not Document.objects.exists()


def test_the_admin_refuses_a_file_over_the_size_limit(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024 * 1024

    response = upload_in_admin(admin_client, "report.pdf", PDF + b"0" * (1024 * 1024))

    assert response.status_code == 200
    assert not Document.objects.exists()


def test_the_admin_accepts_a_real_spreadsheet(admin_client):
    response = upload_in_admin(admin_client, "savings.xlsx", xlsx())

    assert response.status_code == 302
    assert Document.objects.get().file_size == len(xlsx())


def test_the_admins_multiple_upload_refuses_a_zip_bomb_too(admin_client, zip_bomb):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("savings.xlsx", zip_bomb),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.json()["success"] is False
    assert "The selected file unpacks to more than 100 MB" in response.json()["error_message"]
    assert not Document.objects.exists()


def test_a_file_too_large_to_keep_is_refused_by_its_size_and_the_form_keeps_the_rest(
    signed_in, settings
):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = settings.UPLOAD_MAX_BYTES = 1024 * 1024
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024

    response = contribute(signed_in, "report.pdf", PDF + bytes(3 * 1024 * 1024))

    body = response.content.decode()
    assert "The selected file must be smaller than 1 MB" in body
    assert "What each council saved in the first year.</textarea>" in body
    assert not ResourcePage.objects.exists()
