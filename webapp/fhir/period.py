"""The period of an export, from `?from=&to=` (ISO dates, Oslo days). Pure: no Flask."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from ..domain.clock import OSLO


class PeriodError(ValueError):
    """A period that cannot be read; `message` is English source text, translated by the caller."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def start_utc(self) -> datetime:
        return datetime.combine(self.start, time(0), OSLO).astimezone(UTC)

    @property
    def end_utc(self) -> datetime:
        """The first moment after the period: midnight after the last day, in Oslo."""
        return datetime.combine(self.end + timedelta(days=1), time(0), OSLO).astimezone(UTC)


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise PeriodError("Dates are written as YYYY-MM-DD, for example 2026-01-31.") from None


def read_period(from_text: str | None, to_text: str | None, *, record_start: date, today: date) -> Period:
    """No dates: the whole record, from its first day to today. An end past today is cut to today (issue 15:
    "corrected"); a period outside the record is valid and simply empty; reversed dates are refused, as
    only the asker knows which one she meant."""
    start, end = _day(from_text), _day(to_text)
    if start and end and start > end:
        raise PeriodError("The start of the period is after its end.")
    start = start or record_start
    end = end or today
    if start <= today < end:
        end = today
    return Period(start, max(start, end))
