"""The patient's pages: my PML risk and my check-ups. Only ever the signed-in patient's own data."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, render_template
from flask_login import current_user

from .. import db
from ..domain.clock import local_date
from ..security import patient_required
from . import bp, labels
from .records import calendar_for, latest_jcv, risk_summary


def _own_patient():
    patient = current_user.patient
    if patient is None:
        abort(404)
    return patient


@bp.get("/risk/")
@patient_required
def index():
    patient = _own_patient()
    today = local_date(datetime.now(UTC))
    summary = risk_summary(patient, latest_jcv(db.session(), patient.id), today)
    return render_template("risk/risk.html", patient=patient, summary=summary, labels=labels, today=today)


@bp.get("/risk/checkups")
@patient_required
def checkups():
    patient = _own_patient()
    today = local_date(datetime.now(UTC))
    calendar = calendar_for(db.session(), patient, today)
    return render_template("risk/checkups.html", patient=patient, calendar=calendar, labels=labels)


from . import nurse_routes  # noqa: E402,F401
