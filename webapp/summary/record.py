"""What the summary and the trend charts show for one patient and period, read once: the timeline's
entries of the period (nurse/timeline.build_timeline, one query per table whatever the history's
length), the risk and monitoring pages' answers for today, and the charts drawn from them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from sqlmodel import Session, select

from ..domain import trends
from ..domain.clock import OSLO, local_date
from ..domain.pml_risk import RISK_TABLE_VERSION
from ..models import Clinic, Flag, FlagEvent, Injection, Patient, Pickup, SupervisedDose, SymptomReport, User
from ..nurse.timeline import build_timeline
from ..pharmacy.forecast import PatientSupply, patient_supply
from ..risk.records import Calendar, JcvHistoryRow, RiskSummary, calendar_for, dose_dates, jcv_history, risk_summary
from .period import Period

# The trend charts on the screen cover the last half year (the symptom calendar one week per column).
SCREEN_MONTHS = 6
CALL_EVENTS = ("call_no_answer", "call_reached")


@dataclass(frozen=True, slots=True)
class DoseRow:
    injection: Injection
    days_since_previous: int | None
    late: bool


@dataclass(frozen=True, slots=True)
class FlagRow:
    flag: Flag
    events: tuple[FlagEvent, ...]

    @property
    def calls(self) -> tuple[FlagEvent, ...]:
        return tuple(event for event in self.events if event.kind in CALL_EVENTS)


@dataclass(frozen=True, slots=True)
class Summary:
    patient: Patient
    clinic: Clinic
    period: Period
    today: date
    doses: tuple[DoseRow, ...]
    supervised: tuple[SupervisedDose, ...]
    interval_chart: trends.IntervalChart
    reports: tuple[tuple[SymptomReport, Flag | None], ...]
    flags: tuple[FlagRow, ...]
    pickups: tuple[Pickup, ...]
    supply: PatientSupply
    jcv: tuple[JcvHistoryRow, ...]
    jcv_chart: trends.JcvChart
    symptom_calendar: trends.SymptomCalendar
    risk: RiskSummary
    calendar: Calendar
    names: dict[int, str]
    risk_table_version: str = RISK_TABLE_VERSION

    @property
    def empty(self) -> bool:
        return not (self.doses or self.supervised or self.reports or self.flags or self.pickups)


def record_start(patient: Patient) -> date:
    """The first day the record can say anything about: the first dose or the account, whichever is earlier."""
    created = local_date(patient.created_at)
    return min(patient.treatment_start or created, created)


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), OSLO)


def dose_gaps_in(days: list[date], period: Period) -> list[tuple[date, date]]:
    """(previous dose, dose) for each dose inside the period, the previous one maybe before it."""
    ordered = sorted(set(days))
    return [(earlier, later) for earlier, later in zip(ordered, ordered[1:], strict=False)
            if period.start <= later <= period.end]


def jcv_trend(history: list[JcvHistoryRow], until: date) -> tuple[tuple[JcvHistoryRow, ...], trends.JcvChart]:
    """The results standing (not replaced by a correction) up to `until`, newest first, and their chart."""
    standing = tuple(row for row in history if not row.replaced and row.result.tested_on <= until)
    chart = trends.jcv_chart([(row.result.tested_on, row.result.positive, row.result.jcv_index) for row in standing])
    return standing, chart


def reported(report: SymptomReport) -> trends.Reported:
    return trends.Reported(day=local_date(report.reported_at), level=report.level, codes=tuple(report.codes or ()))


def load_summary(session: Session, patient: Patient, period: Period, today: date) -> Summary:
    entries = build_timeline(session, patient, _moment(period.start), _moment(period.end + timedelta(days=1)))
    by_kind: dict[str, list] = {}
    for entry in reversed(entries):  # oldest first
        by_kind.setdefault(entry.kind, []).append(entry)

    gaps = dose_gaps_in(dose_dates(session, patient.id), period)
    chart = trends.interval_chart(gaps, patient.dose_interval_weeks)
    bar_for = {bar.to_day: bar for bar in chart.bars}
    doses = []
    for entry in by_kind.get("injection", []):
        injection = entry.item
        if not injection.is_current:
            continue  # a corrected or withdrawn entry: the correction stands instead (DESIGN.md)
        bar = bar_for.get(local_date(injection.given_at))
        doses.append(DoseRow(injection, bar.days if bar else None, bar.late if bar else False))

    flags = [entry.item for entry in by_kind.get("flag", [])]
    events: dict[int, list[FlagEvent]] = {}
    for entry in by_kind.get("flag_event", []):
        events.setdefault(entry.item.flag_id, []).append(entry.item)
    flag_of_report = {flag.symptom_report_id: flag for flag in flags if flag.symptom_report_id}
    reports = tuple((entry.item, flag_of_report.get(entry.item.id)) for entry in by_kind.get("report", []))

    standing, jcv_chart = jcv_trend(jcv_history(session, patient.id), period.end)
    latest = standing[0].result if standing else None
    actor_ids = {e.actor_id for evs in events.values() for e in evs if e.actor_id}
    names = ({u.id: u.full_name for u in session.exec(select(User).where(User.id.in_(actor_ids))).all()}
             if actor_ids else {})
    return Summary(
        patient=patient, clinic=session.get(Clinic, patient.clinic_id), period=period, today=today,
        doses=tuple(doses), supervised=tuple(entry.item for entry in by_kind.get("supervised", [])),
        interval_chart=chart, reports=reports,
        flags=tuple(FlagRow(flag, tuple(events.get(flag.id, ()))) for flag in flags),
        pickups=tuple(entry.item for entry in by_kind.get("pickup", []) if entry.item.withdrawn_at is None
                      and entry.item.superseded_at is None),
        supply=patient_supply(session, patient, today),
        jcv=standing, jcv_chart=jcv_chart,
        symptom_calendar=trends.symptom_calendar([reported(report) for report, _flag in reports],
                                                 period.start, period.end),
        risk=risk_summary(patient, latest, today), calendar=calendar_for(session, patient, today), names=names,
    )


@dataclass(frozen=True, slots=True)
class Trends:
    """The two trend charts on the screen, for the last half year."""

    start: date
    end: date
    symptom_calendar: trends.SymptomCalendar
    jcv: tuple[JcvHistoryRow, ...]
    jcv_chart: trends.JcvChart


SCREEN_REPORTS = select(SymptomReport.reported_at, SymptomReport.level, SymptomReport.codes)


def load_trends(session: Session, patient: Patient, today: date) -> Trends:
    start = max(today - relativedelta(months=SCREEN_MONTHS), min(record_start(patient), today))
    rows = session.exec(SCREEN_REPORTS.where(SymptomReport.patient_id == patient.id,
                                             SymptomReport.reported_at >= _moment(start))).all()
    reports = [trends.Reported(local_date(at), level, tuple(codes or ())) for at, level, codes in rows]
    standing, chart = jcv_trend(jcv_history(session, patient.id), today)
    return Trends(start=start, end=today, symptom_calendar=trends.symptom_calendar(reports, start, today),
                  jcv=standing, jcv_chart=chart)
