"""The patient's "How is it now?" page, and the nurse's switch that turns follow-ups off for a report."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import _
from flask_login import current_user
from sqlmodel import select

from .. import db
from ..domain.clock import utc_now
from ..domain.followups import MAX_FOLLOWUPS, Answer, is_followed
from ..models import Flag, Patient, SymptomReport
from ..security import audit, nurse_required, own_patient, own_record, patient_required, safe_next
from ..symptoms.labels import symptom_label
from . import bp
from .forms import FollowUpForm, FollowUpsOffForm
from .labels import ANSWER_LABELS
from .service import followups_of, record_answer, report_facts


def _result(report: SymptomReport, answer: str | None):
    """Where an answered question leads: "worse" to the answer an urgent report gets (issue 12 §4),
    anything else back to this page, which thanks the patient."""
    if answer == Answer.WORSE:
        return redirect(url_for("symptoms.answer", report_id=report.id))
    return redirect(url_for("followups.how_is_it_now", report_id=report.id))


@bp.route("/symptoms/<int:report_id>/now", methods=["GET", "POST"])
@patient_required
def how_is_it_now(report_id: int):
    patient = own_patient()
    report = own_record(SymptomReport, report_id, patient)  # another patient's report answers 404
    session = db.session()
    asked = followups_of(session, [report.id])[report.id]
    if not asked:  # nothing asked (yet): the report itself
        return redirect(url_for("symptoms.answer", report_id=report.id))
    latest = asked[-1]
    form = FollowUpForm()
    if request.method == "POST":
        if form.validate_on_submit():
            followup = next((f for f in asked if str(f.number) == form.number.data), None)
            if followup is None:
                abort(404)
            if followup.answer is None:
                record_answer(session, patient, report, followup, Answer(form.answer.data), utc_now())
                session.commit()
            # A double tap finds it answered: the first answer stands, and leads where it led.
            session.refresh(followup)
            return _result(report, followup.answer)
        form.answer.errors = form.answer.errors or [_("Choose one of the answers.")]
    elif latest.answer is not None:
        if latest.answer == Answer.WORSE:
            return _result(report, latest.answer)
    flags = session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).all()
    more = is_followed(report_facts(report, list(flags), asked)) and latest.number < MAX_FOLLOWUPS
    return render_template(
        "followups/now.html", report=report, followup=latest, form=form, answer_labels=ANSWER_LABELS,
        items=[symptom_label(code) for code in report.codes], asks_again=more,
    ), 422 if form.errors else 200


@bp.post("/nurse/reports/<int:report_id>/followups")
@nurse_required
def switch_followups(report_id: int):
    """Follow-ups off (or on again) for one report of the nurse's own clinic; audited (issue 12 §4)."""
    session = db.session()
    report = session.exec(
        select(SymptomReport).join(Patient, SymptomReport.patient_id == Patient.id)
        .where(SymptomReport.id == report_id, Patient.clinic_id == current_user.clinic_id)
    ).first()
    if report is None:
        abort(404)
    form = FollowUpsOffForm()
    if not form.validate_on_submit():
        abort(400)
    report.followups_off = form.followups.data == "off"
    session.add(report)
    audit("update", patient_id=report.patient_id,
          target=f"report:{report.id}:followups_{'off' if report.followups_off else 'on'}")
    session.commit()
    flash(_("Follow-ups are off for this report.") if report.followups_off
          else _("Follow-ups are on again for this report."), "success")
    default = url_for("nurse.timeline", patient_id=report.patient_id)
    return redirect(safe_next(request.form.get("next"), default))
