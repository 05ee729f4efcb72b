"""Phone numbers and the clinic's settings (issue 13 part 1, walk defects 6, 15 and 16): the patient's
mobile number on the nurse's forms and the patient's own page, the clinic's number and hours, and the
callback due time at the clinic's closing time."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from sqlmodel import select

from webapp.domain.clock import OSLO
from webapp.models import AuditEvent, Clinic, Flag, Patient, User

from .pharmacy_data import patient_of


def audits(db_session, target: str) -> list[AuditEvent]:
    db_session.expire_all()
    return db_session.exec(select(AuditEvent).where(AuditEvent.target == target)).all()


def new_patient_form(**overrides) -> dict:
    return {"full_name": "Kari Nordmann", "email": "kari@example.org", "language": "nb", "phone": "",
            "birth_year": "", "treatment_start": "", **overrides}


# ---------------------------------------------------------------------------------------- nurse side


def test_the_new_patient_form_stores_a_mobile_number_in_e164(client, auth, db_session):
    auth.login("nurse")
    response = client.post("/nurse/patients/new", data=new_patient_form(phone="0047 912 34 567"))
    assert response.status_code == 302  # to the hand-off page
    user = db_session.exec(select(User).where(User.email == "kari@example.org")).one()
    patient = db_session.exec(select(Patient).where(Patient.user_id == user.id)).one()
    assert patient.phone == "+4791234567"


def test_the_new_patient_form_may_leave_the_number_empty(client, auth, db_session):
    auth.login("nurse")
    assert client.post("/nurse/patients/new", data=new_patient_form()).status_code == 302
    user = db_session.exec(select(User).where(User.email == "kari@example.org")).one()
    assert db_session.exec(select(Patient).where(Patient.user_id == user.id)).one().phone == ""


@pytest.mark.parametrize(("typed", "message"), [
    ("ring meg", "bare sifre"),  # the demo nurse reads Norwegian
    ("22 00 00 00", "fastnummer"),
    ("12", "bare sifre"),
])
def test_a_bad_number_on_the_new_patient_form_is_refused_next_to_the_field_and_kept(client, auth, db_session,
                                                                                     typed, message):
    auth.login("nurse")
    response = client.post("/nurse/patients/new", data=new_patient_form(phone=typed))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="phone-error"' in page and message in page
    assert f'value="{typed}"' in page and 'value="Kari Nordmann"' in page
    assert db_session.exec(select(User).where(User.email == "kari@example.org")).first() is None


def test_the_patient_page_shows_the_number_as_a_tel_link(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("nurse")
    page = client.get(f"/nurse/patients/{patient.id}").get_data(as_text=True)
    assert 'href="tel:+4790000001"' in page and "900\u00a000\u00a0001" in page
    assert f"/nurse/patients/{patient.id}/phone" in page


def test_the_nurse_corrects_the_number_and_it_is_audited(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("nurse")
    form = client.get(f"/nurse/patients/{patient.id}/phone").get_data(as_text=True)
    assert 'value="900 00 001"' in form
    response = client.post(f"/nurse/patients/{patient.id}/phone", data={"phone": "+46 70 123 45 67"})
    assert response.status_code == 302 and response.location.endswith(f"/nurse/patients/{patient.id}")
    db_session.expire_all()
    assert db_session.get(Patient, patient.id).phone == "+46701234567"
    changes = [a for a in audits(db_session, "patient.phone") if a.action == "update"]
    assert [(a.patient_id, a.actor_id) for a in changes] == [(patient.id, patient_of(db_session).clinic.users[0].id)]
    assert audits(db_session, "nurse.patient_phone")  # opening the form is a read of the patient's record


def test_a_bad_number_from_the_nurse_changes_nothing(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("nurse")
    response = client.post(f"/nurse/patients/{patient.id}/phone", data={"phone": "9123456x"})
    assert response.status_code == 422 and 'value="9123456x"' in response.get_data(as_text=True)
    db_session.expire_all()
    assert db_session.get(Patient, patient.id).phone == "+4790000001"


def test_a_nurse_of_another_clinic_gets_404_and_changes_nothing(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("nurse2")
    assert client.get(f"/nurse/patients/{patient.id}/phone").status_code == 404
    assert client.post(f"/nurse/patients/{patient.id}/phone", data={"phone": "912 34 567"}).status_code == 404
    db_session.expire_all()
    assert db_session.get(Patient, patient.id).phone == "+4790000001"


# ------------------------------------------------------------------------------------- patient side


def test_the_patient_finds_the_phone_page_beside_change_password(client, auth):
    auth.login("patient")
    page = client.get("/").get_data(as_text=True)
    assert page.index("/auth/password") < page.index('href="/phone"')


def test_the_patient_corrects_their_own_number(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("patient")
    assert "900\u00a000\u00a0001" in client.get("/phone").get_data(as_text=True)
    response = client.post("/phone", data={"phone": "412 34 567"})
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(Patient, patient.id).phone == "+4741234567"
    assert [a.actor_id for a in audits(db_session, "patient.phone")] == [patient.user_id]


def test_a_patient_can_remove_their_number(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("patient")
    assert client.post("/phone", data={"phone": ""}).status_code == 302
    db_session.expire_all()
    assert db_session.get(Patient, patient.id).phone == ""


def test_a_landline_is_refused_in_english_and_kept(client, auth, db_session):
    patient = patient_of(db_session, "patient.en@example.org")
    auth.login("patient_en")
    response = client.post("/phone", data={"phone": "22 00 00 00"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "This looks like a landline" in page and 'value="22 00 00 00"' in page
    db_session.expire_all()
    assert db_session.get(Patient, patient.id).phone == "+4790000002"


def test_a_patient_changes_only_their_own_number(client, auth, db_session):
    other = patient_of(db_session, "patient2@example.org")
    auth.login("patient")
    # the page takes no id: whatever is posted, only the signed-in patient's own record changes
    client.post(f"/phone?patient_id={other.id}", data={"phone": "912 34 567", "patient_id": other.id})
    db_session.expire_all()
    assert db_session.get(Patient, other.id).phone == "+4790000003"
    assert client.get(f"/nurse/patients/{other.id}/phone").status_code == 403


def test_a_double_tapped_save_changes_the_number_once(client, auth, db_session):
    patient = patient_of(db_session)
    auth.login("patient")
    for _ in range(2):
        assert client.post("/phone", data={"phone": "412 34 567"}).status_code == 302
    assert len(audits(db_session, "patient.phone")) == 1
    db_session.expire_all()
    assert db_session.get(Patient, patient.id).phone == "+4741234567"


# ------------------------------------------------------------------------------------ clinic settings


def clinic_form(**overrides) -> dict:
    return {"phone": "22 00 00 00", "opens_at": "08:00", "closes_at": "15:30", "reply_days": "2", **overrides}


def test_a_nurse_sets_the_clinics_number_hours_and_reply_days_audited(client, auth, db_session):
    auth.login("nurse")
    page = client.get("/nurse/clinic").get_data(as_text=True)
    assert 'value="22 00 00 00"' in page and 'value="08:00"' in page and 'value="15:30"' in page
    response = client.post("/nurse/clinic", data=clinic_form(phone="+47 23 07 00 00", opens_at="07:30",
                                                             closes_at="15:00", reply_days="3"))
    assert response.status_code == 302
    db_session.expire_all()
    clinic = db_session.exec(select(Clinic).where(Clinic.name == "Demo MS-poliklinikk")).one()
    assert (clinic.phone, clinic.opens_at, clinic.closes_at, clinic.reply_days) == (
        "+4723070000", time(7, 30), time(15, 0), 3)
    assert audits(db_session, f"clinic:{clinic.id}:settings")
    other = db_session.exec(select(Clinic).where(Clinic.name != "Demo MS-poliklinikk")).one()
    assert other.phone == "+4777000000"  # the other clinic is untouched


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"phone": ""}, "phone", "Skriv klinikkens telefonnummer"),
    ({"phone": "klinikken"}, "phone", "bare sifre"),
    ({"opens_at": "16:00"}, "closes_at", "stenge senere enn den åpner"),
    ({"closes_at": "08:00"}, "closes_at", "stenge senere enn den åpner"),
    ({"opens_at": "25:99"}, "opens_at", ""),
    ({"reply_days": "0"}, "reply_days", "fra 1 til 5"),
    ({"reply_days": "6"}, "reply_days", "fra 1 til 5"),
    ({"reply_days": "9" * 40}, "reply_days", "fra 1 til 5"),
])
def test_wrong_clinic_settings_are_refused_next_to_the_field(client, auth, db_session, overrides, field, message):
    auth.login("nurse")
    response = client.post("/nurse/clinic", data=clinic_form(**overrides))
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and f'id="{field}-error"' in page and message in page
    db_session.expire_all()
    clinic = db_session.exec(select(Clinic).where(Clinic.name == "Demo MS-poliklinikk")).one()
    assert (clinic.phone, clinic.closes_at, clinic.reply_days) == ("+4722000000", time(15, 30), 2)


def test_clinic_settings_are_for_nurses(client, auth):
    auth.login("patient")
    assert client.get("/nurse/clinic").status_code == 403
    assert client.post("/nurse/clinic", data=clinic_form(phone="912 34 567")).status_code == 403


# ------------------------------------------------------------------------------- where numbers show


def test_the_start_page_has_a_call_the_clinic_button_with_todays_hours(client, auth):
    auth.login("patient")
    page = client.get("/").get_data(as_text=True)
    assert 'href="tel:+4722000000"' in page and "22\u00a000\u00a000\u00a000" in page
    assert "Åpent i dag" in page or "Stengt i dag" in page


def test_a_clinics_new_hours_show_on_the_start_page(client, auth, db_session, monkeypatch):
    clinic = db_session.exec(select(Clinic).where(Clinic.name == "Demo MS-poliklinikk")).one()
    clinic.opens_at, clinic.closes_at = time(9, 0), time(14, 45)
    db_session.add(clinic)
    db_session.commit()
    auth.login("patient")
    monkeypatch.setattr("webapp.clinic_hours.utc_now", lambda: datetime(2026, 12, 2, 10, 0, tzinfo=UTC))  # Wednesday
    assert 'Åpent i dag <span class="nowrap">09.00–14.45</span>' in client.get("/").get_data(as_text=True)
    monkeypatch.setattr("webapp.clinic_hours.utc_now", lambda: datetime(2026, 12, 6, 10, 0, tzinfo=UTC))  # Sunday
    page = client.get("/").get_data(as_text=True)
    assert "Stengt i dag – ring legevakten" in page and 'href="tel:116117"' in page


def test_an_urgent_callback_is_due_at_the_clinics_closing_time(client, auth, db_session):
    from webapp.flags import raise_flag

    patient = patient_of(db_session)
    clinic = db_session.get(Clinic, patient.clinic_id)
    clinic.closes_at = time(14, 0)
    db_session.add(clinic)
    db_session.commit()
    with client.application.app_context():
        flag = raise_flag(db_session, patient, source="test", code="test", level="urgent",
                          now=datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
        db_session.commit()
    db_session.refresh(flag)
    assert flag.due_by == datetime(2026, 12, 3, 14, 0, tzinfo=OSLO)
    assert db_session.get(Flag, flag.id) is not None


# ---------------------------------------------------------------- security finding 23 (the same form)
@pytest.mark.parametrize(("typed", "message"), [
    ("ｐａｔｉｅｎｔ@example.org", "Det finnes allerede en konto med denne e-postadressen."),  # full-width: the same address
    ("pаtient@example.org", "Skriv adressen med vanlige bokstaver"),  # a Cyrillic а
    ("patient@examplе.org", "Skriv adressen med vanlige bokstaver"),  # a Cyrillic е
])
def test_a_look_alike_address_never_makes_a_second_account(client, auth, db_session, typed, message):
    auth.login("nurse")
    before = len(db_session.exec(select(User)).all())
    response = client.post("/nurse/patients/new", data=new_patient_form(email=typed))
    assert response.status_code == 422
    assert message in response.text
    assert len(db_session.exec(select(User)).all()) == before
