"""The rules around a symptom report that are not the reader's: what "don't know" means, the
"does any of this fit?" choices, and which extra lines the answer page shows (clinical/symptoms.md).

Pure Python: no Flask, no database. The level itself still comes from `triage.assess`; this module
only prepares its inputs (derived modifiers) and reads its output (the answer's lines).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from webapp.domain.levels import Level
from webapp.domain.triage import BY_CODE, SYMPTOMS, assess

# symptoms.md "Don't know": a dose logged in the 24 hours before the report counts as "within 2 hours".
DOSE_WINDOW = timedelta(hours=24)

EMERGENCY_CODES: tuple[str, ...] = tuple(item.code for item in SYMPTOMS if item.level == Level.EMERGENCY)


@dataclass(frozen=True)
class Modifiers:
    """The five modifiers as the rules get them (True/False/None), and which were found out by the app."""

    within_2h: bool | None
    sudden_onset: bool | None
    lasted_over_24h: bool | None
    getting_worse: bool | None
    fever: bool | None
    derived: tuple[str, ...] = ()  # reasons for the nurse, e.g. "derived:within_2h"


def derive_modifiers(answers: dict[str, bool | None], *, started_on: date | None, today: date,
                     last_dose_at: datetime | None, now: datetime) -> Modifiers:
    """symptoms.md "Don't know and unanswered questions": an unknown answer never raises the level by
    itself; the app finds out what it can. A clear yes or no from the patient is kept as it is."""
    derived: list[str] = []
    within_2h = answers.get("within_2h")
    if within_2h is None and last_dose_at is not None and timedelta(0) <= now - last_dose_at <= DOSE_WINDOW:
        within_2h = True  # "counts as yes when a dose was logged in the 24 hours before the report"
        derived.append("derived:within_2h")
    lasted = answers.get("lasted_over_24h")
    if lasted is None and started_on is not None and started_on <= today:
        # "lasted more than 24 hours follows the start date": two days back is surely over 24 hours,
        # today surely not; yesterday may be either, so it stays unknown.
        days = (today - started_on).days
        if days >= 2:
            lasted = True
            derived.append("derived:lasted_over_24h")
        elif days == 0:
            lasted = False
    # "sudden onset needs a clear yes or words in the text"; getting worse and fever: only the patient
    # or the text says so (the reader reads the text inside assess()).
    return Modifiers(within_2h, answers.get("sudden_onset"), lasted, answers.get("getting_worse"),
                     answers.get("fever"), tuple(derived))


# ---------------------------------------------------------------- "Does any of this fit?"
# Issue 11: when the reader hears something present that it cannot name (Assessment.unsure), the
# patient picks from big choices before the answer. Each choice maps to what symptoms.md says about it:
#   - an emergency sign is its own emergency item (symptoms.md Items, emergency) -> 113;
#   - "breathing, swelling, rash or itching" is the `allergic` category; its emergency signs are offered
#     one by one above it, and its other items (hives_widespread, reaction_after_dose) are all urgent;
#   - "strength, feeling, sight, speech or thinking" is the `neuro` category: possible relapse or PML,
#     every such item is urgent (symptoms.md "urgent — neurological");
#   - "fever or an infection": the `infection` items are urgent, and fever makes any report at least
#     urgent (Modifiers, Fever); the answer then says a doctor should see it today (Levels, Infection);
#   - pregnancy is the `pregnancy` item (urgent, facts G2-G3);
#   - dark thoughts are `self_harm_thoughts` (urgent, with its own answer; a passive wish to be dead is
#     this item, not low_mood: symptoms.md Notes);
#   - "none of these" keeps the report at least routine so that a nurse reads it (Free text, "Floor:
#     never silent").
FIT_GROUPS: dict[str, tuple[tuple[str, ...], Level, str]] = {
    # choice: (item codes added, the least level, category)
    "allergic": ((), Level.URGENT, "allergic"),
    "neuro": ((), Level.URGENT, "neuro"),
    "infection": ((), Level.URGENT, "infection"),
    "pregnancy": (("pregnancy",), Level.URGENT, "general"),
    "dark_thoughts": (("self_harm_thoughts",), Level.URGENT, "general"),
    "none": ((), Level.ROUTINE, "general"),
}
FIT_CHOICES: tuple[str, ...] = (*EMERGENCY_CODES, *FIT_GROUPS)
# The report is stored before the question, at the level the reader gave (at least routine: the floor), so
# that nothing written is lost if the patient stops there; this reason marks it until the choice comes.
FIT_ASKED = "fit:asked"


@dataclass(frozen=True)
class FitEffect:
    codes: tuple[str, ...]  # item codes the choice adds to the report
    floor: Level  # the report is at least this
    reason: str  # "fit:<choice>", kept in the reasons so the nurse sees what was chosen


def fit_effect(choice: str) -> FitEffect | None:
    """What a choice on the "does any of this fit?" screen adds; None for anything that is not a choice."""
    if choice in EMERGENCY_CODES:
        return FitEffect((choice,), Level.EMERGENCY, f"fit:{choice}")
    if choice in FIT_GROUPS:
        codes, floor, _category = FIT_GROUPS[choice]
        return FitEffect(codes, floor, f"fit:{choice}")
    return None


def should_ask_fit(level: Level, unsure: bool) -> bool:
    """Ask only when the reader is unsure and the answer is not 113 already (113 must not wait)."""
    return unsure and level != Level.EMERGENCY


# ---------------------------------------------------------------- the answer page's extra lines
# Reasons that explain a level without deciding it on their own: items are weighed one by one, the
# modifiers through them, and the rest are notes for the nurse (triage.assess, the text reader, this module).
_EXPLAINING_PREFIXES = ("item:", "unknown:", "nurse:", "unsure:", "derived:")
_EXPLAINING = {"modifier:within_2h", "modifier:over_24h", "modifier:getting_worse", "reported_by_other",
               "text:question", "text:past", "text:someone_else", "text:truncated", "text:unplaced",
               "text:cold_chain", "text:learned", "fit:none", "fit:dark_thoughts", "fit:asked",
               # "worse" in a follow-up (issue 12 §4) makes a report urgent, but what it is about is in the
               # report's own items: self-harm thoughts that got worse still have no dose line (Notes).
               "followup_worse"}


@dataclass(frozen=True)
class AnswerLines:
    infection_doctor_today: bool = False  # symptoms.md Levels, "Infection: a doctor today" (review E1)
    red_eye: bool = False  # the same section, for eye_infection_signs (facts E6)
    self_harm: bool = False  # 113, Mental Helse 116 123, GP or legevakt today (symptoms.md Notes)
    dose_line: bool = True  # "Do not take your next dose…" (symptoms.md Levels, urgent)
    measure_temperature: bool = False  # fever unknown (symptoms.md "Don't know")


def _items(reasons: Iterable[str], codes: Iterable[str]) -> set[str]:
    found = {r.partition(":")[2] for r in reasons if r.startswith("item:")}
    return (found | set(codes)) & set(BY_CODE)


def dose_line_applies(level: Level | str, reasons: Iterable[str], codes: Iterable[str] = ()) -> bool:
    """Whether the answer says "do not take your next dose before you have talked to the clinic" — and so
    whether the report holds the next dose (facts §3 "Dose on hold"). Every urgent or emergency report
    does, except one whose only urgent reason is `self_harm_thoughts`: the dose line has nothing to do
    with these thoughts (symptoms.md Notes; review E17). One rule for the answer page and the hold."""
    level = Level(level)
    if level.rank < Level.URGENT.rank:
        return False
    reasons = set(reasons)
    items = _items(reasons, codes)
    if level == Level.EMERGENCY or "self_harm_thoughts" not in items:
        return True
    # It stays when anything else is urgent: another item at urgent with the report's modifiers (asked of
    # the rules themselves), or any reason that decides a level and is not self-harm.
    mods = {"within_2h_of_injection": "modifier:within_2h" in reasons,
            "lasted_over_24h": "modifier:over_24h" in reasons, "getting_worse": "modifier:getting_worse" in reasons}
    others = items - {"self_harm_thoughts"}
    if any(assess(codes=[code], **mods).level.rank >= Level.URGENT.rank for code in others):
        return True
    # Anything not known to only explain a level counts (when unsure, the dose waits for the call).
    deciding = {r for r in reasons if not r.startswith(_EXPLAINING_PREFIXES) and r not in _EXPLAINING}
    return bool(deciding)


def answer_lines(level: Level | str, reasons: Sequence[str], codes: Sequence[str],
                 fever_answer: bool | None) -> AnswerLines:
    level = Level(level)
    items = _items(reasons, codes)
    urgent = level == Level.URGENT
    dose_line = dose_line_applies(level, reasons, codes)
    reasons = set(reasons)
    infection = any(BY_CODE[c].category == "infection" and BY_CODE[c].level != Level.ROUTINE for c in items)
    infection = infection or "modifier:fever" in reasons or "fit:infection" in reasons
    self_harm = "self_harm_thoughts" in items
    # Not beside the self-harm help alone: a thermometer has nothing to do with these thoughts either.
    measure = (fever_answer is None and "modifier:fever" not in reasons and "fever" not in items
               and level in (Level.URGENT, Level.ROUTINE) and not (urgent and self_harm and not dose_line))
    return AnswerLines(
        infection_doctor_today=urgent and infection,
        red_eye=urgent and "eye_infection_signs" in items,
        self_harm=self_harm and level != Level.EMERGENCY,
        dose_line=dose_line,
        measure_temperature=measure,
    )
