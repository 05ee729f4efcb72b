"""Patient words for the symptom codes, groups, questions and reasons (clinical/symptoms.md).

The English text is the en column of symptoms.md and the msgid; the Norwegian translation in the
catalog is the nb column. The rules in domain/triage/ know only the codes.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..domain.levels import Level
from ..domain.triage import BY_CODE
from ..injections.labels import PREDOSE_LABELS

SYMPTOM_LABELS = {
    "breathing_difficulty": _l("Trouble breathing, wheezing or a tight throat"),
    "face_throat_swelling": _l("Swelling of the face, lips, tongue or throat"),
    "chest_pain": _l("Chest pain or pressure"),
    "fainting_collapse": _l("Fainting, collapsing or feeling you are about to pass out"),
    "seizure": _l("A seizure or fit (jerking, passing out)"),
    "sudden_paralysis": _l("Sudden paralysis, drooping face, or suddenly unable to speak"),
    "meningitis_signs": _l("Sudden severe headache with a stiff neck and fever"),
    "hard_to_wake": _l("Very drowsy, hard to wake or not responding normally"),
    "sudden_severe_headache": _l("Sudden, very severe headache (the worst you have ever had)"),
    "limb_weakness": _l("New or worse weakness in an arm or leg"),
    "one_sided_weakness": _l("Weakness on one side of the body"),
    "clumsiness": _l("Clumsy, dropping things, poorer hand control or shaking"),
    "balance_walking": _l("Worse balance or walking, stumbling or falling"),
    "vision_change": _l("Blurred or reduced sight, or part of your vision missing"),
    "double_vision": _l("Seeing double"),
    "speech_problems": _l("Slurred speech or trouble finding words"),
    "confusion": _l("Confused or muddled"),
    "memory_thinking": _l("Worse memory, concentration or thinking"),
    "personality_change": _l("Changed behaviour, mood or personality (often noticed by others)"),
    "numbness_tingling": _l("New numbness, tingling or loss of feeling"),
    "bladder_bowel_control": _l("New trouble controlling bladder or bowels"),
    "swallowing_new": _l("New trouble swallowing (no swelling in the throat)"),
    "ms_symptoms_worse": _l("Your usual MS symptoms clearly worse for more than a day"),
    "fever": _l("Fever of 38 °C or more (also with headache)"),
    "serious_infection": _l("Feeling very ill: shivering, cough with fever or fast breathing"),
    "uti_fever": _l("Burning when peeing with fever or pain in the side of your back"),
    "shingles": _l("Shingles: a painful blistering rash in one area"),
    "eye_infection_signs": _l("Blisters or sores around the eye, or a painful red eye with worse sight"),
    "severe_diarrhoea": _l("Severe diarrhoea for more than two days"),
    "jaundice_dark_urine": _l("Yellow skin or eyes, or dark urine"),
    "liver_pain_vomiting": _l("Pain in the upper stomach with nausea or vomiting that will not stop"),
    "bruising_bleeding": _l("Unusual bruising, tiny red spots on the skin or bleeding that is hard to stop"),
    "hives_widespread": _l("Hives or a rash over large parts of the body"),
    "reaction_after_dose": _l("Itching, flushing, chills or feeling unwell in the hours after the dose"),
    "injection_site_severe": _l("A large, hot, swollen or oozing area where you injected, or spreading redness"),
    "pregnancy": _l("I am pregnant, may be pregnant or am planning a pregnancy"),
    "self_harm_thoughts": _l("Thoughts of harming yourself or ending your life"),
    "new_immunosuppressant": _l("Started cortisone or another immune-suppressing medicine"),
    "injection_site_mild": _l("A little sore, red or a small bruise where you injected"),
    "headache_mild": _l("Headache (ordinary, not sudden or severe)"),
    "fatigue": _l("Tiredness, fatigue"),
    "joint_muscle_pain": _l("Joint or muscle pain"),
    "stomach_upset_mild": _l("Nausea or mild diarrhoea for less than two days"),
    "dizziness_mild": _l("Slightly dizzy for a short while"),
    "cold_no_fever": _l("A cold, sore throat or cough without fever"),
    "uti_no_fever": _l("Burning when peeing, no fever"),
    "cold_sore_lip": _l("Cold sore on the lip (not near the eye)"),
    "low_mood": _l("Low mood or feeling down"),
    "menstrual_changes": _l("Changes in your periods"),
    "known_ms_stable": _l("Your usual MS symptoms, no worse than usual, or only briefly worse in heat or after exertion"),
    "other": _l("Something else (write below)"),
}

# Group headings in patient words, one per category of symptoms.md.
CATEGORY_LABELS = {
    "neuro": _l("Strength, feeling, sight, speech, balance or thinking"),
    "infection": _l("Fever and infections"),
    "allergic": _l("Breathing, swelling, rash or itching"),
    "liver": _l("Yellow skin, dark urine or stomach pain"),
    "bleeding": _l("Bruises and bleeding"),
    "injection_site": _l("Where you injected"),
    "general": _l("Other things"),
}
# The order of the groups on the form: the signs of a relapse or PML first (facts E2, E3).
CATEGORY_ORDER = ("neuro", "infection", "allergic", "liver", "bleeding", "injection_site", "general")
# After an injection the reaction groups come first (issue 3 sends reactions here).
REACTION_CATEGORY_ORDER = ("allergic", "injection_site", "neuro", "infection", "liver", "bleeding", "general")

LEVEL_LABELS = {
    Level.EMERGENCY: _l("Emergency – 113"),
    Level.URGENT: _l("Urgent"),
    Level.ROUTINE: _l("Routine"),
    Level.NONE: _l("No call needed"),
}

# What the patient was told, in short, for lists.
PATIENT_LEVEL_LABELS = {
    Level.EMERGENCY: _l("Told to call 113"),
    Level.URGENT: _l("The clinic calls you"),
    Level.ROUTINE: _l("For the nurse's next review"),
    Level.NONE: _l("Saved"),
}

SOURCE_LABELS = {
    "report": _l("Symptom report"),
    "checklist": _l("Safety check before a dose"),
    "injection_reaction": _l("Reaction after a dose"),
    "message": _l("Message to the clinic"),
}

QUESTION_LABELS = {
    "within_2h": _l("Did it start within 2 hours after an injection?"),
    "sudden_onset": _l("Did it come on suddenly, within seconds or minutes?"),
    "lasted_over_24h": _l("Has it lasted more than 24 hours?"),
    "getting_worse": _l("Is it getting worse over days?"),
    "fever": _l("Do you have a fever of 38 °C or more?"),
}

# Reasons the rules give, in words for the nurse. Item reasons are built from SYMPTOM_LABELS.
REASON_LABELS = {
    "modifier:fever": _l("Fever: at least urgent"),
    "modifier:sudden_onset": _l("Came on suddenly with a neurological symptom: call 113"),
    "modifier:within_2h": _l("Started within 2 hours after an injection"),
    "modifier:over_24h": _l("Lasted more than 24 hours"),
    "modifier:getting_worse": _l("Getting worse over days"),
    "nurse:possible_relapse_or_pml": _l(
        "Neurological symptom over 24 hours: possible relapse or PML, for the clinician to weigh"),
    "nurse:progressive": _l("Neurological symptom getting worse over days: progressive course"),
    "reported_by_other": _l("Noticed by someone else"),
    "injection:severe_reaction": _l("Breathing trouble or swelling reported with the dose"),
    # What the free-text reader found (webapp/domain/triage/weigh.py), for the nurse.
    "text:unplaced": _l("The message describes something the checklist does not name: please read it"),
    "text:learned": _l("The wording resembles symptom messages, though no rule placed it: please read it"),
    "text:question": _l("The message asks about a symptom without saying it is happening"),
    "text:past": _l("The message mentions a symptom in the past"),
    "text:someone_else": _l("The message mentions someone else's illness"),
    "text:cold_chain": _l("The syringes may have been outside 2-8 °C"),
    "text:low_platelets": _l("The message mentions low platelets"),
    "text:liver_tests": _l("The message mentions raised liver tests"),
    "text:severe_headache": _l("A severe headache, not the ordinary kind"),
    "text:truncated": _l("The message was too long to read to the end"),
    # "Don't know" is shown as unknown, not as a stated fact (symptoms.md "Don't know"; walk defect 8).
    "fit:asked": _l("Asked \"Does any of this fit?\": the patient has not chosen"),
    "unsure:within_2h": _l("Started within 2 hours after an injection: (unknown)"),
    "unsure:sudden_onset": _l("Came on suddenly: (unknown)"),
    "unsure:lasted_over_24h": _l("Lasted more than 24 hours: (unknown)"),
    "unsure:getting_worse": _l("Getting worse over days: (unknown)"),
    "unsure:fever": _l("Fever: (unknown)"),
    # What the app found out itself when the answer was unknown.
    "derived:within_2h": _l("A dose was logged in the 24 hours before the report: counted as within 2 hours"),
    "derived:lasted_over_24h": _l("The start date is two or more days back: counted as lasting more than 24 hours"),
    # A follow-up ("How is it now?") answered "worse" raised the report to urgent (issue 12 §4).
    # A message the triage reader could not place becomes an urgent report (issue 13, domain/messages.py).
    "message:unsure": _l("A message the triage reader could not place: please call the patient"),
    "followup_worse": _l("Worse than last report: the patient answered \"worse\" to a follow-up"),
}

# What the clinic did, told to the patient (walk defect 11), by the outcome codes of nurse/flag_labels.py.
PATIENT_OUTCOME_LABELS = {
    "advice_given": _l("The clinic talked to you and gave you advice."),
    "appointment_booked": _l("The clinic has booked an appointment for you."),
    "sent_to_emergency": _l("The clinic sent you to emergency care."),
    "dose_on_hold": _l("Your next dose waits until the clinic has seen you."),
    # issue 13: the outcomes of the other kinds of flag, in the patient's words
    "tests_ordered": _l("The clinic has ordered tests for you."),
    "referred_to_gp": _l("The clinic asked you to see your GP or legevakt."),
    "no_action_needed": _l("The clinic found that nothing more is needed."),
    "new_syringes_arranged": _l("The clinic has arranged new syringes with the pharmacy."),
    "syringes_discarded": _l("Do not use the syringes: take them back to the pharmacy."),
    "prescription_renewed": _l("The clinic has renewed your H-resept."),
    "supply_count_corrected": _l("The clinic has sorted out your syringe count with you."),
    "dose_rescheduled": _l("You and the clinic have agreed a new date for your dose."),
}

# "Does any of this fit?" (issue 11): the group choices, in patient words; the emergency signs are
# offered by their own labels. The mapping to items and levels is in domain/symptom_report.py.
FIT_GROUP_LABELS = {
    "allergic": _l("Breathing, swelling, rash or itching"),
    "neuro": _l("Weakness, numbness, sight, speech or thinking"),
    "infection": _l("Fever or an infection"),
    "pregnancy": _l("Pregnancy"),
    "dark_thoughts": _l("Dark thoughts, or thoughts of harming yourself"),
    "none": _l("None of these"),
}


def symptom_label(code: str) -> str:
    label = SYMPTOM_LABELS.get(code)
    return str(label) if label is not None else code


def reason_text(reason: str) -> str:
    """A reason code of the rules in the reader's language; an unknown one is shown as it is."""
    kind, _sep, value = reason.partition(":")
    if kind == "item" and value in BY_CODE:
        return _("%(symptom)s (%(level)s)", symptom=symptom_label(value), level=LEVEL_LABELS[BY_CODE[value].level])
    if kind == "unknown":
        return _("Not in the checklist: %(code)s", code=value)
    if kind == "predose":
        for question, label in PREDOSE_LABELS.items():
            if question.value == value:
                return _("Safety check: %(answer)s", answer=label)
    if kind == "fit":
        choice = FIT_GROUP_LABELS.get(value) or SYMPTOM_LABELS.get(value)
        if choice is not None:
            return _("Asked \"Does any of this fit?\", the patient chose: %(choice)s", choice=choice)
    label = REASON_LABELS.get(reason)
    return str(label) if label is not None else reason


# The report's answer columns, by question (SymptomReport).
ANSWER_COLUMNS = {"within_2h": "within_2h_of_injection", "sudden_onset": "sudden_onset",
                  "lasted_over_24h": "lasted_over_24h", "getting_worse": "getting_worse", "fever": "fever"}


def answer_known(report, name: str) -> bool | None:
    """The patient's answer to one question: None when it is "don't know" or unanswered (symptoms.md)."""
    if f"unsure:{name}" in (report.reasons or ()):  # reports stored before 0005 kept "don't know" as yes
        return None
    return getattr(report, ANSWER_COLUMNS[name])


def report_answers(report) -> list[tuple[str, str]]:
    """The answers for the nurse: yes, no, or "(unknown)", never an unknown shown as a stated fact."""
    words = {True: _("Yes"), False: _("No"), None: _("(unknown)")}
    return [(str(QUESTION_LABELS[name]), words[answer_known(report, name)]) for name in ANSWER_COLUMNS]


def asked_the_questions(report) -> bool:
    """Made with the symptom form: not the safety check before a dose, nor the severe reaction logged
    with a dose (injections), which never ask the five questions."""
    return report.source != "checklist" and "injection:severe_reaction" not in (report.reasons or ())


def unknown_answers(report) -> list[str]:
    """The questions the patient could not answer, for the timeline."""
    if not asked_the_questions(report):
        return []
    return [str(QUESTION_LABELS[name]) for name in ANSWER_COLUMNS if answer_known(report, name) is None]
