"""Enrolment for home treatment: supervised doses, training, interval, approval (facts H2-H4, I1-I3)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import _, get_locale, ngettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlmodel import select

from .. import db
from ..domain import schedule
from ..domain.dose_spacing import supervised_dose_spacing
from ..i18n import format_day
from ..injections.labels import missing_text
from ..injections.routes import eligibility
from ..models import SUPERVISED_COUNTS, IntervalChange, Patient, SupervisedDose
from ..security import audit, nurse_required
from . import bp
from .enrolment_forms import (
    ApproveForm,
    IntervalForm,
    ReactionClearedForm,
    SupervisedDoseForm,
    TrainingForm,
    WithdrawSupervisedDoseForm,
)
from .routes import clinic_patient

INTERVAL_PROBLEMS = {
    schedule.ScheduleProblem.INTERVAL_SHORTER_THAN_STANDARD: _l("The interval cannot be shorter than 4 weeks."),
    schedule.ScheduleProblem.INTERVAL_REACHES_REBOUND_THRESHOLD: _l(
        "8 weeks or more between doses risks rebound. Choose at most 7 weeks."),
    schedule.ScheduleProblem.REASON_REQUIRED: _l("A longer interval needs a reason."),
}


def _page(patient, status=200, **forms):
    dbs = db.session()
    every = dbs.exec(select(SupervisedDose).where(SupervisedDose.patient_id == patient.id)
                     .order_by(SupervisedDose.given_on, SupervisedDose.id)).all()
    doses = [d for d in every if d.is_current]
    earlier = sorted((d for d in every if not d.is_current), key=lambda d: d.superseded_at or d.withdrawn_at,
                     reverse=True)
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
        "nurse/enrolment.html", patient=patient, doses=doses, earlier=earlier, changes=changes,
        eligible=result.eligible,
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


def _current_doses(patient, *, without=None) -> list[SupervisedDose]:
    query = select(SupervisedDose).where(SupervisedDose.patient_id == patient.id, *SUPERVISED_COUNTS)
    if without is not None:
        query = query.where(SupervisedDose.id != without.id)
    return list(db.session().exec(query).all())


def _spacing_ok(form: SupervisedDoseForm, others: list[SupervisedDose]) -> bool:
    """A date under 3 weeks from another supervised dose needs the nurse's tick (facts §3 "Supervised doses")."""
    check = supervised_dose_spacing(form.given_on.data, [d.given_on for d in others])
    if not check.questioned or form.confirm_close.data:
        return True
    form.given_on.errors.append(ngettext(
        "This is %(num)d day from the supervised dose on %(date)s. Supervised doses are normally about 4 weeks "
        "apart: check the date, or tick the box below if it is right.",
        "This is %(num)d days from the supervised dose on %(date)s. Supervised doses are normally about 4 weeks "
        "apart: check the date, or tick the box below if it is right.",
        check.days_apart, date=format_day(check.nearest_day, "medium", str(get_locale()))))
    form.confirm_close.errors.append(_("Tick this if the date is right."))
    return False


def _dose_from(form: SupervisedDoseForm, patient, replaces: SupervisedDose | None = None) -> SupervisedDose:
    return SupervisedDose(
        patient_id=patient.id, given_on=form.given_on.data, route=form.route.data, reaction=form.reaction.data,
        reaction_note=(form.reaction_note.data or "").strip(), confirmed_close_to_other=bool(form.confirm_close.data),
        recorded_by_id=current_user.id, replaces_id=replaces.id if replaces else None)


def _update_treatment_start(patient, removed_day=None) -> None:
    """Exposure counts from the first dose (facts P2): an earlier supervised dose moves the start back;
    when the dose the start came from is corrected or withdrawn, the earliest one left is the start."""
    days = [d.given_on for d in _current_doses(patient)]
    first = min(days) if days else None
    if first is None:
        return
    start = patient.treatment_start
    if start is None or first < start or (removed_day is not None and removed_day == start):
        patient.treatment_start = first
        db.session().add(patient)


@bp.post("/patients/<int:patient_id>/supervised-doses")
@nurse_required
def add_supervised_dose(patient_id: int):
    patient = clinic_patient(patient_id)
    form = SupervisedDoseForm()
    if not form.validate():
        return _page(patient, 422, dose_form=form)
    others = _current_doses(patient)
    # One dose a day at most: a double-tapped or resent form must not count twice toward the six (H2).
    if any(d.given_on == form.given_on.data for d in others):
        flash(_("A supervised dose on that day is already recorded."), "info")
        return redirect(url_for("nurse.enrolment", patient_id=patient.id))
    if not _spacing_ok(form, others):
        return _page(patient, 422, dose_form=form)
    db.session().add(_dose_from(form, patient))
    db.session().flush()
    _update_treatment_start(patient)
    return _done(patient, _("The supervised dose is recorded."), "supervised_dose")


def _clinic_dose(patient, dose_id: int) -> SupervisedDose:
    """A supervised dose of this patient (already checked to be of the nurse's clinic); otherwise 404."""
    dose = db.session().get(SupervisedDose, dose_id)
    if dose is None or dose.patient_id != patient.id:
        abort(404)
    return dose


def _dose_page(patient, dose, status=200, **forms):
    defaults = {
        "correct_form": SupervisedDoseForm(formdata=None, given_on=dose.given_on, route=dose.route,
                                           reaction=dose.reaction, reaction_note=dose.reaction_note,
                                           confirm_close=dose.confirmed_close_to_other),
        "withdraw_form": WithdrawSupervisedDoseForm(formdata=None),
    }
    defaults.update(forms)
    audit("read", patient_id=patient.id, target=f"supervised_dose:{dose.id}")
    db.session().commit()
    return render_template("nurse/supervised_dose.html", patient=patient, dose=dose, **defaults), status


def _already_changed(patient: Patient):
    """A second tap, or another nurse was first: the entry is corrected or withdrawn already."""
    flash(_("This supervised dose has already been corrected or withdrawn."), "info")
    return redirect(url_for("nurse.enrolment", patient_id=patient.id))


@bp.route("/patients/<int:patient_id>/supervised-doses/<int:dose_id>", methods=["GET", "POST"])
@nurse_required
def correct_supervised_dose(patient_id: int, dose_id: int):
    """A mistyped supervised dose is corrected by a new row; the old one is kept (facts §3)."""
    patient = clinic_patient(patient_id)
    old = _clinic_dose(patient, dose_id)
    if not old.is_current:
        return _already_changed(patient)
    form = SupervisedDoseForm()
    if not form.is_submitted():
        return _dose_page(patient, old)
    if not form.validate():
        return _dose_page(patient, old, 422, correct_form=form)
    others = _current_doses(patient, without=old)
    if any(d.given_on == form.given_on.data for d in others):
        form.given_on.errors.append(_("A supervised dose on that day is already recorded."))
        return _dose_page(patient, old, 422, correct_form=form)
    if not _spacing_ok(form, others):
        return _dose_page(patient, old, 422, correct_form=form)
    old.superseded_at = datetime.now(UTC)
    db.session().add(old)
    db.session().add(_dose_from(form, patient, replaces=old))
    db.session().flush()
    _update_treatment_start(patient, removed_day=old.given_on)
    return _done(patient, _("The supervised dose is corrected. The earlier entry is kept."),
                 f"supervised_dose:{old.id}:correct")


@bp.post("/patients/<int:patient_id>/supervised-doses/<int:dose_id>/withdraw")
@nurse_required
def withdraw_supervised_dose(patient_id: int, dose_id: int):
    """A supervised dose entered by mistake is withdrawn with a reason; it is kept but no longer counts."""
    patient = clinic_patient(patient_id)
    dose = _clinic_dose(patient, dose_id)
    if not dose.is_current:
        return _already_changed(patient)
    form = WithdrawSupervisedDoseForm()
    if not form.validate():
        return _dose_page(patient, dose, 422, withdraw_form=form)
    dose.withdrawn_at = datetime.now(UTC)
    dose.withdrawn_by_id = current_user.id
    dose.withdrawn_reason = form.reason.data.strip()
    db.session().add(dose)
    db.session().flush()
    _update_treatment_start(patient, removed_day=dose.given_on)
    return _done(patient, _("The supervised dose is withdrawn. It is kept in the history."),
                 f"supervised_dose:{dose.id}:withdraw")


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
    # the form required the tick "not an allergic reaction" (facts B1: never again after hypersensitivity)
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
