"""Where each kind keeps, in its own tables, what the Elasticsearch document holds.

Searches read the search entries (`search.entries`); these field paths serve what still reads the
content's own tables: autocomplete, and the lexicon of words public content uses. Keep them
beside the sources' choices: title A, tags and summary B, body and names C.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import F, Model, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from community.models import Community, ContentStatus
from search.sources import PUBLIC, source_for
from search.types import SearchFilters

WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2}  # PostgreSQL's own ts_rank defaults, used on SQLite too


@dataclass(frozen=True)
class TextField:
    path: str
    weight: str  # "A", "B" or "C"
    many: bool = False  # crosses a to-many relation: aggregated, never joined into the rows
    html: bool = False  # sanitised HTML: tags stripped before snippets are made
    snippet: bool = False  # part of the text snippets are cut from
    only_if: Q | None = None  # searched only on rows matching this (members-only communities)
    many_filter: Q | None = None  # which related rows count (visible replies only)


@dataclass(frozen=True)
class KindFields:
    kind: str
    title: str
    text: tuple[TextField, ...]
    # Filter name (a SearchFilters attribute) -> the paths any of which may match.
    lookups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The document's published_at: the first of these that is set.
    dates: tuple[str, ...] = ()

    @property
    def source(self):
        return source_for(self.kind)

    @property
    def model(self) -> type[Model]:
        return self.source.model


_PAGE_BODY = tuple(
    TextField(name, "C", html=True, snippet=True)
    for name in (
        "outcomes",
        "what_went_wrong",
        "lessons_learned",
        "target_operating_model",
        "culture_and_leadership",
    )
)
_VISIBLE_REPLIES = Q(posts__status=ContentStatus.VISIBLE)
_SERVICE_ORGS = ("shared_service__lead_organisation__", "shared_service__partners__")

KINDS: tuple[KindFields, ...] = (
    KindFields(
        "case_study",
        title="title",
        text=(
            TextField("title", "A"),
            TextField("summary", "B", snippet=True),
            TextField("tags__name", "B", many=True),
            *_PAGE_BODY,
            TextField("organisations__name", "C", many=True),
            TextField("service_areas__name", "C", many=True),
        ),
        lookups={
            "tags": ("tags__name", "tags__slug"),
            "organisations": ("organisations__slug",),
            "service_areas": ("service_areas__slug",),
            "regions": ("organisations__region",),
        },
        dates=("first_published_at",),
    ),
    KindFields(
        "resource",
        title="title",
        text=(
            TextField("title", "A"),
            TextField("summary", "B", snippet=True),
            TextField("tags__name", "B", many=True),
            TextField("organisation__name", "C"),
            TextField("service_areas__name", "C", many=True),
        ),
        lookups={
            "tags": ("tags__name", "tags__slug"),
            "organisations": ("organisation__slug",),
            "service_areas": ("service_areas__slug",),
            "regions": ("organisation__region",),
        },
        dates=("first_published_at",),
    ),
    KindFields(
        "shared_service",
        title="name",
        text=(
            TextField("name", "A"),
            TextField("description", "B", snippet=True),
            TextField("lead_organisation__name", "C"),
            TextField("partners__name", "C", many=True),
            TextField("service_area__name", "C"),
        ),
        lookups={
            "organisations": ("lead_organisation__slug", "partners__slug"),
            "service_areas": ("service_area__slug",),
            "regions": ("lead_organisation__region", "partners__region"),
        },
        dates=("since",),
    ),
    KindFields(
        "organisation",
        title="name",
        text=(TextField("name", "A"), TextField("summary", "B", snippet=True)),
        lookups={"organisations": ("slug",), "regions": ("region",)},
    ),
    KindFields(
        "community",
        title="name",
        text=(
            TextField("name", "A"),
            # A members-only community shows outsiders its name and nothing more.
            TextField(
                "description",
                "B",
                snippet=True,
                only_if=Q(visibility=Community.Visibility.PUBLIC),
            ),
        ),
        lookups={"communities": ("slug",)},
        dates=("created_at",),
    ),
    KindFields(
        "thread",
        title="title",
        text=(
            TextField("title", "A"),
            TextField("body_html", "B", html=True, snippet=True),
            TextField("tags__name", "B", many=True),
            TextField(
                "posts__body_html",
                "C",
                many=True,
                html=True,
                snippet=True,
                many_filter=_VISIBLE_REPLIES,
            ),
        ),
        lookups={"tags": ("tags__name", "tags__slug"), "communities": ("community__slug",)},
        dates=("created_at",),
    ),
    KindFields(
        "story",
        title="title",
        text=(
            TextField("title", "A"),
            TextField("body_html", "B", html=True, snippet=True),
            TextField("response__body_html", "C", html=True, snippet=True),
            TextField("shared_service__name", "C"),
            TextField("shared_service__service_area__name", "C"),
        ),
        lookups={
            "organisations": tuple(f"{path}slug" for path in _SERVICE_ORGS),
            "service_areas": ("shared_service__service_area__slug",),
            "regions": tuple(f"{path}region" for path in _SERVICE_ORGS),
        },
        dates=("moderated_at", "created_at"),
    ),
    KindFields(
        "listing",
        title="title",
        text=(
            TextField("title", "A"),
            TextField("description", "B", snippet=True),
            TextField("organisation__name", "C"),
            TextField("service_area__name", "C"),
        ),
        lookups={
            "organisations": ("organisation__slug",),
            "service_areas": ("service_area__slug",),
            "regions": ("region",),
        },
        dates=("created_at",),
    ),
)

BY_KIND = {fields.kind: fields for fields in KINDS}


def date_expression(fields: KindFields):
    if not fields.dates:
        return None
    if len(fields.dates) == 1:
        return F(fields.dates[0])
    return Coalesce(*fields.dates)


def date_bounds(date_range: str) -> tuple[datetime | None, datetime | None]:
    """(from, before) for a DATE_RANGES key, rounded to the day like Elasticsearch's `now-1M/d`."""
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    if date_range == "past-month":
        return today - timedelta(days=30), None
    if date_range == "past-year":
        return today - timedelta(days=365), None
    if date_range == "older":
        return None, today - timedelta(days=365)
    return None, None


def restrict(fields: KindFields, queryset: QuerySet, filters: SearchFilters) -> QuerySet | None:
    """The queryset narrowed to the filters, or None when this kind cannot match them (a tag
    filter and a kind without tags): the same answer Elasticsearch's term filters give."""
    wanted = {
        "tags": filters.tags,
        "organisations": filters.organisations,
        "service_areas": filters.service_areas,
        "communities": filters.communities,
        "regions": filters.regions,
    }
    model = fields.model
    matching = model.objects.all()
    narrowed = False
    for name, values in wanted.items():
        if not values:
            continue
        paths = fields.lookups.get(name)
        if not paths:
            return None
        either = Q()
        for path in paths:
            either |= Q(**{f"{path}__in": values})
        matching = matching.filter(either)
        narrowed = True
    if filters.site_organisation:
        # Scope "site": work involving the site's organisation, on top of any chosen above.
        paths = fields.lookups.get("organisations")
        if not paths:
            return None
        site = Q()
        for path in paths:
            site |= Q(**{path: filters.site_organisation})
        matching = matching.filter(site)
        narrowed = True
    if filters.date:
        expression = date_expression(fields)
        if expression is None:
            return None
        start, before = date_bounds(filters.date)
        if _is_day_field(model, fields.dates[0]):
            start, before = (bound.date() if bound else None for bound in (start, before))
        matching = matching.annotate(_published=expression)
        if start:
            matching = matching.filter(_published__gte=start)
        if before:
            matching = matching.filter(_published__lt=before)
        narrowed = True
    if narrowed:
        queryset = queryset.filter(pk__in=matching.values("pk"))
    return queryset


def _is_day_field(model: type[Model], path: str) -> bool:
    return model._meta.get_field(path).get_internal_type() == "DateField"


def visible_to(fields: KindFields, queryset: QuerySet, audiences: list[str]) -> QuerySet:
    """Members-only threads for their readers only; offers and needs until they expire."""
    if fields.kind == "thread":
        readable = [int(a.split(":", 1)[1]) for a in audiences if a.startswith("community:")]
        queryset = queryset.filter(
            Q(community__visibility=Community.Visibility.PUBLIC) | Q(community_id__in=readable)
        )
    if fields.kind == "listing":
        queryset = queryset.filter(expires_on__gte=timezone.localdate())
    return queryset


__all__ = ["BY_KIND", "KINDS", "PUBLIC", "WEIGHTS", "KindFields", "TextField"]
