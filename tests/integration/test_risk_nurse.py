"""The nurse's PML and monitoring section and forms: JCV results, checks done, the PML factors;
clinic-scoped, audited, safe to send twice, and never a 500 (issue 6)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from webapp.domain.clock import local_date
from webapp.models import AuditEvent, JcvResult, MonitoringCheck, Patient, SupervisedDose, User


def today() -> date:
    return local_date(datetime.now(UTC))


def patient_of(db_session, email: str) -> Patient:
    user = db_session.exec(select(User).where(User.email == email)).one()
    return db_session.exec(select(Patient).where(Patient.user_id == user.id)).one()


def jcv_rows(db_session, patient_id: int) -> list[JcvResult]:
    db_session.expire_all()
    return db_session.exec(select(JcvResult).where(JcvResult.patient_id == patient_id).order_by(JcvResult.id)).all()


def forms(pid: int) -> list[str]:
    return [f"/nurse/patients/{pid}/jcv/new", f"/nurse/patients/{pid}/checks/new", f"/nurse/patients/{pid}/pml-factors"]


JCV = {"tested_on": "", "result": "positive", "jcv_index": "1,8", "assay": "stratify"}


def test_the_patient_page_shows_jcv_history_band_clinic_actions_and_calendar(client, auth, db_session):
    pid = patient_of(db_session, "patient@example.org").id
    auth.login("nurse")
    client.post("/language", data={"lang": "en", "next": "/"})
    page = client.get(f"/nurse/patients/{pid}").text
    section = page.split('id="pml-monitoring"')[1]
    assert "PML risk and monitoring" in page
    assert "Positive, index 0.9 or lower: low risk" in section and "(index 0.7)" in section
    assert "Continue treatment" in section and "Test JCV antibodies again every 6 months" in section
    assert "0.1 per 1000 (about 1 in 10,000)" in section
    assert section.count("<tr>") >= 3 + 9  # three JCV results, nine checks done
    for kind in ["Blood tests", "Antibodies against natalizumab (NAb)", "MRI of the head"]:
        assert kind in section
    assert "Nina Sykepleier" in section  # who recorded the results
    for path in forms(pid):
        assert f'href="{path}"' in section


def test_a_high_index_shows_the_nurse_to_plan_a_switch(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    db_session.add(JcvResult(patient_id=patient.id, tested_on=today(), positive=True, jcv_index=1.6, recorded_by_id=1))
    db_session.commit()
    auth.login("nurse")
    page = client.get(f"/nurse/patients/{patient.id}").text
    assert "Planlegg bytte til annen behandling, f.eks. anti-CD20" in page
    assert "MR hver 6. måned" not in page  # that is the 0.9–1.5 band's action


def test_an_out_of_date_result_is_marked_for_the_nurse(client, auth, db_session):
    pid = patient_of(db_session, "patient.en@example.org").id
    auth.login("nurse")
    assert "Utdatert siden" in client.get(f"/nurse/patients/{pid}").text


@pytest.mark.parametrize("form", [0, 1, 2])
def test_the_forms_are_for_the_patients_own_clinic_only(client, auth, db_session, form):
    path = forms(patient_of(db_session, "patient@example.org").id)[form]
    auth.login("nurse2")
    assert client.get(path).status_code == 404
    assert client.post(path, data={**JCV, "tested_on": today().isoformat()}).status_code == 404
    auth.logout()
    auth.login("patient")
    assert client.get(path).status_code == 403
    assert client.post(path, data={**JCV, "tested_on": today().isoformat()}).status_code == 403
    auth.logout()
    assert client.get(path).status_code == 302


@pytest.mark.parametrize("form", [0, 1, 2])
def test_opening_a_form_is_audited_as_a_read(client, auth, db_session, form):
    pid = patient_of(db_session, "patient@example.org").id
    auth.login("nurse")
    assert client.get(forms(pid)[form]).status_code == 200
    events = db_session.exec(select(AuditEvent).where(AuditEvent.patient_id == pid)).all()
    assert [e.action for e in events] == ["read"]


def test_a_nurse_records_a_jcv_result_with_a_norwegian_decimal_comma(client, auth, db_session):
    pid = patient_of(db_session, "patient@example.org").id
    before = len(jcv_rows(db_session, pid))
    auth.login("nurse")
    response = client.post(forms(pid)[0], data={**JCV, "tested_on": today().isoformat()})
    assert response.status_code == 302
    assert response.location == f"/nurse/patients/{pid}#pml-monitoring"
    rows = jcv_rows(db_session, pid)
    assert len(rows) == before + 1
    new = rows[-1]
    assert (new.tested_on, new.positive, new.jcv_index, new.assay) == (today(), True, 1.8, "stratify")
    assert new.recorded_by_id == db_session.exec(select(User).where(User.email == "nurse@example.org")).one().id
    assert ("create", "jcv_result") in [(e.action, e.target) for e in
                                        db_session.exec(select(AuditEvent).where(AuditEvent.patient_id == pid))]
    # the new result is the one the page and the patient's estimate now use
    page = client.get(f"/nurse/patients/{pid}").text
    assert "indeks over 0,9 og opptil 1,5" not in page and "Positiv, indeks over 1,5" in page


def test_sending_the_same_jcv_result_twice_stores_it_once(client, auth, db_session):
    pid = patient_of(db_session, "patient@example.org").id
    before = len(jcv_rows(db_session, pid))
    auth.login("nurse")
    data = {**JCV, "tested_on": today().isoformat(), "jcv_index": ""}
    assert client.post(forms(pid)[0], data=data).status_code == 302
    assert client.post(forms(pid)[0], data=data).status_code == 302
    assert len(jcv_rows(db_session, pid)) == before + 1


def test_a_corrected_result_for_the_same_date_replaces_the_first_which_is_kept(client, auth, db_session):
    pid = patient_of(db_session, "patient@example.org").id
    auth.login("nurse")
    client.post(forms(pid)[0], data={**JCV, "tested_on": today().isoformat(), "jcv_index": "8,1"})
    client.post(forms(pid)[0], data={**JCV, "tested_on": today().isoformat(), "jcv_index": "0,81"})
    rows = [r for r in jcv_rows(db_session, pid) if r.tested_on == today()]
    assert [r.jcv_index for r in rows] == [8.1, 0.81]
    page = client.get(f"/nurse/patients/{pid}").text
    assert "(indeks 0,81)" in page and "Erstattet av en senere registrering" in page


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"result": ""}, "result", "Velg positiv eller negativ."),
    ({"result": "maybe"}, "result", "Velg positiv eller negativ."),
    ({"jcv_index": "abc"}, "jcv_index", "Skriv et tall, for eksempel 0,7."),
    ({"jcv_index": "NaN"}, "jcv_index", "Skriv et tall, for eksempel 0,7."),
    ({"jcv_index": "Infinity"}, "jcv_index", "Skriv et tall, for eksempel 0,7."),
    ({"jcv_index": "1e999999999"}, "jcv_index", "Skriv en indeks mellom 0 og 20."),
    ({"jcv_index": "9" * 400}, "jcv_index", "Skriv et tall, for eksempel 0,7."),
    ({"jcv_index": "-0,5"}, "jcv_index", "Skriv en indeks mellom 0 og 20."),
    ({"tested_on": ""}, "tested_on", "Skriv datoen for prøven."),
    ({"tested_on": "2026-02-31"}, "tested_on", ""),
    ({"tested_on": "99999-01-01"}, "tested_on", ""),
    ({"tested_on": "1899-01-01"}, "tested_on", "Skriv en dato fra år 2000 eller senere."),
    ({"tested_on": "future"}, "tested_on", "Datoen kan ikke være fram i tid."),
    ({"assay": "elisa"}, "assay", "Velg testen som ble brukt."),
])
def test_a_wrong_jcv_form_is_shown_again_with_the_error_and_what_was_typed(client, auth, db_session, change, field,
                                                                            message):
    pid = patient_of(db_session, "patient@example.org").id
    before = len(jcv_rows(db_session, pid))
    auth.login("nurse")
    data = {**JCV, "tested_on": today().isoformat(), **change}
    if data["tested_on"] == "future":
        data["tested_on"] = (today() + timedelta(days=1)).isoformat()
    response = client.post(forms(pid)[0], data=data)
    assert response.status_code == 422
    page = response.text
    assert 'class="error-summary"' in page and f'id="{field}-error"' in page and message in page
    if field == "jcv_index" and len(change["jcv_index"]) < 30:
        assert f'value="{change["jcv_index"]}"' in page  # what was typed is kept
    assert len(jcv_rows(db_session, pid)) == before


def test_a_nurse_records_a_check_done_once_even_if_sent_twice(client, auth, db_session):
    pid = patient_of(db_session, "patient.en@example.org").id
    auth.login("nurse")
    data = {"kind": "mri", "done_on": today().isoformat(), "note": "Ingen nye lesjoner"}
    assert client.post(forms(pid)[1], data=data).status_code == 302
    assert client.post(forms(pid)[1], data=data).status_code == 302
    db_session.expire_all()
    rows = db_session.exec(select(MonitoringCheck).where(MonitoringCheck.patient_id == pid,
                                                         MonitoringCheck.done_on == today())).all()
    assert [(r.kind, r.note) for r in rows] == [("mri", "Ingen nye lesjoner")]
    assert "Ingen nye lesjoner" in client.get(f"/nurse/patients/{pid}").text


@pytest.mark.parametrize(("change", "message"), [
    ({"kind": "jcv_antibodies"}, "Velg hvilken kontroll som ble gjort."),
    ({"kind": ""}, "Velg hvilken kontroll som ble gjort."),
    ({"done_on": ""}, "Skriv datoen kontrollen ble gjort."),
    ({"note": "x" * 501}, "Skriv høyst 500 tegn."),
])
def test_a_wrong_check_form_is_shown_again_with_the_error(client, auth, db_session, change, message):
    pid = patient_of(db_session, "patient.en@example.org").id
    auth.login("nurse")
    response = client.post(forms(pid)[1], data={"kind": "mri", "done_on": today().isoformat(), "note": "", **change})
    assert response.status_code == 422 and message in response.text


def test_a_recorded_check_moves_the_calendar_on(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("nurse")
    client.post("/language", data={"lang": "en", "next": "/"})
    nab_due_before = client.get(f"/nurse/patients/{patient.id}").text.split("Antibodies against natalizumab (NAb)")[1]
    assert "12 months after the start" in nab_due_before.split("</tr>")[0]
    client.post(forms(patient.id)[1], data={"kind": "neutralising_antibodies", "done_on": today().isoformat()})
    row = client.get(f"/nurse/patients/{patient.id}").text.split("Antibodies against natalizumab (NAb)")[1].split("</tr>")[0]
    assert "Done" in row


def test_a_nurse_sets_the_first_dose_and_earlier_treatment(client, auth, db_session):
    patient = patient_of(db_session, "patient2@example.org")
    auth.login("nurse2")
    start = patient.treatment_start - timedelta(days=30)
    response = client.post(forms(patient.id)[2], data={"treatment_start": start.isoformat(),
                                                        "prior_immunosuppressant": "yes"})
    assert response.status_code == 302
    db_session.expire_all()
    patient = db_session.get(Patient, patient.id)
    assert (patient.treatment_start, patient.prior_immunosuppressant) == (start, True)
    events = db_session.exec(select(AuditEvent).where(AuditEvent.patient_id == patient.id)).all()
    assert ("update", "pml_factors") in [(e.action, e.target) for e in events]


def test_the_factors_form_shows_the_current_values(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("nurse")
    page = client.get(forms(patient.id)[2]).text
    assert f'value="{patient.treatment_start.isoformat()}"' in page
    assert '<input checked id="prior_immunosuppressant-1" name="prior_immunosuppressant" type="radio" value="no">' in page


def test_a_first_dose_after_a_recorded_dose_is_refused(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    first = db_session.exec(select(SupervisedDose.given_on).where(SupervisedDose.patient_id == patient.id)
                            .order_by(SupervisedDose.given_on)).first()
    auth.login("nurse")
    response = client.post(forms(patient.id)[2], data={
        "treatment_start": (first + timedelta(days=1)).isoformat(), "prior_immunosuppressant": "no"})
    assert response.status_code == 422
    assert "Det er registrert en dose" in response.text
    db_session.expire_all()
    assert db_session.get(Patient, patient.id).treatment_start == patient.treatment_start


def test_the_patients_estimate_follows_what_the_nurse_records(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("nurse")
    client.post(forms(patient.id)[2], data={"treatment_start": patient.treatment_start.isoformat(),
                                            "prior_immunosuppressant": "yes"})
    auth.logout()
    auth.login("patient")
    page = client.get("/risk/").text
    assert "0,3 per 1000" in page  # 1–12 months, earlier immunosuppressive treatment


def test_the_calendar_counts_supervised_doses_and_current_home_injections_only(app, db_session):
    from zoneinfo import ZoneInfo

    from webapp.models import Injection
    from webapp.risk.records import dose_dates

    patient = patient_of(db_session, "patient@example.org")
    supervised = sorted(db_session.exec(select(SupervisedDose.given_on)
                                        .where(SupervisedDose.patient_id == patient.id)).all())
    oslo = ZoneInfo("Europe/Oslo")
    earlier = [i.given_at.astimezone(oslo).date() for i in db_session.exec(
        select(Injection).where(Injection.patient_id == patient.id)).all()]
    # 23:30 UTC on 1 March is 00:30 on 2 March in Oslo: the dose counts for the Oslo day
    late_evening = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    kept = Injection(patient_id=patient.id, client_id="kept", given_at=late_evening, site_1="thigh_left",
                     site_2="thigh_right", created_by_id=patient.user_id)
    replaced = Injection(patient_id=patient.id, client_id="replaced", given_at=datetime(2026, 4, 1, 12, tzinfo=UTC),
                         site_1="thigh_left", created_by_id=patient.user_id, superseded_at=datetime.now(UTC))
    withdrawn = Injection(patient_id=patient.id, client_id="withdrawn", given_at=datetime(2026, 5, 1, 12, tzinfo=UTC),
                          site_1="thigh_left", created_by_id=patient.user_id, withdrawn_at=datetime.now(UTC))
    db_session.add_all([kept, replaced, withdrawn])
    db_session.commit()
    with app.app_context():
        days = dose_dates(db_session, patient.id)
    assert days == sorted([*supervised, *earlier, late_evening.astimezone(oslo).date()])
    assert date(2026, 3, 2) in days and date(2026, 4, 1) not in days and date(2026, 5, 1) not in days
