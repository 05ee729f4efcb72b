"""The trend charts' arithmetic (domain/trends.py): weeks, categories, late doses, the JCV lines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from webapp.domain.levels import Level
from webapp.domain.trends import (
    Reported,
    categories_of,
    interval_chart,
    jcv_chart,
    symptom_calendar,
    week_of,
)
from webapp.domain.triage.vocabulary import CATEGORIES


def test_week_of_is_the_monday_of_the_iso_week():
    assert week_of(date(2026, 3, 1)) == date(2026, 2, 23)  # a Sunday belongs to the week before
    assert week_of(date(2026, 3, 2)) == date(2026, 3, 2)


def test_calendar_has_one_row_per_category_and_a_week_per_column_both_ends_included():
    calendar = symptom_calendar([], date(2026, 1, 1), date(2026, 1, 31))
    assert [row.category for row in calendar.rows] == list(CATEGORIES)
    assert calendar.weeks[0] == date(2025, 12, 29) and calendar.weeks[-1] == date(2026, 1, 26)
    assert len(calendar.weeks) == 5
    assert calendar.empty


def test_reports_are_counted_in_their_week_and_category_with_the_highest_level():
    reports = [
        Reported(date(2026, 1, 5), Level.ROUTINE, ("limb_weakness",)),
        Reported(date(2026, 1, 11), Level.URGENT, ("limb_weakness",)),  # same ISO week (Sunday)
        Reported(date(2026, 1, 12), Level.NONE, ("injection_site_mild",)),
    ]
    calendar = symptom_calendar(reports, date(2026, 1, 1), date(2026, 1, 31))
    rows = {row.category: row for row in calendar.rows}
    neuro = {cell.week: cell for cell in rows["neuro"].cells}
    assert neuro[date(2026, 1, 5)].count == 2
    assert neuro[date(2026, 1, 5)].level is Level.URGENT
    assert neuro[date(2026, 1, 12)].count == 0 and neuro[date(2026, 1, 12)].level is Level.NONE
    assert rows["injection_site"].total == 1
    assert not calendar.empty


def test_a_report_outside_the_period_is_left_out_and_one_without_known_codes_is_general():
    reports = [Reported(date(2025, 12, 1), Level.URGENT, ("limb_weakness",)),
               Reported(date(2026, 1, 6), Level.ROUTINE, ())]
    calendar = symptom_calendar(reports, date(2026, 1, 1), date(2026, 1, 31))
    rows = {row.category: row for row in calendar.rows}
    assert rows["neuro"].total == 0
    assert rows["general"].total == 1
    assert categories_of(["no_such_code"]) == ("general",)


def test_calendar_refuses_a_reversed_period():
    with pytest.raises(ValueError):
        symptom_calendar([], date(2026, 2, 1), date(2026, 1, 1))


def test_month_labels_fall_on_the_first_week_of_each_month():
    calendar = symptom_calendar([], date(2026, 1, 1), date(2026, 3, 31))
    months = [week.month for week, _x in calendar.month_starts]
    assert months == [12, 1, 2, 3]  # the first Monday is 29 December


def _doses(*days: int) -> list[tuple[date, date]]:
    start = date(2026, 1, 1)
    moments = [start + timedelta(days=d) for d in days]
    return list(zip(moments, moments[1:], strict=False))


def test_a_gap_longer_than_the_interval_is_late_and_past_8_weeks_is_rebound():
    chart = interval_chart(_doses(0, 28, 58, 120), interval_weeks=4)
    assert [bar.days for bar in chart.bars] == [28, 30, 62]
    assert [bar.late for bar in chart.bars] == [False, True, True]
    assert [bar.rebound for bar in chart.bars] == [False, False, True]
    assert chart.late_count == 2


def test_the_interval_is_the_patients_own():
    chart = interval_chart(_doses(0, 42), interval_weeks=6)
    assert not chart.bars[0].late
    assert chart.interval.value == 42


def test_longer_bars_are_taller_and_the_8_and_10_week_lines_are_in_order():
    chart = interval_chart(_doses(0, 28, 100), interval_weeks=4)
    short, long = chart.bars
    assert long.height > short.height
    assert chart.rebound.value == 56 and chart.rebound_late.value == 70
    # SVG y grows downward: the 10-week line is above the 8-week line, which is above the interval
    assert chart.rebound_late.y < chart.rebound.y < chart.interval.y < chart.plot_bottom
    assert long.y < chart.rebound_late.y  # 72 days drawn above the 10-week line


def test_no_doses_gives_an_empty_chart():
    assert interval_chart([], 4).empty


def test_jcv_lines_at_0_9_and_1_5_and_points_in_time_order():
    chart = jcv_chart([(date(2026, 6, 1), True, 1.2), (date(2025, 6, 1), True, 0.4), (date(2025, 12, 1), False, None)])
    assert (chart.low.value, chart.high.value) == (0.9, 1.5)
    assert chart.high.y < chart.low.y
    assert [p.tested_on for p in chart.points] == [date(2025, 6, 1), date(2025, 12, 1), date(2026, 6, 1)]
    assert chart.points[1].y is None  # no index: listed in the table, not drawn
    assert chart.points[0].x < chart.points[2].x
    assert chart.line.count(",") == 2


def test_a_high_index_raises_the_scale_and_a_single_result_sits_in_the_middle():
    chart = jcv_chart([(date(2026, 1, 1), True, 3.2)])
    assert chart.ticks[-1].value == 3.5
    assert chart.points[0].y > chart.ticks[-1].y
    assert not chart.empty
    assert jcv_chart([]).empty


def test_the_time_axis_spans_the_results_with_an_index_and_leaves_room_for_the_line_labels():
    chart = jcv_chart([(date(2024, 1, 1), False, None), (date(2025, 6, 1), True, 0.4), (date(2026, 6, 1), True, 1.2)])
    undrawn, first, last = chart.points
    assert undrawn.y is None and undrawn.x == first.x  # before the axis: held at its start
    assert last.x <= chart.width - 12 - 120
