"""The period a summary covers: by default since the last check-up with the neurologist (facts M4), else
the last 6 months; a period reaching before the record starts or past today is shortened to the record,
reversed dates are refused. Plain values in and out; the form (forms.py) shows the messages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from ..domain.monitoring import CheckKind

DEFAULT_MONTHS = 6


class PeriodNote(StrEnum):
    """Why the period shown is not the one asked for: a code the page translates."""

    STARTS_WITH_RECORD = "starts_with_record"  # asked for days before the record began
    ENDS_TODAY = "ends_today"  # asked for days after today


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date  # both days inside
    notes: tuple[PeriodNote, ...] = ()
    since_checkup: date | None = None  # the default period starts at this check-up


def default_period(checks: Iterable[tuple[str, date]], record_start: date, today: date) -> Period:
    """Since the last clinical check-up (facts M4) before today, else the last 6 months, never before the
    record starts."""
    checkups = [done_on for kind, done_on in checks if kind == CheckKind.CLINICAL_CHECK and done_on <= today]
    if checkups:
        start = max(checkups)
        return Period(start=max(start, record_start), end=today, since_checkup=start)
    return Period(start=max(today - relativedelta(months=DEFAULT_MONTHS), min(record_start, today)), end=today)


def chosen_period(start: date, end: date, record_start: date, today: date) -> Period:
    """The period asked for, shortened to the record and today. Raises ValueError for reversed dates,
    which are refused rather than swapped: the reader may have mistyped either."""
    if end < start:
        raise ValueError("the period ends before it starts")
    notes = []
    if start < record_start:
        start = min(record_start, today)
        notes.append(PeriodNote.STARTS_WITH_RECORD)
    if end > today:
        end = today
        notes.append(PeriodNote.ENDS_TODAY)
    if end < start:  # the whole period lay before the record (one day: its first) or after today (today)
        start = end = start if end < record_start else end
    return Period(start=start, end=end, notes=tuple(notes))
