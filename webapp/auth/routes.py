from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import _, force_locale
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import bindparam
from sqlalchemy.orm import joinedload
from sqlmodel import select

from .. import db
from ..account.factors import has_second_factor
from ..extensions import limiter, login_manager
from ..i18n import format_time, format_when
from ..models import AuditEvent, Role, User
from ..security import safe_next, start_session
from . import bp, second_factor
from .accounts import (
    INVITATION,
    attempt_login,
    end_all_sessions,
    find_invitation,
    normalise_email,
    passwords,
    untold_in_person_reset,
    use_invitation,
)
from .forms import ChangePasswordForm, LoginForm, SetPasswordForm
from .limits import password_again_limit
from .mail import queue_changed_mail

# Every signed-in request runs this: built once, and the patient row comes in the same query, as every
# patient page needs it (issue 7); so does the clinic row, which the emergency page, the start page and
# the dose forms show (its name and number) and would otherwise load in a statement of its own (issue 16).
USER_WITH_PATIENT = select(User).options(joinedload(User.patient), joinedload(User.clinic)).where(User.id == bindparam("user_id"))


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The cookie names the user and the session generation; a raised generation ends the session."""
    user_id, _sep, generation = session_id.partition(".")
    if not (user_id.isdigit() and generation.isdigit()):
        return None
    user = db.session().exec(USER_WITH_PATIENT, params={"user_id": int(user_id)}).first()
    if user is None or user.session_generation != int(generation) or not user.password_hash or not user.active:
        return None
    return user


def home_for(user: User) -> str:
    if user.role == Role.RELATIVE:
        return url_for("relatives.helping")
    return url_for("nurse.index") if user.role == Role.NURSE else url_for("home.index")


def _login_rate_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _login_address_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT_ADDRESS"]


def _address_tried() -> str:
    """The account tried, from any source: it is slowed down, never locked (security review finding 5)."""
    return "login:" + normalise_email(request.form.get("email", ""))


def _not_signed_in(response) -> bool:
    return response.status_code != 302


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_rate_limit, methods=["POST"])
@limiter.limit(_login_address_limit, methods=["POST"], key_func=_address_tried, deduct_when=_not_signed_in)
def login():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm()
    if session.pop("expired", False) and request.method == "GET":
        flash(_("You were signed out because the session ended. Please sign in again."), "info")
    if form.validate_on_submit():
        result = attempt_login(form.email.data, form.password.data, request.remote_addr)
        if result.user is not None and not result.user.active:
            # A deactivated account (security finding 18): the right password, and still no way in.
            _audit_sign_in("login_inactive", None, form.email.data)
            form.email.errors.append(_("This account is turned off. Call the clinic if you need it again."))
            return render_template("auth/login.html", form=form), 422
        if result.user is not None and has_second_factor(result.user.id):
            second_factor.begin(result.user, bool(form.stay.data), request.args.get("next") or "")
            return redirect(url_for("auth.second_factor"))
        if result.user is not None:
            start_session(result.user, stay=bool(form.stay.data))
            login_user(result.user)
            _audit_sign_in("login", result.user)
            _tell_in_person_reset(result.user)
            return redirect(safe_next(request.args.get("next"), home_for(result.user)))
        _audit_sign_in("login_locked" if result.locked_until is not None else "login_failed", None,
                       form.email.data)
        if result.locked_until is not None:
            form.email.errors.append(
                _(
                    "Too many failed attempts. Signing in is locked for 15 minutes, until %(time)s.",
                    time=format_time(result.locked_until, "short"),
                )
            )
        else:
            # The same answer whether the address is unknown or the password is wrong.
            form.password.errors.append(_("Wrong e-mail or password."))
    return render_template("auth/login.html", form=form), 200 if not form.errors else 422


def _audit_sign_in(action: str, user: User | None, email: str = "") -> None:
    """Sign-ins, failed and locked ones, sign-outs and password changes go to the audit log (security
    finding 10). A failed one names the account tried by its id, never the text typed (it may be a
    password typed into the wrong field, finding 18); the actor is unknown then. Committed here."""
    if user is None and email:
        user = db.session().exec(select(User).where(User.email == normalise_email(email))).first()
    signed_in = action in ("login", "logout", "password_change")
    target = f"account:{user.id}" if user is not None else "account:unknown"
    db.session().add(AuditEvent(actor_id=user.id if signed_in and user is not None else None,
                                patient_id=None, action=action, target=target))
    db.session().commit()


def _tell_in_person_reset(user: User) -> None:
    """At the first sign-in with a password after a reset at the clinic, the owner is told once: if it
    was someone else, the patient learns it here (issue 13; security review finding 6)."""
    invitation = untold_in_person_reset(user)
    if invitation is not None:
        db.session().commit()
        language = user.locale if user.locale in ("nb", "en") else "nb"
        with force_locale(language):  # the page after sign-in is in the user's language
            flash(_("Your password was reset at the clinic on %(when)s. Was it not you? Call the clinic.",
                    when=format_when(invitation.used_at, language)), "warning")


@bp.post("/logout")
def logout():
    if current_user.is_authenticated:
        end_all_sessions(current_user)
        _audit_sign_in("logout", current_user._get_current_object())
    logout_user()
    session.clear()
    flash(_("You are signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["GET", "POST"])
@password_again_limit()
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not passwords().verify(current_user.password_hash, form.current_password.data):
            form.current_password.errors.append(_("The current password is wrong."))
        else:
            user = current_user._get_current_object()
            user.password_hash = passwords().hash(form.password.data)
            end_all_sessions(user)  # other devices are signed out
            queue_changed_mail(db.session(), user)  # the owner hears of it by e-mail (ASVS 6.3.7)
            _audit_sign_in("password_change", user)
            start_session(user)
            login_user(user)
            flash(_("Your password is changed. Other devices have been signed out."), "success")
            return redirect(home_for(user))
    return render_template("auth/change_password.html", form=form), 200 if not form.errors else 422


@bp.route("/invite/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    invitation, status = find_invitation(token, (INVITATION,))
    if invitation is None:  # 404 for a token that never was, 410 for one used or run out
        return render_template("auth/invitation_invalid.html"), status
    form = SetPasswordForm()
    form.owner = db.session().get(User, invitation.user_id)
    if request.method == "GET":
        form.language.data = form.owner.locale
    if form.validate_on_submit():
        user = use_invitation(invitation, form.password.data, form.language.data)
        if current_user.is_authenticated:
            logout_user()
        start_session(user)
        login_user(user)
        flash(_("Welcome! Your password is saved."), "success")
        return redirect(home_for(user))
    email = form.owner.email
    if form.errors:
        return render_template("auth/set_password.html", form=form, email=email), 422
    return render_template("auth/set_password.html", form=form, email=email)


def init_login(app) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = None  # the login page itself says what to do
    login_manager.session_protection = "basic"
