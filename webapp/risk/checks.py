"""Date-driven JCV flags for the nurse, run by `flask --app webapp daily-checks` (checks.py)."""

from __future__ import annotations

from sqlmodel import select

from ..checks import DAILY_CHECKS, CheckContext
from ..domain import monitoring, pml_risk
from ..domain.levels import Level
from ..flags import raise_flag
from ..models import JcvResult, Patient
from .records import latest_jcv


def check_jcv_overdue(ctx: CheckContext, patient: Patient) -> int:
    """A JCV result older than 6 months (or none since the first dose) is overdue: one routine flag
    per due date (facts M3 and section 6, App rule)."""
    tested = list(ctx.session.exec(select(JcvResult.tested_on).where(JcvResult.patient_id == patient.id)).all())
    start = patient.treatment_start or (max(tested) if tested else None)
    if start is None:
        return 0  # neither a first dose nor a test: nothing is due yet
    due = monitoring.jcv_antibodies_due(start, tested, ctx.today)
    if due.nurse_flag == Level.NONE:
        return 0
    raised = raise_flag(
        ctx.session, patient, source="monitoring", code="jcv_overdue", level=due.nurse_flag,
        dedupe_key=f"jcv_overdue:{patient.id}:{due.due_on.isoformat()}", now=ctx.now,
    )
    return int(raised is not None)


def check_jcv_index_high(ctx: CheckContext, patient: Patient) -> int:
    """The latest result positive with an index above 1.5: a routine flag to plan a change of treatment,
    once per result (facts section 7)."""
    result = latest_jcv(ctx.session, patient.id)
    if result is None:
        return 0
    guidance = pml_risk.nurse_guidance(jcv_positive=result.positive, jcv_index=result.jcv_index)
    if guidance.flag == Level.NONE:
        return 0
    raised = raise_flag(
        ctx.session, patient, source="monitoring", code="jcv_index_high", level=guidance.flag,
        dedupe_key=f"jcv_index_high:{result.id}", now=ctx.now,
    )
    return int(raised is not None)


DAILY_CHECKS.extend([check_jcv_overdue, check_jcv_index_high])
