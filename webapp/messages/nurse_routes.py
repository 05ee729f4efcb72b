"""The clinic's side: the inbox of waiting threads, a thread, a reply, a new thread to a patient."""

from __future__ import annotations

import uuid

from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from sqlmodel import select

from .. import db
from ..domain.clock import utc_now
from ..models import Message, MessageThread, Patient, ThreadStatus
from ..nurse.routes import clinic_patient
from ..security import audit, audit_reads, nurse_required, refuse
from . import bp
from .forms import CloseForm, NurseNewThreadForm, NurseReplyForm
from .routes import damaged, thread_messages
from .service import clinic_writes, find_message, mark_read

INBOX_SHOWN = 200
FILTERS = ("waiting", "answered", "all")


def clinic_thread(thread_id: int) -> MessageThread:
    """A thread of the nurse's own clinic; any other id answers 404, as if it did not exist."""
    thread = db.session().get(MessageThread, thread_id)
    if thread is None or thread.clinic_id != current_user.clinic_id:
        refuse(f"messages.thread:{thread_id}")
    return thread


@bp.get("/nurse/messages")
@nurse_required
def inbox():
    show = request.args.get("show", "waiting")
    show = show if show in FILTERS else "waiting"
    query = (select(MessageThread, Patient).join(Patient, Patient.id == MessageThread.patient_id)
             .options(joinedload(Patient.user)).where(MessageThread.clinic_id == current_user.clinic_id))
    if show == "waiting":  # the oldest due first: the one most overdue at the top
        query = query.where(MessageThread.status == ThreadStatus.WAITING).order_by(
            MessageThread.reply_due_by, MessageThread.id)
    else:
        if show == "answered":
            query = query.where(MessageThread.status == ThreadStatus.ANSWERED)
        query = query.order_by(MessageThread.last_message_at.desc(), MessageThread.id.desc())
    rows = db.session().exec(query.limit(INBOX_SHOWN)).all()
    flagged = set()
    if rows:  # threads with a message the triage reader made a report of
        flagged = set(db.session().exec(select(Message.thread_id).where(
            Message.thread_id.in_([t.id for t, _p in rows]), Message.symptom_report_id.is_not(None))).all())
    # Subjects may name health matters: a read of each patient listed (as nurse.queue; review finding 10).
    audit_reads([p.id for _t, p in rows], "messages.inbox")
    db.session().commit()
    return render_template("messages/inbox.html", rows=rows, show=show, filters=FILTERS, now=utc_now(),
                           flagged=flagged, statuses=ThreadStatus)


def _thread_page(thread: MessageThread, form: NurseReplyForm, status: int = 200):
    patient = clinic_patient(thread.patient_id)
    messages, found = thread_messages(thread)
    return render_template("messages/nurse_thread.html", thread=thread, patient=patient, messages=messages,
                           photos=found, form=form, close_form=CloseForm(), statuses=ThreadStatus,
                           now=utc_now()), status


@bp.get("/nurse/messages/<int:thread_id>")
@nurse_required
def nurse_thread(thread_id: int):
    thread = clinic_thread(thread_id)
    audit("read", patient_id=thread.patient_id, target=f"messages.thread:{thread.id}")
    mark_read(db.session(), thread, by_clinic=True)
    db.session().commit()
    form = NurseReplyForm()
    form.client_id.data = str(uuid.uuid4())
    return _thread_page(thread, form)


def _repeat(client_id: str | None) -> Message | None | bool:
    message = find_message(db.session(), client_id)
    if message is None:
        return None
    thread = db.session().get(MessageThread, message.thread_id)
    return message if thread.clinic_id == current_user.clinic_id else False


@bp.post("/nurse/messages/<int:thread_id>/reply")
@nurse_required
def nurse_reply(thread_id: int):
    thread = clinic_thread(thread_id)
    form = NurseReplyForm()
    repeat = _repeat(form.client_id.data)
    if repeat:
        return redirect(url_for("messages.nurse_thread", thread_id=repeat.thread_id))
    if not form.validate_on_submit() or repeat is False:
        if repeat is False:
            damaged(form)
        return _thread_page(thread, form, 422)
    session = db.session()
    try:
        clinic_writes(session, thread, current_user, body=form.body.data, client_id=form.client_id.data)
        audit("message", patient_id=thread.patient_id, target=f"messages.thread:{thread.id}")
        session.commit()
    except IntegrityError:  # a double tap that arrived at the same moment: the first one is stored
        session.rollback()
    return redirect(url_for("messages.nurse_thread", thread_id=thread.id))


@bp.post("/nurse/messages/<int:thread_id>/close")
@nurse_required
def nurse_close(thread_id: int):
    thread = clinic_thread(thread_id)
    if not CloseForm().validate_on_submit():
        abort(400)
    thread.status, thread.reply_due_by = ThreadStatus.CLOSED, None
    db.session().add(thread)
    audit("close", patient_id=thread.patient_id, target=f"messages.thread:{thread.id}")
    db.session().commit()
    return redirect(url_for("messages.inbox"))


@bp.route("/nurse/patients/<int:patient_id>/messages/new", methods=["GET", "POST"])
@nurse_required
def nurse_new(patient_id: int):
    """A nurse starts a thread to a patient of the clinic (from the patient page)."""
    patient = clinic_patient(patient_id)
    form = NurseNewThreadForm()
    if request.method == "GET":
        form.client_id.data = str(uuid.uuid4())
        audit("read", patient_id=patient.id, target="messages.nurse_new")
        db.session().commit()
        return render_template("messages/nurse_new.html", form=form, patient=patient)
    repeat = _repeat(form.client_id.data)
    if repeat:
        return redirect(url_for("messages.nurse_thread", thread_id=repeat.thread_id))
    if not form.validate_on_submit() or repeat is False:
        if repeat is False:
            damaged(form)
        return render_template("messages/nurse_new.html", form=form, patient=patient), 422
    session = db.session()
    try:
        thread = MessageThread(patient_id=patient.id, clinic_id=patient.clinic_id, subject=form.subject.data)
        session.add(thread)
        session.flush()
        clinic_writes(session, thread, current_user, body=form.body.data, client_id=form.client_id.data)
        audit("message", patient_id=patient.id, target=f"messages.thread:{thread.id}")
        session.commit()
    except IntegrityError:
        session.rollback()
        repeat = _repeat(form.client_id.data)
        if not repeat:
            abort(409)
        thread = db.session().get(MessageThread, repeat.thread_id)
    return redirect(url_for("messages.nurse_thread", thread_id=thread.id))
