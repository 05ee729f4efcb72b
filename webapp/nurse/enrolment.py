"""Enrolment for home treatment: supervised doses, training, interval, approval (facts H2-H4, I1-I3)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import flash, redirect, render_template, url_for
from flask_babel import _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlmodel import select

from .. import db
from ..domain import schedule
from ..injections.labels import missing_text
from ..injections.routes import eligibility
from ..models import IntervalChange, SupervisedDose
from ..security import audit, nurse_required
from . import bp
from .enrolment_forms import ApproveForm, IntervalForm, ReactionClearedForm, SupervisedDoseForm, TrainingForm
from .routes import clinic_patient

INTERVAL_PROBLEMS = {
    schedule.ScheduleProblem.INTERVAL_SHORTER_THAN_STANDARD: _l("The interval cannot be shorter than 4 weeks."),
    schedule.ScheduleProblem.INTERVAL_REACHES_REBOUND_THRESHOLD: _l(
        "8 weeks or more between doses risks rebound. Choose at most 7 weeks."),
    schedule.ScheduleProblem.REASON_REQUIRED: _l("A longer interval needs a reason."),
}


def _page(patient, status=200, **forms):
    dbs = db.session()
    doses = dbs.exec(select(SupervisedDose).where(SupervisedDose.patient_id == patient.id)
                     .order_by(SupervisedDose.given_on)).all()
    changes = dbs.exec(select(IntervalChange).where(IntervalChange.patient_id == patient.id)
                       .order_by(IntervalChange.changed_at.desc())).all()
    result = eligibility(patient)
    defaults = {
        "dose_form": SupervisedDoseForm(formdata=None),
        "training_form": TrainingForm(formdata=None, training_done_on=patient.training_done_on),
        "cleared_form": ReactionClearedForm(formdata=None),
        "interval_form": IntervalForm(formdata=None, weeks=patient.dose_interval_weeks, reason=patient.interval_reason),
        "approve_form": ApproveForm(formdata=None),
    }
    defaults.update(forms)
    audit("read", patient_id=patient.id, target="nurse.enrolment")
    dbs.commit()
    return render_template(
        "nurse/enrolment.html", patient=patient, doses=doses, changes=changes, eligible=result.eligible,
        missing=[missing_text(r) for r in result.missing],
        has_reaction=any(d.reaction for d in doses), **defaults,
    ), status


@bp.get("/patients/<int:patient_id>/enrolment")
@nurse_required
def enrolment(patient_id: int):
    return _page(clinic_patient(patient_id))


def _done(patient, message: str, target: str):
    audit("update", patient_id=patient.id, target=target)
    db.session().commit()
    flash(message, "success")
    return redirect(url_for("nurse.enrolment", patient_id=patient.id))


@bp.post("/patients/<int:patient_id>/supervised-doses")
@nurse_required
def add_supervised_dose(patient_id: int):
    patient = clinic_patient(patient_id)
    form = SupervisedDoseForm()
    if not form.validate():
        return _page(patient, 422, dose_form=form)
    # One dose a day at most: a double-tapped or resent form must not count twice toward the six (H2).
    same_day = db.session().exec(select(SupervisedDose.id).where(
        SupervisedDose.patient_id == patient.id, SupervisedDose.given_on == form.given_on.data)).first()
    if same_day is not None:
        flash(_("A supervised dose on that day is already recorded."), "info")
        return redirect(url_for("nurse.enrolment", patient_id=patient.id))
    db.session().add(SupervisedDose(
        patient_id=patient.id, given_on=form.given_on.data, route=form.route.data, reaction=form.reaction.data,
        reaction_note=(form.reaction_note.data or "").strip(), recorded_by_id=current_user.id))
    if patient.treatment_start is None or form.given_on.data < patient.treatment_start:
        patient.treatment_start = form.given_on.data  # exposure counts from the first dose (facts P2)
        db.session().add(patient)
    return _done(patient, _("The supervised dose is recorded."), "supervised_dose")


@bp.post("/patients/<int:patient_id>/training")
@nurse_required
def record_training(patient_id: int):
    patient = clinic_patient(patient_id)
    form = TrainingForm()
    if not form.validate():
        return _page(patient, 422, training_form=form)
    patient.training_done_on = form.training_done_on.data
    db.session().add(patient)
    return _done(patient, _("The training is recorded."), "training")


@bp.post("/patients/<int:patient_id>/reaction-cleared")
@nurse_required
def clear_reaction(patient_id: int):
    patient = clinic_patient(patient_id)
    form = ReactionClearedForm()
    if not form.validate():
        return _page(patient, 422, cleared_form=form)
    patient.reaction_cleared_at = datetime.now(UTC)
    patient.reaction_cleared_by_id = current_user.id
    patient.reaction_cleared_note = form.note.data.strip()
    db.session().add(patient)
    return _done(patient, _("The doctor's decision is recorded."), "reaction_cleared")


@bp.post("/patients/<int:patient_id>/interval")
@nurse_required
def set_interval(patient_id: int):
    patient = clinic_patient(patient_id)
    form = IntervalForm()
    if form.validate():
        for problem in schedule.validate_interval(form.weeks.data, form.reason.data):
            target = form.reason if problem == schedule.ScheduleProblem.REASON_REQUIRED else form.weeks
            target.errors.append(INTERVAL_PROBLEMS[problem])
    if form.errors:
        return _page(patient, 422, interval_form=form)
    reason = (form.reason.data or "").strip() if form.weeks.data > schedule.STANDARD_INTERVAL_WEEKS else ""
    patient.dose_interval_weeks = form.weeks.data
    patient.interval_reason = reason
    db.session().add(patient)
    db.session().add(IntervalChange(patient_id=patient.id, weeks=form.weeks.data, reason=reason,
                                    changed_by_id=current_user.id))
    return _done(patient, _("The dose interval is saved."), "interval")


@bp.post("/patients/<int:patient_id>/approve")
@nurse_required
def approve(patient_id: int):
    patient = clinic_patient(patient_id)
    form = ApproveForm()
    if not form.validate() or not eligibility(patient).eligible:
        flash(_("Home treatment cannot be approved yet: see what is missing."), "error")
        return redirect(url_for("nurse.enrolment", patient_id=patient.id))
    if patient.home_approved_at is None:
        patient.home_approved_at = datetime.now(UTC)
        patient.home_approved_by_id = current_user.id
        db.session().add(patient)
    return _done(patient, _("Home treatment is approved."), "approval")
