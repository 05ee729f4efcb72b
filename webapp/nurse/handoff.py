"""Getting a patient (back) into NataHjem, from the nurse's side (issue 13; walk defects 7 and 26;
security review finding 6).

- A patient who never set a password gets an invitation link, which the nurse hands over (text message,
  e-mail, or read out). It is made by a POST and shown by a GET (post-redirect-get): the token waits in
  the nurse's own session for that one page view, so a reload neither makes a second account nor fails.
- A patient who has a password can no longer be "re-invited": a nurse who could see a set-password link
  could take the account over. Instead a reset link goes by e-mail to the patient only (the nurse never
  sees it), or, for a patient without e-mail who stands at the clinic, the nurse shows a 15-minute link
  (text and QR code) for the patient to open on their own phone there and then. That one is audited as an
  in-person reset, and the patient is told at the next sign-in.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

import segno
from flask import abort, flash, redirect, render_template, session, url_for
from flask_babel import _
from flask_login import current_user
from markupsafe import Markup

from .. import db
from ..auth import accounts
from ..auth.accounts import IN_PERSON, INVITATION, create_link, find_invitation
from ..auth.mail import shown_link
from ..auth.reset import send_reset_link
from ..models import Patient
from ..security import audit, nurse_required
from . import bp
from .forms import InvitationForm, ResetForm
from .routes import clinic_patient

SLOT = "handoff"  # the session key of a link waiting to be shown


def keep_for_showing(patient: Patient, kind: str, token: str, expires_at: datetime) -> None:
    """The link waits in the nurse's session until the hand-off page shows it."""
    session[SLOT] = {"patient_id": patient.id, "kind": kind, "token": token,
                     "expires": expires_at.timestamp()}


def _waiting(patient: Patient) -> dict | None:
    slot = session.get(SLOT)
    if not isinstance(slot, dict) or slot.get("patient_id") != patient.id:
        return None
    if slot.get("expires", 0) <= accounts.now().timestamp():
        session.pop(SLOT, None)
        return None
    return slot


def just_invited(user) -> bool:
    """Whether this nurse's session still holds the invitation of this account, not yet shown: the
    second tap of a double-tapped "create patient" then shows the first tap's link."""
    slot = session.get(SLOT)
    return (isinstance(slot, dict) and slot.get("kind") == INVITATION and user.patient is not None
            and slot.get("patient_id") == user.patient.id and user.clinic_id == current_user.clinic_id)


def new_invitation_link(patient: Patient) -> None:
    """A first-password link for a patient who has none, waiting to be shown (audited by the caller)."""
    token, invitation = create_link(patient.user, current_user, INVITATION)
    keep_for_showing(patient, INVITATION, token, invitation.expires_at)


def sms_link(phone: str, text: str) -> str:
    # "?body=" is understood by Android and iOS alike (RFC 5724).
    return f"sms:{phone}?body={quote(text, safe='')}"


def mailto_link(address: str, subject: str, text: str) -> str:
    return f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}&body={quote(text, safe='')}"


def qr_svg(link: str, label: str) -> Markup:
    """The link as an inline SVG QR code (segno, pure Python): nothing leaves the server."""
    svg = segno.make(link, error="m").svg_inline(scale=5, dark="#000", light="#fff", border=4)
    # segno writes only path data; the one text in it, the label, is escaped here.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))  # noqa: S704  # nosec B704


@bp.post("/patients/<int:patient_id>/invitation")
@nurse_required
def new_invitation(patient_id: int):
    patient = clinic_patient(patient_id)
    if not InvitationForm().validate_on_submit():
        abort(400)
    if patient.user.password_hash:
        # Security finding 6: a link that sets the password of an account in use is a takeover.
        flash(_("The patient already has a password. Send a link for a new password, or reset it here at the clinic."),
              "warning")
        return redirect(url_for("nurse.patient", patient_id=patient.id) + "#sign-in-heading")
    new_invitation_link(patient)
    audit("invite", patient_id=patient.id, target="invitation")
    db.session().commit()
    return redirect(url_for("nurse.handoff", patient_id=patient.id))


@bp.post("/patients/<int:patient_id>/reset-link")
@nurse_required
def send_patient_reset(patient_id: int):
    """A reset link by e-mail to the patient only; the nurse sees that it went, never the link."""
    patient = clinic_patient(patient_id)
    if not ResetForm().validate_on_submit():
        abort(400)
    if send_reset_link(patient.user, current_user):
        audit("reset_email", patient_id=patient.id, target="password")
    db.session().commit()
    flash(_("A link for a new password is on its way to %(email)s. It works for one hour.", email=patient.user.email),
          "success")
    return redirect(url_for("nurse.patient", patient_id=patient.id) + "#sign-in-heading")


@bp.post("/patients/<int:patient_id>/reset-in-person")
@nurse_required
def reset_in_person(patient_id: int):
    patient = clinic_patient(patient_id)
    if not ResetForm().validate_on_submit():
        abort(400)
    waiting = _waiting(patient)
    if waiting is None or waiting["kind"] != IN_PERSON or find_invitation(waiting["token"], (IN_PERSON,))[0] is None:
        # A double tap shows the link of the first tap instead of making a second one.
        token, invitation = create_link(patient.user, current_user, IN_PERSON)
        keep_for_showing(patient, IN_PERSON, token, invitation.expires_at)
        audit("reset_in_person", patient_id=patient.id, target="password")
        db.session().commit()
    return redirect(url_for("nurse.handoff", patient_id=patient.id))


@bp.get("/patients/<int:patient_id>/link")
@nurse_required
def handoff(patient_id: int):
    """The link just made for the patient. An invitation is shown once; an in-person link stays on this
    page while it works, since the patient may need a moment to scan it."""
    patient = clinic_patient(patient_id)
    audit("read", patient_id=patient.id, target="nurse.handoff")  # e-mail and phone (review finding 10)
    db.session().commit()
    waiting = _waiting(patient)
    if waiting is None:
        return render_template("nurse/handoff.html", patient=patient, link=None)
    invitation, _status = find_invitation(waiting["token"], (waiting["kind"],))
    if waiting["kind"] == INVITATION:
        session.pop(SLOT, None)
    if invitation is None:
        session.pop(SLOT, None)
        return render_template("nurse/handoff.html", patient=patient, link=None, used=True)
    path = url_for("auth.accept_invitation" if waiting["kind"] == INVITATION else "auth.reset_password",
                   token=waiting["token"])
    link = shown_link(path)
    context = dict(patient=patient, link=link, kind=waiting["kind"], expires_at=invitation.expires_at)
    if waiting["kind"] == IN_PERSON:
        context["qr"] = qr_svg(link, _("QR code with the link for a new password"))
    else:
        text = _("Hello! Here is your link to NataHjem. Open it and choose a password. You sign in with "
                 "%(email)s. The link works once, for 7 days: %(link)s", email=patient.user.email, link=link)
        subject = _("Your link to NataHjem")
        context["mailto"] = mailto_link(patient.user.email, subject, text)
        if patient.phone:
            context["sms"] = sms_link(patient.phone, text)
    return render_template("nurse/handoff.html", **context)
