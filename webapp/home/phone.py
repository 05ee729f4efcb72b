"""The patient's own mobile number (issue 13 part 1): seen and corrected on a small page linked beside
"Change password". The clinic calls this number; the patient's own record only (no id in the URL)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import _

from ..nurse.patient_phone import field_text, store_phone
from ..security import own_patient, patient_required
from . import bp
from .forms import MyPhoneForm


@bp.route("/phone", methods=["GET", "POST"])
@patient_required
def my_phone():
    patient = own_patient()
    form = MyPhoneForm()
    if form.validate_on_submit():
        store_phone(patient, form.phone.e164)
        flash(_("Your mobile number is saved."), "success")
        return redirect(url_for("home.my_phone"))
    if not form.is_submitted():
        form.phone.data = field_text(patient.phone)
    return render_template("home/phone.html", form=form, patient=patient), 422 if form.errors else 200
