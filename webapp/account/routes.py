"""The account security page (security finding 2): passkeys first, a code app as fallback, and recovery
codes. Nurses must have a second factor in production (security.py sends them here); patients may."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import _
from flask_login import current_user, login_required

from .. import db
from ..auth.accounts import passwords
from ..auth.limits import password_again_limit
from ..models import AuditEvent, Role, WebAuthnCredential
from . import bp, factors, passkeys
from .forms import PasskeyForm, PasswordAgainForm, TotpConfirmForm


def _audit(action: str) -> None:
    """Each change of a factor is an audit event naming the account, never a secret. Committed by the caller."""
    db.session().add(AuditEvent(actor_id=current_user.id, patient_id=None, action=action,
                                target=f"account:{current_user.id}"))


def second_factor_required(user) -> bool:
    return user.role == Role.NURSE and bool(current_app.config.get("NURSE_SECOND_FACTOR_REQUIRED"))


def _security_page(error: str = "", status: int = 200):
    user = current_user._get_current_object()
    rp = passkeys.relying_party()
    passkey_form = PasskeyForm()
    return render_template(
        "account/security.html",
        passkeys=passkeys.credentials_of(user.id),
        totp=factors.confirmed_totp(user.id),
        codes_left=factors.recovery_codes_left(user.id),
        has_factor=factors.has_second_factor(user.id),
        required=second_factor_required(user),
        passkey_options=passkeys.registration_options(user, rp) if rp else None,
        passkey_form=passkey_form,
        password_form=PasswordAgainForm(),
        error=error,
    ), status


@bp.get("/security")
@login_required
def security():
    return _security_page()


def _first_factor_done(action: str):
    """After a new factor: the audit event, and ten recovery codes shown once if there were none."""
    _audit(action)
    codes = factors.new_recovery_codes(current_user.id) if factors.recovery_codes_left(current_user.id) == 0 else []
    if codes:
        _audit("recovery_codes_new")
    db.session().commit()
    if codes:
        return render_template("account/recovery_codes.html", codes=codes)
    flash(_("Your second step for signing in is saved."), "success")
    return redirect(url_for("account.security"))


@bp.post("/security/passkeys")
@login_required
def add_passkey():
    form = PasskeyForm()
    rp = passkeys.relying_party()
    if rp is None or not form.validate_on_submit():
        return _security_page(_("The passkey could not be added. Please try again."), 422)
    name = form.name.data or _("Passkey")
    if passkeys.register(current_user._get_current_object(), rp, form.credential.data or "", name) is None:
        return _security_page(_("The passkey could not be added. Please try again."), 422)
    return _first_factor_done("passkey_add")


@bp.route("/security/code-app", methods=["GET", "POST"])
@login_required
def setup_totp():
    user = current_user._get_current_object()
    if factors.confirmed_totp(user.id) is not None:
        return redirect(url_for("account.security"))
    row = factors.pending_totp(user)
    form = TotpConfirmForm()
    if form.validate_on_submit():
        if factors.confirm_totp(row, form.code.data):
            return _first_factor_done("totp_add")
        form.code.errors.append(_("That code is not right. Check the time on your phone, and enter the newest code."))
    uri = factors.provisioning_uri(row, user)
    typed = " ".join(row.secret[i:i + 4] for i in range(0, len(row.secret), 4))  # in fours, as the apps show it
    return render_template("account/setup_totp.html", form=form, secret=typed,
                           qr=factors.qr_svg(uri, _("QR code for the code app"))), 422 if form.errors else 200


def _password_again():
    """The password again, before a factor is removed or new codes made; None when it is right."""
    form = PasswordAgainForm()
    if form.validate_on_submit() and passwords().verify(current_user.password_hash, form.password.data):
        return None, form
    return _security_page(_("The password is wrong. Nothing was changed."), 422), form


@bp.post("/security/passkeys/remove")
@password_again_limit()
@login_required
def remove_passkey():
    refused, form = _password_again()
    if refused:
        return refused
    row = db.session().get(WebAuthnCredential, form.passkey.data or 0)
    if row is None or row.user_id != current_user.id:
        return redirect(url_for("account.security"))
    db.session().delete(row)
    _audit("passkey_remove")
    db.session().commit()
    flash(_("The passkey is removed."), "success")
    return redirect(url_for("account.security"))


@bp.post("/security/code-app/remove")
@password_again_limit()
@login_required
def remove_totp():
    refused, _form = _password_again()
    if refused:
        return refused
    factors.remove_totp(current_user.id)
    _audit("totp_remove")
    db.session().commit()
    flash(_("The code app is turned off."), "success")
    return redirect(url_for("account.security"))


@bp.post("/security/recovery-codes")
@password_again_limit()
@login_required
def new_recovery_codes():
    refused, _form = _password_again()
    if refused:
        return refused
    codes = factors.new_recovery_codes(current_user.id)
    _audit("recovery_codes_new")
    db.session().commit()
    return render_template("account/recovery_codes.html", codes=codes)
