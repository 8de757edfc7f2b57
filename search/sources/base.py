"""How one kind of content becomes search documents: which objects belong in the index, and
what each document says. One `Source` subclass per kind; `prepare_<field>` per derived field.

`documents()` reads a batch's relations (tags, replies, partners, ...) in one plain query per
relation (`related_in_batch`) rather than through `prefetch_related`, whose managers and
querysets per object cost more than the documents themselves, and works out URLs for the whole
batch (`url_maker`). The `prepare_*` methods read these through `related(obj)`, so they work
both on a batch and on one object from `indexable()` (which prefetches the same relations), as
the database search backend uses them.
"""

import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time
from typing import Any, NamedTuple, TypeVar

import nh3
from django.db.models import Model, QuerySet
from django.utils import timezone

from search.documents import ContentDocument, document_id

PUBLIC = "public"

FIELDS = tuple(ContentDocument._doc_type.mapping.properties.to_dict()["properties"])
# Filled by Elasticsearch (copy_to), never sent.
COPIED_FIELDS = ("spelling",)

# Set by `documents()` on each object of a batch: its relations, read for the whole batch.
RELATED = "_search_related"

# The end of a block (paragraph, list item, cell, heading) or a <br> with no white space after
# it: Wagtail rich text writes "<p>One.</p><p>Two.</p>", which would otherwise read "One.Two."
# (one word to the analyser). Markdown's HTML already has line breaks there and is left as is.
_BLOCK_END = re.compile(
    r"(</(?:p|div|li|ul|ol|dl|dt|dd|blockquote|pre|h[1-6]|table|thead|tbody|tr|th|td)\s*>"
    r"|<br\s*/?>|<hr\s*/?>)(?!\s)",
    re.IGNORECASE,
)


def community_audience(community_pk: int) -> str:
    return f"community:{community_pk}"


def audience_communities(audiences: Iterable[str]) -> list[int]:
    """The members-only communities whose readers these audiences include (`community_audience`)."""
    prefix = community_audience(0).removesuffix("0")
    return [
        int(audience.removeprefix(prefix)) for audience in audiences if audience.startswith(prefix)
    ]


def _text_of(part: str) -> str:
    # nh3 (html5ever) drops every tag, and the content of <script> and <style>; what it gives
    # back is escaped HTML text, so unescaping it once gives the words a reader sees.
    return html.unescape(nh3.clean(_BLOCK_END.sub("\\1\n", part), tags=set())).strip()


def plain_text(*html_parts: str) -> str:
    """Rich text and sanitised Markdown HTML as plain words, paragraphs on their own lines
    (entities decoded: "&amp;" is "&" to a reader, and escaped again wherever it is shown)."""
    return "\n\n".join(_text_of(part) for part in html_parts if part and part.strip())


def as_datetime(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time.min))


def tag_names(through: type[Model], object_ids: Iterable[Any]) -> dict[Any, list[str]]:
    """Tag names by tagged object id, in one query on a taggit `TaggedItemBase` model."""
    names: dict[Any, list[str]] = defaultdict(list)
    rows = through.objects.filter(content_object_id__in=object_ids).values_list(
        "content_object_id", "tag__name"
    )
    for object_id, name in rows:
        names[object_id].append(name)
    return names


class OrganisationRow(NamedTuple):
    """What documents say about a linked organisation (a model instance has the same names)."""

    slug: str
    name: str
    region: str


class ServiceAreaRow(NamedTuple):
    slug: str
    name: str


Row = TypeVar("Row", bound=tuple)


def linked(
    model: type[Model], relation: str, object_ids: Iterable[Any], row: type[Row]
) -> dict[Any, list[Row]]:
    """The objects a many-to-many `relation` links each object to, as `row`s (a NamedTuple of
    their fields), by object id, in one query on the relation's table."""
    field = model._meta.get_field(relation)
    near, far = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = (
        field.remote_field.through.objects.filter(**{f"{near}_id__in": object_ids})
        .order_by()
        .values_list(f"{near}_id", *(f"{far}__{column}" for column in row._fields))
    )
    groups: dict[Any, list[Row]] = defaultdict(list)
    for key, *values in rows:
        groups[key].append(row(*values))
    return groups


# Stand-in values for `url_maker`: valid for Django's slug and int path converters, and nothing a
# URL would otherwise contain.
SLUG_MARKER = "zq-slug-marker-zq"
ID_MARKER = 918273645546372819
_PLAIN = re.compile(r"[-a-zA-Z0-9_]+")


def url_maker(stand_in: Model, *markers: object) -> Callable[..., str | None]:
    """Objects' URLs for a whole batch. Reversing costs more than all the rest of a document
    (Django looks up the language and URL namespaces every time), and every object of a kind has
    the same URL but for a slug or an id: so the model's own `get_absolute_url()` runs once, on
    a `stand_in` holding the `markers`, and each object's values take the markers' places. A
    value reversing would quote (not a plain slug or number) gets None: reverse that one."""
    url = stand_in.get_absolute_url()
    split = re.compile("(" + "|".join(re.escape(str(marker)) for marker in markers) + ")")
    parts = split.split(url)
    slots = {str(marker): position for position, marker in enumerate(markers)}
    if sorted(slots[part] for part in parts[1::2]) != list(range(len(markers))):
        raise ValueError(f"{url!r} does not hold each of {markers} once")

    def make(*values: object) -> str | None:
        texts = [str(value) for value in values]
        if not all(_PLAIN.fullmatch(text) for text in texts):
            return None
        return "".join(part if n % 2 == 0 else texts[slots[part]] for n, part in enumerate(parts))

    return make


class Source:
    """Subclasses set `kind`, `label` (plural, for the kind facet), `model`, and override
    `indexable()` and the `prepare_*` methods whose default does not fit. A kind with
    relations overrides `related_in_batch()` and `related_of()` to give the same values.

    The database search reads the search entries built from these documents; what it still
    reads from the content's own tables (autocomplete, the lexicon of words public content
    uses) is described here too: `title_field`, `lexicon_fields`, `tagged`, `readable_by()`."""

    kind: str
    label: str
    singular: str
    model: type[Model]
    # The column holding what `prepare_title` gives: autocomplete matches typed words on it.
    title_field = "title"
    # Short plain-text columns of what `prepare_title`, `prepare_summary` and `prepare_tags`
    # give (never bodies, never HTML), which the database lexicon learns public words from.
    lexicon_fields: tuple[str, ...] = ()
    # Whether the kind has taggit tags (`tags`), which autocomplete suggests.
    tagged = False
    # How many documents each indexable object becomes (`keys_of`).
    documents_per_object = 1

    def indexable(self) -> QuerySet:
        """Everything of this kind that belongs in the index, ready for `prepare_*`."""
        raise NotImplementedError

    def readable_by(self, queryset: QuerySet, audiences: list[str]) -> QuerySet:
        """`queryset` (of this kind, already `indexable()`) narrowed to what people in these
        audiences may find: what `prepare_audience` and `prepare_expires_on` mean, as a query."""
        return queryset

    def public_texts(self) -> Iterator[str]:
        """The `lexicon_fields` of everything anybody may find, one value at a time."""
        public = self.readable_by(self.indexable(), [PUBLIC])
        for path in self.lexicon_fields:
            yield from public.values_list(path, flat=True).iterator(chunk_size=2000)

    def rows(self) -> QuerySet:
        """`indexable()` as `documents()` reads it: without prefetching, since
        `related_in_batch()` reads the relations for the whole batch."""
        return self.indexable().prefetch_related(None)

    def related_in_batch(self, objects: list[Model]) -> dict[Any, dict[str, Any]]:
        """Each object's relations (`related(obj)`), by pk, in a few queries for the batch;
        it may add values worked out once per batch (a "url"), which `related_of` leaves out."""
        return {}

    def related_of(self, obj: Model) -> dict[str, Any]:
        """One object's relations, through its own (prefetched) managers."""
        return {}

    def related(self, obj: Model) -> dict[str, Any]:
        found = getattr(obj, RELATED, None)
        return self.related_of(obj) if found is None else found

    def key_of(self, instance: Model) -> str:
        return str(instance.pk)

    def keys_of(self, instance: Model) -> list[str]:
        """The ids of every document this object becomes (one, for most kinds)."""
        return [self.key_of(instance)]

    def keys(self) -> Iterator[str]:
        """The ids of every document of this kind that belongs in the index."""
        pks = self.rows().order_by("pk").values_list("pk", flat=True)
        return (str(pk) for pk in pks.iterator(chunk_size=2000))

    def documents(self, object_ids: Iterable[str]) -> dict[str, dict]:
        """The documents for these objects, by object id. An id missing from the answer is an
        object that should not be found (deleted, unpublished, hidden): remove its document.
        A fixed number of queries, however many objects."""
        wanted = [pk for pk in object_ids]
        found = list(self.rows().filter(pk__in=wanted))
        related = self.related_in_batch(found) if found else {}
        for obj in found:
            setattr(obj, RELATED, related.get(obj.pk, {}))
        preparers = self._preparers()
        return {self.key_of(obj): self._document(obj, preparers) for obj in found}

    def document(self, obj: Model) -> dict:
        return self._document(obj, self._preparers())

    def _preparers(self) -> list[tuple[str, Callable[[Model], Any]]]:
        # Looked up per call, not cached: a test may swap a prepare method on the class.
        return [
            (name, getattr(self, f"prepare_{name}"))
            for name in FIELDS
            if name not in ("kind", "object_id") and name not in COPIED_FIELDS
        ]

    def _document(self, obj: Model, preparers: list[tuple[str, Callable[[Model], Any]]]) -> dict:
        body = {"kind": self.kind, "object_id": self.key_of(obj)}
        for name, prepare in preparers:
            value = prepare(obj)
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
