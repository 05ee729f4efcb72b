"""SQL statements per page for a patient with one month and one with five years of history.

Used by tests/integration/test_query_counts.py (the counts must be equal) and by bench/run.py (which
prints them).
"""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session, SQLModel, select

from tests.conftest import AuthActions
from tests.querycount import count_queries
from webapp import create_app
from webapp.config import TestConfig
from webapp.demo import load_demo_data
from webapp.models import Injection, Patient, Pickup, SymptomReport, User

PATIENT_PAGES = ["/", "/injections/", "/injections/new", "/symptoms/", "/pharmacy/", "/risk/"]
NURSE_PAGES = ["/nurse/", "/nurse/queue", "/nurse/patients/{id}", "/nurse/patients/{id}/timeline",
               "/nurse/patients/{id}/enrolment"]


def add_patient(session: Session, email: str, days_of_history: int, today: date) -> Patient:
    nurse = session.exec(select(User).where(User.email == "nurse@example.org")).one()
    user = User(email=email, full_name=email.split("@")[0], role="patient", clinic_id=nurse.clinic_id,
                password_hash=session.exec(select(User.password_hash).where(User.email == "patient@example.org")).one())
    session.add(user)
    session.flush()
    start = today - timedelta(days=days_of_history + 200)
    patient = Patient(user_id=user.id, clinic_id=nurse.clinic_id, treatment_start=start, training_done_on=start,
                      home_approved_at=datetime.now(UTC) - timedelta(days=days_of_history + 1),
                      home_approved_by_id=nurse.id)
    session.add(patient)
    session.flush()
    for n, days_ago in enumerate(range(days_of_history, 9, -28)):
        at = datetime.now(UTC) - timedelta(days=days_ago)
        session.add(Injection(patient_id=patient.id, client_id=f"{email}-{n}", given_at=at, site_1="thigh_left",
                              site_2="thigh_right", created_by_id=user.id))
        if n % 3 == 0:
            session.add(Pickup(patient_id=patient.id, client_id=f"{email}-p{n}", picked_up_on=at.date(), syringes=6))
        if n % 4 == 0:
            session.add(SymptomReport(patient_id=patient.id, client_id=f"{email}-s{n}", reported_at=at,
                                      codes=["fatigue"], level="routine", reasons=["item:fatigue"]))
    session.commit()
    return patient


def measure() -> dict[str, tuple[int, int]]:
    folder = tempfile.mkdtemp(prefix="natahjem-queries-")
    app = create_app(TestConfig, overrides={"DATABASE_URL": f"sqlite:///{folder}/q.db"})
    engine = app.extensions["db_engine"]
    SQLModel.metadata.create_all(engine)
    today = datetime.now(UTC).date()
    with Session(engine, expire_on_commit=False) as session:
        load_demo_data(session, app.extensions["passwords"])
        month = add_patient(session, "month@example.org", 30, today)
        years = add_patient(session, "years@example.org", 5 * 365, today)
    results: dict[str, tuple[int, int]] = {}
    for path in PATIENT_PAGES:
        counts = []
        for email in ("month@example.org", "years@example.org"):
            client = app.test_client()
            client.post("/auth/login", data={"email": email, "password": "patient-demo-2026"})
            client.post("/injections/check", data={"then": "log"})
            with count_queries(engine) as statements:
                status = client.get(path).status_code
            counts.append(len(statements) if status == 200 else None)
        if None not in counts:
            results[f"patient {path}"] = tuple(counts)
    nurse = app.test_client()
    AuthActions(nurse).login("nurse")
    for template in NURSE_PAGES:
        counts = []
        for patient in (month, years):
            with count_queries(engine) as statements:
                status = nurse.get(template.format(id=patient.id)).status_code
            counts.append(len(statements) if status == 200 else None)
        if None not in counts:
            results[f"nurse {template}"] = tuple(counts)
    engine.dispose()
    return results
