"""The four levels every report and flag is sorted into (DESIGN.md, clinical/symptoms.md)."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """How fast a clinician must hear about something. The app never diagnoses; it only sorts."""

    EMERGENCY = "emergency"  # call 113 now
    URGENT = "urgent"  # the clinic calls within one working day
    ROUTINE = "routine"  # seen at the nurse's next review
    NONE = "none"  # saved, nothing for the nurse

    @property
    def rank(self) -> int:
        return _RANK[self]

    def at_least(self, other: Level) -> Level:
        """The higher of two levels: a rule may raise a level, never lower it."""
        return self if self.rank >= other.rank else other

    @staticmethod
    def highest(levels) -> Level:
        result = Level.NONE
        for level in levels:
            result = result.at_least(Level(level))
        return result


_RANK = {Level.NONE: 0, Level.ROUTINE: 1, Level.URGENT: 2, Level.EMERGENCY: 3}
