"""Who has looked at my information (security review finding 11) and the nurse reads it is built from
(finding 10): every nurse page that shows a patient's data writes a read for that patient, a refused
look-up leaves a trace, and the patient sees the reads of others, never her own, in her language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from webapp.models import AuditEvent, Flag, MessageThread, Patient, Photo, User


def user_id(db_session, email: str) -> int:
    return db_session.exec(select(User).where(User.email == email)).one().id


def patient_id(db_session, email: str) -> int:
    return db_session.exec(select(Patient).where(Patient.user_id == user_id(db_session, email))).one().id


def reads_of(db_session, pid: int, target: str | None = None) -> list[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.patient_id == pid, AuditEvent.action == "read")
    if target is not None:
        query = query.where(AuditEvent.target == target)
    return db_session.exec(query).all()


def a_photo_of(db_session, pid: int) -> int:
    photo = Photo(patient_id=pid, uploaded_by_id=user_id(db_session, "patient@example.org"), storage_key="a.jpg",
                  thumb_key="a-thumb.jpg", width=1, height=1, size_bytes=4)
    db_session.add(photo)
    db_session.commit()
    return photo.id


# ---------------------------------------------------------------- finding 10: the reads that were missing
@pytest.mark.parametrize(("path", "target"), [
    ("/nurse/", "nurse.patients"),
    ("/nurse/?q=Per", "nurse.search"),
    ("/nurse/messages?show=all", "messages.inbox"),
    ("/nurse/patients/{pid}/prescriptions/new", "pharmacy.nurse_new_prescription"),
    ("/nurse/patients/{pid}/order-lead-days", "pharmacy.order_lead_days"),
    ("/nurse/patients/{pid}/link", "nurse.handoff"),
    ("/nurse/patients/{pid}/messages/new", "messages.nurse_new"),
])
def test_a_nurse_page_showing_a_patient_writes_a_read_for_her(client, auth, db_session, path, target):
    pid = patient_id(db_session, "patient@example.org")
    auth.login("nurse")
    assert client.get(path.format(pid=pid)).status_code == 200
    events = reads_of(db_session, pid, target)
    assert [e.actor_id for e in events] == [user_id(db_session, "nurse@example.org")]


def test_the_patient_list_writes_one_read_per_patient_shown_and_none_for_another_clinic(client, auth, db_session):
    auth.login("nurse")
    client.get("/nurse/")
    shown = {e.patient_id for e in db_session.exec(select(AuditEvent).where(AuditEvent.target == "nurse.patients"))}
    assert shown == {patient_id(db_session, "patient@example.org"), patient_id(db_session, "patient.en@example.org")}


def test_a_search_writes_a_read_only_for_the_patients_it_found(client, auth, db_session):
    auth.login("nurse")
    client.get("/nurse/?q=Emma")
    found = [e.patient_id for e in db_session.exec(select(AuditEvent).where(AuditEvent.target == "nurse.search"))]
    assert found == [patient_id(db_session, "patient.en@example.org")]


@pytest.mark.parametrize("what", ["patient", "flag", "thread", "photo"])
def test_a_refused_look_up_in_another_clinic_answers_404_and_leaves_a_trace(client, auth, db_session, what):
    pid = patient_id(db_session, "patient@example.org")
    record_id = {
        "patient": pid,
        "flag": db_session.exec(select(Flag.id).where(Flag.patient_id == pid)).first(),
        "thread": db_session.exec(select(MessageThread.id).where(MessageThread.patient_id == pid)).first(),
        "photo": a_photo_of(db_session, pid),
    }[what]
    path, target = {"patient": (f"/nurse/patients/{record_id}", f"patient:{record_id}"),
                    "flag": (f"/nurse/flags/{record_id}", f"flag:{record_id}"),
                    "thread": (f"/nurse/messages/{record_id}", f"messages.thread:{record_id}"),
                    "photo": (f"/photos/{record_id}", f"photo:{record_id}")}[what]
    auth.login("nurse2")
    assert client.get(path).status_code == 404
    refused = db_session.exec(select(AuditEvent).where(AuditEvent.action == "refused")).all()
    assert [(e.actor_id, e.patient_id, e.target) for e in refused] == [(user_id(db_session, "nurse2@example.org"),
                                                                       None, target)]
    assert reads_of(db_session, pid) == []  # nothing about it on the patient's own page


# ---------------------------------------------------------------- finding 11: the patient's page
def test_the_patient_sees_the_nurse_who_opened_her_page_with_clinic_and_what(client, auth, db_session):
    pid = patient_id(db_session, "patient@example.org")
    auth.login("nurse")
    client.get(f"/nurse/patients/{pid}/timeline")
    auth.logout()
    auth.login("patient")
    page = client.get("/access-log").text
    assert "Hvem har sett opplysningene mine" in page
    assert "Nina Sykepleier" in page and "Demo MS-poliklinikk" in page
    assert "Historikken din med doser, symptomer og prøver" in page
    assert "nurse.timeline" not in page  # a plain-language label, never the endpoint


def test_the_page_shows_only_reads_by_others_of_this_patient_in_the_last_year(client, auth, db_session):
    pid = patient_id(db_session, "patient@example.org")
    nurse, own = user_id(db_session, "nurse@example.org"), user_id(db_session, "patient@example.org")
    other = patient_id(db_session, "patient.en@example.org")
    now = datetime.now(UTC)
    db_session.add_all([
        AuditEvent(at=now, actor_id=nurse, patient_id=pid, action="read", target="risk.new_jcv"),
        AuditEvent(at=now, actor_id=own, patient_id=pid, action="read", target="photo:1"),  # her own view
        AuditEvent(at=now, actor_id=nurse, patient_id=other, action="read", target="risk.edit_factors"),
        AuditEvent(at=now, actor_id=nurse, patient_id=pid, action="update", target="order_lead_days"),
        AuditEvent(at=now - timedelta(days=400), actor_id=nurse, patient_id=pid, action="read",
                   target="risk.new_check"),
    ])
    db_session.commit()
    auth.login("patient")
    page = client.get("/access-log").text
    assert page.count('class="card access-entry"') == 1
    assert "Svarene dine på JC-virusprøven" in page
    assert "Et bilde du sendte" not in page and "Risikofaktorene" not in page and "Kontrollene dine" not in page


def test_the_page_is_newest_first_and_50_to_a_page(client, auth, db_session):
    pid = patient_id(db_session, "patient@example.org")
    nurse = user_id(db_session, "nurse@example.org")
    now = datetime.now(UTC)
    db_session.add_all([AuditEvent(at=now - timedelta(minutes=i), actor_id=nurse, patient_id=pid, action="read",
                                   target="nurse.patient") for i in range(51)])
    db_session.add(AuditEvent(at=now + timedelta(seconds=1), actor_id=nurse, patient_id=pid, action="read",
                              target="photo:9"))
    db_session.commit()
    auth.login("patient")
    first = client.get("/access-log").text
    assert first.count('class="card access-entry"') == 50
    assert first.index("Et bilde du sendte") < first.index("Pasientsiden din")
    assert "page=2" in first
    assert client.get("/access-log?page=2").text.count('class="card access-entry"') == 2
    assert client.get("/access-log?page=3").status_code == 404


def test_the_page_speaks_english_to_an_english_patient(client, auth, db_session):
    pid = patient_id(db_session, "patient.en@example.org")
    auth.login("nurse")
    client.get(f"/nurse/patients/{pid}")
    auth.logout()
    auth.login("patient_en")
    page = client.get("/access-log").text
    assert "Who has looked at my information" in page and "Your patient page" in page


def test_the_page_is_in_the_patients_more_menu(client, auth):
    auth.login("patient")
    assert 'href="/access-log"' in client.get("/").text


# ---------------------------------------------------------------- the log cannot be altered (finding 10)
@pytest.mark.parametrize("statement", ["UPDATE auditevent SET target = 'changed'", "DELETE FROM auditevent"])
def test_postgresql_refuses_to_change_or_remove_an_audit_row(app, backend, statement):
    if backend != "postgresql":
        pytest.skip("the append-only trigger is PostgreSQL's; SQLite is the single-user default")
    engine = app.extensions["db_engine"]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO auditevent (at, action, target) VALUES (now(), 'read', 'x')"))
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT target FROM auditevent")).scalars().all() == ["x"]


def test_a_nurse_reads_the_access_log_of_her_own_clinics_patients_only(client, auth, db_session):
    # Issue 14 §4: "a nurse sees only the audit of her own clinic".
    pid = patient_id(db_session, "patient@example.org")
    auth.login("nurse2")  # another clinic: refused, as if the patient did not exist, and the refusal kept
    assert client.get(f"/nurse/patients/{pid}/access-log").status_code == 404
    auth.logout()
    auth.login("nurse")
    client.get(f"/nurse/patients/{pid}")
    page = client.get(f"/nurse/patients/{pid}/access-log")
    assert page.status_code == 200
    assert "Hvem har sett opplysningene til" in page.text and "Sykepleier" in page.text
    assert reads_of(db_session, pid, "nurse.access_log")  # reading the log is itself a read
    nurse2 = user_id(db_session, "nurse2@example.org")
    refused = db_session.exec(select(AuditEvent).where(AuditEvent.actor_id == nurse2,
                                                       AuditEvent.action == "refused")).all()
    assert [e.target for e in refused] == [f"patient:{pid}"]
