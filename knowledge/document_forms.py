"""Wagtail's admin document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), with the content check every
other way in has: editors upload what the public later downloads."""

from django.core.files import File
from wagtail.documents.forms import BaseDocumentForm

from knowledge.document_checks import document_content_check, extension_of


class DocumentForm(BaseDocumentForm):
    def clean_file(self) -> File | None:
        file = self.cleaned_data.get("file")
        # An unchanged file (editing only the title) was checked when it came in.
        if file and "file" in self.changed_data:
            document_content_check(file, extension=extension_of(file.name or ""))
        return file
