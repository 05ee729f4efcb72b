"""The safety check before each home dose (facts H6, H7; issue 3).

Like the manufacturer's checklist for doses given outside the clinic: any "yes" means do not inject
now; the answer becomes a symptom report and a flag, `urgent` at least, and the patient waits for
the clinic's call. Sight lost within minutes is the one `emergency`: the patient is sent to 113.
Each question maps to the symptom codes of clinical/symptoms.md that describe it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from webapp.domain.levels import Level


class PreDoseQuestion(StrEnum):
    NEURO_SYMPTOMS = "neuro_symptoms"  # new or worse neurological symptoms over several days (H7; E2)
    FEVER_INFECTION = "fever_infection"  # fever or an infection now (H7; B4)
    REACTION_LAST_DOSE = "reaction_last_dose"  # hives, breathing trouble or swelling after the last dose (H7; B1)
    IMMUNOSUPPRESSANT = "immunosuppressant"  # started another immunosuppressive or cancer treatment (H7; W2, W3)
    PREGNANCY = "pregnancy"  # pregnant or trying (H7; G2, G3)
    # a live vaccine the MS clinic has not approved (W1: live vaccines only with the clinic's approval)
    LIVE_VACCINE = "live_vaccine"
    EYE_SIGHT = "eye_sight"  # eye pain, or sight poorer over the last days (E6: acute retinal necrosis; E2 vision)
    # all or part of the sight gone within minutes: stroke-like, a sudden neuro deficit (symptoms.md
    # "sudden onset" -> emergency; clinical review E8)
    SIGHT_LOST_SUDDENLY = "sight_lost_suddenly"


# Symptom codes (symptoms.md) each "yes" stands for. A live vaccine is not a symptom: it has no code
# in the vocabulary and is carried by the question code alone.
QUESTION_CODES: Mapping[PreDoseQuestion, tuple[str, ...]] = {
    PreDoseQuestion.NEURO_SYMPTOMS: ("ms_symptoms_worse",),
    PreDoseQuestion.FEVER_INFECTION: ("fever",),
    PreDoseQuestion.REACTION_LAST_DOSE: ("hives_widespread", "reaction_after_dose"),
    PreDoseQuestion.IMMUNOSUPPRESSANT: ("new_immunosuppressant",),
    PreDoseQuestion.PREGNANCY: ("pregnancy",),
    PreDoseQuestion.LIVE_VACCINE: (),
    PreDoseQuestion.EYE_SIGHT: ("vision_change", "eye_infection_signs"),
    PreDoseQuestion.SIGHT_LOST_SUDDENLY: ("vision_change",),
}

# Answers that cannot wait for a call: 113 now (symptoms.md: sudden onset of a neuro deficit).
EMERGENCY_QUESTIONS = frozenset({PreDoseQuestion.SIGHT_LOST_SUDDENLY})


@dataclass(frozen=True)
class PreDoseResult:
    go_ahead: bool
    yes: tuple[PreDoseQuestion, ...]
    symptom_codes: tuple[str, ...]
    level: Level  # for the symptom report and the flag; NONE when all answers are no

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(f"predose:{question}" for question in self.yes)


def assess_predose(answers_yes: Iterable[str]) -> PreDoseResult:
    """Any yes stops the dose: the patient waits for the clinic (facts H7, `urgent` at least)."""
    yes = tuple(q for q in PreDoseQuestion if q in set(answers_yes))
    if not yes:
        return PreDoseResult(go_ahead=True, yes=(), symptom_codes=(), level=Level.NONE)
    codes = tuple(dict.fromkeys(code for q in yes for code in QUESTION_CODES[q]))
    # sight lost within minutes -> 113 (clinical review E8); any other yes waits for the clinic's call (H7)
    level = Level.EMERGENCY if EMERGENCY_QUESTIONS.intersection(yes) else Level.URGENT
    return PreDoseResult(go_ahead=False, yes=yes, symptom_codes=codes, level=level)
