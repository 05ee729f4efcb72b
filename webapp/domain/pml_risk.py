"""PML risk: the figure from the clinic's table, whether the JCV result behind it is current, and
what the clinic does at each JCV index (clinical/facts.md sections 6 and 7, pml_risk_table.md).

The app shows the patient's figure and says "talk to your clinic"; it never suggests a change of
treatment (facts section 7, App rule). The clinic-action band is for the nurse's pages only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Final

from dateutil.relativedelta import relativedelta

from webapp.domain.levels import Level
from webapp.domain.schedule import STANDARD_INTERVAL_WEEKS


class RiskColumn(StrEnum):
    """Which column of the table a figure came from; the values are the CSV's column names."""

    NO_INDEX = "no_prior_is_no_index"
    INDEX_LE_0_9 = "no_prior_is_index_le_0_9"
    INDEX_0_9_TO_1_5 = "no_prior_is_index_0_9_to_1_5"
    INDEX_GT_1_5 = "no_prior_is_index_gt_1_5"
    PRIOR_IS = "prior_is"
    JCV_NEGATIVE = "jcv_negative"  # outside the table: 0.1 per 1000 (facts P3)


@dataclass(frozen=True, slots=True)
class ExposureRow:
    """Months of natalizumab exposure, both ends inclusive."""

    months_from: int
    months_to: int


RISK_TABLE_COLUMNS: Final = (
    RiskColumn.NO_INDEX,
    RiskColumn.INDEX_LE_0_9,
    RiskColumn.INDEX_0_9_TO_1_5,
    RiskColumn.INDEX_GT_1_5,
    RiskColumn.PRIOR_IS,
)

# Which table the figures come from: printed beside every estimate that leaves the app (issue 15, the
# summary PDF), so that a reader months later knows which table version the figure was read from.
RISK_TABLE_VERSION: Final = "Biogen legeinformasjon 2025"

# PML cases per 1000 anti-JCV-positive patients, "Biogen legeinformasjon 2025" as printed in seed 000
# (facts P5), copied cell for cell from clinical/pml_risk_table.csv; a unit test compares the two.
# The prior_is column falls from 8 to 6 in the last row: that is the source, do not "fix" it.
RISK_TABLE: Final[tuple[tuple[ExposureRow, tuple[float, float, float, float, float]], ...]] = (
    #                    no index  ≤0.9  0.9–1.5  >1.5  prior IS
    (ExposureRow(1, 12), (0.1, 0.1, 0.1, 0.2, 0.3)),
    (ExposureRow(13, 24), (0.6, 0.1, 0.3, 0.9, 0.4)),
    (ExposureRow(25, 36), (2, 0.2, 0.8, 3, 4)),
    (ExposureRow(37, 48), (4, 0.4, 2, 7, 8)),
    (ExposureRow(49, 60), (5, 0.5, 2, 8, 8)),
    (ExposureRow(61, 72), (6, 0.6, 3, 10, 6)),
)

# anti-JCV-negative: about 0.1 per 1000 whatever the exposure (facts P3)
JCV_NEGATIVE_PER_1000: Final = 0.1

# the index boundaries of the table and of the clinic's bands: 0.9 counts as "≤ 0.9" and 1.5 as
# "0.9–1.5", because the seed's text says low at ≤ 0.9 and high above 1.5 (facts section 7)
LOW_INDEX_MAX: Final = 0.9
RISING_INDEX_MAX: Final = 1.5

# the table's figures depend on exposure, so time on treatment above this is a factor (facts P2)
EXPOSURE_FACTOR_MONTHS: Final = 24


def months_on_treatment(treatment_start: date, today: date) -> int:
    """Whole calendar months of natalizumab exposure from the first dose, IV and SC together
    (pml_risk_table.md, Boundaries: an app rule). The 12th month ends on the day 12 months after the
    start: 15 January to 14 January is 11 months, to 15 January 12, to 15 February 13. A start
    after today counts 0."""
    if today <= treatment_start:
        return 0
    span = relativedelta(today, treatment_start)
    return span.years * 12 + span.months


def table_figure(row: ExposureRow, column: RiskColumn) -> float:
    """One cell of the table, by row and column."""
    for table_row, figures in RISK_TABLE:
        if table_row == row:
            return dict(zip(RISK_TABLE_COLUMNS, figures, strict=True))[column]
    raise KeyError(row)


# --- the patient's figure ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NaturalFrequency:
    """Natural frequency: affected in out_of people like you get PML; not_affected in out_of do not.

    out_of is 1000 when the figure is a whole number per 1000, and 10,000 (or more) when it is not,
    so that nobody is ever shown a fraction of a person (pml_risk_table.md, "How to show it").
    """

    affected: int
    out_of: int

    @property
    def not_affected(self) -> int:
        return self.out_of - self.affected


@dataclass(frozen=True, slots=True)
class PmlRiskEstimate:
    """A figure from the table with what the page must say about where it came from
    (facts section 7, App rule: say which row and column it came from)."""

    per_1000: float
    column: RiskColumn
    row: ExposureRow | None  # None for JCV-negative: the figure holds whatever the exposure
    beyond_table: bool  # exposure past 72 months: the 61–72 row is shown, the data stop there
    one_in: int  # "about 1 in one_in"
    frequency: NaturalFrequency


def assess_pml_risk(
    *,
    jcv_positive: bool,
    jcv_index: float | None,
    months_on_treatment: int,
    prior_immunosuppressant: bool,
) -> PmlRiskEstimate:
    """The table's figure for this patient, with the row and column used.

    Raises ValueError for negative months or a negative (or not finite) index.
    """
    _check_inputs(jcv_index=jcv_index, months_on_treatment=months_on_treatment)
    if not jcv_positive:
        # anti-JCV-negative: about 0.1 per 1000 whatever the exposure (facts P3)
        return _estimate(JCV_NEGATIVE_PER_1000, RiskColumn.JCV_NEGATIVE, row=None, beyond_table=False)
    row, beyond_table = _exposure_row(months_on_treatment)
    column = _column(jcv_index=jcv_index, prior_immunosuppressant=prior_immunosuppressant)
    return _estimate(table_figure(row, column), column, row=row, beyond_table=beyond_table)


def estimate_per_1000(
    *,
    jcv_positive: bool,
    jcv_index: float | None,
    months_on_treatment: int,
    prior_immunosuppressant: bool,
) -> float:
    """Estimated PML cases per 1000 patients like this one (see assess_pml_risk)."""
    return assess_pml_risk(
        jcv_positive=jcv_positive,
        jcv_index=jcv_index,
        months_on_treatment=months_on_treatment,
        prior_immunosuppressant=prior_immunosuppressant,
    ).per_1000


def one_in(per_1000: float) -> int:
    """N in "about 1 in N": 3 per 1000 → 333, 0.1 per 1000 → 10,000 (rounded half up)."""
    if not per_1000 > 0:
        raise ValueError("a risk per 1000 must be above 0")
    return int((Decimal(1000) / Decimal(str(per_1000))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def natural_frequency(per_1000: float) -> NaturalFrequency:
    """3 per 1000 → 3 in 1000 (997 do not get PML); 0.1 per 1000 → 1 in 10,000 (9,999 do not)."""
    if not 0 < per_1000 <= 1000:
        raise ValueError("a risk per 1000 must be above 0 and at most 1000")
    affected, out_of = Decimal(str(per_1000)), 1000
    while affected != affected.to_integral_value():
        affected, out_of = affected * 10, out_of * 10
    return NaturalFrequency(affected=int(affected), out_of=out_of)


def _estimate(
    per_1000: float, column: RiskColumn, *, row: ExposureRow | None, beyond_table: bool
) -> PmlRiskEstimate:
    return PmlRiskEstimate(
        per_1000=per_1000,
        column=column,
        row=row,
        beyond_table=beyond_table,
        one_in=one_in(per_1000),
        frequency=natural_frequency(per_1000),
    )


def _check_inputs(*, jcv_index: float | None, months_on_treatment: int) -> None:
    if months_on_treatment < 0:
        raise ValueError("months on treatment cannot be negative")
    if jcv_index is not None and not (math.isfinite(jcv_index) and jcv_index >= 0):
        raise ValueError("a JCV index must be a number of 0 or more")


def _exposure_row(months_on_treatment: int) -> tuple[ExposureRow, bool]:
    # under 1 month (0) counts in the 1–12 row (pml_risk_table.md, Boundaries)
    months = max(months_on_treatment, 1)
    for row, _ in RISK_TABLE:
        if row.months_from <= months <= row.months_to:
            return row, False
    # past 72 months the 61–72 row stands and the page says the table stops at six years
    # (pml_risk_table.md, Boundaries)
    return RISK_TABLE[-1][0], True


def _column(*, jcv_index: float | None, prior_immunosuppressant: bool) -> RiskColumn:
    if prior_immunosuppressant:
        # earlier immunosuppression: one column whatever the index (pml_risk_table.md, Columns)
        return RiskColumn.PRIOR_IS
    if jcv_index is None:
        return RiskColumn.NO_INDEX
    if jcv_index <= LOW_INDEX_MAX:
        return RiskColumn.INDEX_LE_0_9
    if jcv_index <= RISING_INDEX_MAX:
        return RiskColumn.INDEX_0_9_TO_1_5
    return RiskColumn.INDEX_GT_1_5


# --- is the JCV result behind the figure current? ---------------------------------------------

# anti-JCV antibodies are tested every 6 months (facts M3); about 6% of negative patients turn
# positive each year (facts P4), so an older result no longer describes the patient
JCV_RETEST_INTERVAL: Final = relativedelta(months=6)


class RiskStatus(StrEnum):
    CURRENT = "current"
    OUT_OF_DATE = "out_of_date"  # show the figure with its date, and say a new test is due
    UNKNOWN = "unknown"  # no clinic-entered JCV result: show no figure (facts section 7, App rule)


def jcv_retest_due(tested_on: date) -> date:
    """Six calendar months after the last JCV test; 31 August → 28 or 29 February (facts M3)."""
    return tested_on + JCV_RETEST_INTERVAL


def risk_status(*, jcv_positive: bool | None, jcv_tested_on: date | None, today: date) -> RiskStatus:
    """Whether the JCV result is known and current.

    Exactly six months old is still current (the retest is due that day); from the next day it is
    out of date (facts section 6, App rule: a JCV result older than 6 months is overdue).
    """
    if jcv_positive is None or jcv_tested_on is None:
        return RiskStatus.UNKNOWN
    if today > jcv_retest_due(jcv_tested_on):
        return RiskStatus.OUT_OF_DATE
    return RiskStatus.CURRENT


# --- what the clinic does at each index (nurse's pages only) ----------------------------------


class JcvBand(StrEnum):
    """The clinic's JCV bands (facts section 7 table)."""

    NEGATIVE = "negative"  # very low risk, about 0.1/1000
    INDEX_UNKNOWN = "index_unknown"  # positive without an index: not in the clinic's table
    LOW = "low"  # positive, index ≤ 0.9
    RISING = "rising"  # positive, index > 0.9 up to 1.5
    HIGH = "high"  # positive, index > 1.5


class ClinicAction(StrEnum):
    RETEST_EVERY_6_MONTHS = "retest_every_6_months"
    CONTINUE = "continue"
    CONSIDER_LONGER_INTERVAL = "consider_longer_interval"
    MRI_EVERY_6_MONTHS = "mri_every_6_months"
    INFORM_PATIENT = "inform_patient"
    PLAN_SWITCH = "plan_switch"  # e.g. to anti-CD20


@dataclass(frozen=True, slots=True)
class NurseGuidance:
    band: JcvBand
    actions: tuple[ClinicAction, ...]
    flag: Level  # the level of the nurse flag the daily checks raise for this band


def jcv_band(*, jcv_positive: bool, jcv_index: float | None) -> JcvBand:
    """The clinic's band for a JCV result; same boundaries as the table (facts section 7)."""
    _check_inputs(jcv_index=jcv_index, months_on_treatment=0)
    if not jcv_positive:
        return JcvBand.NEGATIVE
    if jcv_index is None:
        return JcvBand.INDEX_UNKNOWN
    if jcv_index <= LOW_INDEX_MAX:
        return JcvBand.LOW
    if jcv_index <= RISING_INDEX_MAX:
        return JcvBand.RISING
    return JcvBand.HIGH


_ACTIONS: Final[dict[JcvBand, tuple[ClinicAction, ...]]] = {
    # negative: test again every 6 months (facts section 7)
    JcvBand.NEGATIVE: (ClinicAction.RETEST_EVERY_6_MONTHS,),
    # no index: the clinic's table needs one; the 6-monthly test brings it (facts M3)
    JcvBand.INDEX_UNKNOWN: (ClinicAction.RETEST_EVERY_6_MONTHS,),
    # index ≤ 0.9: continue, test every 6 months (facts section 7)
    JcvBand.LOW: (ClinicAction.CONTINUE, ClinicAction.RETEST_EVERY_6_MONTHS),
    # index 0.9–1.5: consider longer intervals, MRI every 6 months, inform the patient (section 7, M5)
    JcvBand.RISING: (
        ClinicAction.CONSIDER_LONGER_INTERVAL,
        ClinicAction.MRI_EVERY_6_MONTHS,
        ClinicAction.INFORM_PATIENT,
    ),
    # index > 1.5: plan a switch, e.g. to anti-CD20 (facts section 7)
    JcvBand.HIGH: (ClinicAction.PLAN_SWITCH, ClinicAction.INFORM_PATIENT),
}


def nurse_guidance(*, jcv_positive: bool, jcv_index: float | None) -> NurseGuidance:
    """What the clinic does at this JCV result, and the nurse flag it raises. Never shown to the
    patient as advice: the app does not suggest treatment changes (facts section 7, App rule)."""
    band = jcv_band(jcv_positive=jcv_positive, jcv_index=jcv_index)
    # A high index asks the nurse to plan a switch: ROUTINE, not URGENT. URGENT tells the patient
    # not to take the next dose before the clinic has called (DESIGN.md), and a pause of more than
    # 8–10 weeks risks rebound (facts I5); a switch is planned around the last dose (I5), and the
    # table's risk grows over years of exposure, not days. Suspected PML is URGENT through the
    # symptom rules instead (facts section 8, App rule).
    flag = Level.ROUTINE if band is JcvBand.HIGH else Level.NONE
    return NurseGuidance(band=band, actions=_ACTIONS[band], flag=flag)


# --- what raises and lowers the risk (codes the page translates) ------------------------------


class RiskFactorCode(StrEnum):
    JCV_ANTIBODIES = "jcv_antibodies"
    JCV_INDEX_ABOVE_0_9 = "jcv_index_above_0_9"
    JCV_INDEX_AT_MOST_0_9 = "jcv_index_at_most_0_9"
    TREATMENT_OVER_24_MONTHS = "treatment_over_24_months"
    PRIOR_IMMUNOSUPPRESSANT = "prior_immunosuppressant"
    LONGER_DOSE_INTERVAL = "longer_dose_interval"


class Effect(StrEnum):
    RAISES = "raises"
    LOWERS = "lowers"


@dataclass(frozen=True, slots=True)
class RiskFactor:
    code: RiskFactorCode
    effect: Effect
    applies: bool  # true for this patient
    in_table: bool  # False: known to matter, but the table's figure does not count it


def risk_factors(
    *,
    jcv_positive: bool,
    jcv_index: float | None,
    months_on_treatment: int,
    prior_immunosuppressant: bool,
    dose_interval_weeks: int = STANDARD_INTERVAL_WEEKS,
) -> tuple[RiskFactor, ...]:
    """Every factor that raises or lowers the risk, in a fixed order, each marked if it applies."""
    _check_inputs(jcv_index=jcv_index, months_on_treatment=months_on_treatment)
    band = jcv_band(jcv_positive=jcv_positive, jcv_index=jcv_index)
    return (
        # anti-JCV antibodies present (facts P2 (1)); negative is about 0.1/1000 (P3)
        RiskFactor(RiskFactorCode.JCV_ANTIBODIES, Effect.RAISES, jcv_positive, in_table=True),
        # higher index, higher risk; above 0.9 the risk is rising (facts P2 (1), section 7)
        RiskFactor(
            RiskFactorCode.JCV_INDEX_ABOVE_0_9,
            Effect.RAISES,
            band in (JcvBand.RISING, JcvBand.HIGH),
            in_table=True,
        ),
        # index ≤ 0.9: the lowest column of the table (facts section 7: low risk)
        RiskFactor(
            RiskFactorCode.JCV_INDEX_AT_MOST_0_9,
            Effect.LOWERS,
            band is JcvBand.LOW,
            in_table=True,
        ),
        # natalizumab for more than 24 months (facts P2 (3)); the table's 25–36 row onwards
        RiskFactor(
            RiskFactorCode.TREATMENT_OVER_24_MONTHS,
            Effect.RAISES,
            months_on_treatment > EXPOSURE_FACTOR_MONTHS,
            in_table=True,
        ),
        # earlier immunosuppressive treatment (facts P2 (2))
        RiskFactor(
            RiskFactorCode.PRIOR_IMMUNOSUPPRESSANT, Effect.RAISES, prior_immunosuppressant, in_table=True
        ),
        # extended interval dosing lowers the risk markedly, documented for IV at about 6 weeks; the
        # table is for 4-weekly dosing and does not say by how much (facts I2, I3; pml_risk_table.md)
        RiskFactor(
            RiskFactorCode.LONGER_DOSE_INTERVAL,
            Effect.LOWERS,
            dose_interval_weeks > STANDARD_INTERVAL_WEEKS,
            in_table=False,
        ),
    )
