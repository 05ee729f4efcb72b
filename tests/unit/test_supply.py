"""Syringe supply and H-resept rules (webapp/domain/supply.py; clinical/facts.md section 4)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from webapp.domain.levels import Level
from webapp.domain.supply import (
    DEFAULT_PICKUP_SYRINGES,
    ColdChainProblem,
    PickupProblem,
    PrescriptionProblem,
    SupplyCount,
    SupplyState,
    SupplyStatus,
    SupplyWarning,
    SupplyWarningCode,
    cold_chain_level,
    order_by_date,
    prescription_for_pickup,
    prescription_renewal_date,
    prescription_valid_until,
    prescription_warnings,
    run_out_date,
    supply_status,
    syringes_on_hand,
    validate_pickup,
    validate_prescription,
)

W = SupplyWarningCode


def known(syringes: int) -> SupplyCount:
    return SupplyCount(SupplyState.KNOWN, syringes)


def codes(status: SupplyStatus) -> list[SupplyWarningCode]:
    return [warning.code for warning in status.warnings]


# --- syringes on hand ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("picked_up", "full", "partial", "expected"),
    [
        pytest.param(6, 0, 0, known(6), id="fresh-pickup"),
        pytest.param(6, 2, 0, known(2), id="two-full-doses"),
        pytest.param(6, 3, 0, known(0), id="exactly-used-up"),
        pytest.param(6, 2, 1, known(1), id="partial-uses-one"),
        pytest.param(12, 3, 0, known(6), id="two-pickups"),
        pytest.param(0, 0, 0, known(0), id="nothing-yet"),
        pytest.param(6, 3, 1, SupplyCount(SupplyState.NEEDS_CHECK, None, 1), id="one-too-many"),
        pytest.param(0, 1, 0, SupplyCount(SupplyState.NEEDS_CHECK, None, 2), id="dose-without-pickup"),
    ],
)
def test_syringes_on_hand_is_picked_up_minus_used(
    picked_up: int, full: int, partial: int, expected: SupplyCount
) -> None:
    assert syringes_on_hand(picked_up, full, partial) == expected


@pytest.mark.parametrize(("picked_up", "full", "partial"), [(-1, 0, 0), (6, -1, 0), (6, 0, -1)])
def test_syringes_on_hand_refuses_negative_counts(picked_up: int, full: int, partial: int) -> None:
    with pytest.raises(ValueError):
        syringes_on_hand(picked_up, full, partial)


# --- run-out and order-by dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("syringes", "next_due", "weeks", "expected"),
    [
        pytest.param(0, date(2024, 5, 1), 4, date(2024, 5, 1), id="none-left-runs-out-at-next-dose"),
        pytest.param(1, date(2024, 5, 1), 4, date(2024, 5, 1), id="one-syringe-is-not-a-dose"),
        pytest.param(2, date(2024, 5, 1), 4, date(2024, 5, 29), id="one-dose-left"),
        pytest.param(3, date(2024, 5, 1), 4, date(2024, 5, 29), id="odd-syringe-does-not-count"),
        pytest.param(6, date(2024, 5, 1), 4, date(2024, 7, 24), id="three-doses-left"),
        pytest.param(6, date(2024, 5, 1), 6, date(2024, 9, 4), id="six-week-interval"),
        pytest.param(2, date(2024, 2, 1), 4, date(2024, 2, 29), id="leap-day"),
        pytest.param(2, date(2023, 2, 1), 4, date(2023, 3, 1), id="non-leap-february"),
        pytest.param(4, date(2024, 12, 10), 4, date(2025, 2, 4), id="across-new-year"),
    ],
)
def test_run_out_is_due_date_of_first_dose_with_fewer_than_two_syringes(
    syringes: int, next_due: date, weeks: int, expected: date
) -> None:
    assert run_out_date(syringes, next_due, weeks) == expected


def test_default_pickup_covers_three_four_weekly_doses() -> None:
    assert run_out_date(DEFAULT_PICKUP_SYRINGES, date(2024, 5, 1), 4) == date(2024, 7, 24)


@pytest.mark.parametrize(
    ("run_out", "lead", "expected"),
    [
        pytest.param(date(2024, 3, 14), 14, date(2024, 2, 29), id="leap-day"),
        pytest.param(date(2023, 3, 14), 14, date(2023, 2, 28), id="non-leap-year"),
        pytest.param(date(2025, 1, 10), 14, date(2024, 12, 27), id="across-new-year"),
        pytest.param(date(2024, 5, 29), 21, date(2024, 5, 8), id="configured-lead-time"),
        pytest.param(date(2024, 5, 29), 0, date(2024, 5, 29), id="no-lead-time"),
    ],
)
def test_order_by_is_run_out_minus_lead_time(run_out: date, lead: int, expected: date) -> None:
    assert order_by_date(run_out, lead) == expected


def test_order_by_lead_time_defaults_to_two_weeks() -> None:
    assert order_by_date(date(2024, 5, 29)) == date(2024, 5, 15)


def test_order_by_refuses_negative_lead_time() -> None:
    with pytest.raises(ValueError):
        order_by_date(date(2024, 5, 29), -1)


def test_run_out_refuses_a_datetime() -> None:
    with pytest.raises(TypeError):
        run_out_date(2, datetime(2024, 5, 1, tzinfo=UTC), 4)


# --- prescription validity ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("issued", "expected"),
    [
        pytest.param(date(2024, 2, 29), date(2025, 2, 28), id="leap-day-issue"),
        pytest.param(date(2028, 2, 29), date(2029, 2, 28), id="another-leap-day-issue"),
        pytest.param(date(2023, 3, 1), date(2024, 3, 1), id="year-containing-leap-day"),
        pytest.param(date(2023, 2, 28), date(2024, 2, 28), id="feb-28-stays-feb-28"),
        pytest.param(date(2024, 12, 31), date(2025, 12, 31), id="new-years-eve"),
    ],
)
def test_prescription_is_valid_one_year_from_issue(issued: date, expected: date) -> None:
    assert prescription_valid_until(issued) == expected


# --- supply status and warnings ---------------------------------------------------------------------------

NEXT_DUE = date(2024, 5, 1)


def test_full_supply_gives_dates_and_no_warnings() -> None:
    status = supply_status(known(6), NEXT_DUE, 4, date(2024, 4, 20))
    assert (status.full_doses_covered, status.run_out, status.order_by) == (
        3,
        date(2024, 7, 24),
        date(2024, 7, 10),
    )
    assert status.warnings == ()
    assert status.level is Level.NONE


@pytest.mark.parametrize("syringes", [0, 1])
@pytest.mark.parametrize(
    ("today", "lead", "level"),
    [
        pytest.param(date(2024, 4, 3), 14, Level.ROUTINE, id="four-weeks-ahead"),
        pytest.param(date(2024, 4, 16), 14, Level.ROUTINE, id="15-days-ahead"),
        pytest.param(date(2024, 4, 17), 14, Level.URGENT, id="14-days-ahead"),
        pytest.param(date(2024, 5, 1), 14, Level.URGENT, id="due-today"),
        pytest.param(date(2024, 5, 9), 14, Level.URGENT, id="overdue"),
        pytest.param(date(2024, 4, 10), 21, Level.URGENT, id="configured-lead-21-days-ahead"),
        pytest.param(date(2024, 4, 9), 21, Level.ROUTINE, id="configured-lead-22-days-ahead"),
    ],
)
def test_next_dose_without_two_syringes_is_urgent_only_within_the_lead_time(
    syringes: int, today: date, lead: int, level: Level
) -> None:
    status = supply_status(known(syringes), NEXT_DUE, 4, today, lead_days=lead)
    assert status.warnings == (SupplyWarning(W.NO_SUPPLY_FOR_NEXT_DOSE, level, NEXT_DUE),)
    assert status.level is level


def test_no_supply_lead_time_counts_across_new_year_and_leap_day() -> None:
    # due 10 January 2025: urgent from 27 December 2024; due 14 March 2024: urgent from 29 February
    assert supply_status(known(0), date(2025, 1, 10), 4, date(2024, 12, 26)).level is Level.ROUTINE
    assert supply_status(known(0), date(2025, 1, 10), 4, date(2024, 12, 27)).level is Level.URGENT
    assert supply_status(known(0), date(2024, 3, 14), 4, date(2024, 2, 28)).level is Level.ROUTINE
    assert supply_status(known(0), date(2024, 3, 14), 4, date(2024, 2, 29)).level is Level.URGENT


def test_urgent_no_supply_replaces_order_by_passed() -> None:
    # order-by (17 April) has passed too, but the urgent warning already says it all
    status = supply_status(known(0), NEXT_DUE, 4, date(2024, 4, 25))
    assert codes(status) == [W.NO_SUPPLY_FOR_NEXT_DOSE]


@pytest.mark.parametrize(
    ("today", "lead", "passed"),
    [
        pytest.param(date(2024, 5, 14), 14, False, id="day-before-order-by"),
        pytest.param(date(2024, 5, 15), 14, False, id="on-order-by-day"),
        pytest.param(date(2024, 5, 16), 14, True, id="day-after-order-by"),
        pytest.param(date(2024, 5, 8), 21, False, id="configured-lead-on-order-by-day"),
        pytest.param(date(2024, 5, 9), 21, True, id="configured-lead-day-after"),
    ],
)
def test_order_by_passed_is_routine_from_the_day_after(today: date, lead: int, passed: bool) -> None:
    # two syringes: run-out 29 May
    status = supply_status(known(2), NEXT_DUE, 4, today, lead_days=lead)
    expected = (SupplyWarning(W.ORDER_BY_PASSED, Level.ROUTINE, status.order_by),) if passed else ()
    assert status.warnings == expected


def test_order_by_passed_across_leap_day() -> None:
    # next due 1 Feb 2024, two syringes: run-out 29 Feb, order by 15 Feb
    status = supply_status(known(2), date(2024, 2, 1), 4, date(2024, 2, 16))
    assert (status.run_out, status.order_by) == (date(2024, 2, 29), date(2024, 2, 15))
    assert codes(status) == [W.ORDER_BY_PASSED]


def test_unknown_supply_needs_a_check_and_has_no_dates() -> None:
    status = supply_status(syringes_on_hand(4, 3, 0), NEXT_DUE, 4, date(2024, 4, 20))
    assert status.warnings == (SupplyWarning(W.SUPPLY_NEEDS_CHECK, Level.ROUTINE, None),)
    assert (status.full_doses_covered, status.run_out, status.order_by) == (None, None, None)


@pytest.mark.parametrize(
    ("today", "valid_until", "expected"),
    [
        pytest.param(date(2024, 2, 17), date(2024, 3, 31), [], id="43-days-leap-year"),
        pytest.param(date(2024, 2, 18), date(2024, 3, 31), [W.PRESCRIPTION_EXPIRES_SOON], id="42-days-leap"),
        pytest.param(date(2023, 2, 16), date(2023, 3, 31), [], id="43-days-non-leap"),
        pytest.param(
            date(2023, 2, 17), date(2023, 3, 31), [W.PRESCRIPTION_EXPIRES_SOON], id="42-days-non-leap"
        ),
        pytest.param(
            date(2024, 11, 20), date(2025, 1, 1), [W.PRESCRIPTION_EXPIRES_SOON], id="42-days-new-year"
        ),
        pytest.param(
            date(2024, 3, 31), date(2024, 3, 31), [W.PRESCRIPTION_EXPIRES_SOON], id="last-valid-day"
        ),
        pytest.param(date(2024, 4, 1), date(2024, 3, 31), [W.PRESCRIPTION_EXPIRED], id="day-after-expiry"),
    ],
)
def test_prescription_warns_within_six_weeks_of_expiry(
    today: date, valid_until: date, expected: list[SupplyWarningCode]
) -> None:
    # one dose left, running out on the valid-until day itself: only the 6-week rule applies
    status = supply_status(known(2), valid_until - timedelta(days=28), 4, today, valid_until)
    assert status.run_out == valid_until
    found = [warning for warning in status.warnings if warning.code.startswith("prescription")]
    assert [warning.code for warning in found] == expected
    assert all(warning.level is Level.ROUTINE and warning.day == valid_until for warning in found)


@pytest.mark.parametrize(
    ("valid_until", "expected"),
    [
        pytest.param(date(2024, 7, 23), [W.PRESCRIPTION_EXPIRES_BEFORE_PICKUP], id="day-before-run-out"),
        pytest.param(date(2024, 7, 24), [], id="valid-on-run-out-day"),
    ],
)
def test_prescription_warns_when_it_ends_before_the_next_pickup_is_needed(
    valid_until: date, expected: list[SupplyWarningCode]
) -> None:
    # six syringes from 1 May: run-out 24 July, and today is more than 6 weeks before either date
    status = supply_status(known(6), NEXT_DUE, 4, date(2024, 4, 20), prescription_valid_until=valid_until)
    assert codes(status) == expected


def test_prescription_warnings_combine_with_supply_warnings_and_level_is_highest() -> None:
    status = supply_status(
        known(1), NEXT_DUE, 4, date(2024, 4, 20), prescription_valid_until=date(2024, 4, 19)
    )
    assert codes(status) == [W.NO_SUPPLY_FOR_NEXT_DOSE, W.PRESCRIPTION_EXPIRED]
    assert status.level is Level.URGENT


def test_unknown_supply_still_checks_prescription_expiry() -> None:
    status = supply_status(
        syringes_on_hand(0, 1, 0), NEXT_DUE, 4, date(2024, 4, 20), prescription_valid_until=date(2024, 5, 1)
    )
    assert codes(status) == [W.SUPPLY_NEEDS_CHECK, W.PRESCRIPTION_EXPIRES_SOON]


def test_warning_codes_are_stable_strings() -> None:
    status = supply_status(known(0), NEXT_DUE, 4, date(2024, 4, 20))
    assert [str(code) for code in codes(status)] == ["no_supply_for_next_dose"]


# --- pickup validation ----------------------------------------------------------------------------------

ISSUED = date(2024, 2, 29)
VALID_UNTIL = date(2025, 2, 28)


@pytest.mark.parametrize(
    ("picked_up_on", "syringes", "today", "expected"),
    [
        pytest.param(date(2024, 6, 1), 6, date(2024, 6, 1), [], id="ordinary-pickup-today"),
        pytest.param(ISSUED, 6, date(2024, 3, 1), [], id="on-issue-day"),
        pytest.param(VALID_UNTIL, 6, VALID_UNTIL, [], id="on-last-valid-day"),
        pytest.param(
            date(2025, 3, 1), 6, date(2025, 3, 1), [PickupProblem.PRESCRIPTION_EXPIRED], id="expired"
        ),
        pytest.param(
            date(2024, 2, 28), 6, date(2024, 3, 1), [PickupProblem.BEFORE_PRESCRIPTION_ISSUED], id="early"
        ),
        pytest.param(date(2024, 6, 2), 6, date(2024, 6, 1), [PickupProblem.IN_THE_FUTURE], id="tomorrow"),
        pytest.param(date(2024, 6, 1), 0, date(2024, 6, 1), [PickupProblem.NO_SYRINGES], id="zero-syringes"),
        pytest.param(
            date(2025, 3, 2),
            0,
            date(2025, 3, 1),
            [PickupProblem.NO_SYRINGES, PickupProblem.IN_THE_FUTURE, PickupProblem.PRESCRIPTION_EXPIRED],
            id="several-problems",
        ),
    ],
)
def test_validate_pickup(
    picked_up_on: date, syringes: int, today: date, expected: list[PickupProblem]
) -> None:
    assert validate_pickup(picked_up_on, syringes, ISSUED, VALID_UNTIL, today) == expected


# --- prescription entry ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("issued", "valid_until", "today", "expected"),
    [
        pytest.param(date(2024, 3, 1), date(2025, 3, 1), date(2024, 3, 1), [], id="one-year"),
        pytest.param(date(2024, 3, 1), date(2024, 9, 1), date(2024, 3, 1), [], id="shorter"),
        pytest.param(date(2024, 2, 29), date(2025, 2, 28), date(2024, 3, 1), [], id="leap-day-one-year"),
        pytest.param(
            date(2024, 2, 29), date(2025, 3, 1), date(2024, 3, 1),
            [PrescriptionProblem.LONGER_THAN_A_YEAR], id="leap-day-one-day-too-long",
        ),
        pytest.param(
            date(2024, 12, 31), date(2026, 1, 1), date(2024, 12, 31),
            [PrescriptionProblem.LONGER_THAN_A_YEAR], id="new-years-eve-too-long",
        ),
        pytest.param(
            date(2024, 3, 2), date(2025, 3, 2), date(2024, 3, 1),
            [PrescriptionProblem.ISSUED_IN_THE_FUTURE], id="issued-tomorrow",
        ),
        pytest.param(
            date(2024, 3, 1), date(2024, 2, 29), date(2024, 3, 1),
            [PrescriptionProblem.ENDS_BEFORE_ISSUED], id="ends-before-issued",
        ),
        pytest.param(
            date(9999, 1, 1), date(9999, 12, 31), date(2024, 3, 1),
            [PrescriptionProblem.ISSUED_IN_THE_FUTURE], id="last-representable-year",
        ),
    ],
)
def test_validate_prescription(
    issued: date, valid_until: date, today: date, expected: list[PrescriptionProblem]
) -> None:
    assert validate_prescription(issued, valid_until, today) == expected


PRESCRIPTIONS = [
    ("old", date(2023, 3, 1), date(2024, 3, 1)),
    ("new", date(2024, 2, 20), date(2025, 2, 20)),
]


@pytest.mark.parametrize(
    ("picked_up_on", "expected"),
    [
        pytest.param(date(2023, 6, 1), "old", id="only-the-old-one-valid"),
        pytest.param(date(2024, 2, 25), "new", id="both-valid-takes-the-longest"),
        pytest.param(date(2024, 3, 2), "new", id="old-expired"),
        pytest.param(date(2025, 2, 20), "new", id="last-valid-day"),
        pytest.param(date(2025, 2, 21), None, id="all-expired"),
        pytest.param(date(2023, 2, 28), None, id="before-any-issued"),
    ],
)
def test_a_pickup_is_made_on_the_prescription_valid_that_day(picked_up_on: date, expected: str | None) -> None:
    assert prescription_for_pickup(PRESCRIPTIONS, picked_up_on) == expected


@pytest.mark.parametrize(
    ("valid_until", "expected"),
    [
        pytest.param(date(2025, 2, 28), date(2025, 1, 17), id="ordinary"),
        pytest.param(date(2024, 4, 11), date(2024, 2, 29), id="lands-on-leap-day"),
        pytest.param(date(2025, 1, 20), date(2024, 12, 9), id="across-new-year"),
    ],
)
def test_renewal_date_is_six_weeks_before_expiry(valid_until: date, expected: date) -> None:
    assert prescription_renewal_date(valid_until) == expected


# --- cold chain -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("problem", "next_due", "expected"),
    [
        pytest.param(ColdChainProblem.NONE, date(2024, 5, 2), Level.NONE, id="in-the-fridge"),
        pytest.param(ColdChainProblem.LEFT_OUT, date(2024, 5, 30), Level.ROUTINE, id="left-out-dose-far"),
        pytest.param(ColdChainProblem.FROZEN, date(2024, 5, 9), Level.ROUTINE, id="frozen-8-days"),
        pytest.param(ColdChainProblem.FROZEN, date(2024, 5, 8), Level.URGENT, id="frozen-7-days"),
        pytest.param(ColdChainProblem.FRIDGE_FAILED, date(2024, 5, 1), Level.URGENT, id="fridge-failed-today"),
        pytest.param(ColdChainProblem.UNKNOWN, date(2024, 4, 20), Level.URGENT, id="unknown-dose-overdue"),
        pytest.param(ColdChainProblem.LEFT_OUT, None, Level.ROUTINE, id="no-dose-logged-yet"),
        pytest.param("left_out", date(2024, 5, 30), Level.ROUTINE, id="plain-string"),
    ],
)
def test_cold_chain_problem_is_routine_unless_the_next_dose_is_within_a_week(
    problem: ColdChainProblem | str, next_due: date | None, expected: Level
) -> None:
    assert cold_chain_level(problem, next_due, date(2024, 5, 1)) is expected


def test_cold_chain_urgency_counts_across_leap_day() -> None:
    # 28 February to 7 March: 8 days in a leap year (routine), 7 days otherwise (urgent)
    assert cold_chain_level(ColdChainProblem.LEFT_OUT, date(2024, 3, 7), date(2024, 2, 28)) is Level.ROUTINE
    assert cold_chain_level(ColdChainProblem.LEFT_OUT, date(2023, 3, 7), date(2023, 2, 28)) is Level.URGENT


def test_cold_chain_refuses_an_unknown_problem_code() -> None:
    with pytest.raises(ValueError):
        cold_chain_level("warm", date(2024, 5, 8), date(2024, 5, 1))


def test_prescription_warnings_alone_need_no_supply_count() -> None:
    # no pickup or dose logged yet: only the expiry rules apply
    assert prescription_warnings(date(2024, 3, 31), None, date(2024, 2, 18)) == [
        SupplyWarning(W.PRESCRIPTION_EXPIRES_SOON, Level.ROUTINE, date(2024, 3, 31))
    ]
    assert prescription_warnings(date(2024, 3, 31), None, date(2024, 2, 17)) == []


# ------------------------------------------------------------------ unusual pickups (walk defect 13)
from webapp.domain.supply import PickupQuestion, pickup_questions  # noqa: E402


@pytest.mark.parametrize(("syringes", "other_days", "expected"), [
    (6, [], []),
    (2, [date(2026, 11, 1)], []),
    (5, [], [PickupQuestion.ODD_COUNT]),  # a dose is two syringes (facts H1)
    (1, [], [PickupQuestion.ODD_COUNT]),
    (6, [date(2026, 12, 1)], [PickupQuestion.SAME_DAY]),
    (3, [date(2026, 12, 1), date(2026, 11, 1)], [PickupQuestion.SAME_DAY, PickupQuestion.ODD_COUNT]),
])
def test_a_second_pickup_the_same_day_or_an_odd_count_is_asked_about(syringes, other_days, expected):
    assert pickup_questions(date(2026, 12, 1), syringes, other_days) == expected
