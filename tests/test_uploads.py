"""An upload larger than any form accepts is not written to disk in full (commons/uploads.py)."""

import os

from django.core.files.uploadedfile import SimpleUploadedFile

MEGABYTE = 1024 * 1024


def test_an_upload_past_the_limit_keeps_its_real_size_but_not_its_bytes(settings, rf):
    settings.UPLOAD_MAX_BYTES = MEGABYTE
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # to a temporary file, as a large upload goes
    content = b"%PDF-1.4\n" + bytes(3 * MEGABYTE)

    request = rf.post(
        "/contribute/resource/",
        {"title": "Savings", "document": SimpleUploadedFile("big.pdf", content)},
    )

    upload = request.FILES["document"]
    assert upload.size == len(content)
    assert os.path.getsize(upload.temporary_file_path()) == MEGABYTE
    assert request.POST["title"] == "Savings"


def test_an_upload_within_the_limit_is_kept_whole(settings, rf):
    settings.UPLOAD_MAX_BYTES = MEGABYTE
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    content = b"%PDF-1.4\n" + bytes(MEGABYTE // 2)

    request = rf.post("/", {"document": SimpleUploadedFile("small.pdf", content)})

    assert request.FILES["document"].read() == content
