"""What was opened, in the patient's words, for each audit target (the part before any ":id").
A target without a label here is shown as "Your information", never as an endpoint name."""

from __future__ import annotations

from ..i18n import gettext


def _l(message: str) -> str:
    """Marks a label for extraction; `what_was_seen` translates it per request."""
    return message


WHAT = {
    "nurse.patient": _l("Your patient page"),
    "nurse.patients": _l("The clinic's list of patients"),
    "nurse.search": _l("A search in the clinic's list of patients"),
    "nurse.timeline": _l("Your history of doses, symptoms and tests"),
    "nurse.enrolment": _l("Your start of home treatment"),
    "supervised_dose": _l("A dose given at the clinic"),
    "nurse.queue": _l("The clinic's list of reports to follow up"),
    "flag": _l("A report or alert to follow up"),
    "nurse.patient_phone": _l("Your phone number"),
    "nurse.handoff": _l("Your sign-in link and contact details"),
    "messages.inbox": _l("The clinic's list of messages"),
    "messages.thread": _l("Your messages with the clinic"),
    "messages.nurse_new": _l("A new message to you"),
    "photo": _l("A photo you sent"),
    "risk.new_jcv": _l("Your JC virus test results"),
    "risk.new_check": _l("Your check-ups"),
    "risk.edit_factors": _l("Your PML risk factors"),
    "pharmacy.nurse_new_prescription": _l("Your prescriptions (H-resept)"),
    "pharmacy.order_lead_days": _l("When you are asked to order medicine"),
    "export": _l("A copy of your information"),
    "fhir": _l("A copy of your record for the hospital's record system"),
    "api": _l("Your record, read by the hospital's record system"),
    "summary.pdf": _l("A summary of your record as PDF"),
    # issue 15 §5: what a relative did or opened for her
    "relative.symptoms.new": _l("Reported a symptom for you"),
    "relative.symptoms.fit": _l("Reported a symptom for you"),
    "relative.symptoms.answer": _l("The answer to a report made for you"),
    "relative.injections.check": _l("The safety check before your dose"),
    "relative.injections.new": _l("Logged a dose for you"),
    "relative.injections.saved": _l("A dose logged for you"),
    "relative.relatives.helping": _l("That your dose is overdue"),
}
DEFAULT = _l("Your information")


def what_was_seen(target: str) -> str:
    return gettext(WHAT.get(target.split(":", 1)[0], DEFAULT))
