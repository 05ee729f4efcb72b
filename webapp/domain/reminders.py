"""Which reminders a patient should have, and when each is sent (issue 12 §3).

Pure: plain values in, frozen dataclasses out; no Flask, no database, no clock. The dates come from the
rules that own them (schedule, supply, monitoring); this module only decides which of those dates
becomes a reminder and at what Oslo wall-clock time.

Public API
    ReminderKind, TOPICS                       the kinds and the preference each belongs to
    PatientState, ReminderTimes                what the rules need about one patient
    Occasion                                   one reminder that applies: key, kind, due_at, about_day, url
    occasions(state, times) -> tuple[Occasion, ...]     every reminder that applies now, whatever its time
    due_now(occasions, now) -> tuple[Occasion, ...]     those to write by `now` (look-ahead, catch-up)
    times_in_quiet_hours(times) -> list[str]           preference check: reminder times in quiet hours

Boundaries: a reminder is written from LOOKAHEAD before its time (the clock runs hourly, so it is
queued before it is due) until CATCH_UP after it (a clock that was down catches up the same day; an
older reminder is not sent any more). Times are Oslo wall-clock times on the day, moved out of the
patient's quiet hours (domain/quiet_hours.next_allowed), so a clock change moves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from webapp.domain import schedule
from webapp.domain.clock import OSLO
from webapp.domain.quiet_hours import DEFAULT_END, DEFAULT_START, is_quiet, next_allowed

# Written an hour ahead, so that the hourly clock has queued a 19:00 reminder at 18:00.
LOOKAHEAD = timedelta(hours=1)
# A reminder more than a day late is stale (the next one of the same dose is due by then).
CATCH_UP = timedelta(hours=24)
# overdue at day +2 and day +7 after the due day (issue 12 §3; warn when overdue, facts §3 App rule)
OVERDUE_DAYS = (2, 7)
# warn ahead of the H-resept's 1-year expiry (facts R3, App rule 4); the reminder comes 30 days ahead
PRESCRIPTION_REMINDER_DAYS = 30


class ReminderKind(StrEnum):
    DOSE_EVENING = "dose_evening"  # the evening before the due day
    DOSE_MORNING = "dose_morning"  # the morning of the due day
    OVERDUE_2 = "dose_overdue_2"
    OVERDUE_7 = "dose_overdue_7"
    ORDER_BY = "order_by"  # contact the pharmacy today
    PRESCRIPTION = "prescription_expiring"
    JCV = "jcv_due"
    CHECKUP = "checkup_due"


DOSE_KINDS = frozenset({ReminderKind.DOSE_EVENING, ReminderKind.DOSE_MORNING, ReminderKind.OVERDUE_2,
                        ReminderKind.OVERDUE_7})
# The preference (NotificationPrefs field) that must be on for a kind to be sent.
TOPICS = {
    **{kind: "doses" for kind in DOSE_KINDS},
    ReminderKind.ORDER_BY: "supply",
    ReminderKind.PRESCRIPTION: "supply",
    ReminderKind.JCV: "checkups",
    ReminderKind.CHECKUP: "checkups",
}
# The page each opens: the safety check before a dose, the pharmacy page, the check-up calendar.
URLS = {
    **{kind: "/injections/check" for kind in DOSE_KINDS},
    ReminderKind.ORDER_BY: "/pharmacy/",
    ReminderKind.PRESCRIPTION: "/pharmacy/",
    ReminderKind.JCV: "/risk/checkups",
    ReminderKind.CHECKUP: "/risk/checkups",
}


@dataclass(frozen=True)
class ReminderTimes:
    """The patient's chosen times (NotificationPrefs), Oslo wall clock."""

    evening: time = time(19, 0)
    morning: time = time(8, 0)
    quiet_start: time = DEFAULT_START
    quiet_end: time = DEFAULT_END


@dataclass(frozen=True)
class PatientState:
    """What the rules need about one patient, already computed by the rules that own each date."""

    patient_id: int
    home_approved: bool = False
    dose_on_hold: bool = False  # injections/hold.py hold_state(...).on_hold
    last_dose: datetime | None = None
    interval_weeks: int = schedule.DEFAULT_INTERVAL_WEEKS
    order_by: date | None = None  # supply.order_by_date via supply_status
    prescription_valid_until: date | None = None
    # (monitoring.CheckKind value, due_on) for every check with a due date (monitoring_schedule)
    checks_due: tuple[tuple[str, date], ...] = field(default=())


@dataclass(frozen=True)
class Occasion:
    key: str  # stable: the same occasion never makes a second reminder
    kind: ReminderKind
    due_at: datetime  # aware, in Oslo time; outside the quiet hours
    about_day: date  # the dose day, order-by day, expiry day or check's due day it is about
    url: str

    @property
    def topic(self) -> str:
        return TOPICS[self.kind]


def at(day: date, clock: time, times: ReminderTimes) -> datetime:
    """The Oslo wall-clock time on a day, moved to the end of the quiet hours if it falls in them."""
    return next_allowed(datetime.combine(day, clock, tzinfo=OSLO), times.quiet_start, times.quiet_end)


def _occasion(kind: ReminderKind, subject: str, day: date, clock: time, times: ReminderTimes,
              about: date | None = None) -> Occasion:
    about = about or day
    return Occasion(key=f"{kind.value}:{subject}:{about.isoformat()}", kind=kind, due_at=at(day, clock, times),
                    about_day=about, url=URLS[kind])


def dose_occasions(state: PatientState, times: ReminderTimes) -> list[Occasion]:
    # Home doses only after the clinic approved home treatment (facts H2, App rule); none while the
    # next dose is on hold: no dose is offered or reminded of until a nurse lifts it (facts §3).
    if not state.home_approved or state.dose_on_hold or state.last_dose is None:
        return []
    # next dose due = last dose + the patient's interval (facts I1, I3; App rule 3)
    due = schedule.next_dose_due(state.last_dose, state.interval_weeks)
    subject = str(state.patient_id)
    found = [
        _occasion(ReminderKind.DOSE_EVENING, subject, due - timedelta(days=1), times.evening, times, about=due),
        _occasion(ReminderKind.DOSE_MORNING, subject, due, times.morning, times),
    ]
    # warn when a dose is overdue (facts §3 App rule), with the one late-dose rule in the text
    for kind, days in zip((ReminderKind.OVERDUE_2, ReminderKind.OVERDUE_7), OVERDUE_DAYS, strict=True):
        found.append(_occasion(kind, subject, due + timedelta(days=days), times.morning, times, about=due))
    return found


def supply_occasions(state: PatientState, times: ReminderTimes) -> list[Occasion]:
    # Supply matters for home treatment only: clinic doses use the clinic's stock (pharmacy/forecast.py).
    if not state.home_approved:
        return []
    subject = str(state.patient_id)
    found = []
    if state.order_by is not None:
        # the pharmacy often needs notice (facts R4): the morning of the order-by day
        found.append(_occasion(ReminderKind.ORDER_BY, subject, state.order_by, times.morning, times))
    if state.prescription_valid_until is not None:
        # each H-resept is valid for 1 year (facts R3): remind 30 days before it expires
        day = state.prescription_valid_until - timedelta(days=PRESCRIPTION_REMINDER_DAYS)
        found.append(_occasion(ReminderKind.PRESCRIPTION, subject, day, times.morning, times,
                               about=state.prescription_valid_until))
    return found


def check_occasions(state: PatientState, times: ReminderTimes) -> list[Occasion]:
    # The clinic's monitoring calendar (facts M1-M5): on the morning a check becomes due. The JCV test
    # has its own kind: its result decides the PML risk (facts M3, section 7).
    found = []
    for check_kind, due_on in state.checks_due:
        kind = ReminderKind.JCV if check_kind == "jcv_antibodies" else ReminderKind.CHECKUP
        found.append(_occasion(kind, f"{state.patient_id}:{check_kind}", due_on, times.morning, times))
    return found


def occasions(state: PatientState, times: ReminderTimes) -> tuple[Occasion, ...]:
    """Every reminder that applies to the patient's current state, whatever its time. A stored reminder
    whose key is not among them no longer applies (the dose was logged, the date moved)."""
    return (*dose_occasions(state, times), *supply_occasions(state, times), *check_occasions(state, times))


def due_now(found: tuple[Occasion, ...] | list[Occasion], now: datetime) -> tuple[Occasion, ...]:
    """The occasions to write by `now`: from LOOKAHEAD before their time to CATCH_UP after it."""
    if now.tzinfo is None:
        raise ValueError("naive datetime: pass aware datetimes")
    return tuple(o for o in found if o.due_at - LOOKAHEAD <= now < o.due_at + CATCH_UP)


def times_in_quiet_hours(times: ReminderTimes) -> list[str]:
    """The reminder times ("evening", "morning") that fall in the quiet hours: the preferences page
    refuses them, so that a reminder comes when the patient chose, not when the quiet hours end."""
    probe = date(2027, 1, 4)  # any day: quiet hours are wall-clock times
    return [name for name, clock in (("evening", times.evening), ("morning", times.morning))
            if is_quiet(datetime.combine(probe, clock, tzinfo=OSLO), times.quiet_start, times.quiet_end)]
