"""The nurse's forms: record a JCV result, record a check done, set the PML factors. Clinic-scoped
(nurse.routes.clinic_patient) and audited."""

from __future__ import annotations

from decimal import Decimal

from flask import flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user
from sqlmodel import select

from .. import db
from ..i18n import format_date
from ..models import JcvResult, MonitoringCheck
from ..nurse.routes import clinic_patient
from ..security import audit, nurse_required
from . import bp
from .forms import CheckDoneForm, JcvResultForm, PmlFactorsForm
from .records import first_dose_recorded

SECTION_ANCHOR = "pml-monitoring"


def _back_to_patient(patient_id: int):
    return redirect(url_for("nurse.patient", patient_id=patient_id, _anchor=SECTION_ANCHOR))


def _index_value(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@bp.route("/nurse/patients/<int:patient_id>/jcv/new", methods=["GET", "POST"])
@nurse_required
def new_jcv(patient_id: int):
    patient = clinic_patient(patient_id)
    session = db.session()
    form = JcvResultForm()
    if form.validate_on_submit():
        values = {
            "patient_id": patient.id, "tested_on": form.tested_on.data, "positive": form.result.data == "positive",
            "jcv_index": _index_value(form.jcv_index.data), "assay": form.assay.data,
        }
        # A resent form (double tap, back and submit again) stores nothing new: the same result for the
        # same test date is already there. A different result for that date is a correction and is kept
        # beside the first, which stays in the history.
        same = select(JcvResult.id).where(*(getattr(JcvResult, key) == value for key, value in values.items()
                                             if value is not None))
        if values["jcv_index"] is None:
            same = same.where(JcvResult.jcv_index.is_(None))
        if session.exec(same).first() is None:
            session.add(JcvResult(**values, recorded_by_id=current_user.id))
            audit("create", patient_id=patient.id, target="jcv_result")
            session.commit()
        flash(_("JCV result saved."), "success")
        return _back_to_patient(patient.id)
    audit("read", patient_id=patient.id, target="risk.new_jcv")
    session.commit()
    return render_template("risk/jcv_form.html", patient=patient, form=form), 422 if form.errors else 200


@bp.route("/nurse/patients/<int:patient_id>/checks/new", methods=["GET", "POST"])
@nurse_required
def new_check(patient_id: int):
    patient = clinic_patient(patient_id)
    session = db.session()
    form = CheckDoneForm()
    if form.validate_on_submit():
        note = (form.note.data or "").strip()
        # the same check on the same day is one check: a resent form stores nothing new
        same = select(MonitoringCheck.id).where(
            MonitoringCheck.patient_id == patient.id, MonitoringCheck.kind == form.kind.data,
            MonitoringCheck.done_on == form.done_on.data,
        )
        if session.exec(same).first() is None:
            session.add(MonitoringCheck(patient_id=patient.id, kind=form.kind.data, done_on=form.done_on.data,
                                        note=note, recorded_by_id=current_user.id))
            audit("create", patient_id=patient.id, target="monitoring_check")
            session.commit()
        flash(_("Check saved."), "success")
        return _back_to_patient(patient.id)
    audit("read", patient_id=patient.id, target="risk.new_check")
    session.commit()
    return render_template("risk/check_form.html", patient=patient, form=form), 422 if form.errors else 200


@bp.route("/nurse/patients/<int:patient_id>/pml-factors", methods=["GET", "POST"])
@nurse_required
def edit_factors(patient_id: int):
    patient = clinic_patient(patient_id)
    session = db.session()
    form = PmlFactorsForm(data={
        "treatment_start": patient.treatment_start,
        "prior_immunosuppressant": "yes" if patient.prior_immunosuppressant else "no",
    })
    if form.validate_on_submit():
        first_dose = first_dose_recorded(session, patient.id)
        if first_dose is not None and form.treatment_start.data > first_dose:
            form.treatment_start.errors.append(
                _("A dose is recorded on %(date)s, before this date. Enter the first dose.",
                  date=format_date(first_dose)))
        else:
            patient.treatment_start = form.treatment_start.data
            patient.prior_immunosuppressant = form.prior_immunosuppressant.data == "yes"
            session.add(patient)
            audit("update", patient_id=patient.id, target="pml_factors")
            session.commit()
            flash(_("Saved."), "success")
            return _back_to_patient(patient.id)
    audit("read", patient_id=patient.id, target="risk.edit_factors")
    session.commit()
    return render_template("risk/factors_form.html", patient=patient, form=form), 422 if form.errors else 200
