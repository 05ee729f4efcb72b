"""Enrolment for home treatment by the nurse (issue 3; facts H2-H4, I1-I3)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from webapp.models import AuditEvent, IntervalChange, Patient, SupervisedDose, User


@pytest.fixture
def new_patient(db_session) -> Patient:
    """A patient of the demo clinic with nothing recorded yet."""
    nurse = db_session.exec(select(User).where(User.email == "nurse@example.org")).one()
    user = User(email="ny@example.org", full_name="Ny Pasient", role="patient", clinic_id=nurse.clinic_id,
                password_hash=None)
    db_session.add(user)
    db_session.flush()
    patient = Patient(user_id=user.id, clinic_id=nurse.clinic_id)
    db_session.add(patient)
    db_session.commit()
    return patient


def add_doses(client, patient_id, n, reaction_on=None, first=0):
    start = date.today() - timedelta(weeks=30)
    for i in range(first, first + n):
        data = {"given_on": (start + timedelta(weeks=4 * i)).isoformat(), "route": "iv" if i == 0 else "sc"}
        if i == reaction_on:
            data.update(reaction="y", reaction_note="flushing")
        assert client.post(f"/nurse/patients/{patient_id}/supervised-doses", data=data).status_code == 302


def approve(client, patient_id):
    return client.post(f"/nurse/patients/{patient_id}/approve")


def test_approval_needs_six_supervised_doses_and_training(client, auth, db_session, new_patient):
    auth.login("nurse")
    page = client.get(f"/nurse/patients/{new_patient.id}/enrolment").text
    assert "0 av de 6 dosene med tilsyn er gitt." in page
    assert "Opplæring i injeksjon er ikke registrert som gjennomført." in page
    add_doses(client, new_patient.id, 5)
    approve(client, new_patient.id)
    db_session.refresh(new_patient)
    assert new_patient.home_approved_at is None
    add_doses(client, new_patient.id, 1, first=5)
    approve(client, new_patient.id)
    db_session.refresh(new_patient)
    assert new_patient.home_approved_at is None  # training still missing
    client.post(f"/nurse/patients/{new_patient.id}/training", data={"training_done_on": date.today().isoformat()})
    approve(client, new_patient.id)
    db_session.refresh(new_patient)
    nurse = db_session.exec(select(User).where(User.email == "nurse@example.org")).one()
    assert new_patient.home_approved_at is not None and new_patient.home_approved_by_id == nurse.id


def test_iv_and_sc_doses_count_together_and_set_the_treatment_start(client, auth, db_session, new_patient):
    auth.login("nurse")
    add_doses(client, new_patient.id, 6)
    doses = db_session.exec(select(SupervisedDose).where(SupervisedDose.patient_id == new_patient.id)).all()
    assert sorted(d.route for d in doses) == ["iv", "sc", "sc", "sc", "sc", "sc"]
    db_session.refresh(new_patient)
    assert new_patient.treatment_start == min(d.given_on for d in doses)


def test_a_reaction_during_a_supervised_dose_keeps_the_gate_closed_until_a_doctor_decides(
        client, auth, db_session, new_patient):
    auth.login("nurse")
    add_doses(client, new_patient.id, 6, reaction_on=2)
    client.post(f"/nurse/patients/{new_patient.id}/training", data={"training_done_on": date.today().isoformat()})
    approve(client, new_patient.id)
    db_session.refresh(new_patient)
    assert new_patient.home_approved_at is None
    assert "en lege må avgjøre først" in client.get(f"/nurse/patients/{new_patient.id}/enrolment").text
    client.post(f"/nurse/patients/{new_patient.id}/reaction-cleared", data={"note": "Dr. Hansen: mild, premedicate"})
    approve(client, new_patient.id)
    db_session.refresh(new_patient)
    assert new_patient.home_approved_at is not None


@pytest.mark.parametrize(
    ("weeks", "reason", "error"),
    [("3", "", "Intervallet kan ikke være kortere enn 4 uker."),
     ("8", "JCV index 1.2", "8 uker eller mer mellom dosene gir fare for rebound."),
     ("6", "", "Et lengre intervall må ha en begrunnelse."),
     ("99999999999", "", "Skriv et antall uker mellom 4 og 7."),
     ("abc", "", "Ikke en gyldig heltallsverdi")],
)
def test_an_interval_outside_the_rules_is_refused_next_to_the_field(client, auth, db_session, weeks, reason, error):
    patient = db_session.get(Patient, 1)
    auth.login("nurse")
    response = client.post(f"/nurse/patients/{patient.id}/interval", data={"weeks": weeks, "reason": reason})
    assert response.status_code == 422
    assert error in response.text
    db_session.refresh(patient)
    assert patient.dose_interval_weeks == 4


def test_a_longer_interval_with_a_reason_is_kept_with_who_and_when(client, auth, db_session):
    auth.login("nurse")
    response = client.post("/nurse/patients/1/interval", data={"weeks": "6", "reason": "JCV+ index 1.1, EID"})
    assert response.status_code == 302
    patient = db_session.get(Patient, 1)
    assert (patient.dose_interval_weeks, patient.interval_reason) == (6, "JCV+ index 1.1, EID")
    change = db_session.exec(select(IntervalChange).where(IntervalChange.patient_id == 1)).one()
    assert change.weeks == 6 and change.reason == "JCV+ index 1.1, EID"
    events = db_session.exec(select(AuditEvent).where(AuditEvent.patient_id == 1, AuditEvent.target == "interval")).all()
    assert len(events) == 1


def test_a_nurse_of_another_clinic_cannot_enrol_or_approve(client, auth, db_session, new_patient):
    auth.login("nurse2")
    assert client.get(f"/nurse/patients/{new_patient.id}/enrolment").status_code == 404
    assert client.post(f"/nurse/patients/{new_patient.id}/approve").status_code == 404
    assert client.post(f"/nurse/patients/{new_patient.id}/supervised-doses",
                       data={"given_on": "2026-01-01", "route": "sc"}).status_code == 404
    assert db_session.exec(select(SupervisedDose).where(SupervisedDose.patient_id == new_patient.id)).all() == []


def test_a_supervised_dose_in_the_future_is_refused(client, auth, new_patient):
    auth.login("nurse")
    response = client.post(f"/nurse/patients/{new_patient.id}/supervised-doses",
                           data={"given_on": (date.today() + timedelta(days=3)).isoformat(), "route": "sc"})
    assert response.status_code == 422
    assert "Datoen kan ikke være fram i tid." in response.text


def test_a_double_tapped_supervised_dose_counts_once(client, auth, db_session, new_patient):
    auth.login("nurse")
    data = {"given_on": (date.today() - timedelta(days=3)).isoformat(), "route": "sc"}
    assert client.post(f"/nurse/patients/{new_patient.id}/supervised-doses", data=data).status_code == 302
    assert client.post(f"/nurse/patients/{new_patient.id}/supervised-doses", data=data).status_code == 302
    doses = db_session.exec(select(SupervisedDose).where(SupervisedDose.patient_id == new_patient.id)).all()
    assert len(doses) == 1
