"""Reading a patient's injections: the current ones, and every version for the nurse."""

from __future__ import annotations

from sqlmodel import Session, select

from ..models import INJECTION_COUNTS, Injection


def current_injections(session: Session, patient_id: int) -> list[Injection]:
    """Doses that count, oldest first: not replaced by a correction, not withdrawn."""
    return list(session.exec(
        select(Injection)
        .where(Injection.patient_id == patient_id, *INJECTION_COUNTS)
        .order_by(Injection.given_at)
    ).all())


def last_injection(session: Session, patient_id: int) -> Injection | None:
    return session.exec(
        select(Injection)
        .where(Injection.patient_id == patient_id, *INJECTION_COUNTS)
        .order_by(Injection.given_at.desc())
        .limit(1)
    ).first()


def all_versions(session: Session, patient_id: int) -> list[Injection]:
    """Every row, corrections and withdrawn ones included, newest first (the nurse's view)."""
    return list(session.exec(
        select(Injection).where(Injection.patient_id == patient_id).order_by(Injection.given_at.desc(),
                                                                              Injection.id.desc())
    ).all())
