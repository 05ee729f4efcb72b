"""The dead-letter page (issue 12): messages of the nurse's clinic that NataHjem could not send.

It lists the clinic's dead rows (refused, or failed `OUTBOX_MAX_ATTEMPTS` times) and rows that have
waited too long (due for half an hour, or failing for half an hour), without their text: a message to a
patient may be detailed, and the page is about delivery, not content. A nurse may send one again or
cancel it. Rows of another clinic answer 404, as if they did not exist.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import and_, func, or_
from sqlmodel import Session, select

from .. import db
from ..forms_base import BaseForm
from ..models import OutboxMessage, OutboxStatus, Role, User
from ..security import audit, nurse_required
from . import bp

STUCK_AFTER = timedelta(minutes=30)  # longer than a few retries; shorter than a nurse's shift
PAGE_LIMIT = 100


class OutboxActionForm(BaseForm):
    """A button (needs only the CSRF token): send again, or cancel."""


CHANNEL_LABELS = {"email": _l("E-mail"), "push": _l("Push message")}
STATUS_LABELS = {OutboxStatus.DEAD: _l("Gave up"), OutboxStatus.PENDING: _l("Still trying")}
RECIPIENT_LABELS = {Role.PATIENT: _l("Patient"), Role.NURSE: _l("Nurse"), None: _l("Triage address")}


def kind_label(kind: str) -> str:
    """What the message was about, by its kind's family; the text itself is never shown."""
    if kind.startswith("flag"):
        return _("New flag alert")
    if kind.startswith("digest"):
        return _("Morning summary")
    if kind.startswith("followup"):
        return _("Follow-up question")
    if kind.startswith("password"):
        return _("Password e-mail")
    return _("Reminder")


def stuck(clinic_id: int, now: datetime):
    """Dead rows, and pending rows due or failing for longer than STUCK_AFTER (a reminder set for later
    is not stuck)."""
    long_ago = now - STUCK_AFTER
    return and_(
        OutboxMessage.clinic_id == clinic_id,
        or_(OutboxMessage.status == OutboxStatus.DEAD,
            and_(OutboxMessage.status == OutboxStatus.PENDING,
                 or_(OutboxMessage.next_attempt_at <= long_ago,
                     and_(OutboxMessage.last_error != "", OutboxMessage.created_at <= long_ago)))))


def stuck_count(session: Session, clinic_id: int, now: datetime) -> int:
    return session.exec(select(func.count(OutboxMessage.id)).where(stuck(clinic_id, now))).one()


@bp.get("/outbox")
@nurse_required
def outbox():
    session = db.session()
    now = datetime.now(UTC)
    rows = session.exec(
        select(OutboxMessage, User.role).join(User, OutboxMessage.user_id == User.id, isouter=True)
        .where(stuck(current_user.clinic_id, now))
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc()).limit(PAGE_LIMIT)
    ).all()
    audit("read", patient_id=None, target="nurse.outbox")
    session.commit()
    return render_template(
        "nurse/outbox.html", rows=rows, form=OutboxActionForm(), kind_label=kind_label,
        channel_labels=CHANNEL_LABELS, status_labels=STATUS_LABELS, recipient_labels=RECIPIENT_LABELS,
        limit=PAGE_LIMIT,
    )


def clinic_message(message_id: int) -> OutboxMessage:
    message = db.session().exec(
        select(OutboxMessage).where(OutboxMessage.id == message_id, OutboxMessage.clinic_id == current_user.clinic_id)
    ).first()
    if message is None:
        abort(404)
    return message


@bp.post("/outbox/<int:message_id>/retry")
@nurse_required
def outbox_retry(message_id: int):
    message = clinic_message(message_id)
    if not OutboxActionForm().validate_on_submit():
        abort(400)
    if message.status in (OutboxStatus.DEAD, OutboxStatus.PENDING):
        # A fresh start: the worker tries it at its next round, with all its attempts again. A double tap
        # only starts it afresh twice; it is still one message.
        message.status, message.attempts, message.last_error = OutboxStatus.PENDING, 0, ""
        message.next_attempt_at = datetime.now(UTC)
        db.session().add(message)
        audit("update", patient_id=None, target=f"outbox:{message.id}:retry")
        db.session().commit()
        flash(_("The message will be sent again in a moment."), "success")
    else:
        flash(_("This message is no longer waiting."), "warning")
    return redirect(url_for("nurse.outbox"))


@bp.post("/outbox/<int:message_id>/cancel")
@nurse_required
def outbox_cancel(message_id: int):
    message = clinic_message(message_id)
    if not OutboxActionForm().validate_on_submit():
        abort(400)
    if message.status in (OutboxStatus.DEAD, OutboxStatus.PENDING):
        message.status = OutboxStatus.CANCELLED
        db.session().add(message)
        audit("update", patient_id=None, target=f"outbox:{message.id}:cancel")
        db.session().commit()
        flash(_("The message is cancelled. It will not be sent."), "success")
    else:
        flash(_("This message is no longer waiting."), "warning")
    return redirect(url_for("nurse.outbox"))
