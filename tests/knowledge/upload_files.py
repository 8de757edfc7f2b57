"""Files for the upload tests, built in the test: good ones of each kind, and disguised ones."""

import io
import zipfile

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
CSV = b"council,savings\nNorthshire,450000\nSouthshire,120000\n"
HTML_AS_CSV = b"name,value\n<script>alert(document.cookie)</script>\n"
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"

_ZEROS = bytes(1024 * 1024)


def xlsx(extra_megabytes_of_zeros: int = 0) -> bytes:
    """The parts every spreadsheet has; with zeros added, a zip bomb: a few kilobytes that
    say they unpack to hundreds of megabytes. Written a megabyte at a time, so it stays cheap."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        archive.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><worksheet/>')
        if extra_megabytes_of_zeros:
            with archive.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as entry:
                for _ in range(extra_megabytes_of_zeros):
                    entry.write(_ZEROS)
    return buffer.getvalue()


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()
