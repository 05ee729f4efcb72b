"""What a flag is about, by its kind (issue 13, walk defect 12): a pharmacy flag shows the pickup and
the supply, a schedule flag the last dose and how late the next one is. The rules are the domain's
(supply, schedule); this module only gathers what the flag page shows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from ..domain import schedule
from ..domain.clock import local_date, utc_now
from ..dose_record import counted_doses
from ..models import Flag, FlagEvent, Patient, Pickup, Role, User
from ..pharmacy.advice import COLD_CHAIN_LABELS, nurse_findings
from ..pharmacy.forecast import patient_supply
from .flag_labels import PHARMACY, SCHEDULE, flag_kind

# The cold-chain flag names its pickup in its dedupe key (pharmacy.forecast.cold_chain_dedupe_key).
PICKUP_IN_KEY = re.compile(r":pickup-(\d+)(?::|$)")


@dataclass(frozen=True)
class PickupDetails:
    pickup: Pickup
    problem: str  # the patient's words for what happened, e.g. "Left out of the fridge"


@dataclass(frozen=True)
class SupplyDetails:
    pickup: PickupDetails | None
    syringes_on_hand: int | None
    next_dose_due: date | None
    run_out: date | None
    order_by: date | None
    prescription_valid_until: date | None
    findings: tuple[str, ...]  # the nurse's lines of the pharmacy page: storage problems, warnings


@dataclass(frozen=True)
class ScheduleDetails:
    last_dose_day: date | None
    due: date | None
    days_overdue: int
    days_since_last_dose: int | None


def flagged_pickup(session: Session, flag: Flag) -> PickupDetails | None:
    match = PICKUP_IN_KEY.search(flag.dedupe_key or "")
    pickup = session.get(Pickup, int(match.group(1))) if match else None
    if pickup is None or pickup.patient_id != flag.patient_id:
        return None
    return PickupDetails(pickup, str(COLD_CHAIN_LABELS.get(pickup.cold_chain_problem, pickup.cold_chain_problem)))


def supply_details(session: Session, flag: Flag, patient: Patient, today: date) -> SupplyDetails:
    supply = patient_supply(session, patient, today)
    status = supply.status
    return SupplyDetails(
        pickup=flagged_pickup(session, flag),
        syringes_on_hand=status.on_hand.syringes if status else None,
        next_dose_due=supply.next_dose_due,
        run_out=status.run_out if status else None,
        order_by=status.order_by if status else None,
        prescription_valid_until=supply.prescription.valid_until if supply.prescription else None,
        findings=tuple(advice.text for advice in nurse_findings(supply)),
    )


def schedule_details(session: Session, patient: Patient, today: date) -> ScheduleDetails:
    doses = counted_doses(session, patient.id)
    if not doses:
        return ScheduleDetails(None, None, 0, None)
    status = schedule.dose_status(doses[-1].given_at, patient.dose_interval_weeks, max(today, local_date(doses[-1].given_at)))
    return ScheduleDetails(status.last_dose_day, status.due, status.days_overdue, status.days_since_last_dose)


def flag_details(session: Session, flag: Flag, patient: Patient) -> SupplyDetails | ScheduleDetails | None:
    today = local_date(utc_now())
    kind = flag_kind(flag)
    if kind == PHARMACY:
        return supply_details(session, flag, patient, today)
    if kind == SCHEDULE:
        return schedule_details(session, patient, today)
    return None


def clinic_colleagues(session: Session, nurse: User) -> list[User]:
    """The other nurses of the nurse's clinic, by name: whom a flag can be handed to."""
    return list(session.exec(
        select(User).where(User.clinic_id == nurse.clinic_id, User.role == Role.NURSE, User.id != nurse.id)
        .order_by(User.full_name, User.id)
    ).all())


def events_of(session: Session, flag: Flag) -> list[FlagEvent]:
    return list(session.exec(select(FlagEvent).where(FlagEvent.flag_id == flag.id)
                             .order_by(FlagEvent.at, FlagEvent.id)).all())
