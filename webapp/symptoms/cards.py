"""The symptom card on the patient's start page: the button, and what the clinic did with recent reports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam
from sqlmodel import select

from .. import db
from ..domain.levels import Level
from ..extension_points import start_card
from ..models import Flag, FlagStatus, Patient, SymptomReport
from .labels import symptom_label
from .service import report_statuses

# A handled report stays on the start page for a week, so that the patient sees it was handled.
HANDLED_SHOWN = timedelta(days=7)


# Built once (issue 7): reports whose flag is open, or was handled in the last week.
RECENT_REPORTS = (
    select(SymptomReport).join(Flag, Flag.symptom_report_id == SymptomReport.id)
    # the flag's own patient_id too, so that the database starts from the patient's few flags
    .where(SymptomReport.patient_id == bindparam("patient_id"), Flag.patient_id == bindparam("patient_id"),
           (Flag.status != FlagStatus.RESOLVED) | (Flag.resolved_at >= bindparam("since")))
    .order_by(SymptomReport.reported_at.desc()).limit(5)
)


@start_card(15)  # after the next dose, which issue 3 puts first
def symptoms_card(patient: Patient, today):
    since = datetime.now(UTC) - HANDLED_SHOWN
    session = db.session()
    # A report with two flags (a follow-up answered "worse", issue 12) comes back twice: once is enough.
    found = session.exec(RECENT_REPORTS, params={"patient_id": patient.id, "since": since}).all()
    reports = list({r.id: r for r in found}.values())
    return "symptoms/_start_card.html", {
        "reports": reports, "statuses": report_statuses(session, reports), "symptom_label": symptom_label,
        "levels": Level,
    }
