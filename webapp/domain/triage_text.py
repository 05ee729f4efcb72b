"""Reading free text for red flags, in Norwegian Bokmål and English (clinical/symptoms.md).

PLACEHOLDER: the full reader is being written; this one finds nothing, so free text cannot yet
raise a level. `read_text` returns what the rules in triage.py combine with the checked items.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from webapp.domain.levels import Level


@dataclass(frozen=True)
class TextFindings:
    codes: tuple[str, ...] = ()  # symptom codes described as happening now
    within_2h_of_injection: bool = False
    lasted_over_24h: bool = False
    getting_worse: bool = False
    fever: bool = False
    sudden_onset: bool = False
    reported_by_other: bool = False
    # Levels the text gives outside the vocabulary, e.g. (ROUTINE, "general", "text:cold_chain").
    extra: tuple[tuple[Level, str, str], ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()  # reasons that do not change the level, e.g. "text:question"


def read_text(text: str, lang: str) -> TextFindings:
    return TextFindings()
