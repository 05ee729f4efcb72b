"""Stored reminders: close the ones that no longer apply and cancel what they still had to send.

Kept free of the rest of the feature (it imports only the models), so that the places where what a
reminder asks for happens (a dose logged, a dose put on hold) can close it in their own transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import or_, update
from sqlmodel import Session, select

from ..domain.reminders import DOSE_KINDS
from ..models import OutboxMessage, OutboxStatus, Reminder


def outbox_key(reminder_key: str) -> str:
    """The notify key of a reminder's messages; each channel's row key starts with it plus ':'."""
    return f"reminder:{reminder_key}"


def cancel_messages(session: Session, reminder_keys: Iterable[str]) -> None:
    """Pending messages of these reminders are not sent any more (status cancelled, row kept)."""
    keys = list(reminder_keys)
    for start in range(0, len(keys), 200):
        chunk = keys[start:start + 200]
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.status == OutboxStatus.PENDING,
                   or_(*(OutboxMessage.key.startswith(f"{outbox_key(key)}:", autoescape=True) for key in chunk)))
            .values(status=OutboxStatus.CANCELLED)
        )


def close(session: Session, reminders: Iterable[Reminder], now: datetime | None = None) -> int:
    """Mark reminders done (what they asked happened, or they no longer apply) and cancel their messages."""
    now = now or datetime.now(UTC)
    closed = [reminder for reminder in reminders if reminder.done_at is None]
    for reminder in closed:
        reminder.done_at = now
        session.add(reminder)
    if closed:
        cancel_messages(session, [reminder.key for reminder in closed])
    return len(closed)


def close_dose_reminders(session: Session, patient_id: int, now: datetime | None = None) -> int:
    """A dose logged, or the next dose put on hold: every open dose reminder is about the dose before,
    so it is done and its unsent messages are cancelled (facts §3 "Dose on hold"). The caller commits."""
    open_dose = session.exec(select(Reminder).where(
        Reminder.patient_id == patient_id, Reminder.done_at.is_(None), Reminder.kind.in_(list(DOSE_KINDS)))).all()
    return close(session, open_dose, now)
