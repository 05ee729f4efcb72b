"""E-mail to the clinic's triage address when a new `emergency` or `urgent` flag waits (issue 4).

The e-mail says only that a flag waits, its level and a link to the queue: no patient name and no
health details, because e-mail is not a safe place for them. It is an outbox row written in the flag's
own session and transaction (issue 12): the patient's answer page never waits on SMTP, the worker sends
it when the mail server answers, and a rolled-back flag leaves no e-mail behind. The queue is the source
of truth; the e-mail is only a nudge.

`on_new_flag` is registered in `app.extensions["flag_listeners"]` by create_app; `flags.raise_flag`
calls it while the flag's session is still open.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.orm import object_session
from sqlmodel import select

from .domain.levels import Level
from .models import Clinic, Flag, OutboxMessage
from .notify import notify_address

log = logging.getLogger(__name__)
NOTIFY_LEVELS = (Level.EMERGENCY, Level.URGENT)
MAIL_GAP = timedelta(minutes=5)  # one e-mail per clinic and level in this time (security finding 8)
QUEUE_PATH = "/nurse/queue"  # made absolute from APP_BASE_URL by the e-mail channel, never from a request


def flag_text(level: Level) -> tuple[str, str]:
    """(subject, body) in both languages, Norwegian first: the clinic's address is shared by its nurses.
    The e-mail channel adds the link to the queue after the body."""
    texts = {}
    for lang in ("nb", "en"):
        with force_locale(lang):
            if level == Level.EMERGENCY:
                subject = _("a new emergency flag waits")
                lead = _("A patient has reported something that needs a call now. "
                         "A new emergency flag waits in the triage queue.")
            else:
                subject = _("a new urgent flag waits")
                lead = _("A new urgent flag waits in the triage queue. The callback is due by the end of the next working day.")
            texts[lang] = (subject, lead, _("For privacy this e-mail holds no patient details."),
                           _("Open the queue (sign-in needed):"))
    body = []
    for lang in ("nb", "en"):
        _subject, lead, privacy, _open = texts[lang]
        body += [lead, "", privacy, "", ""]
    body.append(f"{texts['nb'][3]} / {texts['en'][3]}")
    return f"NataHjem: {texts['nb'][0]} / {texts['en'][0]}", "\n".join(body)


def _mailed_lately(session, flag: Flag) -> bool:
    """One e-mail per clinic per MAIL_GAP and level (security finding 8): a flood of reports from one
    account, or a busy hour, must not bury the triage mailbox; the queue lists every flag. An emergency
    after urgent flags is still mailed, as the first emergency of its gap."""
    since = (flag.created_at or datetime.now(UTC)) - MAIL_GAP
    serious = [level for level in NOTIFY_LEVELS if Level(level).rank >= Level(flag.level).rank]
    recent = session.exec(select(Flag.id).where(Flag.clinic_id == flag.clinic_id, Flag.id != flag.id,
                                                Flag.created_at >= since, Flag.level.in_(serious))).all()
    if not recent:
        return False
    keys = [f"flag:{flag_id}:email" for flag_id in recent]
    return session.exec(select(OutboxMessage.id).where(OutboxMessage.key.in_(keys)).limit(1)).first() is not None


def on_new_flag(flag: Flag) -> None:
    """Flag listener: an outbox e-mail for a new emergency or urgent flag, in the flag's transaction."""
    if Level(flag.level) not in NOTIFY_LEVELS:
        return
    session = object_session(flag)
    clinic = session.get(Clinic, flag.clinic_id) if session is not None else None
    if clinic is None or not clinic.triage_email:
        log.warning("flag %s: the clinic has no triage e-mail address; no e-mail sent", flag.id)
        return
    if not current_app.config.get("SMTP_HOST"):
        log.info("flag %s: SMTP_HOST is not set; no e-mail sent", flag.id)
        return
    if _mailed_lately(session, flag):
        log.info("flag %s: the clinic was mailed about a flag as serious in the last %d minutes; no new e-mail",
                 flag.id, MAIL_GAP.seconds // 60)
        return
    subject, body = flag_text(Level(flag.level))
    notify_address(session, key=f"flag:{flag.id}", kind="flag_new", address=clinic.triage_email, title=subject,
                   body=body, url=QUEUE_PATH, clinic_id=clinic.id, locale="nb")
