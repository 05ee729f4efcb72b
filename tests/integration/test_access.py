"""Who may open what: roles, clinics and the audit log (issue 2)."""

from __future__ import annotations

import pytest
from sqlmodel import select

from webapp.models import AuditEvent, Patient, User

NURSE_PAGES = ["/nurse/", "/nurse/patients/new", "/nurse/patients/1"]
SIGNED_IN_PAGES = ["/", "/auth/password", *NURSE_PAGES]


def patient_id(db_session, email: str) -> int:
    user = db_session.exec(select(User).where(User.email == email)).one()
    return db_session.exec(select(Patient).where(Patient.user_id == user.id)).one().id


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_a_signed_out_visitor_is_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.location.startswith("/auth/login")


@pytest.mark.parametrize("path", NURSE_PAGES)
def test_a_patient_cannot_open_a_nurse_page(client, auth, path):
    auth.login("patient")
    assert client.get(path).status_code == 403


def test_a_patient_cannot_create_patients(client, auth, db_session):
    auth.login("patient")
    response = client.post("/nurse/patients/new", data={"full_name": "X", "email": "x@example.org", "language": "nb"})
    assert response.status_code == 403
    assert db_session.exec(select(User).where(User.email == "x@example.org")).first() is None


def test_a_nurse_sees_only_the_patients_of_her_clinic(client, auth):
    auth.login("nurse")
    page = client.get("/nurse/").text
    assert "Per Pasient" in page and "Emma English" in page
    assert "Kari Nord" not in page


def test_a_nurse_of_another_clinic_cannot_open_a_patient(client, auth, db_session):
    other_clinics_patient = patient_id(db_session, "patient@example.org")
    auth.login("nurse2")
    assert client.get(f"/nurse/patients/{other_clinics_patient}").status_code == 404
    assert client.post(f"/nurse/patients/{other_clinics_patient}/invitation").status_code == 404


def test_every_read_of_a_patient_by_a_nurse_is_audited(client, auth, db_session):
    pid = patient_id(db_session, "patient@example.org")
    auth.login("nurse")
    client.get(f"/nurse/patients/{pid}")
    client.get(f"/nurse/patients/{pid}")
    events = db_session.exec(select(AuditEvent).where(AuditEvent.patient_id == pid)).all()
    nurse = db_session.exec(select(User).where(User.email == "nurse@example.org")).one()
    assert [(e.action, e.actor_id) for e in events] == [("read", nurse.id), ("read", nurse.id)]


def test_a_refused_read_leaves_no_audit_event_for_the_patient(client, auth, db_session):
    pid = patient_id(db_session, "patient@example.org")
    auth.login("nurse2")
    client.get(f"/nurse/patients/{pid}")
    assert db_session.exec(select(AuditEvent).where(AuditEvent.patient_id == pid)).all() == []
