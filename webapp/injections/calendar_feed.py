"""The private iCalendar feed: the next doses, and what other features add (order-by dates...)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from flask import Response, abort
from flask_babel import force_locale, gettext
from icalendar import Alarm, Calendar, Event
from sqlmodel import select

from .. import db, links
from ..domain import schedule
from ..domain.clock import local_date
from ..extension_points import CALENDAR_EVENTS, calendar_events
from ..models import Patient
from .history import last_injection
from .hold import hold_state

UPCOMING_DOSES = 6
# Events the patient may add to the feed besides the doses; without a choice in the link, the feed
# is what it always was: the doses and the pharmacy's order-by and H-resept days ("order").
OPTIONAL_TOPICS = ("order", "pickups", "checkups")
DEFAULT_TOPICS = frozenset({"doses", "order"})


# What a discreet feed says instead (security finding 15): a subscribed calendar is stored by Google, Apple or
# Microsoft and shown on lock screens and shared calendars, and "natalizumab" means MS. Unless the patient
# chose to name the medicine, an event says only that NataHjem has something that day.
def _discreet_summaries() -> dict[str, str]:
    return {
        "doses": gettext("NataHjem: dose day"),
        "order": gettext("NataHjem: plan ahead"),
        "pickups": gettext("NataHjem: pharmacy"),
        "checkups": gettext("NataHjem: check-up"),
    }


def feed_topics(events: str | None) -> frozenset[str]:
    """The topics a feed link asks for (`?events=order,checkups`); unknown words are ignored."""
    if events is None:
        return DEFAULT_TOPICS
    return frozenset({"doses"} | {word for word in events.split(",") if word in OPTIONAL_TOPICS})


def calendar_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_for_token(token: str, events: str | None = None, named: bool = False) -> Response:
    if not token or len(token) > 100:
        abort(404)
    patient = db.session().exec(
        select(Patient).where(Patient.calendar_token_hash == calendar_token_hash(token))
    ).first()
    if patient is None:
        abort(404)
    today = local_date(datetime.now(UTC))
    topics = feed_topics(events)
    with force_locale(patient.user.locale):
        calendar = Calendar()
        calendar.add("prodid", "-//NataHjem//calendar//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", "NataHjem")
        discreet = None if named else _discreet_summaries()
        details = gettext("Open NataHjem to see what this is: %(url)s", url=links.external_url("home.index"))
        for provider in CALENDAR_EVENTS:
            topic = getattr(provider, "calendar_topic", "doses")
            if topic not in topics:
                continue
            for day, summary, description in provider(patient, today):
                shown = (discreet[topic], details) if discreet is not None else (summary, description)
                calendar.add_component(_all_day_event(patient, day, *shown, key=summary))
    response = Response(calendar.to_ical(), mimetype="text/calendar")
    response.headers["Content-Disposition"] = 'inline; filename="natahjem.ics"'
    return response


def _all_day_event(patient: Patient, day, summary: str, description: str, key: str) -> Event:
    event = Event()
    # A stable id per link, day and event (`key`: its full text, also when the feed is discreet), so
    # calendars update rather than duplicate; made from the link's hash, never the patient's id (finding 15).
    digest = hashlib.sha256(f"{patient.calendar_token_hash}|{day.isoformat()}|{key}".encode()).hexdigest()[:24]
    event.add("uid", f"{digest}@natahjem")
    event.add("summary", summary)
    event.add("description", description)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("dtstamp", datetime.now(UTC))
    alarm = Alarm()  # remind at 18:00 the evening before: the syringes go out of the fridge next day
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(hours=-6))
    event.add_component(alarm)
    return event


@calendar_events
def next_doses(patient: Patient, today) -> list:
    # No dose is offered while the next dose is on hold, reminders included (facts §3 "Dose on hold").
    if hold_state(db.session(), patient.id).on_hold:
        return []
    last = last_injection(db.session(), patient.id)
    if last is None:
        return []
    dues = schedule.upcoming_due_dates(last.given_at, patient.dose_interval_weeks, UPCOMING_DOSES)
    summary = gettext("Natalizumab dose due")
    description = gettext("Two syringes. Do the safety check first: %(url)s",
                          url=links.external_url("injections.check"))
    return [(due, summary, description) for due in dues if due >= today]
