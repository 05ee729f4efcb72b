"""Dose schedule rules for home natalizumab (clinical/facts.md sections 2 and 3).

Every function is pure: it takes plain values and a ``today: date`` or ``now: datetime`` and never
reads the clock. Injection moments are aware datetimes (stored in UTC); days are counted in
Europe/Oslo calendar days, so a dose at 00:30 Oslo time counts for that Oslo date.

Public API
    dose_day(moment) -> date                                  the Oslo calendar day of an injection
    interval_days(interval_weeks) -> int
    next_dose_due(last_dose, interval_weeks) -> date
    upcoming_due_dates(last_dose, interval_weeks, count) -> tuple[date, ...]   (iCalendar feed)
    dose_status(last_dose, interval_weeks, today) -> DoseStatus               (patient start page)
    rebound_flag(last_dose, today, already_raised_for=None) -> ScheduleFlag | None
    dose_gaps(doses, interval_weeks) -> tuple[DoseGap, ...]                   (history chart)
    validate_interval(weeks, reason) -> list[ScheduleProblem]
    validate_injection_time(moment, now) -> list[ScheduleProblem]
    home_treatment_eligibility(supervised_doses, reaction_during_supervised, training_done,
                               reaction_cleared_by_clinician=False) -> Eligibility
    suggest_sites(previous_doses) -> tuple[InjectionSite, InjectionSite]
    second_dose_check(moment, other_doses) -> SecondDoseCheck
    partial_dose_flag(moment, syringes) -> ScheduleFlag | None

Boundaries: "from 8 weeks" means on or after day 56 after the last dose's Oslo day (day 55: not
yet; day 56: contact the clinic, urgent flag). "Within 14 days" means 0 to 14 Oslo days apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from webapp.domain.clock import local_date
from webapp.domain.levels import Level

# 300 mg every 4 weeks as the standard (facts H1, I1); the clinic may set it per patient (facts I3)
DEFAULT_INTERVAL_WEEKS = 4
STANDARD_INTERVAL_WEEKS = 4
# rebound after >8 weeks without a dose; we act at the low end of 8-10 weeks (facts I5, App rule 3)
REBOUND_DAYS = 8 * 7
# home treatment needs at least 6 supervised doses, SC and IV counted together (facts H2, H3)
SUPERVISED_DOSES_REQUIRED = 6
# one dose is two 150 mg syringes (facts H1)
SYRINGES_PER_DOSE = 2
# a second dose this close to another is probably a double entry or a mistake (issue 3)
SECOND_DOSE_WINDOW_DAYS = 14
# doses are normally about 4 weeks apart (facts I1); less than 3 weeks apart is questioned
# (facts §3 "Supervised doses") or, for a home dose, noted for the nurse (domain/dose_spacing.py)
EARLY_DOSE_DAYS = 21


class ScheduleProblem(StrEnum):
    """Why a value entered for the schedule is refused (machine codes for form errors)."""

    INTERVAL_SHORTER_THAN_STANDARD = "interval_shorter_than_standard"
    INTERVAL_REACHES_REBOUND_THRESHOLD = "interval_reaches_rebound_threshold"
    REASON_REQUIRED = "reason_required"
    IN_THE_FUTURE = "in_the_future"


class DoseState(StrEnum):
    UPCOMING = "upcoming"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"


class FlagReason(StrEnum):
    REBOUND_RISK = "rebound_risk"
    PARTIAL_DOSE = "partial_dose"
    EARLY_DOSE = "early_dose"


class MissingRequirement(StrEnum):
    TOO_FEW_DOSES = "too_few_doses"
    REACTION_DURING_SUPERVISED_DOSE = "reaction_during_supervised_dose"
    TRAINING_NOT_DONE = "training_not_done"


class InjectionSite(StrEnum):
    """The SC injection sites: thigh, abdomen, back of the upper arm, each side (facts H5)."""

    THIGH_LEFT = "thigh_left"
    THIGH_RIGHT = "thigh_right"
    ABDOMEN_LEFT = "abdomen_left"
    ABDOMEN_RIGHT = "abdomen_right"
    UPPER_ARM_LEFT = "upper_arm_left"  # back of the upper arm
    UPPER_ARM_RIGHT = "upper_arm_right"  # back of the upper arm


@dataclass(frozen=True)
class DoseStatus:
    """What the patient's start page says about the next dose."""

    state: DoseState
    last_dose_day: date
    due: date
    days_to_go: int  # > 0 only when UPCOMING
    days_overdue: int  # > 0 only when OVERDUE
    days_since_last_dose: int
    contact_clinic: bool  # True from day 56 after the last dose


@dataclass(frozen=True)
class ScheduleFlag:
    """A nurse flag raised by the schedule; ``dose_day`` is the dose it concerns (dedup key)."""

    reason: FlagReason
    level: Level
    dose_day: date


@dataclass(frozen=True)
class DoseGap:
    """Days between two consecutive doses; ``late`` when longer than the patient's interval,
    ``early`` when less than 3 weeks (facts I1, §3 "Supervised doses")."""

    from_day: date
    to_day: date
    days: int
    late: bool
    early: bool = False


@dataclass(frozen=True)
class Requirement:
    """One unmet condition for home treatment; ``have``/``need`` are set for dose counts."""

    code: MissingRequirement
    have: int | None = None
    need: int | None = None


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    missing: tuple[Requirement, ...]


@dataclass(frozen=True)
class SecondDoseCheck:
    needs_confirmation: bool
    nearest_dose_day: date | None  # the closest other dose, if any
    days_apart: int | None
    nearest_dose: datetime | None = None  # its moment, for "already logged today at 10.15"


def dose_day(moment: datetime) -> date:
    """The Oslo calendar day an injection counts for (DESIGN.md: counted in Europe/Oslo)."""
    if not isinstance(moment, datetime):
        raise TypeError("an injection moment must be an aware datetime, not a date")
    return local_date(moment)


def _require_day(today: date) -> None:
    if isinstance(today, datetime):
        raise TypeError("pass today as a date (clock.local_date(now)), not a datetime")


def interval_days(interval_weeks: int) -> int:
    if interval_weeks < 1:
        raise ValueError("the dose interval must be at least one week")
    return interval_weeks * 7


def next_dose_due(last_dose: datetime, interval_weeks: int = DEFAULT_INTERVAL_WEEKS) -> date:
    """Next dose due = last dose + the patient's interval (facts I1, I3; App rule 3)."""
    return dose_day(last_dose) + timedelta(days=interval_days(interval_weeks))


def upcoming_due_dates(last_dose: datetime, interval_weeks: int, count: int) -> tuple[date, ...]:
    """The next ``count`` due dates if every dose is taken on its due day (for a calendar feed)."""
    if count < 0:
        raise ValueError("count must not be negative")
    step = interval_days(interval_weeks)
    first = dose_day(last_dose)
    return tuple(first + timedelta(days=step * n) for n in range(1, count + 1))


def dose_status(last_dose: datetime, interval_weeks: int, today: date) -> DoseStatus:
    """Days to go, due today, or overdue by N days; and whether to contact the clinic."""
    _require_day(today)
    last_day = dose_day(last_dose)
    if today < last_day:
        raise ValueError("today is before the last dose")
    due = next_dose_due(last_dose, interval_weeks)
    until_due = (due - today).days
    if until_due > 0:
        state = DoseState.UPCOMING
    elif until_due == 0:
        state = DoseState.DUE_TODAY
    else:
        state = DoseState.OVERDUE  # warn the patient when a dose is overdue (App rule 3)
    since = (today - last_day).days
    return DoseStatus(
        state=state,
        last_dose_day=last_day,
        due=due,
        days_to_go=max(until_due, 0),
        days_overdue=max(-until_due, 0),
        days_since_last_dose=since,
        # rebound after >8 weeks without a dose: tell the patient to call from day 56 (facts I5)
        contact_clinic=since >= REBOUND_DAYS,
    )


def rebound_flag(
    last_dose: datetime, today: date, already_raised_for: date | None = None
) -> ScheduleFlag | None:
    """An urgent "risk of rebound" flag from day 56 after the last dose, raised once per last dose.

    ``already_raised_for`` is the last-dose day an earlier rebound flag was raised for; a new dose
    starts a new gap, so a later gap can be flagged again.
    """
    _require_day(today)
    last_day = dose_day(last_dose)
    # rebound after >8 weeks without a dose; low end of 8-10 weeks to leave time to act (facts I5)
    if (today - last_day).days < REBOUND_DAYS or already_raised_for == last_day:
        return None
    return ScheduleFlag(reason=FlagReason.REBOUND_RISK, level=Level.URGENT, dose_day=last_day)


def dose_gaps(doses: Iterable[datetime], interval_weeks: int) -> tuple[DoseGap, ...]:
    """Days between consecutive doses (any order in, time order out), marking the late ones."""
    allowed = interval_days(interval_weeks)
    days = [dose_day(moment) for moment in sorted(doses)]
    gaps = []
    for earlier, later in zip(days, days[1:], strict=False):
        length = (later - earlier).days
        # later than the clinic's interval for this patient (facts I1, I3); under 3 weeks is early
        gaps.append(DoseGap(from_day=earlier, to_day=later, days=length, late=length > allowed,
                            early=length < EARLY_DOSE_DAYS))
    return tuple(gaps)


def validate_interval(weeks: int, reason: str | None) -> list[ScheduleProblem]:
    """Problems with an interval a clinician sets; an empty list means it can be saved."""
    problems = []
    # 300 mg every 4 weeks is the labelled dose; shorter is not described (facts H1, I1)
    if weeks < STANDARD_INTERVAL_WEEKS:
        problems.append(ScheduleProblem.INTERVAL_SHORTER_THAN_STANDARD)
    # an interval of 8 weeks or more would reach the rebound threshold every cycle (facts I5);
    # EID is about 6 weeks (facts I2), so 5-7 weeks are allowed
    if weeks * 7 >= REBOUND_DAYS:
        problems.append(ScheduleProblem.INTERVAL_REACHES_REBOUND_THRESHOLD)
    # a longer interval is an individual clinical choice and needs a reason (facts I3, App rule 3)
    if weeks > STANDARD_INTERVAL_WEEKS and not (reason and reason.strip()):
        problems.append(ScheduleProblem.REASON_REQUIRED)
    return problems


def validate_injection_time(moment: datetime, now: datetime) -> list[ScheduleProblem]:
    """An injection cannot be logged for a time that has not happened yet."""
    if moment.tzinfo is None or now.tzinfo is None:
        raise ValueError("naive datetime: pass aware datetimes")
    # a dose in the future would move the due date and hide an overdue dose (App rule 3)
    return [ScheduleProblem.IN_THE_FUTURE] if moment > now else []


def home_treatment_eligibility(
    supervised_doses: int,
    reaction_during_supervised: bool,
    training_done: bool,
    reaction_cleared_by_clinician: bool = False,
) -> Eligibility:
    """Whether the home-injection log may open, and if not, everything still missing.

    ``supervised_doses`` counts SC and IV doses together (facts H2).
    """
    if supervised_doses < 0:
        raise ValueError("supervised_doses must not be negative")
    missing = []
    # at least 6 doses before home self-injection, SC or IV counted together (facts H2, H3)
    if supervised_doses < SUPERVISED_DOSES_REQUIRED:
        missing.append(
            Requirement(MissingRequirement.TOO_FEW_DOSES, supervised_doses, SUPERVISED_DOSES_REQUIRED)
        )
    # a reaction during the supervised doses keeps the gate closed until a clinician decides (facts H4)
    if reaction_during_supervised and not reaction_cleared_by_clinician:
        missing.append(Requirement(MissingRequirement.REACTION_DURING_SUPERVISED_DOSE))
    # the patient must be trained to inject (facts H2)
    if not training_done:
        missing.append(Requirement(MissingRequirement.TRAINING_NOT_DONE))
    return Eligibility(eligible=not missing, missing=tuple(missing))


def suggest_sites(
    previous_doses: Sequence[Iterable[InjectionSite | str]],
) -> tuple[InjectionSite, InjectionSite]:
    """Two sites for today's two syringes: not last time's, least recently used first.

    ``previous_doses`` holds the sites of earlier SC doses, oldest first, so the last item is last
    time's. Never-used sites come first; ties go in the order of ``InjectionSite``.
    """
    last_used: dict[InjectionSite, int] = {}
    last_time: set[InjectionSite] = set()
    for index, sites in enumerate(previous_doses):
        dose_sites = {InjectionSite(site) for site in sites}
        if len(dose_sites) > SYRINGES_PER_DOSE:
            raise ValueError("a dose has at most two syringes, so at most two sites (facts H1)")
        for site in dose_sites:
            last_used[site] = index
        last_time = dose_sites
    # rotate sites: site pain is a known SC side effect (facts H5)
    candidates = sorted(
        (site for site in InjectionSite if site not in last_time),
        key=lambda site: last_used.get(site, -1),
    )
    return candidates[0], candidates[1]


def second_dose_check(moment: datetime, other_doses: Iterable[datetime]) -> SecondDoseCheck:
    """A dose 0-14 Oslo days from another logged dose must be confirmed before it is saved.

    Pass the other doses without the one being corrected, if any.
    """
    day = dose_day(moment)
    nearest: date | None = None
    nearest_moment: datetime | None = None
    for other in other_doses:
        other_day = dose_day(other)
        if nearest is None or abs((other_day - day).days) < abs((nearest - day).days):
            nearest, nearest_moment = other_day, other
    if nearest is None:
        return SecondDoseCheck(needs_confirmation=False, nearest_dose_day=None, days_apart=None)
    apart = abs((nearest - day).days)
    # two doses 14 days or less apart: a double entry or a double dose; 300 mg is every 4 weeks (facts H1)
    return SecondDoseCheck(
        needs_confirmation=apart <= SECOND_DOSE_WINDOW_DAYS, nearest_dose_day=nearest, days_apart=apart,
        nearest_dose=nearest_moment,
    )


def partial_dose_flag(moment: datetime, syringes: int) -> ScheduleFlag | None:
    """A dose with one syringe is saved and flagged for the nurse; two syringes is a full dose."""
    if syringes not in (1, SYRINGES_PER_DOSE):
        raise ValueError("a logged dose has one or two syringes (facts H1)")
    if syringes == SYRINGES_PER_DOSE:
        return None
    # one syringe is an incomplete dose, flagged for a call (facts H1, App rule 2; issue 3): urgent, so
    # that the clinic calls within a working day and decides about the missing 150 mg while it can
    # still be given.
    return ScheduleFlag(reason=FlagReason.PARTIAL_DOSE, level=Level.URGENT, dose_day=dose_day(moment))
