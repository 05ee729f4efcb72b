"""PML risk figure, JCV result status and clinic bands (clinical/facts.md section 7, pml_risk_table.md)."""

import csv
import math
from datetime import date

import pytest

from tests.clinical_files import clinical_file
from webapp.domain.levels import Level
from webapp.domain.pml_risk import (
    RISK_TABLE,
    RISK_TABLE_COLUMNS,
    ClinicAction,
    Effect,
    ExposureRow,
    JcvBand,
    NaturalFrequency,
    RiskColumn,
    RiskFactorCode,
    RiskStatus,
    assess_pml_risk,
    estimate_per_1000,
    jcv_band,
    natural_frequency,
    nurse_guidance,
    one_in,
    risk_factors,
    risk_status,
)

CSV_PATH = clinical_file("pml_risk_table.csv")
needs_csv = pytest.mark.skipif(not CSV_PATH.exists(), reason="shared/clinical/pml_risk_table.csv not here")

# The table from seed 000, typed again here rather than imported, so that a wrong cell in the module
# fails even where the CSV is not at hand.
EXPECTED_COLUMNS = (
    "no_prior_is_no_index",
    "no_prior_is_index_le_0_9",
    "no_prior_is_index_0_9_to_1_5",
    "no_prior_is_index_gt_1_5",
    "prior_is",
)
EXPECTED_ROWS = (
    (1, 12, (0.1, 0.1, 0.1, 0.2, 0.3)),
    (13, 24, (0.6, 0.1, 0.3, 0.9, 0.4)),
    (25, 36, (2, 0.2, 0.8, 3, 4)),
    (37, 48, (4, 0.4, 2, 7, 8)),
    (49, 60, (5, 0.5, 2, 8, 8)),
    (61, 72, (6, 0.6, 3, 10, 6)),
)
# a patient who lands in each column
COLUMN_PATIENT = {
    "no_prior_is_no_index": {"jcv_index": None, "prior_immunosuppressant": False},
    "no_prior_is_index_le_0_9": {"jcv_index": 0.5, "prior_immunosuppressant": False},
    "no_prior_is_index_0_9_to_1_5": {"jcv_index": 1.2, "prior_immunosuppressant": False},
    "no_prior_is_index_gt_1_5": {"jcv_index": 2.4, "prior_immunosuppressant": False},
    "prior_is": {"jcv_index": 2.4, "prior_immunosuppressant": True},
}
CELLS = [
    pytest.param(months, column, figure, ExposureRow(start, end), id=f"{months}m-{column}")
    for start, end, figures in EXPECTED_ROWS
    for months in (start, end)
    for column, figure in zip(EXPECTED_COLUMNS, figures, strict=True)
]


def read_csv() -> tuple[list[str], list[tuple[int, int, tuple[float, ...]]]]:
    with CSV_PATH.open(newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file)
        rows = [
            (
                int(line["exposure_months_from"]),
                int(line["exposure_months_to"]),
                tuple(float(line[column]) for column in EXPECTED_COLUMNS),
            )
            for line in reader
        ]
        return list(reader.fieldnames or []), rows


# --- the table ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("months", "column", "figure", "row"), CELLS)
def test_each_table_cell_is_the_figure_for_a_patient_in_its_row_and_column(months, column, figure, row):
    estimate = assess_pml_risk(jcv_positive=True, months_on_treatment=months, **COLUMN_PATIENT[column])

    assert estimate.per_1000 == figure
    assert estimate.row == row
    assert estimate.column == RiskColumn(column)
    assert estimate.beyond_table is False
    assert (
        estimate_per_1000(jcv_positive=True, months_on_treatment=months, **COLUMN_PATIENT[column]) == figure
    )


@needs_csv
def test_module_table_is_the_shared_csv_cell_for_cell():
    header, csv_rows = read_csv()
    module_rows = [(row.months_from, row.months_to, figures) for row, figures in RISK_TABLE]

    assert header == ["exposure_months_from", "exposure_months_to", *EXPECTED_COLUMNS]
    assert [column.value for column in RISK_TABLE_COLUMNS] == list(EXPECTED_COLUMNS)
    assert module_rows == csv_rows


@needs_csv
def test_this_files_copy_of_the_table_is_the_shared_csv():
    assert read_csv()[1] == list(EXPECTED_ROWS)


# --- boundaries ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jcv_index", "column", "figure"),
    [
        (0.0, RiskColumn.INDEX_LE_0_9, 0.2),
        (0.9, RiskColumn.INDEX_LE_0_9, 0.2),
        (0.91, RiskColumn.INDEX_0_9_TO_1_5, 0.8),
        (1.5, RiskColumn.INDEX_0_9_TO_1_5, 0.8),
        (1.51, RiskColumn.INDEX_GT_1_5, 3),
    ],
)
def test_index_boundaries_count_0_9_as_low_and_1_5_as_middle(jcv_index, column, figure):
    estimate = assess_pml_risk(
        jcv_positive=True, jcv_index=jcv_index, months_on_treatment=30, prior_immunosuppressant=False
    )

    assert (estimate.column, estimate.per_1000) == (column, figure)


@pytest.mark.parametrize(
    ("months", "row", "figure"),
    [
        (0, ExposureRow(1, 12), 0.2),
        (12, ExposureRow(1, 12), 0.2),
        (13, ExposureRow(13, 24), 0.9),
        (24, ExposureRow(13, 24), 0.9),
        (25, ExposureRow(25, 36), 3),
        (72, ExposureRow(61, 72), 10),
    ],
)
def test_exposure_boundaries_pick_the_row_whose_months_include_it(months, row, figure):
    estimate = assess_pml_risk(
        jcv_positive=True, jcv_index=2.0, months_on_treatment=months, prior_immunosuppressant=False
    )

    assert (estimate.row, estimate.per_1000, estimate.beyond_table) == (row, figure, False)


@pytest.mark.parametrize("months", [73, 120])
def test_beyond_72_months_the_61_to_72_row_stands_and_says_the_table_stops(months):
    estimate = assess_pml_risk(
        jcv_positive=True, jcv_index=2.0, months_on_treatment=months, prior_immunosuppressant=False
    )

    assert (estimate.row, estimate.per_1000, estimate.beyond_table) == (ExposureRow(61, 72), 10, True)


@pytest.mark.parametrize("jcv_index", [None, 0.2, 1.2, 3.0])
def test_prior_immunosuppression_uses_its_column_whatever_the_index(jcv_index):
    estimate = assess_pml_risk(
        jcv_positive=True, jcv_index=jcv_index, months_on_treatment=40, prior_immunosuppressant=True
    )

    assert (estimate.column, estimate.per_1000) == (RiskColumn.PRIOR_IS, 8)


def test_positive_without_index_uses_the_no_index_column():
    estimate = assess_pml_risk(
        jcv_positive=True, jcv_index=None, months_on_treatment=20, prior_immunosuppressant=False
    )

    assert (estimate.column, estimate.per_1000) == (RiskColumn.NO_INDEX, 0.6)


@pytest.mark.parametrize(
    ("months", "jcv_index", "prior"), [(0, None, False), (30, 2.0, False), (50, 1.0, True), (200, None, True)]
)
def test_jcv_negative_is_0_1_per_1000_whatever_the_exposure(months, jcv_index, prior):
    estimate = assess_pml_risk(
        jcv_positive=False, jcv_index=jcv_index, months_on_treatment=months, prior_immunosuppressant=prior
    )

    assert estimate.per_1000 == 0.1
    assert estimate.column == RiskColumn.JCV_NEGATIVE
    assert estimate.row is None
    assert estimate.beyond_table is False


@pytest.mark.parametrize(
    ("jcv_positive", "jcv_index", "months"),
    [(True, None, -1), (False, None, -1), (True, -0.1, 10), (False, -0.1, 10), (True, math.nan, 10)],
)
def test_negative_months_or_a_negative_index_is_refused(jcv_positive, jcv_index, months):
    with pytest.raises(ValueError):
        estimate_per_1000(
            jcv_positive=jcv_positive,
            jcv_index=jcv_index,
            months_on_treatment=months,
            prior_immunosuppressant=False,
        )


# --- natural frequencies ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("per_1000", "n"),
    [(3, 333), (0.1, 10_000), (0.6, 1_667), (7, 143), (10, 100), (0.3, 3_333), (6, 167), (0.2, 5_000)],
)
def test_about_one_in_n_rounds_to_the_nearest_person(per_1000, n):
    assert one_in(per_1000) == n


@pytest.mark.parametrize(
    ("per_1000", "affected", "out_of", "not_affected"),
    [(3, 3, 1000, 997), (10, 10, 1000, 990), (0.1, 1, 10_000, 9_999), (0.6, 6, 10_000, 9_994)],
)
def test_natural_frequency_counts_whole_people(per_1000, affected, out_of, not_affected):
    frequency = natural_frequency(per_1000)

    assert (frequency.affected, frequency.out_of, frequency.not_affected) == (affected, out_of, not_affected)


def test_estimate_carries_one_in_n_and_how_many_in_1000_do_not_get_pml():
    estimate = assess_pml_risk(
        jcv_positive=True, jcv_index=1.2, months_on_treatment=70, prior_immunosuppressant=False
    )

    assert estimate.one_in == 333
    assert estimate.frequency == NaturalFrequency(affected=3, out_of=1000)
    assert estimate.frequency.not_affected == 997


@pytest.mark.parametrize("per_1000", [0, -1])
def test_one_in_n_refuses_a_risk_of_zero_or_less(per_1000):
    with pytest.raises(ValueError):
        one_in(per_1000)


# --- is the JCV result current? -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("jcv_positive", "tested_on"), [(None, date(2025, 3, 1)), (True, None), (None, None)]
)
def test_risk_status_is_unknown_without_a_jcv_result(jcv_positive, tested_on):
    assert risk_status(jcv_positive=jcv_positive, jcv_tested_on=tested_on, today=date(2025, 4, 1)) == (
        RiskStatus.UNKNOWN
    )


@pytest.mark.parametrize(
    ("tested_on", "today", "status"),
    [
        (date(2025, 1, 15), date(2025, 1, 15), RiskStatus.CURRENT),
        (date(2025, 1, 15), date(2025, 7, 15), RiskStatus.CURRENT),  # exactly 6 months
        (date(2025, 1, 15), date(2025, 7, 16), RiskStatus.OUT_OF_DATE),  # 6 months + 1 day
        (date(2024, 8, 31), date(2025, 2, 28), RiskStatus.CURRENT),  # 31 Aug + 6 months = 28 Feb
        (date(2024, 8, 31), date(2025, 3, 1), RiskStatus.OUT_OF_DATE),
        (date(2023, 8, 31), date(2024, 2, 29), RiskStatus.CURRENT),  # leap year: 29 Feb
        (date(2023, 8, 31), date(2024, 3, 1), RiskStatus.OUT_OF_DATE),
    ],
)
def test_a_jcv_result_is_out_of_date_from_the_day_after_six_calendar_months(tested_on, today, status):
    for jcv_positive in (True, False):
        assert risk_status(jcv_positive=jcv_positive, jcv_tested_on=tested_on, today=today) == status


# --- clinic bands, for the nurse ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("jcv_positive", "jcv_index", "band"),
    [
        (False, None, JcvBand.NEGATIVE),
        (False, 2.0, JcvBand.NEGATIVE),
        (True, None, JcvBand.INDEX_UNKNOWN),
        (True, 0.9, JcvBand.LOW),
        (True, 0.91, JcvBand.RISING),
        (True, 1.5, JcvBand.RISING),
        (True, 1.51, JcvBand.HIGH),
    ],
)
def test_jcv_band_follows_the_clinics_index_thresholds(jcv_positive, jcv_index, band):
    assert jcv_band(jcv_positive=jcv_positive, jcv_index=jcv_index) == band


def test_high_index_gives_the_nurse_a_routine_flag_to_plan_a_switch():
    guidance = nurse_guidance(jcv_positive=True, jcv_index=1.51)

    assert guidance.flag == Level.ROUTINE
    assert ClinicAction.PLAN_SWITCH in guidance.actions


@pytest.mark.parametrize(
    ("jcv_positive", "jcv_index"), [(False, None), (True, None), (True, 0.9), (True, 1.5)]
)
def test_only_a_high_index_raises_a_flag_or_a_switch(jcv_positive, jcv_index):
    guidance = nurse_guidance(jcv_positive=jcv_positive, jcv_index=jcv_index)

    assert guidance.flag == Level.NONE
    assert ClinicAction.PLAN_SWITCH not in guidance.actions


def test_rising_index_asks_for_six_monthly_mri_and_considering_longer_intervals():
    actions = nurse_guidance(jcv_positive=True, jcv_index=1.2).actions

    assert {ClinicAction.MRI_EVERY_6_MONTHS, ClinicAction.CONSIDER_LONGER_INTERVAL} <= set(actions)


# --- what raises and lowers the risk ------------------------------------------------------------


def applying(**patient) -> set[RiskFactorCode]:
    defaults = {"jcv_positive": True, "jcv_index": None, "months_on_treatment": 10}
    defaults["prior_immunosuppressant"] = False
    return {factor.code for factor in risk_factors(**(defaults | patient)) if factor.applies}


def test_every_factor_is_listed_with_its_direction_whether_or_not_it_applies():
    factors = risk_factors(
        jcv_positive=False, jcv_index=None, months_on_treatment=0, prior_immunosuppressant=False
    )

    assert {factor.code: factor.effect for factor in factors} == {
        RiskFactorCode.JCV_ANTIBODIES: Effect.RAISES,
        RiskFactorCode.JCV_INDEX_ABOVE_0_9: Effect.RAISES,
        RiskFactorCode.JCV_INDEX_AT_MOST_0_9: Effect.LOWERS,
        RiskFactorCode.TREATMENT_OVER_24_MONTHS: Effect.RAISES,
        RiskFactorCode.PRIOR_IMMUNOSUPPRESSANT: Effect.RAISES,
        RiskFactorCode.LONGER_DOSE_INTERVAL: Effect.LOWERS,
    }
    assert not any(factor.applies for factor in factors)


def test_time_on_treatment_raises_the_risk_after_24_months():
    assert RiskFactorCode.TREATMENT_OVER_24_MONTHS not in applying(months_on_treatment=24)
    assert RiskFactorCode.TREATMENT_OVER_24_MONTHS in applying(months_on_treatment=25)


@pytest.mark.parametrize(
    ("jcv_positive", "jcv_index", "expected"),
    [
        (True, 0.9, {RiskFactorCode.JCV_ANTIBODIES, RiskFactorCode.JCV_INDEX_AT_MOST_0_9}),
        (True, 0.91, {RiskFactorCode.JCV_ANTIBODIES, RiskFactorCode.JCV_INDEX_ABOVE_0_9}),
        (True, 3.0, {RiskFactorCode.JCV_ANTIBODIES, RiskFactorCode.JCV_INDEX_ABOVE_0_9}),
        (True, None, {RiskFactorCode.JCV_ANTIBODIES}),
        (False, 3.0, set()),
    ],
)
def test_jcv_status_and_index_factors_apply_only_to_positive_patients(jcv_positive, jcv_index, expected):
    assert applying(jcv_positive=jcv_positive, jcv_index=jcv_index) == expected


def test_prior_immunosuppression_is_a_factor_that_raises_the_risk():
    assert RiskFactorCode.PRIOR_IMMUNOSUPPRESSANT in applying(prior_immunosuppressant=True)


def test_a_longer_dose_interval_lowers_the_risk_but_the_table_does_not_count_it():
    factors = risk_factors(
        jcv_positive=True,
        jcv_index=1.2,
        months_on_treatment=30,
        prior_immunosuppressant=False,
        dose_interval_weeks=6,
    )
    interval = next(f for f in factors if f.code is RiskFactorCode.LONGER_DOSE_INTERVAL)

    assert (interval.applies, interval.effect, interval.in_table) == (True, Effect.LOWERS, False)
    assert RiskFactorCode.LONGER_DOSE_INTERVAL not in applying(dose_interval_weeks=4)


# --- months on treatment, from the first dose (pml_risk_table.md, Boundaries) -----------------

from webapp.domain.pml_risk import months_on_treatment  # noqa: E402


@pytest.mark.parametrize(("today", "months"), [
    (date(2020, 1, 15), 0),  # the day of the first dose
    (date(2020, 2, 14), 0),
    (date(2020, 2, 15), 1),
    (date(2021, 1, 14), 11),
    (date(2021, 1, 15), 12),
    (date(2021, 2, 14), 12),
    (date(2021, 2, 15), 13),
    (date(2026, 1, 15), 72),
    (date(2026, 2, 14), 72),
    (date(2026, 2, 15), 73),
])
def test_months_on_treatment_are_whole_calendar_months_since_the_first_dose(today, months):
    assert months_on_treatment(date(2020, 1, 15), today) == months


def test_a_first_dose_after_today_counts_no_months():
    assert months_on_treatment(date(2030, 1, 1), date(2029, 12, 1)) == 0


@pytest.mark.parametrize(("today", "row", "beyond"), [
    (date(2021, 2, 14), ExposureRow(1, 12), False),   # 12 months
    (date(2021, 2, 15), ExposureRow(13, 24), False),  # 13 months
    (date(2026, 2, 14), ExposureRow(61, 72), False),  # 72 months
    (date(2026, 2, 15), ExposureRow(61, 72), True),   # 73 months: the last row stands, data stop
])
def test_dates_at_the_12_13_and_72_73_month_boundaries_pick_the_table_row(today, row, beyond):
    estimate = assess_pml_risk(jcv_positive=True, jcv_index=1.0,
                               months_on_treatment=months_on_treatment(date(2020, 1, 15), today),
                               prior_immunosuppressant=False)
    assert (estimate.row, estimate.beyond_table) == (row, beyond)
