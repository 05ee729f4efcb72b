"""Issue 15 part 3: the FHIR Bundle validates with fhir.resources (R4B) and carries every dose, pickup,
report and JCV result of the period; the nurse downloads it for her own clinic's patients; the API reads
it with a clinic's token and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fhir.resources.R4B.bundle import Bundle
from sqlmodel import select

from webapp.domain.clock import local_date
from webapp.fhir import codes
from webapp.fhir.tokens import clinic_of_token, new_api_token
from webapp.models import (
    INJECTION_COUNTS,
    PICKUP_COUNTS,
    AuditEvent,
    Clinic,
    Injection,
    JcvResult,
    Patient,
    Pickup,
    SymptomReport,
    User,
)


def patient_of(db_session, email: str) -> Patient:
    user = db_session.exec(select(User).where(User.email == email)).one()
    return db_session.exec(select(Patient).where(Patient.user_id == user.id)).one()


def parsed(response) -> Bundle:
    assert response.status_code == 200, response.data[:300]
    assert response.mimetype == "application/fhir+json"
    return Bundle.model_validate_json(response.data)


def identifiers(bundle: Bundle, resource_type: str, system: str) -> list[str]:
    return [ident.value for entry in bundle.entry if entry.resource.get_resource_type() == resource_type
            for ident in entry.resource.identifier if ident.system == system]


def resources(bundle: Bundle, resource_type: str) -> list:
    return [entry.resource for entry in bundle.entry if entry.resource.get_resource_type() == resource_type]


def test_nurse_download_validates_and_reads_back_every_dose_pickup_report_and_jcv_result(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("nurse")
    response = client.get(f"/nurse/patients/{patient.id}/fhir")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    bundle = parsed(response)

    doses = db_session.exec(select(Injection).where(Injection.patient_id == patient.id, *INJECTION_COUNTS)).all()
    pickups = db_session.exec(select(Pickup).where(Pickup.patient_id == patient.id, *PICKUP_COUNTS)).all()
    reports = db_session.exec(select(SymptomReport).where(SymptomReport.patient_id == patient.id)).all()
    jcv = db_session.exec(select(JcvResult).where(JcvResult.patient_id == patient.id)).all()
    assert doses and pickups and reports and jcv, "the demo patient has every kind of record"

    administered = identifiers(bundle, "MedicationAdministration", codes.INJECTION_ID)
    assert sorted({value.split("-")[0] for value in administered}) == sorted(str(d.id) for d in doses)
    assert len(administered) == sum(min(d.syringes, 2) for d in doses)  # one per syringe
    assert sorted(identifiers(bundle, "MedicationDispense", codes.PICKUP_ID)) == sorted(str(p.id) for p in pickups)
    assert sorted(identifiers(bundle, "Observation", codes.REPORT_ID)) == sorted(str(r.id) for r in reports)
    assert sorted(identifiers(bundle, "Observation", codes.JCV_ID)) == sorted(str(j.id) for j in jcv)

    # Each syringe: natalizumab by ATC, 150 mg, subcutaneous, its site in SNOMED CT and its lot number.
    by_id = {d.id: d for d in doses}
    for administration in resources(bundle, "MedicationAdministration"):
        dose_id, number = administration.identifier[0].value.split("-")
        dose = by_id[int(dose_id)]
        medication = administration.contained[0]
        assert medication.code.coding[0].system == codes.ATC and medication.code.coding[0].code == "L04AA23"
        assert medication.batch.lotNumber == (dose.batch_1 if number == "1" else dose.batch_2)
        assert administration.dosage.dose.value == 150 and administration.dosage.dose.unit == "mg"
        assert administration.dosage.route.coding[0].code == "34206005"
        site = dose.site_1 if number == "1" else dose.site_2
        assert [c.code for c in administration.dosage.site.coding] == [codes.BODY_SITES[site][0], site]
    # Each JCV result: serostatus and index.
    for observation in resources(bundle, "Observation"):
        if observation.code.coding[0].code == "jcv-antibody":
            result = next(j for j in jcv if str(j.id) == observation.identifier[0].value)
            status = observation.component[0].valueCodeableConcept.coding[0].code
            assert status == ("10828004" if result.positive else "260385009")
    # The audit: an export by the nurse, shown to the patient as someone else's read.
    event = db_session.exec(select(AuditEvent).where(AuditEvent.target == "fhir")).one()
    assert event.action == "export" and event.patient_id == patient.id


def test_flags_and_calls_come_as_flag_and_communication(client, auth, db_session):
    patient = patient_of(db_session, "patient.en@example.org")  # Emma: a resolved flag with its calls
    auth.login("nurse")
    bundle = parsed(client.get(f"/nurse/patients/{patient.id}/fhir"))
    assert resources(bundle, "Flag")
    calls = resources(bundle, "Communication")
    assert calls and {c.status for c in calls} <= {"completed", "not-done"}


def test_an_empty_period_is_a_valid_bundle_with_the_patient_alone(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("nurse")
    bundle = parsed(client.get(f"/nurse/patients/{patient.id}/fhir?from=2001-01-01&to=2001-01-31"))
    assert [entry.resource.get_resource_type() for entry in bundle.entry] == ["Patient"]


def test_a_period_past_today_is_cut_to_today(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("nurse")
    today = local_date(datetime.now(UTC))
    response = client.get(f"/nurse/patients/{patient.id}/fhir?to={today + timedelta(days=400)}")
    parsed(response)
    assert f"-{today}.fhir.json" in response.headers["Content-Disposition"]


@pytest.mark.parametrize("query, message", [
    ("from=2026-03-01&to=2026-02-01", "Starten på perioden er etter slutten."),  # the nurse reads Norwegian
    ("from=31.01.2026", "ÅÅÅÅ-MM-DD"),
])
def test_reversed_or_unreadable_dates_are_refused_with_a_message(client, auth, db_session, query, message):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("nurse")
    response = client.get(f"/nurse/patients/{patient.id}/fhir?{query}")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert not db_session.exec(select(AuditEvent).where(AuditEvent.target == "fhir")).first()


def test_another_clinics_nurse_gets_404(client, auth, db_session):
    patient = patient_of(db_session, "patient@example.org")
    auth.login("nurse2")
    assert client.get(f"/nurse/patients/{patient.id}/fhir").status_code == 404


# ---------------------------------------------------------------- the API, with a clinic's bearer token
@pytest.fixture
def tokens(db_session):
    """A token for the patient's clinic, and one for the other clinic."""
    patient = patient_of(db_session, "patient@example.org")
    other = db_session.exec(select(Clinic).where(Clinic.id != patient.clinic_id)).first()
    return patient, new_api_token(db_session, patient.clinic_id, "test"), new_api_token(db_session, other.id)


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_the_api_reads_with_its_clinics_token_and_audits_the_read(client, db_session, tokens):
    patient, own, _other = tokens
    response = client.get(f"/api/fhir/Patient/{patient.id}/$everything", headers=bearer(own))
    bundle = parsed(response)
    assert bundle.type == "searchset" and bundle.total == len(bundle.entry)
    assert "Set-Cookie" not in response.headers  # no session for a record system
    events = db_session.exec(select(AuditEvent).where(AuditEvent.target == "api:fhir")).all()
    assert [(e.action, e.actor_id, e.patient_id) for e in events] == [("read", None, patient.id)]


def test_the_patient_sees_the_record_systems_read_in_her_access_log(client, auth, db_session, tokens):
    patient, own, _other = tokens
    client.get(f"/api/fhir/Patient/{patient.id}/$everything", headers=bearer(own))
    auth.login("patient")
    page = client.get("/access-log").get_data(as_text=True)
    assert "Klinikkens journalsystem" in page and "Journalen din, lest av sykehusets journalsystem" in page


def test_the_api_refuses_another_clinics_token_with_404(client, db_session, tokens):
    patient, _own, other = tokens
    response = client.get(f"/api/fhir/Patient/{patient.id}/$everything", headers=bearer(other))
    assert response.status_code == 404
    assert response.get_json(force=True)["resourceType"] == "OperationOutcome"
    assert db_session.exec(select(AuditEvent).where(AuditEvent.action == "refused",
                                                    AuditEvent.target.startswith("api:fhir"))).one()


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic eDp5"}])
def test_the_api_without_a_valid_token_is_401(client, db_session, tokens, headers):
    patient, _own, _other = tokens
    response = client.get(f"/api/fhir/Patient/{patient.id}/$everything", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.get_json(force=True)["issue"][0]["code"] == "login"


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_every_write_method_is_405(client, db_session, tokens, method):
    patient, own, _other = tokens
    response = client.open(f"/api/fhir/Patient/{patient.id}/$everything", method=method, headers=bearer(own),
                           data='{"resourceType":"Patient"}', content_type="application/fhir+json")
    assert response.status_code == 405
    assert response.get_json(force=True)["resourceType"] == "OperationOutcome"


def test_the_cli_prints_a_token_once_and_keeps_only_its_hash(app, db_session):
    patient = patient_of(db_session, "patient@example.org")
    result = app.test_cli_runner().invoke(args=["api-token", "--clinic", str(patient.clinic_id)])
    assert result.exit_code == 0, result.output
    token = result.output.strip()
    assert clinic_of_token(db_session, token) == patient.clinic_id
    from webapp.models import ApiToken

    assert token not in {row.token_hash for row in db_session.exec(select(ApiToken)).all()}
    assert app.test_cli_runner().invoke(args=["api-token", "--clinic", "999"]).exit_code != 0


def test_a_revoked_token_reads_no_more_and_the_list_says_so(app, client, db_session):
    patient = patient_of(db_session, "patient@example.org")
    runner = app.test_cli_runner()
    token = runner.invoke(args=["api-token", "--clinic", str(patient.clinic_id), "--label", "DIPS"]).output.strip()
    path = f"/api/fhir/Patient/{patient.id}/$everything"
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get(path, headers=bearer).status_code == 200
    listed = runner.invoke(args=["api-token", "--list"]).output
    token_id = int(listed.split("\t")[0])
    assert "DIPS" in listed and "revoked -" in listed and token not in listed
    assert "is revoked" in runner.invoke(args=["api-token", "--revoke", str(token_id)]).output
    assert client.get(path, headers=bearer).status_code == 401
    assert "revoked 20" in runner.invoke(args=["api-token", "--list"]).output
    assert runner.invoke(args=["api-token", "--revoke", "9999"]).exit_code != 0
    assert runner.invoke(args=["api-token"]).exit_code != 0  # nothing asked: the usage, not a token
