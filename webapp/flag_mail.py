"""E-mail to the clinic's triage address when a new `emergency` or `urgent` flag waits (issue 4).

The e-mail says only that a flag waits, its level and a link to the queue: no patient name and no
health details, because e-mail is not a safe place for them. It is sent after the database commit,
so a report is never lost to a mail problem, and a failed send is logged and leaves the flag as it is
(the queue is the source of truth; the e-mail is only a nudge).

`on_new_flag` is registered in `app.extensions["flag_listeners"]` by create_app; `flags.raise_flag`
calls it while the flag's session is still open. It queues the message on that session; the
`after_commit` hook sends it, `after_rollback` drops it.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import event
from sqlalchemy.orm import Session, object_session

from .domain.levels import Level
from .models import Clinic, Flag

log = logging.getLogger(__name__)
PENDING = "natahjem_flag_mail"
NOTIFY_LEVELS = (Level.EMERGENCY, Level.URGENT)


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    username: str
    password: str
    starttls: bool
    timeout: float
    sender: str

    @classmethod
    def from_config(cls, config) -> SmtpSettings:
        return cls(
            host=config.get("SMTP_HOST", ""), port=int(config.get("SMTP_PORT", 587)),
            username=config.get("SMTP_USERNAME", ""), password=config.get("SMTP_PASSWORD", ""),
            starttls=bool(config.get("SMTP_STARTTLS", True)), timeout=float(config.get("SMTP_TIMEOUT", 10)),
            sender=config.get("MAIL_FROM", "natahjem@localhost"),
        )


def queue_link() -> str:
    base = (current_app.config.get("APP_BASE_URL") or "").rstrip("/")
    if base:
        return base + "/nurse/queue"
    if has_request_context():
        return url_for("nurse.queue", _external=True)
    return "/nurse/queue"


def build_message(level: Level, to: str, sender: str, link: str) -> EmailMessage:
    """Both languages, Norwegian first: the clinic's address is shared by its nurses."""
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
            texts[lang] = (subject, lead, _("Open the queue (sign-in needed):"),
                           _("For privacy this e-mail holds no patient details."))
    message = EmailMessage()
    message["Subject"] = f"NataHjem: {texts['nb'][0]} / {texts['en'][0]}"
    message["From"] = sender
    message["To"] = to
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "natahjem.invalid")
    body = []
    for lang in ("nb", "en"):
        _subject, lead, open_text, privacy = texts[lang]
        body += [lead, "", open_text, link, "", privacy, "", ""]
    message.set_content("\n".join(body).rstrip() + "\n")
    return message


def on_new_flag(flag: Flag) -> None:
    """Flag listener: queue an e-mail for a new emergency or urgent flag, sent after the commit."""
    if Level(flag.level) not in NOTIFY_LEVELS:
        return
    session = object_session(flag)
    clinic = session.get(Clinic, flag.clinic_id) if session is not None else None
    if clinic is None or not clinic.triage_email:
        log.warning("flag %s: the clinic has no triage e-mail address; no e-mail sent", flag.id)
        return
    settings = SmtpSettings.from_config(current_app.config)
    if not settings.host:
        log.info("flag %s: SMTP_HOST is not set; no e-mail sent", flag.id)
        return
    message = build_message(Level(flag.level), clinic.triage_email, settings.sender, queue_link())
    session.info.setdefault(PENDING, []).append((flag.id, settings, message))


def send(settings: SmtpSettings, message: EmailMessage) -> None:
    if settings.port == 465:
        smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    with smtp:
        if settings.starttls and settings.port != 465:
            smtp.starttls(context=ssl.create_default_context())
        if settings.username:
            smtp.login(settings.username, settings.password)
        smtp.send_message(message)


@event.listens_for(Session, "after_commit")
def _send_after_commit(session: Session) -> None:
    for flag_id, settings, message in session.info.pop(PENDING, []):
        try:
            send(settings, message)
        except (OSError, smtplib.SMTPException):
            # The flag is stored and in the queue; only the nudge failed. No health data in the log.
            log.exception("flag %s: the triage e-mail could not be sent", flag_id)


@event.listens_for(Session, "after_rollback")
def _drop_after_rollback(session: Session) -> None:
    session.info.pop(PENDING, None)
