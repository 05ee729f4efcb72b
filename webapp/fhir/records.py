"""One patient's rows for a period, for the Bundle and the CSV files: one query per kind of record, so an
export of five years costs the same number of queries as one of a month (STYLE habit 17)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import select

from .. import db
from ..domain.clock import local_date
from ..models import INJECTION_COUNTS, PICKUP_COUNTS, Flag, FlagEvent, Injection, JcvResult, Patient, Pickup, SymptomReport
from .bundle import PatientRecord
from .period import Period

CALL_KINDS = ("call_reached", "call_no_answer")


def record_start(patient: Patient) -> date:
    """The first day of the record: the treatment start, the enrolment, or the oldest dose, pickup, report or
    JCV test if earlier (a JCV test is often taken before the first dose)."""
    session = db.session()
    days = [local_date(patient.created_at)]
    if patient.treatment_start:
        days.append(patient.treatment_start)
    for column, owner in ((Injection.given_at, Injection.patient_id), (SymptomReport.reported_at, SymptomReport.patient_id)):
        first = session.exec(select(func.min(column)).where(owner == patient.id)).one()
        if first is not None:
            days.append(local_date(first))
    for column, owner in ((Pickup.picked_up_on, Pickup.patient_id), (JcvResult.tested_on, JcvResult.patient_id)):
        first = session.exec(select(func.min(column)).where(owner == patient.id)).one()
        if first is not None:
            days.append(first)
    return min(days)


def load_record(patient: Patient, period: Period) -> PatientRecord:
    """The counted doses and pickups (corrections replace, withdrawn ones are out), and every report, JCV
    result, flag and call of the period."""
    session = db.session()
    start, end = period.start_utc, period.end_utc
    injections = session.exec(select(Injection).where(
        Injection.patient_id == patient.id, *INJECTION_COUNTS, Injection.given_at >= start, Injection.given_at < end,
    ).order_by(Injection.given_at, Injection.id)).all()
    pickups = session.exec(select(Pickup).where(
        Pickup.patient_id == patient.id, *PICKUP_COUNTS,
        Pickup.picked_up_on >= period.start, Pickup.picked_up_on <= period.end,
    ).order_by(Pickup.picked_up_on, Pickup.id)).all()
    reports = session.exec(select(SymptomReport).where(
        SymptomReport.patient_id == patient.id, SymptomReport.reported_at >= start, SymptomReport.reported_at < end,
    ).order_by(SymptomReport.reported_at, SymptomReport.id)).all()
    jcv_results = session.exec(select(JcvResult).where(
        JcvResult.patient_id == patient.id, JcvResult.tested_on >= period.start, JcvResult.tested_on <= period.end,
    ).order_by(JcvResult.tested_on, JcvResult.id)).all()
    flags = session.exec(select(Flag).where(
        Flag.patient_id == patient.id, Flag.created_at >= start, Flag.created_at < end,
    ).order_by(Flag.created_at, Flag.id)).all()
    calls = session.exec(select(FlagEvent).join(Flag, FlagEvent.flag_id == Flag.id).where(
        Flag.patient_id == patient.id, FlagEvent.kind.in_(CALL_KINDS), FlagEvent.at >= start, FlagEvent.at < end,
    ).order_by(FlagEvent.at, FlagEvent.id)).all()
    return PatientRecord(patient=patient, user=patient.user, clinic_name=patient.clinic.name,
                         period_start=period.start, period_end=period.end, injections=list(injections),
                         pickups=list(pickups), reports=list(reports), jcv_results=list(jcv_results),
                         flags=list(flags), calls=list(calls))
