"""The clinic's settings page (issue 13 part 1, walk defects 15 and 16): its phone number, the hours its
phone is answered on working days, and how many working days a message may wait for an answer. Any
nurse of the clinic may change them; every change is audited."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user

from .. import db
from ..models import Clinic
from ..security import audit, nurse_required
from . import bp
from .clinic_forms import ClinicSettingsForm
from .patient_phone import field_text


@bp.route("/clinic", methods=["GET", "POST"])
@nurse_required
def clinic_settings():
    session = db.session()
    clinic = session.get(Clinic, current_user.clinic_id)
    form = ClinicSettingsForm(obj=clinic)
    if form.validate_on_submit():
        clinic.phone = form.phone.e164
        clinic.opens_at, clinic.closes_at = form.opens_at.data, form.closes_at.data
        clinic.reply_days = form.reply_days.data
        session.add(clinic)
        audit("update", patient_id=None, target=f"clinic:{clinic.id}:settings")
        session.commit()
        flash(_("The clinic's settings are saved."), "success")
        return redirect(url_for("nurse.clinic_settings"))
    if not form.is_submitted():
        form.phone.data = field_text(clinic.phone)
    return render_template("nurse/clinic_settings.html", form=form, clinic=clinic), 422 if form.errors else 200
