"""The summary before a visit (issue 15 §1): the PDF is read back with pdftotext (poppler-utils) and must
hold the patient's doses and reports in the reader's language; the period is checked; the nurse's export
is audited and kept inside her clinic. The trend charts (§2) are on both patients' pages."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from webapp.domain.clock import local_date
from webapp.i18n import format_day
from webapp.models import INJECTION_COUNTS, AuditEvent, Injection, Patient, SymptomReport, User

PDF_HEADERS = {"Content-Type": "application/pdf", "Cache-Control": "no-store"}


def pdf_text(data: bytes, tmp_path) -> str:
    assert data.startswith(b"%PDF-")
    path = tmp_path / "summary.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def flat(text: str) -> str:
    """pdftotext -layout breaks table cells over lines: compare with the spaces squeezed."""
    return " ".join(text.split())


def patient_of(db_session, email: str) -> Patient:
    return db_session.exec(select(Patient).join(User, Patient.user_id == User.id).where(User.email == email)).one()


def doses_since(db_session, patient: Patient, days: int) -> list[Injection]:
    since = datetime.now(UTC) - timedelta(days=days)
    return list(db_session.exec(select(Injection).where(Injection.patient_id == patient.id, Injection.given_at >= since,
                                                        *INJECTION_COUNTS)).all())


def assert_is_download(response, start: str = "natahjem-"):
    assert response.status_code == 200
    for name, value in PDF_HEADERS.items():
        assert response.headers[name] == value
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith(f"attachment; filename={start}") and disposition.endswith(".pdf")


@pytest.mark.parametrize(("who", "language", "words"), [
    ("patient", "nb", ("Sammendrag før kontroll", "Doser", "Meldte plager", "Dårligere balanse eller gange",
                       "Haster", "Side 1 /", "Tabellversjon Biogen legeinformasjon 2025")),
    ("patient", "en", ("Summary before a visit", "Doses", "Symptom reports", "Worse balance or walking",
                       "Urgent", "Page 1 /", "Table version Biogen legeinformasjon 2025")),
])
def test_the_patients_pdf_lists_her_doses_with_batch_numbers_and_her_reports_in_her_language(
        client, auth, db_session, tmp_path, who, language, words):
    auth.login(who)
    client.post("/language", data={"lang": language, "next": "/"})
    response = client.get("/my-data/summary.pdf")
    assert_is_download(response)
    text = flat(pdf_text(response.data, tmp_path))
    for word in words:
        assert word in text
    patient = patient_of(db_session, "patient@example.org")
    doses = doses_since(db_session, patient, 150)  # the default period: since the check-up 6 months ago
    assert doses
    for dose in doses:
        assert format_day(local_date(dose.given_at), "medium", language) in text
        assert dose.batch_1 in text
    reports = db_session.exec(select(SymptomReport).where(SymptomReport.patient_id == patient.id)).all()
    for report in reports:
        assert format_day(local_date(report.reported_at), "medium", language) in text


def test_a_period_with_nothing_logged_gives_a_short_valid_pdf(client, auth, db_session, tmp_path):
    patient = patient_of(db_session, "patient@example.org")
    quiet_day = (patient.treatment_start + timedelta(days=10)).isoformat()  # between two supervised doses
    auth.login("patient")
    response = client.get(f"/my-data/summary.pdf?from={quiet_day}&to={quiet_day}")
    assert_is_download(response)
    text = flat(pdf_text(response.data, tmp_path))
    assert "Ingenting ble registrert i denne perioden" in text
    assert "Ingen meldte plager i denne perioden." in text


def test_reversed_dates_are_refused_with_a_message_by_the_field(client, auth):
    auth.login("patient")
    response = client.get("/my-data/summary.pdf?from=2026-05-01&to=2026-04-01")
    assert response.status_code == 422
    assert response.headers["Content-Type"].startswith("text/html")
    page = response.text
    assert 'id="to-error"' in page and "Siste dag er før første dag. Sjekk datoene." in page
    assert 'value="2026-04-01"' in page  # what was typed is kept


def test_a_period_longer_than_the_record_is_shortened_with_a_note(client, auth, db_session, tmp_path):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("patient")
    response = client.get("/my-data/summary.pdf?from=2000-01-01&to=2099-12-31")
    assert_is_download(response, start=f"natahjem-summary-{patient.treatment_start.isoformat()}")
    text = flat(pdf_text(response.data, tmp_path))
    assert "Journalen starter senere enn første dag du valgte" in text
    assert "sammendraget slutter i dag" in text


def test_the_nurse_exports_her_patients_summary_and_the_export_is_audited(client, auth, db_session, tmp_path):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("nurse")
    page = client.get(f"/nurse/patients/{patient.id}").text
    assert f'href="/nurse/patients/{patient.id}/summary.pdf"' in page
    response = client.get(f"/nurse/patients/{patient.id}/summary.pdf")
    assert_is_download(response, start=f"natahjem-patient-{patient.id}-")
    assert "Per Pasient" in pdf_text(response.data, tmp_path)
    events = db_session.exec(select(AuditEvent).where(AuditEvent.patient_id == patient.id,
                                                      AuditEvent.action == "export")).all()
    assert [event.target for event in events] == ["summary.pdf"]
    auth.logout()
    auth.login("patient")
    assert "Et sammendrag av journalen din som PDF" in client.get("/access-log").text


def test_a_nurse_of_another_clinic_gets_404_and_no_export_is_recorded(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("nurse2")
    assert client.get(f"/nurse/patients/{patient.id}/summary.pdf").status_code == 404
    assert not db_session.exec(select(AuditEvent).where(AuditEvent.action == "export")).all()


def test_my_data_and_the_nurse_page_show_the_trends_as_svg_with_a_table(client, auth, db_session):
    auth.login("patient")
    page = client.get("/my-data").text
    assert "Meldte plager per uke" in page and "JC-virus-antistoffindeks over tid" in page
    assert page.count('role="img"') >= 2 and "<details>" in page and '<table class="stacked">' in page
    assert 'action="/my-data/summary.pdf"' in page
    assert 'href="/my-data"' in client.get("/").text  # the footer link
    auth.logout()
    auth.login("nurse")
    patient = patient_of(db_session, "patient@example.org")
    page = client.get(f"/nurse/patients/{patient.id}").text
    assert 'id="trends-heading"' in page and 'href="#trends-heading"' in page
    assert f'action="/nurse/patients/{patient.id}/summary.pdf"' in page


def test_the_nurse_gets_her_period_form_back_with_the_message_for_reversed_dates(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("nurse")
    response = client.get(f"/nurse/patients/{patient.id}/summary.pdf?from=2026-05-01&to=2026-04-01")
    assert response.status_code == 422
    assert 'id="to-error"' in response.text and "Siste dag er før første dag." in response.text
    assert not db_session.exec(select(AuditEvent).where(AuditEvent.action == "export")).all()


def test_an_empty_period_in_english_says_so(client, auth, db_session, tmp_path):
    patient = patient_of(db_session, "patient.en@example.org")
    quiet_day = (patient.treatment_start + timedelta(days=10)).isoformat()
    auth.login("patient_en")
    response = client.get(f"/my-data/summary.pdf?from={quiet_day}&to={quiet_day}")
    text = flat(pdf_text(response.data, tmp_path))
    assert "Nothing was logged in this period" in text and "No home doses logged in this period." in text


def test_the_patients_own_pdf_is_written_to_the_audit_log_as_her_export(client, auth, db_session):
    auth.login("patient")
    assert client.get("/my-data/summary.pdf").status_code == 200
    patient = patient_of(db_session, "patient@example.org")
    db_session.expire_all()
    events = db_session.exec(select(AuditEvent).where(AuditEvent.patient_id == patient.id,
                                                      AuditEvent.target == "summary.pdf")).all()
    assert [(e.action, e.actor_id) for e in events] == [("export", patient.user_id)]
