"""The e-mail channel: one outbox row becomes one message through the SMTP server in the settings
(`SMTP_HOST`, `SMTP_PORT`, …; issue 4's settings, now used by the worker only).

The row holds the finished text in the recipient's language; this module only wraps it: the title is the
subject, the body the text, and the row's `url` (a path inside the app) becomes an absolute link from
`APP_BASE_URL`, never from a request's Host. The Message-ID is derived from the row, so a message sent
again after a worker crash is the same message to the recipient's mail client."""

from __future__ import annotations

import hashlib
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from .channels import ChannelOff, PermanentFailure, TemporaryFailure, channel


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


def absolute_link(config, path: str) -> str:
    base = (config.get("APP_BASE_URL") or "").rstrip("/")
    return base + path if base else path


def message_id(message, sender: str) -> str:
    """The same row always gets the same Message-ID; its creation time keeps a row of a new database
    with an old key from looking like an old message. The hash shows nothing of the key."""
    created = message.created_at.isoformat() if message.created_at else ""
    digest = hashlib.sha256(f"{message.key}|{created}".encode()).hexdigest()[:40]
    return f"<outbox.{digest}@{sender.rpartition('@')[2] or 'natahjem.invalid'}>"


def build_email(config, message) -> EmailMessage:
    settings = SmtpSettings.from_config(config)
    mail = EmailMessage()
    mail["Subject"] = message.title
    mail["From"] = settings.sender
    mail["To"] = message.to_address
    mail["Message-ID"] = message_id(message, settings.sender)
    text = message.body.rstrip()
    if message.url:
        text += "\n\n" + absolute_link(config, message.url)
    mail.set_content(text + "\n")
    mail["Content-Language"] = message.locale  # after set_content, which clears the Content-* headers
    return mail


def send(settings: SmtpSettings, mail: EmailMessage) -> None:
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
        smtp.send_message(mail)


def _code(error: smtplib.SMTPException) -> int:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _text in error.recipients.values()]
        return min(codes) if codes else 0
    return int(getattr(error, "smtp_code", 0) or 0)


@channel("email")
def deliver_email(app, message) -> None:
    """Hand one row to the SMTP server. 5xx for the recipient or the message: give up (dead-letter list);
    a refused connection, a timeout or 4xx: try again later. The failure text names the SMTP code only,
    never the address or the message."""
    settings = SmtpSettings.from_config(app.config)
    if not settings.host:
        raise ChannelOff("SMTP_HOST is not set: e-mail is off")
    if not message.to_address:
        raise PermanentFailure("the message has no address")
    try:
        send(settings, build_email(app.config, message))
    except smtplib.SMTPException as error:
        code = _code(error)
        if isinstance(error, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError) or not 500 <= code < 600:
            raise TemporaryFailure(f"SMTP {type(error).__name__} {code or ''}".rstrip()) from None
        raise PermanentFailure(f"SMTP refused the message: {type(error).__name__} {code}") from None
    except (OSError, ssl.SSLError) as error:
        raise TemporaryFailure(f"SMTP server unreachable: {type(error).__name__}") from None
