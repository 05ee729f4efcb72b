"""The patient's symptom reports: the checklist, the answer at once, and what the clinic did."""

from __future__ import annotations

import re
import uuid

from flask import abort, redirect, render_template, request, url_for
from flask_babel import _, get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from .. import db
from ..domain.clock import local_date, utc_now
from ..domain.levels import Level
from ..domain.symptom_report import (
    EMERGENCY_CODES,
    FIT_ASKED,
    answer_lines,
    derive_modifiers,
    fit_effect,
    should_ask_fit,
)
from ..domain.triage import BY_CODE, SYMPTOMS, assess
from ..dose_record import counted_doses
from ..followups.labels import ANSWER_LABELS
from ..followups.service import followups_of
from ..models import Injection, Patient, SymptomReport
from ..patient_limits import patient_send_limit
from ..photos import PhotoRejected, photo_upload, prepare, save
from ..photos.storage import current_store
from ..relatives.grants import report_author
from ..security import own_patient, own_record, patient_or_relative, patient_required
from . import bp
from .forms import FitForm, SymptomReportForm
from .labels import (
    CATEGORY_LABELS,
    CATEGORY_ORDER,
    FIT_GROUP_LABELS,
    PATIENT_OUTCOME_LABELS,
    REACTION_CATEGORY_ORDER,
    SOURCE_LABELS,
    symptom_label,
)
from .service import amend_after_fit, clinic_followup, find_report, report_statuses, store_report

REPORTS_SHOWN = 100


def own_report(patient: Patient, report_id: int) -> SymptomReport:
    report = own_record(SymptomReport, report_id, patient)
    if current_user.is_relative and report.reported_by_id != current_user.id:
        abort(404)  # a relative sees the reports she made, not the patient's others (issue 15 §5)
    return report


def own_injection_id(patient: Patient, value: str | None) -> int | None:
    """The injection a reaction followed, only when it is the patient's own."""
    if not value or not value.isdigit() or len(value) > 12:
        return None
    injection = db.session().get(Injection, int(value))
    return injection.id if injection is not None and injection.patient_id == patient.id else None


def groups(reaction: bool) -> list[tuple[str, str, list]]:
    """The checklist in groups with their headings: (category, heading, items)."""
    order = REACTION_CATEGORY_ORDER if reaction else CATEGORY_ORDER
    # The emergency signs have their own screen first and their own group here (walk defect 10).
    return [(category, CATEGORY_LABELS[category],
             [i for i in SYMPTOMS if i.category == category and i.level != Level.EMERGENCY])
            for category in order]


def _form_page(form: SymptomReportForm, status: int = 200):
    reaction = form.context.data == "reaction"
    return render_template("symptoms/new.html", form=form, groups=groups(reaction), reaction=reaction,
                           emergency_items=EMERGENCY_CODES, symptom_label=symptom_label), status


def _first_page(form: SymptomReportForm, more_args: dict[str, str]):
    """The first screen (issue 11, walk defect 10): the emergency signs, each one tap away from 113."""
    reaction = form.context.data == "reaction"
    return render_template("symptoms/first.html", form=form, reaction=reaction, emergency_items=EMERGENCY_CODES,
                           more_args=more_args, symptom_label=symptom_label)


PHOTOS_AGAIN = _l("Choose the photos again: a browser cannot keep them when a form is shown again.")


def _photos_sent(form: SymptomReportForm) -> bool:
    return any(getattr(f, "filename", "") for f in form.photos.data or ())


@bp.route("/new", methods=["GET", "POST"])
@photo_upload
@patient_or_relative("may_report")
@patient_send_limit("REPORT_RATE_LIMIT", "reports")
def new():
    patient = own_patient()
    form = SymptomReportForm()
    if request.method == "GET":
        form.client_id.data = str(uuid.uuid4())
        reaction = request.args.get("context") == "reaction"
        injection = str(own_injection_id(patient, request.args.get("injection")) or "") if reaction else ""
        code = request.args.get("code", "")
        if request.args.get("step") != "more":
            form.context.data = "reaction" if reaction else ""
            form.injection.data = injection
            more_args = {"step": "more", **({"context": "reaction", "injection": injection} if reaction else {}),
                         **({"code": code} if code in BY_CODE else {})}
            return _first_page(form, more_args)
        if reaction:
            form.context.data = "reaction"
            form.injection.data = injection
            form.within_2h.data = "yes"  # reached right after logging a dose with a reaction (issue 3)
        if code in BY_CODE:  # an article links to the item it is about
            form.codes.data = [code]
        return _form_page(form)

    repeat = find_report(db.session(), patient, form.client_id.data)
    if repeat is not None:  # a double tap or a resent form: the first one is stored already
        return redirect(url_for("symptoms.answer", report_id=repeat.id))
    if not form.validate_on_submit():
        if _photos_sent(form):
            form.photos.errors = [*form.photos.errors, PHOTOS_AGAIN]
        return _form_page(form, 422)
    try:
        prepared = prepare(form.photos.data)  # nothing is stored when a photo is refused (issue 13)
    except PhotoRejected as refused:
        form.photos.errors = [*form.photos.errors, refused.message]
        return _form_page(form, refused.status)
    reaction = form.context.data == "reaction"
    free_text = (form.free_text.data or "").strip()
    codes = list(dict.fromkeys(form.codes.data or ()))
    session = db.session()
    now = utc_now()
    doses = counted_doses(session, patient.id)
    mods = derive_modifiers(form.answers(), started_on=form.started_on.data, today=local_date(now),
                            last_dose_at=doses[-1].given_at if doses else None, now=now)
    relative = report_author(current_user)
    reported_by_other = bool(form.reported_by_other.data) or bool(relative)
    result = assess(
        codes=codes, within_2h_of_injection=mods.within_2h, lasted_over_24h=mods.lasted_over_24h,
        getting_worse=mods.getting_worse, fever=mods.fever, sudden_onset=mods.sudden_onset,
        reported_by_other=reported_by_other, free_text=free_text, lang=str(get_locale()),
    )
    # The reader heard something it cannot name: store the report now (at least routine, so that nothing
    # written is lost), then ask "does any of this fit?" before the answer (issue 11).
    ask_fit = should_ask_fit(result.level, result.unsure)
    answers = form.answers()
    photos = []
    try:
        report, _flag = store_report(
            session, patient, level=Level.highest([result.level, Level.ROUTINE]) if ask_fit else result.level,
            reasons=[*result.reasons, *mods.derived, *(f"unsure:{name}" for name in form.unsure()),
                     *([FIT_ASKED] if ask_fit else [])],
            codes=codes, source="injection_reaction" if reaction else "report",
            client_id=form.client_id.data, injection_id=own_injection_id(patient, form.injection.data),
            started_on=form.started_on.data, within_2h_of_injection=answers["within_2h"],
            lasted_over_24h=answers["lasted_over_24h"], getting_worse=answers["getting_worse"],
            fever=answers["fever"], sudden_onset=answers["sudden_onset"],
            free_text=free_text, **{"reported_by_other": reported_by_other, **relative},
        )
        photos = save(session, prepared, patient=patient, uploaded_by=current_user, symptom_report_id=report.id)
        session.commit()
    except IntegrityError:  # the same client id arrived twice at the same moment
        session.rollback()
        for photo in photos:  # the first request stored its own photos: these would be orphans
            current_store().delete(photo.storage_key)
            current_store().delete(photo.thumb_key)
        existing = find_report(session, patient, form.client_id.data)
        if existing is None:  # someone else's id: a damaged or forged form
            form.client_id.data = str(uuid.uuid4())
            form.client_id.errors = [_("The form was damaged. Please reload the page.")]
            return _form_page(form, 422)
        report = existing
    if FIT_ASKED in report.reasons:
        return redirect(url_for("symptoms.fit", report_id=report.id))
    return redirect(url_for("symptoms.answer", report_id=report.id))


@bp.route("/<int:report_id>/fit", methods=["GET", "POST"])
@patient_or_relative("may_report")
def fit(report_id: int):
    """ "Does any of this fit?" (issue 11): the reader was unsure, so the patient chooses before the
    answer. The report is stored already; the choice raises it, once (a double tap changes nothing)."""
    patient = own_patient()
    report = own_report(patient, report_id)
    if FIT_ASKED not in report.reasons:  # answered already, or never asked
        return redirect(url_for("symptoms.answer", report_id=report.id))
    form = FitForm()
    if form.validate_on_submit():
        session = db.session()
        amend_after_fit(session, patient, report, fit_effect(form.fit.data))
        session.commit()
        return redirect(url_for("symptoms.answer", report_id=report.id))
    return render_template("symptoms/fit.html", form=form, report=report, emergency_items=EMERGENCY_CODES,
                           fit_groups=FIT_GROUP_LABELS, symptom_label=symptom_label), 422 if form.errors else 200


@bp.get("/<int:report_id>")
@patient_or_relative("may_report", reads=True)
def answer(report_id: int):
    """What to do now, by level (symptoms.md, Levels), and what the clinic has done since."""
    patient = own_patient()
    report = own_report(patient, report_id)
    status = report_statuses(db.session(), [report])[report.id]
    lines = answer_lines(report.level, report.reasons, report.codes, report.fever)
    clinic = patient.clinic
    done = clinic_followup(db.session(), status.flag)  # issue 13: what the clinic did, never its own notes
    return render_template(
        "symptoms/answer.html", report=report, status=status, level=Level(report.level), clinic=clinic,
        items=[symptom_label(code) for code in report.codes], lines=lines, handled=status.state == "handled",
        done=done, outcome_texts=[PATIENT_OUTCOME_LABELS[c] for c in done.outcomes if c in PATIENT_OUTCOME_LABELS]
        if done else [],
        source_labels=SOURCE_LABELS, followups=followups_of(db.session(), [report.id])[report.id],
        answer_labels=ANSWER_LABELS,
    )


# A phone number (or a temperature) in running text never wraps in the middle (walk defect 16): +47 22 00 00 00,
# 116 117, 38 °C.
PHONE_NUMBER = re.compile(r"\+47(?: \d{2}){4}|\b\d{3} \d{3}\b|\b\d{2}(?: \d{2}){3}\b|\b\d+ °C")


@bp.app_template_filter("phones")
def phones(text: str) -> Markup:
    """Wrap each phone number of a translated sentence in a span that does not wrap."""
    parts, last = [], 0
    for match in PHONE_NUMBER.finditer(str(text)):
        parts += [escape(text[last:match.start()]), Markup('<span class="nowrap">{}</span>').format(match.group(0))]
        last = match.end()
    return Markup("").join([*parts, escape(text[last:])])


@bp.get("/")
@patient_required
def index():
    patient = own_patient()
    reports = db.session().exec(
        select(SymptomReport).where(SymptomReport.patient_id == patient.id)
        .order_by(SymptomReport.reported_at.desc(), SymptomReport.id.desc()).limit(REPORTS_SHOWN)
    ).all()
    return render_template("symptoms/index.html", reports=reports, statuses=report_statuses(db.session(), reports),
                           symptom_label=symptom_label, source_labels=SOURCE_LABELS,
                           followups=followups_of(db.session(), [r.id for r in reports]), answer_labels=ANSWER_LABELS,
                           patient_outcome_labels=PATIENT_OUTCOME_LABELS)
