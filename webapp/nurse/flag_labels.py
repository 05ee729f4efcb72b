"""Words for flags: what raised them, their steps and outcomes (issue 4). The codes live in the models
and the rules; a feature that raises a new kind of flag adds its label to FLAG_CODE_LABELS."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..models import Flag, FlagStatus

FLAG_CODE_LABELS = {
    "symptom_report": _l("Symptom report"),
    "checklist_report": _l("Safety check before a dose: do not inject"),
    "injection_reaction_report": _l("Reaction after a dose"),
    "message_report": _l("Message to the clinic"),  # issue 13: the triage reader found urgent words
    "rebound_risk": _l("More than 8 weeks since the last dose: rebound risk"),
    "partial_dose": _l("Partial dose: only one syringe"),
    "early_dose": _l("Early dose: less than 3 weeks after the one before"),
    # A follow-up ("How is it now?") answered "worse" (issue 12 §4).
    "followup_worse": _l("Worse than last report"),
}
# When a code has no label of its own, the source says where the flag came from.
FLAG_SOURCE_LABELS = {
    "symptom": _l("Symptom report"),
    "checklist": _l("Safety check before a dose"),
    "injection_reaction": _l("Reaction after a dose"),
    "injection": _l("Injection"),
    "schedule": _l("Dose schedule"),
    "supply": _l("Supply and prescriptions"),
    "monitoring": _l("Monitoring"),
    "followup": _l("Follow-up after a report"),
    "message": _l("Message to the clinic"),
}
STATUS_LABELS = {
    FlagStatus.OPEN: _l("Waiting"),
    FlagStatus.IN_PROGRESS: _l("In progress"),
    FlagStatus.RESOLVED: _l("Resolved"),
}
OUTCOME_LABELS = {
    "advice_given": _l("Advice given"),
    "appointment_booked": _l("Appointment booked"),
    "sent_to_emergency": _l("Sent to emergency care"),
    "dose_on_hold": _l("Next dose on hold until seen"),
}
EVENT_LABELS = {
    "created": _l("Flag raised"),
    "taken": _l("Taken"),
    "call_no_answer": _l("Called: no answer"),
    "call_reached": _l("Called: reached the patient"),
    "note": _l("Note"),
    "resolved": _l("Resolved"),
}


def flag_what(flag: Flag) -> str:
    label = FLAG_CODE_LABELS.get(flag.code) or FLAG_SOURCE_LABELS.get(flag.source)
    return str(label) if label is not None else flag.code.replace("_", " ")
