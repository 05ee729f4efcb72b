"""Pickups can be corrected and withdrawn, and odd or duplicate entries are asked about (walk defect 13):
a correction keeps the old row (as doses do), and every forecast counts only the current pickups."""

from __future__ import annotations

from sqlmodel import select

from webapp.models import Flag, Pickup
from webapp.pharmacy.forecast import patient_supply
from webapp.reminders.states import _supply

from .pharmacy_data import add_pickup, add_prescription, clear_supply, patient_of, today


def setup(db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    add_prescription(db_session, patient, issued_days_ago=30)
    return patient


def form(key: str, **overrides) -> dict:
    return {"client_id": f"c0ffee-{key}", "picked_up_on": today().isoformat(), "pharmacy": "Apotek 1 Storgata",
            "syringes": "6", "storage": "none", **overrides}


def on_hand(db_session, patient) -> int:
    db_session.expire_all()
    return patient_supply(db_session, patient, today()).status.on_hand.syringes


def rows(db_session, patient) -> list[Pickup]:
    db_session.expire_all()
    return db_session.exec(select(Pickup).where(Pickup.patient_id == patient.id).order_by(Pickup.id)).all()


def test_a_corrected_pickup_replaces_the_old_one_which_is_kept(client, auth, db_session):
    patient = setup(db_session)
    wrong = add_pickup(db_session, patient, days_ago=3, syringes=8)
    auth.login("patient")
    page = client.get(f"/pharmacy/pickups/{wrong.id}/edit").get_data(as_text=True)
    assert 'value="8"' in page  # the form starts from what was logged
    response = client.post(f"/pharmacy/pickups/{wrong.id}/edit",
                           data=form("fix", picked_up_on=wrong.picked_up_on.isoformat()))
    assert response.status_code == 302
    old, new = rows(db_session, patient)
    assert old.superseded_at is not None and old.withdrawn_at is None
    assert new.replaces_id == old.id and new.syringes == 6 and new.is_current
    assert on_hand(db_session, patient) == 6
    page = client.get("/pharmacy/").get_data(as_text=True)
    assert f"/pharmacy/pickups/{new.id}/edit" in page and f"/pharmacy/pickups/{old.id}/edit" not in page


def test_a_withdrawn_pickup_no_longer_counts_anywhere(client, auth, db_session):
    patient = setup(db_session)
    keep = add_pickup(db_session, patient, days_ago=40)
    mistake = add_pickup(db_session, patient, days_ago=2)
    auth.login("patient")
    assert on_hand(db_session, patient) == 12
    assert client.get(f"/pharmacy/pickups/{mistake.id}/withdraw").status_code == 200
    assert client.post(f"/pharmacy/pickups/{mistake.id}/withdraw").status_code == 302
    assert on_hand(db_session, patient) == 6
    assert [p.id for p in rows(db_session, patient) if p.is_current] == [keep.id]
    # the reminder clock's count of picked-up syringes uses the same rule
    picked, _valid = _supply(db_session)
    assert picked[patient.id] == 6


def test_a_superseded_or_withdrawn_pickup_cannot_be_changed_again(client, auth, db_session):
    patient = setup(db_session)
    pickup = add_pickup(db_session, patient, days_ago=2)
    auth.login("patient")
    client.post(f"/pharmacy/pickups/{pickup.id}/withdraw")
    response = client.post(f"/pharmacy/pickups/{pickup.id}/edit", data=form("again"))
    assert response.status_code == 302
    assert len(rows(db_session, patient)) == 1


def test_a_second_pickup_the_same_day_asks_first_and_keeps_what_was_typed(client, auth, db_session):
    patient = setup(db_session)
    add_pickup(db_session, patient, days_ago=0)
    auth.login("patient")
    response = client.post("/pharmacy/pickups/new", data=form("twice", pharmacy="Vitusapotek Jernbanetorget"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="confirm_unusual-error"' in page and "Du har allerede registrert en henting" in page
    assert 'value="Vitusapotek Jernbanetorget"' in page
    assert len(rows(db_session, patient)) == 1
    response = client.post("/pharmacy/pickups/new", data=form("twice", confirm_unusual="y"))
    assert response.status_code == 302
    assert len(rows(db_session, patient)) == 2


def test_an_odd_count_asks_first(client, auth, db_session):
    patient = setup(db_session)
    auth.login("patient")
    response = client.post("/pharmacy/pickups/new", data=form("odd", syringes="5"))
    assert response.status_code == 422 and "oddetall" in response.get_data(as_text=True)
    assert rows(db_session, patient) == []
    assert client.post("/pharmacy/pickups/new", data=form("odd", syringes="5", confirm_unusual="y")).status_code == 302
    assert [p.syringes for p in rows(db_session, patient)] == [5]


def test_correcting_a_pickup_does_not_ask_about_its_own_day(client, auth, db_session):
    patient = setup(db_session)
    pickup = add_pickup(db_session, patient, days_ago=0)
    auth.login("patient")
    response = client.post(f"/pharmacy/pickups/{pickup.id}/edit", data=form("fix", syringes="4"))
    assert response.status_code == 302
    assert [p.syringes for p in rows(db_session, patient) if p.is_current] == [4]


def test_a_double_tapped_correction_stores_one_row(client, auth, db_session):
    patient = setup(db_session)
    pickup = add_pickup(db_session, patient, days_ago=5)
    auth.login("patient")
    data = form("tap", picked_up_on=pickup.picked_up_on.isoformat(), syringes="4")
    assert client.post(f"/pharmacy/pickups/{pickup.id}/edit", data=data).status_code == 302
    assert client.post(f"/pharmacy/pickups/{pickup.id}/edit", data=data).status_code == 302
    assert len(rows(db_session, patient)) == 2


def test_a_correction_that_keeps_a_storage_problem_keeps_its_one_flag(client, auth, db_session):
    patient = setup(db_session)
    auth.login("patient")
    client.post("/pharmacy/pickups/new", data=form("warm", storage="left_out"))
    (pickup,) = rows(db_session, patient)
    client.post(f"/pharmacy/pickups/{pickup.id}/edit", data=form("warm2", storage="left_out", syringes="4"))
    flags = db_session.exec(select(Flag).where(Flag.patient_id == patient.id, Flag.code == "cold_chain")).all()
    assert len(flags) == 1
    new = [p for p in rows(db_session, patient) if p.is_current][0]
    assert flags[0].dedupe_key.endswith(f"pickup-{new.id}:left_out")


def test_another_patients_pickup_answers_404(client, auth, db_session):
    other = patient_of(db_session, "patient2@example.org")
    pickup = db_session.exec(select(Pickup).where(Pickup.patient_id == other.id)).first()
    auth.login("patient")
    assert client.get(f"/pharmacy/pickups/{pickup.id}/edit").status_code == 404
    assert client.post(f"/pharmacy/pickups/{pickup.id}/withdraw").status_code == 404
    db_session.expire_all()
    assert db_session.get(Pickup, pickup.id).is_current


def test_the_nurse_timeline_shows_the_correction_and_the_withdrawal(client, auth, db_session):
    patient = setup(db_session)
    first = add_pickup(db_session, patient, days_ago=10, syringes=8)
    second = add_pickup(db_session, patient, days_ago=5)
    auth.login("patient")
    client.post(f"/pharmacy/pickups/{first.id}/edit", data=form("fix", picked_up_on=first.picked_up_on.isoformat()))
    client.post(f"/pharmacy/pickups/{second.id}/withdraw")
    client.post("/auth/logout")
    auth.login("nurse")
    page = client.get(f"/nurse/patients/{patient.id}/timeline").get_data(as_text=True)
    assert "Erstattet av en rettelse" in page and "Rettet av pasienten" in page and "Trukket tilbake av pasienten" in page
    # the nurse's pharmacy section lists only what counts
    section = client.get(f"/nurse/patients/{patient.id}").get_data(as_text=True)
    assert section.count("Apotek 1 Test") == 0 and section.count("Apotek 1 Storgata") == 1
