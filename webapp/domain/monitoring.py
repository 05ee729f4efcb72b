"""The clinic's monitoring calendar during natalizumab treatment (clinical/facts.md section 6).

The clinic does the checks; the app shows when each kind is next due. The rules, for each kind:

- "every N months" and "after N months" are calendar months (python-dateutil's relativedelta):
  31 August + 6 months is 28 February, or 29 February in a leap year; 29 February + 12 months is
  28 February. Timed checks count from the treatment start (the first natalizumab dose), periodic
  ones from the last one recorded.
- A check dated after `today` is not counted: it has not been done yet.
- Status: "overdue" from the day after the due date; "due_soon" from DUE_SOON_DAYS before it up to
  and including the due date; "scheduled" before that; "done" when nothing more is scheduled.
- A timed check ("after 6 months") counts when done from its due-soon window onwards: once the
  app has said "due soon", doing it settles it. The MRI rebaseline counts from 3 months (facts M5).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

from dateutil.relativedelta import relativedelta

from webapp.domain.levels import Level
from webapp.domain.pml_risk import JcvBand, jcv_band, jcv_retest_due
from webapp.domain.schedule import DEFAULT_INTERVAL_WEEKS, interval_days

# four weeks' notice: one standard dose interval, so the reminder shows at the dose before (facts I1)
DUE_SOON_DAYS: Final = 4 * 7

SIX_MONTHS: Final = relativedelta(months=6)
TWELVE_MONTHS: Final = relativedelta(months=12)
# MRI "rebaseline" after 3–6 months: due at 6, counted from 3 (facts M5)
REBASELINE_WINDOW_OPENS: Final = relativedelta(months=3)

# blood tests before doses 1, 2, 3 and 6 (facts M1)
BLOOD_TEST_DOSES: Final = (1, 2, 3, 6)


class CheckKind(StrEnum):
    BLOOD_TESTS = "blood_tests"  # facts M1
    NEUTRALISING_ANTIBODIES = "neutralising_antibodies"  # NAb, facts M2
    JCV_ANTIBODIES = "jcv_antibodies"  # with index, facts M3
    CLINICAL_CHECK = "clinical_check"  # with EDSS, facts M4
    MRI = "mri"  # of the head, facts M5


class DueStatus(StrEnum):
    DONE = "done"
    SCHEDULED = "scheduled"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


class DueReason(StrEnum):
    """Why the check is due then: a code the page translates."""

    BEFORE_TREATMENT_START = "before_treatment_start"
    BEFORE_DOSE_1 = "before_dose_1"
    BEFORE_DOSE_2 = "before_dose_2"
    BEFORE_DOSE_3 = "before_dose_3"
    BEFORE_DOSE_6 = "before_dose_6"
    EVERY_6_MONTHS = "every_6_months"
    AFTER_6_MONTHS = "after_6_months"
    AFTER_12_MONTHS = "after_12_months"
    YEARLY = "yearly"
    MRI_REBASELINE = "mri_rebaseline_3_to_6_months"
    MRI_EVERY_6_MONTHS_INDEX_0_9_TO_1_5 = "mri_every_6_months_index_0_9_to_1_5"
    MRI_EVERY_6_MONTHS_INDEX_UNKNOWN = "mri_every_6_months_index_unknown"
    MRI_EVERY_3_TO_6_MONTHS_RAISED_RISK = "mri_every_3_to_6_months_raised_risk"
    MRI_EVERY_3_TO_6_MONTHS_JCV_POSITIVE = "mri_every_3_to_6_months_jcv_positive"


_BEFORE_DOSE: Final = {
    1: DueReason.BEFORE_DOSE_1,
    2: DueReason.BEFORE_DOSE_2,
    3: DueReason.BEFORE_DOSE_3,
    6: DueReason.BEFORE_DOSE_6,
}


@dataclass(frozen=True, slots=True)
class RecordedCheck:
    """A check the clinic has recorded as done."""

    kind: CheckKind
    done_on: date


@dataclass(frozen=True, slots=True)
class CheckDue:
    kind: CheckKind
    due_on: date | None  # None only when the status is DONE
    status: DueStatus
    basis: str  # the fact in clinical/facts.md, e.g. "M3"
    reason: DueReason
    nurse_flag: Level = Level.NONE


def monitoring_schedule(
    *,
    treatment_start: date,
    doses_given: Iterable[date],
    checks_done: Iterable[RecordedCheck],
    jcv_positive: bool | None,
    jcv_index: float | None,
    prior_immunosuppressant: bool,
    today: date,
    dose_interval_weeks: int = DEFAULT_INTERVAL_WEEKS,
) -> tuple[CheckDue, ...]:
    """When each kind of check is next due, in the order of facts M1–M5.

    treatment_start is the first natalizumab dose (IV or SC); doses_given are the dates of doses
    given (Oslo days, schedule.dose_day), with or without the first. dose_interval_weeks plans the
    doses not yet given (facts I1 and section 3, App rule). jcv_positive is None when no JCV result
    is known. Raises ValueError for a dose dated before the treatment start or an interval below a week.
    """
    step_days = interval_days(dose_interval_weeks)
    doses = sorted(set(doses_given))
    if doses and doses[0] < treatment_start:
        raise ValueError("a dose is dated before the treatment start")
    # dose 1 is the treatment start; later doses count once they have been given
    dose_dates = [d for d in doses if treatment_start < d <= today]
    if treatment_start <= today:
        dose_dates.insert(0, treatment_start)
    done: dict[CheckKind, list[date]] = {kind: [] for kind in CheckKind}
    for check in checks_done:
        if check.done_on <= today:
            done[check.kind].append(check.done_on)

    return (
        _blood_tests(treatment_start, dose_dates, done[CheckKind.BLOOD_TESTS], today, step_days),
        _neutralising_antibodies(treatment_start, done[CheckKind.NEUTRALISING_ANTIBODIES], today),
        _jcv_antibodies(treatment_start, done[CheckKind.JCV_ANTIBODIES], today),
        _clinical_check(treatment_start, done[CheckKind.CLINICAL_CHECK], today),
        _mri(
            treatment_start,
            done[CheckKind.MRI],
            today,
            jcv_positive=jcv_positive,
            jcv_index=jcv_index,
            prior_immunosuppressant=prior_immunosuppressant,
        ),
    )


def due_status(due_on: date, today: date) -> DueStatus:
    if today > due_on:
        return DueStatus.OVERDUE
    if today >= due_on - timedelta(days=DUE_SOON_DAYS):
        return DueStatus.DUE_SOON
    return DueStatus.SCHEDULED


def _due(kind: CheckKind, due_on: date, today: date, basis: str, reason: DueReason) -> CheckDue:
    return CheckDue(kind=kind, due_on=due_on, status=due_status(due_on, today), basis=basis, reason=reason)


def _blood_tests(
    treatment_start: date, dose_dates: list[date], tests: list[date], today: date, step_days: int
) -> CheckDue:
    # blood tests before doses 1, 2, 3 and 6, then every 6 months (facts M1)
    given = len(dose_dates)

    def dose_date(number: int) -> date:
        if number <= given:
            return dose_dates[number - 1]
        # a dose not yet given is planned one interval after the last (facts section 3, App rule)
        last, steps = (dose_dates[-1], number - given) if dose_dates else (treatment_start, number - 1)
        return last + timedelta(days=step_days * steps)

    for number in BLOOD_TEST_DOSES:
        if number <= given:
            continue  # that dose has been given: a test before it can no longer be taken
        # only the next dose's test can be done already: one taken after the last dose given
        # (on the day of a dose, the test belongs to that dose: it is taken before the injection)
        taken = number == given + 1 and any(given == 0 or test > dose_dates[-1] for test in tests)
        if not taken:
            return _due(CheckKind.BLOOD_TESTS, dose_date(number), today, "M1", _BEFORE_DOSE[number])
    if not tests:
        # dose 6 given without any test recorded: due since dose 6
        return _due(CheckKind.BLOOD_TESTS, dose_date(6), today, "M1", DueReason.BEFORE_DOSE_6)
    return _due(CheckKind.BLOOD_TESTS, max(tests) + SIX_MONTHS, today, "M1", DueReason.EVERY_6_MONTHS)


def _counts_from(due_on: date) -> date:
    # a timed check settles its due date when done in its due-soon window or later (module docstring)
    return due_on - timedelta(days=DUE_SOON_DAYS)


def _neutralising_antibodies(treatment_start: date, tests: list[date], today: date) -> CheckDue:
    # NAb after 6 and 12 months; later only on suspected treatment failure or allergy (facts M2),
    # which the clinic orders itself: nothing more is scheduled after the 12-month test
    at_6, at_12 = treatment_start + SIX_MONTHS, treatment_start + TWELVE_MONTHS
    if any(test >= _counts_from(at_12) for test in tests):
        return CheckDue(
            CheckKind.NEUTRALISING_ANTIBODIES, None, DueStatus.DONE, "M2", DueReason.AFTER_12_MONTHS
        )
    if any(test >= _counts_from(at_6) for test in tests):
        return _due(CheckKind.NEUTRALISING_ANTIBODIES, at_12, today, "M2", DueReason.AFTER_12_MONTHS)
    return _due(CheckKind.NEUTRALISING_ANTIBODIES, at_6, today, "M2", DueReason.AFTER_6_MONTHS)


def jcv_antibodies_due(treatment_start: date, tests: Iterable[date], today: date) -> CheckDue:
    """The JCV row of the calendar on its own, for the daily checks: it depends on neither the doses
    nor the other checks. Tests dated after today are not counted (module docstring)."""
    return _jcv_antibodies(treatment_start, [test for test in tests if test <= today], today)


def _jcv_antibodies(treatment_start: date, tests: list[date], today: date) -> CheckDue:
    if tests:
        # JCV antibodies with index every 6 months (facts M3); the same date as pml_risk.risk_status
        due_on, reason = jcv_retest_due(max(tests)), DueReason.EVERY_6_MONTHS
    else:
        # JCV antibodies answered before the start (facts section 6, "Before start")
        due_on, reason = treatment_start, DueReason.BEFORE_TREATMENT_START
    due = _due(CheckKind.JCV_ANTIBODIES, due_on, today, "M3", reason)
    if due.status is DueStatus.OVERDUE:
        # a JCV result older than 6 months is overdue and flagged to the nurse, routine
        # (facts section 6, App rule)
        return replace(due, nurse_flag=Level.ROUTINE)
    return due


def _clinical_check(treatment_start: date, checks: list[date], today: date) -> CheckDue:
    # clinical check with EDSS after 6 months, then yearly (facts M4)
    at_6 = treatment_start + SIX_MONTHS
    counted = [check for check in checks if check >= _counts_from(at_6)]
    if not counted:
        return _due(CheckKind.CLINICAL_CHECK, at_6, today, "M4", DueReason.AFTER_6_MONTHS)
    return _due(CheckKind.CLINICAL_CHECK, max(counted) + TWELVE_MONTHS, today, "M4", DueReason.YEARLY)


def _mri(
    treatment_start: date,
    scans: list[date],
    today: date,
    *,
    jcv_positive: bool | None,
    jcv_index: float | None,
    prior_immunosuppressant: bool,
) -> CheckDue:
    # MRI "rebaseline" after 3–6 months (facts M5); a scan before 3 months is the baseline before start
    counted = [scan for scan in scans if scan >= treatment_start + REBASELINE_WINDOW_OPENS]
    if not counted:
        return _due(CheckKind.MRI, treatment_start + SIX_MONTHS, today, "M5", DueReason.MRI_REBASELINE)
    interval, reason = _mri_interval(
        jcv_positive=jcv_positive, jcv_index=jcv_index, prior_immunosuppressant=prior_immunosuppressant
    )
    return _due(CheckKind.MRI, max(counted) + interval, today, "M5", reason)


def _mri_interval(
    *, jcv_positive: bool | None, jcv_index: float | None, prior_immunosuppressant: bool
) -> tuple[relativedelta, DueReason]:
    if not jcv_positive:
        # JCV-negative, or no result yet (the JCV row is then overdue): yearly (facts M5)
        return TWELVE_MONTHS, DueReason.YEARLY
    band = jcv_band(jcv_positive=True, jcv_index=jcv_index)
    if prior_immunosuppressant or band is JcvBand.HIGH:
        # raised PML risk: every 3–6 months (facts M5); the calendar uses 6, the text says 3–6.
        # A high index (> 1.5) counts as raised risk: it is at least as high as 0.9–1.5 (section 7)
        return SIX_MONTHS, DueReason.MRI_EVERY_3_TO_6_MONTHS_RAISED_RISK
    if band is JcvBand.RISING:
        # index 0.9–1.5: MRI every 6 months (facts M5, section 7)
        return SIX_MONTHS, DueReason.MRI_EVERY_6_MONTHS_INDEX_0_9_TO_1_5
    if band is JcvBand.INDEX_UNKNOWN:
        # positive without an index: the no-index figures are at or above the 0.9–1.5 column's
        # (pml_risk_table.csv), so the stricter 6 months until the clinic records an index
        return SIX_MONTHS, DueReason.MRI_EVERY_6_MONTHS_INDEX_UNKNOWN
    # positive, index ≤ 0.9: every 6 months, the app's default for any positive JCV result (facts M5:
    # "every 3–6 months when PML risk is raised (a positive JCV test …)"; clinical review E3). A clinic
    # that wants yearly scans here records that as its own decision.
    return SIX_MONTHS, DueReason.MRI_EVERY_3_TO_6_MONTHS_JCV_POSITIVE
