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
    # Issue 15 §4: the patient asked to close her account; an admin confirms on the patient's page.
    "account_closing_requested": _l("Asks to close the account"),
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
    "account": _l("The patient's account"),
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
    # issue 13: outcomes that fit the other kinds of flag
    "tests_ordered": _l("Tests ordered (blood, JCV or MRI)"),
    "referred_to_gp": _l("Referred to the GP or legevakt"),
    "no_action_needed": _l("Nothing more needed"),
    "new_syringes_arranged": _l("New syringes arranged with the pharmacy"),
    "syringes_discarded": _l("Told to return the syringes to the pharmacy, not use them"),
    "prescription_renewed": _l("H-resept renewed"),
    "supply_count_corrected": _l("Syringe count sorted out with the patient"),
    "dose_rescheduled": _l("New dose date agreed"),
}

# Issue 13 (walk defect 12): each kind of flag offers the outcomes that fit it; the next dose can wait
# after any kind (facts §3 "Dose on hold": a nurse's "the next dose waits").
SYMPTOM, PHARMACY, SCHEDULE, MONITORING = "symptom", "pharmacy", "schedule", "monitoring"
OUTCOMES_BY_KIND = {
    SYMPTOM: ("advice_given", "appointment_booked", "tests_ordered", "referred_to_gp", "sent_to_emergency",
              "dose_on_hold", "no_action_needed"),
    # a storage problem: "do not use it; call the pharmacy or clinic" (facts S1 App rule)
    PHARMACY: ("new_syringes_arranged", "syringes_discarded", "prescription_renewed", "supply_count_corrected",
               "advice_given", "dose_on_hold", "no_action_needed"),
    SCHEDULE: ("dose_rescheduled", "appointment_booked", "advice_given", "dose_on_hold", "no_action_needed"),
    MONITORING: ("tests_ordered", "appointment_booked", "advice_given", "dose_on_hold", "no_action_needed"),
}
# Doses logged with one syringe or too early are about the schedule (facts H1, I1).
SCHEDULE_INJECTION_CODES = {"partial_dose", "early_dose"}
EVENT_LABELS = {
    "created": _l("Flag raised"),
    "taken": _l("Taken"),
    "call_no_answer": _l("Called: no answer"),
    "call_reached": _l("Called: reached the patient"),
    "note": _l("Note"),
    "resolved": _l("Resolved"),
    "outcome": _l("Outcome chosen"),
    "outcome_removed": _l("Outcome removed"),
    "handed_over": _l("Handed over"),
    "patient_note": _l("Note for the patient"),
}


def flag_kind(flag: Flag) -> str:
    """Which outcome list fits the flag: symptom, pharmacy, schedule or monitoring."""
    if flag.source == "supply":
        return PHARMACY
    if flag.source == "schedule" or (flag.source == "injection" and flag.code in SCHEDULE_INJECTION_CODES):
        return SCHEDULE
    if flag.source == "monitoring":
        return MONITORING
    return SYMPTOM


def chosen_outcomes(flag: Flag) -> list[str]:
    """The flag's outcomes; a flag stored with one `outcome` only (demo data, older code) has that one."""
    return list(flag.outcomes or ([flag.outcome] if flag.outcome else []))


def outcome_choices(flag: Flag) -> list[tuple[str, str]]:
    """The outcomes offered for this flag, plus any already chosen that the list no longer offers."""
    codes = list(OUTCOMES_BY_KIND[flag_kind(flag)])
    codes += [code for code in chosen_outcomes(flag) if code not in codes and code in OUTCOME_LABELS]
    return [(code, OUTCOME_LABELS[code]) for code in codes]


def flag_what(flag: Flag) -> str:
    label = FLAG_CODE_LABELS.get(flag.code) or FLAG_SOURCE_LABELS.get(flag.source)
    return str(label) if label is not None else flag.code.replace("_", " ")
