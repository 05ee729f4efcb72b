"""The pre-dose check's split sight question and live vaccines (clinical review E5, E8), early home doses
(walk defect 19) and the double-dose warning in real words (defect 34)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from tests.integration.test_injections import an_hour_ago, log_form, pass_check, patient_of
from webapp.domain.clock import OSLO
from webapp.models import Flag, Injection, SymptomReport


def test_sight_lost_within_minutes_sends_the_patient_to_113_with_an_emergency_flag(client, auth, db_session):
    auth.login("patient")
    response = client.post("/injections/check", data={"then": "log", "sight_lost_suddenly": "y"})
    assert response.location == "/emergency"
    patient = patient_of(db_session)
    report = db_session.exec(select(SymptomReport).where(SymptomReport.patient_id == patient.id,
                                                         SymptomReport.source == "checklist")).one()
    assert report.level == "emergency" and "vision_change" in report.codes
    flag = db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).one()
    assert flag.level == "emergency"
    # No dose can be logged now: the log form is not offered (the check again, or the dose on hold).
    assert 'name="site_1"' not in client.get("/injections/new").text


@pytest.mark.parametrize(("who", "texts"), [
    ("patient", ["Forsvant synet helt eller delvis i løpet av minutter? Ring 113.", 'href="tel:113"']),
    ("patient_en", ["Did you lose all or part of your sight within minutes? Call 113.", 'href="tel:113"']),
])
def test_the_stop_page_offers_113_for_sight_lost_within_minutes(client, auth, who, texts):
    auth.login(who)
    client.post("/injections/check", data={"then": "log", "eye_sight": "y"})
    page = client.get("/injections/wait").text
    for text in texts:
        assert text in page
    assert page.index("Ring 113." if who == "patient" else "Call 113.") < page.index("116 117")


@pytest.mark.parametrize(("who", "texts"), [
    ("patient", ["Jeg skal ta en levende vaksine som MS-klinikken ikke har godkjent",
                 "Har klinikken sagt ja, skal du ikke krysse av her.",
                 "Jeg har vondt i øyet, eller synet har blitt dårligere de siste dagene",
                 "skal du ikke sette sprøytene nå"]),
    ("patient_en", ["I am going to have a live vaccine that my MS clinic has not approved",
                    "If the clinic has said yes, do not tick this.",
                    "I have eye pain, or my sight has become poorer over the last few days",
                    "do not inject now"]),
])
def test_the_check_asks_about_unapproved_live_vaccines_and_says_what_a_tick_means_before_the_button(
        client, auth, who, texts):
    auth.login(who)
    page = client.get("/injections/check").text
    for text in texts:
        assert text in page
    assert page.index(texts[-1]) < page.index('type="submit"')


def test_an_unapproved_live_vaccine_still_stops_the_dose(client, auth, db_session):
    auth.login("patient")
    assert client.post("/injections/check", data={"then": "log", "live_vaccine": "y"}).location == "/injections/wait"


def early_flags(db_session, patient):
    db_session.expire_all()
    return db_session.exec(select(Flag).where(Flag.patient_id == patient.id, Flag.code == "early_dose")).all()


def test_a_home_dose_under_3_weeks_after_the_last_is_saved_and_noted_for_the_nurse(client, auth, db_session):
    # The demo patient's last dose was 20 days ago.
    auth.login("patient")
    pass_check(client)
    form = {**log_form(client), **an_hour_ago()}
    response = client.post("/injections/new", data=form)
    assert response.status_code == 302 and "/saved" in response.location
    injection = db_session.exec(select(Injection).where(Injection.client_id == form["client_id"])).one()
    [flag] = early_flags(db_session, patient_of(db_session))
    assert (flag.level, flag.source, flag.injection_id, flag.status) == ("routine", "injection", injection.id, "open")
    saved = client.get(response.location).text
    assert "Denne dosen kom mindre enn 3 uker etter den forrige, så klinikken har fått beskjed." in saved
    history = client.get("/injections/").text
    assert "(tidlig: mindre enn 3 uker)" in history
    auth.logout()
    auth.login("nurse")
    assert "Tidlig dose: mindre enn 3 uker etter den forrige" in client.get("/nurse/queue").text
    flag_page = client.get(f"/nurse/flags/{flag.id}")
    assert flag_page.status_code == 200 and "Tidlig dose" in flag_page.text
    timeline = client.get(f"/nurse/patients/{flag.patient_id}/timeline").text
    assert "tidlig: mindre enn 3 uker" in timeline and "Tidlig dose" in timeline


def test_a_home_dose_on_time_is_not_noted(client, auth, db_session):
    auth.login("patient_en")  # last dose 26 days ago
    pass_check(client)
    form = {**log_form(client), **an_hour_ago()}
    response = client.post("/injections/new", data=form)
    assert "/saved" in response.location
    assert early_flags(db_session, patient_of(db_session, "patient.en@example.org")) == []
    assert "less than 3 weeks" not in client.get(response.location).text


def test_a_close_dose_confirmed_by_the_patient_is_saved_and_noted_as_early(client, auth, db_session):
    auth.login("patient2")  # last dose 10 days ago: also asks to confirm a second dose
    pass_check(client)
    form = {**log_form(client), **an_hour_ago(), "confirm_close": "y"}
    response = client.post("/injections/new", data=form)
    assert "/saved" in response.location
    assert len(early_flags(db_session, patient_of(db_session, "patient2@example.org"))) == 1


def test_the_double_dose_warning_names_the_time_today_not_zero_days(client, auth, db_session):
    auth.login("patient")
    pass_check(client)
    form = {**log_form(client), **an_hour_ago()}
    client.post("/injections/new", data=form)
    pass_check(client)
    again = {**log_form(client), **an_hour_ago()}
    response = client.post("/injections/new", data=again)
    assert response.status_code == 422
    clock = (datetime.now(UTC) - timedelta(hours=1)).astimezone(OSLO)
    if clock.date() == datetime.now(UTC).astimezone(OSLO).date():
        assert f"Du har allerede registrert en dose i dag kl. {clock:%H.%M}." in response.text
    assert "0 dager" not in response.text


@pytest.mark.parametrize(("who", "expected"), [
    ("patient2", "Du har allerede registrert en dose for 10 dager siden."),
])
def test_the_double_dose_warning_counts_days_ago(client, auth, who, expected):
    auth.login(who)
    pass_check(client)
    response = client.post("/injections/new", data={**log_form(client), **an_hour_ago()})
    assert response.status_code == 422
    assert expected in response.text or "Du har allerede registrert en dose for 11 dager siden." in response.text


@pytest.mark.parametrize(("shift", "expected"), [
    (3, "You have already logged a dose 3 days before this one."),
    (-3, "You have already logged a dose 3 days after this one."),
    (-1, "You have already logged a dose 1 day after this one."),
])
def test_the_double_dose_warning_in_english_says_days_before_or_after_this_one(client, auth, db_session, shift,
                                                                               expected):
    auth.login("patient2")
    client.post("/language", data={"lang": "en", "next": "/"})
    pass_check(client)
    form = log_form(client)
    last = db_session.exec(select(Injection).where(Injection.patient_id == patient_of(
        db_session, "patient2@example.org").id).order_by(Injection.given_at.desc())).first()
    day = (last.given_at.astimezone(OSLO) + timedelta(days=shift))
    response = client.post("/injections/new", data={**form, "day": day.date().isoformat(), "time": "09:00"})
    assert response.status_code == 422
    assert expected in response.text


def test_correcting_an_early_dose_does_not_note_it_twice_and_still_says_so(client, auth, db_session):
    auth.login("patient")
    pass_check(client)
    form = {**log_form(client), **an_hour_ago()}
    client.post("/injections/new", data=form)
    injection = db_session.exec(select(Injection).where(Injection.client_id == form["client_id"])).one()
    edit = client.get(f"/injections/{injection.id}/edit").text
    client_id = dict(re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', edit))["client_id"]
    assert client_id != form["client_id"]
    response = client.post(f"/injections/{injection.id}/edit",
                           data={**form, "client_id": client_id, "batch_1": "NEW1", "confirm_close": "y"})
    assert response.status_code == 302 and "/saved" in response.location
    assert len(early_flags(db_session, patient_of(db_session))) == 1
    assert "klinikken har fått beskjed" in client.get(response.location).text
