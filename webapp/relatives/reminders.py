"""Missed-dose reminders to a relative the patient chose to tell (issue 15 §5): when the patient's own
"your dose is overdue" reminder is written (2 and 7 days late, reminders.job), each relative with that
grant gets one too, through her own channels and preferences. Discreet by default, like every reminder
(notify/texts.py): the detailed text names the patient and the day, never the drug."""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlmodel import Session, select

from ..domain.reminders import ReminderKind
from ..i18n import format_date
from ..models import Patient, RelativeGrant, Reminder, User
from ..notify import notify_user, texts
from .grants import now

RELATIVES_TOLD = frozenset({ReminderKind.OVERDUE_2, ReminderKind.OVERDUE_7})
KIND = "relative_dose_overdue"
HELPING_URL = "/helping"


def _detailed(params: dict) -> tuple[str, str]:
    day = format_date(date.fromisoformat(params["day"]), "full")
    return (_("NataHjem: %(name)s's dose is overdue", name=params["name"]),
            _("%(name)s's dose was due %(date)s and is not logged in NataHjem. You could remind them. If you "
              "are worried about them, call their clinic, or 113 in an emergency.", name=params["name"], date=day))


texts.register(KIND, detailed=_detailed)


def notify_relatives(session: Session, patient: Patient, reminder: Reminder, key: str) -> int:
    """One message per relative allowed to get missed-dose reminders; returns how many were told."""
    rows = session.exec(select(RelativeGrant, User).join(User, RelativeGrant.relative_user_id == User.id).where(
        RelativeGrant.patient_id == patient.id, RelativeGrant.may_get_reminders.is_(True),
        RelativeGrant.revoked_at.is_(None), RelativeGrant.expires_at > now(),
        User.active.is_(True), User.password_hash.is_not(None))).all()
    told = 0
    for grant, user in rows:
        written = notify_user(session, user, key=f"{key}:relative:{grant.id}", kind=KIND, url=HELPING_URL,
                              params={"day": reminder.about_day.isoformat(), "name": patient.user.full_name},
                              topic="doses", not_before=reminder.due_at)
        told += bool(written)
    return told
