"""How one kind of content becomes search documents: which objects belong in the index, and
what each document says. One `Source` subclass per kind; `prepare_<field>` per derived field."""

import html
from collections.abc import Iterable
from datetime import date, datetime, time

from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.html import strip_tags

from search.documents import ContentDocument, document_id

PUBLIC = "public"

FIELDS = tuple(ContentDocument._doc_type.mapping.properties.to_dict()["properties"])
# Filled by Elasticsearch (copy_to), never sent.
COPIED_FIELDS = ("spelling",)


def community_audience(community_pk: int) -> str:
    return f"community:{community_pk}"


def plain_text(*html_parts: str) -> str:
    """Rich text and sanitised Markdown HTML as plain words, paragraphs on their own lines
    (entities decoded: "&amp;" is "&" to a reader, and escaped again wherever it is shown)."""
    return "\n\n".join(
        html.unescape(strip_tags(part)).strip() for part in html_parts if part and part.strip()
    )


def as_datetime(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time.min))


class Source:
    """Subclasses set `kind`, `label` (plural, for the kind facet), `model`, and override
    `indexable()` and the `prepare_*` methods whose default does not fit."""

    kind: str
    label: str
    singular: str
    model: type[Model]

    def indexable(self) -> QuerySet:
        """Everything of this kind that belongs in the index, ready for `prepare_*`."""
        raise NotImplementedError

    def key_of(self, instance: Model) -> str:
        return str(instance.pk)

    def documents(self, object_ids: Iterable[str]) -> dict[str, dict]:
        """The documents for these objects, by object id. An id missing from the answer is an
        object that should not be found (deleted, unpublished, hidden): remove its document."""
        wanted = [pk for pk in object_ids]
        found = self.indexable().filter(pk__in=wanted)
        return {self.key_of(obj): self.document(obj) for obj in found}

    def document(self, obj: Model) -> dict:
        body = {"kind": self.kind, "object_id": self.key_of(obj)}
        for name in FIELDS:
            if name in body or name in COPIED_FIELDS:
                continue
            value = getattr(self, f"prepare_{name}")(obj)
            if value not in (None, "", [], ()):
                body[name] = value
        return body

    def document_id(self, obj: Model) -> str:
        return document_id(self.kind, self.key_of(obj))

    # Defaults: most kinds leave most fields empty.
    def prepare_title(self, obj: Model) -> str:
        return str(obj)

    def prepare_summary(self, obj: Model) -> str:
        return ""

    def prepare_body(self, obj: Model) -> str:
        return ""

    def prepare_tags(self, obj: Model) -> list[str]:
        return []

    def prepare_organisations(self, obj: Model) -> list[str]:
        return []

    def prepare_organisation_names(self, obj: Model) -> list[str]:
        return []

    def prepare_service_areas(self, obj: Model) -> list[str]:
        return []

    def prepare_service_area_names(self, obj: Model) -> list[str]:
        return []

    def prepare_region(self, obj: Model) -> list[str]:
        return []

    def prepare_community(self, obj: Model) -> str:
        return ""

    def prepare_audience(self, obj: Model) -> str:
        return PUBLIC

    def prepare_published_at(self, obj: Model) -> datetime | None:
        return None

    def prepare_updated_at(self, obj: Model) -> datetime | None:
        return self.prepare_published_at(obj)

    def prepare_expires_on(self, obj: Model) -> date | None:
        return None

    def prepare_url(self, obj: Model) -> str:
        return obj.get_absolute_url()

    def prepare_meta_line(self, obj: Model) -> list[str]:
        return []

    def prepare_answered(self, obj: Model) -> bool | None:
        return None

    def prepare_reply_count(self, obj: Model) -> int | None:
        return None
