"""Open data: the network's organisations, shared services, partnerships and case-study figures as
tables anyone may download, reuse and check (issue #16, part 4), under the Open Government Licence
v3.0.

Each dataset is a list of flat rows of plain values (text, dates, decimals, lists of slugs); the
CSV and JSON writers only change how a value is spelt, so both files always say the same thing.
Only live case studies outside any private section are read (`queries.live_case_studies`): a
draft or a members-only case study, and its revisits, never reach a file. Every query reads a
whole table at once, so the number of queries does not grow with the number of rows.

docs/open-data.md explains every field; docs/open-data/ holds the machine-readable schemas the
files are tested against. Change a field here and there together.
"""

import csv
import datetime
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from commons.links import page_url
from knowledge import queries
from knowledge.models import CaseStudyRevisit, Organisation, Region, ServiceArea, SharedService

LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Source: Commons, the shared-services network."
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Lists of slugs in one CSV cell. Slugs never hold it, so a cell splits back unambiguously.
LIST_DELIMITER = ";"

# The Frictionless Data Package describing every CSV file (one Table Schema each). Its paths are
# relative, so served beside the files (/open-data/datapackage.json) it names them.
DATA_PACKAGE = settings.BASE_DIR / "docs" / "open-data" / "datapackage.json"

Row = dict[str, Any]
# The case-study fields the figures dataset reads (besides what a page's address needs).
FIGURE_FIELDS = (
    "slug",
    "title",
    "stage",
    "started_on",
    "ended_on",
    "investment_pounds",
    "annual_savings_pounds",
    "savings_percent",
    "staff_change_fte",
)
REGION_NAMES = dict(Region.choices)
KIND_NAMES = dict(Organisation.Kind.choices)


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # a Table Schema type: string, integer, number, date or list (of slugs)
    description: str


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    fields: tuple[Field, ...]
    rows: Callable[[HttpRequest], list[Row]]
    count: Callable[[], int]
    # Rows `start` to `stop` only, for a page of the API, where building them all for each
    # page would cost what the whole download does. Without it, the rows are cut from all.
    rows_between: Callable[[HttpRequest, int, int], list[Row]] | None = None

    def rows_of_page(self, request: HttpRequest, start: int, stop: int) -> list[Row]:
        if self.rows_between is not None:
            return self.rows_between(request, start, stop)
        return self.rows(request)[start:stop]

    def csv_filename(self) -> str:
        return f"commons-{self.slug}-{timezone.localdate():%Y-%m-%d}.csv"

    def json_filename(self) -> str:
        return f"commons-{self.slug}-{timezone.localdate():%Y-%m-%d}.json"


def _date(value: datetime.date | datetime.datetime | None) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value)
    return value


# The rows


def organisation_rows(request: HttpRequest) -> list[Row]:
    """One row per organisation in the network (every one is public), so the identifiers the
    other datasets use can be turned into names, kinds and regions."""
    return [
        {
            "slug": organisation.slug,
            "name": organisation.name,
            "kind": organisation.kind,
            "kind_name": KIND_NAMES.get(organisation.kind, ""),
            "region": organisation.region,
            "region_name": REGION_NAMES.get(organisation.region, ""),
            "website": organisation.website,
            "url": request.build_absolute_uri(organisation.get_absolute_url()),
        }
        for organisation in Organisation.objects.order_by("slug").only(
            "slug", "name", "kind", "region", "website"
        )
    ]


def shared_service_rows(request: HttpRequest) -> list[Row]:
    """One row per shared service in the catalogue (every one is public)."""
    services = SharedService.objects.select_related("lead_organisation", "service_area")
    return [
        {
            "slug": service.slug,
            "name": service.name,
            "service_area": service.service_area.slug,
            "service_area_name": service.service_area.name,
            "lead_organisation": service.lead_organisation.slug,
            "lead_organisation_name": service.lead_organisation.name,
            "status": service.status,
            "since": service.since,
            "url": request.build_absolute_uri(service.get_absolute_url()),
        }
        for service in services.order_by("slug")
    ]


def partnership_rows(request: HttpRequest) -> list[Row]:
    """One row per shared service and organisation taking part: its lead, then its partners."""
    services = (
        SharedService.objects.select_related("lead_organisation")
        .prefetch_related("partners")
        .order_by("slug")
    )
    rows = []
    for service in services:
        # The admin lets an editor tick the lead among the partners too; it is still the lead.
        partners = [o for o in service.partners.all() if o.pk != service.lead_organisation_id]
        members = [("lead", service.lead_organisation)]
        members += [("partner", o) for o in sorted(partners, key=lambda o: o.slug)]
        for role, organisation in members:
            rows.append(
                {
                    "shared_service": service.slug,
                    "shared_service_name": service.name,
                    "organisation": organisation.slug,
                    "organisation_name": organisation.name,
                    "role": role,
                    "region": organisation.region,
                    "region_name": REGION_NAMES.get(organisation.region, ""),
                }
            )
    return rows


def partnership_count() -> int:
    partners = SharedService.partners.through.objects.exclude(
        organisation=F("sharedservice__lead_organisation")
    )
    return SharedService.objects.count() + partners.count()


def _slugs_by_case_study(model: type[Organisation | ServiceArea], ids: list[int]) -> dict:
    """Each case study's organisation or service-area slugs, sorted, read as plain values: a
    prefetch would build (and, through modelcluster, wrap) a model for every link."""
    slugs: dict[int, list[str]] = defaultdict(list)
    links = model.objects.filter(case_studies__in=ids).values_list("case_studies", "slug")
    for page_id, slug in links.order_by("slug"):
        slugs[page_id].append(slug)
    return slugs


def _figure_pages():
    return (
        queries.live_case_studies()
        .only(*FIGURE_FIELDS, "url_path", "path", "depth", "first_published_at")
        .order_by("slug", "pk")
    )


def case_study_figure_rows(request: HttpRequest) -> list[Row]:
    """One row per live, public case study: its money, staff and dates."""
    return _figure_rows(request, list(_figure_pages()))


def case_study_figure_rows_between(request: HttpRequest, start: int, stop: int) -> list[Row]:
    return _figure_rows(request, list(_figure_pages()[start:stop]))


def _figure_rows(request: HttpRequest, pages: list) -> list[Row]:
    ids = [page.pk for page in pages]
    organisations = _slugs_by_case_study(Organisation, ids)
    service_areas = _slugs_by_case_study(ServiceArea, ids)
    return [
        {
            "slug": page.slug,
            "title": page.title,
            "url": page_url(page, request),
            "stage": page.stage,
            "started_on": page.started_on,
            "ended_on": page.ended_on,
            "published_on": _date(page.first_published_at),
            "investment_pounds": page.investment_pounds,
            "annual_savings_pounds": page.annual_savings_pounds,
            "savings_percent": page.savings_percent,
            "staff_change_fte": page.staff_change_fte,
            "organisations": organisations.get(page.pk, []),
            "service_areas": service_areas.get(page.pk, []),
        }
        for page in pages
    ]


def _public_revisits():
    return CaseStudyRevisit.objects.filter(page__in=queries.live_case_studies().values("pk"))


def revisit_rows(request: HttpRequest) -> list[Row]:
    """One row per revisit of a live, public case study: what it really saved and cost."""
    revisits = _public_revisits().select_related("page")
    return [
        {
            "case_study": revisit.page.slug,
            "revisited_on": revisit.revisited_on,
            "actual_annual_savings_pounds": revisit.actual_annual_savings_pounds,
            "actual_costs_to_date_pounds": revisit.actual_costs_to_date_pounds,
        }
        for revisit in revisits.order_by("page__slug", "revisited_on", "pk")
    ]


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        slug="organisations",
        title="Organisations",
        description=(
            "Every council, partnership, partner and voluntary body in the network: one row per "
            "organisation."
        ),
        fields=(
            Field("slug", "string", "The organisation's identifier, as in its web address."),
            Field("name", "string", "The organisation's name."),
            Field("kind", "string", "council, partnership, partner or voluntary."),
            Field("kind_name", "string", "What kind of organisation it is, in words."),
            Field("region", "string", "Identifier of the organisation's UK region, if known."),
            Field("region_name", "string", "Name of the organisation's UK region, if known."),
            Field("website", "string", "The organisation's own website, if given."),
            Field("url", "string", "The organisation's page on Commons."),
        ),
        rows=organisation_rows,
        count=lambda: Organisation.objects.count(),
    ),
    Dataset(
        slug="shared-services",
        title="Shared services",
        description="Every shared service in the network's catalogue: one row per service.",
        fields=(
            Field("slug", "string", "The service's identifier, as in its web address."),
            Field("name", "string", "The service's name."),
            Field("service_area", "string", "Identifier of the area of council work."),
            Field("service_area_name", "string", "Name of the area of council work."),
            Field("lead_organisation", "string", "Identifier of the organisation that leads it."),
            Field("lead_organisation_name", "string", "Name of the organisation that leads it."),
            Field("status", "string", "planned, live or closed."),
            Field("since", "date", "When the service began (or is planned to), if known."),
            Field("url", "string", "The service's page on Commons."),
        ),
        rows=shared_service_rows,
        count=lambda: SharedService.objects.count(),
    ),
    Dataset(
        slug="partnerships",
        title="Partnerships",
        description=(
            "Who takes part in each shared service: one row per service and organisation, "
            "its lead first."
        ),
        fields=(
            Field("shared_service", "string", "Identifier of the shared service."),
            Field("shared_service_name", "string", "Name of the shared service."),
            Field("organisation", "string", "Identifier of the organisation."),
            Field("organisation_name", "string", "Name of the organisation."),
            Field("role", "string", "lead or partner."),
            Field("region", "string", "Identifier of the organisation's UK region, if known."),
            Field("region_name", "string", "Name of the organisation's UK region, if known."),
        ),
        rows=partnership_rows,
        count=partnership_count,
    ),
    Dataset(
        slug="case-study-figures",
        title="Case-study figures",
        description=(
            "The figures each published case study reports, as forecast when it was written: "
            "one row per case study."
        ),
        fields=(
            Field("slug", "string", "The case study's identifier, as in its web address."),
            Field("title", "string", "The case study's title."),
            Field("url", "string", "The case study's page on Commons."),
            Field(
                "stage",
                "string",
                "Programme stage: idea, business-case, implementation, live or stopped.",
            ),
            Field("started_on", "date", "When the programme started, if known."),
            Field("ended_on", "date", "When the programme ended, if known."),
            Field("published_on", "date", "When the case study was first published."),
            Field("investment_pounds", "number", "Forecast one-off cost of setting it up, £."),
            Field("annual_savings_pounds", "number", "Forecast recurring savings a year, £."),
            Field("savings_percent", "number", "Savings as a percentage of the previous cost."),
            Field(
                "staff_change_fte",
                "number",
                "Change in staff, full-time equivalent; negative for fewer posts.",
            ),
            Field("organisations", "list", "Identifiers of the organisations involved."),
            Field("service_areas", "list", "Identifiers of the areas of council work."),
        ),
        rows=case_study_figure_rows,
        count=lambda: queries.live_case_studies().count(),
        rows_between=case_study_figure_rows_between,
    ),
    Dataset(
        slug="revisits",
        title="Revisits",
        description=(
            "What case studies actually saved and cost when their authors came back to them, "
            "12 and 24 months on or later: one row per revisit."
        ),
        fields=(
            Field("case_study", "string", "Identifier of the case study revisited."),
            Field("revisited_on", "date", "The date of the revisit."),
            Field("actual_annual_savings_pounds", "number", "What it saves a year now, £."),
            Field("actual_costs_to_date_pounds", "number", "Everything spent on it so far, £."),
        ),
        rows=revisit_rows,
        count=lambda: _public_revisits().count(),
    ),
)


def dataset_named(slug: str) -> Dataset | None:
    return next((dataset for dataset in DATASETS if dataset.slug == slug), None)


# Writing the files


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, list):
        return LIST_DELIMITER.join(value)
    return str(value)


def _csv_cell(field: Field, value: Any) -> str:
    text = _csv_value(value)
    if field.type == "string" and text.startswith(FORMULA_STARTS):
        # A spreadsheet opening the file would run a title such as =HYPERLINK(...) as a
        # formula (CSV injection); the apostrophe makes it show as text. The JSON keeps it as
        # written, and numbers such as -12.5 are never text.
        return "'" + text
    return text


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        # At most 14 significant digits (the models' max_digits), which a double holds exactly
        # enough that the number reads back as the same decimal.
        return float(value)
    return value


def as_csv(dataset: Dataset, rows: Iterable[Row]) -> str:
    """A header of field names, then one line per row: dates ISO 8601, money as plain
    decimals (no £ or commas), lists of slugs joined by LIST_DELIMITER, nothing for unknown."""
    names = [field.name for field in dataset.fields]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_csv_cell(field, row[field.name]) for field in dataset.fields])
    return out.getvalue()


def as_json(dataset: Dataset, rows: Iterable[Row], *, source_url: str) -> str:
    """The rows as JSON records, with the licence and attribution the reuser must keep."""
    names = [field.name for field in dataset.fields]
    document = {
        "dataset": dataset.slug,
        "title": dataset.title,
        "description": dataset.description,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "attribution": ATTRIBUTION,
        "source": source_url,
        "records": [{name: _json_value(row[name]) for name in names} for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1)
