"""Forecast against actual: the figures a case study's revisits are drawn and tabled from."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from knowledge.charts import BarChart, horizontal_bar_chart
from knowledge.models import CaseStudyPage, CaseStudyRevisit
from knowledge.templatetags.knowledge_format import pounds


@dataclass(frozen=True)
class FiguresRow:
    label: str
    revisited_on: datetime.date | None  # None for the forecast
    annual_savings: Decimal | None
    costs: Decimal | None


@dataclass(frozen=True)
class ForecastAgainstActual:
    rows: tuple[FiguresRow, ...]
    savings_chart: BarChart
    costs_chart: BarChart

    @property
    def savings_summary(self) -> str:
        return _summary(self.rows, "annual_savings", " a year")

    @property
    def costs_summary(self) -> str:
        return _summary(self.rows, "costs", "")


def _summary(rows: tuple[FiguresRow, ...], figure: str, unit: str) -> str:
    # The chart's text alternative: every figure it draws, in the order it draws them.
    said = [
        f"{row.label} {pounds(getattr(row, figure))}{unit}"
        for row in rows
        if getattr(row, figure) is not None
    ]
    return "; ".join(said) + "." if said else ""


def revisits_newest_first(page: CaseStudyPage) -> list[CaseStudyRevisit]:
    # Sorted here rather than by the database so a preview of unsaved revisits sorts too.
    return sorted(page.revisits.all(), key=lambda revisit: revisit.revisited_on, reverse=True)


def forecast_against_actual(page: CaseStudyPage) -> ForecastAgainstActual | None:
    """The forecast first, then each revisit oldest first, so the chart reads as a timeline.
    None when nothing has been revisited: a forecast alone is already in 'At a glance'."""
    revisits = revisits_newest_first(page)[::-1]
    if not revisits:
        return None
    rows = (
        FiguresRow("Forecast", None, page.annual_savings_pounds, page.investment_pounds),
        *(
            FiguresRow(
                f"{revisit.revisited_on:%B %Y}",
                revisit.revisited_on,
                revisit.actual_annual_savings_pounds,
                revisit.actual_costs_to_date_pounds,
            )
            for revisit in revisits
        ),
    )
    # A figure nobody reported gets no bar, rather than a bar of nothing that reads as £0.
    return ForecastAgainstActual(
        rows=rows,
        savings_chart=horizontal_bar_chart(
            [(row.label, row.annual_savings) for row in rows if row.annual_savings is not None]
        ),
        costs_chart=horizontal_bar_chart(
            [(row.label, row.costs) for row in rows if row.costs is not None]
        ),
    )
