"""A patient with a schedule chosen so that every kind of reminder falls in March 2027 (tests only)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, select

from webapp.domain.clock import OSLO
from webapp.models import (
    Injection,
    JcvResult,
    MonitoringCheck,
    NotificationPrefs,
    Patient,
    Pickup,
    Prescription,
    Role,
    SupervisedDose,
    User,
)

START = date(2024, 9, 20)


def oslo(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), OSLO)


def make_patient(session: Session, *, email: str = "march@example.org", locale: str = "en",
                 last_dose: date = date(2027, 3, 3), prefs: dict | None = None) -> Patient:
    """Home-approved since 2025, last home dose on `last_dose` (due 28 days later), no syringes left
    (so the order-by day is 14 days before the next dose), H-resept valid until 20 April 2027, JCV tested
    15 Sep 2026, blood tests 22 Sep 2026, clinical check 2 Apr 2026, MRI (JCV-negative) 1 Oct 2026."""
    nurse = session.exec(select(User).where(User.role == Role.NURSE)).first()
    user = User(email=email, full_name="Mars Testesen", role=Role.PATIENT, locale=locale, clinic_id=nurse.clinic_id)
    session.add(user)
    session.flush()
    patient = Patient(user_id=user.id, clinic_id=user.clinic_id, treatment_start=START, training_done_on=START,
                      home_approved_at=datetime(2025, 3, 1, tzinfo=UTC), home_approved_by_id=nurse.id)
    session.add(patient)
    session.flush()
    for n in range(6):
        session.add(SupervisedDose(patient_id=patient.id, given_on=START + timedelta(weeks=4 * n), route="sc",
                                   recorded_by_id=nurse.id))
    for n, day in enumerate((last_dose - timedelta(days=28), last_dose)):
        add_dose(session, patient, oslo(day, 10), f"{email}-{n}")
    session.add(Pickup(patient_id=patient.id, client_id=f"{email}-pickup", picked_up_on=date(2027, 1, 20), syringes=4))
    session.add(Prescription(patient_id=patient.id, issued_on=date(2026, 4, 21), valid_until=date(2027, 4, 20),
                             entered_by_id=nurse.id))
    session.add(JcvResult(patient_id=patient.id, tested_on=date(2026, 9, 15), positive=False, recorded_by_id=nurse.id))
    for kind, done_on in (("blood_tests", date(2026, 9, 22)), ("clinical_check", date(2026, 4, 2)),
                          ("mri", date(2026, 10, 1)), ("neutralising_antibodies", date(2025, 3, 20)),
                          ("neutralising_antibodies", date(2025, 9, 20))):
        session.add(MonitoringCheck(patient_id=patient.id, kind=kind, done_on=done_on, recorded_by_id=nurse.id))
    session.add(NotificationPrefs(user_id=user.id, **(prefs or {})))
    session.commit()
    return patient


def add_dose(session: Session, patient: Patient, moment: datetime, client_id: str) -> Injection:
    dose = Injection(patient_id=patient.id, client_id=client_id, given_at=moment.astimezone(UTC),
                     site_1="thigh_left", site_2="thigh_right", created_by_id=patient.user_id)
    session.add(dose)
    session.flush()
    return dose
