"""Quiet hours: no reminder or follow-up reaches a patient between the chosen times (22–07 by default,
issue 12). Pure rules on Oslo wall-clock times; free of Flask and the database."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from .clock import OSLO

DEFAULT_START = time(22, 0)
DEFAULT_END = time(7, 0)


def is_quiet(moment: datetime, start: time = DEFAULT_START, end: time = DEFAULT_END) -> bool:
    """Whether an aware moment falls in the quiet hours, read in Oslo time. Start == end: never quiet."""
    clock = moment.astimezone(OSLO).time()
    if start == end:
        return False
    if start < end:  # e.g. 13:00–15:00
        return start <= clock < end
    return clock >= start or clock < end  # over midnight, e.g. 22:00–07:00


def next_allowed(moment: datetime, start: time = DEFAULT_START, end: time = DEFAULT_END) -> datetime:
    """The moment itself, or the end of the quiet hours it falls in (Oslo time, daylight saving included)."""
    if not is_quiet(moment, start, end):
        return moment
    local = moment.astimezone(OSLO)
    day = local.date()
    if start > end and local.time() >= start:
        day += timedelta(days=1)  # quiet from the evening: it ends the next morning
    # Built from the wall clock, so a quiet end of 07:00 is 07:00 on either side of a clock change.
    return datetime.combine(day, end, tzinfo=OSLO).astimezone(moment.tzinfo)
