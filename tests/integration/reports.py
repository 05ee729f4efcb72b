"""Helpers for the symptom and triage tests (issue 4): send a report as a patient, find rows."""

from __future__ import annotations

import uuid

from sqlmodel import select

from webapp.domain.clock import local_date, utc_now
from webapp.models import Flag, Patient, SymptomReport, User

NO_TO_ALL = {"within_2h": "no", "sudden_onset": "no", "lasted_over_24h": "no", "getting_worse": "no", "fever": "no"}


def send_report(client, codes=(), *, client_id: str | None = None, free_text: str = "", **answers):
    data = {"client_id": client_id or str(uuid.uuid4()), "started_on": local_date(utc_now()).isoformat(),
            "codes": list(codes), "free_text": free_text, **NO_TO_ALL, **answers}
    return client.post("/symptoms/new", data=data)


def patient_of(db_session, email: str) -> Patient:
    user = db_session.exec(select(User).where(User.email == email)).one()
    return db_session.exec(select(Patient).where(Patient.user_id == user.id)).one()


def user_of(db_session, email: str) -> User:
    return db_session.exec(select(User).where(User.email == email)).one()


def reports_of(db_session, patient: Patient) -> list[SymptomReport]:
    db_session.expire_all()
    return list(db_session.exec(select(SymptomReport).where(SymptomReport.patient_id == patient.id)
                                .order_by(SymptomReport.id)).all())


def flag_of(db_session, report: SymptomReport) -> Flag | None:
    db_session.expire_all()
    return db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).first()
