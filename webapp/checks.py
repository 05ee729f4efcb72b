"""`flask --app webapp daily-checks`: flags that depend on the date, raised once each.

Run by the scheduler (Procfile) and by the tests; the start page never waits for it. Every check is
idempotent through the flag's dedupe key, so running twice raises each flag once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from .domain import schedule
from .domain.clock import local_date
from .flags import raise_flag
from .models import INJECTION_COUNTS, ClockRun, Injection, Patient, UTCDateTime


@dataclass(frozen=True)
class CheckContext:
    session: Session
    today: date
    now: datetime
    last_dose: dict[int, datetime]  # patient id -> the latest current dose


def last_doses(session: Session) -> dict[int, datetime]:
    rows = session.exec(
        select(Injection.patient_id, func.max(Injection.given_at))
        .where(*INJECTION_COUNTS)
        .group_by(Injection.patient_id)
    ).all()
    # func.max loses the column type on some databases: make it aware UTC again
    convert = UTCDateTime().process_result_value
    return {pid: (value if getattr(value, "tzinfo", None) else convert(value, None)) for pid, value in rows}


def check_rebound(ctx: CheckContext, patient: Patient) -> int:
    """More than 8 weeks since the last dose: one urgent flag per gap (facts I5). It runs while the next
    dose is on hold too: a hold stops what offers a dose, never this flag (facts §3 "Dose on hold")."""
    last = ctx.last_dose.get(patient.id)
    if last is None or not patient.home_approved:
        return 0
    flag = schedule.rebound_flag(last, ctx.today)
    if flag is None:
        return 0
    raised = raise_flag(
        ctx.session, patient, source="schedule", code=flag.reason, level=flag.level,
        dedupe_key=f"rebound:{patient.id}:{flag.dose_day.isoformat()}", now=ctx.now,
    )
    return int(raised is not None)


# Each feature adds its date-driven checks here.
DAILY_CHECKS: list[Callable[[CheckContext, Patient], int]] = [check_rebound]

# What the clock writes for patients and nurses after the checks (issue 12): reminders, follow-ups, the
# morning digest. Each job takes (session, now), writes its rows and outbox messages idempotently (a key
# per event) and returns how many it wrote; the features append theirs when create_app imports them.
OUTREACH_JOBS: list[Callable[[Session, datetime], int]] = []


def run_daily_checks(session: Session, now: datetime) -> int:
    """Run every check for every patient; returns the number of new flags."""
    ctx = CheckContext(session=session, today=local_date(now), now=now, last_dose=last_doses(session))
    raised = 0
    for patient in session.exec(select(Patient)).all():
        for check in DAILY_CHECKS:
            raised += check(ctx, patient)
    session.commit()
    return raised


def run_outreach(session: Session, now: datetime) -> int:
    """Run every outreach job, each in its own transaction; returns the number of rows they wrote."""
    written = 0
    for job in OUTREACH_JOBS:
        written += job(session, now)
        session.commit()
    return written


# ---------------------------------------------------------------- once an hour, however many clocks run
# A claim left unfinished this long is taken to be a clock that died mid-run: another clock runs the hour.
STALE_CLAIM = timedelta(minutes=30)


def clock_hour(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m-%dT%H")


def claim_hour(session: Session, now: datetime, runner: str) -> bool:
    """Take this hour's run for this clock; False when another clock has it (a row for the hour exists, and
    is finished or was started less than STALE_CLAIM ago). The hour is the primary key, so of two clocks
    claiming at once the database lets exactly one insert, on PostgreSQL and on SQLite alike."""
    hour = clock_hour(now)
    session.add(ClockRun(hour=hour, runner=runner[:120], started_at=now))
    try:
        session.commit()
        return True
    except IntegrityError:
        session.rollback()
    taken_over = session.exec(  # compare-and-set: only one clock takes over a dead clock's hour
        update(ClockRun)
        .where(ClockRun.hour == hour, ClockRun.finished_at.is_(None), ClockRun.started_at < now - STALE_CLAIM)
        .values(started_at=now, runner=runner[:120]))
    session.commit()
    return taken_over.rowcount == 1


def finish_hour(session: Session, now: datetime, finished: datetime) -> None:
    run = session.get(ClockRun, clock_hour(now))
    if run is not None:
        run.finished_at = finished
        session.commit()
