"""What the risk and monitoring pages show, loaded for one patient: JCV results, checks done, doses
given, and the domain's answers for them. One query per kind of record, whatever the history's length
(STYLE.md habit 17)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, literal_column, null, union_all
from sqlalchemy.engine import Row
from sqlmodel import Session, select

from ..db import shared_read
from ..domain import monitoring, pml_risk
from ..domain.schedule import dose_day
from ..dose_record import counted_doses
from ..models import SUPERVISED_COUNTS, JcvResult, MonitoringCheck, Patient, SupervisedDose, User
from .icon_array import IconArray, icon_array

# --------------------------------------------------------------------------- JCV results


def jcv_results(session: Session, patient_id: int) -> list[JcvResult]:
    """Newest first: by test date, and for the same date the later entry first (a correction)."""
    return list(session.exec(
        select(JcvResult).where(JcvResult.patient_id == patient_id)
        .order_by(JcvResult.tested_on.desc(), JcvResult.recorded_at.desc(), JcvResult.id.desc())
    ).all())


def latest_jcv(session: Session, patient_id: int) -> JcvResult | None:
    return session.exec(
        select(JcvResult).where(JcvResult.patient_id == patient_id)
        .order_by(JcvResult.tested_on.desc(), JcvResult.recorded_at.desc(), JcvResult.id.desc()).limit(1)
    ).first()


@dataclass(frozen=True, slots=True)
class JcvHistoryRow:
    result: JcvResult
    recorded_by: str
    replaced: bool  # a later entry for the same test date stands instead


JCV_HISTORY = (
    select(JcvResult, User.full_name).join(User, JcvResult.recorded_by_id == User.id)
    .where(JcvResult.patient_id == bindparam("patient_id"))
    .order_by(JcvResult.tested_on.desc(), JcvResult.recorded_at.desc(), JcvResult.id.desc())
)


def jcv_history(session: Session, patient_id: int) -> list[JcvHistoryRow]:
    rows = session.exec(JCV_HISTORY, params={"patient_id": patient_id}).all()
    seen: set[date] = set()
    history = []
    for result, name in rows:
        history.append(JcvHistoryRow(result=result, recorded_by=name, replaced=result.tested_on in seen))
        seen.add(result.tested_on)
    return history


# --------------------------------------------------------------------------- the personal risk


@dataclass(frozen=True, slots=True)
class RiskSummary:
    """What the risk page says. `estimate` is None when the page must say why there is no figure."""

    status: pml_risk.RiskStatus
    result: JcvResult | None
    retest_due: date | None
    months: int | None  # None when the clinic has not recorded the first dose
    estimate: pml_risk.PmlRiskEstimate | None
    factors: tuple[pml_risk.RiskFactor, ...]
    factors_personal: bool  # False: list the factors and their effect, not whether they apply
    array: IconArray | None

    @property
    def start_unknown(self) -> bool:
        """A positive, current result, but no first dose recorded: no row to read the figure from."""
        return self.status is pml_risk.RiskStatus.CURRENT and self.estimate is None


def risk_summary(patient: Patient, result: JcvResult | None, today: date) -> RiskSummary:
    status = pml_risk.risk_status(
        jcv_positive=None if result is None else result.positive,
        jcv_tested_on=None if result is None else result.tested_on,
        today=today,
    )
    months = (
        pml_risk.months_on_treatment(patient.treatment_start, today) if patient.treatment_start else None
    )
    current = status is pml_risk.RiskStatus.CURRENT and result is not None
    estimate = None
    if current and (months is not None or not result.positive):
        # a figure only from a current, clinic-entered JCV result (facts section 7, App rule; issue 6);
        # a negative result needs no row: about 0.1 per 1000 whatever the exposure (facts P3)
        estimate = pml_risk.assess_pml_risk(
            jcv_positive=result.positive, jcv_index=result.jcv_index, months_on_treatment=months or 0,
            prior_immunosuppressant=patient.prior_immunosuppressant,
        )
    personal = current and months is not None
    factors = pml_risk.risk_factors(
        jcv_positive=result.positive if personal else False,
        jcv_index=result.jcv_index if personal else None,
        months_on_treatment=months if personal else 0,
        prior_immunosuppressant=patient.prior_immunosuppressant,
        dose_interval_weeks=patient.dose_interval_weeks,
    )
    return RiskSummary(
        status=status,
        result=result,
        retest_due=None if result is None else pml_risk.jcv_retest_due(result.tested_on),
        months=months,
        estimate=estimate,
        factors=factors,
        factors_personal=personal,
        array=None if estimate is None else icon_array(estimate.frequency),
    )


# --------------------------------------------------------------------------- the monitoring calendar


SUPERVISED_DAYS = select(SupervisedDose.given_on).where(SupervisedDose.patient_id == bindparam("patient_id"),
                                                       *SUPERVISED_COUNTS)
CHECKS_DONE = (
    select(MonitoringCheck).where(MonitoringCheck.patient_id == bindparam("patient_id"))
    .order_by(MonitoringCheck.done_on.desc(), MonitoringCheck.id.desc())
)


def supervised_days(session: Session, patient_id: int) -> list[date]:
    return shared_read(session, ("supervised_days", patient_id),
                       lambda: list(session.exec(SUPERVISED_DAYS, params={"patient_id": patient_id}).all()))


def dose_dates(session: Session, patient_id: int) -> list[date]:
    """Supervised doses and current home injections, as Oslo days in date order
    ("before dose 1, 2, 3 and 6" counts them together, facts M1 and H2)."""
    supervised = supervised_days(session, patient_id)
    injected = counted_doses(session, patient_id)
    return sorted([*supervised, *(dose_day(dose.given_at) for dose in injected)])


def checks_done(session: Session, patient_id: int) -> list[MonitoringCheck]:
    return list(session.exec(CHECKS_DONE, params={"patient_id": patient_id}).all())


# --------------------------------------------------------------------------- the start page's reading
# JCV results, checks done and supervised doses of one patient in one statement (one round trip, not
# three: issue 7). Rows: source ("jcv", "check", "supervised"), day, positive, jcv_index, kind,
# recorded_at, id.
_PATIENT = bindparam("patient_id")
MONITORING_RECORD = union_all(
    select(literal_column("'jcv'").label("source"), JcvResult.tested_on.label("day"), JcvResult.positive,
           JcvResult.jcv_index, null().label("kind"), JcvResult.recorded_at, JcvResult.id)
    .where(JcvResult.patient_id == _PATIENT),
    select(literal_column("'check'"), MonitoringCheck.done_on, null(), null(), MonitoringCheck.kind,
           MonitoringCheck.recorded_at, MonitoringCheck.id).where(MonitoringCheck.patient_id == _PATIENT),
    select(literal_column("'supervised'"), SupervisedDose.given_on, null(), null(), null(), null(),
           SupervisedDose.id).where(SupervisedDose.patient_id == _PATIENT, *SUPERVISED_COUNTS),
)


@dataclass(frozen=True, slots=True)
class JcvFacts:
    """What the calendar reads of a JCV result (the same names as JcvResult's)."""

    positive: bool
    jcv_index: float | None
    tested_on: date


@dataclass(frozen=True, slots=True)
class CheckFacts:
    """What the calendar reads of a check done (the same names as MonitoringCheck's)."""

    kind: str
    done_on: date


@dataclass(frozen=True, slots=True)
class MonitoringRecord:
    latest_jcv: JcvFacts | None
    jcv_dates: list[date]  # newest first
    checks: list[CheckFacts]


def monitoring_record(session: Session, patient_id: int) -> MonitoringRecord:
    """What the monitoring calendar needs, read at once; the supervised days are kept for dose_dates."""
    rows = session.exec(MONITORING_RECORD, params={"patient_id": patient_id}).all()
    by_source: dict[str, list[Row]] = {"jcv": [], "check": [], "supervised": []}
    for row in rows:
        by_source[row.source].append(row)
    # newest first: by test date, and for the same date the later entry (a correction), as jcv_results
    jcv = sorted(by_source["jcv"], key=lambda r: (r.day, r.recorded_at, r.id), reverse=True)
    shared_read(session, ("supervised_days", patient_id), lambda: [r.day for r in by_source["supervised"]])
    return MonitoringRecord(
        latest_jcv=JcvFacts(jcv[0].positive, jcv[0].jcv_index, jcv[0].day) if jcv else None,
        jcv_dates=[r.day for r in jcv],
        checks=[CheckFacts(r.kind, r.day) for r in by_source["check"]],
    )


@dataclass(frozen=True, slots=True)
class Calendar:
    rows: tuple[monitoring.CheckDue, ...]
    problem: str | None = None  # "no_start" or "dose_before_start": the nurse must correct the data

    @property
    def next_due(self) -> monitoring.CheckDue | None:
        """The check due soonest (an overdue one first): what the patient sees next."""
        waiting = [row for row in self.rows if row.due_on is not None]
        return min(waiting, key=lambda row: row.due_on) if waiting else None


def monitoring_calendar(
    session: Session, patient: Patient, today: date, *, jcv: JcvResult | JcvFacts | None,
    checks: list[MonitoringCheck] | list[CheckFacts], jcv_dates: list[date], dose_days: list[date] | None = None,
) -> Calendar:
    """`dose_days` (dose_dates' answer) lets the clock pass what it read for every patient at once."""
    if patient.treatment_start is None:
        return Calendar(rows=(), problem="no_start")
    known_kinds = set(monitoring.CheckKind)
    recorded = [
        monitoring.RecordedCheck(kind=monitoring.CheckKind(check.kind), done_on=check.done_on)
        for check in checks if check.kind in known_kinds
    ]
    # a JCV result recorded with its own form is the JCV check done that day (facts M3)
    recorded += [monitoring.RecordedCheck(monitoring.CheckKind.JCV_ANTIBODIES, tested_on) for tested_on in jcv_dates]
    try:
        rows = monitoring.monitoring_schedule(
            treatment_start=patient.treatment_start,
            doses_given=dose_dates(session, patient.id) if dose_days is None else dose_days,
            checks_done=recorded,
            jcv_positive=None if jcv is None else jcv.positive,
            jcv_index=None if jcv is None else jcv.jcv_index,
            prior_immunosuppressant=patient.prior_immunosuppressant,
            today=today,
            dose_interval_weeks=patient.dose_interval_weeks,
        )
    except ValueError:
        # a dose recorded before the first dose date: the first dose date is wrong (or the dose is)
        return Calendar(rows=(), problem="dose_before_start")
    return Calendar(rows=rows)


def calendar_for(session: Session, patient: Patient, today: date) -> Calendar:
    results = jcv_results(session, patient.id)
    return monitoring_calendar(
        session, patient, today, jcv=results[0] if results else None, checks=checks_done(session, patient.id),
        jcv_dates=[r.tested_on for r in results],
    )


def first_dose_recorded(session: Session, patient_id: int) -> date | None:
    doses = dose_dates(session, patient_id)
    return doses[0] if doses else None
