"""Supply history for the pharmacy tests: a demo patient's doses, pickups and H-resepts, relative to today."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import delete
from sqlmodel import Session, select

from webapp.domain.clock import local_date, utc_now
from webapp.domain.supply import prescription_valid_until
from webapp.models import Flag, FlagEvent, Injection, Patient, Pickup, Prescription, User


def today() -> date:
    return local_date(utc_now())


def patient_of(session: Session, email: str = "patient@example.org") -> Patient:
    user = session.exec(select(User).where(User.email == email)).one()
    return session.exec(select(Patient).where(Patient.user_id == user.id)).one()


def clear_supply(session: Session, patient: Patient) -> None:
    """Remove the demo history, so that a test sets up exactly what it needs."""
    flag_ids = select(Flag.id).where(Flag.patient_id == patient.id)
    session.exec(delete(FlagEvent).where(FlagEvent.flag_id.in_(flag_ids)))
    for table in (Flag, Pickup, Injection, Prescription):
        session.exec(delete(table).where(table.patient_id == patient.id))
    session.commit()


def add_dose(session: Session, patient: Patient, days_ago: int, syringes: int = 2, place: str = "home",
             **fields) -> Injection:
    day = today() - timedelta(days=days_ago)
    injection = Injection(
        patient_id=patient.id, client_id=str(uuid.uuid4()), given_at=datetime.combine(day, time(10, 0), UTC),
        place=place, site_1="thigh_left", site_2="abdomen_right" if syringes == 2 else None, syringes=syringes,
        created_by_id=patient.user_id, **fields,
    )
    session.add(injection)
    session.commit()
    return injection


def add_pickup(session: Session, patient: Patient, days_ago: int, syringes: int = 6, **fields) -> Pickup:
    pickup = Pickup(patient_id=patient.id, client_id=str(uuid.uuid4()),
                    picked_up_on=today() - timedelta(days=days_ago), pharmacy="Apotek 1 Test", syringes=syringes,
                    **fields)
    session.add(pickup)
    session.commit()
    return pickup


def add_prescription(session: Session, patient: Patient, issued_days_ago: int, confirmed: bool = True,
                     valid_until: date | None = None) -> Prescription:
    issued = today() - timedelta(days=issued_days_ago)
    prescription = Prescription(
        patient_id=patient.id, issued_on=issued, valid_until=valid_until or prescription_valid_until(issued),
        clinic_name="Demo MS-poliklinikk", entered_by_id=patient.user_id,
        confirmed_by_id=patient.home_approved_by_id if confirmed else None,
        confirmed_at=utc_now() if confirmed else None,
    )
    session.add(prescription)
    session.commit()
    return prescription


def flags(session: Session, patient: Patient, source: str = "supply") -> list[Flag]:
    session.expire_all()
    return session.exec(
        select(Flag).where(Flag.patient_id == patient.id, Flag.source == source).order_by(Flag.id)
    ).all()
