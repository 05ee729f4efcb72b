"""The clinic's phone hours on pages (issue 13 part 1): today's hours for the "Call the clinic" button,
and a time of day in the reader's language. Every page that shows the clinic's number uses the macros
in templates/_clinic.html, which read the clinic's own settings (Clinic.opens_at, closes_at)."""

from __future__ import annotations

from datetime import datetime, time

from jinja2 import pass_context

from .domain.clinic_hours import HoursToday, hours_on
from .domain.clock import local_date, utc_now
from .i18n import _language


def clinic_hours_today(clinic, now: datetime | None = None) -> HoursToday:
    """The clinic's hours on today's Oslo date (closed on weekends and public holidays)."""
    return hours_on(local_date(now or utc_now()), clinic.opens_at, clinic.closes_at)


def format_time_of_day(value: time, language: str) -> str:
    """08.00 in Norwegian prose (as format_clock writes it), 08:00 in English."""
    return value.strftime("%H.%M" if language == "nb" else "%H:%M")


@pass_context
def _time_of_day_filter(context, value) -> str:
    return format_time_of_day(value, _language(context)) if value else ""


def init_app(app) -> None:
    app.jinja_env.filters["time_of_day"] = _time_of_day_filter
    app.jinja_env.globals["clinic_hours_today"] = clinic_hours_today
