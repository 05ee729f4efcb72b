"""Dose schedule rules (webapp/domain/schedule.py; clinical/facts.md sections 2 and 3)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from webapp.domain.clock import OSLO
from webapp.domain.levels import Level
from webapp.domain.schedule import (
    DoseGap,
    DoseState,
    FlagReason,
    InjectionSite,
    MissingRequirement,
    Requirement,
    ScheduleFlag,
    ScheduleProblem,
    dose_day,
    dose_gaps,
    dose_status,
    home_treatment_eligibility,
    next_dose_due,
    partial_dose_flag,
    rebound_flag,
    second_dose_check,
    suggest_sites,
    upcoming_due_dates,
    validate_injection_time,
    validate_interval,
)

S = InjectionSite


def oslo(year: int, month: int, day: int, hour: int = 12, minute: int = 0, fold: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=OSLO, fold=fold)


def utc(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# --- Oslo calendar days ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        pytest.param(utc(2024, 3, 30, 23, 30), date(2024, 3, 31), id="00:30-CET-on-spring-DST-night"),
        pytest.param(utc(2024, 10, 26, 22, 30), date(2024, 10, 27), id="00:30-CEST-on-autumn-DST-night"),
        pytest.param(utc(2024, 6, 30, 22, 0), date(2024, 7, 1), id="midnight-CEST-is-next-day"),
        pytest.param(utc(2024, 6, 30, 21, 59), date(2024, 6, 30), id="23:59-CEST-is-same-day"),
        pytest.param(utc(2024, 12, 31, 23, 30), date(2025, 1, 1), id="new-year-00:30"),
        pytest.param(utc(2024, 2, 28, 23, 0), date(2024, 2, 29), id="leap-day-midnight"),
        pytest.param(oslo(2024, 10, 27, 2, 30, fold=0), date(2024, 10, 27), id="first-02:30-of-autumn"),
        pytest.param(oslo(2024, 10, 27, 2, 30, fold=1), date(2024, 10, 27), id="second-02:30-of-autumn"),
    ],
)
def test_dose_counts_for_its_oslo_calendar_day(moment: datetime, expected: date) -> None:
    assert dose_day(moment) == expected


def test_dose_day_refuses_a_naive_datetime() -> None:
    with pytest.raises(ValueError, match="naive"):
        dose_day(datetime(2024, 1, 1, 12, 0))


def test_dose_day_refuses_a_plain_date() -> None:
    with pytest.raises(TypeError):
        dose_day(date(2024, 1, 1))  # type: ignore[arg-type]


# --- next dose due ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last_dose", "weeks", "expected"),
    [
        pytest.param(oslo(2024, 2, 1), 4, date(2024, 2, 29), id="lands-on-leap-day"),
        pytest.param(oslo(2023, 2, 1), 4, date(2023, 3, 1), id="non-leap-february"),
        pytest.param(oslo(2024, 2, 29), 4, date(2024, 3, 28), id="from-leap-day"),
        pytest.param(utc(2024, 3, 2, 23, 30), 4, date(2024, 3, 31), id="00:30-oslo-stored-previous-utc-day"),
        pytest.param(utc(2024, 3, 30, 23, 30), 4, date(2024, 4, 28), id="dose-on-spring-DST-night"),
        pytest.param(utc(2024, 10, 26, 22, 30), 4, date(2024, 11, 24), id="dose-on-autumn-DST-night"),
        pytest.param(oslo(2024, 12, 10), 4, date(2025, 1, 7), id="across-new-year"),
        pytest.param(utc(2024, 12, 31, 23, 30), 4, date(2025, 1, 29), id="new-year-00:30-stored-in-old-year"),
        pytest.param(oslo(2024, 1, 1), 6, date(2024, 2, 12), id="six-week-individual-interval"),
    ],
)
def test_next_dose_is_last_dose_day_plus_interval(last_dose: datetime, weeks: int, expected: date) -> None:
    assert next_dose_due(last_dose, weeks) == expected


def test_default_interval_is_four_weeks() -> None:
    assert next_dose_due(oslo(2024, 5, 1)) == date(2024, 5, 29)


@pytest.mark.parametrize("weeks", [0, -4])
def test_interval_below_one_week_cannot_be_computed(weeks: int) -> None:
    with pytest.raises(ValueError):
        next_dose_due(oslo(2024, 5, 1), weeks)


@pytest.mark.parametrize(
    ("last_dose", "weeks", "count", "expected"),
    [
        (oslo(2024, 1, 4), 4, 3, (date(2024, 2, 1), date(2024, 2, 29), date(2024, 3, 28))),
        (oslo(2024, 11, 20), 6, 2, (date(2025, 1, 1), date(2025, 2, 12))),
        (utc(2024, 9, 28, 22, 30), 4, 2, (date(2024, 10, 27), date(2024, 11, 24))),
        (oslo(2024, 1, 4), 4, 0, ()),
    ],
)
def test_upcoming_due_dates_step_by_the_interval(
    last_dose: datetime, weeks: int, count: int, expected: tuple[date, ...]
) -> None:
    assert upcoming_due_dates(last_dose, weeks, count) == expected


def test_upcoming_due_dates_refuses_negative_count() -> None:
    with pytest.raises(ValueError):
        upcoming_due_dates(oslo(2024, 1, 4), 4, -1)


# --- start page state ------------------------------------------------------------------------------

LAST = oslo(2024, 3, 1, 9, 0)  # due 2024-03-29 at 4 weeks; day 56 is 2024-04-26


@pytest.mark.parametrize(
    ("today", "state", "to_go", "overdue", "since", "contact"),
    [
        pytest.param(date(2024, 3, 1), DoseState.UPCOMING, 28, 0, 0, False, id="day-of-dose"),
        pytest.param(date(2024, 3, 28), DoseState.UPCOMING, 1, 0, 27, False, id="day-before-due"),
        pytest.param(date(2024, 3, 29), DoseState.DUE_TODAY, 0, 0, 28, False, id="due-day"),
        pytest.param(date(2024, 3, 30), DoseState.OVERDUE, 0, 1, 29, False, id="day-after-due"),
        pytest.param(date(2024, 4, 25), DoseState.OVERDUE, 0, 27, 55, False, id="day-55-not-yet"),
        pytest.param(date(2024, 4, 26), DoseState.OVERDUE, 0, 28, 56, True, id="day-56-contact-clinic"),
        pytest.param(date(2024, 4, 27), DoseState.OVERDUE, 0, 29, 57, True, id="day-57-contact-clinic"),
    ],
)
def test_dose_status_counts_oslo_days_around_due_date_and_8_weeks(
    today: date, state: DoseState, to_go: int, overdue: int, since: int, contact: bool
) -> None:
    status = dose_status(LAST, 4, today)
    assert status.state is state
    assert status.due == date(2024, 3, 29)
    assert status.last_dose_day == date(2024, 3, 1)
    assert (status.days_to_go, status.days_overdue, status.days_since_last_dose) == (to_go, overdue, since)
    assert status.contact_clinic is contact


def test_dose_due_today_across_spring_dst_change_although_only_27_days_23_hours_passed() -> None:
    # 00:30 Oslo on 3 March 2024 is 23:30 UTC on 2 March; 31 March is the DST change
    status = dose_status(utc(2024, 3, 2, 23, 30), 4, date(2024, 3, 31))
    assert status.state is DoseState.DUE_TODAY


@pytest.mark.parametrize(
    ("last_dose", "day_55", "day_56"),
    [
        pytest.param(oslo(2024, 1, 10), date(2024, 3, 5), date(2024, 3, 6), id="leap-year"),
        pytest.param(oslo(2023, 1, 10), date(2023, 3, 6), date(2023, 3, 7), id="non-leap-year"),
        pytest.param(oslo(2024, 11, 20), date(2025, 1, 14), date(2025, 1, 15), id="across-new-year"),
        pytest.param(
            utc(2024, 10, 26, 22, 30), date(2024, 12, 21), date(2024, 12, 22), id="autumn-dst-00:30"
        ),
    ],
)
def test_contact_clinic_starts_exactly_on_day_56(last_dose: datetime, day_55: date, day_56: date) -> None:
    assert dose_status(last_dose, 4, day_55).contact_clinic is False
    assert dose_status(last_dose, 4, day_56).contact_clinic is True


def test_contact_clinic_depends_on_days_since_dose_not_on_interval() -> None:
    # at 7 weeks the dose is only 7 days overdue on day 56, but the rebound threshold still applies
    status = dose_status(LAST, 7, date(2024, 4, 26))
    assert (status.state, status.days_overdue, status.contact_clinic) == (DoseState.OVERDUE, 7, True)


def test_dose_status_refuses_today_before_the_last_dose() -> None:
    with pytest.raises(ValueError):
        dose_status(LAST, 4, date(2024, 2, 29))


def test_dose_status_refuses_a_datetime_as_today() -> None:
    with pytest.raises(TypeError):
        dose_status(LAST, 4, datetime(2024, 3, 10, tzinfo=UTC))


# --- rebound flag ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "raised"),
    [
        pytest.param(date(2024, 4, 25), False, id="day-55"),
        pytest.param(date(2024, 4, 26), True, id="day-56"),
        pytest.param(date(2024, 4, 27), True, id="day-57"),
    ],
)
def test_rebound_flag_is_urgent_from_day_56(today: date, raised: bool) -> None:
    expected = ScheduleFlag(FlagReason.REBOUND_RISK, Level.URGENT, date(2024, 3, 1)) if raised else None
    assert rebound_flag(LAST, today) == expected


def test_rebound_flag_counts_a_0030_dose_for_its_oslo_day_not_its_utc_day() -> None:
    # 00:30 Oslo on 27 Oct 2024 (autumn DST night) is 22:30 UTC on 26 Oct
    last_dose = utc(2024, 10, 26, 22, 30)
    assert rebound_flag(last_dose, date(2024, 12, 21)) is None
    flag = rebound_flag(last_dose, date(2024, 12, 22))
    assert flag is not None and flag.dose_day == date(2024, 10, 27)


def test_rebound_flag_is_raised_only_once_for_the_same_last_dose() -> None:
    assert rebound_flag(LAST, date(2024, 5, 3), already_raised_for=date(2024, 3, 1)) is None


def test_rebound_flag_is_raised_again_for_a_new_gap() -> None:
    flag = rebound_flag(LAST, date(2024, 5, 3), already_raised_for=date(2023, 11, 2))
    assert flag == ScheduleFlag(FlagReason.REBOUND_RISK, Level.URGENT, date(2024, 3, 1))


# --- intervals for the history chart ----------------------------------------------------------------


def test_dose_gaps_are_sorted_and_mark_only_gaps_longer_than_the_interval() -> None:
    doses = [oslo(2024, 3, 29), oslo(2024, 1, 4), oslo(2024, 2, 1), oslo(2024, 4, 27)]
    assert dose_gaps(doses, 4) == (
        DoseGap(date(2024, 1, 4), date(2024, 2, 1), 28, late=False),
        DoseGap(date(2024, 2, 1), date(2024, 3, 29), 57, late=True),
        DoseGap(date(2024, 3, 29), date(2024, 4, 27), 29, late=True),
    )


def test_dose_gaps_use_the_patients_own_interval() -> None:
    doses = [oslo(2024, 1, 1), oslo(2024, 2, 12), oslo(2024, 3, 25, 8)]
    assert [gap.late for gap in dose_gaps(doses, 6)] == [False, False]
    assert [gap.late for gap in dose_gaps(doses, 4)] == [True, True]


def test_dose_gaps_count_oslo_days_across_dst() -> None:
    # 00:30 Oslo 3 March (23:30 UTC 2 March) to 12:00 Oslo 31 March: 28 Oslo days, on time
    assert dose_gaps([utc(2024, 3, 2, 23, 30), oslo(2024, 3, 31)], 4) == (
        DoseGap(date(2024, 3, 3), date(2024, 3, 31), 28, late=False),
    )


@pytest.mark.parametrize("doses", [[], [oslo(2024, 1, 1)]])
def test_dose_gaps_need_two_doses(doses: list[datetime]) -> None:
    assert dose_gaps(doses, 4) == ()


# --- interval validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weeks", "reason", "expected"),
    [
        pytest.param(4, None, [], id="standard-needs-no-reason"),
        pytest.param(5, "JCV index 1.2", [], id="longer-with-reason"),
        pytest.param(7, "pregnancy", [], id="seven-weeks-with-reason"),
        pytest.param(5, None, [ScheduleProblem.REASON_REQUIRED], id="longer-without-reason"),
        pytest.param(6, "   ", [ScheduleProblem.REASON_REQUIRED], id="blank-reason"),
        pytest.param(3, "x", [ScheduleProblem.INTERVAL_SHORTER_THAN_STANDARD], id="shorter-than-4"),
        pytest.param(8, "x", [ScheduleProblem.INTERVAL_REACHES_REBOUND_THRESHOLD], id="8-weeks-rebound"),
        pytest.param(
            10,
            None,
            [ScheduleProblem.INTERVAL_REACHES_REBOUND_THRESHOLD, ScheduleProblem.REASON_REQUIRED],
            id="10-weeks-no-reason",
        ),
    ],
)
def test_validate_interval(weeks: int, reason: str | None, expected: list[ScheduleProblem]) -> None:
    assert validate_interval(weeks, reason) == expected


def test_problem_codes_are_stable_strings() -> None:
    assert validate_interval(5, None) == ["reason_required"]


# --- injection time ----------------------------------------------------------------------------------

NOW = utc(2024, 3, 31, 10, 0)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        pytest.param(NOW, [], id="exactly-now"),
        pytest.param(NOW - timedelta(days=3), [], id="three-days-ago"),
        pytest.param(oslo(2024, 3, 31, 12, 0), [], id="same-instant-in-oslo-time"),
        pytest.param(NOW + timedelta(seconds=1), [ScheduleProblem.IN_THE_FUTURE], id="one-second-ahead"),
        pytest.param(oslo(2024, 3, 31, 12, 1), [ScheduleProblem.IN_THE_FUTURE], id="later-today-oslo"),
    ],
)
def test_injection_time_may_not_be_in_the_future(moment: datetime, expected: list[ScheduleProblem]) -> None:
    assert validate_injection_time(moment, NOW) == expected


def test_injection_time_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError):
        validate_injection_time(datetime(2024, 3, 31, 9, 0), NOW)


# --- home treatment eligibility -----------------------------------------------------------------------

TOO_FEW = MissingRequirement.TOO_FEW_DOSES
REACTION = Requirement(MissingRequirement.REACTION_DURING_SUPERVISED_DOSE)
TRAINING = Requirement(MissingRequirement.TRAINING_NOT_DONE)


@pytest.mark.parametrize(
    ("doses", "reaction", "training", "cleared", "missing"),
    [
        pytest.param(6, False, True, False, (), id="six-doses-trained"),
        pytest.param(9, False, True, False, (), id="more-than-six"),
        pytest.param(5, False, True, False, (Requirement(TOO_FEW, 5, 6),), id="five-doses"),
        pytest.param(0, False, True, False, (Requirement(TOO_FEW, 0, 6),), id="no-doses"),
        pytest.param(6, False, False, False, (TRAINING,), id="not-trained"),
        pytest.param(8, True, True, False, (REACTION,), id="reaction-awaits-clinician"),
        pytest.param(8, True, True, True, (), id="reaction-cleared-by-clinician"),
        pytest.param(6, False, True, True, (), id="clearance-without-reaction-is-harmless"),
        pytest.param(
            2, True, False, False, (Requirement(TOO_FEW, 2, 6), REACTION, TRAINING), id="all-missing"
        ),
    ],
)
def test_home_treatment_gate(
    doses: int, reaction: bool, training: bool, cleared: bool, missing: tuple[Requirement, ...]
) -> None:
    result = home_treatment_eligibility(doses, reaction, training, reaction_cleared_by_clinician=cleared)
    assert result.missing == missing
    assert result.eligible is (missing == ())


def test_home_treatment_refuses_negative_dose_count() -> None:
    with pytest.raises(ValueError):
        home_treatment_eligibility(-1, False, True)


# --- site rotation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        pytest.param([], (S.THIGH_LEFT, S.THIGH_RIGHT), id="first-dose"),
        pytest.param([[S.THIGH_LEFT, S.THIGH_RIGHT]], (S.ABDOMEN_LEFT, S.ABDOMEN_RIGHT), id="not-last-time"),
        pytest.param(
            [
                [S.ABDOMEN_LEFT, S.ABDOMEN_RIGHT],
                [S.UPPER_ARM_LEFT, S.UPPER_ARM_RIGHT],
                [S.THIGH_LEFT, S.THIGH_RIGHT],
            ],
            (S.ABDOMEN_LEFT, S.ABDOMEN_RIGHT),
            id="least-recently-used",
        ),
        pytest.param(
            [[S.THIGH_LEFT, S.ABDOMEN_LEFT], [S.UPPER_ARM_LEFT, S.UPPER_ARM_RIGHT]],
            (S.THIGH_RIGHT, S.ABDOMEN_RIGHT),
            id="never-used-first",
        ),
        pytest.param([[S.THIGH_LEFT]], (S.THIGH_RIGHT, S.ABDOMEN_LEFT), id="partial-last-dose"),
        pytest.param([["upper_arm_left", "abdomen_right"]], (S.THIGH_LEFT, S.THIGH_RIGHT), id="string-codes"),
    ],
)
def test_suggest_sites(history: list[list[InjectionSite | str]], expected: tuple[InjectionSite, ...]) -> None:
    assert suggest_sites(history) == expected


def test_following_suggestions_rotates_through_all_six_sites_and_never_repeats_last_time() -> None:
    history: list[tuple[InjectionSite, InjectionSite]] = []
    for _ in range(9):
        suggestion = suggest_sites(history)
        assert len(set(suggestion)) == 2
        if history:
            assert not set(suggestion) & set(history[-1])
        history.append(suggestion)
    for start in range(len(history) - 2):
        assert {site for dose in history[start : start + 3] for site in dose} == set(InjectionSite)


def test_site_codes_are_the_six_documented_sites() -> None:
    assert {site.value for site in InjectionSite} == {
        "thigh_left",
        "thigh_right",
        "abdomen_left",
        "abdomen_right",
        "upper_arm_left",
        "upper_arm_right",
    }


@pytest.mark.parametrize(
    "history",
    [[[S.THIGH_LEFT, S.THIGH_RIGHT, S.ABDOMEN_LEFT]], [["knee_left"]]],
    ids=["three-sites-in-one-dose", "unknown-site"],
)
def test_suggest_sites_refuses_bad_history(history: list[list[str]]) -> None:
    with pytest.raises(ValueError):
        suggest_sites(history)


# --- second dose within 14 days -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "others", "confirm", "nearest", "apart"),
    [
        pytest.param(oslo(2024, 3, 15), [oslo(2024, 3, 1)], True, date(2024, 3, 1), 14, id="14-days-after"),
        pytest.param(oslo(2024, 3, 16), [oslo(2024, 3, 1)], False, date(2024, 3, 1), 15, id="15-days-after"),
        pytest.param(oslo(2024, 3, 1, 20), [oslo(2024, 3, 1, 8)], True, date(2024, 3, 1), 0, id="same-day"),
        pytest.param(
            oslo(2024, 2, 20), [oslo(2024, 3, 1)], True, date(2024, 3, 1), 10, id="backdated-before"
        ),
        pytest.param(
            oslo(2024, 3, 29),
            [oslo(2024, 1, 4), oslo(2024, 3, 1), oslo(2024, 2, 1)],
            False,
            date(2024, 3, 1),
            28,
            id="nearest-of-many-on-schedule",
        ),
        pytest.param(
            oslo(2024, 3, 31),
            [utc(2024, 3, 16, 23, 30)],
            True,
            date(2024, 3, 17),
            14,
            id="oslo-days-across-dst",
        ),
        pytest.param(oslo(2024, 3, 1), [], False, None, None, id="first-dose"),
    ],
)
def test_second_dose_within_14_days_needs_confirmation(
    new: datetime, others: list[datetime], confirm: bool, nearest: date | None, apart: int | None
) -> None:
    check = second_dose_check(new, others)
    assert (check.needs_confirmation, check.nearest_dose_day, check.days_apart) == (confirm, nearest, apart)


# --- partial dose ------------------------------------------------------------------------------------------


def test_full_dose_raises_no_flag() -> None:
    assert partial_dose_flag(oslo(2024, 3, 1), 2) is None


def test_one_syringe_is_flagged_urgent_for_a_call_on_its_oslo_day() -> None:
    assert partial_dose_flag(utc(2024, 3, 30, 23, 30), 1) == ScheduleFlag(
        FlagReason.PARTIAL_DOSE, Level.URGENT, date(2024, 3, 31)
    )


@pytest.mark.parametrize("syringes", [0, 3])
def test_dose_must_have_one_or_two_syringes(syringes: int) -> None:
    with pytest.raises(ValueError):
        partial_dose_flag(oslo(2024, 3, 1), syringes)



def test_second_dose_check_names_the_nearest_moment_for_the_warning():
    from datetime import UTC, datetime

    from webapp.domain.schedule import second_dose_check
    morning = datetime(2026, 12, 2, 9, 15, tzinfo=UTC)
    check = second_dose_check(datetime(2026, 12, 2, 15, 0, tzinfo=UTC), [morning, datetime(2026, 11, 1, tzinfo=UTC)])
    assert (check.needs_confirmation, check.days_apart, check.nearest_dose) == (True, 0, morning)
