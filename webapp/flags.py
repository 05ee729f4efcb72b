"""Raising flags for the nurse: one place, so that every flag gets its due time, its first event and,
when it was raised by a date-driven check, is raised only once (dedupe key)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app
from sqlmodel import Session, select

from .domain.levels import Level
from .domain.working_days import callback_due
from .models import Clinic, Flag, FlagEvent, FlagStatus, Patient


def clinic_closes_at(session: Session, patient: Patient):
    """The patient's clinic's closing time: an urgent callback is due before it (walk defect 15)."""
    clinic = session.get(Clinic, patient.clinic_id)
    return clinic.closes_at if clinic is not None else None


def raise_flag(
    session: Session,
    patient: Patient,
    *,
    source: str,
    code: str,
    level: Level | str,
    dedupe_key: str | None = None,
    symptom_report_id: int | None = None,
    injection_id: int | None = None,
    now: datetime | None = None,
    note: str = "",
) -> Flag | None:
    """Store a new open flag, or nothing when a flag with the same dedupe key exists (any status).

    The caller commits. `none` never raises a flag: only the levels a nurse acts on do.
    """
    level = Level(level)
    if level == Level.NONE:
        return None
    if dedupe_key is not None:
        if session.exec(select(Flag.id).where(Flag.dedupe_key == dedupe_key)).first() is not None:
            return None
    now = now or datetime.now(UTC)
    due_by = callback_due(level, now, clinic_closes_at(session, patient))
    flag = Flag(
        patient_id=patient.id, clinic_id=patient.clinic_id, source=source, code=code, level=level,
        status=FlagStatus.OPEN, dedupe_key=dedupe_key, created_at=now, due_by=due_by,
        symptom_report_id=symptom_report_id, injection_id=injection_id,
    )
    session.add(flag)
    session.flush()
    session.add(FlagEvent(flag_id=flag.id, at=now, kind="created", note=note))
    # Listeners, e.g. the e-mail to the clinic's triage address, registered by create_app.
    for listener in current_app.extensions.get("flag_listeners", ()):
        listener(flag)
    return flag
