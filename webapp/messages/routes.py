"""The patient's messages: threads, a new message, a reply, closing a thread."""

from __future__ import annotations

import uuid

from flask import abort, redirect, render_template, request, url_for
from flask_babel import _, get_locale
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from .. import db, photos
from ..domain.clock import utc_now
from ..domain.working_days import reply_due
from ..models import Message, MessageThread, Patient, ThreadStatus
from ..patient_limits import patient_send_limit
from ..photos import photo_upload
from ..security import own_patient, own_record, patient_required
from . import bp
from .forms import CloseForm, NewThreadForm, PatientReplyForm
from .service import find_message, mark_read, patient_writes

THREADS_SHOWN = 100


def thread_messages(thread: MessageThread) -> tuple[list[Message], dict]:
    """The thread's messages, oldest first, and the photos of each (two queries)."""
    session = db.session()
    messages = session.exec(select(Message).where(Message.thread_id == thread.id)
                            .order_by(Message.created_at, Message.id)).all()
    return messages, photos.photos_of(session, message_ids=[m.id for m in messages])


def _due_now(patient: Patient):
    """When the clinic would answer a message written now (shown above the form)."""
    clinic = patient.clinic
    return reply_due(utc_now(), clinic.reply_days, clinic.closes_at)


def damaged(form) -> None:
    """A client id that belongs to someone else's message: a new id, and a message next to the form."""
    form.client_id.data = str(uuid.uuid4())
    form.client_id.errors = [_("The form was damaged. Please reload the page.")]


def _after_writing(message: Message):
    """An emergency or urgent message shows the symptom answer at once (113 / the clinic calls you)."""
    if message.symptom_report_id is not None:
        return redirect(url_for("symptoms.answer", report_id=message.symptom_report_id))
    return redirect(url_for("messages.thread", thread_id=message.thread_id))


def _repeat(patient: Patient, client_id: str | None):
    """A double tap or resent form: the first one's message, if this patient's; else None."""
    message = find_message(db.session(), client_id)
    if message is None:
        return None
    thread = db.session().get(MessageThread, message.thread_id)
    return message if thread.patient_id == patient.id else False


def _write(patient: Patient, form, thread: MessageThread | None, subject: str, page):
    """Prepare the photos, store the message (and its report), then show the answer or the thread."""
    try:
        prepared = photos.prepare(request.files.getlist("photos"))
    except photos.PhotoRejected as refused:  # nothing stored; the words stay in the form
        form.photos.errors = [*form.photos.errors, refused.message]
        return page(form, refused.status)
    session = db.session()
    try:
        message = patient_writes(session, patient, current_user, thread, subject=subject, body=form.body.data,
                                 client_id=form.client_id.data, lang=str(get_locale()))
        if prepared:
            photos.save(session, prepared, patient=patient, uploaded_by=current_user, message_id=message.id)
        session.commit()
    except IntegrityError:  # the same client id arrived twice at the same moment
        session.rollback()
        message = _repeat(patient, form.client_id.data)
        if not message:
            damaged(form)
            return page(form, 422)
    return _after_writing(message)


@bp.get("/messages")
@patient_required
def index():
    patient = own_patient()
    session = db.session()
    threads = session.exec(select(MessageThread).where(MessageThread.patient_id == patient.id)
                           .order_by(MessageThread.last_message_at.desc(), MessageThread.id.desc())
                           .limit(THREADS_SHOWN)).all()
    unread_threads = set()
    if threads:
        unread_threads = set(session.exec(select(Message.thread_id).where(
            Message.thread_id.in_([t.id for t in threads]), Message.from_clinic.is_(True),
            Message.read_at.is_(None))).all())
    return render_template("messages/index.html", threads=threads, unread_threads=unread_threads,
                           clinic=patient.clinic, statuses=ThreadStatus)


def _new_page(form: NewThreadForm, status: int = 200):
    patient = own_patient()
    return render_template("messages/new.html", form=form, clinic=patient.clinic, due=_due_now(patient)), status


@bp.route("/messages/new", methods=["GET", "POST"])
@photo_upload
@patient_required
@patient_send_limit("MESSAGE_RATE_LIMIT", "messages")
def new():
    patient = own_patient()
    form = NewThreadForm()
    if request.method == "GET":
        form.client_id.data = str(uuid.uuid4())
        return _new_page(form)
    repeat = _repeat(patient, form.client_id.data)
    if repeat:
        return _after_writing(repeat)
    if not form.validate_on_submit():
        return _new_page(form, 422)
    if repeat is False:  # someone else's id: a damaged or forged form
        damaged(form)
        return _new_page(form, 422)
    return _write(patient, form, None, form.subject.data, _new_page)


def _thread_page(thread: MessageThread, form: PatientReplyForm, status: int = 200):
    messages, found = thread_messages(thread)
    patient = own_patient()
    return render_template("messages/thread.html", thread=thread, messages=messages, photos=found, form=form,
                           close_form=CloseForm(), clinic=patient.clinic, statuses=ThreadStatus,
                           due=_due_now(patient)), status


@bp.get("/messages/<int:thread_id>")
@patient_required
def thread(thread_id: int):
    patient = own_patient()
    found = own_record(MessageThread, thread_id, patient)
    if mark_read(db.session(), found, by_clinic=False):
        db.session().commit()
    form = PatientReplyForm()
    form.client_id.data = str(uuid.uuid4())
    return _thread_page(found, form)


@bp.post("/messages/<int:thread_id>/reply")
@photo_upload
@patient_required
@patient_send_limit("MESSAGE_RATE_LIMIT", "messages")
def reply(thread_id: int):
    patient = own_patient()
    found = own_record(MessageThread, thread_id, patient)
    form = PatientReplyForm()
    repeat = _repeat(patient, form.client_id.data)
    if repeat:
        return _after_writing(repeat)

    def page(form, status):
        return _thread_page(found, form, status)

    if not form.validate_on_submit():
        return page(form, 422)
    if repeat is False:
        damaged(form)
        return page(form, 422)
    return _write(patient, form, found, "", page)


@bp.post("/messages/<int:thread_id>/close")
@patient_required
def close(thread_id: int):
    patient = own_patient()
    found = own_record(MessageThread, thread_id, patient)
    if not CloseForm().validate_on_submit():
        abort(400)
    found.status, found.reply_due_by = ThreadStatus.CLOSED, None
    db.session().add(found)
    db.session().commit()
    return redirect(url_for("messages.thread", thread_id=found.id))
