"""Every patient's reminder state, read in a handful of queries for the whole clinic population (the
clock runs this hourly for 10,000 patients: one query per kind of record, never one per patient).

Each value is handed to the rule that owns it, exactly as the pages do: the hold to
`domain.dose_hold.dose_hold_state` (what `injections.hold.hold_state` asks), the supply to
`domain.supply` (as `pharmacy.forecast.patient_supply`), the checks to `risk.records.monitoring_calendar`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import DateTime, func, type_coerce
from sqlmodel import Session, select

from ..checks import last_doses
from ..domain import schedule, supply
from ..domain.dose_hold import HoldRecord, dose_hold_state
from ..domain.reminders import PatientState, ReminderTimes
from ..models import (
    INJECTION_COUNTS,
    PICKUP_COUNTS,
    SUPERVISED_COUNTS,
    DoseHold,
    Injection,
    JcvResult,
    MonitoringCheck,
    NotificationPrefs,
    Patient,
    Pickup,
    Prescription,
    PushSubscription,
    SupervisedDose,
    User,
)
from ..risk.records import CheckFacts, JcvFacts, monitoring_calendar


@dataclass(frozen=True)
class PatientReading:
    patient: Patient
    user: User
    prefs: NotificationPrefs  # the stored row, or the defaults
    state: PatientState
    times: ReminderTimes
    reachable: bool  # notify.has_channel: some channel is on; without one only the start page shows it


def _grouped(rows, value=lambda row: row[1]) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(value(row))
    return grouped


def _aware(moment: datetime) -> datetime:
    """A stored UTC moment as aware UTC (SQLite returns it naive, PostgreSQL may return it aware)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def times_of(prefs: NotificationPrefs | None) -> ReminderTimes:
    if prefs is None:
        return ReminderTimes()
    return ReminderTimes(evening=prefs.evening_time, morning=prefs.morning_time,
                         quiet_start=prefs.quiet_start, quiet_end=prefs.quiet_end)


def _holds(session: Session) -> dict[int, list[HoldRecord]]:
    rows = session.exec(select(DoseHold.patient_id, DoseHold.placed_at, DoseHold.source, DoseHold.lifted_at)
                        .where(DoseHold.lifted_at.is_(None))).all()
    return _grouped(rows, lambda row: HoldRecord(row[1], row[2], row[3]))


def _home_doses(session: Session) -> dict[int, tuple[int, int]]:
    """(full, partial) home doses per patient: doses at the clinic use the clinic's stock (forecast.py)."""
    full_dose = Injection.syringes >= schedule.SYRINGES_PER_DOSE
    rows = session.exec(select(Injection.patient_id, full_dose, func.count())
                        .where(Injection.place == "home", *INJECTION_COUNTS)
                        .group_by(Injection.patient_id, full_dose)).all()
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for patient_id, full, number in rows:
        counts[patient_id][0 if full else 1] += number
    return {patient_id: (full, partial) for patient_id, (full, partial) in counts.items()}


def _supply(session: Session) -> tuple[dict[int, int], dict[int, date]]:
    picked = dict(session.exec(select(Pickup.patient_id, func.sum(Pickup.syringes))
                               .where(*PICKUP_COUNTS).group_by(Pickup.patient_id)).all())
    # the prescription that lasts longest drives the warnings (pharmacy/forecast.py)
    valid = dict(session.exec(select(Prescription.patient_id, func.max(Prescription.valid_until))
                              .where(Prescription.withdrawn_at.is_(None)).group_by(Prescription.patient_id)).all())
    return picked, valid


def order_by(picked: int | None, doses: tuple[int, int] | None, last_dose: datetime | None,
             patient: Patient, today: date) -> date | None:
    """The order-by day exactly as pharmacy/forecast.patient_supply computes it (domain/supply.py)."""
    full, partial = doses or (0, 0)
    if not (picked or full or partial):
        return None
    on_hand = supply.syringes_on_hand(int(picked or 0), full, partial)
    next_due = schedule.next_dose_due(last_dose, patient.dose_interval_weeks) if last_dose else None
    status = supply.supply_status(on_hand, next_due or today, patient.dose_interval_weeks, today,
                                  lead_days=patient.order_lead_days)
    return status.order_by


class MonitoringRecords:
    """JCV results, checks done and dose days of every patient. Read as plain Core rows: half a million
    doses through the ORM's row machinery would cost most of the job's time."""

    def __init__(self, session: Session):
        connection = session.connection()
        jcv = connection.execute(select(JcvResult.patient_id, JcvResult.tested_on, JcvResult.positive,
                                        JcvResult.jcv_index, JcvResult.recorded_at, JcvResult.id)).all()
        self.jcv = _grouped(jcv, lambda row: tuple(row[1:]))
        self.checks = _grouped(connection.execute(select(MonitoringCheck.patient_id, MonitoringCheck.kind,
                                                         MonitoringCheck.done_on)).all(),
                               lambda row: CheckFacts(row[1], row[2]))
        self.dose_days = _grouped(connection.execute(select(SupervisedDose.patient_id, SupervisedDose.given_on)
                                                     .where(*SUPERVISED_COUNTS)).all())
        # the stored naive UTC value (no per-row conversion by the column type), made aware once here
        given_at = type_coerce(Injection.given_at, DateTime)
        for patient_id, moment in connection.execute(select(Injection.patient_id, given_at).where(*INJECTION_COUNTS)):
            self.dose_days[patient_id].append(schedule.dose_day(_aware(moment)))

    def checks_due(self, session: Session, patient: Patient, today: date) -> tuple[tuple[str, date], ...]:
        results = sorted(self.jcv.get(patient.id, []), key=lambda r: (r[0], r[3], r[4]), reverse=True)
        latest = JcvFacts(results[0][1], results[0][2], results[0][0]) if results else None
        calendar = monitoring_calendar(
            session, patient, today, jcv=latest, checks=self.checks.get(patient.id, []),
            jcv_dates=[r[0] for r in results], dose_days=sorted(self.dose_days.get(patient.id, [])))
        return tuple((row.kind.value, row.due_on) for row in calendar.rows if row.due_on is not None)


def patient_readings(session: Session, today: date) -> Iterator[PatientReading]:
    """Every patient with a user, in id order, with what the reminder rules need."""
    prefs = {row.user_id: row for row in session.exec(select(NotificationPrefs)).all()}
    subscribed = set(session.exec(select(PushSubscription.user_id).distinct()).all())
    last = last_doses(session)
    holds = _holds(session)
    doses = _home_doses(session)
    picked, valid = _supply(session)
    monitoring = MonitoringRecords(session)
    for patient, user in session.exec(select(Patient, User).join(User, Patient.user_id == User.id)
                                      .order_by(Patient.id)).all():
        on_hold = dose_hold_state(holds[patient.id]).on_hold if patient.id in holds else False
        state = PatientState(
            patient_id=patient.id, home_approved=patient.home_approved, dose_on_hold=on_hold,
            last_dose=last.get(patient.id), interval_weeks=patient.dose_interval_weeks,
            order_by=order_by(picked.get(patient.id), doses.get(patient.id), last.get(patient.id), patient, today),
            prescription_valid_until=valid.get(patient.id),
            checks_due=monitoring.checks_due(session, patient, today),
        )
        user_prefs = prefs.get(user.id) or NotificationPrefs(user_id=user.id)
        # the same question as notify.has_channel, answered from what was read for everyone
        reachable = bool((user_prefs.email and user.email) or (user_prefs.push and user.id in subscribed))
        yield PatientReading(patient=patient, user=user, prefs=user_prefs, state=state, times=times_of(user_prefs),
                             reachable=reachable)
