"""Symptom triage: how fast a clinician must hear about a report (clinical/symptoms.md).

The app never diagnoses. These rules only sort a report into `emergency`, `urgent`, `routine` or
`none`, and always err towards a call: the level of a report is the highest level among its checked
items, its modifiers and its free text, and the free text can raise a level, never lower it.

Public API
    SYMPTOMS: tuple[SymptomItem, ...]     the checklist, in the order and groups of symptoms.md
    CATEGORIES: tuple[str, ...]
    assess(*, codes, within_2h_of_injection, lasted_over_24h, getting_worse, fever, sudden_onset,
           reported_by_other, free_text, lang) -> Assessment
    assess_text(text, lang) -> Assessment       the free text alone (safety net, both languages)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from webapp.domain.levels import Level
from webapp.domain.triage_text import TextFindings, read_text

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

# Items that are emergencies together with fever: confusion or drowsiness (symptoms.md, Fever modifier).
_FEVER_EMERGENCY = {"confusion", "hard_to_wake"}
# A routine item that turns urgent when it lasts over 24 hours (symptoms.md, "Lasted more than 24 hours").
_URGENT_AFTER_24H = {"dizziness_mild", "known_ms_stable"}


@dataclass(frozen=True)
class Assessment:
    level: Level
    reasons: tuple[str, ...]
    category: str  # of the item that decided the level, or "none"
    codes: tuple[str, ...]  # checked and read from the text, in vocabulary order
    # The text seems to describe something present in the patient that no item clearly names: the app
    # asks "does any of this fit?" before the answer (issue 11; symptoms.md "Floor: never silent").
    unsure: bool = False


def assess(
    *,
    codes: Iterable[str] = (),
    within_2h_of_injection: bool = False,
    lasted_over_24h: bool = False,
    getting_worse: bool = False,
    fever: bool = False,
    sudden_onset: bool = False,
    reported_by_other: bool = False,
    free_text: str = "",
    lang: str = "nb",
) -> Assessment:
    """The level of a report and the reasons for it; the highest of items, modifiers and text."""
    checked = list(dict.fromkeys(str(code) for code in codes))
    text = read_text(free_text or "", lang) if (free_text or "").strip() else TextFindings()
    all_codes = list(dict.fromkeys([*checked, *text.codes]))
    known = [code for code in all_codes if code in BY_CODE]
    mods = {
        "within_2h": within_2h_of_injection or text.within_2h_of_injection,
        "over_24h": lasted_over_24h or text.lasted_over_24h,
        "getting_worse": getting_worse or text.getting_worse,
        "fever": fever or text.fever or "fever" in known,
        "sudden_onset": sudden_onset or text.sudden_onset,
    }
    levels: list[tuple[Level, str, str]] = []  # (level, category, reason): each can decide the level
    notes: list[str] = []  # reasons that explain without deciding
    for code in known:
        item = BY_CODE[code]
        levels.append((_item_level(item, mods), item.category, f"item:{code}"))
    for code in all_codes:
        if code not in BY_CODE:
            # An item we cannot place is never ignored: a nurse looks at it (symptoms.md, "unsure").
            levels.append((Level.ROUTINE, "general", f"unknown:{code[:40]}"))
    if mods["fever"]:
        # Any report with fever is at least urgent: infection on natalizumab matters (facts B4, H7).
        fever_level = Level.URGENT
        if _FEVER_EMERGENCY & set(known) or "meningitis_signs" in known:
            fever_level = Level.EMERGENCY  # fever with confusion or drowsiness (symptoms.md)
        levels.append((fever_level, "infection", "modifier:fever"))
    neuro = [code for code in known if BY_CODE[code].category == "neuro" and code != "known_ms_stable"]
    if mods["sudden_onset"] and neuro:
        # A neuro deficit that came on in seconds or minutes is stroke-like: call 113 (symptoms.md).
        levels.append((Level.EMERGENCY, "neuro", "modifier:sudden_onset"))
    notes.extend(f"modifier:{name}" for name in ("within_2h", "over_24h", "getting_worse") if mods[name])
    if neuro and mods["over_24h"]:
        notes.append("nurse:possible_relapse_or_pml")  # for the nurse to weigh (facts A1, E3)
    if neuro and mods["getting_worse"]:
        notes.append("nurse:progressive")  # PML typically progresses over days to weeks (facts E2)
    if reported_by_other or text.reported_by_other:
        notes.append("reported_by_other")  # counts as the patient's own: relatives notice PML first (E2)
    levels.extend(text.extra)
    notes.extend(text.notes)
    reasons = [reason for _level, _category, reason in levels] + notes

    if not levels:
        return Assessment(Level.NONE, tuple(dict.fromkeys(reasons)), "none", tuple(all_codes))
    top = Level.highest(level for level, _c, _r in levels)
    category = next(cat for level, cat, _r in levels if level == top)
    ordered_codes = tuple(sorted(all_codes, key=lambda c: list(BY_CODE).index(c) if c in BY_CODE else 999))
    return Assessment(top, tuple(dict.fromkeys(reasons)), category, ordered_codes)


def _item_level(item: SymptomItem, mods: dict[str, bool]) -> Level:
    level = item.level
    if level == Level.ROUTINE:
        # Itching, rash, dizziness, nausea, headache within 2 hours of a dose: a possible reaction (B1).
        if mods["within_2h"] and item.category in ("allergic", "general"):
            level = Level.URGENT
        # Dizziness or the usual MS symptoms lasting over a day may be a relapse (facts A1).
        if mods["over_24h"] and item.code in _URGENT_AFTER_24H:
            level = Level.URGENT
        # Anything getting worse over days needs a call (symptoms.md, "Getting worse").
        if mods["getting_worse"]:
            level = Level.URGENT
    return level


def assess_text(text: str, lang: str) -> Assessment:
    """The free text alone, read in both languages: the safety net behind the checklist."""
    return assess(free_text=text, lang=lang)
