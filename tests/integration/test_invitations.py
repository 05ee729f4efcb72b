"""A nurse creates a patient and a single-use invitation link valid for 7 days (issue 2)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from tests.conftest import DEMO
from webapp.models import AuditEvent, Invitation, Patient, User

NEW_PATIENT = {"full_name": "Ola Nordmann", "email": "ola@example.org", "language": "en",
               "birth_year": "1980", "treatment_start": "2025-01-15"}


def invite(client, auth, **overrides) -> str:
    auth.login("nurse")
    response = client.post("/nurse/patients/new", data={**NEW_PATIENT, **overrides})
    assert response.status_code == 302, response.text  # post-redirect-get (walk defect 26)
    response = client.get(response.location)
    assert response.status_code == 200
    link = re.search(r'value="(http://localhost/auth/invite/[^"]+)"', response.text).group(1)
    auth.logout()
    return link.removeprefix("http://localhost")


def accept(client, path, password="ola-sitt-passord", language="nb"):
    return client.post(path, data={"password": password, "confirm": password, "language": language})


def test_a_nurse_creates_a_patient_in_her_clinic_with_an_invitation(client, auth, db_session):
    invite(client, auth)
    user = db_session.exec(select(User).where(User.email == "ola@example.org")).one()
    nurse = db_session.exec(select(User).where(User.email == "nurse@example.org")).one()
    patient = db_session.exec(select(Patient).where(Patient.user_id == user.id)).one()
    assert user.role == "patient" and user.password_hash is None
    assert patient.clinic_id == nurse.clinic_id
    assert patient.treatment_start.isoformat() == "2025-01-15"
    invitation = db_session.exec(select(Invitation).where(Invitation.user_id == user.id)).one()
    assert timedelta(days=6, hours=23) < invitation.expires_at - datetime.now(UTC) <= timedelta(days=7)
    assert [e.action for e in db_session.exec(select(AuditEvent).where(AuditEvent.patient_id == patient.id)
                                              .order_by(AuditEvent.id)).all()][0] == "create"


def test_the_invitation_sets_password_and_language_and_signs_in(client, auth, db_session):
    path = invite(client, auth)
    assert client.get(path).status_code == 200
    response = accept(client, path, language="en")
    assert response.location == "/"
    assert "Hello, Ola Nordmann" in client.get("/").text
    auth.logout()
    assert client.post("/auth/login", data={"email": "ola@example.org", "password": "ola-sitt-passord"}).location == "/"


def test_the_invitation_works_only_once(client, auth):
    path = invite(client, auth)
    accept(client, path)
    auth.logout()
    assert client.get(path).status_code == 410  # gone: used
    assert accept(client, path, password="someone-elses-password").status_code == 410
    assert client.post("/auth/login", data={"email": "ola@example.org", "password": "someone-elses-password"}
                       ).status_code == 422


def test_the_invitation_stops_working_after_7_days(client, auth, db_session):
    path = invite(client, auth)
    invitation = db_session.exec(select(Invitation)).one()
    invitation.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    db_session.add(invitation)
    db_session.commit()
    response = client.get(path)
    assert response.status_code == 410
    assert "Lenken virker ikke lenger" in response.text
    assert accept(client, path).status_code == 410


def test_a_new_invitation_replaces_the_old_one(client, auth, db_session):
    old = invite(client, auth)
    patient = db_session.exec(select(Patient).join(User, Patient.user_id == User.id).where(User.email == "ola@example.org")).one()
    auth.login("nurse")
    response = client.post(f"/nurse/patients/{patient.id}/invitation", follow_redirects=True)
    new = re.search(r'value="http://localhost(/auth/invite/[^"]+)"', response.text).group(1)
    auth.logout()
    assert client.get(old).status_code == 410
    assert client.get(new).status_code == 200


def test_an_unknown_token_is_refused(client):
    assert client.get("/auth/invite/not-a-token").status_code == 404
    assert client.get("/auth/invite/" + "x" * 5000).status_code == 404


def test_a_duplicate_email_is_refused_next_to_the_field_keeping_what_was_typed(client, auth):
    auth.login("nurse")
    response = client.post("/nurse/patients/new", data={**NEW_PATIENT, "email": "patient@example.org"})
    assert response.status_code == 422
    assert "Det finnes allerede en konto med denne e-postadressen." in response.text
    assert 'value="Ola Nordmann"' in response.text


def test_bad_values_are_refused_next_to_their_fields(client, auth):
    auth.login("nurse")
    response = client.post("/nurse/patients/new", data={
        **NEW_PATIENT, "email": "not-an-address", "birth_year": "abc", "treatment_start": "2999-01-01"})
    assert response.status_code == 422
    assert "Skriv en gyldig e-postadresse" in response.text
    assert "Datoen kan ikke være fram i tid." in response.text
    assert 'value="not-an-address"' in response.text


# ---------------------------------------------------------------- security finding 12
@pytest.mark.parametrize("email", ["patient@example.org", "nurse@example.org", "PATIENT.EN@Example.org "])
def test_new_patient_never_tells_of_an_account_at_another_clinic(client, auth, db_session, email):
    # nurse2 works at clinic 2; these addresses have accounts at clinic 1. Before: 422 "there is already an
    # account", which told her that her neighbour is treated with natalizumab at another hospital.
    auth.login("nurse2")
    response = client.post("/nurse/patients/new", data={**NEW_PATIENT, "email": email})
    assert response.status_code == 302 and response.location.endswith("/link"), response.text[:300]
    nurse2 = db_session.exec(select(User).where(User.email == "nurse2@example.org")).one()
    address = email.strip().lower()
    accounts = db_session.exec(select(User).where(User.email == address)).all()
    assert sorted(a.clinic_id for a in accounts) == sorted({accounts[0].clinic_id, nurse2.clinic_id})
    assert db_session.exec(select(AuditEvent).where(AuditEvent.actor_id == nurse2.id,
                                                    AuditEvent.target == "patient:address_used_elsewhere")).one()


def test_a_patient_with_an_account_at_two_clinics_signs_in_to_the_one_whose_password_she_gives(client, auth,
                                                                                                db_session):
    auth.login("nurse2")
    response = client.post("/nurse/patients/new", data={**NEW_PATIENT, "email": "patient@example.org"})
    page = client.get(response.location).text
    path = re.search(r'value="http://localhost(/auth/invite/[^"]+)"', page).group(1)
    auth.logout()
    assert accept(client, path, password="ny-klinikk-fjelltur-ved-sjoen").status_code == 302
    client.post("/auth/logout")
    nurse2 = db_session.exec(select(User).where(User.email == "nurse2@example.org")).one()
    for password, clinic_id in (("ny-klinikk-fjelltur-ved-sjoen", nurse2.clinic_id), (DEMO["patient"][1], 1)):
        assert client.post("/auth/login", data={"email": "patient@example.org", "password": password}).status_code == 302
        with client.session_transaction() as session:
            user = db_session.get(User, int(session["_user_id"].split(".")[0]))
        assert user.clinic_id == clinic_id
        client.post("/auth/logout")
