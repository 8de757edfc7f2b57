"""Does an uploaded file hold what its name says? One check for every way a document comes in:
contributions, Wagtail's admin document form (knowledge.document_forms) and the import.

The extension decides how a file is served and opened, so a file is refused when its content is
something else: a program renamed `.pdf`, a web page renamed `.csv` (which a browser might run),
or a zip bomb renamed `.xlsx` (a few kilobytes that unpack to gigabytes in the reader's Excel).
"""

import re
import zipfile
from typing import IO

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

_TEXT_EXTENSIONS = {"csv", "txt"}
# The parts without which the program that opens the file cannot: a zip of anything else renamed.
_ZIP_PARTS = {
    "docx": ("[Content_Types].xml", "word/document.xml"),
    "xlsx": ("[Content_Types].xml", "xl/workbook.xml"),
    "pptx": ("[Content_Types].xml", "ppt/presentation.xml"),
    "odt": ("mimetype", "content.xml"),
    "ods": ("mimetype", "content.xml"),
    "zip": (),
}
# Kinds that the `filetype` library recognises from their first bytes.
_SIGNATURE_KINDS = {"pdf", "rtf"}
# Markup a browser would treat as a web page, or run, wherever it appears in the text.
_HTML = re.compile(
    rb"<\s*(!doctype|html|head|body|script|iframe|frame|object|embed|svg|style|meta|link|form"
    rb"|img|a|base|title|div|table|p|br|b|font|h1|!--)[\s/>]",
    re.IGNORECASE,
)
_HEAD_BYTES = 8192


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _megabytes(size: int) -> str:
    return f"{size // (1024 * 1024)} MB"


def document_size_check(size: int) -> None:
    """Refuses a file over WAGTAILDOCS_MAX_UPLOAD_SIZE (DOCUMENT_MAX_BYTES)."""
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    if limit and size > limit:
        raise ValidationError(
            f"The selected file must be smaller than {_megabytes(limit)}", code="size"
        )


def document_content_check(file: IO[bytes], *, extension: str) -> None:
    """Refuses a file whose content is not what `extension` says, with a message that says so.

    Reads what it needs and puts the file back at its start.
    """
    extension = extension.lower()
    file.seek(0)
    try:
        if extension in _TEXT_EXTENSIONS:
            _text_check(file.read(), extension=extension)
        elif extension in _ZIP_PARTS:
            _zip_check(file, extension=extension)
        elif (
            extension in _SIGNATURE_KINDS
            and filetype.guess_extension(file.read(_HEAD_BYTES)) != extension
        ):
            raise _not_real(extension)
    finally:
        file.seek(0)


def _not_real(extension: str) -> ValidationError:
    return ValidationError(
        f"The selected file is not a real {extension.upper()} file", code="content"
    )


def _text_check(content: bytes, *, extension: str) -> None:
    if b"\x00" in content:
        raise _not_real(extension)
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        # Spreadsheets saved as CSV on Windows often are not UTF-8; cp1252 leaves five bytes
        # undefined, so a binary file still fails here.
        try:
            content.decode("cp1252")
        except UnicodeDecodeError:
            raise _not_real(extension) from None
    if _HTML.search(content):
        raise ValidationError(
            f"The selected file contains web page code, which a {extension.upper()} file "
            "cannot hold",
            code="html",
        )


def _zip_check(file: IO[bytes], *, extension: str) -> None:
    if not zipfile.is_zipfile(file):
        raise _not_real(extension)
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _not_real(extension) from None
    # The sizes the archive declares: nothing is unpacked here, so a bomb costs us nothing.
    if len(entries) > settings.DOCUMENT_UNPACKED_MAX_FILES:
        raise ValidationError(
            f"The selected file holds more than {settings.DOCUMENT_UNPACKED_MAX_FILES:,} files",
            code="zip_entries",
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > settings.DOCUMENT_UNPACKED_MAX_BYTES:
        raise ValidationError(
            "The selected file unpacks to more than "
            f"{_megabytes(settings.DOCUMENT_UNPACKED_MAX_BYTES)}",
            code="zip_size",
        )
    names = {entry.filename for entry in entries}
    if not all(part in names for part in _ZIP_PARTS[extension]):
        raise _not_real(extension)


CONTRIBUTED_DOCUMENT_EXTENSIONS = ("pdf", "docx", "odt", "xlsx", "csv")


def document_validate(file: UploadedFile) -> None:
    """Refuses a contributed file of the wrong type, size or content, with a message that says
    what to do."""
    kinds = [ext.upper() for ext in CONTRIBUTED_DOCUMENT_EXTENSIONS]
    allowed = f"{', '.join(kinds[:-1])} or {kinds[-1]}"
    extension = extension_of(file.name or "")
    if extension not in CONTRIBUTED_DOCUMENT_EXTENSIONS:
        raise ValidationError(f"The selected file must be a {allowed}", code="extension")
    if not file.size:
        raise ValidationError("The selected file is empty", code="empty")
    document_size_check(file.size)
    document_content_check(file, extension=extension)
