"""When the clinic's phone is answered (issue 13 part 1): on working days (Norwegian holidays and
weekends are closed) between the clinic's opening and closing times, Oslo time. Pure: the times come
from the clinic's settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from .working_days import is_working_day

# A message is answered within 1 to 5 working days: longer than a working week is not a promise
# a patient on monthly doses can plan with (issue 13 part 3).
MIN_REPLY_DAYS = 1
MAX_REPLY_DAYS = 5


@dataclass(frozen=True)
class HoursToday:
    open: bool
    opens_at: time | None = None
    closes_at: time | None = None


def hours_on(day: date, opens_at: time, closes_at: time) -> HoursToday:
    """The clinic's phone hours on one Oslo calendar day: closed on weekends and public holidays."""
    if not is_working_day(day):
        return HoursToday(open=False)
    return HoursToday(open=True, opens_at=opens_at, closes_at=closes_at)
