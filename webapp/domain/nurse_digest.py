"""The nurse's morning digest (issue 12 §5): "7 waiting, 2 past due", once a day per clinic.

Pure: no Flask, no database."""

from __future__ import annotations

from datetime import date, datetime, time

from webapp.domain.clock import OSLO

# Issue 12 §5 "an optional morning digest": written by the first clock run at or after 07:00 Oslo time
# (the clock runs hourly, scripts/clock.sh), so it waits in the inbox when the clinic opens (08:00 in the
# demo clinics). A clock that was down catches up until noon; after that the day's digest is skipped,
# since the queue itself is then the news.
DIGEST_FROM = time(7, 0)
DIGEST_UNTIL = time(12, 0)


def digest_day(now: datetime) -> date | None:
    """The Oslo day whose digest is due at `now`, or None outside the morning window."""
    local = now.astimezone(OSLO)
    return local.date() if DIGEST_FROM <= local.time() < DIGEST_UNTIL else None
