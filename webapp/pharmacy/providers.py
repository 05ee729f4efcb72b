"""What the pharmacy feature adds to pages it does not own (extension_points.py)."""

from __future__ import annotations

from datetime import date

from flask_babel import _, force_locale

from .. import db
from ..extension_points import calendar_events, nurse_patient_section, start_card
from ..i18n import format_date
from ..models import Patient
from .advice import COLD_CHAIN_LABELS, LEVEL_LABELS, clinic_phone_if_needed, nurse_findings, patient_advice
from .forecast import patient_supply
from .forms import ConfirmPrescriptionForm


@start_card(20)
def supply_card(patient: Patient, today: date):
    forecast = patient_supply(db.session(), patient, today)
    if not (patient.home_approved or forecast.pickups or forecast.prescriptions):
        return None  # doses at the clinic use the clinic's stock: nothing to show yet
    advice = patient_advice(forecast, today)
    return "pharmacy/_start_card.html", {"supply": forecast, "advice": advice,
                                         "call_phone": clinic_phone_if_needed(patient, advice)}


@nurse_patient_section(20)
def supply_section(patient: Patient, today: date):
    forecast = patient_supply(db.session(), patient, today)
    return "pharmacy/_nurse_section.html", {
        "patient": patient, "supply": forecast, "findings": nurse_findings(forecast),
        "confirm_form": ConfirmPrescriptionForm(), "cold_chain_labels": COLD_CHAIN_LABELS,
        "level_labels": LEVEL_LABELS,
    }


@calendar_events(topic="order")
def supply_events(patient: Patient, today: date) -> list[tuple[date, str, str]]:
    """The order-by date and the day to ask for a new H-resept, in the patient's language; dates that
    have passed are left out (the start page warns about those)."""
    forecast = patient_supply(db.session(), patient, today)
    events = []
    with force_locale(patient.user.locale):
        status = forecast.status
        if status is not None and status.order_by is not None:
            # the pharmacy often needs notice to have the drug in stock (facts R4)
            events.append((status.order_by, _("Order natalizumab from the pharmacy"), _(
                "Contact the pharmacy by today, so that they have the medicine in stock before your "
                "syringes run out on %(date)s.", date=format_date(status.run_out, "long"))))
        if forecast.prescription is not None:
            # 6 weeks before the H-resept's 1-year expiry (facts R3)
            events.append((forecast.renewal_on, _("Ask the clinic to renew your H-resept"), _(
                "Your H-resept expires on %(date)s.", date=format_date(forecast.prescription.valid_until, "long"))))
    return [event for event in events if event[0] >= today]


@calendar_events(topic="pickups")
def pickup_events(patient: Patient, today: date) -> list[tuple[date, str, str]]:
    """The day the syringes run out (the first dose that would find fewer than two, facts H1): new ones
    must be picked up by then. Chosen by the patient when making the feed link (issue 12)."""
    forecast = patient_supply(db.session(), patient, today)
    status = forecast.status
    if status is None or status.run_out is None or status.run_out < today:
        return []
    with force_locale(patient.user.locale):
        return [(status.run_out, _("Pick up natalizumab at the pharmacy by today"), _(
            "Your syringes run out on %(date)s: the dose due that day needs new ones.",
            date=format_date(status.run_out, "long")))]
