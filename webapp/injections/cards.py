"""The next dose on the patient's start page, and the injections on the nurse's patient page."""

from __future__ import annotations

from .. import db
from ..domain import schedule
from ..dose_record import counted_doses
from ..extension_points import nurse_patient_section, start_card
from ..models import Patient
from ..phones import tel_number
from .history import all_versions
from .hold import hold_state
from .labels import site_labels


@start_card(10)
def next_dose_card(patient: Patient, today):
    """First on the start page: days to go, due today, or overdue (issue 3)."""
    if not patient.home_approved:
        return None
    doses = counted_doses(db.session(), patient.id)
    last = doses[-1].given_at if doses else None
    status = schedule.dose_status(last, patient.dose_interval_weeks, today) if last else None
    # The next dose on hold: the card says so and whom to call, and offers no dose (facts §3).
    hold = hold_state(db.session(), patient.id)
    card = {"status": status, "hold": hold}
    if hold.on_hold:
        card.update(clinic=patient.clinic, clinic_tel=tel_number(patient.clinic.phone))
    return "injections/_next_dose_card.html", card


@nurse_patient_section(10)
def injections_section(patient: Patient, today):
    versions = all_versions(db.session(), patient.id)
    current = [v for v in versions if v.is_current]
    status = schedule.dose_status(current[0].given_at, patient.dose_interval_weeks, today) if current else None
    return "injections/_nurse_section.html", {
        "versions": versions[:40], "status": status, "site_labels": site_labels(),
        "replaced_ids": {v.replaces_id for v in versions if v.replaces_id},
    }
