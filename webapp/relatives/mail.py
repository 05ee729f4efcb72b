"""The e-mails of an invitation to help (issue 15 §5), written to the outbox like every message NataHjem
sends. They go to the address the patient typed, in the patient's language, and name the patient (she
chose to tell this person), never a symptom or a dose. Links come from APP_BASE_URL (auth/mail.py)."""

from __future__ import annotations

from flask import url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from ..auth.mail import _mail_url
from ..models import Patient, RelativeGrant
from ..notify import notify_address


def _send(session, grant: RelativeGrant, patient: Patient, key: str, title: str, body: str, url: str,
          locale: str) -> None:
    notify_address(session, key=f"relative:{grant.id}:{key}", kind="relative_invitation", address=grant.email,
                   title=title, body=body, url=url, clinic_id=patient.clinic_id, locale=locale)


def _locale(patient: Patient) -> str:
    return patient.user.locale if patient.user.locale in ("nb", "en") else "nb"


def queue_invitation(session, grant: RelativeGrant, patient: Patient, token: str, days: int) -> None:
    """A link to make an account, valid for `days` days."""
    locale = _locale(patient)
    with force_locale(locale):
        title = _("NataHjem: %(name)s asks you to help", name=patient.user.full_name)
        body = "\n\n".join([
            _("%(name)s uses NataHjem for their treatment at home and has invited you to help. Open the link "
              "below to make your own account. It works once, for %(days)s days.", name=patient.user.full_name,
              days=days),
            _("If you do not know why you got this, you can ignore this e-mail."),
        ])
    _send(session, grant, patient, f"invite:{token[:12]}", title, body,
          _mail_url(url_for("auth.accept_invitation", token=token)), locale)


def queue_granted(session, grant: RelativeGrant, patient: Patient) -> None:
    """To a relative who has an account already: what changed, and where to sign in."""
    locale = _locale(patient)
    with force_locale(locale):
        title = _("NataHjem: %(name)s asks you to help", name=patient.user.full_name)
        body = _("%(name)s has let you help in NataHjem. Sign in to see what you may do.",
                 name=patient.user.full_name)
    _send(session, grant, patient, f"granted:{grant.expires_at.isoformat()}", title, body,
          _mail_url(url_for("auth.login")), locale)


def queue_address_taken(session, grant: RelativeGrant, patient: Patient) -> None:
    """The address belongs to another account at the clinic (a patient's or a nurse's): no access is
    given, and the patient's page shows the invitation as waiting, as for anyone who has not answered, so
    that she learns nothing about the address. Its owner is told how to help all the same."""
    locale = _locale(patient)
    with force_locale(locale):
        title = _("NataHjem: %(name)s asks you to help", name=patient.user.full_name)
        body = _("%(name)s invited this address to help in NataHjem, but it is already used for another "
                 "NataHjem account at the clinic. If you want to help, ask %(name)s to invite you with "
                 "another e-mail address.", name=patient.user.full_name)
    _send(session, grant, patient, f"taken:{grant.expires_at.isoformat()}", title, body, "", locale)
