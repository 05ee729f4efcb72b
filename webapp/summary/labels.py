"""Words for the summary's codes, in the reader's language (module-level text: lazy_gettext)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..domain.levels import Level

# The words the summary shares with the pages that own them, so that the PDF says what the app says.
from ..injections.labels import SITE_LABELS  # noqa: F401
from ..nurse.flag_labels import EVENT_LABELS, OUTCOME_LABELS, STATUS_LABELS, flag_what  # noqa: F401
from ..pharmacy.advice import COLD_CHAIN_LABELS  # noqa: F401
from ..risk.labels import ASSAYS, CHECK_KINDS, DUE_REASONS, DUE_STATUSES, RISK_COLUMNS  # noqa: F401
from ..symptoms.labels import LEVEL_LABELS, SOURCE_LABELS, symptom_label  # noqa: F401
from .period import PeriodNote

# Short row names for the symptom calendar, one per category of symptoms.md.
CATEGORY_SHORT = {
    "neuro": _l("Nerves and MS"),
    "allergic": _l("Allergic"),
    "infection": _l("Infection"),
    "liver": _l("Liver"),
    "bleeding": _l("Bleeding"),
    "injection_site": _l("Injection site"),
    "general": _l("General"),
}

# The level in a calendar cell as a mark that reads without colour (printed in black and white):
# the legend says what each one means.
LEVEL_MARKS = {Level.NONE: "", Level.ROUTINE: "", Level.URGENT: "!", Level.EMERGENCY: "!!"}

PERIOD_NOTES = {
    PeriodNote.STARTS_WITH_RECORD: _l(
        "The record starts later than the first day you chose: the summary starts where the record does."),
    PeriodNote.ENDS_TODAY: _l("The last day you chose has not come yet: the summary ends today."),
}

