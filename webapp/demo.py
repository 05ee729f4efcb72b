"""Demo clinics, accounts and history: only in demo mode (APP_ENV=development), never in production."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, select

from .domain import supply
from .models import Clinic, Injection, Patient, Pickup, Prescription, Role, User

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

# Supply history per patient (issue 5): the pharmacy, and how many days ago the current H-resept was
# issued. Per's was issued 11 months ago, so the renewal warning shows.
DEMO_SUPPLY = {
    "patient@example.org": ("Apotek 1 Storgata", 335),
    "patient.en@example.org": ("Vitusapotek Majorstuen", 150),
    "patient2@example.org": ("Boots apotek Tromsø", 60),
}


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
        session.flush()
        if user.email in DEMO_SUPPLY:
            _demo_injections(session, patient, today)
            _demo_supply(session, patient, *DEMO_SUPPLY[user.email], today)
    session.commit()
    return True


def _demo_injections(session: Session, patient: Patient, today: date) -> None:
    """A dose every 4 weeks for the last year, the latest 10 days ago, unless doses exist already."""
    if session.exec(select(Injection.id).where(Injection.patient_id == patient.id)).first() is not None:
        return
    for weeks_back in range(48, -1, -4):
        day = today - timedelta(days=10 + weeks_back * 7)
        session.add(Injection(
            patient_id=patient.id, client_id=str(uuid.uuid4()), given_at=datetime.combine(day, time(17, 0), UTC),
            site_1="thigh_left", site_2="abdomen_right", syringes=2, created_by_id=patient.user_id,
        ))
    session.flush()


def _demo_supply(session: Session, patient: Patient, pharmacy: str, issued_days_ago: int, today: date) -> None:
    """Two H-resepts (the earlier one expired) and pickups of 6 syringes, three doses each, matching the
    home doses: the latest pickup came before the latest dose, so 4 syringes (2 doses) are left."""
    nurse_id = patient.home_approved_by_id
    current_issued = today - timedelta(days=issued_days_ago)
    prescriptions = []
    for issued in (current_issued - timedelta(days=365), current_issued):
        prescription = Prescription(
            patient_id=patient.id, issued_on=issued, valid_until=supply.prescription_valid_until(issued),
            clinic_name=patient.clinic.name, entered_by_id=nurse_id,
            confirmed_by_id=nurse_id, confirmed_at=datetime.combine(issued, time(10, 0), UTC),
        )
        session.add(prescription)
        prescriptions.append(prescription)
    session.flush()
    doses = session.exec(
        select(Injection.given_at).where(
            Injection.patient_id == patient.id, Injection.place == "home",
            Injection.superseded_at.is_(None), Injection.withdrawn_at.is_(None),
        ).order_by(Injection.given_at)
    ).all()
    if not doses:
        return
    # (index of the first dose a pickup covers, syringes), newest first; the oldest covers what is left
    pickups = [(len(doses) - 1, supply.DEFAULT_PICKUP_SYRINGES)]
    while pickups[-1][0] > 0:
        end = pickups[-1][0]
        first = max(end - 3, 0)
        pickups.append((first, 2 * (end - first)))
    for first, syringes in pickups:
        day = doses[first].date() - timedelta(days=5)
        session.add(Pickup(
            patient_id=patient.id, client_id=str(uuid.uuid4()), picked_up_on=day, pharmacy=pharmacy,
            syringes=syringes,
            prescription_id=supply.prescription_for_pickup(((p.id, p.issued_on, p.valid_until) for p in prescriptions), day),
        ))
    session.flush()
