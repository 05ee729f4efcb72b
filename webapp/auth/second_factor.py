"""The second step of signing in (security finding 2): after a right password, an account with a passkey
or a code app is signed in only when that answers too. Until then the session holds the half-done sign-in
for five minutes, and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import _
from flask_login import current_user, login_user

from .. import db
from ..account import factors, passkeys
from ..extensions import limiter
from ..i18n import format_time
from ..models import User
from ..security import safe_next, start_session
from . import bp
from .accounts import attempt_second_factor
from .second_factor_forms import PasskeySignInForm, RecoveryCodeForm, TotpCodeForm

PENDING = "pending_sign_in"
PENDING_SECONDS = 5 * 60


def _now() -> datetime:
    return datetime.now(UTC)


def begin(user: User, stay: bool, next_url: str) -> None:
    """Called after the right password: only the half-done sign-in is kept, not a signed-in session."""
    session.clear()
    session[PENDING] = {"user": user.id, "generation": user.session_generation, "at": _now().timestamp(),
                        "stay": stay, "next": next_url}


def _pending() -> tuple[User | None, dict]:
    """The user half signed in, unless five minutes have passed or the account changed since."""
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or _now().timestamp() - pending.get("at", 0) > PENDING_SECONDS:
        return None, {}
    user = db.session().get(User, pending.get("user", 0))
    if user is None or not user.active or user.session_generation != pending.get("generation"):
        return None, {}
    return user, pending


def _pending_account() -> str:
    """The per-account rate limit of the login page counts the second step too."""
    user, _pending_state = _pending()
    return "login:" + (user.email if user else request.remote_addr or "-")


def _not_signed_in(response) -> bool:
    return response.status_code != 302


def _login_rate_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _login_address_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT_ADDRESS"]


@bp.route("/second-factor", methods=["GET", "POST"])
@limiter.limit(_login_rate_limit, methods=["POST"])
@limiter.limit(_login_address_limit, methods=["POST"], key_func=_pending_account, deduct_when=_not_signed_in)
def second_factor():
    from .routes import _audit_sign_in, _tell_in_person_reset, home_for

    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    user, pending = _pending()
    if user is None:
        session.pop(PENDING, None)
        flash(_("Signing in took too long. Please start again."), "info")
        return redirect(url_for("auth.login"))
    # Three forms on one page, told apart by their prefixes; CSRFProtect checks the one token of every POST.
    no_own_token = {"csrf": False}
    totp_form = TotpCodeForm(prefix="totp", meta=no_own_token)
    recovery_form = RecoveryCodeForm(prefix="recovery", meta=no_own_token)
    passkey_form = PasskeySignInForm(prefix="passkey", meta=no_own_token)
    totp = factors.confirmed_totp(user.id)
    rp = passkeys.relying_party()
    error = ""
    if request.method == "POST":
        check = None
        if "totp-code" in request.form and totp is not None and totp_form.validate():
            check = lambda: factors.use_totp(totp, totp_form.code.data)  # noqa: E731
            method, wrong = "totp", totp_form.code.errors
        elif "recovery-code" in request.form and recovery_form.validate():
            check = lambda: factors.use_recovery_code(user.id, recovery_form.code.data)  # noqa: E731
            method, wrong = "recovery_code", recovery_form.code.errors
        elif "passkey-credential" in request.form and rp is not None and passkey_form.validate():
            check = lambda: passkeys.verify_sign_in(user.id, rp, passkey_form.credential.data) is not None  # noqa: E731
            method, wrong = "passkey", None
        if check is not None:
            result = attempt_second_factor(user, request.remote_addr, check)
            if result.user is not None:
                session.pop(PENDING, None)
                start_session(user, stay=bool(pending.get("stay")))
                login_user(user)
                db.session().commit()  # the passkey's counter and last use
                _audit_sign_in("login", user)
                _tell_in_person_reset(user)
                if method == "recovery_code":
                    _audit_sign_in("login_recovery_code", user)
                    flash(_("You used a recovery code. %(n)s are left; you can make new ones on the security page.",
                            n=factors.recovery_codes_left(user.id)), "warning")
                return redirect(safe_next(pending.get("next"), home_for(user)))
            _audit_sign_in("login_second_factor_failed" if result.locked_until is None else "login_locked", user)
            if result.locked_until is not None:
                session.pop(PENDING, None)
                flash(_("Too many failed attempts. Signing in is locked for 15 minutes, until %(time)s.",
                        time=format_time(result.locked_until, "short")), "warning")
                return redirect(url_for("auth.login"))
            message = _("That code is not right. Try the newest code, or another way below.")
            if wrong is not None:
                wrong.append(message)
            else:
                error = _("The passkey was not accepted. Try again, or use a code below.")
        elif not error:
            error = _("Enter a code, or use your passkey.")
    options = passkeys.sign_in_options(user.id, rp) if rp is not None else None
    status = 422 if request.method == "POST" else 200
    return render_template("auth/second_factor.html", totp_form=totp_form if totp else None,
                           recovery_form=recovery_form, passkey_form=passkey_form, passkey_options=options,
                           error=error), status
