"""The start page's "How is it now?" card: a question the patient has not answered, whether or not a
message brought the patient here (issue 12 §4)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import bindparam
from sqlmodel import select

from .. import db
from ..domain.clock import utc_now
from ..domain.followups import latest_open
from ..extension_points import start_card
from ..models import Patient, SymptomFollowUp, SymptomReport
from ..symptoms.labels import symptom_label
from .forms import FollowUpForm
from .labels import ANSWER_LABELS

# A question stays on the start page for two days; by then the next day's question has replaced it.
SHOWN_FOR = timedelta(days=2)

# Built once (issue 7): the patient's recent questions with their reports, for reports still followed.
RECENT_QUESTIONS = (
    select(SymptomFollowUp, SymptomReport).join(SymptomReport, SymptomFollowUp.symptom_report_id == SymptomReport.id)
    .where(SymptomReport.patient_id == bindparam("patient_id"), SymptomFollowUp.asked_at >= bindparam("since"),
           SymptomReport.closed_by_patient_at.is_(None), SymptomReport.followups_off.is_(False))
    .order_by(SymptomReport.reported_at.desc(), SymptomFollowUp.number)
)


@start_card(12)  # after the next dose, before the symptom card: a question waits for the patient
def followup_card(patient: Patient, today):
    rows = db.session().exec(RECENT_QUESTIONS, params={"patient_id": patient.id, "since": utc_now() - SHOWN_FOR}).all()
    by_report: dict[int, tuple[SymptomReport, list[SymptomFollowUp]]] = {}
    for followup, report in rows:
        by_report.setdefault(report.id, (report, []))[1].append(followup)
    questions = []
    for report, asked in by_report.values():
        number = latest_open((f.number, f.answer) for f in asked)
        if number is not None:
            questions.append((report, number))
    if not questions:
        return None
    return "followups/_start_card.html", {
        "questions": questions, "form": FollowUpForm(formdata=None), "answer_labels": ANSWER_LABELS,
        "symptom_label": symptom_label,
    }
