"""The nurse's FHIR download of one patient of her clinic (issue 15): GET …/patients/<id>/fhir?from=&to=."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, Response, render_template, request
from flask_babel import _
from flask_babel import lazy_gettext as _l

from .. import db
from ..domain.clock import local_date
from ..security import audit, nurse_required
from .bundle import build_bundle
from .period import PeriodError, read_period
from .records import load_record, record_start
from .validate import validated_json

bp = Blueprint("fhir", __name__)

FHIR_JSON = "application/fhir+json"
# period.py's messages, marked here for the catalog (it knows nothing of Flask).
PERIOD_MESSAGES = {
    "Dates are written as YYYY-MM-DD, for example 2026-01-31.": _l("Dates are written as YYYY-MM-DD, for example 2026-01-31."),
    "The start of the period is after its end.": _l("The start of the period is after its end."),
}


def period_for(patient, args):
    """The period asked for, or raises PeriodError (see period.read_period for the rules)."""
    now = datetime.now(UTC)
    return read_period(args.get("from"), args.get("to"), record_start=record_start(patient), today=local_date(now))


def period_refused(error: PeriodError):
    text = PERIOD_MESSAGES.get(error.message, error.message)
    return render_template("errors/error.html", code=400, title=_("The period cannot be used"), text=text), 400


def bundle_json(patient, period, bundle_type: str = "collection") -> str:
    return validated_json(build_bundle(load_record(patient, period), generated_at=datetime.now(UTC),
                                       bundle_type=bundle_type))


def attachment(body: str, mimetype: str, filename: str) -> Response:
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/nurse/patients/<int:patient_id>/fhir")
@nurse_required
def nurse_download(patient_id: int):
    from ..nurse.routes import clinic_patient  # the nurse blueprint's rule for "a patient of my clinic"

    return bundle_download(clinic_patient(patient_id), name=f"natahjem-{patient_id}")


def bundle_download(patient, name: str):
    """The patient's Bundle for the period in the query, as an audited download (nurse's or her own)."""
    try:
        period = period_for(patient, request.args)
    except PeriodError as error:
        return period_refused(error)
    body = bundle_json(patient, period)
    audit("export", patient_id=patient.id, target="fhir")
    db.session().commit()
    return attachment(body, FHIR_JSON, f"{name}-{period.start}-{period.end}.fhir.json")
