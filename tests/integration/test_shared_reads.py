"""A read shared by a page's parts (db.shared_read) is forgotten as soon as the session writes, so a
request never acts on its own stale read (issue 7)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from webapp.dose_record import counted_doses
from webapp.models import Injection

from .reports import patient_of


def test_a_shared_read_is_read_once_and_forgotten_after_a_write(db_session):
    patient = patient_of(db_session, "patient@example.org")
    first = counted_doses(db_session, patient.id)
    assert counted_doses(db_session, patient.id) is first  # the same read, not a second query
    db_session.add(Injection(patient_id=patient.id, client_id="shared-read-1", site_1="thigh_left",
                             site_2="thigh_right", given_at=datetime.now(UTC) - timedelta(hours=1),
                             created_by_id=patient.user_id))
    db_session.flush()
    after_flush = counted_doses(db_session, patient.id)
    assert len(after_flush) == len(first) + 1
    db_session.rollback()
    assert len(counted_doses(db_session, patient.id)) == len(first)


def test_a_withdrawn_dose_no_longer_counts_in_the_shared_read(db_session):
    patient = patient_of(db_session, "patient@example.org")
    doses = counted_doses(db_session, patient.id)
    latest = db_session.get(Injection, _latest_id(db_session, patient.id))
    latest.withdrawn_at = datetime.now(UTC)
    db_session.add(latest)
    db_session.commit()
    assert len(counted_doses(db_session, patient.id)) == len(doses) - 1


def _latest_id(db_session, patient_id: int) -> int:
    return db_session.exec(select(Injection.id).where(Injection.patient_id == patient_id)
                           .order_by(Injection.given_at.desc())).first()
