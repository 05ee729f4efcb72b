"""The limit on wrong current passwords, wherever the password is asked for again: the password change
page, and removing a second factor or making new recovery codes on the security page (security findings 2
and 20). One count per user across all of them, so that a stolen session cannot guess on each in turn."""

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import _
from flask_login import current_user, logout_user

from .. import db
from ..extensions import limiter
from .accounts import end_all_sessions


def password_again_limit():
    """Decorates a view that asks for the current password: refused answers (422) count, per user."""
    return limiter.shared_limit(_password_change_limit, scope="password-again", methods=["POST"],
                                key_func=_signed_in_user, deduct_when=_refused, on_breach=_sign_out_after_wrong_passwords)


def _password_change_limit() -> str:
    return current_app.config["PASSWORD_CHANGE_RATE_LIMIT"]


def _signed_in_user() -> str:
    # The user's id, not the session's: every session of the user shares one count.
    return f"password:{getattr(current_user, 'id', None) or request.remote_addr}"


def _refused(response) -> bool:
    return response.status_code == 422


def _sign_out_after_wrong_passwords(limit):
    """Too many wrong current passwords: whoever holds this session may have stolen it, so every session of
    the user ends and the password must be given at the login page, with its lock-out (finding 20). The
    count starts again, so that the owner, signed in again, can change the password at once."""
    if current_user.is_authenticated:
        end_all_sessions(current_user)
        db.session().commit()
    limit.limiter.clear(limit.limit, *limit.request_args)
    logout_user()
    session.clear()
    flash(_("Too many wrong passwords. You are signed out; sign in again."), "warning")
    return redirect(url_for("auth.login"))
