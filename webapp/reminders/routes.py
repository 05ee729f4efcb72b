"""The notification preferences page (patients and nurses) and dismissing a reminder."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from .. import db
from ..domain.reminders import DOSE_KINDS, ReminderTimes, times_in_quiet_hours
from ..forms_base import BaseForm
from ..models import NotificationPrefs, Reminder
from ..notify import prefs_for
from ..security import own_patient, own_record, patient_required
from . import bp
from .forms import NURSE_FIELDS, PATIENT_FIELDS, TOPICS_OFF, NursePrefsForm, PatientPrefsForm
from .records import close


def devices_url() -> str:
    """The push devices page belongs to the push feature; linked by its endpoint when it is there."""
    if "push.devices" in current_app.view_functions:
        return url_for("push.devices")
    return "/notifications/devices"


def _form_for(prefs: NotificationPrefs):
    if current_user.is_patient:
        form = PatientPrefsForm(obj=prefs)
        if not form.is_submitted():
            form.detailed.data = "detailed" if prefs.detailed else "discreet"
        return form, PATIENT_FIELDS
    return NursePrefsForm(obj=prefs), NURSE_FIELDS


def _check_times(form: PatientPrefsForm) -> None:
    """A reminder time inside the quiet hours is refused next to the field (when all four times are read)."""
    clocks = (form.evening_time, form.morning_time, form.quiet_start, form.quiet_end)
    if any(clock.errors or clock.data is None for clock in clocks):
        return
    times = ReminderTimes(evening=form.evening_time.data, morning=form.morning_time.data,
                          quiet_start=form.quiet_start.data, quiet_end=form.quiet_end.data)
    for name in times_in_quiet_hours(times):
        field = form.evening_time if name == "evening" else form.morning_time
        field.errors.append(_("This time is in your quiet hours. Choose a time outside them, or change the "
                              "quiet hours."))


def _save(prefs: NotificationPrefs, form, fields: tuple[str, ...], everything_off: bool) -> None:
    session = db.session()
    if everything_off:
        for name in TOPICS_OFF:
            setattr(prefs, name, False)
    else:
        for name in fields:
            setattr(prefs, name, form[name].data)
        if current_user.is_patient:
            prefs.detailed = form.detailed.data == "detailed"
    session.add(prefs)
    try:
        session.commit()
    except IntegrityError:  # a double tap: the first post made the row; save onto it instead
        session.rollback()
        stored = session.get(NotificationPrefs, current_user.id)
        for name in (*fields, "detailed", *TOPICS_OFF):
            setattr(stored, name, getattr(prefs, name))
        session.add(stored)
        session.commit()


@bp.route("/notifications/preferences", methods=["GET", "POST"])
@login_required
def preferences():
    prefs = prefs_for(db.session(), current_user.id)
    form, fields = _form_for(prefs)
    if form.is_submitted():
        # "Switch everything off" needs no valid times: only the form's CSRF token is checked
        if form.everything_off.data and BaseForm().validate_on_submit():
            _save(prefs, form, fields, everything_off=True)
            flash(_("Everything is switched off. Your reminders still show on the start page."), "success")
            return redirect(url_for("reminders.preferences"))
        valid = form.validate()
        if current_user.is_patient:
            _check_times(form)
        if valid and not form.errors:
                _save(prefs, form, fields, everything_off=False)
                flash(_("Your choices are saved."), "success")
                return redirect(url_for("reminders.preferences"))
    status = 422 if form.errors else 200
    return render_template("reminders/preferences.html", form=form, devices_url=devices_url(),
                           email=current_user.email), status


@bp.post("/reminders/<int:reminder_id>/dismiss")
@patient_required
def dismiss(reminder_id: int):
    reminder = own_record(Reminder, reminder_id, own_patient())
    if BaseForm().validate_on_submit():
        together = [reminder]
        if reminder.kind in DOSE_KINDS:  # the card shows one reminder per dose: put away all of that dose's
            together = db.session().exec(select(Reminder).where(
                Reminder.patient_id == reminder.patient_id, Reminder.about_day == reminder.about_day,
                Reminder.kind.in_(list(DOSE_KINDS)), Reminder.done_at.is_(None))).all()
        close(db.session(), together)
        db.session().commit()
        flash(_("The reminder is put away."), "success")
    return redirect(url_for("home.index"))
