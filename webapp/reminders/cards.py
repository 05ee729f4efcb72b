"""The patient's current reminders on the start page: due, not done, from the last week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import bindparam
from sqlmodel import select

from .. import db
from ..domain.reminders import DOSE_KINDS
from ..extension_points import start_card
from ..models import Patient, Reminder
from ..notify import has_channel
from .texts import card_text

SHOWN_FOR = timedelta(days=7)

CURRENT = (select(Reminder).where(Reminder.patient_id == bindparam("patient_id"), Reminder.done_at.is_(None),
                                  Reminder.due_at <= bindparam("now"), Reminder.due_at > bindparam("since"))
           .order_by(Reminder.due_at.desc(), Reminder.id.desc()))


@dataclass(frozen=True)
class ShownReminder:
    id: int
    heading: str
    text: str
    url: str


def current_reminders(patient_id: int, now: datetime) -> list[Reminder]:
    """Newest first; of one dose's reminders only the latest (overdue replaces "due tomorrow")."""
    rows = db.session().exec(CURRENT, params={"patient_id": patient_id, "now": now, "since": now - SHOWN_FOR}).all()
    shown, doses_seen = [], set()
    for reminder in rows:
        if reminder.kind in DOSE_KINDS:
            if reminder.about_day in doses_seen:
                continue
            doses_seen.add(reminder.about_day)
        shown.append(reminder)
    return shown


def _check_of(reminder: Reminder) -> str | None:
    parts = reminder.key.split(":")
    return parts[2] if reminder.kind == "checkup_due" and len(parts) > 3 else None


@start_card(15)
def reminders_card(patient: Patient, _today: date):
    """After the next dose: what the clock reminded the patient of; without a channel, say so. Always
    shown, so that the way to the preferences is on the start page."""
    reminders = current_reminders(patient.id, datetime.now(UTC))
    reachable = has_channel(db.session(), patient.user)
    shown = [ShownReminder(r.id, *card_text(r.kind, r.about_day, _check_of(r)), url=r.url) for r in reminders]
    return "reminders/_start_card.html", {"reminders": shown, "reachable": reachable}
