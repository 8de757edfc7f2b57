"""Charts drawn on the server as SVG: the geometry is worked out here, the template only draws it.

Horizontal bars, each with its label on the line above, so long case study titles fit on a phone
and the chart needs no JavaScript. Bar lengths are percentages of the chart's width and
everything else is in pixels, so the chart fills its column while its text stays a readable size
(a scaled viewBox would shrink the text to nothing on a phone). Pages show the same figures in a
table beside the chart.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from knowledge.templatetags.knowledge_format import pounds

PLOT_SHARE = 72.0  # % of the width the longest bar takes; the rest holds its figure
LABEL_HEIGHT = 22
BAR_HEIGHT = 22
ROW_GAP = 14
LABEL_MAX_CHARACTERS = 45  # about a phone's width; the table gives the whole title


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    value_text: str
    width_percent: float
    y: int
    height: int
    label_y: int
    value_y: int


@dataclass(frozen=True)
class BarChart:
    height: int
    bars: tuple[Bar, ...]

    @property
    def largest(self) -> Bar | None:
        return max(self.bars, key=lambda bar: bar.value, default=None)


def _shorten(label: str) -> str:
    if len(label) <= LABEL_MAX_CHARACTERS:
        return label
    return label[: LABEL_MAX_CHARACTERS - 1].rstrip() + "…"


def horizontal_bar_chart(
    data: Sequence[tuple[str, Decimal]],
    *,
    format_value: Callable[[Decimal], str] = pounds,
) -> BarChart:
    """Bars whose lengths are proportional to the values: the largest takes PLOT_SHARE.

    Zero and negative values are drawn as empty bars (a loss has no length on this scale);
    their figure is still written beside them.
    """
    largest = max((value for _, value in data), default=Decimal(0))
    row_height = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    bars = []
    for row, (label, value) in enumerate(data):
        top = row * row_height
        share = value / largest * Decimal(PLOT_SHARE) if largest > 0 and value > 0 else 0
        bars.append(
            Bar(
                label=_shorten(label),
                value=value,
                value_text=format_value(value),
                width_percent=round(float(share), 3),
                y=top + LABEL_HEIGHT,
                height=BAR_HEIGHT,
                label_y=top + LABEL_HEIGHT - 6,  # a text's y is its baseline
                value_y=top + LABEL_HEIGHT + BAR_HEIGHT - 6,
            )
        )
    height = max(len(bars) * row_height - ROW_GAP, 0)
    return BarChart(height=height, bars=tuple(bars))


def case_study_savings_description(chart: BarChart) -> str:
    """The savings chart in words, for people who cannot see its bars."""
    count = len(chart.bars)
    words = f"A bar chart of {count} case stud{'y' if count == 1 else 'ies'}."
    if chart.largest is not None:
        words += f" The largest is {chart.largest.label}, at {chart.largest.value_text} a year."
    return words + " The table below gives every figure."
