"""Monitoring calendar (webapp/domain/monitoring.py; clinical/facts.md section 6, M1–M5)."""

from datetime import date, timedelta

import pytest

from webapp.domain.levels import Level
from webapp.domain.monitoring import (
    CheckDue,
    CheckKind,
    DueReason,
    DueStatus,
    RecordedCheck,
    due_status,
    monitoring_schedule,
)
from webapp.domain.pml_risk import RiskStatus, risk_status

START = date(2025, 1, 15)
BLOOD, NAB, JCV = CheckKind.BLOOD_TESTS, CheckKind.NEUTRALISING_ANTIBODIES, CheckKind.JCV_ANTIBODIES
CLINICAL, MRI = CheckKind.CLINICAL_CHECK, CheckKind.MRI


def schedule(**given) -> dict[CheckKind, CheckDue]:
    patient = {
        "treatment_start": START,
        "doses_given": (),
        "checks_done": (),
        "jcv_positive": False,
        "jcv_index": None,
        "prior_immunosuppressant": False,
        "today": START,
    }
    return {due.kind: due for due in monitoring_schedule(**(patient | given))}


def done(kind: CheckKind, *days: date) -> tuple[RecordedCheck, ...]:
    return tuple(RecordedCheck(kind, day) for day in days)


def every_4_weeks(count: int, first: date = START) -> tuple[date, ...]:
    return tuple(first + timedelta(weeks=4 * number) for number in range(count))


def test_schedule_lists_each_kind_once_in_the_order_of_the_facts():
    result = monitoring_schedule(
        treatment_start=START,
        doses_given=(),
        checks_done=(),
        jcv_positive=None,
        jcv_index=None,
        prior_immunosuppressant=False,
        today=START,
    )

    assert [(due.kind, due.basis) for due in result] == [
        (BLOOD, "M1"),
        (NAB, "M2"),
        (JCV, "M3"),
        (CLINICAL, "M4"),
        (MRI, "M5"),
    ]


# --- status boundaries --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_to_due", "status"),
    [
        (29, DueStatus.SCHEDULED),
        (28, DueStatus.DUE_SOON),
        (1, DueStatus.DUE_SOON),
        (0, DueStatus.DUE_SOON),
        (-1, DueStatus.OVERDUE),
    ],
)
def test_due_soon_from_28_days_before_and_overdue_from_the_day_after(days_to_due, status):
    due_on = date(2025, 6, 1)

    assert due_status(due_on, today=due_on - timedelta(days=days_to_due)) == status


# --- M1 blood tests: before doses 1, 2, 3 and 6, then every 6 months ----------------------------


def test_blood_tests_are_due_before_the_first_dose():
    blood = schedule(today=START - timedelta(days=40))[BLOOD]

    assert (blood.due_on, blood.reason, blood.status) == (START, DueReason.BEFORE_DOSE_1, DueStatus.SCHEDULED)


def test_a_test_on_the_day_of_a_dose_belongs_to_that_dose():
    blood = schedule(doses_given=(START,), checks_done=done(BLOOD, START), today=START + timedelta(days=1))[
        BLOOD
    ]

    assert (blood.due_on, blood.reason) == (START + timedelta(days=28), DueReason.BEFORE_DOSE_2)


def test_after_the_test_before_dose_2_the_next_is_before_dose_3():
    blood = schedule(
        doses_given=(START,),
        checks_done=done(BLOOD, START, START + timedelta(days=20)),
        today=START + timedelta(days=21),
    )[BLOOD]

    assert (blood.due_on, blood.reason) == (START + timedelta(days=56), DueReason.BEFORE_DOSE_3)


def test_after_dose_3_the_next_blood_test_is_before_dose_6():
    doses = every_4_weeks(3)

    blood = schedule(doses_given=doses, checks_done=done(BLOOD, *doses), today=doses[-1])[BLOOD]

    assert (blood.due_on, blood.reason) == (doses[-1] + timedelta(weeks=12), DueReason.BEFORE_DOSE_6)
    assert blood.status == DueStatus.SCHEDULED


def test_planned_doses_follow_the_patients_interval():
    blood = schedule(doses_given=(START,), today=START, dose_interval_weeks=6)[BLOOD]

    assert blood.due_on == START + timedelta(days=42)


def test_a_late_dose_leaves_its_blood_test_overdue():
    blood = schedule(doses_given=(START,), today=START + timedelta(days=29))[BLOOD]

    assert (blood.reason, blood.status) == (DueReason.BEFORE_DOSE_2, DueStatus.OVERDUE)


def test_after_dose_6_blood_tests_are_every_6_months_from_the_last():
    doses = every_4_weeks(6)  # dose 6 on 2025-06-04

    blood = schedule(doses_given=doses, checks_done=done(BLOOD, *doses), today=doses[-1])[BLOOD]

    assert (blood.due_on, blood.reason) == (date(2025, 12, 4), DueReason.EVERY_6_MONTHS)


def test_a_test_taken_after_dose_5_already_starts_the_6_monthly_rhythm():
    doses = every_4_weeks(5)
    test_day = doses[-1] + timedelta(days=20)  # 2025-05-27

    blood = schedule(doses_given=doses, checks_done=done(BLOOD, test_day), today=test_day)[BLOOD]

    assert (blood.due_on, blood.reason) == (date(2025, 11, 27), DueReason.EVERY_6_MONTHS)


def test_six_doses_and_no_blood_test_recorded_is_overdue_since_dose_6():
    doses = every_4_weeks(6)

    blood = schedule(doses_given=doses, today=doses[-1] + timedelta(days=1))[BLOOD]

    assert (blood.due_on, blood.reason, blood.status) == (
        doses[-1],
        DueReason.BEFORE_DOSE_6,
        DueStatus.OVERDUE,
    )


def test_a_check_dated_after_today_is_not_counted():
    doses = every_4_weeks(6)

    blood = schedule(
        doses_given=doses, checks_done=done(BLOOD, doses[-1] + timedelta(days=3)), today=doses[-1]
    )[BLOOD]

    assert blood.reason == DueReason.BEFORE_DOSE_6


def test_an_interval_under_a_week_is_refused():
    with pytest.raises(ValueError):
        schedule(dose_interval_weeks=0)


def test_a_dose_before_the_treatment_start_is_refused():
    with pytest.raises(ValueError):
        schedule(doses_given=(START - timedelta(days=1),))


# --- M2 neutralising antibodies: after 6 and 12 months ------------------------------------------


def test_nab_is_due_6_months_after_the_start():
    nab = schedule()[NAB]

    assert (nab.due_on, nab.reason, nab.status) == (
        date(2025, 7, 15),
        DueReason.AFTER_6_MONTHS,
        DueStatus.SCHEDULED,
    )


def test_after_the_6_month_nab_the_next_is_12_months_after_the_start():
    nab = schedule(checks_done=done(NAB, date(2025, 7, 10)), today=date(2025, 7, 10))[NAB]

    assert (nab.due_on, nab.reason) == (date(2026, 1, 15), DueReason.AFTER_12_MONTHS)


def test_after_the_12_month_nab_nothing_more_is_scheduled():
    nab = schedule(checks_done=done(NAB, date(2025, 7, 15), date(2026, 1, 15)), today=date(2026, 2, 1))[NAB]

    assert (nab.status, nab.due_on) == (DueStatus.DONE, None)


@pytest.mark.parametrize(("days_early", "counts"), [(28, True), (29, False)])
def test_a_timed_check_counts_from_its_due_soon_window(days_early, counts):
    tested = date(2025, 7, 15) - timedelta(days=days_early)

    nab = schedule(checks_done=done(NAB, tested), today=tested)[NAB]

    assert (nab.reason == DueReason.AFTER_12_MONTHS) is counts


# --- M3 JCV antibodies: every 6 months ----------------------------------------------------------


def test_jcv_with_no_result_is_due_at_the_start_and_flagged_once_overdue():
    before, after = schedule(), schedule(today=START + timedelta(days=1))

    assert (before[JCV].due_on, before[JCV].reason, before[JCV].nurse_flag) == (
        START,
        DueReason.BEFORE_TREATMENT_START,
        Level.NONE,
    )
    assert (after[JCV].status, after[JCV].nurse_flag) == (DueStatus.OVERDUE, Level.ROUTINE)


@pytest.mark.parametrize(
    ("today", "status", "flag"),
    [
        (date(2025, 7, 10), DueStatus.DUE_SOON, Level.NONE),  # exactly 6 months
        (date(2025, 7, 11), DueStatus.OVERDUE, Level.ROUTINE),  # 6 months + 1 day
    ],
)
def test_jcv_result_older_than_6_months_is_overdue_with_a_routine_nurse_flag(today, status, flag):
    jcv = schedule(checks_done=done(JCV, date(2025, 1, 1), date(2025, 1, 10)), today=today)[JCV]

    assert (jcv.due_on, jcv.reason, jcv.status, jcv.nurse_flag) == (
        date(2025, 7, 10),
        DueReason.EVERY_6_MONTHS,
        status,
        flag,
    )


def test_jcv_overdue_agrees_with_the_risk_figures_out_of_date_status():
    tested = date(2024, 8, 31)
    for offset in range(170, 190):
        today = tested + timedelta(days=offset)
        jcv = schedule(checks_done=done(JCV, tested), today=today)[JCV]
        status = risk_status(jcv_positive=True, jcv_tested_on=tested, today=today)

        assert (jcv.status == DueStatus.OVERDUE) is (status is RiskStatus.OUT_OF_DATE), today


def test_other_overdue_checks_raise_no_nurse_flag():
    late = schedule(today=date(2027, 1, 1))

    assert {kind for kind, due in late.items() if due.status is DueStatus.OVERDUE} == set(CheckKind)
    assert {kind for kind, due in late.items() if due.nurse_flag is not Level.NONE} == {JCV}


# --- M4 clinical check with EDSS: after 6 months, then yearly -----------------------------------


def test_clinical_check_is_due_6_months_after_the_start():
    check = schedule()[CLINICAL]

    assert (check.due_on, check.reason) == (date(2025, 7, 15), DueReason.AFTER_6_MONTHS)


def test_a_clinical_check_before_the_6_month_window_does_not_count():
    check = schedule(checks_done=done(CLINICAL, date(2025, 4, 15)), today=date(2025, 5, 1))[CLINICAL]

    assert (check.due_on, check.reason) == (date(2025, 7, 15), DueReason.AFTER_6_MONTHS)


def test_after_the_6_month_clinical_check_it_is_yearly_from_the_last():
    check = schedule(checks_done=done(CLINICAL, date(2025, 7, 20)), today=date(2025, 8, 1))[CLINICAL]

    assert (check.due_on, check.reason, check.status) == (
        date(2026, 7, 20),
        DueReason.YEARLY,
        DueStatus.SCHEDULED,
    )


# --- M5 MRI: rebaseline after 3–6 months, then by PML risk --------------------------------------


def test_mri_rebaseline_is_due_6_months_after_the_start():
    mri = schedule()[MRI]

    assert (mri.due_on, mri.reason) == (date(2025, 7, 15), DueReason.MRI_REBASELINE)


@pytest.mark.parametrize(("scan", "rebaselined"), [(date(2025, 4, 14), False), (date(2025, 4, 15), True)])
def test_an_mri_counts_as_rebaseline_from_3_months(scan, rebaselined):
    mri = schedule(checks_done=done(MRI, scan), today=date(2025, 5, 1))[MRI]

    assert (mri.reason != DueReason.MRI_REBASELINE) is rebaselined


@pytest.mark.parametrize(
    ("jcv_positive", "jcv_index", "prior", "due_on", "reason"),
    [
        (False, None, False, date(2026, 5, 1), DueReason.YEARLY),
        (False, None, True, date(2026, 5, 1), DueReason.YEARLY),
        (None, None, False, date(2026, 5, 1), DueReason.YEARLY),
        # any positive result: every 6 months, also at index ≤ 0.9 (facts M5 app default, review E3)
        (True, 0.9, False, date(2025, 11, 1), DueReason.MRI_EVERY_3_TO_6_MONTHS_JCV_POSITIVE),
        (True, 0.1, False, date(2025, 11, 1), DueReason.MRI_EVERY_3_TO_6_MONTHS_JCV_POSITIVE),
        (True, 0.91, False, date(2025, 11, 1), DueReason.MRI_EVERY_6_MONTHS_INDEX_0_9_TO_1_5),
        (True, 1.5, False, date(2025, 11, 1), DueReason.MRI_EVERY_6_MONTHS_INDEX_0_9_TO_1_5),
        (True, 1.51, False, date(2025, 11, 1), DueReason.MRI_EVERY_3_TO_6_MONTHS_RAISED_RISK),
        (True, 0.3, True, date(2025, 11, 1), DueReason.MRI_EVERY_3_TO_6_MONTHS_RAISED_RISK),
        (True, None, True, date(2025, 11, 1), DueReason.MRI_EVERY_3_TO_6_MONTHS_RAISED_RISK),
        (True, None, False, date(2025, 11, 1), DueReason.MRI_EVERY_6_MONTHS_INDEX_UNKNOWN),
    ],
)
def test_after_rebaseline_mri_interval_follows_the_pml_risk(jcv_positive, jcv_index, prior, due_on, reason):
    mri = schedule(
        checks_done=done(MRI, date(2025, 5, 1)),
        jcv_positive=jcv_positive,
        jcv_index=jcv_index,
        prior_immunosuppressant=prior,
        today=date(2025, 5, 2),
    )[MRI]

    assert (mri.due_on, mri.reason) == (due_on, reason)


# --- calendar months ----------------------------------------------------------------------------


def test_six_months_after_31_august_is_the_end_of_february():
    result = schedule(treatment_start=date(2024, 8, 31), today=date(2024, 8, 31))

    assert result[NAB].due_on == date(2025, 2, 28)
    assert result[CLINICAL].due_on == date(2025, 2, 28)
    assert result[MRI].due_on == date(2025, 2, 28)


def test_twelve_months_are_counted_from_the_start_not_from_the_clamped_6_month_date():
    nab = schedule(
        treatment_start=date(2024, 8, 31), checks_done=done(NAB, date(2025, 2, 28)), today=date(2025, 3, 1)
    )[NAB]

    assert nab.due_on == date(2025, 8, 31)


def test_six_months_after_31_august_before_a_leap_year_is_29_february():
    assert schedule(treatment_start=date(2023, 8, 31), today=date(2023, 8, 31))[NAB].due_on == date(
        2024, 2, 29
    )


def test_a_year_after_a_leap_day_is_28_february():
    result = schedule(
        treatment_start=date(2023, 6, 1),
        checks_done=done(CLINICAL, date(2024, 2, 29)) + done(MRI, date(2024, 2, 29)),
        today=date(2024, 3, 1),
    )

    assert result[CLINICAL].due_on == date(2025, 2, 28)
    assert result[MRI].due_on == date(2025, 2, 28)


def test_six_months_after_a_leap_day_keeps_the_29th():
    jcv = schedule(checks_done=done(JCV, date(2024, 2, 29)), today=date(2024, 3, 1))[JCV]

    assert jcv.due_on == date(2024, 8, 29)


def test_the_jcv_row_on_its_own_agrees_with_the_whole_schedule():
    from webapp.domain.monitoring import jcv_antibodies_due

    start, tested, today = date(2025, 1, 10), [date(2025, 1, 3), date(2025, 7, 1)], date(2026, 1, 2)
    whole = monitoring_schedule(treatment_start=start, doses_given=[], checks_done=[
        RecordedCheck(CheckKind.JCV_ANTIBODIES, d) for d in tested], jcv_positive=False, jcv_index=None,
        prior_immunosuppressant=False, today=today)
    alone = jcv_antibodies_due(start, [*tested, date(2026, 3, 1)], today)  # a future date is not counted
    assert alone == whole[2]
    assert (alone.due_on, alone.status, alone.nurse_flag) == (date(2026, 1, 1), DueStatus.OVERDUE, Level.ROUTINE)
