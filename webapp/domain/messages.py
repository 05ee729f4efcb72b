"""What a message to the clinic becomes, by what the triage reader found in its words (issue 13).

symptoms.md: a message is read like a symptom report's free text. Emergency and urgent words become a
report and a flag at once ("Levels"); when the app is unsure it "flags for a callback rather than
reassures" ("The app does not diagnose"); anything else waits in the clinic's inbox to be answered
within the clinic's stated working days.
"""

from __future__ import annotations

from dataclasses import dataclass

from .levels import Level

SUBJECT_MAX = 100  # characters; the thread list shows it on one or two lines of a phone
BODY_MAX = 2000  # characters, as a symptom report's free text; longer is refused, never cut (issue 13)

# The reason kept on a report made from a message the reader could not place (symptoms.md: unsure flags).
UNSURE_REASON = "message:unsure"


@dataclass(frozen=True)
class MessageTriage:
    report: bool  # a symptom report and its flag are made from the words
    level: Level  # the report's level (meaningful when `report`)
    reasons: tuple[str, ...]


def triage_message(level: Level | str, reasons, unsure: bool) -> MessageTriage:
    """A message whose words the reader rates emergency or urgent becomes a report (symptoms.md Levels);
    one it is unsure about becomes an urgent report, so that a nurse calls (symptoms.md: "When the app is
    unsure ... it flags for a callback rather than reassures"). The rest only waits for an answer."""
    level = Level(level)
    reasons = tuple(reasons)
    if level.rank >= Level.URGENT.rank:
        return MessageTriage(True, level, reasons)
    if unsure:
        return MessageTriage(True, Level.URGENT, (*reasons, UNSURE_REASON))
    return MessageTriage(False, level, reasons)
