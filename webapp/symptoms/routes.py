"""The patient's symptom reports: the checklist, the answer at once, and what the clinic did."""

from __future__ import annotations

import uuid

from flask import redirect, render_template, request, url_for
from flask_babel import _, get_locale
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from .. import db
from ..domain.clock import local_date, utc_now
from ..domain.levels import Level
from ..domain.triage import BY_CODE, SYMPTOMS, assess
from ..models import Injection, Patient, SymptomReport
from ..security import own_patient, own_record, patient_required
from . import bp
from .forms import SymptomReportForm
from .labels import CATEGORY_LABELS, CATEGORY_ORDER, REACTION_CATEGORY_ORDER, SOURCE_LABELS, symptom_label
from .service import find_report, report_statuses, store_report

REPORTS_SHOWN = 100


def own_report(patient: Patient, report_id: int) -> SymptomReport:
    return own_record(SymptomReport, report_id, patient)


def own_injection_id(patient: Patient, value: str | None) -> int | None:
    """The injection a reaction followed, only when it is the patient's own."""
    if not value or not value.isdigit() or len(value) > 12:
        return None
    injection = db.session().get(Injection, int(value))
    return injection.id if injection is not None and injection.patient_id == patient.id else None


def groups(reaction: bool) -> list[tuple[str, str, list]]:
    """The checklist in groups with their headings: (category, heading, items)."""
    order = REACTION_CATEGORY_ORDER if reaction else CATEGORY_ORDER
    return [(category, CATEGORY_LABELS[category], [i for i in SYMPTOMS if i.category == category])
            for category in order]


def _form_page(form: SymptomReportForm, status: int = 200):
    reaction = form.context.data == "reaction"
    return render_template("symptoms/new.html", form=form, groups=groups(reaction), reaction=reaction,
                           symptom_label=symptom_label), status


@bp.route("/new", methods=["GET", "POST"])
@patient_required
def new():
    patient = own_patient()
    form = SymptomReportForm()
    if request.method == "GET":
        form.client_id.data = str(uuid.uuid4())
        form.started_on.data = local_date(utc_now())
        if request.args.get("context") == "reaction":
            form.context.data = "reaction"
            form.injection.data = str(own_injection_id(patient, request.args.get("injection")) or "")
            form.within_2h.data = "yes"  # reached right after logging a dose with a reaction (issue 3)
        code = request.args.get("code", "")
        if code in BY_CODE:  # an article links to the item it is about
            form.codes.data = [code]
        return _form_page(form)

    repeat = find_report(db.session(), patient, form.client_id.data)
    if repeat is not None:  # a double tap or a resent form: the first one is stored already
        return redirect(url_for("symptoms.answer", report_id=repeat.id))
    if not form.validate_on_submit():
        return _form_page(form, 422)
    reaction = form.context.data == "reaction"
    answers = form.answers()
    free_text = (form.free_text.data or "").strip()
    result = assess(
        codes=form.codes.data, within_2h_of_injection=answers["within_2h"], lasted_over_24h=answers["lasted_over_24h"],
        getting_worse=answers["getting_worse"], fever=answers["fever"], sudden_onset=answers["sudden_onset"],
        reported_by_other=bool(form.reported_by_other.data), free_text=free_text, lang=str(get_locale()),
    )
    session = db.session()
    try:
        report, _flag = store_report(
            session, patient, level=result.level,
            reasons=[*result.reasons, *(f"unsure:{name}" for name in form.unsure())],
            codes=form.codes.data, source="injection_reaction" if reaction else "report",
            client_id=form.client_id.data, injection_id=own_injection_id(patient, form.injection.data),
            started_on=form.started_on.data, within_2h_of_injection=answers["within_2h"],
            lasted_over_24h=answers["lasted_over_24h"], getting_worse=answers["getting_worse"],
            fever=answers["fever"], sudden_onset=answers["sudden_onset"],
            reported_by_other=bool(form.reported_by_other.data), free_text=free_text,
        )
        session.commit()
    except IntegrityError:  # the same client id arrived twice at the same moment
        session.rollback()
        existing = find_report(session, patient, form.client_id.data)
        if existing is None:  # someone else's id: a damaged or forged form
            form.client_id.data = str(uuid.uuid4())
            form.client_id.errors = [_("The form was damaged. Please reload the page.")]
            return _form_page(form, 422)
        report = existing
    return redirect(url_for("symptoms.answer", report_id=report.id))


@bp.get("/<int:report_id>")
@patient_required
def answer(report_id: int):
    """What to do now, by level (symptoms.md, Levels), and what the clinic has done since."""
    patient = own_patient()
    report = own_report(patient, report_id)
    status = report_statuses(db.session(), [report])[report.id]
    self_harm = "self_harm_thoughts" in report.codes or "item:self_harm_thoughts" in report.reasons
    return render_template(
        "symptoms/answer.html", report=report, status=status, level=Level(report.level), clinic=patient.clinic,
        items=[symptom_label(code) for code in report.codes], self_harm=self_harm,
        source_labels=SOURCE_LABELS,
    )


@bp.get("/")
@patient_required
def index():
    patient = own_patient()
    reports = db.session().exec(
        select(SymptomReport).where(SymptomReport.patient_id == patient.id)
        .order_by(SymptomReport.reported_at.desc(), SymptomReport.id.desc()).limit(REPORTS_SHOWN)
    ).all()
    return render_template("symptoms/index.html", reports=reports, statuses=report_statuses(db.session(), reports),
                           symptom_label=symptom_label, source_labels=SOURCE_LABELS)
