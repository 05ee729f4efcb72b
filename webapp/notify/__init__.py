"""NataHjem reaches out (issue 12): every message is an `OutboxMessage` row written in the same
transaction as the event that causes it, and delivered later by the worker (`flask --app webapp worker`).

Callers never send anything themselves. They call

- `notify_user(session, user, key=…, kind=…, url=…)`: one row per channel the user chose (each push
  device, e-mail), in the user's language, discreet unless the user chose detailed texts, held until
  the end of the user's quiet hours;
- `notify_address(session, key=…, kind=…, address=…, title=…, body=…)`: one e-mail to an address that
  is not a user (a clinic's triage address).

`key` is the idempotency key of the event (e.g. ``reminder:17``): calling again with the same key writes
nothing. The caller commits. Texts per kind are registered with `texts.register` by the feature that
owns the kind; the discreet text never names the drug, a symptom or a dose count.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, select

from ..domain.quiet_hours import next_allowed
from ..models import NotificationPrefs, OutboxMessage, PushSubscription, User
from . import texts

__all__ = ["has_channel", "notify_address", "notify_user", "prefs_for", "texts"]


def prefs_for(session: Session, user_id: int) -> NotificationPrefs:
    """The user's preferences, or the defaults (not stored) when the user never changed them."""
    return session.get(NotificationPrefs, user_id) or NotificationPrefs(user_id=user_id)


def subscriptions(session: Session, user_id: int) -> list[PushSubscription]:
    return list(session.exec(select(PushSubscription).where(PushSubscription.user_id == user_id)
                             .order_by(PushSubscription.id)).all())


def has_channel(session: Session, user: User) -> bool:
    """Whether anything the app sends can reach the user; without one, reminders show only in the app."""
    prefs = prefs_for(session, user.id)
    return bool((prefs.email and user.email) or (prefs.push and subscriptions(session, user.id)))


def _exists(session: Session, key: str) -> bool:
    return session.exec(select(OutboxMessage.id).where(OutboxMessage.key == key)).first() is not None


def notify_user(
    session: Session,
    user: User,
    *,
    key: str,
    kind: str,
    url: str,
    params: dict | None = None,
    topic: str | None = None,
    not_before: datetime | None = None,
    quiet_hours: bool = True,
) -> list[OutboxMessage]:
    """Write one outbox row per channel the user chose; returns the rows written (none when the user
    switched this topic or every channel off, or when the key was written before).

    `topic` names the preference that must be on (`doses`, `supply`, `checkups`, `followups`, `on_call`).
    `quiet_hours=False` is for nurses on call, whom a new emergency flag must reach at any hour."""
    prefs = prefs_for(session, user.id)
    if topic is not None and not getattr(prefs, topic):
        return []
    when = not_before or datetime.now(UTC)
    if quiet_hours:
        when = next_allowed(when, prefs.quiet_start, prefs.quiet_end)
    locale = user.locale if user.locale in ("nb", "en") else "nb"
    title, body = texts.render(kind, params or {}, locale, detailed=prefs.detailed)
    common = dict(kind=kind, user_id=user.id, clinic_id=user.clinic_id, locale=locale, title=title, body=body,
                  url=url, next_attempt_at=when)
    destinations: list[tuple[str, dict]] = []
    if prefs.push:
        destinations += [(f"{key}:push:{sub.id}", dict(channel="push", subscription_id=sub.id))
                         for sub in subscriptions(session, user.id)]
    if prefs.email and user.email:
        destinations.append((f"{key}:email", dict(channel="email", to_address=user.email)))
    written = []
    for row_key, target in destinations:
        if _exists(session, row_key):
            continue
        message = OutboxMessage(key=row_key, **common, **target)
        session.add(message)
        written.append(message)
    if written:
        session.flush()
    return written


def notify_address(
    session: Session,
    *,
    key: str,
    kind: str,
    address: str,
    title: str,
    body: str,
    url: str = "",
    clinic_id: int | None = None,
    locale: str = "nb",
    not_before: datetime | None = None,
) -> OutboxMessage | None:
    """One e-mail to an address that is no user's (the clinic's triage address); None if the key exists."""
    row_key = f"{key}:email"
    if not address or _exists(session, row_key):
        return None
    message = OutboxMessage(key=row_key, channel="email", kind=kind, clinic_id=clinic_id, to_address=address,
                            locale=locale, title=title, body=body, url=url,
                            next_attempt_at=not_before or datetime.now(UTC))
    session.add(message)
    session.flush()
    return message

