"""Writing messages, and what each side has not read yet. No Flask here but the caller's session."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, select

from .. import notify
from ..domain.messages import triage_message
from ..domain.triage import assess
from ..domain.working_days import reply_due
from ..forms_base import CLIENT_ID_PATTERN
from ..models import Clinic, Message, MessageThread, Patient, ThreadStatus, User
from ..symptoms.service import store_report


def find_message(session: Session, client_id: str | None) -> Message | None:
    """The message this form made already (a double tap or a resent form)."""
    if not client_id or not CLIENT_ID_PATTERN.match(client_id):
        return None
    return session.exec(select(Message).where(Message.client_id == client_id)).first()


def patient_writes(session: Session, patient: Patient, author: User, thread: MessageThread | None, *,
                   subject: str, body: str, client_id: str, lang: str, now: datetime | None = None) -> Message:
    """A patient's message, read by the triage reader first (issue 13): emergency or urgent words (or words
    the reader cannot place) also become a symptom report with its flag, made by the symptom service. The
    message is kept in its thread either way, and the thread waits for the clinic. The caller commits."""
    now = now or datetime.now(UTC)
    clinic = session.get(Clinic, patient.clinic_id)
    due = reply_due(now, clinic.reply_days, clinic.closes_at)
    if thread is None:
        thread = MessageThread(patient_id=patient.id, clinic_id=patient.clinic_id, subject=subject, created_at=now)
    thread.status, thread.last_message_at, thread.reply_due_by = ThreadStatus.WAITING, now, due
    session.add(thread)
    session.flush()
    message = Message(thread_id=thread.id, author_id=author.id, from_clinic=False, body=body, client_id=client_id,
                      created_at=now)
    words = f"{subject}\n{body}" if subject else body
    result = assess(free_text=words, lang=lang)
    decision = triage_message(result.level, result.reasons, result.unsure)
    if decision.report:
        report, _flag = store_report(session, patient, level=decision.level, reasons=decision.reasons,
                                     codes=result.codes, source="message", client_id=str(uuid.uuid4()),
                                     now=now, free_text=words[:2000])
        message.symptom_report_id = report.id
    session.add(message)
    session.flush()
    return message


def clinic_writes(session: Session, thread: MessageThread, nurse: User, *, body: str, client_id: str,
                  now: datetime | None = None) -> Message:
    """A nurse's message: the thread is answered and the patient is told through the outbox, without the
    words (issue 13). The caller commits."""
    now = now or datetime.now(UTC)
    thread.status, thread.last_message_at, thread.reply_due_by = ThreadStatus.ANSWERED, now, None
    thread.assigned_nurse_id = nurse.id
    session.add(thread)
    message = Message(thread_id=thread.id, author_id=nurse.id, from_clinic=True, body=body, client_id=client_id,
                      created_at=now)
    session.add(message)
    session.flush()
    patient = session.get(Patient, thread.patient_id)
    user = session.get(User, patient.user_id)
    notify.notify_user(session, user, key=f"message_reply:{message.id}", kind="message_reply",
                       url=f"/messages/{thread.id}")
    return message


def mark_read(session: Session, thread: MessageThread, *, by_clinic: bool, now: datetime | None = None) -> int:
    """The other side's unread messages in the thread are read now; returns how many. The caller commits."""
    now = now or datetime.now(UTC)
    unread = session.exec(select(Message).where(Message.thread_id == thread.id, Message.read_at.is_(None),
                                                Message.from_clinic == (not by_clinic))).all()
    for message in unread:
        message.read_at = now
        session.add(message)
    return len(unread)


def unread_replies(session: Session, patient_id: int) -> int:
    """The clinic's messages the patient has not opened yet (for the start page)."""
    return session.exec(
        select(func.count(Message.id)).join(MessageThread, MessageThread.id == Message.thread_id)
        .where(MessageThread.patient_id == patient_id, Message.from_clinic.is_(True), Message.read_at.is_(None))
    ).one()
