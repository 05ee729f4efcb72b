"""One patient's record for a period as a FHIR R4 Bundle (JSON-ready dicts), made from plain model objects.

No Flask and no database here: `records.load_record` gathers the rows, this maps them, and the tests parse
the result back with `fhir.resources` (R4B, whose resources used here are those of R4 4.0.1)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from . import codes

ACTIVE_FLAG_STATUSES = ("open", "in_progress")


@dataclass(frozen=True)
class PatientRecord:
    """What goes into one Bundle: the patient, and her rows of the period (already filtered)."""

    patient: object  # models.Patient
    user: object  # models.User: name, e-mail
    clinic_name: str
    period_start: date
    period_end: date
    injections: list = field(default_factory=list)
    pickups: list = field(default_factory=list)
    reports: list = field(default_factory=list)
    jcv_results: list = field(default_factory=list)
    flags: list = field(default_factory=list)
    calls: list = field(default_factory=list)  # FlagEvent rows of kind call_*


def full_url(resource_type: str, resource_id: str) -> str:
    """A stable urn:uuid per row, so that the same row sent twice has the same fullUrl."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{codes.LOCAL}/{resource_type}/{resource_id}')}"


def _instant(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _concept(system: str, code: str, display: str | None = None, text: str | None = None) -> dict:
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = display
    concept = {"coding": [coding]}
    if text:
        concept["text"] = text
    return concept


def _patient(record: PatientRecord) -> dict:
    patient, user = record.patient, record.user
    resource = {
        "resourceType": "Patient",
        "id": f"patient-{patient.id}",
        "identifier": [{"system": codes.PATIENT_ID, "value": str(patient.id)}],
        "active": True,
        "name": [{"text": user.full_name}],
        "telecom": [{"system": "email", "value": user.email}],
        "communication": [{"language": _concept("urn:ietf:bcp:47", user.locale), "preferred": True}],
        "managingOrganization": {"display": record.clinic_name},
    }
    if patient.phone:
        resource["telecom"].insert(0, {"system": "phone", "value": patient.phone, "use": "mobile"})
    if patient.birth_year:
        resource["birthDate"] = f"{patient.birth_year:04d}"  # FHIR allows a year alone
    return resource


def _site(code: str) -> dict:
    snomed, display, text = codes.BODY_SITES[code]
    return {"coding": [{"system": codes.SNOMED, "code": snomed, "display": display},
                       {"system": codes.INJECTION_SITE, "code": code}], "text": text}


def _administrations(injection, subject: dict) -> Iterable[dict]:
    """One MedicationAdministration per syringe: each has its own site and lot number (facts H1, H5)."""
    syringes = [(injection.site_1, injection.batch_1)]
    if injection.syringes >= 2 and injection.site_2:
        syringes.append((injection.site_2, injection.batch_2))
    dose_mg = codes.SYRINGE_MG * injection.syringes
    for number, (site, batch) in enumerate(syringes, start=1):
        medication = {"resourceType": "Medication", "id": "med", "code": _concept(**codes.NATALIZUMAB)}
        if batch:
            medication["batch"] = {"lotNumber": batch}
        place = "community" if injection.place == "home" else "outpatient"
        resource = {
            "resourceType": "MedicationAdministration",
            "id": f"injection-{injection.id}-{number}",
            "identifier": [{"system": codes.INJECTION_ID, "value": f"{injection.id}-{number}"}],
            "contained": [medication],
            "status": "completed",
            "category": _concept(codes.ADMIN_CATEGORY, place),
            "medicationReference": {"reference": "#med"},
            "subject": subject,
            "effectiveDateTime": _instant(injection.given_at),
            "dosage": {
                "text": f"Syringe {number} of {injection.syringes}: {dose_mg} mg natalizumab in "
                        f"{injection.syringes} x {codes.SYRINGE_MG} mg",
                "site": _site(site),
                "route": _concept(**codes.SUBCUTANEOUS),
                "dose": {"value": codes.SYRINGE_MG, "unit": "mg", "system": codes.UCUM, "code": "mg"},
            },
        }
        notes = [injection.note] if injection.note else []
        if injection.reaction:
            notes.append("Reaction reported with this dose")
        if notes:
            resource["note"] = [{"text": text} for text in notes]
        yield resource


def _dispense(pickup, subject: dict) -> dict:
    resource = {
        "resourceType": "MedicationDispense",
        "id": f"pickup-{pickup.id}",
        "identifier": [{"system": codes.PICKUP_ID, "value": str(pickup.id)}],
        "status": "completed",
        "medicationCodeableConcept": _concept(**codes.NATALIZUMAB),
        "subject": subject,
        "quantity": {"value": pickup.syringes, "unit": "syringe", "system": codes.UCUM, "code": "{syringe}"},
        "whenHandedOver": pickup.picked_up_on.isoformat(),
        "extension": [{"url": f"{codes.LOCAL}/StructureDefinition/cold-chain",
                       "valueCoding": {"system": codes.COLD_CHAIN, "code": pickup.cold_chain_problem}}],
    }
    if pickup.pharmacy:
        resource["location"] = {"display": pickup.pharmacy}
    if pickup.note:
        resource["note"] = [{"text": pickup.note}]
    return resource


def _jcv(result, subject: dict) -> dict:
    components = [{"code": _concept(codes.OBSERVATION, "jcv-serostatus", "Anti-JCV antibody serostatus"),
                   "valueCodeableConcept": {"coding": [codes.POSITIVE if result.positive else codes.NEGATIVE]}}]
    if result.jcv_index is not None:
        components.append({"code": _concept(codes.OBSERVATION, "jcv-index", "Anti-JCV antibody index"),
                           "valueQuantity": {"value": result.jcv_index, "unit": "index", "system": codes.UCUM,
                                             "code": "{index}"}})
    return {
        "resourceType": "Observation",
        "id": f"jcv-{result.id}",
        "identifier": [{"system": codes.JCV_ID, "value": str(result.id)}],
        "status": "final",
        "category": [_concept(codes.OBSERVATION_CATEGORY, "laboratory")],
        "code": _concept(codes.OBSERVATION, "jcv-antibody", "Anti-JC virus antibody"),
        "subject": subject,
        "effectiveDateTime": result.tested_on.isoformat(),
        "method": {"text": result.assay},
        "component": components,
    }


REPORT_QUESTIONS = ("within_2h_of_injection", "lasted_over_24h", "getting_worse", "fever", "sudden_onset",
                    "reported_by_other")


def _report(report, subject: dict) -> dict:
    components = [{"code": _concept(codes.SYMPTOM, code), "valueBoolean": True} for code in report.codes]
    for question in REPORT_QUESTIONS:
        answer = getattr(report, question)
        if answer is not None:  # None is "don't know": left out, not turned into "no" (symptoms.md)
            components.append({"code": _concept(codes.REPORT_QUESTION, question), "valueBoolean": answer})
    resource = {
        "resourceType": "Observation",
        "id": f"report-{report.id}",
        "identifier": [{"system": codes.REPORT_ID, "value": str(report.id)}],
        "status": "final",
        "category": [_concept(codes.OBSERVATION_CATEGORY, "survey")],
        "code": _concept(codes.OBSERVATION, "symptom-report", "Symptom report"),
        "subject": subject,
        "effectiveDateTime": _instant(report.reported_at),
        "valueCodeableConcept": _concept(codes.TRIAGE_LEVEL, report.level),
        "component": components,
    }
    if report.free_text:
        resource["note"] = [{"text": report.free_text}]
    return resource


def _flag(flag, subject: dict) -> dict:
    period = {"start": _instant(flag.created_at)}
    if flag.resolved_at:
        period["end"] = _instant(flag.resolved_at)
    return {
        "resourceType": "Flag",
        "id": f"flag-{flag.id}",
        "identifier": [{"system": codes.FLAG_ID, "value": str(flag.id)}],
        "status": "active" if flag.status in ACTIVE_FLAG_STATUSES else "inactive",
        "category": [_concept(codes.TRIAGE_LEVEL, flag.level)],
        "code": _concept(codes.FLAG, flag.code),
        "subject": subject,
        "period": period,
    }


def _call(event, subject: dict) -> dict:
    reached = event.kind == "call_reached"
    resource = {
        "resourceType": "Communication",
        "id": f"call-{event.id}",
        "identifier": [{"system": codes.FLAG_EVENT_ID, "value": str(event.id)}],
        "status": "completed" if reached else "not-done",
        "category": [_concept(codes.CALL_RESULT, "call", "Phone call from the clinic")],
        "medium": [_concept("http://terminology.hl7.org/CodeSystem/v3-ParticipationMode", "PHONE", "telephone")],
        "subject": subject,
        "about": [{"reference": full_url("Flag", f"flag-{event.flag_id}")}],
        "sent": _instant(event.at),
    }
    if not reached:
        resource["statusReason"] = _concept(codes.CALL_RESULT, event.kind, "No answer")
    if event.note:
        resource["payload"] = [{"contentString": event.note}]
    return resource


def build_bundle(record: PatientRecord, *, generated_at: datetime, bundle_type: str = "collection") -> dict:
    """The Bundle: the Patient first, then doses, pickups, JCV results, reports, flags and calls."""
    patient = _patient(record)
    subject = {"reference": full_url("Patient", patient["id"]), "display": record.user.full_name}
    resources = [patient]
    for injection in record.injections:
        resources.extend(_administrations(injection, subject))
    resources.extend(_dispense(pickup, subject) for pickup in record.pickups)
    resources.extend(_jcv(result, subject) for result in record.jcv_results)
    resources.extend(_report(report, subject) for report in record.reports)
    flags = [_flag(flag, subject) for flag in record.flags]
    resources.extend(flags)
    flag_urls = {full_url("Flag", flag["id"]) for flag in flags}
    for event in record.calls:
        call = _call(event, subject)
        if call["about"][0]["reference"] not in flag_urls:  # its flag is outside the period: no dangling link
            del call["about"]
        resources.append(call)
    entries = []
    for resource in resources:
        entry = {"fullUrl": full_url(resource["resourceType"], resource["id"]), "resource": resource}
        if bundle_type == "searchset":
            entry["search"] = {"mode": "match" if resource["resourceType"] == "Patient" else "include"}
        entries.append(entry)
    bundle = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"lastUpdated": _instant(generated_at)},
        "type": bundle_type,
        "timestamp": _instant(generated_at),
        "entry": entries,
    }
    if bundle_type == "searchset":
        bundle["total"] = len(entries)
    return bundle
