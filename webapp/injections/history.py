"""Reading a patient's injections: the current ones, and every version for the nurse."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, union_all
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


def _nearest(newer: bool):
    query = select(Injection.given_at).where(
        Injection.patient_id == bindparam("patient_id"), Injection.id != bindparam("exclude_id"), *INJECTION_COUNTS)
    if newer:
        return query.where(Injection.given_at >= bindparam("moment")).order_by(Injection.given_at).limit(1)
    return query.where(Injection.given_at < bindparam("moment")).order_by(Injection.given_at.desc()).limit(1)


# The dose that counts given last before a moment and the first at or after it, in one statement built
# once: all that a check for a second dose close to this one needs, however many doses there are.
NEAREST_DOSES = union_all(_nearest(False).subquery().select(), _nearest(True).subquery().select())


def nearest_dose_times(session: Session, patient_id: int, moment: datetime, *, exclude_id: int | None = None
                       ) -> list[datetime]:
    rows = session.exec(NEAREST_DOSES, params={"patient_id": patient_id, "moment": moment,
                                                "exclude_id": exclude_id if exclude_id is not None else 0}).all()
    return [row[0] for row in rows]


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
