"""Follow-ups: "How is it now?" on the days after a symptom report (issue 12 §4).

In the trials where symptom monitoring helped, the system followed up instead of waiting for the patient
(issue 12: Basch 2016/2017, Denis 2017). A routine or urgent report the clinic has not closed gets the
question the next day, at most three days in a row; "worse" hands it to the nurse, "gone" closes it for
the patient.

Pure: plain values in, plain values out; no Flask, no database.

Public API
    Answer                                   better, same, worse, gone
    ReportFacts(...)                         what the rules need to know about one report
    due_followup(report, now) -> int | None  the number (1..3) to ask now, if any
    ask_moment(reported_on, number)          when follow-up `number` is asked (aware, Oslo 10:00)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from webapp.domain.clock import OSLO, local_date
from webapp.domain.levels import Level

# Issue 12 §4: "the next day, up to three days".
MAX_FOLLOWUPS = 3
# Asked at 10:00 Oslo time: well outside the default quiet hours (22–07, issue 12 §3) and after the
# morning's dose reminders, so that the question does not come with them.
ASK_AT = time(10, 0)

# Issue 12 §4: "a routine or urgent report". An emergency report told the patient to call 113 now
# (symptoms.md, Levels): a "how is it now?" the next day would read as if waiting had been fine.
# A report at level none has nothing for the nurse, so nothing to follow up.
FOLLOWED_LEVELS = frozenset({Level.ROUTINE, Level.URGENT})
# What the patient reported as a symptom (the form, or a reaction after a dose). A stop in the safety
# check before a dose (source "checklist") is about the next dose and waits for the clinic's call (facts
# H7); questions such as pregnancy or a new medicine do not get better or worse, so it is not asked.
FOLLOWED_SOURCES = frozenset({"report", "injection_reaction"})


class Answer(StrEnum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"  # raises the report to urgent and flags it: the nurse takes it from there (issue 12 §4)
    GONE = "gone"  # closes the report for the patient (issue 12 §4)


# Answers after which nothing more is asked about the report (issue 12 §4).
STOPPING = frozenset({Answer.WORSE, Answer.GONE})


@dataclass(frozen=True)
class ReportFacts:
    level: Level | str
    source: str
    reported_at: datetime  # aware
    followups_off: bool = False  # a nurse switched them off for this report (issue 12 §4)
    closed_by_patient: bool = False  # the patient answered "gone"
    # Whether the clinic closed it: the report has a flag and every flag on it is resolved.
    clinic_resolved: bool = False
    asked: tuple[int, ...] = ()  # numbers asked already
    answers: tuple[str, ...] = ()  # the answers given so far, any order


def ask_moment(reported_on: date, number: int) -> datetime:
    """When follow-up `number` is asked: 10:00 Oslo time, `number` days after the day of the report.
    Built from the wall clock, so it is 10:00 on either side of a daylight-saving change."""
    return datetime.combine(reported_on + timedelta(days=number), ASK_AT, tzinfo=OSLO)


def is_followed(report: ReportFacts) -> bool:
    """Whether the report gets follow-ups at all, now or later."""
    if Level(report.level) not in FOLLOWED_LEVELS or report.source not in FOLLOWED_SOURCES:
        return False
    if report.followups_off or report.closed_by_patient or report.clinic_resolved:
        return False  # switched off by the nurse, "gone", or closed by the clinic (issue 12 §4)
    return not any(answer in STOPPING for answer in report.answers)


def due_followup(report: ReportFacts, now: datetime) -> int | None:
    """The follow-up to ask at `now`, or None.

    Day n after the report (Oslo calendar days) is follow-up n, asked from 10:00 on; days 1 to 3 only.
    A day the clock missed is not caught up later (a question a day late would pile on the next one);
    an unanswered question does not stop the next day's (the patient may simply not have looked).
    """
    if not is_followed(report):
        return None
    number = (local_date(now) - local_date(report.reported_at)).days
    if not 1 <= number <= MAX_FOLLOWUPS or number in report.asked:
        return None
    if now < ask_moment(local_date(report.reported_at), number):
        return None
    return number


def latest_open(asked: Iterable[tuple[int, str | None]]) -> int | None:
    """The number the patient can answer now: the newest question, if it has no answer yet."""
    rows = sorted(asked)
    if not rows:
        return None
    number, answer = rows[-1]
    return number if answer is None else None
