"""The triage queue and the flag page: take a flag, record each call, the outcome and a note, resolve.

Every step is a FlagEvent with the nurse and the time, and is audited. A nurse sees and acts on the
flags of her own clinic only; any other flag answers 404, as if it did not exist.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import _, ngettext
from flask_login import current_user
from sqlalchemy import bindparam, func, update
from sqlmodel import select

from .. import db
from ..domain.levels import Level
from ..extension_points import nurse_patient_section
from ..followups.forms import FollowUpsOffForm
from ..followups.labels import ANSWER_LABELS
from ..followups.service import followups_of
from ..injections.hold import hold_after_outcome
from ..models import Flag, FlagEvent, FlagStatus, Injection, Patient, SymptomReport, User
from ..security import audit, audit_reads, nurse_required, refuse
from ..symptoms.labels import (
    LEVEL_LABELS,
    SOURCE_LABELS,
    asked_the_questions,
    reason_text,
    report_answers,
    symptom_label,
)
from . import bp
from .digest_forms import DigestForm
from .dose_hold import hold_view
from .flag_details import clinic_colleagues, events_of, flag_details
from .flag_forms import CallForm, HandOverForm, OutcomeForm, TakeForm
from .flag_labels import EVENT_LABELS, OUTCOME_LABELS, STATUS_LABELS, chosen_outcomes, flag_kind, flag_what, outcome_choices
from .outbox import stuck_count
from .queue_view import (
    LEVEL_FILTERS,
    QueueFilters,
    flag_detail,
    group_by_patient,
    load_sources,
    report_words,
    today_in_oslo,
)
from .review_forms import ReviewForm
from .routes import clinic_patient

OPEN_STATUSES = (FlagStatus.OPEN, FlagStatus.IN_PROGRESS)
# Routine reports raise no flag; the nurse reviews the last four weeks of them (one dose cycle).
REVIEW_WINDOW = timedelta(days=28)
# The queue page lists at most this many routine reports (newest first) and says how many there are,
# so that it stays small and fast however busy the clinic is (issue 7: under 60 KB).
REVIEW_LIMIT = 40
# The queue reloads itself only when the nurse switches it on (WCAG 2.2.1 Timing adjustable).
AUTO_REFRESH_SECONDS = 120
# Two identical steps by one nurse this close together are one double-tapped submit.
DOUBLE_SUBMIT = timedelta(seconds=60)


def _now() -> datetime:
    return datetime.now(UTC)


def queue_order(flag: Flag) -> tuple:
    """Emergency first, then urgent, then routine; within a level the flags no nurse has taken yet
    come before those being handled, and then the longest waiting first."""
    return (-Level(flag.level).rank, flag.status != FlagStatus.OPEN, flag.created_at, flag.id)


def is_late(flag: Flag, now: datetime) -> bool:
    return flag.status != FlagStatus.RESOLVED and flag.due_by is not None and now > flag.due_by \
        and flag.level != Level.EMERGENCY


def _patients(ids) -> tuple[dict[int, str], dict[int, str]]:
    """Each listed patient's name and phone number, in one query (the page's query count stays flat)."""
    rows = db.session().exec(
        select(Patient.id, User.full_name, Patient.phone).join(User, Patient.user_id == User.id)
        .where(Patient.id.in_(set(ids)))
    ).all()
    return {pid: name for pid, name, _phone in rows}, {pid: phone or "" for pid, _name, phone in rows}


def _names(ids) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return {u.id: u.full_name for u in db.session().exec(select(User).where(User.id.in_(ids))).all()}


# Built once (issue 7). The routine reports come with their total, counted in the same query.
OPEN_FLAGS = select(Flag).where(Flag.clinic_id == bindparam("clinic_id"), Flag.status.in_(OPEN_STATUSES))
ROUTINE_REVIEWS = (
    select(SymptomReport, func.count().over().label("total"))
    .join(Patient, SymptomReport.patient_id == Patient.id)
    .where(Patient.clinic_id == bindparam("clinic_id"), SymptomReport.level == Level.ROUTINE,
           SymptomReport.reported_at >= bindparam("since"), SymptomReport.reviewed_at.is_(None))
    .order_by(SymptomReport.reported_at.desc(), SymptomReport.id.desc()).limit(REVIEW_LIMIT)
)


@bp.get("/queue")
@nurse_required
def queue():
    session = db.session()
    now = _now()
    filters = QueueFilters.from_args(request.args)
    clinic = {"clinic_id": current_user.clinic_id}
    every_flag = sorted(session.exec(OPEN_FLAGS, params=clinic).all(), key=queue_order)
    flags = [f for f in every_flag if filters.keeps(f, current_user.id)]
    rows = session.exec(ROUTINE_REVIEWS, params={**clinic, "since": now - REVIEW_WINDOW}).all()
    reviews = [report for report, _total in rows] if filters.shows_routine_reports else []
    review_count = rows[0][1] if rows and filters.shows_routine_reports else 0
    names, phones = _patients([f.patient_id for f in flags] + [r.patient_id for r in reviews])
    case_count = len(flags)
    groups = group_by_patient(flags, names, phones)
    flags = [flag for group in groups for flag in group.flags]  # the cases shown (GROUP_SHOWN a patient)
    reports, injections = load_sources(session, flags)
    today = today_in_oslo(now)
    unsent = stuck_count(session, current_user.clinic_id, now)  # issue 12: the dead-letter page
    # The rows show what each patient reported (issue 13 §2): a read of each one's health data, audited
    # as security.audit does, in one statement so the page's query count stays flat (issue 7).
    audit("read", patient_id=None, target="nurse.queue")  # the queue was opened, even when empty
    audit_reads(names, "nurse.queue")
    session.commit()
    return render_template(
        "nurse/queue.html", unsent=unsent, names=names, groups=groups,
        flags=flags, case_count=case_count, open_count=len(every_flag), filters=filters, level_filters=LEVEL_FILTERS,
        mine_count=sum(1 for f in every_flag if f.assigned_nurse_id == current_user.id),
        detail={f.id: flag_detail(f, reports, injections, today) for f in flags},
        report_words=report_words, reviews=reviews, now=now, late={f.id for f in flags if is_late(f, now)},
        nurses=_names(f.assigned_nurse_id for f in flags), flag_what=flag_what, level_labels=LEVEL_LABELS,
        status_labels=STATUS_LABELS, review_days=REVIEW_WINDOW.days, auto_refresh_seconds=AUTO_REFRESH_SECONDS,
        review_count=review_count, digest_form=DigestForm(formdata=None), review_form=ReviewForm(formdata=None),
    )


@bp.post("/reports/reviewed")
@nurse_required
def mark_reviewed():
    """Routine reports read by a nurse (walk defect 14): one, the ticked ones, or all listed. Only the
    own clinic's unreviewed routine reports change; other ids are ignored, and a second tap changes
    nothing, so a double tap stores one review."""
    form = ReviewForm()
    if not form.validate_on_submit():
        abort(400)
    filters = QueueFilters.from_args(request.form)
    if request.form.get("one"):
        wanted = _ids([request.form.get("one", "")])
    elif request.form.get("action") == "all":
        wanted = _ids(request.form.getlist("listed"))
    else:
        wanted = _ids(request.form.getlist("report"))
    if not wanted:
        flash(_("Tick the reports you have read first."), "info")
        return redirect(url_for("nurse.queue", **filters.url_args(), _anchor="routine-heading"))
    session = db.session()
    now = _now()
    # One conditional UPDATE: of two taps at once, the second finds nothing left to mark (PostgreSQL
    # re-checks `reviewed_at IS NULL` after the first commits), so a double tap stores one review.
    marked = session.execute(
        update(SymptomReport)
        .where(SymptomReport.id.in_(wanted), SymptomReport.level == Level.ROUTINE, SymptomReport.reviewed_at.is_(None),
               SymptomReport.patient_id.in_(select(Patient.id).where(Patient.clinic_id == current_user.clinic_id)))
        .values(reviewed_at=now, reviewed_by_id=current_user.id)
        .returning(SymptomReport.id, SymptomReport.patient_id)
        .execution_options(synchronize_session=False)
    ).all()
    for report_id, patient_id in marked:
        audit("update", patient_id=patient_id, target=f"symptom_report:{report_id}:reviewed")
    session.commit()
    flash(ngettext("%(num)d report marked as reviewed.", "%(num)d reports marked as reviewed.", len(marked)),
          "success")
    return redirect(url_for("nurse.queue", **filters.url_args(), _anchor="routine-heading"))


def _ids(values) -> set[int]:
    """Report ids from the form; anything that is not a small positive number is ignored."""
    return {int(v) for v in values if isinstance(v, str) and v.isascii() and v.isdigit() and len(v) < 10}


def clinic_flag(flag_id: int) -> Flag:
    """A flag of the nurse's own clinic, of a patient still in it; anything else answers 404."""
    flag = db.session().exec(
        select(Flag).where(Flag.id == flag_id, Flag.clinic_id == current_user.clinic_id)
    ).first()
    if flag is None:
        refuse(f"flag:{flag_id}")
    clinic_patient(flag.patient_id)
    return flag


def _flag_page(flag: Flag, status: int = 200, **forms):
    session = db.session()
    patient = clinic_patient(flag.patient_id)
    report = session.get(SymptomReport, flag.symptom_report_id) if flag.symptom_report_id else None
    injection = session.get(Injection, flag.injection_id) if flag.injection_id else None
    events = events_of(session, flag)
    colleagues = clinic_colleagues(session, current_user)
    defaults = {
        "take_form": TakeForm(formdata=None),
        "call_form": CallForm(formdata=None),
        "outcome_form": outcome_form(flag, formdata=None, outcome=chosen_outcomes(flag),
                                     patient_note=flag.patient_note),
        "handover_form": handover_form(colleagues, formdata=None),
    }
    defaults.update(forms)
    dose_hold = hold_view(session, patient)  # the next dose on hold, with the form to lift it (facts §3)
    audit("read", patient_id=patient.id, target=f"flag:{flag.id}")
    session.commit()
    return render_template(
        "nurse/flag.html", flag=flag, patient=patient, report=report, injection=injection, events=events,
        nurses=_names([flag.assigned_nurse_id, *(e.actor_id for e in events), *(e.to_user_id for e in events)]),
        late=is_late(flag, _now()), kind=flag_kind(flag), details=flag_details(session, flag, patient),
        outcomes=chosen_outcomes(flag), colleagues=colleagues,
        flag_what=flag_what, level_labels=LEVEL_LABELS, status_labels=STATUS_LABELS, event_labels=EVENT_LABELS,
        outcome_labels=OUTCOME_LABELS, source_labels=SOURCE_LABELS, symptom_label=symptom_label,
        reason_text=reason_text, answers=report_answers(report) if report and asked_the_questions(report) else [],
        dose_hold=dose_hold, followups=followups_of(session, [report.id])[report.id] if report else [],
        answer_labels=ANSWER_LABELS, followups_form=FollowUpsOffForm(formdata=None),
        back_to=url_for("nurse.flag", flag_id=flag.id),
        reporter=session.get(User, report.reported_by_id) if report and report.reported_by_id else None, **defaults,
    ), status


def outcome_form(flag: Flag, **kwargs) -> OutcomeForm:
    form = OutcomeForm(**kwargs)
    form.outcome.choices = outcome_choices(flag)  # the outcomes that fit the flag's kind (walk defect 12)
    return form


def handover_form(colleagues: list[User], **kwargs) -> HandOverForm:
    form = HandOverForm(**kwargs)
    form.to_nurse.choices = [("", _("Choose a colleague")), *((str(u.id), u.full_name) for u in colleagues)]
    return form


@bp.get("/flags/<int:flag_id>")
@nurse_required
def flag(flag_id: int):
    return _flag_page(clinic_flag(flag_id))


def _event(flag: Flag, kind: str, *, outcome: str = "", note: str = "", now: datetime | None = None,
           to_user_id: int | None = None) -> None:
    db.session().add(FlagEvent(flag_id=flag.id, at=now or _now(), actor_id=current_user.id, kind=kind,
                               outcome=outcome, note=note, to_user_id=to_user_id))
    audit("update", patient_id=flag.patient_id, target=f"flag:{flag.id}:{kind}")


def _take(flag: Flag, now: datetime) -> None:
    """The nurse takes the flag: it is hers until it is resolved or another nurse takes it."""
    if flag.status == FlagStatus.OPEN or flag.assigned_nurse_id != current_user.id:
        flag.status = FlagStatus.IN_PROGRESS
        flag.assigned_nurse_id = current_user.id
        db.session().add(flag)
        _event(flag, "taken", now=now)


def _done(flag: Flag, message: str, anchor: str | None = None):
    db.session().commit()
    flash(message, "success")
    return redirect(url_for("nurse.flag", flag_id=flag.id, _anchor=anchor))


def _refuse_if_resolved(flag: Flag):
    if flag.status == FlagStatus.RESOLVED:
        flash(_("This flag is already resolved."), "info")
        return redirect(url_for("nurse.flag", flag_id=flag.id))
    return None


def _same_as_last(flag: Flag, kind: str, note: str, now: datetime) -> bool:
    """A double-tapped submit: the nurse's previous step on this flag is the same, moments ago."""
    last = db.session().exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id)
                             .order_by(FlagEvent.at.desc(), FlagEvent.id.desc())).first()
    return (last is not None and last.kind == kind and last.note == note and last.actor_id == current_user.id
            and now - last.at < DOUBLE_SUBMIT)


@bp.post("/flags/<int:flag_id>/take")
@nurse_required
def take_flag(flag_id: int):
    flag = clinic_flag(flag_id)
    if not TakeForm().validate_on_submit():
        abort(400)
    if (response := _refuse_if_resolved(flag)) is not None:
        return response
    _take(flag, _now())
    return _done(flag, _("You have taken the flag."))


@bp.post("/flags/<int:flag_id>/call")
@nurse_required
def record_call(flag_id: int):
    flag = clinic_flag(flag_id)
    if (response := _refuse_if_resolved(flag)) is not None:
        return response
    form = CallForm()
    if not form.validate_on_submit():
        return _flag_page(flag, 422, call_form=form)
    now = _now()
    note = (form.call_note.data or "").strip()
    if not _same_as_last(flag, form.call_result.data, note, now):
        _take(flag, now)  # whoever calls has the flag
        _event(flag, form.call_result.data, note=note, now=now)
    return _done(flag, _("The call is recorded."), anchor="call-form")


@bp.post("/flags/<int:flag_id>/outcome")
@nurse_required
def record_outcome(flag_id: int):
    """Save the outcomes, a note and a note for the patient; "resolve" also closes the flag, which needs
    an outcome. Each outcome added or removed is a step of its own, so the steps say who chose what."""
    flag = clinic_flag(flag_id)
    form = outcome_form(flag)
    resolve = request.form.get("action") == "resolve"
    before = chosen_outcomes(flag)
    if form.validate_on_submit():
        chosen = list(dict.fromkeys(form.outcome.data or []))
        note, patient_note = form.outcome_note.data or "", form.patient_note.data or ""
        changed = chosen != before or patient_note != flag.patient_note
        if resolve and flag.status == FlagStatus.RESOLVED:
            form.outcome.errors.append(_("This flag is already resolved."))
        elif not chosen and (resolve or flag.status == FlagStatus.RESOLVED):
            # a resolved flag keeps at least one outcome: the patient reads it on the report
            form.outcome.errors.append(_("Choose the outcome before you resolve the flag."))
        elif not resolve and not (changed or note):
            form.outcome_note.errors.append(_("Choose an outcome or write a note."))
    if form.errors:
        return _flag_page(flag, 422, outcome_form=form)
    now = _now()
    session = db.session()
    patient = clinic_patient(flag.patient_id)
    if flag.status == FlagStatus.OPEN:
        _take(flag, now)
    for code in chosen:
        if code not in before:
            _event(flag, "outcome", outcome=code, now=now)
        # "The next dose waits until the patient is seen" puts the next dose on hold (facts §3); every
        # chosen outcome is asked, so that a hold is placed whichever place it has in the list.
        hold_after_outcome(session, patient, flag, code, current_user.id, now)
    for code in before:
        if code not in chosen:
            _event(flag, "outcome_removed", outcome=code, now=now)
    flag.outcomes = chosen
    flag.outcome = chosen[0] if chosen else ""  # the rest of the app reads the first one
    if patient_note != flag.patient_note:
        flag.patient_note = patient_note
        _event(flag, "patient_note", note=patient_note, now=now)
    if resolve:
        flag.status = FlagStatus.RESOLVED
        flag.resolved_at = now
        _event(flag, "resolved", note=note, now=now)
        message = _("The flag is resolved.")
    else:
        if note and not _same_as_last(flag, "note", note, now):
            _event(flag, "note", note=note, now=now)
        message = _("Saved.")
    session.add(flag)
    return _done(flag, message, anchor=None if resolve else "outcome-form")


@nurse_patient_section(5)
def flags_section(patient: Patient, today):
    """First on the nurse's patient page: the open flags, and the way to the whole timeline."""
    flags = db.session().exec(
        select(Flag).where(Flag.patient_id == patient.id, Flag.status.in_(OPEN_STATUSES))
    ).all()
    return "nurse/_flags_section.html", {
        "flags": sorted(flags, key=queue_order), "flag_what": flag_what, "level_labels": LEVEL_LABELS,
        "status_labels": STATUS_LABELS,
    }
