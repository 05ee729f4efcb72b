"""The morning digest to a clinic's triage address (issue 12 §5): how many flags wait and how many are
past their callback time, in both languages, with a link to the queue. No health data and no names, as
in the flag e-mail (issue 4): only counts. Nothing is sent on a morning when nothing waits.

A nurse switches the digest on or off for her clinic on the queue page (clinic-scoped, CSRF, audited)."""

from __future__ import annotations

from datetime import datetime

from flask import abort, flash, redirect, url_for
from flask_babel import _, force_locale
from flask_login import current_user
from sqlmodel import Session, select

from .. import db, notify
from ..checks import OUTREACH_JOBS
from ..domain.nurse_digest import digest_day
from ..models import Clinic, Flag
from ..security import audit, nurse_required
from . import bp
from .digest_forms import DigestForm
from .queue import OPEN_STATUSES, is_late

QUEUE_URL = "/nurse/queue"


def digest_text(waiting: int, past_due: int) -> tuple[str, str]:
    """(subject, body): Norwegian first, then English, as the flag e-mail (the address is shared)."""
    parts = {}
    for lang in ("nb", "en"):
        with force_locale(lang):
            counts = _("%(waiting)s waiting, %(late)s past due", waiting=waiting, late=past_due)
            lead = _("Good morning. %(counts)s in the triage queue.", counts=counts)
            parts[lang] = (counts, "\n\n".join([
                lead, _("Open the queue (sign-in needed)."), _("For privacy this e-mail holds no patient details.")]))
    subject = f"NataHjem: {parts['nb'][0]} / {parts['en'][0]}"
    return subject, f"{parts['nb'][1]}\n\n\n{parts['en'][1]}\n"


def write_digests(session: Session, now: datetime) -> int:
    """The clock's job (checks.OUTREACH_JOBS): one e-mail per clinic with the digest on, per day."""
    day = digest_day(now)
    if day is None:
        return 0
    clinics = session.exec(select(Clinic).where(Clinic.digest_enabled.is_(True), Clinic.triage_email != "")).all()
    if not clinics:
        return 0
    flags = session.exec(select(Flag).where(Flag.clinic_id.in_([c.id for c in clinics]),
                                            Flag.status.in_(OPEN_STATUSES))).all()
    written = 0
    for clinic in clinics:
        waiting = [f for f in flags if f.clinic_id == clinic.id]
        if not waiting:
            continue  # nothing waits: no e-mail (issue 12 §5)
        subject, body = digest_text(len(waiting), sum(is_late(f, now) for f in waiting))
        message = notify.notify_address(session, key=f"digest:{clinic.id}:{day.isoformat()}", kind="digest",
                                        address=clinic.triage_email, title=subject, body=body, url=QUEUE_URL,
                                        clinic_id=clinic.id, not_before=now)
        written += message is not None
    return written


if write_digests not in OUTREACH_JOBS:
    OUTREACH_JOBS.append(write_digests)


@bp.post("/clinic/digest")
@nurse_required
def switch_digest():
    """On or off for the nurse's own clinic only: the clinic comes from the nurse, never from the form."""
    form = DigestForm()
    if not form.validate_on_submit():
        abort(400)
    session = db.session()
    clinic = session.get(Clinic, current_user.clinic_id)
    clinic.digest_enabled = form.digest.data == "on"
    session.add(clinic)
    audit("update", patient_id=None, target=f"clinic:{clinic.id}:digest_{form.digest.data}")
    session.commit()
    flash(_("The morning e-mail is on.") if clinic.digest_enabled else _("The morning e-mail is off."), "success")
    return redirect(url_for("nurse.queue"))
