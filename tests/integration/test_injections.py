"""The patient's home injections: safety check, log, repeat safety, corrections (issue 3)."""

from __future__ import annotations

import html
import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from webapp.domain.clock import OSLO
from webapp.models import Flag, Injection, Patient, SymptomReport, User


def patient_of(db_session, email="patient@example.org") -> Patient:
    return db_session.exec(select(Patient).join(User, Patient.user_id == User.id).where(User.email == email)).one()


def pass_check(client):
    response = client.post("/injections/check", data={"then": "log"})
    assert response.location == "/injections/new"


def log_form(client) -> dict:
    """The fields of the log form as the page fills them in."""
    page = client.get("/injections/new").text
    values = dict(re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', page))
    selected = dict(re.findall(r'<select[^>]*name="(\w+)"[^>]*>.*?<option selected value="([^"]*)"', page, re.S))
    return {"client_id": values["client_id"], "day": values["day"], "time": values["time"],
            "syringes": "2", "site_1": selected.get("site_1"), "site_2": selected.get("site_2"),
            "batch_1": values.get("batch_1", ""), "batch_2": values.get("batch_2", ""), "reaction": "no", "note": ""}


def an_hour_ago() -> dict:
    moment = (datetime.now(UTC) - timedelta(hours=1)).astimezone(OSLO)
    return {"day": moment.date().isoformat(), "time": moment.strftime("%H:%M")}


@pytest.fixture
def logged_in(client, auth):
    auth.login("patient")
    pass_check(client)
    return client


def count_injections(db_session, patient) -> int:
    db_session.expire_all()
    return len(db_session.exec(select(Injection).where(Injection.patient_id == patient.id)).all())


def test_the_log_form_suggests_two_sites_other_than_last_time_and_the_last_batch(logged_in, db_session):
    patient = patient_of(db_session)
    last = db_session.exec(select(Injection).where(Injection.patient_id == patient.id)
                           .order_by(Injection.given_at.desc())).first()
    form = log_form(logged_in)
    assert form["site_1"] and form["site_2"] and form["site_1"] != form["site_2"]
    assert {form["site_1"], form["site_2"]}.isdisjoint({last.site_1, last.site_2})
    assert form["batch_1"] == last.batch_2


def test_logging_a_dose_stores_it_and_moves_the_next_due_date(logged_in, db_session):
    patient = patient_of(db_session)
    before = count_injections(db_session, patient)
    form = {**log_form(logged_in), **an_hour_ago()}
    response = logged_in.post("/injections/new", data=form)
    assert response.status_code == 302 and "/saved" in response.location
    assert count_injections(db_session, patient) == before + 1
    due = (datetime.now(UTC) - timedelta(hours=1)).astimezone(OSLO).date() + timedelta(weeks=4)
    page = logged_in.get("/").text
    assert str(due.day) in page and "Om 28 dager" in page


def test_a_double_tapped_submit_stores_one_row(logged_in, db_session):
    patient = patient_of(db_session)
    before = count_injections(db_session, patient)
    form = {**log_form(logged_in), **an_hour_ago()}
    first = logged_in.post("/injections/new", data=form)
    second = logged_in.post("/injections/new", data=form)
    assert first.location == second.location
    assert count_injections(db_session, patient) == before + 1


def test_a_second_dose_within_14_days_asks_for_confirmation(logged_in, db_session):
    patient = patient_of(db_session)
    form = {**log_form(logged_in), **an_hour_ago()}
    logged_in.post("/injections/new", data=form)
    pass_check(logged_in)
    again = {**log_form(logged_in), **an_hour_ago(), "note": "my own words"}
    response = logged_in.post("/injections/new", data=again)
    assert response.status_code == 422
    assert "Kryss av hvis dette virkelig er en ny dose" in response.text
    assert "my own words" in response.text  # what was typed is kept
    before = count_injections(db_session, patient)
    response = logged_in.post("/injections/new", data={**again, "confirm_close": "y"})
    assert response.status_code == 302
    assert count_injections(db_session, patient) == before + 1


@pytest.mark.parametrize(
    ("change", "field_error"),
    [
        ({"day": "2999-01-01"}, "Tidspunktet kan ikke være fram i tid."),
        ({"day": "1900-01-01"}, "Det er for langt tilbake."),
        ({"day": "not-a-date"}, "Ikke en gyldig datoverdi"),
        ({"site_2": ""}, "Velg hvor du satte den andre sprøyten."),
        ({"site_2": "same"}, "Bruk to forskjellige steder til de to sprøytene."),
        ({"site_1": "<script>"}, "Ikke et gyldig valg"),
        ({"batch_1": "x" * 41}, "Feltet kan ikke være lenger enn 40 tegn."),
    ],
)
def test_bad_input_is_refused_next_to_the_field_keeping_what_was_typed(logged_in, db_session, change, field_error):
    patient = patient_of(db_session)
    before = count_injections(db_session, patient)
    form = {**log_form(logged_in), **an_hour_ago(), "note": "kept note"}
    if change.get("site_2") == "same":
        change = {"site_2": form["site_1"]}
    response = logged_in.post("/injections/new", data={**form, **change})
    assert response.status_code == 422
    assert field_error in response.text
    assert "kept note" in response.text
    assert count_injections(db_session, patient) == before


def test_a_time_later_today_than_now_is_refused(logged_in):
    later = (datetime.now(UTC) + timedelta(minutes=30)).astimezone(OSLO)
    form = {**log_form(logged_in), "day": later.date().isoformat(), "time": later.strftime("%H:%M")}
    response = logged_in.post("/injections/new", data=form)
    assert response.status_code == 422


def test_one_syringe_is_saved_as_a_partial_dose_and_flagged_for_a_call(logged_in, db_session):
    patient = patient_of(db_session)
    form = {**log_form(logged_in), **an_hour_ago(), "syringes": "1", "site_2": ""}
    response = logged_in.post("/injections/new", data=form)
    assert response.status_code == 302
    injection = db_session.exec(select(Injection).where(Injection.client_id == form["client_id"])).one()
    assert injection.syringes == 1 and injection.site_2 is None
    flag = db_session.exec(select(Flag).where(Flag.injection_id == injection.id, Flag.code == "partial_dose")).one()
    assert (flag.code, flag.level, flag.status, flag.patient_id) == ("partial_dose", "urgent", "open", patient.id)
    assert "Klinikken ringer deg om resten av dosen" in logged_in.get(response.location).text


def test_a_reaction_leads_into_the_reaction_questions(logged_in, db_session):
    form = {**log_form(logged_in), **an_hour_ago(), "reaction": "yes"}
    response = logged_in.post("/injections/new", data=form)
    injection = db_session.exec(select(Injection).where(Injection.client_id == form["client_id"])).one()
    assert injection.reaction
    assert response.location == f"/symptoms/new?context=reaction&injection={injection.id}"


def test_breathing_trouble_after_a_dose_goes_to_113_and_raises_an_emergency_flag(logged_in, db_session):
    form = {**log_form(logged_in), **an_hour_ago(), "reaction": "severe"}
    response = logged_in.post("/injections/new", data=form)
    assert response.location == "/emergency"
    injection = db_session.exec(select(Injection).where(Injection.client_id == form["client_id"])).one()
    report = db_session.exec(select(SymptomReport).where(SymptomReport.injection_id == injection.id)).one()
    assert report.level == "emergency"
    flag = db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).one()
    assert flag.level == "emergency"
    assert 'href="tel:113"' in logged_in.get("/emergency").text


@pytest.mark.parametrize("question", ["neuro_symptoms", "fever_infection", "reaction_last_dose", "immunosuppressant",
                                      "pregnancy", "live_vaccine", "eye_sight"])
def test_any_yes_in_the_safety_check_stops_the_dose_and_raises_an_urgent_flag(client, auth, db_session, question):
    auth.login("patient")
    response = client.post("/injections/check", data={"then": "log", question: "y"})
    assert response.location == "/injections/wait"
    assert "Ikke sett sprøyten nå" in client.get("/injections/wait").text
    patient = patient_of(db_session)
    report = db_session.exec(select(SymptomReport).where(SymptomReport.patient_id == patient.id,
                                                         SymptomReport.source == "checklist")).one()
    assert (report.level, report.reasons) == ("urgent", [f"predose:{question}"])
    flag = db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).one()
    assert flag.level == "urgent" and flag.due_by is not None
    # The next dose is now on hold (facts §3): the log says so instead of opening (tests/integration/test_dose_hold.py).
    page = client.get("/injections/new")
    assert page.status_code == 200 and "Neste dose venter" in page.text and 'name="client_id"' not in page.text


def test_the_safety_answers_are_stored_with_the_injection(logged_in, db_session):
    form = {**log_form(logged_in), **an_hour_ago()}
    logged_in.post("/injections/new", data=form)
    injection = db_session.exec(select(Injection).where(Injection.client_id == form["client_id"])).one()
    assert injection.checklist and not any(injection.checklist.values())
    assert set(injection.checklist) == {"neuro_symptoms", "fever_infection", "reaction_last_dose", "immunosuppressant",
                                        "pregnancy", "live_vaccine", "eye_sight", "sight_lost_suddenly"}


def test_a_patient_not_approved_cannot_log_and_is_told_why(client, auth, db_session):
    patient = patient_of(db_session)
    before = count_injections(db_session, patient)
    patient.home_approved_at = None
    patient.training_done_on = None
    db_session.add(patient)
    db_session.commit()
    auth.login("patient")
    for path in ("/injections/check", "/injections/new", "/injections/guide/1"):
        response = client.get(path)
        assert response.status_code == 403
        assert "Opplæring i injeksjon er ikke registrert som gjennomført." in response.text
    response = client.post("/injections/new", data={"client_id": str(uuid.uuid4()), **an_hour_ago(),
                                                     "syringes": "2", "site_1": "thigh_left", "site_2": "thigh_right"})
    assert response.status_code == 403
    assert count_injections(db_session, patient) == before


def test_a_correction_keeps_the_earlier_version_and_the_nurse_sees_it(client, auth, db_session):
    patient = patient_of(db_session)
    last = db_session.exec(select(Injection).where(Injection.patient_id == patient.id)
                           .order_by(Injection.given_at.desc())).first()
    auth.login("patient")
    page = client.get(f"/injections/{last.id}/edit").text
    client_id = re.search(r'name="client_id" type="hidden" value="([^"]+)"', page).group(1)
    local = last.given_at.astimezone(OSLO)
    response = client.post(f"/injections/{last.id}/edit", data={
        "client_id": client_id, "day": local.date().isoformat(), "time": "08:15", "syringes": "2",
        "site_1": last.site_1, "site_2": last.site_2, "reaction": "no", "note": "wrong time before"})
    assert response.status_code == 302
    db_session.expire_all()
    old = db_session.get(Injection, last.id)
    new = db_session.exec(select(Injection).where(Injection.replaces_id == last.id)).one()
    assert old.superseded_at is not None and new.is_current
    assert new.given_at.astimezone(OSLO).strftime("%H:%M") == "08:15"
    auth.logout()
    auth.login("nurse")
    nurse_page = client.get(f"/nurse/patients/{patient.id}").text
    assert "Erstattet av en rettelse" in nurse_page and "Rettet av pasienten" in nurse_page


def test_a_withdrawn_entry_no_longer_counts_but_is_kept(client, auth, db_session):
    patient = patient_of(db_session)
    last = db_session.exec(select(Injection).where(Injection.patient_id == patient.id)
                           .order_by(Injection.given_at.desc())).first()
    auth.login("patient")
    assert client.post(f"/injections/{last.id}/withdraw").status_code == 302
    db_session.expire_all()
    assert db_session.get(Injection, last.id).withdrawn_at is not None
    auth.logout()
    auth.login("nurse")
    assert "Trukket tilbake av pasienten" in client.get(f"/nurse/patients/{patient.id}").text


def test_a_patient_cannot_see_or_change_another_patients_injection(client, auth, db_session):
    other = patient_of(db_session, "patient.en@example.org")
    theirs = db_session.exec(select(Injection).where(Injection.patient_id == other.id)).first()
    auth.login("patient")
    assert client.get(f"/injections/{theirs.id}/edit").status_code == 404
    assert client.post(f"/injections/{theirs.id}/withdraw").status_code == 404
    assert client.get(f"/injections/{theirs.id}/saved").status_code == 404
    db_session.expire_all()
    assert db_session.get(Injection, theirs.id).is_current


def test_history_lists_doses_and_marks_late_intervals(client, auth):
    auth.login("patient")
    page = client.get("/injections/").text
    assert "<svg" in page and 'role="img"' in page
    assert "(senere enn intervallet ditt)" in page  # the demo history has one 33-day gap
    assert page.count("Rett eller trekk tilbake") >= 5


def test_the_guided_mode_walks_through_seven_steps_to_the_log_form(client, auth):
    auth.login("patient")
    assert client.post("/injections/check", data={"then": "guide"}).location == "/injections/guide/1"
    for step in range(1, 8):
        page = client.get(f"/injections/guide/{step}").text
        assert f"Trinn {step} av 7" in page
    assert 'href="/injections/new"' in client.get("/injections/guide/7").text
    assert client.get("/injections/guide/8").status_code == 404
    assert client.get("/injections/new").status_code == 200  # the check was done at the start


def test_the_next_dose_is_the_first_thing_on_the_start_page(client, auth):
    auth.login("patient")
    page = client.get("/").text
    main = page[page.index('<main'):]
    first_card = main.index('<section class="card')
    assert main.index("card-dose") < main.index("<section", first_card + 1)


def test_the_history_shows_about_two_years_and_links_to_all_doses(client, auth, db_session):
    patient = patient_of(db_session)
    first = db_session.exec(select(Injection).where(Injection.patient_id == patient.id)
                            .order_by(Injection.given_at)).first()
    for n in range(30):
        db_session.add(Injection(patient_id=patient.id, client_id=f"old-{n}", site_1="thigh_left",
                                 site_2="thigh_right", created_by_id=patient.user_id,
                                 given_at=first.given_at - timedelta(days=28 * (n + 1))))
    db_session.commit()
    auth.login("patient")
    page = client.get("/injections/").text
    assert page.count("Rett eller trekk tilbake") == 26
    total = int(re.search(r"Vis alle (\d+) dosene", page).group(1))
    assert client.get("/injections/?all=1").text.count("Rett eller trekk tilbake") == total > 26


@pytest.mark.parametrize(("who", "liquid", "reaction", "normal"), [
    ("patient", "Væsken ser ut slik pakningsvedlegget beskriver, uten flak eller partikler.",
     "Men får du tegn på en allergisk reaksjon etter den første sprøyten", "Litt svie eller rødme der du stakk er vanlig"),
    ("patient_en", "The liquid looks as the leaflet describes, with no flakes or particles.",
     "But if you get signs of an allergic reaction after the first syringe", "A little stinging or redness"),
])
def test_the_guide_checks_the_liquid_by_the_leaflet_and_says_what_a_reaction_is(client, auth, who, liquid,
                                                                               reaction, normal):
    # Clinical review E11 (a slightly opalescent liquid is normal: the leaflet decides) and E10 (a sting at
    # the site is no reason to skip the second syringe; signs of an allergic reaction are).
    auth.login(who)
    client.post("/injections/check", data={"then": "guide"})
    step2 = html.unescape(client.get("/injections/guide/2").text)
    assert liquid in step2 and "clear, with no bits" not in step2 and "klar, uten partikler" not in step2
    step5 = html.unescape(client.get("/injections/guide/5").text)
    assert reaction in step5 and normal in step5


# ------------------------------------------------------------------ security finding 22
def test_a_dose_posted_without_a_fresh_safety_check_is_not_stored_and_the_form_keeps_it(client, auth, db_session):
    auth.login("patient")
    pass_check(client)
    form = {**log_form(client), "note": "Litt rødt etterpå", "batch_1": "AB1234"}
    with client.session_transaction() as cookie:
        cookie.pop("predose")  # the check never done (a forged POST), or done more than 12 hours ago
    before = len(db_session.exec(select(Injection)).all())
    response = client.post("/injections/new", data=form)
    assert response.status_code == 422
    page = response.text
    assert "Dosen er ikke lagret ennå" in page and 'href="/injections/check"' in page
    assert "Litt rødt etterpå" in page and 'value="AB1234"' in page
    assert len(db_session.exec(select(Injection)).all()) == before
    pass_check(client)
    assert client.post("/injections/new", data=form).status_code == 302
    assert len(db_session.exec(select(Injection)).all()) == before + 1
