"""Trends drawn on the server (issue 15 §2): the days between doses, the symptom calendar and the JCV
index over time. Each function takes plain values and returns the chart's geometry in SVG user units;
the templates (summary/_charts.html) draw it, the same on the screen and in the summary PDF.

No Flask, no database: dates are Oslo days, levels are domain.levels.Level values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from webapp.domain.levels import Level
from webapp.domain.pml_risk import LOW_INDEX_MAX, RISING_INDEX_MAX
from webapp.domain.schedule import REBOUND_DAYS, interval_days
from webapp.domain.triage.vocabulary import BY_CODE, CATEGORIES

# The drawing area of every chart, in SVG user units; the SVG scales to the width it is given.
WIDTH: Final = 640
LEFT: Final = 44  # room for the y axis' numbers
RIGHT: Final = 12
TOP: Final = 12
# rebound risk after more than 8–10 weeks without a dose (facts I5): both ends are drawn
REBOUND_LATE_DAYS: Final = 10 * 7
LINE_LABEL_WIDTH: Final = 120  # room at the right of the JCV chart for the lines' labels


def _ticks(top: float, step: float) -> tuple[float, ...]:
    count = int(top // step)
    return tuple(round(step * n, 2) for n in range(count + 1))


# --------------------------------------------------------------------------- days between doses


@dataclass(frozen=True, slots=True)
class IntervalBar:
    to_day: date  # the dose that ended the gap
    days: int
    late: bool  # longer than the patient's interval (facts I1, I3)
    rebound: bool  # longer than 8 weeks: the rebound window (facts I5)
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line across the chart, at `value` in the chart's unit."""

    value: float
    y: float


@dataclass(frozen=True, slots=True)
class IntervalChart:
    bars: tuple[IntervalBar, ...]
    interval: Rule  # the patient's own interval
    rebound: Rule  # 8 weeks
    rebound_late: Rule  # 10 weeks
    ticks: tuple[Rule, ...]
    width: int
    height: int
    plot_bottom: float

    @property
    def empty(self) -> bool:
        return not self.bars

    @property
    def late_count(self) -> int:
        return sum(bar.late for bar in self.bars)


def interval_chart(gaps: Iterable[tuple[date, date]], interval_weeks: int, *, height: int = 200) -> IntervalChart:
    """A bar per gap between consecutive doses, `gaps` as (earlier dose day, later dose day) pairs.
    A bar is late past the patient's interval; the 8- and 10-week lines show the rebound window."""
    allowed = interval_days(interval_weeks)
    pairs = sorted(gaps, key=lambda pair: pair[1])
    lengths = [(later - earlier).days for earlier, later in pairs]
    top = max([REBOUND_LATE_DAYS + 14, *lengths]) if lengths else REBOUND_LATE_DAYS + 14
    top = ((top + 13) // 14) * 14  # whole fortnights, so the ticks fall on weeks
    bottom = height - 24
    plot_height = bottom - TOP

    def y_of(days: float) -> float:
        return round(bottom - plot_height * days / top, 1)

    plot_width = WIDTH - LEFT - RIGHT
    slot = plot_width / max(len(pairs), 1)
    bar_width = round(min(slot * 0.7, 48), 1)
    bars = []
    for n, ((_earlier, later), days) in enumerate(zip(pairs, lengths, strict=True)):
        x = round(LEFT + slot * n + (slot - bar_width) / 2, 1)
        y = y_of(days)
        bars.append(IntervalBar(to_day=later, days=days, late=days > allowed, rebound=days > REBOUND_DAYS,
                                x=x, y=y, width=bar_width, height=round(bottom - y, 1)))
    return IntervalChart(
        bars=tuple(bars), interval=Rule(allowed, y_of(allowed)), rebound=Rule(REBOUND_DAYS, y_of(REBOUND_DAYS)),
        rebound_late=Rule(REBOUND_LATE_DAYS, y_of(REBOUND_LATE_DAYS)),
        ticks=tuple(Rule(value, y_of(value)) for value in _ticks(top, 28)), width=WIDTH, height=height,
        plot_bottom=bottom,
    )


# --------------------------------------------------------------------------- the symptom calendar


@dataclass(frozen=True, slots=True)
class Reported:
    """One symptom report as the calendar reads it."""

    day: date
    level: Level | str
    codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WeekCell:
    week: date  # the Monday
    count: int  # reports that week naming a symptom of the category
    level: Level  # the highest level among them (NONE when count is 0)
    x: float


@dataclass(frozen=True, slots=True)
class CategoryRow:
    category: str
    cells: tuple[WeekCell, ...]
    y: float

    @property
    def total(self) -> int:
        return sum(cell.count for cell in self.cells)


@dataclass(frozen=True, slots=True)
class SymptomCalendar:
    weeks: tuple[date, ...]
    rows: tuple[CategoryRow, ...]
    cell_width: float
    cell_height: float
    label_width: float
    width: int
    height: float

    @property
    def empty(self) -> bool:
        return all(row.total == 0 for row in self.rows)

    @property
    def month_starts(self) -> tuple[tuple[date, float], ...]:
        """The first week of each month and its x: the labels under the calendar."""
        starts, seen = [], set()
        for n, week in enumerate(self.weeks):
            month = (week.year, week.month)
            if month not in seen:
                seen.add(month)
                starts.append((week, round(self.label_width + n * self.cell_width, 1)))
        return tuple(starts)


def week_of(day: date) -> date:
    """The Monday of the ISO week the day falls in (Norwegian weeks start on Monday)."""
    return day - timedelta(days=day.weekday())


def categories_of(codes: Iterable[str]) -> tuple[str, ...]:
    """The symptom categories a report names (symptoms.md); a report naming none (only free text, or a
    code no longer in the vocabulary) counts as "general", so that no report drops out of the calendar."""
    found = {BY_CODE[code].category for code in codes if code in BY_CODE}
    return tuple(category for category in CATEGORIES if category in found) or ("general",)


def symptom_calendar(reports: Iterable[Reported], start: date, end: date, *, label_width: float = 150,
                     row_height: float = 22) -> SymptomCalendar:
    """Reports per week by category from `start` to `end` (both days inside), one row per category
    of the vocabulary, each cell the count and the highest level that week."""
    if end < start:
        raise ValueError("the period ends before it starts")
    first, last = week_of(start), week_of(end)
    weeks = tuple(first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1))
    index = {week: n for n, week in enumerate(weeks)}
    counts = {category: [0] * len(weeks) for category in CATEGORIES}
    levels = {category: [Level.NONE] * len(weeks) for category in CATEGORIES}
    for report in reports:
        if not start <= report.day <= end:
            continue
        n = index[week_of(report.day)]
        for category in categories_of(report.codes):
            counts[category][n] += 1
            levels[category][n] = levels[category][n].at_least(Level(report.level))
    cell_width = round((WIDTH - label_width - RIGHT) / len(weeks), 2)
    rows = tuple(
        CategoryRow(category=category, y=TOP + r * row_height, cells=tuple(
            WeekCell(week=week, count=counts[category][n], level=levels[category][n],
                     x=round(label_width + n * cell_width, 2))
            for n, week in enumerate(weeks)))
        for r, category in enumerate(CATEGORIES)
    )
    return SymptomCalendar(weeks=weeks, rows=rows, cell_width=cell_width, cell_height=row_height - 4,
                           label_width=label_width, width=WIDTH, height=TOP + len(CATEGORIES) * row_height + 24)


# --------------------------------------------------------------------------- the JCV index over time


@dataclass(frozen=True, slots=True)
class JcvPoint:
    tested_on: date
    positive: bool
    jcv_index: float | None
    x: float
    y: float | None  # None: no index to draw (the table still lists the result)


@dataclass(frozen=True, slots=True)
class JcvChart:
    points: tuple[JcvPoint, ...]
    low: Rule  # 0.9: low index up to here (facts section 7)
    high: Rule  # 1.5: high index above here
    ticks: tuple[Rule, ...]
    width: int
    height: int
    plot_bottom: float

    @property
    def empty(self) -> bool:
        return not any(point.y is not None for point in self.points)

    @property
    def line(self) -> str:
        """The SVG polyline through the points that have an index, oldest first."""
        return " ".join(f"{p.x},{p.y}" for p in self.points if p.y is not None)


def jcv_chart(results: Sequence[tuple[date, bool, float | None]], *, height: int = 200) -> JcvChart:
    """The index of each JCV result (tested_on, positive, index), oldest first along the time axis;
    the 0.9 and 1.5 lines are the clinic's bands (facts section 7)."""
    ordered = sorted(results, key=lambda result: result[0])
    indexes = [index for _day, _positive, index in ordered if index is not None]
    top = max([2.0, *indexes])
    top = float(int(top * 2 + 0.999)) / 2  # up to the next half
    bottom = height - 24
    plot_height = bottom - TOP

    def y_of(value: float) -> float:
        return round(bottom - plot_height * value / top, 1)

    # the points keep clear of the right end, where the 0.9 and 1.5 lines are labelled
    plot_width = WIDTH - LEFT - RIGHT - 20 - LINE_LABEL_WIDTH
    # the time axis spans the results with an index: those are the ones drawn
    drawn = [day for day, _positive, index in ordered if index is not None] or [day for day, *_rest in ordered]
    if drawn:
        first, last = drawn[0], drawn[-1]
        span = max((last - first).days, 1)
    points = []
    for day, positive, index in ordered:
        offset = plot_width / 2 if first == last else plot_width * (day - first).days / span
        x = LEFT + 10 + min(max(offset, 0), plot_width)
        points.append(JcvPoint(tested_on=day, positive=positive, jcv_index=index, x=round(x, 1),
                               y=None if index is None else y_of(index)))
    return JcvChart(points=tuple(points), low=Rule(LOW_INDEX_MAX, y_of(LOW_INDEX_MAX)),
                    high=Rule(RISING_INDEX_MAX, y_of(RISING_INDEX_MAX)),
                    ticks=tuple(Rule(value, y_of(value)) for value in _ticks(top, 0.5)), width=WIDTH,
                    height=height, plot_bottom=bottom)
