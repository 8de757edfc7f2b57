"""The geometry of the server-drawn savings chart."""

from decimal import Decimal

import pytest

from knowledge.charts import BAR_HEIGHT, LABEL_MAX_CHARACTERS, PLOT_SHARE, horizontal_bar_chart
from knowledge.templatetags.knowledge_format import percent


def test_bar_lengths_are_proportional_to_the_values():
    chart = horizontal_bar_chart(
        [("Big", Decimal("600000")), ("Half", Decimal("300000")), ("Sixth", Decimal("100000"))]
    )

    widths = [bar.width_percent for bar in chart.bars]
    assert widths[0] == PLOT_SHARE
    assert widths[1] == pytest.approx(PLOT_SHARE / 2)
    assert widths[2] == pytest.approx(PLOT_SHARE / 6, abs=0.001)


def test_the_longest_bar_leaves_room_for_its_figure():
    chart = horizontal_bar_chart([("Only", Decimal("1250000"))])

    assert chart.bars[0].width_percent <= 75


def test_bars_are_stacked_in_order_without_overlapping():
    chart = horizontal_bar_chart([("A", Decimal(3)), ("B", Decimal(2)), ("C", Decimal(1))])

    for upper, lower in zip(chart.bars, chart.bars[1:], strict=False):
        assert upper.label_y < upper.y < upper.value_y <= upper.y + upper.height
        assert upper.y + upper.height < lower.label_y - 10
    assert all(bar.height == BAR_HEIGHT for bar in chart.bars)
    assert chart.height == chart.bars[-1].y + BAR_HEIGHT


def test_each_bar_carries_its_figure():
    chart = horizontal_bar_chart([("Revenues", Decimal("1250000")), ("Waste", Decimal("1000"))])

    assert [bar.value_text for bar in chart.bars] == ["£1,250,000", "£1,000"]


def test_the_figures_can_be_written_another_way():
    shares = [("A", Decimal("30")), ("B", Decimal("12.5"))]

    chart = horizontal_bar_chart(shares, format_value=percent)

    assert [bar.value_text for bar in chart.bars] == ["30%", "12.5%"]
    assert chart.bars[1].width_percent == pytest.approx(PLOT_SHARE * 12.5 / 30)


def test_zero_and_negative_values_draw_empty_bars():
    chart = horizontal_bar_chart([("Something", Decimal(10)), ("Nothing", Decimal(0))])
    losses = horizontal_bar_chart([("Loss", Decimal(-5))])

    assert [bar.width_percent for bar in chart.bars] == [PLOT_SHARE, 0]
    assert losses.bars[0].width_percent == 0
    assert losses.bars[0].value_text == "£-5"


def test_no_data_makes_an_empty_chart():
    chart = horizontal_bar_chart([])

    assert chart.bars == ()
    assert chart.height == 0
    assert chart.largest is None


def test_long_labels_are_shortened_for_the_chart():
    chart = horizontal_bar_chart([("A very long title " * 10, Decimal(1)), ("Short", Decimal(1))])

    assert len(chart.bars[0].label) == LABEL_MAX_CHARACTERS
    assert chart.bars[0].label.endswith("…")
    assert chart.bars[1].label == "Short"


def test_the_largest_bar_is_named():
    chart = horizontal_bar_chart([("Small", Decimal(1)), ("Large", Decimal(9))])

    assert chart.largest.label == "Large"
