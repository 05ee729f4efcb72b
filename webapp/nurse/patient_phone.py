"""The nurse records or corrects a patient's mobile number (issue 13 part 1, walk defect 6). Only a
patient of the nurse's own clinic (another id answers 404); reading and changing it are audited."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import _

from .. import db
from ..phones import display_phone
from ..security import audit, nurse_required
from . import bp
from .forms import PatientPhoneForm
from .routes import clinic_patient


def field_text(phone: str) -> str:
    """A stored number as people type it ("912 34 567"), to fill a form field."""
    return display_phone(phone).replace("\u00a0", " ")


def store_phone(patient, e164: str) -> None:
    """Saves a patient's new mobile number, audited; the same number again writes nothing."""
    if e164 != patient.phone:
        patient.phone = e164
        db.session().add(patient)
        audit("update", patient_id=patient.id, target="patient.phone")
        db.session().commit()


@bp.route("/patients/<int:patient_id>/phone", methods=["GET", "POST"])
@nurse_required
def patient_phone(patient_id: int):
    patient = clinic_patient(patient_id)
    form = PatientPhoneForm()
    if form.validate_on_submit():
        store_phone(patient, form.phone.e164)
        flash(_("The mobile number is saved."), "success")
        return redirect(url_for("nurse.patient", patient_id=patient.id))
    if not form.is_submitted():
        form.phone.data = field_text(patient.phone)
    audit("read", patient_id=patient.id, target="nurse.patient_phone")
    db.session().commit()
    return render_template("nurse/patient_phone.html", form=form, patient=patient), 422 if form.errors else 200
