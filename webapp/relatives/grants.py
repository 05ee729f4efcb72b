"""Who may do what for whom: the active grants, and the patient a relative is acting for."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import abort, request, session
from flask_babel import lazy_gettext as _l
from sqlmodel import select

from .. import db
from ..models import AuditEvent, Patient, RelativeGrant, User

# What a patient may let a relative do: the grant's column and how the patient and the relative read it.
PERMISSIONS = {
    "may_report": _l("Report symptoms for me"),
    "may_log_doses": _l("Log my doses"),
    "may_get_reminders": _l("Get an e-mail when my dose is overdue"),
    "may_read_education": _l("Read the articles about the treatment"),
}
# The same, as the clinic reads it on the patient's page.
FOR_THE_CLINIC = {
    "may_report": _l("Reports symptoms for the patient"),
    "may_log_doses": _l("Logs the patient's doses"),
    "may_get_reminders": _l("Gets an e-mail when a dose is overdue"),
    "may_read_education": _l("Reads the articles"),
}
# For how long, in days; a year at most, and then the patient gives it again if she wants.
DURATIONS = {"30": _l("1 month"), "90": _l("3 months"), "182": _l("6 months"), "365": _l("1 year")}
HELPING_KEY = "helping"  # the session remembers which patient a relative is helping now


def now() -> datetime:
    return datetime.now(UTC)


def expiry(days: str, start: datetime) -> datetime:
    return start + timedelta(days=int(days))


def is_active(grant: RelativeGrant, at: datetime | None = None) -> bool:
    return grant.revoked_at is None and grant.expires_at > (at or now())


def _active(query):
    return query.where(RelativeGrant.revoked_at.is_(None), RelativeGrant.expires_at > now())


def patient_grants(patient: Patient) -> list[RelativeGrant]:
    """The patient's grants, active ones first, then the most recent."""
    grants = db.session().exec(select(RelativeGrant).where(RelativeGrant.patient_id == patient.id)
                               .order_by(RelativeGrant.created_at.desc(), RelativeGrant.id.desc())).all()
    return sorted(grants, key=lambda grant: not is_active(grant))


def active_for_patient(patient_id: int, permission: str | None = None) -> list[RelativeGrant]:
    query = _active(select(RelativeGrant).where(RelativeGrant.patient_id == patient_id,
                                                RelativeGrant.relative_user_id.is_not(None)))
    if permission:
        query = query.where(getattr(RelativeGrant, permission).is_(True))
    return list(db.session().exec(query).all())


def relative_grants(user: User) -> list[tuple[RelativeGrant, Patient]]:
    """The active grants given to a relative, with the patients who gave them (a closed account gives none)."""
    rows = db.session().exec(
        _active(select(RelativeGrant, Patient).join(Patient, RelativeGrant.patient_id == Patient.id)
                .where(RelativeGrant.relative_user_id == user.id, Patient.closed_at.is_(None)))
        .order_by(RelativeGrant.id)).all()
    return list(rows)


def may(user: User, permission: str) -> bool:
    """Whether any patient lets this relative do `permission` now."""
    return any(getattr(grant, permission) for grant, _patient in relative_grants(user))


def helped_patient(user: User, permission: str) -> Patient:
    """The patient the relative is acting for, when she granted `permission` and it still holds; a revoked
    or expired grant is refused at the very next request (403). The patient chosen on the relative's page
    is kept in the session; with one patient only, it is that one."""
    active = relative_grants(user)
    grants = [(grant, patient) for grant, patient in active if getattr(grant, permission)]
    chosen = session.get(HELPING_KEY)
    for _grant, patient in grants:
        if patient.id == chosen:
            return patient
    helped = {patient.id for _grant, patient in active}
    if chosen is None and len(helped) == 1 and grants:
        return grants[0][1]
    _audit_refusal(user, chosen)
    abort(403)


def _audit_refusal(user: User, chosen: int | None) -> None:
    """A relative refused for a patient who once let her help (stopped, ended or not this): written to the
    clinic's audit log as refused, like a nurse's attempt at another clinic's patient."""
    query = select(RelativeGrant.patient_id).where(RelativeGrant.relative_user_id == user.id)
    if chosen is not None:
        query = query.where(RelativeGrant.patient_id == chosen)
    for patient_id in sorted(set(db.session().exec(query).all())):
        db.session().add(AuditEvent(actor_id=user.id, patient_id=patient_id, action="refused",
                                    target=f"relative.{request.endpoint}"[:120]))
    db.session().commit()


def report_author(user: User) -> dict:
    """The fields of a symptom report a relative makes for the patient: noticed by someone else (symptoms.md
    modifier "Reported by someone else": it counts as the patient's own symptom, at the same level) and
    made by her. Nothing for the patient herself."""
    return {"reported_by_other": True, "reported_by_id": user.id} if user.is_relative else {}
