"""The next dose on hold (clinical/facts.md §3 "Dose on hold").

When an urgent report or a stop in the pre-dose check says "do not take your next dose before you
have talked to the clinic", or a nurse records "the next dose waits", the next dose is on hold
everywhere (start page, logging, guided mode, reminders, calendar feed) until a nurse lifts the hold.
The 8-week rebound flag still runs while a dose is on hold (facts §3; I5).

Pure: plain values in, frozen dataclasses out; no Flask, no database.

Public API
    HoldSource                                     report, predose, nurse
    report_hold_source(level, reasons, source) -> HoldSource | None   does this report hold the dose?
    outcome_holds_dose(outcome) -> bool                               does this nurse outcome hold it?
    HoldRecord(placed_at, source, lifted_at=None)                     one stored hold
    dose_hold_state(holds) -> DoseHoldState                           on hold now, since when, why
    validate_lift_reason(reason) -> list[str]                         a lift needs a reason
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from webapp.domain.levels import Level
from webapp.domain.symptom_report import dose_line_applies

# The nurse's flag outcome «Neste dose venter til pasienten er sett» (nurse/flag_labels.py).
DOSE_ON_HOLD_OUTCOME = "dose_on_hold"
LIFT_REASON_MAX = 500


class HoldSource(StrEnum):
    REPORT = "report"  # an urgent or emergency symptom report (also a reaction after a dose)
    PREDOSE = "predose"  # a "yes" in the safety check before a dose (facts H7)
    NURSE = "nurse"  # a nurse's outcome "the next dose waits"


def report_hold_source(level: Level | str, reasons: Iterable[str], source: str = "report",
                       codes: Iterable[str] = ()) -> HoldSource | None:
    """Whether a stored report puts the next dose on hold, and as what.

    An `urgent` or `emergency` report tells the patient "do not take your next dose before you have
    talked to the clinic" (symptoms.md, Levels) and so holds the dose (facts §3 "Dose on hold").
    Not when its only urgent reason is `self_harm_thoughts`: that answer has no dose line
    (symptoms.md, notes). A stop in the pre-dose check always holds (facts H7).
    """
    if Level(level).rank < Level.URGENT.rank:
        return None
    if source == "checklist":
        return HoldSource.PREDOSE
    return HoldSource.REPORT if dose_line_applies(level, reasons, codes) else None


def outcome_holds_dose(outcome: str | None) -> bool:
    """A nurse's outcome «the next dose waits until the patient is seen» holds the dose (facts §3)."""
    return outcome == DOSE_ON_HOLD_OUTCOME


@dataclass(frozen=True)
class HoldRecord:
    placed_at: datetime
    source: HoldSource | str
    lifted_at: datetime | None = None


@dataclass(frozen=True)
class DoseHoldState:
    """Whether the next dose waits, since when and why. Every place that offers or reminds of a dose
    asks this (start page, logging, guided mode, calendar feed, and any future reminder). It never
    silences the schedule's flags: the 8-week rebound flag still runs while on hold (facts §3, I5)."""

    on_hold: bool
    since: datetime | None = None  # the earliest open hold
    sources: tuple[HoldSource, ...] = ()  # why, oldest first, each once

    @property
    def offers_dose(self) -> bool:
        """Whether the app may offer, log or remind of a dose now."""
        return not self.on_hold


NOT_ON_HOLD = DoseHoldState(on_hold=False)


def dose_hold_state(holds: Iterable[HoldRecord]) -> DoseHoldState:
    """On hold while any hold is not lifted (facts §3: until a nurse lifts the hold)."""
    open_holds = sorted((h for h in holds if h.lifted_at is None), key=lambda h: h.placed_at)
    if not open_holds:
        return NOT_ON_HOLD
    sources = tuple(dict.fromkeys(HoldSource(h.source) for h in open_holds))
    return DoseHoldState(on_hold=True, since=open_holds[0].placed_at, sources=sources)


class LiftProblem(StrEnum):
    REASON_REQUIRED = "reason_required"
    REASON_TOO_LONG = "reason_too_long"


def validate_lift_reason(reason: str | None) -> list[LiftProblem]:
    """A hold is lifted by a nurse with a recorded reason (facts §3: until a nurse lifts the hold)."""
    text = (reason or "").strip()
    if not text:
        return [LiftProblem.REASON_REQUIRED]
    if len(text) > LIFT_REASON_MAX:
        return [LiftProblem.REASON_TOO_LONG]
    return []
