"""The next dose on hold, stored (facts §3 "Dose on hold"; rule in domain/dose_hold.py).

`hold_state` is THE question every place that offers or reminds of a dose asks: the start page, the
dose log, guided mode, the pre-dose check and the calendar feed today, and any reminder (push, e-mail)
added later must ask it too, so that a held dose is never offered anywhere.

Placing is idempotent: while a hold is open, another urgent report adds nothing (the reports and
flags are on the timeline). Lifting closes every open hold with the nurse, the time and the reason;
no row is ever deleted (DESIGN.md).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import bindparam
from sqlmodel import Session, select

from ..db import shared_read
from ..domain.dose_hold import (
    NOT_ON_HOLD,
    DoseHoldState,
    HoldRecord,
    HoldSource,
    dose_hold_state,
    outcome_holds_dose,
    report_hold_source,
)
from ..models import DoseHold, Flag, Patient, SymptomReport

# Built once (issue 7): a patient's open holds.
OPEN_HOLDS = (select(DoseHold).where(DoseHold.patient_id == bindparam("patient_id"), DoseHold.lifted_at.is_(None))
              .order_by(DoseHold.placed_at, DoseHold.id))


def open_holds(session: Session, patient_id: int) -> list[DoseHold]:
    return list(session.exec(OPEN_HOLDS, params={"patient_id": patient_id}).all())


def hold_state(session: Session, patient_id: int) -> DoseHoldState:
    """Whether the patient's next dose is on hold, since when and why; read once per request."""
    def read() -> DoseHoldState:
        holds = open_holds(session, patient_id)
        if not holds:
            return NOT_ON_HOLD
        return dose_hold_state(HoldRecord(h.placed_at, h.source, h.lifted_at) for h in holds)

    return shared_read(session, ("dose_hold", patient_id), read)


def first_open_hold(session: Session, patient_id: int) -> DoseHold | None:
    holds = open_holds(session, patient_id)
    return holds[0] if holds else None


def place_hold(
    session: Session,
    patient: Patient,
    source: HoldSource | str,
    *,
    symptom_report_id: int | None = None,
    flag_id: int | None = None,
    placed_by_id: int | None = None,
    now: datetime | None = None,
) -> DoseHold:
    """Put the next dose on hold, in the caller's transaction; the open hold when there is one already.
    The caller commits."""
    existing = first_open_hold(session, patient.id)
    if existing is not None:
        return existing
    hold = DoseHold(patient_id=patient.id, placed_at=now or datetime.now(UTC), source=HoldSource(source),
                    symptom_report_id=symptom_report_id, flag_id=flag_id, placed_by_id=placed_by_id)
    session.add(hold)
    session.flush()
    # no dose is reminded of while on hold (facts §3): unsent dose reminders are cancelled now, not at
    # the clock's next run (imported here: the reminders package reads holds itself)
    from ..reminders.records import close_dose_reminders

    close_dose_reminders(session, patient.id, now)
    return hold


def hold_after_report(session: Session, patient: Patient, report: SymptomReport, flag: Flag | None,
                      now: datetime | None = None) -> DoseHold | None:
    """An urgent or emergency report, or a pre-dose stop, holds the next dose (facts §3), except a report
    whose only urgent reason is self-harm thoughts (symptoms.md notes: no dose line there). `now` is when
    the report became urgent, if later than it was sent (a follow-up answered "worse", issue 12)."""
    source = report_hold_source(report.level, report.reasons, report.source, report.codes)
    if source is None:
        return None
    return place_hold(session, patient, source, symptom_report_id=report.id, flag_id=flag.id if flag else None,
                      placed_by_id=patient.user_id, now=now or report.reported_at)


def hold_after_outcome(session: Session, patient: Patient, flag: Flag, outcome: str, nurse_id: int,
                       now: datetime | None = None) -> DoseHold | None:
    """A nurse's outcome "the next dose waits until the patient is seen" holds the next dose (facts §3)."""
    if not outcome_holds_dose(outcome):
        return None
    # Once per flag: the outcome stays selected on the flag, so saving or resolving it again after a
    # nurse lifted its hold must not put the dose back on hold.
    placed = session.exec(select(DoseHold.id).where(DoseHold.flag_id == flag.id, DoseHold.source == HoldSource.NURSE))
    if placed.first() is not None:
        return None
    return place_hold(session, patient, HoldSource.NURSE, symptom_report_id=flag.symptom_report_id,
                      flag_id=flag.id, placed_by_id=nurse_id, now=now)


def lift_holds(session: Session, patient: Patient, nurse_id: int, reason: str, now: datetime | None = None) -> int:
    """A nurse lifts the hold with a reason: every open hold is closed, none deleted. The caller
    validates the reason (domain validate_lift_reason), audits and commits. Returns how many closed."""
    now = now or datetime.now(UTC)
    holds = open_holds(session, patient.id)
    for hold in holds:
        hold.lifted_at, hold.lifted_by_id, hold.lift_reason = now, nurse_id, reason.strip()
        session.add(hold)
    return len(holds)
