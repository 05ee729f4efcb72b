"""Storing a symptom report with the level and reasons the triage rules gave, and its flag; and what
the patient is told about each report afterwards (seen, called, handled)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, select

from ..domain.levels import Level
from ..domain.symptom_report import FIT_ASKED, FitEffect
from ..domain.working_days import callback_due
from ..flags import clinic_closes_at, raise_flag
from ..forms_base import CLIENT_ID_PATTERN  # ids the forms make; anything else finds nothing
from ..injections.hold import hold_after_report
from ..models import Flag, FlagEvent, FlagStatus, Patient, SymptomReport

# The flag code for each source of a report: the nurse's queue shows what it came from.
FLAG_CODES = {"report": "symptom_report", "checklist": "checklist_report",
              "injection_reaction": "injection_reaction_report",
              "message": "message_report"}


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
    flag = _flag_for(session, patient, report, now) if Level(level).rank >= Level.URGENT.rank else None
    return report, flag


def _flag_for(session: Session, patient: Patient, report: SymptomReport, now: datetime) -> Flag:
    source = report.source
    flag = raise_flag(session, patient, source="symptom" if source == "report" else source,
                      code=FLAG_CODES.get(source, f"{source}_report"), level=report.level,
                      symptom_report_id=report.id, injection_id=report.injection_id, now=now)
    hold_after_report(session, patient, report, flag)  # "do not take your next dose" holds it (facts §3)
    return flag


def amend_after_fit(session: Session, patient: Patient, report: SymptomReport, effect: FitEffect,
                    now: datetime | None = None) -> Flag | None:
    """The patient's choice on "does any of this fit?" for a report stored before the question (so that
    nothing written is lost if the patient stops there). The choice adds its items and raises the level,
    never lowers it; a report that becomes urgent gets its flag (and hold) now. The caller commits."""
    now = now or datetime.now(UTC)
    before = Level(report.level)
    level = Level.highest([before, effect.floor])
    report.codes = list(dict.fromkeys([*report.codes, *effect.codes]))
    added = [f"item:{code}" for code in effect.codes if f"item:{code}" not in report.reasons]
    report.reasons = [*(r for r in report.reasons if r != FIT_ASKED), *added, effect.reason]
    report.level = level
    session.add(report)
    flag = session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).first()
    if flag is None:
        return _flag_for(session, patient, report, now) if level.rank >= Level.URGENT.rank else None
    if level.rank > Level(flag.level).rank:  # urgent became an emergency: to the top of the queue
        flag.level, flag.due_by = level, callback_due(level, now, clinic_closes_at(session, patient))
        session.add(flag)
        session.add(FlagEvent(flag_id=flag.id, at=now, kind="note", note=effect.reason))
    return flag


def find_report(session: Session, patient: Patient, client_id: str | None) -> SymptomReport | None:
    """The patient's report made by this form already (a double tap or a resent form)."""
    if not client_id or not CLIENT_ID_PATTERN.match(client_id):
        return None
    return session.exec(
        select(SymptomReport).where(SymptomReport.client_id == client_id, SymptomReport.patient_id == patient.id)
    ).first()


@dataclass(frozen=True)
class ReportStatus:
    """What the patient sees about a report: saved, waiting for the clinic, seen, called, handled."""

    state: str  # saved, review, waiting, seen, handled
    flag: Flag | None = None
    called_at: datetime | None = None  # the latest call in which the clinic reached the patient

    @property
    def open(self) -> bool:
        return self.state in ("waiting", "seen")


@dataclass(frozen=True)
class ClinicFollowUp:
    """What the clinic did about a report, as the patient may read it (issue 13 §3, walk defect 11): each
    call, the outcomes, the note the nurse wrote for the patient and when the flag was resolved. Never
    the nurse's own notes."""

    calls: tuple[tuple[str, datetime], ...]  # (call_reached | call_no_answer, when), oldest first
    outcomes: tuple[str, ...]
    patient_note: str
    resolved_at: datetime | None

    @property
    def anything(self) -> bool:
        return bool(self.calls or self.outcomes or self.patient_note or self.resolved_at)


CALL_KINDS = ("call_reached", "call_no_answer")


def clinic_followup(session: Session, flag: Flag | None) -> ClinicFollowUp | None:
    if flag is None:
        return None
    calls = session.exec(select(FlagEvent.kind, FlagEvent.at).where(
        FlagEvent.flag_id == flag.id, FlagEvent.kind.in_(CALL_KINDS)).order_by(FlagEvent.at, FlagEvent.id)).all()
    outcomes = flag.outcomes or ([flag.outcome] if flag.outcome else [])
    return ClinicFollowUp(tuple((kind, at) for kind, at in calls), tuple(outcomes), flag.patient_note or "",
                          flag.resolved_at if flag.status == FlagStatus.RESOLVED else None)


def report_statuses(session: Session, reports: Sequence[SymptomReport]) -> dict[int, ReportStatus]:
    """The status of every report, in two queries whatever the number of reports."""
    ids = [r.id for r in reports]
    flags = session.exec(select(Flag).where(Flag.symptom_report_id.in_(ids))).all() if ids else []
    # A report may have a second flag, raised by a follow-up answered "worse" (issue 12 §4): the patient
    # is told about the one the clinic has not resolved, else the newest.
    by_report = {f.symptom_report_id: f for f in sorted(
        flags, key=lambda f: (f.status != FlagStatus.RESOLVED, f.created_at, f.id))}
    calls: dict[int, datetime] = {}
    if flags:
        for event in session.exec(select(FlagEvent).where(
                FlagEvent.flag_id.in_([f.id for f in flags]), FlagEvent.kind == "call_reached")).all():
            if event.flag_id not in calls or event.at > calls[event.flag_id]:
                calls[event.flag_id] = event.at
    statuses = {}
    for report in reports:
        flag = by_report.get(report.id)
        if flag is None:
            state = "review" if report.level == Level.ROUTINE else "saved"
            statuses[report.id] = ReportStatus(state)
            continue
        state = {FlagStatus.OPEN: "waiting", FlagStatus.IN_PROGRESS: "seen"}.get(flag.status, "handled")
        statuses[report.id] = ReportStatus(state, flag, calls.get(flag.id))
    return statuses
