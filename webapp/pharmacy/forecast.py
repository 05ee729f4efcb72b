"""A patient's syringe supply, read from the database and handed to the supply rules (domain/supply.py).

Used by the pharmacy pages, the start card, the nurse's patient page, the calendar feed and
daily-checks, so that they all show the same numbers. A few queries per patient, however long the
history (STYLE.md habit 17).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import bindparam
from sqlalchemy.engine import Row
from sqlmodel import Session, select

from ..domain import schedule, supply
from ..domain.levels import Level
from ..domain.supply import ColdChainProblem, SupplyStatus, SupplyWarning
from ..dose_record import counted_doses
from ..models import PICKUP_COUNTS, Flag, FlagStatus, Patient, Pickup, Prescription


@dataclass(frozen=True)
class PatientSupply:
    """Everything the pages show about one patient's syringes and H-resept."""

    status: SupplyStatus | None  # None until there is a pickup or a home dose to count from
    warnings: tuple[SupplyWarning, ...]  # the status's warnings, or the H-resept's alone without one
    next_dose_due: date | None
    pickups: tuple[Row, ...]  # newest first, read-only: see PICKUPS
    prescriptions: tuple[Prescription, ...]  # newest first
    prescription: Prescription | None  # the one that lasts longest: its expiry drives the warnings
    renewal_on: date | None  # the day to ask the clinic for a new H-resept
    cold_chain_open: tuple[tuple[Row, Level], ...]  # storage problems the clinic has not closed yet

    @property
    def prescription_unconfirmed(self) -> bool:
        return self.prescription is not None and self.prescription.confirmed_by_id is None


def cold_chain_dedupe_key(pickup: Pickup | Row) -> str:
    return f"supply:cold_chain:{pickup.patient_id}:pickup-{pickup.id}:{pickup.cold_chain_problem}"


def _doses(session: Session, patient_id: int) -> tuple[int, int, datetime | None]:
    """Home doses with two syringes, with one syringe, and the latest dose anywhere.

    Only current entries count (models.INJECTION_COUNTS). Doses given at the clinic use the
    clinic's stock, not the syringes the patient picked up, so they move the schedule only.
    """
    doses = counted_doses(session, patient_id)
    full = partial = 0
    for dose in doses:
        if dose.place != "home":
            continue
        if dose.syringes >= schedule.SYRINGES_PER_DOSE:
            full += 1
        else:
            partial += 1
    return full, partial, (doses[-1].given_at if doses else None)


def _open_cold_chain(session: Session, pickups: tuple[Row, ...]) -> tuple[tuple[Row, Level], ...]:
    """Pickups with a storage problem whose flag the clinic has not resolved, with the flag's level."""
    reported = {cold_chain_dedupe_key(p): p for p in pickups if p.cold_chain_problem != ColdChainProblem.NONE}
    if not reported:
        return ()
    flags = {key: (status, level) for key, status, level in session.exec(
        select(Flag.dedupe_key, Flag.status, Flag.level).where(Flag.dedupe_key.in_(list(reported)))
    ).all()}
    found = []
    for key, pickup in reported.items():
        status, level = flags.get(key, (FlagStatus.OPEN, Level.ROUTINE))
        if status != FlagStatus.RESOLVED:
            found.append((pickup, Level(level)))
    return tuple(found)


# Read-only rows (id, patient_id, picked_up_on, pharmacy, syringes, cold_chain_problem), not objects:
# years of pickups cost little to list (issue 7). Change a pickup through its own query.
PICKUPS = (
    select(Pickup.id, Pickup.patient_id, Pickup.picked_up_on, Pickup.pharmacy, Pickup.syringes,
           Pickup.cold_chain_problem).where(Pickup.patient_id == bindparam("patient_id"), *PICKUP_COUNTS)
    .order_by(Pickup.picked_up_on.desc(), Pickup.id.desc())
)
PRESCRIPTIONS = (
    select(Prescription).where(Prescription.patient_id == bindparam("patient_id"), Prescription.withdrawn_at.is_(None))
    .order_by(Prescription.issued_on.desc(), Prescription.id.desc())
)


def patient_supply(session: Session, patient: Patient, today: date) -> PatientSupply:
    by_patient = {"patient_id": patient.id}
    pickups = tuple(session.exec(PICKUPS, params=by_patient).all())
    prescriptions = tuple(session.exec(PRESCRIPTIONS, params=by_patient).all())
    full, partial, last_dose = _doses(session, patient.id)
    current = max(prescriptions, key=lambda p: (p.valid_until, p.id), default=None)
    valid_until = current.valid_until if current else None

    next_due = schedule.next_dose_due(last_dose, patient.dose_interval_weeks) if last_dose else None
    status = None
    warnings: tuple[SupplyWarning, ...] = ()
    if pickups or full or partial:
        on_hand = supply.syringes_on_hand(sum(p.syringes for p in pickups), full, partial)
        # no dose logged yet: the first one could be any day, so count from today
        status = supply.supply_status(
            on_hand, next_due or today, patient.dose_interval_weeks, today,
            prescription_valid_until=valid_until, lead_days=patient.order_lead_days,
        )
        warnings = status.warnings
    elif valid_until:
        warnings = tuple(supply.prescription_warnings(valid_until, None, today))
    return PatientSupply(
        status=status,
        warnings=warnings,
        next_dose_due=next_due,
        pickups=pickups,
        prescriptions=prescriptions,
        prescription=current,
        renewal_on=supply.prescription_renewal_date(valid_until) if valid_until else None,
        cold_chain_open=_open_cold_chain(session, pickups),
    )
