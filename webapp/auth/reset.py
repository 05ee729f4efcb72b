"""A way back in (issue 13): "Forgot your password?" sends a single-use link to the account's own
address, and the link's page sets a new password.

The answer to "send me a link" is the same whether or not the address has an account (the same
redirect, the same page), and it is rate limited per IP address and per address asked about. Tokens are
stored only as hashes and never logged. After a new password every other session ends and the owner is
told by e-mail.
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import _
from flask_login import current_user, login_user, logout_user
from sqlmodel import select

from .. import db
from ..account.factors import has_second_factor
from ..extensions import limiter
from ..models import User
from ..security import start_session
from . import bp, second_factor
from .accounts import RESET, RESET_KINDS, create_link, find_invitation, normalise_email, recent_link, use_invitation
from .forms import ForgotPasswordForm, ResetPasswordForm
from .mail import queue_reset_mail
from .routes import home_for


def _ip_limit() -> str:
    return current_app.config["RESET_RATE_LIMIT_IP"]


def _address_limit() -> str:
    return current_app.config["RESET_RATE_LIMIT_ADDRESS"]


def _address_asked() -> str:
    return "reset:" + normalise_email(request.form.get("email", ""))[:254]


def send_reset_link(user: User, created_by: User | None) -> bool:
    """A reset link by e-mail to the user's own address; False when one went less than a minute ago."""
    if recent_link(user) is not None:
        return False
    token, invitation = create_link(user, created_by, RESET)
    queue_reset_mail(db.session(), user, token, invitation.id)
    return True


@bp.route("/forgot", methods=["GET", "POST"])
@limiter.limit(_ip_limit, methods=["POST"])
@limiter.limit(_address_limit, methods=["POST"], key_func=_address_asked)
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        # An address may have an account at more than one clinic (finding 12): each gets its own link.
        accounts = db.session().exec(select(User).where(User.email == normalise_email(form.email.data))).all()
        for user in accounts:
            send_reset_link(user, None)
        if accounts:
            db.session().commit()
        # The same answer for an unknown address: nothing tells whether an account exists.
        return redirect(url_for("auth.reset_sent"))
    return render_template("auth/forgot.html", form=form), 422 if form.errors else 200


@bp.get("/forgot/sent")
def reset_sent():
    return render_template("auth/forgot_sent.html")


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    invitation, status = find_invitation(token, RESET_KINDS)
    if invitation is None:
        return render_template("auth/invitation_invalid.html", reset=True), status
    user = db.session().get(User, invitation.user_id)
    form = ResetPasswordForm()
    form.owner = user
    if form.validate_on_submit():
        use_invitation(invitation, form.password.data)  # commits, with the "password changed" e-mail
        if current_user.is_authenticated:
            logout_user()
        if has_second_factor(user.id):  # a new password is still only the first step (security finding 2)
            second_factor.begin(user, False, "")
            flash(_("Your password is changed. Other devices have been signed out."), "success")
            return redirect(url_for("auth.second_factor"))
        start_session(user)
        login_user(user)
        flash(_("Your password is changed. Other devices have been signed out."), "success")
        return redirect(home_for(user))
    return render_template("auth/reset_password.html", form=form, email=user.email), 422 if form.errors else 200
