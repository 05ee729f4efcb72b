"""Follow-ups after a symptom report (issue 12 §4): "How is it now?" asked by the clock on the days after
a routine or urgent report, answered on one page, shown to the patient and the nurse.

Importing the package adds the clock's job (checks.OUTREACH_JOBS), the message texts and the start card."""

from flask import Blueprint

from ..checks import OUTREACH_JOBS

bp = Blueprint("followups", __name__)

from . import cards, routes, texts  # noqa: E402,F401  (routes, texts and the start card register)
from .service import write_followups  # noqa: E402

if write_followups not in OUTREACH_JOBS:
    OUTREACH_JOBS.append(write_followups)
