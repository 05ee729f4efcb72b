"""The patient's request to close her account, and the admin's confirmation."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user

from .. import db
from ..account.factors import remove_all_factors
from ..auth.accounts import end_all_sessions, passwords
from ..auth.limits import password_again_limit
from ..domain.levels import Level
from ..extension_points import nurse_patient_section
from ..flags import raise_flag
from ..models import NotificationPrefs, OutboxMessage, OutboxStatus, Patient, PushSubscription
from ..nurse.routes import clinic_patient
from ..nurse.staff import admin_required
from ..security import audit, own_patient, patient_required
from . import bp
from .forms import CloseRequestForm, ConfirmCloseForm

FLAG_CODE = "account_closing_requested"


def _now() -> datetime:
    return datetime.now(UTC)


@bp.route("/my-data/close-account", methods=["GET", "POST"])
@password_again_limit()
@patient_required
def request_closing():
    patient = own_patient()
    form = CloseRequestForm()
    if patient.closing_requested_at is None and form.validate_on_submit():
        if passwords().verify(current_user.password_hash, form.password.data):
            now = _now()
            patient.closing_requested_at = now
            db.session().add(patient)
            # A routine flag: the clinic sees it in the queue at its next review (one per request).
            raise_flag(db.session(), patient, source="account", code=FLAG_CODE, level=Level.ROUTINE,
                       dedupe_key=f"closing:{patient.id}:{now.isoformat()}", now=now)
            audit("close_request", patient_id=patient.id, target="account")
            db.session().commit()
            flash(_("Your request is sent. The clinic will confirm it and close the account."), "success")
            return redirect(url_for("closing.request_closing"))
        form.password.errors.append(_("The password is wrong."))
    return render_template("closing/request.html", form=form, patient=patient), 422 if form.errors else 200


@bp.post("/my-data/close-account/withdraw")
@patient_required
def withdraw_request():
    patient = own_patient()
    if not ConfirmCloseForm().validate_on_submit():
        abort(400)
    if patient.closing_requested_at is not None:
        patient.closing_requested_at = None
        db.session().add(patient)
        audit("close_withdrawn", patient_id=patient.id, target="account")
        db.session().commit()
        flash(_("Your request is withdrawn. Your account stays open."), "success")
    return redirect(url_for("closing.request_closing"))


def close_account(patient: Patient, now: datetime) -> None:
    """Every way into the account ends, and what is only there to reach her goes: password, second
    factors, sessions, devices, reminder settings, messages not yet sent, the calendar link, her mobile
    number and her address (replaced, so that it can be used for a new account). Her health record (doses,
    reports, calls, messages, photos, results) and the audit log stay with the clinic. The caller commits."""
    user = patient.user
    session = db.session()
    remove_all_factors(user.id)
    for model in (PushSubscription, NotificationPrefs):
        session.execute(sa.delete(model.__table__).where(model.__table__.c.user_id == user.id))
    session.execute(sa.update(OutboxMessage.__table__)
                    .where(OutboxMessage.__table__.c.user_id == user.id,
                           OutboxMessage.__table__.c.status == OutboxStatus.PENDING)
                    .values(status=OutboxStatus.CANCELLED))
    user.password_hash = None
    user.active = False
    user.email = f"closed-{user.id}@closed.invalid"
    end_all_sessions(user)
    patient.calendar_token_hash = None
    patient.phone = ""
    patient.closed_at = now
    session.add_all([user, patient])


@bp.post("/nurse/patients/<int:patient_id>/close-account")
@admin_required
def confirm_closing(patient_id: int):
    patient = clinic_patient(patient_id)
    if not ConfirmCloseForm().validate_on_submit():
        abort(400)
    if patient.closing_requested_at is None or patient.closed_at is not None:
        # Only a standing request is confirmed, once (a withdrawn one, or a second tap, changes nothing).
        flash(_("There is no request to close this account."), "warning")
        return redirect(url_for("nurse.patient", patient_id=patient.id))
    close_account(patient, _now())
    audit("close_account", patient_id=patient.id, target="account")
    db.session().commit()
    flash(_("The account is closed. The health record stays with the clinic."), "success")
    return redirect(url_for("nurse.patient", patient_id=patient.id))


@nurse_patient_section(95)
def closing_section(patient: Patient, today):
    """Shown on the nurse's patient page only while a request stands, or after the account was closed."""
    if patient.closing_requested_at is None and patient.closed_at is None:
        return None
    return "closing/_nurse_section.html", {"patient": patient, "form": ConfirmCloseForm(formdata=None),
                                           "can_confirm": current_user.is_admin}
