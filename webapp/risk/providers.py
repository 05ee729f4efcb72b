"""What this feature adds to pages it does not own (extension_points.py)."""

from __future__ import annotations

from datetime import date

from flask_babel import _, force_locale

from .. import db
from ..domain import pml_risk
from ..extension_points import calendar_events, nurse_patient_section, start_card
from ..models import Patient
from . import labels
from .records import calendar_for, checks_done, jcv_history, monitoring_calendar, monitoring_record, risk_summary


@start_card(30)
def next_check_card(patient: Patient, today: date):
    """The patient's next monitoring check and a way to the risk page."""
    session = db.session()
    record = monitoring_record(session, patient.id)
    calendar = monitoring_calendar(session, patient, today, jcv=record.latest_jcv, checks=record.checks,
                                   jcv_dates=record.jcv_dates)
    return "risk/start_card.html", {"next": calendar.next_due, "labels": labels}


@nurse_patient_section(30)
def pml_monitoring_section(patient: Patient, today: date):
    """JCV history, the PML factors and band, and the monitoring calendar. The page that includes it
    has already written the audit event for reading this patient."""
    session = db.session()
    history = jcv_history(session, patient.id)
    latest = history[0].result if history else None
    checks = checks_done(session, patient.id)
    guidance = (
        None if latest is None
        else pml_risk.nurse_guidance(jcv_positive=latest.positive, jcv_index=latest.jcv_index)
    )
    return "risk/nurse_section.html", {
        "patient": patient,
        "history": history,
        "summary": risk_summary(patient, latest, today),
        "guidance": guidance,
        "calendar": monitoring_calendar(session, patient, today, jcv=latest, checks=checks,
                                        jcv_dates=[row.result.tested_on for row in history]),
        "checks": checks,
        "labels": labels,
    }


@calendar_events(topic="checkups")
def checkup_events(patient: Patient, today: date) -> list[tuple[date, str, str]]:
    """The clinic's monitoring calendar (facts M1-M5): each check on the day it is due, if not past.
    Chosen by the patient when making the feed link (issue 12)."""
    calendar = calendar_for(db.session(), patient, today)
    events = []
    with force_locale(patient.user.locale):
        for row in calendar.rows:
            if row.due_on is None or row.due_on < today:
                continue
            events.append((row.due_on, _("%(check)s at the clinic", check=labels.CHECK_KINDS[row.kind]),
                           f"{labels.CHECK_PURPOSES[row.kind]} "
                           + _("Your clinic arranges it: ask them if you have no appointment.")))
    return events
