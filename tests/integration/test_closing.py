"""Closing an account (issue 15 §4): the patient asks with her password, the clinic sees a flag, an admin of
her clinic confirms; every way in ends and the contact data goes, the health record stays."""

from __future__ import annotations

from sqlmodel import select

from tests.conftest import DEMO
from webapp.models import AuditEvent, Flag, Injection, PushSubscription, SymptomReport, User

from .reports import patient_of

ASK = {"understood": "y", "password": DEMO["patient"][1]}


def test_the_patient_asks_with_her_password_and_the_clinic_gets_a_routine_flag(client, auth, db_session):
    auth.login("patient")
    page = client.get("/my-data/close-account")
    assert page.status_code == 200 and "Be klinikken stenge kontoen min" in page.text
    wrong = client.post("/my-data/close-account", data={**ASK, "password": "not it"})
    assert wrong.status_code == 422 and "Passordet er feil" in wrong.text
    unticked = client.post("/my-data/close-account", data={"password": ASK["password"]})
    assert unticked.status_code == 422 and "Kryss av" in unticked.text
    assert client.post("/my-data/close-account", data=ASK).status_code == 302
    assert client.post("/my-data/close-account", data=ASK).status_code == 200  # a second tap: one request
    patient = patient_of(db_session, "patient@example.org")
    db_session.refresh(patient)
    assert patient.closing_requested_at is not None and patient.closed_at is None
    flags = db_session.exec(select(Flag).where(Flag.patient_id == patient.id,
                                               Flag.code == "account_closing_requested")).all()
    assert [f.level for f in flags] == ["routine"]
    auth.logout()
    auth.login("nurse")
    assert "Ber om å stenge kontoen" in client.get("/nurse/queue").text


def test_a_withdrawn_request_cannot_be_confirmed(client, auth, db_session):
    auth.login("patient")
    client.post("/my-data/close-account", data=ASK)
    assert client.post("/my-data/close-account/withdraw").status_code == 302
    patient = patient_of(db_session, "patient@example.org")
    auth.logout()
    auth.login("nurse")
    client.post(f"/nurse/patients/{patient.id}/close-account")
    db_session.refresh(patient)
    assert patient.closed_at is None and patient.user.active


def test_only_an_admin_of_her_clinic_confirms_and_then_every_way_in_ends(client, auth, db_session):
    auth.login("patient")
    client.post("/my-data/close-account", data=ASK)
    patient = patient_of(db_session, "patient@example.org")
    db_session.add(PushSubscription(user_id=patient.user_id, endpoint="https://push.example/abc",
                                    p256dh="x", auth="y"))
    db_session.commit()
    doses = len(db_session.exec(select(Injection).where(Injection.patient_id == patient.id)).all())
    reports = len(db_session.exec(select(SymptomReport).where(SymptomReport.patient_id == patient.id)).all())
    patient_client = client.application.test_client()
    assert patient_client.post("/auth/login", data={"email": DEMO["patient"][0],
                                                    "password": DEMO["patient"][1]}).status_code == 302
    auth.logout()
    auth.login("nurse2")  # another clinic
    assert client.post(f"/nurse/patients/{patient.id}/close-account").status_code in (403, 404)  # not her clinic
    auth.logout()
    auth.login("nurse")
    page = client.get(f"/nurse/patients/{patient.id}").text
    assert "Pasienten ba" in page and "Steng kontoen" in page
    assert client.post(f"/nurse/patients/{patient.id}/close-account").status_code == 302
    db_session.expire_all()
    user = db_session.get(User, patient.user_id)
    patient = patient_of(db_session, user.email)
    assert patient.closed_at is not None and not user.active and user.password_hash is None
    assert user.email == f"closed-{user.id}@closed.invalid" and patient.phone == ""
    assert db_session.exec(select(PushSubscription).where(PushSubscription.user_id == user.id)).all() == []
    # the health record stays
    assert len(db_session.exec(select(Injection).where(Injection.patient_id == patient.id)).all()) == doses
    assert len(db_session.exec(select(SymptomReport).where(SymptomReport.patient_id == patient.id)).all()) == reports
    assert patient_client.get("/").status_code == 302  # her open session ended
    auth.logout()
    assert auth.login("patient").status_code == 422  # the old address and password no longer sign in
    assert db_session.exec(select(AuditEvent).where(AuditEvent.action == "close_account",
                                                    AuditEvent.patient_id == patient.id)).one()


def test_a_nurse_who_is_not_admin_sees_the_request_but_cannot_close(client, auth, db_session):
    auth.login("patient2")
    client.post("/my-data/close-account", data={"understood": "y", "password": DEMO["patient2"][1]})
    patient = patient_of(db_session, "patient2@example.org")
    auth.logout()
    auth.login("nurse2")  # clinic 2's nurse is no admin in the demo
    assert "En administrator ved klinikken bekrefter det." in client.get(f"/nurse/patients/{patient.id}").text
    assert client.post(f"/nurse/patients/{patient.id}/close-account").status_code == 403
