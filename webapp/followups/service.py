"""Follow-ups stored: the clock's job that asks "How is it now?", the patient's answer and what it does,
and the reads the pages share (rules in domain/followups.py).

The job writes each `SymptomFollowUp` row and its outbox messages in one transaction (issue 12 §1), so a
question is never asked without being stored, nor stored twice (unique report + number)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import joinedload
from sqlmodel import Session, select

from .. import notify
from ..domain.clock import local_date
from ..domain.followups import (
    FOLLOWED_LEVELS,
    FOLLOWED_SOURCES,
    MAX_FOLLOWUPS,
    Answer,
    ReportFacts,
    due_followup,
)
from ..domain.levels import Level
from ..flags import raise_flag
from ..injections.hold import hold_after_report
from ..models import Flag, FlagStatus, Patient, SymptomFollowUp, SymptomReport

# The reason kept on a report that a follow-up answer raised, so the nurse sees it (issue 12 §4).
WORSE_REASON = "followup_worse"
WORSE_FLAG_CODE = "followup_worse"
# Reports older than this can have no follow-up due (day 3 is the last, plus a day for time zones).
LOOK_BACK = timedelta(days=MAX_FOLLOWUPS + 2)


def answer_url(report_id: int) -> str:
    return f"/symptoms/{report_id}/now"


def followups_of(session: Session, report_ids: Iterable[int]) -> dict[int, list[SymptomFollowUp]]:
    """Every follow-up of the given reports, oldest first, in one query."""
    ids = list(report_ids)
    found: dict[int, list[SymptomFollowUp]] = defaultdict(list)
    if not ids:
        return found
    rows = session.exec(select(SymptomFollowUp).where(SymptomFollowUp.symptom_report_id.in_(ids))
                        .order_by(SymptomFollowUp.symptom_report_id, SymptomFollowUp.number)).all()
    for row in rows:
        found[row.symptom_report_id].append(row)
    return found


def clinic_resolved(flags: list[Flag]) -> bool:
    """The clinic closed the report: it has a flag and every flag on it is resolved."""
    return bool(flags) and all(f.status == FlagStatus.RESOLVED for f in flags)


def report_facts(report: SymptomReport, flags: list[Flag], asked: list[SymptomFollowUp]) -> ReportFacts:
    return ReportFacts(
        level=report.level, source=report.source, reported_at=report.reported_at,
        followups_off=report.followups_off, closed_by_patient=report.closed_by_patient_at is not None,
        clinic_resolved=clinic_resolved(flags), asked=tuple(f.number for f in asked),
        answers=tuple(f.answer for f in asked if f.answer),
    )


def write_followups(session: Session, now: datetime) -> int:
    """The clock's job (checks.OUTREACH_JOBS): ask every report whose follow-up is due now, once. A few
    queries whatever the number of reports; the caller commits."""
    reports = session.exec(
        select(SymptomReport).where(
            SymptomReport.level.in_([str(level) for level in FOLLOWED_LEVELS]),
            SymptomReport.source.in_(list(FOLLOWED_SOURCES)),
            SymptomReport.followups_off.is_(False), SymptomReport.closed_by_patient_at.is_(None),
            SymptomReport.reported_at >= now - LOOK_BACK, SymptomReport.reported_at <= now)
    ).all()
    if not reports:
        return 0
    ids = [r.id for r in reports]
    flags: dict[int, list[Flag]] = defaultdict(list)
    for flag in session.exec(select(Flag).where(Flag.symptom_report_id.in_(ids))).all():
        flags[flag.symptom_report_id].append(flag)
    asked = followups_of(session, ids)
    due = [(report, number) for report in reports
           if (number := due_followup(report_facts(report, flags[report.id], asked[report.id]), now)) is not None]
    if not due:
        return 0
    patients = {p.id: p for p in session.exec(
        select(Patient).options(joinedload(Patient.user)).where(Patient.id.in_({r.patient_id for r, _n in due}))).all()}
    for report, number in due:
        row = SymptomFollowUp(symptom_report_id=report.id, number=number, asked_at=now)
        session.add(row)
        session.flush()
        # The question is stored whatever the patient's preferences: the start page shows it even when
        # follow-up messages are switched off (topic "followups") or the patient has no channel.
        notify.notify_user(
            session, patients[report.patient_id].user, key=f"followup:{row.id}", kind="followup",
            url=answer_url(report.id), params={"reported_on": local_date(report.reported_at)},
            topic="followups", not_before=now,
        )
    return len(due)


def open_followup(session: Session, report_id: int) -> SymptomFollowUp | None:
    """The question the patient can answer now: the newest one of the report, if unanswered."""
    latest = session.exec(select(SymptomFollowUp).where(SymptomFollowUp.symptom_report_id == report_id)
                          .order_by(SymptomFollowUp.number.desc()).limit(1)).first()
    return latest if latest is not None and latest.answer is None else None


def record_answer(session: Session, patient: Patient, report: SymptomReport, followup: SymptomFollowUp,
                  answer: Answer, now: datetime) -> bool:
    """Store the answer once and do what it means; False when the question was answered already (a double
    tap: the first answer stands, nothing else happens). The caller commits.

    The answer is written with a conditional update (only while it has none), so two requests at the same
    moment store one answer and only the one that stored it acts on it."""
    stored = session.exec(
        update(SymptomFollowUp)
        .where(SymptomFollowUp.id == followup.id, SymptomFollowUp.answer.is_(None))
        .values(answer=str(answer), answered_at=now)
    )
    if stored.rowcount != 1:
        return False
    session.refresh(followup)
    if answer == Answer.WORSE:
        _worse(session, patient, report, followup, now)
    elif answer == Answer.GONE:
        # "Gone" closes the report for the patient: no more questions. The clinic's flag, if any, stays
        # open for the nurse to close (issue 12 §4).
        report.closed_by_patient_at = now
        session.add(report)
    return True


def _worse(session: Session, patient: Patient, report: SymptomReport, followup: SymptomFollowUp,
           now: datetime) -> None:
    """ "Worse" raises the report to urgent and flags it, with "worse than last report" for the nurse; the
    patient gets the answer an urgent report gets, and the next dose waits as after any urgent report
    (issue 12 §4; facts §3 "Dose on hold")."""
    report.level = Level.highest([report.level, Level.URGENT])
    if WORSE_REASON not in report.reasons:
        report.reasons = [*report.reasons, WORSE_REASON]
    session.add(report)
    # A new flag per follow-up (dedupe key): a report whose flag the clinic has in hand, or has resolved
    # meanwhile, gets another one, so the nurse sees that something changed.
    flag = raise_flag(session, patient, source="followup", code=WORSE_FLAG_CODE, level=Level.URGENT,
                      dedupe_key=f"followup:{followup.id}", symptom_report_id=report.id,
                      injection_id=report.injection_id, now=now)
    if flag is not None:
        followup.flag_id = flag.id
        session.add(followup)
    hold_after_report(session, patient, report, flag, now=now)
