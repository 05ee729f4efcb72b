"""The e-mails of a password reset (issue 13), written to the outbox like every message NataHjem sends.

They name NataHjem and say nothing about health or treatment, whatever the user chose for reminders:
the reset link goes to the account's own address only, and "your password was changed" tells the
owner when someone else did it. The link is absolute from `APP_BASE_URL` (the e-mail channel adds it),
never from the request's Host, which anyone asking for a reset could forge to send the owner's link to
their own server. Only outside production, without `APP_BASE_URL`, the request's root is used, so that
`make run` gives a working link.
"""

from __future__ import annotations

import logging
import secrets

from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from .. import links
from ..config import is_production
from ..models import User
from ..notify import notify_address

log = logging.getLogger(__name__)


def shown_link(path: str) -> str:
    """A link for a page the nurse reads (an invitation, an in-person reset)."""
    return links.absolute(path)


def _mail_url(path: str) -> str:
    # The e-mail channel puts APP_BASE_URL in front of a path; without it, the development root goes here.
    if current_app.config.get("APP_BASE_URL"):
        return path
    if is_production(current_app.config):
        log.warning("APP_BASE_URL is not set: a password e-mail carries no usable link")
        return path
    return links.absolute(path)


def _locale(user: User) -> str:
    return user.locale if user.locale in ("nb", "en") else "nb"


def queue_reset_mail(session, user: User, token: str, invitation_id: int) -> None:
    """The reset link, to the account's own address."""
    minutes = current_app.config["PASSWORD_RESET_VALID_MINUTES"]
    with force_locale(_locale(user)):
        title = _("NataHjem: set a new password")
        body = "\n\n".join([
            _("Someone asked for a new password for your NataHjem account. Open the link below to choose one. "
              "It works once, for %(minutes)s minutes.", minutes=minutes),
            _("If you did not ask for this, you can ignore this e-mail: your password stays as it is."),
        ])
    notify_address(session, key=f"reset:{invitation_id}", kind="password_reset", address=user.email, title=title,
                   body=body, url=_mail_url(url_for("auth.reset_password", token=token)),
                   clinic_id=user.clinic_id, locale=_locale(user))


def queue_changed_mail(session, user: User) -> None:
    """"Your password was changed", after every change, reset or not (ASVS 6.3.7)."""
    with force_locale(_locale(user)):
        title = _("NataHjem: your password was changed")
        body = _("The password of your NataHjem account was changed just now. If it was not you, "
                 "call your clinic.")
    notify_address(session, key=f"password_changed:{user.id}:{secrets.token_hex(8)}", kind="password_changed",
                   address=user.email, title=title, body=body, url=_mail_url(url_for("auth.login")),
                   clinic_id=user.clinic_id, locale=_locale(user))
