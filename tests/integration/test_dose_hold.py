"""The next dose on hold (facts §3 "Dose on hold"; walk defect 1): what places it, what the patient sees
while it holds (start page, log, guided mode, safety check, calendar feed), and the nurse lifting it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlmodel import select

from tests.integration.reports import patient_of, send_report, user_of
from tests.integration.test_calendar import make_link
from tests.integration.test_daily_checks import rebound_flags, run_checks
from tests.integration.test_injections import an_hour_ago, log_form, pass_check
from webapp.domain.clock import local_date
from webapp.models import AuditEvent, DoseHold, Flag, Injection

PER = "patient@example.org"  # Norwegian, Demo MS-poliklinikk (+47 22 00 00 00)
EMMA = "patient.en@example.org"  # English, same clinic
HOLD_NB = "Neste dose venter"
HOLD_EN = "Your next dose waits"


def holds_of(db_session, email=PER) -> list[DoseHold]:
    db_session.expire_all()
    patient = patient_of(db_session, email)
    return list(db_session.exec(select(DoseHold).where(DoseHold.patient_id == patient.id).order_by(DoseHold.id)).all())


def open_holds_of(db_session, email=PER) -> list[DoseHold]:
    return [h for h in holds_of(db_session, email) if h.lifted_at is None]


def injections_of(db_session, email=PER) -> int:
    db_session.expire_all()
    patient = patient_of(db_session, email)
    return len(db_session.exec(select(Injection).where(Injection.patient_id == patient.id)).all())


def urgent_report(client):
    """New leg weakness for three days, getting worse: urgent, "do not take your next dose" (walk defect 1)."""
    return send_report(client, ["limb_weakness"], lasted_over_24h="yes", getting_worse="yes")


def assert_offers_a_dose(page: str):
    assert 'href="/injections/check"' in page and HOLD_NB not in page


def assert_on_hold_nb(page: str):
    assert HOLD_NB in page and "Ikke ta den før du har snakket med klinikken." in page
    assert 'href="/injections/check"' not in page and 'href="/injections/check?then=guide"' not in page
    # whom to call, each one tap away: the clinic, legevakt out of hours, 113
    assert 'href="tel:+4722000000"' in page and "Ring klinikken" in page
    assert 'href="tel:116117"' in page and 'href="tel:113"' in page


# ------------------------------------------------------------------ what places a hold
def test_an_urgent_report_holds_the_next_dose_in_the_same_transaction(client, auth, db_session):
    auth.login("patient")
    assert_offers_a_dose(client.get("/").text)
    urgent_report(client)
    [hold] = holds_of(db_session)
    flag = db_session.get(Flag, hold.flag_id)
    assert hold.source == "report" and hold.lifted_at is None
    assert flag.symptom_report_id == hold.symptom_report_id and flag.level == "urgent"
    assert hold.placed_by_id == user_of(db_session, PER).id
    page = client.get("/").text
    assert_on_hold_nb(page)
    assert "Du sendte en melding som klinikken må høre om først." in page
    assert "Planlagt dato:" in page  # the date the dose would have been due still shows


def test_an_emergency_report_holds_the_next_dose(client, auth, db_session):
    auth.login("patient")
    send_report(client, ["chest_pain"])
    [hold] = holds_of(db_session)
    assert hold.source == "report" and db_session.get(Flag, hold.flag_id).level == "emergency"


def test_a_report_whose_only_urgent_reason_is_self_harm_does_not_hold_the_dose(client, auth, db_session):
    auth.login("patient")
    send_report(client, ["self_harm_thoughts", "low_mood"])
    assert holds_of(db_session) == []
    assert_offers_a_dose(client.get("/").text)


def test_a_second_urgent_report_while_on_hold_adds_no_second_hold(client, auth, db_session):
    auth.login("patient")
    urgent_report(client)
    send_report(client, ["fever"], fever="yes")
    assert len(holds_of(db_session)) == 1


def test_a_stop_in_the_safety_check_holds_the_dose_and_closes_log_guide_and_check(client, auth, db_session):
    auth.login("patient")
    response = client.post("/injections/check", data={"then": "log", "fever_infection": "y"})
    assert response.location == "/injections/wait"
    [hold] = holds_of(db_session)
    assert hold.source == "predose" and hold.symptom_report_id is not None
    for path in ("/injections/check", "/injections/check?then=guide", "/injections/new", "/injections/guide/1"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "<h1>Neste dose venter</h1>" in page.text, path
        assert 'name="client_id"' not in page.text and "fever_infection" not in page.text, path
        assert 'href="tel:116117"' in page.text and 'href="tel:113"' in page.text, path
    assert "Sikkerhetssjekken før dosen sa at du skal vente på klinikken." in client.get("/").text


def test_a_dose_posted_while_on_hold_stores_nothing_and_answers_with_the_hold_page(client, auth, db_session):
    auth.login("patient")
    pass_check(client)
    form = {**log_form(client), **an_hour_ago()}  # the form was open before the hold
    urgent_report(client)
    before = injections_of(db_session)
    response = client.post("/injections/new", data=form)
    assert response.status_code == 409 and "<h1>Neste dose venter</h1>" in response.text
    assert injections_of(db_session) == before
    # the safety check cannot be passed either
    response = client.post("/injections/check", data={"then": "log"})
    assert response.status_code == 409 and response.location is None


def test_a_severe_reaction_logged_with_a_dose_holds_the_next_dose(client, auth, db_session):
    auth.login("patient")
    pass_check(client)
    form = {**log_form(client), **an_hour_ago(), "reaction": "severe"}
    assert client.post("/injections/new", data=form).location == "/emergency"
    [hold] = holds_of(db_session)
    assert hold.source == "report" and db_session.get(Flag, hold.flag_id).code == "injection_reaction_report"


def nurse_outcome(client, flag_id: int, outcome: str, action: str = "save"):
    return client.post(f"/nurse/flags/{flag_id}/outcome", data={"outcome": outcome, "outcome_note": "", "action": action})


def test_the_nurse_outcome_the_next_dose_waits_holds_the_dose_once_per_flag(client, auth, db_session):
    flag = db_session.exec(select(Flag).where(Flag.patient_id == patient_of(db_session, PER).id,
                                              Flag.status != "resolved")).first()  # demo: an urgent report, no hold
    assert holds_of(db_session) == []
    auth.login("nurse")
    assert nurse_outcome(client, flag.id, "advice_given").status_code == 302
    assert holds_of(db_session) == []
    assert nurse_outcome(client, flag.id, "dose_on_hold").status_code == 302
    [hold] = holds_of(db_session)
    assert (hold.source, hold.flag_id, hold.placed_by_id) == ("nurse", flag.id, user_of(db_session, "nurse@example.org").id)
    client.post(f"/nurse/patients/{hold.patient_id}/dose-hold/lift", data={"lift_reason": "Sett i dag, ingen nye funn."})
    # resolving with the outcome still chosen does not put the dose back on hold
    assert nurse_outcome(client, flag.id, "dose_on_hold", action="resolve").status_code == 302
    assert open_holds_of(db_session) == [] and len(holds_of(db_session)) == 1
    auth.logout()
    auth.login("patient")
    assert_offers_a_dose(client.get("/").text)


def test_the_patient_sees_a_nurse_hold_in_plain_words(client, auth, db_session):
    flag = db_session.exec(select(Flag).where(Flag.patient_id == patient_of(db_session, PER).id)).first()
    auth.login("nurse")
    nurse_outcome(client, flag.id, "dose_on_hold")
    auth.logout()
    auth.login("patient")
    page = client.get("/").text
    assert_on_hold_nb(page)
    assert "Klinikken vil se deg før neste dose." in page


# ------------------------------------------------------------------ what the patient sees, in English too
def test_the_start_page_and_the_log_on_hold_in_english(client, auth, db_session):
    auth.login("patient_en")
    send_report(client, ["fever"], fever="yes")
    page = client.get("/").text
    assert HOLD_EN in page and "Do not take it before you have talked to the clinic." in page
    assert "Call the clinic" in page and 'href="tel:+4722000000"' in page and 'href="tel:116117"' in page
    assert 'href="/injections/check"' not in page
    log = client.get("/injections/new").text
    assert "<h1>Your next dose waits</h1>" in log and "If you have already taken the dose" in log


def test_the_calendar_feed_has_no_dose_events_while_on_hold_and_has_them_again_after_lifting(client, auth, db_session):
    auth.login("patient")
    path = make_link(client, named="y")
    assert "Tid for natalizumab-dosen" in client.get(path).text.replace("\r\n ", "")
    urgent_report(client)
    ics = client.get(path).data
    summaries = [str(e.get("summary")) for e in Calendar.from_ical(ics).walk("VEVENT")]
    assert "Tid for natalizumab-dosen" not in summaries
    assert b"natalizumab skal tas" not in ics.replace(b"\r\n ", b"")
    auth.logout()
    auth.login("nurse")
    patient = patient_of(db_session, PER)
    client.post(f"/nurse/patients/{patient.id}/dose-hold/lift", data={"lift_reason": "Snakket med pasienten."})
    summaries = [str(e.get("summary")) for e in Calendar.from_ical(client.get(path).data).walk("VEVENT")]
    assert "Tid for natalizumab-dosen" in summaries


def test_the_rebound_flag_is_still_raised_and_shown_while_on_hold(app, client, auth, db_session):
    patient = patient_of(db_session, PER)
    for injection in db_session.exec(select(Injection).where(Injection.patient_id == patient.id)):
        injection.given_at -= timedelta(days=40)  # the last dose now about 60 days ago
        db_session.add(injection)
    db_session.commit()
    auth.login("patient")
    urgent_report(client)
    assert open_holds_of(db_session)
    run_checks(app, datetime.now(UTC))
    assert len(rebound_flags(db_session, patient.id)) == 1
    page = client.get("/").text
    assert_on_hold_nb(page)
    assert "Det er 8 uker eller mer siden forrige dose. Kontakt klinikken i dag" in page


# ------------------------------------------------------------------ the nurse lifts the hold
def test_the_nurse_sees_the_hold_on_the_patient_page_and_the_flag_page(client, auth, db_session):
    auth.login("patient")
    urgent_report(client)
    [hold] = holds_of(db_session)
    auth.logout()
    auth.login("nurse")
    patient_page = client.get(f"/nurse/patients/{hold.patient_id}").text
    flag_page = client.get(f"/nurse/flags/{hold.flag_id}").text
    for page in (patient_page, flag_page):
        assert "Neste dose venter" in page and "En melding fra pasienten som haster" in page
        assert f'href="/nurse/flags/{hold.flag_id}"' in page
        assert f'action="/nurse/patients/{hold.patient_id}/dose-hold/lift"' in page
    assert f'name="flag_id" value="{hold.flag_id}"' in flag_page


def test_lifting_needs_a_reason_and_keeps_what_was_typed(client, auth, db_session):
    auth.login("patient")
    urgent_report(client)
    [hold] = holds_of(db_session)
    auth.logout()
    auth.login("nurse")
    response = client.post(f"/nurse/patients/{hold.patient_id}/dose-hold/lift", data={"lift_reason": "   "})
    assert response.status_code == 422 and "Skriv hvorfor dosen kan tas igjen." in response.text
    assert open_holds_of(db_session)
    response = client.post(f"/nurse/patients/{hold.patient_id}/dose-hold/lift", data={"lift_reason": "x" * 501})
    assert response.status_code == 422 and "x" * 501 in response.text
    assert open_holds_of(db_session)


def test_lifting_is_recorded_audited_and_shown_on_the_timeline(client, auth, db_session):
    auth.login("patient")
    urgent_report(client)
    [hold] = holds_of(db_session)
    auth.logout()
    auth.login("nurse")
    nurse = user_of(db_session, "nurse@example.org")
    response = client.post(f"/nurse/patients/{hold.patient_id}/dose-hold/lift",
                           data={"lift_reason": "Ringt: bedre, MR bestilt. Dosen kan tas.", "flag_id": str(hold.flag_id)})
    assert response.status_code == 302 and response.location == f"/nurse/flags/{hold.flag_id}"
    [hold] = holds_of(db_session)
    assert hold.lifted_at is not None and hold.lifted_by_id == nurse.id
    assert hold.lift_reason == "Ringt: bedre, MR bestilt. Dosen kan tas."
    audit = db_session.exec(select(AuditEvent).where(AuditEvent.target == "dose_hold:lift")).one()
    assert (audit.actor_id, audit.patient_id, audit.action) == (nurse.id, hold.patient_id, "update")
    timeline = client.get(f"/nurse/patients/{hold.patient_id}/timeline").text
    assert "Neste dose satt på vent" in timeline and "Ventingen på neste dose opphevet" in timeline
    assert "Ringt: bedre, MR bestilt. Dosen kan tas." in timeline
    assert "Neste dose venter" not in client.get(f"/nurse/patients/{hold.patient_id}").text
    auth.logout()
    auth.login("patient")
    assert_offers_a_dose(client.get("/").text)
    pass_check(client)


@pytest.mark.parametrize("who", ["nurse2", "patient"])
def test_only_the_patients_own_clinic_can_lift_the_hold(client, auth, db_session, who):
    auth.login("patient")
    urgent_report(client)
    [hold] = holds_of(db_session)
    auth.logout()
    auth.login(who)
    response = client.post(f"/nurse/patients/{hold.patient_id}/dose-hold/lift", data={"lift_reason": "Nei."})
    assert response.status_code == (404 if who == "nurse2" else 403)
    assert open_holds_of(db_session)


def test_a_forged_flag_id_from_another_clinic_does_not_redirect_there(client, auth, db_session):
    auth.login("patient")
    urgent_report(client)
    [hold] = holds_of(db_session)
    other = db_session.exec(select(Flag).where(Flag.patient_id == patient_of(db_session, "patient2@example.org").id)).first()
    auth.logout()
    auth.login("nurse")
    response = client.post(f"/nurse/patients/{hold.patient_id}/dose-hold/lift",
                           data={"lift_reason": "Ok.", "flag_id": str(other.id)})
    assert response.location == f"/nurse/patients/{hold.patient_id}"
    assert re.search(r"dose-hold", client.get(f"/nurse/patients/{hold.patient_id}").text) is None


# ------------------------------------------------------------------ the one late-dose rule (clinical review E4)
def move_doses_back(db_session, email: str, days_since_last: int) -> None:
    """Move every dose of the patient back so that the last one was `days_since_last` Oslo days ago."""
    patient = patient_of(db_session, email)
    last = db_session.exec(select(Injection).where(Injection.patient_id == patient.id)
                           .order_by(Injection.given_at.desc())).first()
    days = days_since_last - (local_date(datetime.now(UTC)) - local_date(last.given_at)).days
    for injection in db_session.exec(select(Injection).where(Injection.patient_id == patient.id)):
        injection.given_at -= timedelta(days=days)
        db_session.add(injection)
    db_session.commit()


@pytest.mark.parametrize(("who", "email", "rule"), [
    ("patient", PER, "Har du glemt en dose, ta den så snart du kan etter sikkerhetssjekken, og registrer den. Neste dose "
                     "regnes fra den nye datoen. Er det gått 8 uker eller mer siden forrige dose, eller er du usikker, "
                     "ring klinikken først."),
    ("patient_en", EMMA, "If you missed a dose, take it as soon as you can after the safety check, and log it. Your next "
                         "dose is counted from the new date. If it is 8 weeks or more since your last dose, or you are "
                         "unsure, call the clinic first."),
])
def test_an_overdue_dose_shows_the_one_late_dose_rule(client, auth, db_session, who, email, rule):
    move_doses_back(db_session, email, 30)  # the last dose 30 days ago: 2 days late on a 4-week interval
    auth.login(who)
    page = client.get("/").text
    assert rule in page
    assert ("Forsinket med 2 dager" if who == "patient" else "Overdue by 2 days") in page
    auth.logout()
    auth.login("patient")  # while on hold the rule gives way to "do not take it"
    if who == "patient":
        urgent_report(client)
        page = client.get("/").text
        assert rule not in page and HOLD_NB in page


def test_one_day_late_is_singular_in_norwegian(client, auth, db_session):
    move_doses_back(db_session, PER, 29)
    auth.login("patient")
    assert "Forsinket med 1 dag<" in client.get("/").text
