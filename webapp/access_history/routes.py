"""Who has read the patient's information: the audit log's reads (and exports, photo views) of her data
by anyone but herself, newest first, for the last 12 months, 50 to a page. The clinic's nurses see the
same log for a patient of their own clinic (and only theirs), e.g. when she asks for it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import abort, render_template, request
from flask_babel import _
from sqlalchemy import func, or_
from sqlmodel import select

from .. import db
from ..models import AuditEvent, Clinic, User
from ..security import audit, nurse_required, own_patient, patient_required
from . import bp
from .labels import what_was_seen

PAGE_SIZE = 50
WINDOW = timedelta(days=365)
# "relative": what a relative she let help did or opened for her (issue 15 §5)
SHOWN_ACTIONS = ("read", "export", "relative")


# Reads with no user behind them that she is shown: the clinic's record system over the FHIR API (issue 15).
SYSTEM_TARGET_PREFIX = "api:"


def _seen_by_others(patient, since: datetime):
    by_someone = AuditEvent.actor_id != patient.user_id
    by_a_record_system = AuditEvent.actor_id.is_(None) & AuditEvent.target.startswith(SYSTEM_TARGET_PREFIX)
    return (select(AuditEvent, User, Clinic)
            .join(User, AuditEvent.actor_id == User.id, isouter=True)
            .join(Clinic, User.clinic_id == Clinic.id, isouter=True)
            .where(AuditEvent.patient_id == patient.id, AuditEvent.action.in_(SHOWN_ACTIONS),
                   AuditEvent.at >= since, or_(by_someone, by_a_record_system)))


def _who(user: User | None) -> str:
    if user is None:
        return _("Your clinic's record system")
    if user.is_relative:
        return _("%(name)s, whom you let help you", name=user.full_name)
    return user.full_name


def _entries(patient, page: int):
    if page < 1:
        abort(404)
    since = datetime.now(UTC) - WINDOW
    session = db.session()
    query = _seen_by_others(patient, since)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    rows = session.exec(query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
                        .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
    if page > 1 and not rows:
        abort(404)  # past the last page
    entries = [{"at": event.at, "who": _who(user), "clinic": clinic.name if clinic and not user.is_relative else "",
                "what": what_was_seen(event.target)} for event, user, clinic in rows]
    return {"entries": entries, "page": page, "total": total, "has_next": page * PAGE_SIZE < total, "months": 12}


@bp.get("/access-log")
@patient_required
def index():
    page = _entries(own_patient(), request.args.get("page", 1, type=int))
    return render_template("access_history/index.html", pages_at={}, **page)


@bp.get("/nurse/patients/<int:patient_id>/access-log")
@nurse_required
def for_nurse(patient_id: int):
    """The patient's access log for a nurse of her clinic (security finding 10: a nurse sees only her own
    clinic's audit). Reading it is itself a read of the patient's information."""
    from ..nurse.routes import clinic_patient  # the nurse blueprint builds on this one's models only

    patient = clinic_patient(patient_id)
    page = _entries(patient, request.args.get("page", 1, type=int))
    audit("read", patient_id=patient.id, target="nurse.access_log")
    db.session().commit()
    return render_template("access_history/index.html", patient=patient,
                           pages_at={"endpoint": "access_history.for_nurse", "patient_id": patient.id}, **page)
