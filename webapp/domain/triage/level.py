"""Stage 5, level: the checklist rules of clinical/symptoms.md, from items and modifiers to a level.

The app never diagnoses. These rules only sort a report into `emergency`, `urgent`, `routine` or
`none`, and always err towards a call: the level of a report is the highest level among its checked
items, its modifiers and its free text, and the free text can raise a level, never lower it.

Input: the patient's `Answers` (checked codes and the modifier questions, each True, False or None for
"don't know") and the reader's `TextFindings` (stage 4, `weigh`). Output: an `Assessment`.
"""

from __future__ import annotations

from dataclasses import dataclass

from webapp.domain.levels import Level
from webapp.domain.triage.vocabulary import BY_CODE, SymptomItem
from webapp.domain.triage.weigh import TextFindings

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


@dataclass(frozen=True)
class Answers:
    """What the patient checked and answered. A modifier is True, False, or None: "don't know" or not
    answered, which never raises a level by itself (symptoms.md, "Don't know")."""

    codes: tuple[str, ...] = ()
    within_2h_of_injection: bool | None = None
    lasted_over_24h: bool | None = None
    getting_worse: bool | None = None
    fever: bool | None = None
    sudden_onset: bool | None = None
    reported_by_other: bool | None = None


def decide(answers: Answers, text: TextFindings) -> Assessment:
    """The level of a report and the reasons for it; the highest of items, modifiers and text."""
    checked = list(dict.fromkeys(str(code) for code in answers.codes))
    all_codes = list(dict.fromkeys([*checked, *text.codes]))
    known = [code for code in all_codes if code in BY_CODE]
    # Only a clear "yes" counts; where the free text answers the question, its answer is used (symptoms.md,
    # "Don't know": "i tre dager", "plutselig i morges").
    mods = {
        "within_2h": answers.within_2h_of_injection is True or text.within_2h_of_injection,
        "over_24h": answers.lasted_over_24h is True or text.lasted_over_24h,
        "getting_worse": answers.getting_worse is True or text.getting_worse,
        "fever": answers.fever is True or text.fever or "fever" in known,
        "sudden_onset": answers.sudden_onset is True or text.sudden_onset,
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
    if answers.reported_by_other is True or text.reported_by_other:
        notes.append("reported_by_other")  # counts as the patient's own: relatives notice PML first (E2)
    levels.extend(text.extra)
    notes.extend(text.notes)
    reasons = [reason for _level, _category, reason in levels] + notes

    if not levels:
        return Assessment(Level.NONE, tuple(dict.fromkeys(reasons)), "none", tuple(all_codes))
    top = Level.highest(level for level, _c, _r in levels)
    # The category of an item that is at the top level by itself comes before one raised there by a modifier
    # ("svimmel og ser dobbelt i fire dager": double vision, neuro) — the right reason (review §2.6.7).
    own = [cat for level, cat, reason in levels
           if level == top and reason.startswith("item:") and BY_CODE[reason[5:]].level == top]
    category = own[0] if own else next(cat for level, cat, _r in levels if level == top)
    ordered_codes = tuple(sorted(all_codes, key=lambda c: _ORDER.get(c, 999)))
    # Only the floor placed it: the text tells of something present that no item names, so the app asks
    # "does any of this fit?" (issue 11; symptoms.md "Floor: never silent").
    unsure = bool({"text:unplaced", "text:learned"} & set(reasons)) and not set(known) - {"other"}
    return Assessment(top, tuple(dict.fromkeys(reasons)), category, ordered_codes, unsure)


_ORDER = {code: n for n, code in enumerate(BY_CODE)}


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
