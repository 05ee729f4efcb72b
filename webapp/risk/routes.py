"""The patient's pages: my PML risk and my check-ups. Only ever the signed-in patient's own data."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import render_template

from .. import db
from ..domain.clock import local_date
from ..security import own_patient, patient_required
from . import bp, labels
from .records import calendar_for, latest_jcv, risk_summary


@bp.get("/risk/")
@patient_required
def index():
    patient = own_patient()
    today = local_date(datetime.now(UTC))
    summary = risk_summary(patient, latest_jcv(db.session(), patient.id), today)
    return render_template("risk/risk.html", patient=patient, summary=summary, labels=labels, today=today)


@bp.get("/risk/checkups")
@patient_required
def checkups():
    patient = own_patient()
    today = local_date(datetime.now(UTC))
    calendar = calendar_for(db.session(), patient, today)
    return render_template("risk/checkups.html", patient=patient, calendar=calendar, labels=labels)


from . import nurse_routes  # noqa: E402,F401
