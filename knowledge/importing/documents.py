"""A resource's document: carried in the import file as bytes, stored as a Wagtail document."""

import hashlib
import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from wagtail.documents.models import Document

from knowledge.document_checks import document_content_check, extension_of
from knowledge.importing.reading import DocumentFile

_DIGEST_LENGTH = 16


def _storage() -> Storage:
    return Document._meta.get_field("file").storage


def _folder() -> str:
    return str(Document._meta.get_field("file").upload_to)


def normalised(document: DocumentFile) -> DocumentFile:
    """Make the file name safe for storage ("My plan.pdf" becomes "My_plan.pdf"), so the name
    stored is the name exported, and the same file imported again is recognised as unchanged."""
    return DocumentFile(
        title=document.title,
        file_name=_storage().get_valid_name(document.file_name),
        content=document.content,
    )


def document_path(resource_slug: str, document: DocumentFile) -> str:
    """Where an imported document's file lives: `documents/<digest>/<file name>`.

    The digest of the resource's slug and the content makes the path stable: importing the same
    file again, even into an emptied database, finds the same path rather than storing a copy
    under a name with a random suffix (which would change the exported file name). The slug keeps
    two resources with the same file from sharing one, as deleting either would delete it.
    """
    digest = hashlib.sha256(resource_slug.encode() + b"\0" + document.content).hexdigest()
    return f"{_folder()}/{digest[:_DIGEST_LENGTH]}/{document.file_name}"


def document_problems(document: DocumentFile) -> list[tuple[str, str]]:
    """What Wagtail itself would refuse (the title, the file's extension), plus the upload size
    limit and the length of the stored path. Returns (field, message) with the file's names."""
    problems: list[tuple[str, str]] = []
    candidate = Document(
        title=document.title, file=ContentFile(document.content, name=document.file_name)
    )
    try:
        candidate.full_clean(
            exclude=[f.name for f in Document._meta.fields if f.name not in {"title", "file"}]
        )
    except ValidationError as error:
        names = {"file": "file_name", "title": "title"}
        for field, messages in error.message_dict.items():
            problems.extend((names.get(field, field), message) for message in messages)
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if limit and len(document.content) > limit:
        problems.append(
            ("content_base64", f"The file is larger than the {limit // (1024 * 1024)} MB limit.")
        )
    else:
        try:
            document_content_check(
                io.BytesIO(document.content), extension=extension_of(document.file_name)
            )
        except ValidationError as error:
            problems.extend(("content_base64", f"{message}.") for message in error.messages)
    longest = Document._meta.get_field("file").max_length
    spare = longest - len(document_path("", DocumentFile("", "", b"")))
    if len(document.file_name) > spare:
        problems.append(("file_name", f"A file name has at most {spare} characters."))
    return problems


def document_ensure(
    resource_slug: str, document: DocumentFile, *, stored_files: list[str]
) -> Document:
    """The Wagtail document for this resource's file, made if need be.

    Appends the name of any file it writes to `stored_files`, so that the caller can remove it
    if the database transaction is rolled back (storage is not transactional).
    """
    path = document_path(resource_slug, document)
    existing = Document.objects.filter(file=path).order_by("pk").first()
    if existing is not None:
        if existing.title != document.title:
            existing.title = document.title
            existing.save(update_fields=["title"])
        return existing
    storage = _storage()
    if storage.exists(path) and _read(storage, path) != document.content:
        storage.delete(path)
    if not storage.exists(path):
        stored = storage.save(path, ContentFile(document.content))
        stored_files.append(stored)
        path = stored
    # An identical file left at this path (its rows gone after a restore or a flush) is reused.
    created = Document(
        title=document.title,
        file=path,
        file_size=len(document.content),
        file_hash=hashlib.sha1(document.content).hexdigest(),  # noqa: S324 - Wagtail's own hash
    )
    created.save()
    return created


def document_content(document: Document) -> bytes:
    """The stored file's bytes."""
    with document.open_file() as handle:
        return handle.read()


def _read(storage: Storage, path: str) -> bytes:
    with storage.open(path, "rb") as handle:
        return handle.read()


def remove_stored_files(names: list[str]) -> None:
    storage = _storage()
    for name in names:
        storage.delete(name)
