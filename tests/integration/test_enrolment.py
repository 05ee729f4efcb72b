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
    assert "Dette mangler før hjemmebehandling kan godkjennes:" in page
    assert "Det trengs 6 doser med tilsyn uten reaksjon: 0 er gitt." in page
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
    page = client.get(f"/nurse/patients/{new_patient.id}/enrolment").text
    assert "en lege må avgjøre først" in page
    assert "Etter en ekte allergisk reaksjon skal natalizumab ikke gis igjen." in page
    # Without the tick that the reaction was not allergic, no clearance is saved (facts B1; review E19).
    refused = client.post(f"/nurse/patients/{new_patient.id}/reaction-cleared",
                          data={"note": "Dr. Hansen: mild, premedicate"})
    assert refused.status_code == 422
    assert "Bekreft at reaksjonen ikke var allergisk." in refused.text
    assert "Dr. Hansen: mild, premedicate" in refused.text
    db_session.refresh(new_patient)
    assert new_patient.reaction_cleared_at is None
    client.post(f"/nurse/patients/{new_patient.id}/reaction-cleared",
                data={"note": "Dr. Hansen: mild, premedicate", "not_allergic": "y"})
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


# ---------------------------------------------------------------- supervised doses: spacing and history


def doses_of(db_session, patient) -> list[SupervisedDose]:
    db_session.expire_all()
    return list(db_session.exec(select(SupervisedDose).where(SupervisedDose.patient_id == patient.id)
                                .order_by(SupervisedDose.id)).all())


def post_dose(client, patient_id, day: date, **more):
    return client.post(f"/nurse/patients/{patient_id}/supervised-doses",
                       data={"given_on": day.isoformat(), "route": "sc", **more})


def test_a_supervised_dose_under_3_weeks_from_another_is_questioned_and_kept_as_typed(
        client, auth, db_session, new_patient):
    auth.login("nurse")
    first = date.today() - timedelta(days=30)
    assert post_dose(client, new_patient.id, first).status_code == 302
    response = post_dose(client, new_patient.id, first + timedelta(days=1), reaction="y", reaction_note="rødme")
    assert response.status_code == 422
    assert "Dette er 1 dag fra dosen med tilsyn" in response.text
    assert "Datoen er riktig: dosen ble gitt mindre enn 3 uker fra en annen" in response.text
    assert 'value="rødme"' in response.text and (first + timedelta(days=1)).isoformat() in response.text
    assert len(doses_of(db_session, new_patient)) == 1
    confirmed = post_dose(client, new_patient.id, first + timedelta(days=1), confirm_close="y")
    assert confirmed.status_code == 302
    doses = doses_of(db_session, new_patient)
    assert len(doses) == 2 and doses[-1].confirmed_close_to_other


def test_a_dose_entered_before_another_is_questioned_too(client, auth, db_session, new_patient):
    auth.login("nurse")
    later = date.today() - timedelta(days=2)
    post_dose(client, new_patient.id, later)
    response = post_dose(client, new_patient.id, later - timedelta(days=20))
    assert response.status_code == 422 and "Dette er 20 dager fra dosen med tilsyn" in response.text
    assert post_dose(client, new_patient.id, later - timedelta(days=21)).status_code == 302


def test_the_question_is_in_english_for_an_english_nurse(client, auth, db_session, new_patient):
    auth.login("nurse")
    client.post("/language", data={"lang": "en", "next": "/"})
    post_dose(client, new_patient.id, date.today() - timedelta(days=10))
    response = post_dose(client, new_patient.id, date.today() - timedelta(days=5))
    assert "This is 5 days from the supervised dose on" in response.text
    assert "The date is right: this dose was given less than 3 weeks from another" in response.text


def test_six_doses_on_six_days_cannot_open_home_treatment_without_six_confirmations(
        client, auth, db_session, new_patient):
    auth.login("nurse")
    start = date.today() - timedelta(days=10)
    for n in range(6):
        post_dose(client, new_patient.id, start + timedelta(days=n))
    assert len(doses_of(db_session, new_patient)) == 1  # the walk's defect 2: five of six were questioned


def test_a_wrong_supervised_dose_is_corrected_and_the_old_row_kept(client, auth, db_session, new_patient):
    auth.login("nurse")
    add_doses(client, new_patient.id, 2)
    [first, second] = doses_of(db_session, new_patient)
    page = client.get(f"/nurse/patients/{new_patient.id}/supervised-doses/{second.id}")
    assert page.status_code == 200 and second.given_on.isoformat() in page.text
    new_day = second.given_on + timedelta(days=2)
    response = client.post(f"/nurse/patients/{new_patient.id}/supervised-doses/{second.id}",
                           data={"given_on": new_day.isoformat(), "route": "iv", "reaction": "y",
                                 "reaction_note": "utslett"})
    assert response.status_code == 302
    doses = doses_of(db_session, new_patient)
    old, new = doses[1], doses[2]
    assert old.superseded_at is not None and old.given_on == second.given_on
    assert (new.replaces_id, new.given_on, new.route, new.reaction, new.reaction_note) == (
        old.id, new_day, "iv", True, "utslett")
    page = client.get(f"/nurse/patients/{new_patient.id}/enrolment").text
    assert "Rettede og tilbaketrukne registreringer (1)" in page and "Erstattet av en rettelse" in page
    assert "Det trengs 6 doser med tilsyn uten reaksjon: 2 er gitt." in page
    events = db_session.exec(select(AuditEvent).where(AuditEvent.target == f"supervised_dose:{old.id}:correct")).all()
    assert len(events) == 1
    # The old row cannot be corrected again.
    again = client.post(f"/nurse/patients/{new_patient.id}/supervised-doses/{old.id}",
                        data={"given_on": new_day.isoformat(), "route": "sc"})
    assert again.status_code == 302 and len(doses_of(db_session, new_patient)) == 3


def test_a_correction_under_3_weeks_from_another_is_questioned(client, auth, db_session, new_patient):
    auth.login("nurse")
    add_doses(client, new_patient.id, 2)
    [first, second] = doses_of(db_session, new_patient)
    response = client.post(f"/nurse/patients/{new_patient.id}/supervised-doses/{second.id}",
                           data={"given_on": (first.given_on + timedelta(days=7)).isoformat(), "route": "sc"})
    assert response.status_code == 422 and "Dette er 7 dager fra dosen med tilsyn" in response.text
    assert all(d.is_current for d in doses_of(db_session, new_patient))


def test_a_withdrawn_supervised_dose_no_longer_counts_toward_home_treatment(client, auth, db_session, new_patient):
    auth.login("nurse")
    add_doses(client, new_patient.id, 6)
    client.post(f"/nurse/patients/{new_patient.id}/training", data={"training_done_on": date.today().isoformat()})
    wrong = doses_of(db_session, new_patient)[3]
    refused = client.post(f"/nurse/patients/{new_patient.id}/supervised-doses/{wrong.id}/withdraw", data={"reason": ""})
    assert refused.status_code == 422 and "Skriv begrunnelsen." in refused.text
    response = client.post(f"/nurse/patients/{new_patient.id}/supervised-doses/{wrong.id}/withdraw",
                           data={"reason": "Registrert på feil pasient"})
    assert response.status_code == 302
    withdrawn = db_session.get(SupervisedDose, wrong.id)
    db_session.refresh(withdrawn)
    assert withdrawn.withdrawn_at is not None and withdrawn.withdrawn_reason == "Registrert på feil pasient"
    approve(client, new_patient.id)
    db_session.refresh(new_patient)
    assert new_patient.home_approved_at is None  # five current doses
    page = client.get(f"/nurse/patients/{new_patient.id}/enrolment").text
    assert "Trukket tilbake" in page and "Registrert på feil pasient" in page
    assert "Det trengs 6 doser med tilsyn uten reaksjon: 5 er gitt." in page
    timeline = client.get(f"/nurse/patients/{new_patient.id}/timeline").text
    assert "Registrert på feil pasient" in timeline
    events = db_session.exec(select(AuditEvent).where(
        AuditEvent.target == f"supervised_dose:{wrong.id}:withdraw")).all()
    assert len(events) == 1


def test_a_second_withdraw_or_correction_of_the_same_entry_changes_nothing(client, auth, db_session, new_patient):
    auth.login("nurse")
    add_doses(client, new_patient.id, 2)
    [first, _second] = doses_of(db_session, new_patient)
    url = f"/nurse/patients/{new_patient.id}/supervised-doses/{first.id}"
    client.post(f"{url}/withdraw", data={"reason": "feil dato"})
    again = client.post(f"{url}/withdraw", data={"reason": "en gang til"}, follow_redirects=True)
    assert "allerede rettet eller trukket tilbake" in again.text
    corrected = client.post(url, data={"given_on": first.given_on.isoformat(), "route": "iv"}, follow_redirects=True)
    assert "allerede rettet eller trukket tilbake" in corrected.text
    db_session.refresh(first)
    assert first.withdrawn_reason == "feil dato" and first.replaces_id is None
    assert db_session.exec(select(SupervisedDose).where(SupervisedDose.replaces_id == first.id)).first() is None


def test_withdrawing_the_first_dose_moves_the_treatment_start(client, auth, db_session, new_patient):
    auth.login("nurse")
    add_doses(client, new_patient.id, 2)
    [first, second] = doses_of(db_session, new_patient)
    client.post(f"/nurse/patients/{new_patient.id}/supervised-doses/{first.id}/withdraw", data={"reason": "feil"})
    db_session.refresh(new_patient)
    assert new_patient.treatment_start == second.given_on


def test_a_withdrawn_reaction_no_longer_keeps_the_gate_closed(client, auth, db_session, new_patient):
    auth.login("nurse")
    add_doses(client, new_patient.id, 6, reaction_on=1)
    wrong = doses_of(db_session, new_patient)[1]
    client.post(f"/nurse/patients/{new_patient.id}/supervised-doses/{wrong.id}",
                data={"given_on": wrong.given_on.isoformat(), "route": "sc"})  # the reaction tick was a mistake
    client.post(f"/nurse/patients/{new_patient.id}/training", data={"training_done_on": date.today().isoformat()})
    approve(client, new_patient.id)
    db_session.refresh(new_patient)
    assert new_patient.home_approved_at is not None


def test_a_nurse_of_another_clinic_gets_404_on_correcting_or_withdrawing(client, auth, db_session, new_patient):
    auth.login("nurse")
    add_doses(client, new_patient.id, 1)
    [dose] = doses_of(db_session, new_patient)
    auth.logout()
    auth.login("nurse2")
    base = f"/nurse/patients/{new_patient.id}/supervised-doses/{dose.id}"
    assert client.get(base).status_code == 404
    assert client.post(base, data={"given_on": dose.given_on.isoformat(), "route": "iv"}).status_code == 404
    assert client.post(f"{base}/withdraw", data={"reason": "x"}).status_code == 404
    assert doses_of(db_session, new_patient)[0].is_current and len(doses_of(db_session, new_patient)) == 1


def test_a_dose_of_another_patient_answers_404_under_this_patient(client, auth, db_session, new_patient):
    auth.login("nurse")
    add_doses(client, new_patient.id, 1)
    [dose] = doses_of(db_session, new_patient)
    assert client.get(f"/nurse/patients/1/supervised-doses/{dose.id}").status_code == 404
    assert client.post(f"/nurse/patients/1/supervised-doses/{dose.id}/withdraw",
                       data={"reason": "x"}).status_code == 404


def test_enrolment_says_infusion_and_without_a_reaction(client, auth, new_patient):
    auth.login("nurse")
    page = client.get(f"/nurse/patients/{new_patient.id}/enrolment").text
    assert "Infusjon (intravenøst)" in page and "Drypp" not in page
    assert "6 doser med tilsyn uten reaksjon" in page
