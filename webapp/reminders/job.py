"""The clock's reminder job (checks.OUTREACH_JOBS): for every patient, the reminders that are due are
written once each, with their outbox messages, and the stored ones that no longer apply are closed.

Idempotent: a reminder's key names its occasion (kind, patient, day), so the hourly clock writes each
once; `notify_user` keys its messages by the reminder's key. A patient who switched every channel or
topic off still gets the reminder on the start page, and no message.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import UTC, datetime

from sqlmodel import Session, select

from ..checks import OUTREACH_JOBS
from ..domain import reminders as rules
from ..domain.clock import local_date
from ..models import Reminder
from ..notify import notify_user
from ..relatives.reminders import RELATIVES_TOLD, notify_relatives
from . import texts as _texts  # noqa: F401  (registers the kinds' texts)
from .records import close, outbox_key
from .states import PatientReading, patient_readings

log = logging.getLogger(__name__)


def _open_reminders(session: Session) -> dict[int, list[Reminder]]:
    grouped: dict[int, list[Reminder]] = defaultdict(list)
    for reminder in session.exec(select(Reminder).where(Reminder.done_at.is_(None))).all():
        grouped[reminder.patient_id].append(reminder)
    return grouped


def _existing(session: Session, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        found.update(session.exec(select(Reminder.key).where(Reminder.key.in_(keys[start:start + 500]))).all())
    return found


def _params(occasion: rules.Occasion) -> dict:
    params = {"day": occasion.about_day.isoformat()}
    if occasion.kind is rules.ReminderKind.CHECKUP:
        params["check"] = occasion.key.split(":")[2]  # checkup_due:{patient}:{check kind}:{day}
    return params


def write_reminders(session: Session, now: datetime) -> int:
    """Write the due reminders of every patient and their messages; close those that no longer apply.
    Returns how many reminders it wrote. The caller (checks.run_outreach) commits."""
    today = local_date(now)
    open_by_patient = _open_reminders(session)
    due: list[tuple[rules.Occasion, PatientReading]] = []
    closed = 0
    for reading in patient_readings(session, today):
        found = rules.occasions(reading.state, reading.times)
        wanted = {occasion.key for occasion in found}
        # what a reminder asked for happened, or its date moved (a dose logged, a pickup, a check done)
        closed += close(session, [r for r in open_by_patient.get(reading.patient.id, []) if r.key not in wanted], now)
        due.extend((occasion, reading) for occasion in rules.due_now(found, now))
    existing = _existing(session, [occasion.key for occasion, _reading in due])
    written = 0
    for occasion, reading in due:
        if occasion.key in existing:
            continue
        reminder = Reminder(patient_id=reading.patient.id, key=occasion.key, kind=occasion.kind.value,
                            due_at=occasion.due_at.astimezone(UTC), about_day=occasion.about_day, url=occasion.url,
                            created_at=now)
        session.add(reminder)
        written += 1
        if reading.reachable:  # without a channel it shows on the start page only
            notify_user(session, reading.user, key=outbox_key(occasion.key), kind=occasion.kind.value,
                        url=occasion.url, params=_params(occasion), topic=occasion.topic, not_before=reminder.due_at)
        if occasion.kind in RELATIVES_TOLD:
            notify_relatives(session, reading.patient, reminder, outbox_key(occasion.key))
    session.flush()
    log.info("reminders: %d written, %d closed", written, closed)
    return written


OUTREACH_JOBS.append(write_reminders)
