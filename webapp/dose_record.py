"""The doses that count for one patient, read once per request and shared by the pages that need them
(the next dose, the syringes left, the check-up calendar): one small column query instead of three
(issue 7). The rows are (given_at, place, syringes), oldest first.

Hot queries are built once, at import, with bound parameters: building a statement costs more than
running it on a small table (issue 7)."""

from __future__ import annotations

from sqlalchemy import bindparam
from sqlalchemy.engine import Row
from sqlmodel import Session, select

from .db import shared_read
from .models import INJECTION_COUNTS, Injection

COUNTED_DOSES = (
    select(Injection.given_at, Injection.place, Injection.syringes)
    .where(Injection.patient_id == bindparam("patient_id"), *INJECTION_COUNTS)
    .order_by(Injection.given_at, Injection.id)
)


def counted_doses(session: Session, patient_id: int) -> tuple[Row, ...]:
    return shared_read(session, ("counted_doses", patient_id), lambda: tuple(
        session.exec(COUNTED_DOSES, params={"patient_id": patient_id}).all()))
