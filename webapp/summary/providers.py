"""What this feature adds to pages it does not own (extension_points.py): the trends and the summary
form on the nurse's patient page."""

from __future__ import annotations

from datetime import date

from flask import url_for

from .. import db
from ..extension_points import nurse_patient_section
from ..models import Patient
from . import labels


@nurse_patient_section(40)
def trends_section(patient: Patient, today: date):
    """The symptom calendar and the JCV index for the last half year, and the summary PDF's period form.
    The page that includes it has already written the audit event for reading this patient."""
    from .record import load_trends
    from .routes import period_form

    form, period = period_form(patient, today)
    return "summary/_nurse_section.html", {
        "patient": patient, "trends": load_trends(db.session(), patient, today), "form": form, "period": period,
        "labels": labels, "action": url_for("summary.nurse_summary_pdf", patient_id=patient.id),
    }
