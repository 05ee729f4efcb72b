"""The patient's injections: safety check, log, correction, history, guided mode, calendar."""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime, timedelta

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import _, get_locale, ngettext
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from .. import db, links
from ..domain import schedule
from ..domain.clock import OSLO, local_date
from ..domain.dose_spacing import early_home_dose_flag
from ..domain.injection_sites import SiteMap, site_map
from ..domain.levels import Level
from ..domain.predose import PreDoseQuestion, assess_predose
from ..flags import raise_flag
from ..models import SUPERVISED_COUNTS, Flag, Injection, Patient, Role, SupervisedDose, User
from ..phones import tel_number
from ..relatives.grants import report_author
from ..security import own_patient, own_record, patient_or_relative, patient_required
from ..symptoms.service import store_report
from . import bp
from .calendar_feed import calendar_token_hash, feed_for_token
from .forms import CalendarLinkForm, ConfirmForm, InjectionForm, PreDoseForm
from .history import current_injections, last_injection, nearest_dose_times, recent_sites_and_batches
from .hold import hold_state
from .labels import SITE_LABELS, missing_text, site_labels

PREDOSE_VALID = timedelta(hours=12)
# Doses older than this are recorded by the clinic, not logged at home.
OLDEST_LOGGABLE = timedelta(days=730)
GUIDE_STEPS = 7
HISTORY_SHOWN = 26


def own_injection(patient: Patient, injection_id: int) -> Injection:
    return own_record(Injection, injection_id, patient)


def _now() -> datetime:
    return datetime.now(UTC)


def eligibility(patient: Patient) -> schedule.Eligibility:
    # Corrected and withdrawn supervised doses no longer count (facts §3 "Supervised doses", H2).
    doses = db.session().exec(select(SupervisedDose).where(SupervisedDose.patient_id == patient.id,
                                                           *SUPERVISED_COUNTS)).all()
    return schedule.home_treatment_eligibility(
        supervised_doses=len(doses),
        reaction_during_supervised=any(d.reaction for d in doses),
        training_done=patient.training_done_on is not None,
        reaction_cleared_by_clinician=patient.reaction_cleared_at is not None,
    )


def not_approved_page(patient: Patient):
    missing = [missing_text(r) for r in eligibility(patient).missing]
    return render_template("injections/not_approved.html", missing=missing), 403


def on_hold_page(patient: Patient):
    """The next dose waits (facts §3 "Dose on hold"): the safety check, the log and guided mode say so
    and whom to call instead of offering a dose. A POST stores nothing and gets this page too."""
    hold = hold_state(db.session(), patient.id)
    last = last_injection(db.session(), patient.id)
    due = schedule.next_dose_due(last.given_at, patient.dose_interval_weeks) if last else None
    clinic = patient.clinic
    page = render_template("injections/on_hold.html", hold=hold, due=due, clinic=clinic,
                           clinic_tel=tel_number(clinic.phone))
    return page, 409 if request.method == "POST" else 200


def dose_closed(patient: Patient):
    """The page to show instead of a dose flow, or None when a dose may be offered now."""
    if not patient.home_approved:
        return not_approved_page(patient)
    if hold_state(db.session(), patient.id).on_hold:
        return on_hold_page(patient)
    return None


# ------------------------------------------------------------------ safety check before the dose
@bp.route("/check", methods=["GET", "POST"])
@patient_or_relative("may_log_doses")
def check():
    patient = own_patient()
    if (closed := dose_closed(patient)) is not None:
        return closed
    form = PreDoseForm()
    if request.method == "GET":
        form.then.data = "guide" if request.args.get("then") == "guide" else "log"
    if form.validate_on_submit():
        yes = [q.value for q in PreDoseQuestion if getattr(form, q.value).data]
        result = assess_predose(yes)
        if result.go_ahead:
            session["predose"] = {"at": _now().timestamp(), "answers": {q.value: False for q in PreDoseQuestion}}
            if form.then.data == "guide":
                return redirect(url_for("injections.guide", step=1))
            return redirect(url_for("injections.new"))
        # Any yes: do not inject now; a report and an urgent flag, the patient waits for the call (H7).
        # Sight lost within minutes is an emergency: the report and flag say so, and 113 comes first (E8).
        store_report(db.session(), patient, level=result.level, reasons=result.reasons,
                     codes=result.symptom_codes, source="checklist", **report_author(current_user))
        db.session().commit()
        session.pop("predose", None)
        if result.level == Level.EMERGENCY:
            return redirect(url_for("home.emergency"))
        return redirect(url_for("injections.wait_for_call"))
    return render_template("injections/check.html", form=form, questions=list(PreDoseQuestion))


@bp.get("/wait")
@patient_or_relative("may_log_doses")
def wait_for_call():
    return render_template("injections/wait.html")


def _fresh_predose() -> dict | None:
    predose = session.get("predose")
    if not predose or _now().timestamp() - predose.get("at", 0) > PREDOSE_VALID.total_seconds():
        return None
    return predose


# ------------------------------------------------------------------ log and correct
def _suggested_sites(doses) -> tuple[str, str]:
    history = [[d.site_1] + ([d.site_2] if d.site_2 else []) for d in doses]
    first, second = schedule.suggest_sites(history)
    return first.value, second.value


def _body_map(doses) -> SiteMap:
    """The body map's suggested and recent sites (issue 13), from the same rows as the suggestions."""
    return site_map([[d.site_1] + ([d.site_2] if d.site_2 else []) for d in doses])


def _fill_defaults(form: InjectionForm, doses) -> None:
    now_oslo = _now().astimezone(OSLO)
    form.client_id.data = str(uuid.uuid4())
    form.day.data = now_oslo.date()
    form.time.data = now_oslo.time().replace(second=0, microsecond=0)
    form.site_1.data, form.site_2.data = _suggested_sites(doses)
    if doses:  # the last batch is offered again: usually the same pack
        form.batch_1.data = doses[-1].batch_2 or doses[-1].batch_1
        form.batch_2.data = form.batch_1.data


def _moment(form: InjectionForm) -> datetime | None:
    """The Oslo date and time typed, as UTC; errors go next to the field."""
    if form.day.data is None or form.time.data is None:
        return None
    today = local_date(_now())
    if form.day.data < today - OLDEST_LOGGABLE:
        form.day.errors.append(_("That is too far back. Ask your clinic to record older doses."))
        return None
    if form.day.data > today + timedelta(days=1):
        form.day.errors.append(_("The time cannot be in the future."))
        return None
    moment = datetime.combine(form.day.data, form.time.data, OSLO).astimezone(UTC)
    if schedule.validate_injection_time(moment, _now()):
        form.time.errors.append(_("The time cannot be in the future."))
        return None
    return moment


def _validate_dose(form: InjectionForm, patient: Patient, replaces: Injection | None) -> datetime | None:
    """Checks beyond single fields; returns the moment when everything is fine."""
    moment = _moment(form)
    if form.syringes.data == "2":
        if not form.site_2.data:
            form.site_2.errors.append(_("Choose where you injected the second syringe."))
        elif form.site_2.data == form.site_1.data:
            form.site_2.errors.append(_("Use two different sites for the two syringes."))
    if moment is None or form.errors:
        return None
    nearby = nearest_dose_times(db.session(), patient.id, moment, exclude_id=replaces.id if replaces else None)
    close = schedule.second_dose_check(moment, nearby)
    if close.needs_confirmation and not form.confirm_close.data:
        form.confirm_close.errors.append(
            _close_dose_text(close, moment) + " " + _("Tick the box if this is really another dose."))
        return None
    # The dose that counts just before this one: a dose under 3 weeks after it is noted (walk defect 19).
    form.previous_dose = max((other for other in nearby if other < moment), default=None)
    return moment


def _clock(moment: datetime) -> str:
    """10.15 in Norwegian prose, 10:15 in English (walk §6 #36)."""
    local = moment.astimezone(OSLO)
    return local.strftime("%H.%M" if str(get_locale()).startswith("nb") else "%H:%M")


def _close_dose_text(close: schedule.SecondDoseCheck, moment: datetime) -> str:
    """The other dose in real words: today at 10.15, 3 days ago, 3 days before/after this one (defect 34)."""
    other, day = close.nearest_dose, schedule.dose_day(moment)
    days = close.days_apart or 0
    if days == 0:
        if day == local_date(_now()):
            return _("You have already logged a dose today at %(time)s.", time=_clock(other))
        return _("You have already logged a dose on the same day at %(time)s.", time=_clock(other))
    if close.nearest_dose_day > day:
        return ngettext("You have already logged a dose %(num)d day after this one.",
                        "You have already logged a dose %(num)d days after this one.", days)
    if day == local_date(_now()):
        return ngettext("You have already logged a dose %(num)d day ago.",
                        "You have already logged a dose %(num)d days ago.", days)
    return ngettext("You have already logged a dose %(num)d day before this one.",
                    "You have already logged a dose %(num)d days before this one.", days)


def _store(form: InjectionForm, patient: Patient, moment: datetime, replaces: Injection | None) -> Injection:
    one = form.syringes.data == "1"
    injection = Injection(
        patient_id=patient.id, client_id=form.client_id.data, given_at=moment, place="home",
        syringes=1 if one else 2, site_1=form.site_1.data, batch_1=(form.batch_1.data or "").strip(),
        site_2=None if one else form.site_2.data, batch_2="" if one else (form.batch_2.data or "").strip(),
        reaction=form.reaction.data != "no", note=(form.note.data or "").strip(),
        checklist=(replaces.checklist if replaces else (_fresh_predose() or {}).get("answers", {})),
        confirmed_close_to_other=bool(form.confirm_close.data), created_by_id=current_user.id,
        replaces_id=replaces.id if replaces else None,
    )
    dbs = db.session()
    if replaces is not None:
        replaces.superseded_at = _now()
        dbs.add(replaces)
    dbs.add(injection)
    dbs.flush()
    if replaces is None:
        # a new dose: the reminders of the dose it was are done, their unsent messages cancelled (a
        # correction that moves a date is left to the clock, which closes reminders whose date moved)
        from ..reminders.records import close_dose_reminders

        close_dose_reminders(dbs, patient.id)
    flag = schedule.partial_dose_flag(moment, injection.syringes)
    if flag is not None:  # one syringe only: flagged for a call (facts H1, App rule 2)
        raise_flag(dbs, patient, source="injection", code=flag.reason, level=flag.level, injection_id=injection.id,
                   dedupe_key=f"partial:{injection.id}")
    early = early_home_dose_flag(moment, getattr(form, "previous_dose", None))
    if early is not None:  # under 3 weeks after the dose before: saved, and noted for the nurse (facts I1)
        # once per dose day: correcting the batch number of an early dose does not note it again
        raise_flag(dbs, patient, source="injection", code=early.reason, level=early.level, injection_id=injection.id,
                   dedupe_key=_early_key(patient, early.dose_day))
    if form.reaction.data == "severe":
        # Breathing trouble or swelling after a dose: call 113 (facts B1, symptoms.md emergency items).
        store_report(dbs, patient, level=Level.EMERGENCY, reasons=["injection:severe_reaction"],
                     codes=["breathing_difficulty", "face_throat_swelling"], source="injection_reaction",
                     injection_id=injection.id, within_2h_of_injection=True)
    return injection


def _early_key(patient: Patient, day) -> str:
    return f"early:{patient.id}:{day.isoformat()}"


def _after_save(injection: Injection, reaction: str):
    if reaction == "severe":
        return redirect(url_for("home.emergency"))
    if reaction == "yes":
        # Straight into the symptom questions for reactions (issue 3; symptoms blueprint).
        return redirect(f"/symptoms/new?context=reaction&injection={injection.id}")
    return redirect(url_for("injections.saved", injection_id=injection.id))


def _already_saved(patient: Patient, client_id: str | None) -> Injection | None:
    if not client_id:
        return None
    return db.session().exec(
        select(Injection).where(Injection.client_id == client_id, Injection.patient_id == patient.id)
    ).first()


def _save_posted(form: InjectionForm, patient: Patient, replaces: Injection | None):
    """Validate and store a posted dose; a response when done, None to show the form again."""
    form.validate()
    repeat = _already_saved(patient, form.client_id.data)
    if repeat is not None:  # a double tap or a resent form: the first one is stored already
        return redirect(url_for("injections.saved", injection_id=repeat.id))
    moment = _validate_dose(form, patient, replaces)
    if moment is None or form.errors:
        return None
    try:
        injection = _store(form, patient, moment, replaces=replaces)
        db.session().commit()
    except IntegrityError:  # the same client id arrived twice at the same moment
        db.session().rollback()
        existing = _already_saved(patient, form.client_id.data)
        if existing is None:  # someone else's id: a damaged or forged form
            form.client_id.data = str(uuid.uuid4())
            form.client_id.errors = [_("The form was damaged. Please reload the page.")]
            return None
        return redirect(url_for("injections.saved", injection_id=existing.id))
    if replaces is None:
        session.pop("predose", None)
    else:
        flash(_("The entry is corrected. The earlier version is kept for your clinic."), "success")
    return _after_save(injection, form.reaction.data)


@bp.route("/new", methods=["GET", "POST"])
@patient_or_relative("may_log_doses")
def new():
    patient = own_patient()
    if (closed := dose_closed(patient)) is not None:
        return closed
    form = InjectionForm()
    doses = recent_sites_and_batches(db.session(), patient.id)
    check_needed = False
    if request.method == "GET":
        if _fresh_predose() is None:
            return redirect(url_for("injections.check"))
        _fill_defaults(form, doses)
    elif _fresh_predose() is None and _already_saved(patient, form.client_id.data) is None:
        # The check is asked for on the server, not only by the GET (security finding 22): a POST without
        # a check in the last 12 hours stores nothing, and the form comes back with what was typed.
        form.validate()
        check_needed = True
    elif (response := _save_posted(form, patient, replaces=None)) is not None:
        return response
    return render_template("injections/log.html", form=form, editing=None, body_map=_body_map(doses),
                           site_labels=SITE_LABELS, check_needed=check_needed), \
        422 if form.errors or check_needed else 200


@bp.route("/<int:injection_id>/edit", methods=["GET", "POST"])
@patient_required
def edit(injection_id: int):
    patient = own_patient()
    old = own_injection(patient, injection_id)
    if not old.is_current:
        flash(_("This entry has already been changed."), "info")
        return redirect(url_for("injections.history"))
    form = InjectionForm()
    if request.method == "GET":
        local = old.given_at.astimezone(OSLO)
        form.client_id.data = str(uuid.uuid4())
        form.day.data, form.time.data = local.date(), local.time().replace(second=0, microsecond=0)
        form.syringes.data = str(old.syringes)
        form.site_1.data, form.site_2.data = old.site_1, old.site_2 or ""
        form.batch_1.data, form.batch_2.data = old.batch_1, old.batch_2
        form.reaction.data = "yes" if old.reaction else "no"
        form.note.data = old.note
        form.confirm_close.data = old.confirmed_close_to_other
    elif (response := _save_posted(form, patient, replaces=old)) is not None:
        return response
    return render_template("injections/log.html", form=form, editing=old), 422 if form.errors else 200


@bp.route("/<int:injection_id>/withdraw", methods=["GET", "POST"])
@patient_required
def withdraw(injection_id: int):
    patient = own_patient()
    injection = own_injection(patient, injection_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        if injection.is_current:
            injection.withdrawn_at = _now()
            db.session().add(injection)
            db.session().commit()
        flash(_("The entry is withdrawn. Your clinic can still see that it was there."), "success")
        return redirect(url_for("injections.history"))
    return render_template("injections/withdraw.html", injection=injection, form=form,
                           site_labels=SITE_LABELS)


@bp.get("/<int:injection_id>/saved")
@patient_or_relative("may_log_doses", reads=True)
def saved(injection_id: int):
    patient = own_patient()
    injection = own_injection(patient, injection_id)
    if current_user.is_relative and injection.created_by_id != current_user.id:
        abort(404)  # a relative sees the doses she logged, not the patient's others (issue 15 §5)
    due = schedule.next_dose_due(injection.given_at, patient.dose_interval_weeks)
    # An early dose was noted for the nurse when it was saved (walk defect 19): say so, calmly.
    early = injection.is_current and db.session().exec(select(Flag.id).where(
        Flag.dedupe_key == _early_key(patient, schedule.dose_day(injection.given_at)))).first() is not None
    return render_template("injections/saved.html", injection=injection, due=due, site_labels=SITE_LABELS,
                           early=early)


# ------------------------------------------------------------------ history and chart
@bp.get("/")
@patient_required
def history():
    patient = own_patient()
    doses = current_injections(db.session(), patient.id)
    gaps = schedule.dose_gaps([d.given_at for d in doses], patient.dose_interval_weeks)
    newest_first = list(reversed(doses))
    # About two years of doses unless the patient asks for all: the page stays small with years of history.
    shown = newest_first if request.args.get("all") else newest_first[:HISTORY_SHOWN]
    # A dose a relative logged for her says so (issue 15 §5); one query, only when there are such doses.
    others = {d.created_by_id for d in shown if d.created_by_id != patient.user_id}
    helpers = {u.id: u.full_name for u in db.session().exec(
        select(User).where(User.id.in_(others), User.role == Role.RELATIVE))} if others else {}
    return render_template(
        "injections/history.html", doses=shown, total=len(doses), chart=interval_chart(gaps[-12:], patient),
        helpers=helpers,
        site_labels=site_labels(), interval_days=schedule.interval_days(patient.dose_interval_weeks),
    )


def interval_chart(gaps, patient: Patient) -> dict:
    """Bar lengths in percent of the chart's width for the days between doses, newest first like the
    table and the list under it (walk defect 20). The labels are HTML beside each bar, so they grow with
    the text; each bar is a small SVG (no inline styles under our CSP)."""
    allowed = schedule.interval_days(patient.dose_interval_weeks)
    scale_max = max([allowed + 14, schedule.REBOUND_DAYS + 7, *[g.days for g in gaps]])
    bars = [{"gap": g, "pct": max(1, round(g.days / scale_max * 100))} for g in reversed(gaps)]
    return {
        "bars": bars, "allowed": allowed,
        "allowed_pct": round(allowed / scale_max * 100, 1),
        "rebound_pct": round(schedule.REBOUND_DAYS / scale_max * 100, 1),
    }


# ------------------------------------------------------------------ guided injection
@bp.get("/guide/<int:step>")
@patient_or_relative("may_log_doses")
def guide(step: int):
    patient = own_patient()
    if (closed := dose_closed(patient)) is not None:
        return closed
    if not 1 <= step <= GUIDE_STEPS:
        abort(404)
    doses = recent_sites_and_batches(db.session(), patient.id)
    sites = _suggested_sites(doses)
    return render_template("injections/guide.html", step=step, steps=GUIDE_STEPS, sites=sites,
                           site_labels=SITE_LABELS, body_map=_body_map(doses) if step == 3 else None)


# ------------------------------------------------------------------ private calendar feed
@bp.route("/calendar", methods=["GET", "POST"])
@patient_required
def calendar():
    patient = own_patient()
    form = CalendarLinkForm()
    link = None
    if form.validate_on_submit():
        if request.form.get("action") == "stop":
            patient.calendar_token_hash = None
            flash(_("The calendar link is stopped. Calendars that used it get no more updates."), "success")
        else:  # a new link; the old one stops working
            token = secrets.token_urlsafe(24)
            patient.calendar_token_hash = calendar_token_hash(token)
            link = links.external_url("injections.calendar_feed", token=token, **form.link_query())
        db.session().add(patient)
        db.session().commit()
    return render_template("injections/calendar.html", form=form, link=link,
                           active=patient.calendar_token_hash is not None)


@bp.get("/calendar/<token>.ics")
def calendar_feed(token: str):
    return feed_for_token(token, request.args.get("events"), named=request.args.get("named") == "1")

