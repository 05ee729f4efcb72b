"""The clinic admin's page (security finding 18): the nurses of her own clinic, turned off and on again,
signed out everywhere, or made to enrol a second factor again. Every action is an audit event."""

import functools

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user
from sqlmodel import select

from .. import db
from ..account import factors
from ..auth.accounts import end_all_sessions
from ..forms_base import BaseForm
from ..models import AuditEvent, Role, TotpSecret, User, WebAuthnCredential
from ..security import nurse_required, refuse
from . import bp


def admin_required(view):
    """A nurse who is her clinic's admin; any other nurse gets 403."""

    @nurse_required
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def _clinic_nurse(user_id: int) -> User:
    """A nurse of the admin's own clinic; anyone else answers 404, with a trace (finding 10)."""
    user = db.session().get(User, user_id)
    if user is None or user.role != Role.NURSE or user.clinic_id != current_user.clinic_id:
        refuse(f"staff:{user_id}")
    return user


def _audit(action: str, user: User) -> None:
    db.session().add(AuditEvent(actor_id=current_user.id, patient_id=None, action=action, target=f"account:{user.id}"))


@bp.get("/staff")
@admin_required
def staff():
    nurses = db.session().exec(select(User).where(User.clinic_id == current_user.clinic_id, User.role == Role.NURSE)
                               .order_by(User.full_name)).all()
    ids = [nurse.id for nurse in nurses]
    with_passkey = set(db.session().exec(select(WebAuthnCredential.user_id).where(WebAuthnCredential.user_id.in_(ids))))
    with_totp = set(db.session().exec(select(TotpSecret.user_id).where(
        TotpSecret.user_id.in_(ids), TotpSecret.confirmed_at.is_not(None))))
    rows = [(nurse, nurse.id in with_passkey, nurse.id in with_totp) for nurse in nurses]
    return render_template("nurse/staff.html", rows=rows, form=BaseForm())


def _done(message: str):
    flash(message, "success")
    return redirect(url_for("nurse.staff"))


@bp.post("/staff/<int:user_id>/deactivate")
@admin_required
def deactivate_nurse(user_id: int):
    user = _clinic_nurse(user_id)
    if not BaseForm().validate_on_submit():
        abort(400)
    if user.id == current_user.id:
        flash(_("You cannot turn off your own account. Ask another admin."), "warning")
        return redirect(url_for("nurse.staff"))
    user.active = False
    end_all_sessions(user)  # her open sessions end at their next request
    _audit("staff_deactivate", user)
    db.session().commit()
    return _done(_("%(name)s can no longer sign in.", name=user.full_name))


@bp.post("/staff/<int:user_id>/reactivate")
@admin_required
def reactivate_nurse(user_id: int):
    user = _clinic_nurse(user_id)
    if not BaseForm().validate_on_submit():
        abort(400)
    user.active = True
    db.session().add(user)
    _audit("staff_reactivate", user)
    db.session().commit()
    return _done(_("%(name)s can sign in again.", name=user.full_name))


@bp.post("/staff/<int:user_id>/end-sessions")
@admin_required
def end_nurse_sessions(user_id: int):
    user = _clinic_nurse(user_id)
    if not BaseForm().validate_on_submit():
        abort(400)
    end_all_sessions(user)
    _audit("staff_end_sessions", user)
    db.session().commit()
    return _done(_("%(name)s is signed out on every device.", name=user.full_name))


@bp.post("/staff/<int:user_id>/reset-second-factor")
@admin_required
def reset_nurse_second_factor(user_id: int):
    """A lost phone or key: every factor goes, her sessions end, and she enrols again at the next sign-in."""
    user = _clinic_nurse(user_id)
    if not BaseForm().validate_on_submit():
        abort(400)
    factors.remove_all_factors(user.id)
    end_all_sessions(user)
    _audit("staff_reset_second_factor", user)
    db.session().commit()
    return _done(_("%(name)s has no second step any more, and must set one up at the next sign-in.",
                   name=user.full_name))


