"""The messages card on the patient's start page and the messages section of the nurse's patient page."""

from __future__ import annotations

from sqlmodel import select

from .. import db
from ..extension_points import nurse_patient_section, start_card
from ..models import MessageThread, Patient
from .service import unread_replies

THREADS_ON_PATIENT_PAGE = 5


@start_card(17)  # after the symptom card
def messages_card(patient: Patient, today):
    return "messages/_start_card.html", {"unread": unread_replies(db.session(), patient.id)}


@nurse_patient_section(60)
def messages_section(patient: Patient, today):
    threads = db.session().exec(
        select(MessageThread).where(MessageThread.patient_id == patient.id)
        .order_by(MessageThread.last_message_at.desc()).limit(THREADS_ON_PATIENT_PAGE)).all()
    return "messages/_nurse_section.html", {"threads": threads, "patient": patient}
