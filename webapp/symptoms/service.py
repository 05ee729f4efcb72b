"""Storing a symptom report with the level and reasons the triage rules gave, and its flag."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlmodel import Session

from ..domain.levels import Level
from ..flags import raise_flag
from ..models import Flag, Patient, SymptomReport


def store_report(
    session: Session,
    patient: Patient,
    *,
    level: Level | str,
    reasons: Iterable[str],
    codes: Iterable[str] = (),
    source: str = "report",
    client_id: str | None = None,
    injection_id: int | None = None,
    now: datetime | None = None,
    **answers,
) -> tuple[SymptomReport, Flag | None]:
    """Save the report; `emergency` and `urgent` raise a flag for the nurse (DESIGN.md levels).
    The caller commits."""
    now = now or datetime.now(UTC)
    report = SymptomReport(
        patient_id=patient.id, client_id=client_id or str(uuid.uuid4()), reported_at=now, source=source,
        codes=list(codes), level=Level(level), reasons=list(reasons), injection_id=injection_id, **answers,
    )
    session.add(report)
    session.flush()
    flag = None
    if Level(level) in (Level.EMERGENCY, Level.URGENT):
        flag = raise_flag(session, patient, source="symptom" if source == "report" else source,
                          code=f"{source}_report", level=level, symptom_report_id=report.id, now=now)
    return report, flag
