"""The read-only FHIR API for a clinic's record system (issue 15): GET /api/fhir/Patient/<id>/$everything
with `Authorization: Bearer <token>`. A token reads its own clinic's patients only; no session, no cookie,
no form: every write method is 405 (errors.py answers /api/ errors with an OperationOutcome)."""

from __future__ import annotations

import json

from flask import Blueprint, Response, request
from sqlmodel import select

from .. import db
from ..models import AuditEvent, Patient
from .period import PeriodError
from .routes import FHIR_JSON, bundle_json, period_for
from .tokens import clinic_of_token

bp = Blueprint("fhir_api", __name__, url_prefix="/api/fhir")
API_PREFIX = "/api/"
AUDIT_TARGET = "api:fhir"


def operation_outcome(status: int, code: str, text: str, headers: dict | None = None) -> Response:
    """A FHIR error body: what a record system reads instead of our HTML error page."""
    body = {"resourceType": "OperationOutcome",
            "issue": [{"severity": "error", "code": code, "diagnostics": text}]}
    return Response(json.dumps(body), status=status, mimetype=FHIR_JSON, headers=headers or {})


ISSUE_CODES = {401: "login", 403: "forbidden", 404: "not-found", 405: "not-supported", 413: "too-costly",
               429: "throttled"}


def api_error(error) -> Response:
    """Any HTTP error under /api/ (an unknown path, a write method, a rate limit) as an OperationOutcome."""
    code = error.code or 500
    headers = {}
    if code == 405:
        headers["Allow"] = "GET, HEAD"
    return operation_outcome(code, ISSUE_CODES.get(code, "exception"), error.name, headers)


def _audit(action: str, patient_id: int | None, target: str) -> None:
    """A record system is no user of ours: the actor is None, the target names the API."""
    db.session().add(AuditEvent(actor_id=None, patient_id=patient_id, action=action, target=target))


def _bearer_token() -> str:
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


@bp.get("/Patient/<int:patient_id>/$everything")
def everything(patient_id: int):
    session = db.session()
    clinic_id = clinic_of_token(session, _bearer_token())
    if clinic_id is None:
        return operation_outcome(401, "login", "A valid bearer token is required.",
                                 {"WWW-Authenticate": 'Bearer realm="NataHjem FHIR"'})
    patient = session.exec(select(Patient).where(Patient.id == patient_id, Patient.clinic_id == clinic_id)).first()
    if patient is None:
        # Another clinic's patient, or none: the same answer, and a trace (as clinic_patient for nurses).
        _audit("refused", None, f"{AUDIT_TARGET}:patient:{patient_id}")
        session.commit()
        return operation_outcome(404, "not-found", f"Patient/{patient_id} is not known.")
    try:
        period = period_for(patient, request.args)
    except PeriodError as error:
        return operation_outcome(400, "invalid", error.message)
    body = bundle_json(patient, period, bundle_type="searchset")
    _audit("read", patient.id, AUDIT_TARGET)
    session.commit()
    return Response(body, mimetype=FHIR_JSON)
