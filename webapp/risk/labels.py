"""Words for the domain's codes, in the reader's language (module-level text: lazy_gettext)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..domain.monitoring import CheckKind, DueReason, DueStatus
from ..domain.pml_risk import ClinicAction, JcvBand, RiskColumn, RiskFactorCode

ASSAYS = {
    # the assay that belongs to the product (facts M7)
    "stratify": _l("Stratify JCV DxSelect (for Tysabri)"),
    "immunowell": _l("Immunowell JCV (for Tyruko)"),
}

CHECK_KINDS = {
    CheckKind.BLOOD_TESTS: _l("Blood tests"),
    CheckKind.NEUTRALISING_ANTIBODIES: _l("Antibodies against natalizumab (NAb)"),
    CheckKind.JCV_ANTIBODIES: _l("JC virus antibody test (JCV)"),
    CheckKind.CLINICAL_CHECK: _l("Check-up with the neurologist (EDSS)"),
    CheckKind.MRI: _l("MRI of the head"),
}

# what each check looks for, for the patient (facts M1–M5)
CHECK_PURPOSES = {
    CheckKind.BLOOD_TESTS: _l("Blood counts, liver, kidneys and salts: to catch side effects early."),
    CheckKind.NEUTRALISING_ANTIBODIES: _l("Shows whether your body has made antibodies that stop the medicine working."),
    CheckKind.JCV_ANTIBODIES: _l(
        "Shows whether you have antibodies against the JC virus (the virus that can cause PML), "
        "and how high the antibody level is (the index)."
    ),
    CheckKind.CLINICAL_CHECK: _l("How your MS is doing, how well the medicine works and any side effects or infections."),
    CheckKind.MRI: _l("Shows MS activity, and can show PML before you notice anything."),
}

DUE_REASONS = {
    DueReason.BEFORE_TREATMENT_START: _l("before the first dose"),
    DueReason.BEFORE_DOSE_1: _l("before dose 1"),
    DueReason.BEFORE_DOSE_2: _l("before dose 2"),
    DueReason.BEFORE_DOSE_3: _l("before dose 3"),
    DueReason.BEFORE_DOSE_6: _l("before dose 6"),
    DueReason.EVERY_6_MONTHS: _l("every 6 months"),
    DueReason.AFTER_6_MONTHS: _l("6 months after the start"),
    DueReason.AFTER_12_MONTHS: _l("12 months after the start"),
    DueReason.YEARLY: _l("once a year"),
    DueReason.MRI_REBASELINE: _l("a new baseline scan 3 to 6 months after the start"),
    DueReason.MRI_EVERY_6_MONTHS_INDEX_0_9_TO_1_5: _l("every 6 months, because the JCV index is above 0.9"),
    DueReason.MRI_EVERY_6_MONTHS_INDEX_UNKNOWN: _l("every 6 months, until a JCV index is known"),
    DueReason.MRI_EVERY_3_TO_6_MONTHS_RAISED_RISK: _l("every 3 to 6 months, because the PML risk is higher"),
    DueReason.MRI_EVERY_3_TO_6_MONTHS_JCV_POSITIVE: _l("every 3 to 6 months, because the JCV test is positive"),
}

DUE_STATUSES = {
    DueStatus.DONE: _l("Done"),
    DueStatus.SCHEDULED: _l("Due date"),  # nothing is booked: the clinic books (walk §6 #35)
    DueStatus.DUE_SOON: _l("Due soon"),
    DueStatus.OVERDUE: _l("Overdue"),
}

# the table's columns in words (facts section 7, App rule: say which row and column it came from)
RISK_COLUMNS = {
    RiskColumn.NO_INDEX: _l("JC virus antibodies found, no index value known, no earlier immunosuppressive treatment"),
    RiskColumn.INDEX_LE_0_9: _l("JC virus antibodies found, index 0.9 or lower, no earlier immunosuppressive treatment"),
    RiskColumn.INDEX_0_9_TO_1_5: _l(
        "JC virus antibodies found, index above 0.9 up to 1.5, no earlier immunosuppressive treatment"),
    RiskColumn.INDEX_GT_1_5: _l("JC virus antibodies found, index above 1.5, no earlier immunosuppressive treatment"),
    RiskColumn.PRIOR_IS: _l("JC virus antibodies found and earlier immunosuppressive treatment (any index)"),
    RiskColumn.JCV_NEGATIVE: _l("no JC virus antibodies found"),
}

RISK_FACTORS = {
    RiskFactorCode.JCV_ANTIBODIES: _l("Having antibodies against the JC virus (a positive JCV test)."),
    RiskFactorCode.JCV_INDEX_ABOVE_0_9: _l("A JCV index above 0.9. The higher the index, the higher the risk."),
    RiskFactorCode.JCV_INDEX_AT_MOST_0_9: _l("A JCV index of 0.9 or lower."),
    RiskFactorCode.TREATMENT_OVER_24_MONTHS: _l("More than two years (24 months) on natalizumab."),
    RiskFactorCode.PRIOR_IMMUNOSUPPRESSANT: _l(
        "Earlier treatment that dampens the immune system, such as cortisone over a long time, "
        "medicines for another autoimmune disease, chemotherapy or some earlier MS medicines."),
    RiskFactorCode.LONGER_DOSE_INTERVAL: _l(
        "A longer time between doses, when the clinic has chosen it. The figures are for doses every "
        "4 weeks and do not show by how much a longer interval lowers the risk."),
}

JCV_BANDS = {
    JcvBand.NEGATIVE: _l("Negative: very low risk (about 0.1 per 1000)"),
    JcvBand.INDEX_UNKNOWN: _l("Positive, no index recorded"),
    JcvBand.LOW: _l("Positive, index 0.9 or lower: low risk"),
    JcvBand.RISING: _l("Positive, index above 0.9 up to 1.5: rising risk"),
    JcvBand.HIGH: _l("Positive, index above 1.5: high risk, especially after 24 months"),
}

CLINIC_ACTIONS = {
    ClinicAction.RETEST_EVERY_6_MONTHS: _l("Test JCV antibodies again every 6 months"),
    ClinicAction.CONTINUE: _l("Continue treatment"),
    ClinicAction.CONSIDER_LONGER_INTERVAL: _l("Consider a longer dose interval"),
    ClinicAction.MRI_EVERY_6_MONTHS: _l("MRI every 6 months"),
    ClinicAction.INFORM_PATIENT: _l("Inform the patient about the risk"),
    ClinicAction.PLAN_SWITCH: _l("Plan a switch to another treatment, e.g. anti-CD20"),
}

# the codes of the flags the daily checks raise, for the nurse's queue
FLAG_CODES = {
    "jcv_overdue": _l("JCV antibody test overdue"),
    "jcv_index_high": _l("JCV index above 1.5: plan a change of treatment"),
}
