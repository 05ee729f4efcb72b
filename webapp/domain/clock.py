"""Time zone rules: times are stored in UTC and shown, and counted in days, in Europe/Oslo (DESIGN.md)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")


def local_date(moment: datetime) -> date:
    """The calendar day in Oslo on which an aware moment falls."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: store and pass aware UTC datetimes")
    return moment.astimezone(OSLO).date()


def utc_now() -> datetime:
    return datetime.now(UTC)
