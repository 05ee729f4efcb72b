"""Syringe supply and H-resept rules (clinical/facts.md section 4; two syringes a dose, facts H1).

Every function is pure: it takes plain values and ``today: date`` and never reads the clock.

Public API
    syringes_on_hand(syringes_picked_up, full_doses, partial_doses) -> SupplyCount
    run_out_date(syringes, next_dose_due, interval_weeks) -> date
    order_by_date(run_out, lead_days=DEFAULT_ORDER_LEAD_DAYS) -> date
    prescription_valid_until(issued) -> date
    supply_status(on_hand, next_dose_due, interval_weeks, today,
                  prescription_valid_until=None, lead_days=DEFAULT_ORDER_LEAD_DAYS) -> SupplyStatus
    validate_pickup(picked_up_on, syringes, prescription_issued, prescription_valid_until, today)
        -> list[PickupProblem]
    validate_prescription(issued, valid_until, today) -> list[PrescriptionProblem]
    prescription_for_pickup(prescriptions, picked_up_on) -> key | None
    prescription_renewal_date(valid_until) -> date
    prescription_warnings(valid_until, run_out, today) -> list[SupplyWarning]   (also inside supply_status)
    cold_chain_level(problem, next_dose_due, today) -> Level

Boundaries: the run-out date is the due date of the first dose that would find fewer than two
syringes. "Order-by passed" fires from the day after the order-by date. A prescription is valid up
to and including its valid-until day; one issued on 29 February is valid until 28 February next
year. "Expires within 6 weeks" means 0 to 42 days left. "No supply for the next dose" is urgent
when that dose is due within the order lead time (0 to ``lead_days`` days ahead) or overdue, routine
before that. A cold-chain problem is urgent when the next dose is due within 7 days (0 to 7) or
overdue.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from webapp.domain.levels import Level
from webapp.domain.schedule import SYRINGES_PER_DOSE, interval_days

# 3 months per pickup = 3 doses at 4 weeks = 6 syringes; confirm the pack count with the pharmacy
# (facts R2, App rule 4)
DEFAULT_PICKUP_SYRINGES = 6
# the pharmacy often needs notice to have the drug in stock; suggest ordering 2 weeks ahead (facts R4)
DEFAULT_ORDER_LEAD_DAYS = 14
# warn 6 weeks before the H-resept's 1-year expiry (facts R3, App rule 4)
PRESCRIPTION_WARNING_DAYS = 6 * 7
# a cold-chain problem is urgent when the next dose is this close: replacing the syringes can delay
# the dose toward 8 weeks without one (facts S1, S3, I5)
COLD_CHAIN_URGENT_DAYS = 7


class SupplyState(StrEnum):
    KNOWN = "known"
    NEEDS_CHECK = "needs_check"  # more syringes logged than picked up: a pickup is missing


class SupplyWarningCode(StrEnum):
    SUPPLY_NEEDS_CHECK = "supply_needs_check"
    NO_SUPPLY_FOR_NEXT_DOSE = "no_supply_for_next_dose"
    ORDER_BY_PASSED = "order_by_passed"
    PRESCRIPTION_EXPIRED = "prescription_expired"
    PRESCRIPTION_EXPIRES_SOON = "prescription_expires_soon"
    PRESCRIPTION_EXPIRES_BEFORE_PICKUP = "prescription_expires_before_pickup"


class PickupProblem(StrEnum):
    NO_SYRINGES = "no_syringes"
    IN_THE_FUTURE = "in_the_future"
    BEFORE_PRESCRIPTION_ISSUED = "before_prescription_issued"
    PRESCRIPTION_EXPIRED = "prescription_expired"


class PrescriptionProblem(StrEnum):
    ISSUED_IN_THE_FUTURE = "issued_in_the_future"
    ENDS_BEFORE_ISSUED = "ends_before_issued"
    LONGER_THAN_A_YEAR = "longer_than_a_year"


class ColdChainProblem(StrEnum):
    """How syringes were kept when they should have been in the fridge at 2-8 °C (facts S1)."""

    NONE = "none"  # straight into the fridge
    LEFT_OUT = "left_out"  # left out of the fridge, for an unknown time
    FROZEN = "frozen"  # frozen, or may have been
    FRIDGE_FAILED = "fridge_failed"  # the fridge stopped or was too warm
    UNKNOWN = "unknown"  # the patient is not sure how they were kept


@dataclass(frozen=True)
class SupplyCount:
    """Syringes at home; ``syringes`` is None and ``unaccounted`` > 0 when the count needs a check."""

    state: SupplyState
    syringes: int | None
    unaccounted: int = 0


@dataclass(frozen=True)
class SupplyWarning:
    code: SupplyWarningCode
    level: Level
    day: date | None  # the date it is about: run-out, order-by or expiry


@dataclass(frozen=True)
class SupplyStatus:
    on_hand: SupplyCount
    full_doses_covered: int | None
    run_out: date | None
    order_by: date | None
    prescription_valid_until: date | None
    warnings: tuple[SupplyWarning, ...]

    @property
    def level(self) -> Level:
        return Level.highest(warning.level for warning in self.warnings)


def _require_day(value: date) -> None:
    if isinstance(value, datetime):
        raise TypeError("pass a date, not a datetime")


def syringes_on_hand(syringes_picked_up: int, full_doses: int, partial_doses: int) -> SupplyCount:
    """Picked up minus used, 2 per full dose and 1 per partial dose (facts H1, App rule 4)."""
    if min(syringes_picked_up, full_doses, partial_doses) < 0:
        raise ValueError("counts must not be negative")
    left = syringes_picked_up - SYRINGES_PER_DOSE * full_doses - partial_doses
    if left < 0:
        # doses logged without a pickup: the count is unknown until someone sorts it out
        return SupplyCount(state=SupplyState.NEEDS_CHECK, syringes=None, unaccounted=-left)
    return SupplyCount(state=SupplyState.KNOWN, syringes=left)


def run_out_date(syringes: int, next_dose_due: date, interval_weeks: int) -> date:
    """Due date of the first dose that would find fewer than two syringes (facts H1, App rule 4)."""
    _require_day(next_dose_due)
    if syringes < 0:
        raise ValueError("syringes must not be negative")
    covered = syringes // SYRINGES_PER_DOSE
    return next_dose_due + timedelta(days=covered * interval_days(interval_weeks))


def order_by_date(run_out: date, lead_days: int = DEFAULT_ORDER_LEAD_DAYS) -> date:
    """The day to order by: the pharmacy often needs notice (facts R4; about 2 weeks, App rule 4)."""
    _require_day(run_out)
    if lead_days < 0:
        raise ValueError("lead_days must not be negative")
    return run_out - timedelta(days=lead_days)


def prescription_valid_until(issued: date) -> date:
    """Default last valid day of an H-resept: the same date a year later (facts R3).

    Issued on 29 February, it is valid until 28 February: the earlier choice, so no pickup is
    counted on a day the prescription may already have expired.
    """
    _require_day(issued)
    try:
        return issued.replace(year=issued.year + 1)
    except ValueError:  # 29 February, and next year is not a leap year
        return issued.replace(year=issued.year + 1, day=28)


def supply_status(
    on_hand: SupplyCount,
    next_dose_due: date,
    interval_weeks: int,
    today: date,
    prescription_valid_until: date | None = None,
    lead_days: int = DEFAULT_ORDER_LEAD_DAYS,
) -> SupplyStatus:
    """Run-out and order-by dates and every supply or prescription warning for today."""
    _require_day(today)
    warnings: list[SupplyWarning] = []
    run_out: date | None = None
    order_by: date | None = None
    covered: int | None = None

    if on_hand.state is SupplyState.NEEDS_CHECK or on_hand.syringes is None:
        # routine: the patient did inject, so a pickup is probably just not logged; the nurse
        # sorts it out at the next review
        warnings.append(SupplyWarning(SupplyWarningCode.SUPPLY_NEEDS_CHECK, Level.ROUTINE, None))
    else:
        covered = on_hand.syringes // SYRINGES_PER_DOSE
        run_out = run_out_date(on_hand.syringes, next_dose_due, interval_weeks)
        order_by = order_by_date(run_out, lead_days)
        if covered == 0:
            # the next dose would find fewer than two syringes (facts H1). Urgent once that dose is
            # within the order lead time or overdue: the pharmacy needs notice (facts R4) and a missed
            # dose moves the patient toward rebound after >8 weeks without one (facts I5). Routine
            # before then: a pack is often used up weeks before the next dose is due.
            within_lead = (next_dose_due - today).days <= lead_days
            level = Level.URGENT if within_lead else Level.ROUTINE
            warnings.append(SupplyWarning(SupplyWarningCode.NO_SUPPLY_FOR_NEXT_DOSE, level, run_out))
        elif today > order_by:
            # routine: at least the next dose is covered, so there is a full interval left to
            # pick up; order now because the pharmacy often needs notice (facts R4)
            warnings.append(SupplyWarning(SupplyWarningCode.ORDER_BY_PASSED, Level.ROUTINE, order_by))

    if prescription_valid_until is not None:
        warnings.extend(prescription_warnings(prescription_valid_until, run_out, today))

    return SupplyStatus(
        on_hand=on_hand,
        full_doses_covered=covered,
        run_out=run_out,
        order_by=order_by,
        prescription_valid_until=prescription_valid_until,
        warnings=tuple(warnings),
    )


def prescription_warnings(valid_until: date, run_out: date | None, today: date) -> list[SupplyWarning]:
    """Expired, expiring within 6 weeks, or ending before the run-out date (when that is known)."""
    # All routine: renewing an H-resept is paperwork for the clinic. If it leaves the next dose
    # without syringes, the urgent no-supply warning above already says so.
    _require_day(valid_until)
    days_left = (valid_until - today).days
    if days_left < 0:
        # each prescription is valid for 1 year (facts R3)
        return [SupplyWarning(SupplyWarningCode.PRESCRIPTION_EXPIRED, Level.ROUTINE, valid_until)]
    found = []
    # warn before the 1-year expiry, 6 weeks ahead (facts R3, App rule 4)
    if days_left <= PRESCRIPTION_WARNING_DAYS:
        found.append(SupplyWarning(SupplyWarningCode.PRESCRIPTION_EXPIRES_SOON, Level.ROUTINE, valid_until))
    # the next pickup is needed by the run-out date; a prescription that ends before then cannot
    # be used for it (facts R2, R3)
    if run_out is not None and valid_until < run_out:
        found.append(
            SupplyWarning(SupplyWarningCode.PRESCRIPTION_EXPIRES_BEFORE_PICKUP, Level.ROUTINE, valid_until)
        )
    return found


def validate_pickup(
    picked_up_on: date,
    syringes: int,
    prescription_issued: date,
    prescription_valid_until: date,
    today: date,
) -> list[PickupProblem]:
    """Problems with a pickup the patient logs; an empty list means it can be saved."""
    for value in (picked_up_on, prescription_issued, prescription_valid_until, today):
        _require_day(value)
    problems = []
    if syringes < 1:
        problems.append(PickupProblem.NO_SYRINGES)
    if picked_up_on > today:
        problems.append(PickupProblem.IN_THE_FUTURE)
    if picked_up_on < prescription_issued:
        problems.append(PickupProblem.BEFORE_PRESCRIPTION_ISSUED)
    # an expired H-resept cannot be picked up on; it is valid 1 year (facts R3)
    if picked_up_on > prescription_valid_until:
        problems.append(PickupProblem.PRESCRIPTION_EXPIRED)
    return problems


def validate_prescription(issued: date, valid_until: date, today: date) -> list[PrescriptionProblem]:
    """Problems with an H-resept someone records; an empty list means it can be saved."""
    for value in (issued, valid_until, today):
        _require_day(value)
    problems = []
    if issued > today:
        problems.append(PrescriptionProblem.ISSUED_IN_THE_FUTURE)
    if valid_until < issued:
        problems.append(PrescriptionProblem.ENDS_BEFORE_ISSUED)
    # an H-resept is valid for 1 year (facts R3): a later date is a typing mistake
    # (in year 9999 every later date is within a year, and a year on would not be a date)
    elif issued.year < date.max.year and valid_until > prescription_valid_until(issued):
        problems.append(PrescriptionProblem.LONGER_THAN_A_YEAR)
    return problems


def prescription_for_pickup(
    prescriptions: Iterable[tuple[Hashable, date, date]], picked_up_on: date
) -> Hashable | None:
    """The key of the prescription a pickup was made on: valid that day, the one lasting longest.

    ``prescriptions`` holds (key, issued, valid_until); None when none was valid on that day.
    """
    _require_day(picked_up_on)
    best: tuple[date, Hashable] | None = None
    for key, issued, valid_until in prescriptions:
        if issued <= picked_up_on <= valid_until and (best is None or valid_until > best[0]):
            best = (valid_until, key)
    return None if best is None else best[1]


def prescription_renewal_date(valid_until: date) -> date:
    """The day to ask the clinic for a new H-resept: 6 weeks before it expires (facts R3)."""
    _require_day(valid_until)
    return valid_until - timedelta(days=PRESCRIPTION_WARNING_DAYS)


def cold_chain_level(problem: ColdChainProblem | str, next_dose_due: date | None, today: date) -> Level:
    """How fast the nurse must hear about syringes that were not kept at 2-8 °C (facts S1, S3).

    The app never invents a room-temperature allowance: any problem means "do not use them; call the
    pharmacy or clinic" and a routine flag. Urgent when the next dose is due within 7 days or overdue,
    because replacing the syringes could delay the dose toward 8 weeks without one (facts I5).
    """
    _require_day(today)
    if ColdChainProblem(problem) is ColdChainProblem.NONE:
        return Level.NONE
    if next_dose_due is not None and (next_dose_due - today).days <= COLD_CHAIN_URGENT_DAYS:
        return Level.URGENT
    return Level.ROUTINE


class PickupQuestion(StrEnum):
    """A pickup that is probably a typing mistake: saved only after the patient confirms it (walk defect 13)."""

    SAME_DAY = "same_day"
    ODD_COUNT = "odd_count"


def pickup_questions(picked_up_on: date, syringes: int, other_pickup_days: Iterable[date]) -> list[PickupQuestion]:
    """What to ask before saving a pickup: another pickup on the same day is usually the same one logged
    twice, and a dose is two syringes (facts H1), so an odd count is half a dose short or over."""
    _require_day(picked_up_on)
    questions = []
    if picked_up_on in set(other_pickup_days):
        questions.append(PickupQuestion.SAME_DAY)
    if syringes % SYRINGES_PER_DOSE:
        questions.append(PickupQuestion.ODD_COUNT)
    return questions
