"""Demo clinics, accounts and history: only in demo mode (APP_ENV=development), never in production."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session, select

from .models import Clinic, Patient, Role, User

DEMO_PASSWORDS = {"nurse-demo-2026", "patient-demo-2026"}

CLINICS = [
    {"name": "Demo MS-poliklinikk", "phone": "+47 22 00 00 00", "opening_hours": "08:00–15:30",
     "triage_email": "triage@example.org"},
    {"name": "Demo Nevrologisk poliklinikk Nord", "phone": "+47 77 00 00 00", "opening_hours": "08:00–15:00",
     "triage_email": "triage-nord@example.org"},
]

# (email, name, role, locale, clinic index, password)
ACCOUNTS = [
    ("nurse@example.org", "Nina Sykepleier", Role.NURSE, "nb", 0, "nurse-demo-2026"),
    ("patient@example.org", "Per Pasient", Role.PATIENT, "nb", 0, "patient-demo-2026"),
    ("patient.en@example.org", "Emma English", Role.PATIENT, "en", 0, "patient-demo-2026"),
    ("nurse2@example.org", "Nils Nord", Role.NURSE, "nb", 1, "nurse-demo-2026"),
    ("patient2@example.org", "Kari Nord", Role.PATIENT, "nb", 1, "patient-demo-2026"),
]


def load_demo_data(session: Session, passwords, today: date | None = None) -> bool:
    """Create the demo clinics and accounts. Idempotent: returns False when they already exist."""
    if session.exec(select(User).where(User.email == ACCOUNTS[0][0])).first():
        return False
    today = today or datetime.now(UTC).date()
    clinics = [Clinic(**fields) for fields in CLINICS]
    session.add_all(clinics)
    session.flush()
    hashes = {pw: passwords.hash(pw) for pw in DEMO_PASSWORDS}
    nurses: dict[int, User] = {}
    for email, name, role, locale, clinic_index, password in ACCOUNTS:
        user = User(email=email, full_name=name, role=role, locale=locale,
                    clinic_id=clinics[clinic_index].id, password_hash=hashes[password])
        session.add(user)
        session.flush()
        if role == Role.NURSE:
            nurses[clinic_index] = user
            continue
        # About a year of treatment: six supervised doses, training, then home injections.
        start = today - timedelta(days=364)
        patient = Patient(
            user_id=user.id, clinic_id=user.clinic_id, birth_year=1985, treatment_start=start,
            training_done_on=start + timedelta(weeks=20),
            home_approved_at=datetime.combine(start + timedelta(weeks=20), datetime.min.time(), UTC),
            home_approved_by_id=nurses[clinic_index].id,
        )
        session.add(patient)
    session.commit()
    return True
