"""When a callback is due: the end of the next working day, counting Norwegian public holidays.

symptoms.md: an `urgent` report gives the nurse "a flag with due-by = end of next working day";
an `emergency` one sits at the top of the queue at once. Days are Oslo calendar days.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays

from webapp.domain.clock import OSLO, local_date
from webapp.domain.levels import Level

# The end of a clinic working day, Oslo time (the clinic may change it; DESIGN.md levels table).
WORKDAY_ENDS = time(16, 0)


@lru_cache(maxsize=64)
def _norwegian_holidays(year: int) -> holidays.HolidayBase:
    # include_sundays=False: the library otherwise lists every Sunday as "Søndag"; weekends are
    # handled below.
    return holidays.country_holidays("NO", years=year, include_sundays=False)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _norwegian_holidays(day.year)


def next_working_day(day: date) -> date:
    """The first working day after `day`."""
    candidate = day + timedelta(days=1)
    while not is_working_day(candidate):
        candidate += timedelta(days=1)
    return candidate


def callback_due(level: Level | str, raised_at: datetime) -> datetime | None:
    """The moment by which the clinic must have called, as an aware datetime; None for no callback."""
    level = Level(level)
    if level == Level.EMERGENCY:
        return raised_at  # top of the queue now; the patient is told to call 113
    if level == Level.URGENT:
        due_day = next_working_day(local_date(raised_at))
        return datetime.combine(due_day, WORKDAY_ENDS, OSLO)
    return None


def reply_due(raised_at: datetime, reply_days: int, closes_at: time) -> datetime:
    """When the clinic has promised to answer a non-urgent message (issue 13): at closing time on the
    Nth working day after the day it was written (Oslo days; weekends and public holidays not counted).
    A clinic that states 0 days is read as 1: an answer is never due before the message is written."""
    day = local_date(raised_at)
    for _n in range(max(int(reply_days), 1)):
        day = next_working_day(day)
    return datetime.combine(day, closes_at, OSLO)
