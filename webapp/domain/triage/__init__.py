"""Symptom triage: how fast a clinician must hear about a report (clinical/symptoms.md).

A report's free text passes the stages of this package in one direction, each module taking the previous
one's output and knowing nothing of the next:

    normalise  ->  mentions  ->  qualify  ->  weigh  ->  level
    tokens,        the lexicon's  negated, past,  symptom codes,   checklist rules:
    Bokmål forms   cues, numbers  someone else's  modifiers, floor  items + modifiers -> level

`vocabulary` holds the checklist; `data/` the language resources (lexicon, word forms, the learned floor's
weights), loaded once at import; `matching` is the cue engine of `mentions`, `learned` the learned floor of
`weigh`. `Assessment.unsure` is True when only the floor placed the text: the app then asks.

Public API
    SYMPTOMS, BY_CODE, CATEGORIES, SymptomItem        the checklist of symptoms.md
    assess(*, codes, within_2h_of_injection, lasted_over_24h, getting_worse, fever, sudden_onset,
           reported_by_other, free_text, lang) -> Assessment
           each modifier is True, False or None ("don't know" / not answered: never raises by itself)
    assess_text(text, lang) -> Assessment              the free text alone (safety net, both languages)
    read_text(text, lang) -> TextFindings              what the text says (stages 1-4)
"""

from __future__ import annotations

from collections.abc import Iterable

from webapp.domain.triage.level import Answers, Assessment, decide
from webapp.domain.triage.mentions import find_mentions
from webapp.domain.triage.normalise import normalise
from webapp.domain.triage.qualify import qualify
from webapp.domain.triage.vocabulary import BY_CODE, CATEGORIES, SYMPTOMS, SymptomItem
from webapp.domain.triage.weigh import TextFindings, weigh

__all__ = [
    "BY_CODE", "CATEGORIES", "SYMPTOMS", "Answers", "Assessment", "SymptomItem", "TextFindings",
    "assess", "assess_text", "read_text",
]


def read_text(text: str, lang: str) -> TextFindings:
    """What the free text says is happening now, in either language; `lang` only breaks ties."""
    return weigh(qualify(find_mentions(normalise(text, lang))))


def assess(
    *,
    codes: Iterable[str] = (),
    within_2h_of_injection: bool | None = None,
    lasted_over_24h: bool | None = None,
    getting_worse: bool | None = None,
    fever: bool | None = None,
    sudden_onset: bool | None = None,
    reported_by_other: bool | None = None,
    free_text: str = "",
    lang: str = "nb",
) -> Assessment:
    """The level of a report and the reasons for it; the highest of items, modifiers and text."""
    answers = Answers(
        codes=tuple(str(code) for code in codes),
        within_2h_of_injection=within_2h_of_injection,
        lasted_over_24h=lasted_over_24h,
        getting_worse=getting_worse,
        fever=fever,
        sudden_onset=sudden_onset,
        reported_by_other=reported_by_other,
    )
    text = read_text(free_text or "", lang) if (free_text or "").strip() else TextFindings()
    return decide(answers, text)


def assess_text(text: str, lang: str) -> Assessment:
    """The free text alone, read in both languages: the safety net behind the checklist."""
    return assess(free_text=text, lang=lang)
