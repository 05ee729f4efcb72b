"""Push for nurses on call (issue 12 §5): a new emergency or urgent flag reaches every nurse of the flag's
clinic who switched "on call" on, at any hour (no quiet hours), on her own devices.

The text says only that a flag of that level waits: no patient, no symptom, the same whether the nurse
chose discreet or detailed texts. `on_new_flag` is registered in `app.extensions["flag_listeners"]` by
create_app; `flags.raise_flag` calls it inside the flag's transaction, so the messages are stored with
the flag or not at all (issue 12 §1)."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy.orm import object_session
from sqlmodel import select

from .. import notify
from ..domain.levels import Level
from ..models import Flag, NotificationPrefs, Role, User

ON_CALL_LEVELS = (Level.EMERGENCY, Level.URGENT)
QUEUE_URL = "/nurse/queue"


def flag_new_text(params: dict) -> tuple[str, str]:
    if params.get("level") == Level.EMERGENCY:
        return _("NataHjem: a new emergency flag waits"), _("A new emergency flag waits in the triage queue.")
    return _("NataHjem: a new urgent flag waits"), _("A new urgent flag waits in the triage queue.")


# No health data in either text, so the discreet text is the detailed one.
notify.texts.register("flag_new", detailed=flag_new_text, discreet=flag_new_text)


def on_new_flag(flag: Flag) -> None:
    """Flag listener: one push (per device) to each on-call nurse of the flag's clinic."""
    if Level(flag.level) not in ON_CALL_LEVELS:
        return
    session = object_session(flag)
    if session is None:
        return
    nurses = session.exec(
        select(User).join(NotificationPrefs, NotificationPrefs.user_id == User.id)
        .where(User.clinic_id == flag.clinic_id, User.role == Role.NURSE, NotificationPrefs.on_call.is_(True))
    ).all()
    for nurse in nurses:
        notify.notify_user(session, nurse, key=f"flag:{flag.id}:oncall:{nurse.id}", kind="flag_new", url=QUEUE_URL,
                           params={"level": str(flag.level)}, topic="on_call", quiet_hours=False)
