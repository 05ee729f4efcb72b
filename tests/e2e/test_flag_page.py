"""The flag page on a phone (issue 13; walk defects 6, 12, 17, 18): a symptom flag and a pharmacy flag at
320 and 360 px and with 125 % text, axe-clean in both languages; an outcome error shows at the form; and
the patient's resolved report says what the clinic did."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session, select

from webapp.domain.working_days import callback_due
from webapp.models import Flag, FlagStatus, NotificationPrefs, Patient, Pickup, Role, User
from webapp.pharmacy.forecast import cold_chain_dedupe_key

from .conftest import assert_accessible, assert_fits_every_phone, click_and_wait, sign_in, switch_language


def per(session: Session) -> Patient:
    user = session.exec(select(User).where(User.email == "patient@example.org")).one()
    return session.exec(select(Patient).where(Patient.user_id == user.id)).one()


def prepare(live_app) -> dict[str, int]:
    """Per gets a phone number and a pharmacy flag; Nina gets a colleague to hand flags to."""
    with Session(live_app.extensions["db_engine"]) as session:
        patient = per(session)
        patient.phone = "+4791234567"
        session.add(patient)
        nina = session.exec(select(User).where(User.email == "nurse@example.org")).one()
        kari = User(email="kari.kollega@example.org", full_name="Kari Kollega", role=Role.NURSE, locale="nb",
                    clinic_id=nina.clinic_id, password_hash=nina.password_hash)
        session.add(kari)
        pickup = Pickup(patient_id=patient.id, client_id=uuid.uuid4().hex, picked_up_on=date.today() - timedelta(days=1),
                        pharmacy="Vitusapotek Jernbanetorget", syringes=6, cold_chain_problem="left_out",
                        note="Glemte posen på kjøkkenbenken hele natta.")
        session.add(pickup)
        session.flush()
        session.add(NotificationPrefs(user_id=kari.id, email=True))
        created = datetime.now(UTC)
        pharmacy = Flag(patient_id=patient.id, clinic_id=patient.clinic_id, source="supply", code="cold_chain",
                        level="urgent", created_at=created, due_by=callback_due("urgent", created),
                        dedupe_key=cold_chain_dedupe_key(pickup))
        session.add(pharmacy)
        session.commit()
        symptom = session.exec(select(Flag).where(Flag.patient_id == patient.id, Flag.source == "symptom",
                                                  Flag.status != FlagStatus.RESOLVED)).first()
        return {"pharmacy": pharmacy.id, "symptom": symptom.id}


def check_sizes(page) -> None:
    assert_fits_every_phone(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("kind", ["symptom", "pharmacy"])
def test_the_flag_page_fits_a_phone_and_is_accessible(page, live_app, lang, kind):
    flags = prepare(live_app)
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto(f"/nurse/flags/{flags[kind]}")
    assert page.locator("dl.facts a[href='tel:+4791234567']").is_visible()
    assert page.locator(".call-phone a[href='tel:+4791234567']").is_visible()
    assert page.locator("#handover-form select[name=to_nurse] option", has_text="Kari Kollega").count() == 1
    if kind == "pharmacy":
        problem = page.locator("section[aria-labelledby=supply-heading]").inner_text()
        assert "Vitusapotek Jernbanetorget" in problem
        assert ("Ble liggende utenfor kjøleskapet" if lang == "nb" else "Left out of the fridge") in problem
        assert page.locator("input[name=outcome][value=new_syringes_arranged]").count() == 1
        assert page.locator("input[name=outcome][value=sent_to_emergency]").count() == 0
    else:
        assert page.locator("input[name=outcome][value=sent_to_emergency]").count() == 1
    check_sizes(page)
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_outcome_error_shows_at_the_form_and_keeps_what_was_typed(page, live_app, lang):
    flags = prepare(live_app)
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto(f"/nurse/flags/{flags['symptom']}")
    page.fill("#patient_note", "Vi ringer deg i morgen.")
    click_and_wait(page, "#outcome-form button[value=resolve]")
    assert page.url.endswith("/outcome#outcome-form")
    error = page.locator("#outcome-error")
    assert error.is_visible()
    assert error.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert page.locator("#patient_note").input_value() == "Vi ringer deg i morgen."
    check_sizes(page)
    assert_accessible(page)


def resolve_in_the_browser(page, flag_id: int) -> None:
    page.goto(f"/nurse/flags/{flag_id}")
    page.check("#call_result-0")
    click_and_wait(page, "#call-form button[type=submit]")
    page.check("input[name=outcome][value=appointment_booked]")
    page.check("input[name=outcome][value=dose_on_hold]")
    page.fill("#outcome_note", "Intern: MR-henvisning sendt.")
    page.fill("#patient_note", "Vi har bestilt MR til deg. Vent med neste dose til vi har snakket sammen.")
    click_and_wait(page, "#outcome-form button[value=resolve]")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_patient_reads_what_the_clinic_did_on_a_resolved_report(page, browser, base_url, live_app, lang):
    flags = prepare(live_app)
    nurse = browser.new_context(viewport={"width": 360, "height": 740}, base_url=base_url, locale="nb-NO").new_page()
    sign_in(nurse, "nurse")
    resolve_in_the_browser(nurse, flags["symptom"])
    nurse.context.close()
    with Session(live_app.extensions["db_engine"]) as session:
        report_id = session.get(Flag, flags["symptom"]).symptom_report_id
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    page.goto(f"/symptoms/{report_id}")
    heading = {"nb": "Klinikken har fulgt opp dette", "en": "Your clinic has followed this up"}[lang]
    assert page.locator("h1").inner_text() == heading
    did = page.locator(".clinic-did").inner_text()
    assert "Vi har bestilt MR til deg." in did
    assert "Intern: MR-henvisning sendt." not in page.content()
    check_sizes(page)
    assert_accessible(page)
