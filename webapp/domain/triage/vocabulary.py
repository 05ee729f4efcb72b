"""The symptom checklist of clinical/symptoms.md: each item's code, category and level.

Codes are stable identifiers (database, tests, translations); the patient's words for them are in
`webapp/symptoms/labels.py`, the reader's words in `data/`.
"""

from __future__ import annotations

from dataclasses import dataclass

from webapp.domain.levels import Level

CATEGORIES = ("neuro", "allergic", "infection", "liver", "bleeding", "injection_site", "general")


@dataclass(frozen=True)
class SymptomItem:
    code: str
    category: str
    level: Level


def _items(level: Level, rows: str) -> tuple[SymptomItem, ...]:
    return tuple(SymptomItem(code, category, level)
                 for code, category in (line.split() for line in rows.strip().splitlines()))


# The vocabulary, code by code, exactly as symptoms.md gives category and level.
SYMPTOMS: tuple[SymptomItem, ...] = (
    *_items(Level.EMERGENCY, """
        breathing_difficulty allergic
        face_throat_swelling allergic
        chest_pain general
        fainting_collapse general
        seizure neuro
        sudden_paralysis neuro
        meningitis_signs infection
        hard_to_wake neuro
        sudden_severe_headache general
    """),
    # urgent, neurological: possible relapse or PML (facts E2, E3, A1)
    *_items(Level.URGENT, """
        limb_weakness neuro
        one_sided_weakness neuro
        clumsiness neuro
        balance_walking neuro
        vision_change neuro
        double_vision neuro
        speech_problems neuro
        confusion neuro
        memory_thinking neuro
        personality_change neuro
        numbness_tingling neuro
        bladder_bowel_control neuro
        swallowing_new neuro
        ms_symptoms_worse neuro
    """),
    # urgent, infection on natalizumab (facts B4, E6)
    *_items(Level.URGENT, """
        fever infection
        serious_infection infection
        uti_fever infection
        shingles infection
        eye_infection_signs infection
        severe_diarrhoea infection
    """),
    # urgent: liver (B5), bleeding (B6), allergic (B1), injection site, pregnancy (G2-G3), other
    *_items(Level.URGENT, """
        jaundice_dark_urine liver
        liver_pain_vomiting liver
        bruising_bleeding bleeding
        hives_widespread allergic
        reaction_after_dose allergic
        injection_site_severe injection_site
        pregnancy general
        self_harm_thoughts general
        new_immunosuppressant general
    """),
    *_items(Level.ROUTINE, """
        injection_site_mild injection_site
        headache_mild general
        fatigue general
        joint_muscle_pain general
        stomach_upset_mild general
        dizziness_mild general
        cold_no_fever infection
        uti_no_fever infection
        cold_sore_lip infection
        low_mood general
        menstrual_changes general
        known_ms_stable neuro
        other general
    """),
)
BY_CODE = {item.code: item for item in SYMPTOMS}
