"""Pharmacy pickups and H-resepts: the patient's pages, the nurse's, and who may open them (issue 5)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from webapp.domain.supply import prescription_valid_until
from webapp.models import AuditEvent, FlagStatus, Pickup, Prescription, User, utcnow
from webapp.pharmacy.forecast import patient_supply

from .pharmacy_data import (
    add_dose,
    add_pickup,
    add_prescription,
    clear_supply,
    flags,
    patient_of,
    today,
)

PATIENT_PAGES = ["/pharmacy/", "/pharmacy/pickups/new", "/pharmacy/prescriptions/new", "/pharmacy/storage-problem"]


def pickup_form(**overrides) -> dict:
    return {"client_id": "c0ffee-" + overrides.pop("key", "1"), "picked_up_on": today().isoformat(),
            "pharmacy": "Apotek 1 Storgata", "syringes": "6", "storage": "none", **overrides}


def order_by_shown(page: str) -> str:
    return re.search(r'<dd class="order-by">([^<]+)</dd>', page).group(1)


def pickups(db_session, patient) -> list[Pickup]:
    db_session.expire_all()
    return db_session.exec(select(Pickup).where(Pickup.patient_id == patient.id).order_by(Pickup.id)).all()


# ---------------------------------------------------------------------------------------------- access


@pytest.mark.parametrize("path", PATIENT_PAGES)
def test_pharmacy_pages_send_a_signed_out_visitor_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302 and response.location.startswith("/auth/login")


@pytest.mark.parametrize("path", PATIENT_PAGES)
def test_pharmacy_pages_are_for_patients_only(client, auth, path):
    auth.login("nurse")
    assert client.get(path).status_code == 403
    if path != "/pharmacy/":
        assert client.post(path, data=pickup_form()).status_code == 403


def test_a_patient_cannot_use_the_nurses_prescription_pages(client, auth, db_session):
    patient = patient_of(db_session)
    prescription = add_prescription(db_session, patient, 10, confirmed=False)
    auth.login("patient")
    assert client.get(f"/nurse/patients/{patient.id}/prescriptions/new").status_code == 403
    assert client.post(f"/nurse/patients/{patient.id}/prescriptions/{prescription.id}/confirm").status_code == 403
    db_session.refresh(prescription)
    assert prescription.confirmed_by_id is None


def test_a_nurse_of_another_clinic_gets_404_and_changes_nothing(client, auth, db_session):
    patient = patient_of(db_session)
    prescription = add_prescription(db_session, patient, 10, confirmed=False)
    auth.login("nurse2")
    base = f"/nurse/patients/{patient.id}/prescriptions"
    assert client.get(f"{base}/new").status_code == 404
    assert client.post(f"{base}/new", data={"issued_on": today().isoformat(), "clinic_name": "X"}).status_code == 404
    assert client.post(f"{base}/{prescription.id}/confirm").status_code == 404
    db_session.refresh(prescription)
    assert prescription.confirmed_by_id is None
    assert len(db_session.exec(select(Prescription).where(Prescription.patient_id == patient.id)).all()) == 3


def test_a_nurse_cannot_confirm_another_patients_prescription_through_her_own_patient(client, auth, db_session):
    per, emma = patient_of(db_session), patient_of(db_session, "patient.en@example.org")
    prescription = add_prescription(db_session, emma, 10, confirmed=False)
    auth.login("nurse")
    assert client.post(f"/nurse/patients/{per.id}/prescriptions/{prescription.id}/confirm").status_code == 404


# ---------------------------------------------------------------------------------------------- pickups


def test_the_pickup_form_remembers_the_pharmacy_and_suggests_today_and_six_syringes(client, auth):
    auth.login("patient")
    page = client.get("/pharmacy/pickups/new").text
    assert 'value="Apotek 1 Storgata"' in page  # the demo patient's last pharmacy
    assert f'value="{today().isoformat()}"' in page
    assert re.search(r'name="syringes"[^>]*value="6"', page)
    assert re.search(r'name="client_id"[^>]*value="[0-9a-f]{32}"', page)
    assert "2–8 °C" in page and "Ikke frys dem" in page  # storage advice (facts S1), in Norwegian


def test_logging_a_pickup_adds_syringes_and_moves_the_order_by_date(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    before = client.get("/pharmacy/").text
    assert "4 syringes (2 doses)" in before
    response = client.post("/pharmacy/pickups/new", data=pickup_form())
    assert response.status_code == 302 and response.location == "/pharmacy/"
    after = client.get("/pharmacy/").text
    assert "10 syringes (5 doses)" in after
    assert order_by_shown(after) != order_by_shown(before)
    stored = pickups(db_session, patient)[-1]
    assert (stored.syringes, stored.pharmacy, stored.into_fridge, stored.cold_chain_problem) == (
        6, "Apotek 1 Storgata", True, "none")
    current = db_session.exec(select(Prescription).where(Prescription.patient_id == patient.id)
                              .order_by(Prescription.valid_until.desc())).first()
    assert stored.prescription_id == current.id


def test_a_pickup_sent_twice_is_stored_once(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("patient")
    count = len(pickups(db_session, patient))
    assert client.post("/pharmacy/pickups/new", data=pickup_form()).status_code == 302
    assert client.post("/pharmacy/pickups/new", data=pickup_form()).status_code == 302
    assert len(pickups(db_session, patient)) == count + 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        pytest.param({"picked_up_on": (today() + timedelta(days=1)).isoformat()}, "picked_up_on",
                     "cannot be in the future", id="tomorrow"),
        pytest.param({"picked_up_on": "2005-12-31"}, "picked_up_on", "2006 or later", id="before-2006"),
        pytest.param({"picked_up_on": "2024-13-45"}, "picked_up_on", "", id="not-a-date"),
        pytest.param({"picked_up_on": "99999-01-01"}, "picked_up_on", "", id="year-99999"),
        pytest.param({"syringes": "0"}, "syringes", "from 1 to 60", id="zero"),
        pytest.param({"syringes": "-6"}, "syringes", "from 1 to 60", id="negative"),
        pytest.param({"syringes": "1" + "0" * 30}, "syringes", "from 1 to 60", id="huge"),
        pytest.param({"syringes": "six"}, "syringes", "", id="words"),
        pytest.param({"pharmacy": ""}, "pharmacy", "Enter the pharmacy", id="no-pharmacy"),
        pytest.param({"pharmacy": "x" * 201}, "pharmacy", "", id="long-pharmacy"),
        pytest.param({"storage": ""}, "storage", "how the syringes were kept", id="storage-not-answered"),
        pytest.param({"storage": "warm"}, "storage", "", id="storage-garbage"),
    ],
)
def test_a_wrong_pickup_is_refused_next_to_the_field_and_keeps_what_was_typed(
    client, auth, db_session, overrides, field, message
):
    patient = patient_of(db_session)
    count = len(pickups(db_session, patient))
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    response = client.post("/pharmacy/pickups/new", data=pickup_form(**overrides))
    assert response.status_code == 422
    errors = re.search(rf'id="{field}-error">([^<]*)<', response.text)
    assert errors and message in errors.group(1)
    if field != "pharmacy":
        assert 'value="Apotek 1 Storgata"' in response.text
    assert len(pickups(db_session, patient)) == count


def test_an_expired_prescription_cannot_be_picked_up_on(client, auth, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    add_prescription(db_session, patient, 400)  # expired 35 days ago
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    response = client.post("/pharmacy/pickups/new", data=pickup_form())
    assert response.status_code == 422
    assert "Your H-resept expired on" in response.text and "add your new H-resept first" in response.text
    assert pickups(db_session, patient) == []
    # with the renewed one recorded, the same pickup is saved on it
    renewed = add_prescription(db_session, patient, 3)
    assert client.post("/pharmacy/pickups/new", data=pickup_form()).status_code == 302
    assert pickups(db_session, patient)[0].prescription_id == renewed.id


def test_a_pickup_before_the_prescription_was_issued_is_refused(client, auth, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    add_prescription(db_session, patient, 10)
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    response = client.post("/pharmacy/pickups/new",
                           data=pickup_form(picked_up_on=(today() - timedelta(days=11)).isoformat()))
    assert response.status_code == 422
    assert "after this date" in response.text


def test_without_any_prescription_a_pickup_still_counts_and_the_patient_is_asked_to_add_one(
    client, auth, db_session
):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    assert client.post("/pharmacy/pickups/new", data=pickup_form()).status_code == 302
    assert pickups(db_session, patient)[0].prescription_id is None
    page = client.get("/pharmacy/").text
    assert "6 syringes (3 doses)" in page
    assert "No H-resept is recorded" in page


# ---------------------------------------------------------------------------------------------- cold chain


@pytest.mark.parametrize(
    ("last_dose_days_ago", "level"),
    [pytest.param(10, "routine", id="next-dose-in-18-days"), pytest.param(24, "urgent", id="next-dose-in-4-days")],
)
def test_a_pickup_not_kept_cold_tells_the_patient_not_to_use_it_and_flags_a_call(
    client, auth, db_session, last_dose_days_ago, level
):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    add_dose(db_session, patient, last_dose_days_ago)
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    response = client.post("/pharmacy/pickups/new", data=pickup_form(storage="left_out"), follow_redirects=True)
    assert "The pickup is saved." in response.text
    assert "Do not use the syringes you picked up on" in response.text
    stored = pickups(db_session, patient)[0]
    assert (stored.into_fridge, stored.cold_chain_problem) == (False, "left_out")
    [flag] = flags(db_session, patient)
    assert (flag.code, flag.level, flag.status) == ("cold_chain", level, "open")
    start = client.get("/").text
    assert "Do not use the syringes you picked up on" in start and "left out of the fridge" in start
    assert 'href="tel:+4722000000"' in start  # the demo clinic's number, offered with urgent advice


def test_the_do_not_use_advice_ends_when_the_clinic_resolves_the_flag(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    client.post("/pharmacy/pickups/new", data=pickup_form(storage="frozen"))
    assert "Do not use the syringes you picked up on" in client.get("/pharmacy/").text
    [flag] = flags(db_session, patient)
    flag.status = FlagStatus.RESOLVED
    db_session.add(flag)
    db_session.commit()
    assert "Do not use the syringes you picked up on" not in client.get("/pharmacy/").text


def test_a_storage_problem_reported_later_flags_the_latest_pickup_once(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    page = client.get("/pharmacy/storage-problem").text
    latest = pickups(db_session, patient)
    latest = max(latest, key=lambda p: (p.picked_up_on, p.id))
    assert "This is about the syringes you picked up on" in page and latest.pharmacy in page
    for _attempt in range(2):
        response = client.post("/pharmacy/storage-problem", data={"problem": "fridge_failed"})
        assert response.status_code == 302
    db_session.refresh(latest)
    assert latest.cold_chain_problem == "fridge_failed"
    assert [(f.code, f.level) for f in flags(db_session, patient)] == [("cold_chain", "routine")]
    assert "Do not use the syringes you picked up on" in client.get("/").text


def test_a_storage_problem_report_needs_an_answer(client, auth, db_session):
    auth.login("patient")
    assert client.post("/pharmacy/storage-problem", data={"problem": ""}).status_code == 422
    assert client.post("/pharmacy/storage-problem", data={"problem": "none"}).status_code == 422
    assert flags(db_session, patient_of(db_session)) == []


def test_a_storage_problem_without_any_pickup_asks_for_the_pickup_first(client, auth, db_session):
    clear_supply(db_session, patient_of(db_session))
    auth.login("patient")
    response = client.get("/pharmacy/storage-problem")
    assert response.status_code == 302 and response.location == "/pharmacy/pickups/new"


# ---------------------------------------------------------------------------------------------- supply shown


def test_doses_without_a_pickup_are_a_question_to_sort_out_not_a_negative_number(client, auth, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    add_pickup(db_session, patient, 60, syringes=2)
    add_dose(db_session, patient, 50)
    add_dose(db_session, patient, 22)
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    for page in (client.get("/").text, client.get("/pharmacy/").text):
        assert "To sort out: more syringes logged than picked up" in page
        assert "You have logged 2 more syringes than you have picked up" in page
        assert not re.search(r"-\d+ syringe", page)


def test_the_start_card_shows_supply_order_by_and_what_to_do(client, auth, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    add_prescription(db_session, patient, 20)
    add_pickup(db_session, patient, 40, syringes=6)
    for days_ago in (38, 10):
        add_dose(db_session, patient, days_ago)
    add_dose(db_session, patient, 5, syringes=2, place="clinic")  # the clinic's stock: not from the pickup
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    page = client.get("/").text
    assert "2 syringes (1 dose)" in page
    assert "Log a pickup" in page and 'href="/pharmacy/pickups/new"' in page
    assert order_by_shown(page)
    supply_card = page[page.index('id="supply-heading"'):]
    supply_card = supply_card[:supply_card.index("</section>")]
    # nothing urgent: the supply card offers no call (the start page's own "Call the clinic" is elsewhere)
    assert "tel:+4722000000" not in supply_card


def test_partial_corrected_and_withdrawn_entries_count_as_they_should(client, auth, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    add_pickup(db_session, patient, 40, syringes=6)
    add_pickup(db_session, patient, 39, syringes=6, withdrawn_at=utcnow())  # withdrawn: not counted
    add_dose(db_session, patient, 30, syringes=1)  # partial: one syringe used
    add_dose(db_session, patient, 20, superseded_at=utcnow())  # replaced by a correction
    add_dose(db_session, patient, 19, withdrawn_at=utcnow())
    add_dose(db_session, patient, 2)
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    assert "3 syringes (1 dose)" in client.get("/pharmacy/").text


def test_a_patient_not_yet_treated_at_home_with_no_history_sees_no_supply_card(client, auth, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    patient.home_approved_at = None
    db_session.add(patient)
    db_session.commit()
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    assert "Syringes and H-resept" not in client.get("/").text


# ---------------------------------------------------------------------------------------------- H-resept


def test_a_patient_adds_an_h_resept_valid_one_year_that_the_nurse_then_confirms(client, auth, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    issued = today() - timedelta(days=3)
    response = client.post("/pharmacy/prescriptions/new",
                           data={"issued_on": issued.isoformat(), "valid_until": "", "clinic_name": "Demo MS-poliklinikk"})
    assert response.status_code == 302
    [stored] = db_session.exec(select(Prescription).where(Prescription.patient_id == patient.id)).all()
    assert stored.valid_until == prescription_valid_until(issued)
    assert (stored.entered_by_id, stored.confirmed_by_id) == (patient.user_id, None)
    assert "Not yet confirmed by the clinic" in client.get("/pharmacy/").text
    auth.logout()

    auth.login("nurse")
    client.post("/language", data={"lang": "en"})
    page = client.get(f"/nurse/patients/{patient.id}").text
    action = f"/nurse/patients/{patient.id}/prescriptions/{stored.id}/confirm"
    assert f'action="{action}"' in page
    assert client.post(action).status_code == 302
    db_session.refresh(stored)
    nurse = db_session.exec(select(User).where(User.email == "nurse@example.org")).one()
    assert stored.confirmed_by_id == nurse.id and stored.confirmed_at is not None
    audit = db_session.exec(select(AuditEvent).where(AuditEvent.action == "confirm")).one()
    assert (audit.actor_id, audit.patient_id, audit.target) == (nurse.id, patient.id, f"prescription:{stored.id}")
    assert f'action="{action}"' not in client.get(f"/nurse/patients/{patient.id}").text


def test_a_leap_day_h_resept_is_valid_until_28_february(client, auth, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    auth.login("patient")
    client.post("/pharmacy/prescriptions/new", data={"issued_on": "2024-02-29", "clinic_name": "Demo"})
    stored = db_session.exec(select(Prescription).where(Prescription.patient_id == patient.id)).one()
    assert stored.valid_until.isoformat() == "2025-02-28"


def test_an_h_resept_sent_twice_is_stored_once(client, auth, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    auth.login("patient")
    data = {"issued_on": today().isoformat(), "clinic_name": "Demo"}
    client.post("/pharmacy/prescriptions/new", data=data)
    client.post("/pharmacy/prescriptions/new", data=data)
    assert len(db_session.exec(select(Prescription).where(Prescription.patient_id == patient.id)).all()) == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        pytest.param({"issued_on": "2024-03-01", "valid_until": "2025-03-02"}, "valid_until", "at most one year",
                     id="longer-than-a-year"),
        pytest.param({"issued_on": "2024-03-01", "valid_until": "2024-02-29"}, "valid_until", "cannot end before",
                     id="ends-before-issued"),
        pytest.param({"issued_on": "9999-12-31"}, "issued_on", "cannot be in the future", id="far-future"),
        pytest.param({"issued_on": "1999-01-01"}, "issued_on", "2006 or later", id="before-2006"),
        pytest.param({"issued_on": "garbage"}, "issued_on", "", id="garbage"),
        pytest.param({"issued_on": "2024-03-01", "valid_until": "9999-12-31"}, "valid_until", "at most one year",
                     id="valid-for-ever"),
        pytest.param({"issued_on": "2024-03-01", "clinic_name": ""}, "clinic_name", "Enter the clinic",
                     id="no-clinic"),
    ],
)
def test_a_wrong_h_resept_is_refused_next_to_the_field(client, auth, db_session, data, field, message):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    response = client.post("/pharmacy/prescriptions/new", data={"clinic_name": "Demo", **data})
    assert response.status_code == 422
    errors = re.search(rf'id="{field}-error">([^<]*)<', response.text)
    assert errors and message in errors.group(1)
    assert db_session.exec(select(Prescription).where(Prescription.patient_id == patient.id)).all() == []


def test_an_unconfirmed_h_resept_already_drives_the_renewal_warning(client, auth, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    add_prescription(db_session, patient, 340, confirmed=False)  # expires in 25 days
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    page = client.get("/").text
    assert "Ask your clinic to renew it" in page
    assert "not yet confirmed by the clinic" in page


def test_a_nurse_records_an_h_resept_confirmed_at_once_and_audited(client, auth, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    auth.login("nurse")
    issued = today().isoformat()
    response = client.post(f"/nurse/patients/{patient.id}/prescriptions/new",
                           data={"issued_on": issued, "clinic_name": "Demo MS-poliklinikk"})
    assert response.status_code == 302 and response.location == f"/nurse/patients/{patient.id}"
    stored = db_session.exec(select(Prescription).where(Prescription.patient_id == patient.id)).one()
    nurse = db_session.exec(select(User).where(User.email == "nurse@example.org")).one()
    assert (stored.entered_by_id, stored.confirmed_by_id) == (nurse.id, nurse.id)
    assert db_session.exec(select(AuditEvent).where(AuditEvent.target == f"prescription:{stored.id}")).one().action == "create"


def test_the_nurse_form_keeps_what_was_typed_on_an_error(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("nurse")
    response = client.post(f"/nurse/patients/{patient.id}/prescriptions/new",
                           data={"issued_on": "2024-03-01", "valid_until": "2026-03-01", "clinic_name": "Nevro"})
    assert response.status_code == 422
    assert 'value="2026-03-01"' in response.text and 'value="Nevro"' in response.text


# ---------------------------------------------------------------------------------------------- nurse timeline


def test_the_nurses_patient_page_shows_pickups_prescriptions_and_the_forecast(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("nurse")
    client.post("/language", data={"lang": "en"})
    page = client.get(f"/nurse/patients/{patient.id}").text
    assert "Supply and H-resept" in page
    assert page.count("Apotek 1 Storgata") == len(pickups(db_session, patient)) >= 3  # every pickup
    assert "4 syringes (2 doses)" in page and order_by_shown(page)
    assert "H-resept expires" in page and "before the next pickup is needed" in page
    assert f'href="/nurse/patients/{patient.id}/prescriptions/new"' in page


def test_the_nurse_sets_the_order_lead_time_and_the_order_by_date_follows(client, auth, db_session):
    patient = patient_of(db_session)
    before = patient_supply(db_session, patient, today()).status.order_by
    auth.login("nurse")
    path = f"/nurse/patients/{patient.id}/order-lead-days"
    assert 'value="14"' in client.get(path).text
    response = client.post(path, data={"order_lead_days": "21"})
    assert response.status_code == 302 and response.location == f"/nurse/patients/{patient.id}"
    db_session.refresh(patient)
    assert patient.order_lead_days == 21
    assert patient_supply(db_session, patient, today()).status.order_by == before - timedelta(days=7)
    assert db_session.exec(select(AuditEvent).where(AuditEvent.target == "order_lead_days")).one().action == "update"


@pytest.mark.parametrize("value", ["-1", "61", "two weeks", "", "9" * 40])
def test_a_wrong_order_lead_time_is_refused(client, auth, db_session, value):
    patient = patient_of(db_session)
    auth.login("nurse")
    response = client.post(f"/nurse/patients/{patient.id}/order-lead-days", data={"order_lead_days": value})
    assert response.status_code == 422 and 'id="order_lead_days-error"' in response.text
    db_session.refresh(patient)
    assert patient.order_lead_days == 14


def test_only_the_patients_own_clinic_sets_the_order_lead_time(client, auth, db_session):
    patient = patient_of(db_session)
    path = f"/nurse/patients/{patient.id}/order-lead-days"
    auth.login("patient")
    assert client.post(path, data={"order_lead_days": "30"}).status_code == 403
    auth.logout()
    auth.login("nurse2")
    assert client.post(path, data={"order_lead_days": "30"}).status_code == 404
    db_session.refresh(patient)
    assert patient.order_lead_days == 14
