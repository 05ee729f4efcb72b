"""Reading a patient's injections: the current ones, and every version for the nurse."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.engine import Row
from sqlmodel import Session, select

from ..models import INJECTION_COUNTS, Injection


def current_injections(session: Session, patient_id: int) -> list[Injection]:
    """Doses that count, oldest first: not replaced by a correction, not withdrawn."""
    return list(session.exec(
        select(Injection)
        .where(Injection.patient_id == patient_id, *INJECTION_COUNTS)
        .order_by(Injection.given_at)
    ).all())


# Site rotation looks back this many doses (about two years at 4 weeks): enough to find every site's last
# use, and the form costs the same after ten years of doses as after one (issue 7).
SITE_HISTORY_DOSES = 24


def recent_sites_and_batches(session: Session, patient_id: int) -> list[Row]:
    """Sites and batches of the latest doses that count, oldest first (the log form's suggestions)."""
    rows = session.exec(
        select(Injection.site_1, Injection.site_2, Injection.batch_1, Injection.batch_2)
        .where(Injection.patient_id == patient_id, *INJECTION_COUNTS)
        .order_by(Injection.given_at.desc(), Injection.id.desc())
        .limit(SITE_HISTORY_DOSES)
    ).all()
    return list(reversed(rows))


def nearest_dose_times(session: Session, patient_id: int, moment: datetime, *, exclude_id: int | None = None
                       ) -> list[datetime]:
    """The doses that count given last before and first after `moment`: all that a check for a second
    dose close to this one needs (two rows, however many doses there are)."""
    found = []
    for newer in (False, True):
        query = select(Injection.given_at).where(Injection.patient_id == patient_id, *INJECTION_COUNTS)
        if exclude_id is not None:
            query = query.where(Injection.id != exclude_id)
        query = (query.where(Injection.given_at >= moment).order_by(Injection.given_at) if newer
                 else query.where(Injection.given_at < moment).order_by(Injection.given_at.desc()))
        found += session.exec(query.limit(1)).all()
    return found


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
