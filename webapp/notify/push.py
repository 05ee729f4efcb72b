"""The Web Push channel (issue 12): hands one outbox row to the push service of one browser.

The row already holds its text in the recipient's language (`notify_user` rendered it); this module only
encrypts it for the subscription's keys (RFC 8291, aes128gcm), signs the request with our VAPID key
(RFC 8292) and maps the push service's answer onto the channel failures the worker understands:

- 201/202: handed over; the subscription's `last_sent_at` is set;
- 404/410: the browser has gone (`SubscriptionGone`): the worker removes it with `remove_subscription`;
- 429, 5xx, no connection, a timeout: `TemporaryFailure` (tried again later);
- any other 4xx: `PermanentFailure` (e.g. 413 too large, 403 a key the subscription was not made with).

The channel is registered only when both VAPID keys are set; without them the worker finds no "push"
channel and leaves push rows waiting until the keys are configured.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import http_ece
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid
from py_vapid.utils import b64urlencode
from pywebpush import WebPushException, webpush
from sqlalchemy.orm import object_session
from sqlmodel import Session, select

from ..config import ConfigError, is_production
from ..models import OutboxMessage, OutboxStatus, PushSubscription
from .channels import CHANNELS, PermanentFailure, SubscriptionGone, TemporaryFailure, channel

log = logging.getLogger(__name__)

# New emergency/urgent flags for a nurse on call must not wait for a phone's battery saver (RFC 8030 §5.3).
URGENT_KINDS = frozenset({"flag_new"})


# ------------------------------------------------------------------ VAPID keys
def new_key_pair() -> tuple[str, str]:
    """(private, public) as base64url: the 32-byte private number and the 65-byte uncompressed point."""
    vapid = Vapid()
    vapid.generate_keys()
    private = vapid.private_key.private_numbers().private_value.to_bytes(32, "big")
    return b64urlencode(private), public_key_text(vapid.public_key)


def public_key_text(public_key: ec.EllipticCurvePublicKey) -> str:
    return b64urlencode(public_key.public_bytes(serialization.Encoding.X962,
                                                serialization.PublicFormat.UncompressedPoint))


def vapid_configured(config) -> bool:
    return bool(config.get("VAPID_PRIVATE_KEY") and config.get("VAPID_PUBLIC_KEY"))


def vapid_subject(config) -> str:
    return config.get("VAPID_SUBJECT") or f"mailto:{config.get('MAIL_FROM') or 'natahjem@localhost'}"


def check_vapid_settings(config) -> None:
    """The keys must be a pair: browsers subscribe with the public key, and a push service refuses (403)
    every message signed with a private key that does not belong to it."""
    try:
        vapid = Vapid.from_string(config["VAPID_PRIVATE_KEY"])
    except (ValueError, TypeError) as exc:
        raise ConfigError("VAPID_PRIVATE_KEY is not a key: run `flask --app webapp vapid-keys` for a new pair") from exc
    if public_key_text(vapid.public_key) != config["VAPID_PUBLIC_KEY"].rstrip("="):
        raise ConfigError("VAPID_PUBLIC_KEY does not belong to VAPID_PRIVATE_KEY: set both from one "
                          "`flask --app webapp vapid-keys`")
    if not vapid_subject(config).startswith(("mailto:", "https://")):
        raise ConfigError("VAPID_SUBJECT must start with mailto: or https://")


def init_app(app) -> None:
    """Register the push channel when the app has VAPID keys (CHANNELS is per process: the last app made wins)."""
    if vapid_configured(app.config):
        check_vapid_settings(app.config)
        channel("push")(send_push)
        return
    if CHANNELS.get("push") is send_push:
        del CHANNELS["push"]
    if is_production(app.config):  # development: one line for e-mail and push (worker.py)
        log.warning("Web Push is off: VAPID_PRIVATE_KEY and VAPID_PUBLIC_KEY are not set "
                    "(`flask --app webapp vapid-keys` prints a pair); push messages wait in the outbox")


# ------------------------------------------------------------------ sending one row
# A push service must take 4096 bytes (RFC 8030 §7.2), encryption adds 103: a notification's text stays far
# below, even in the 2-byte letters æ, ø and å. A phone shows a few lines anyway; the page has the rest.
MAX_TITLE, MAX_BODY = 100, 1000


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def payload(message: OutboxMessage) -> str:
    """What the service worker reads (static/sw.js): the text as rendered for the recipient, the page a tap
    opens, and the idempotency key as the tag, so a resend replaces the notification instead of adding one."""
    return json.dumps({"title": _shortened(message.title, MAX_TITLE), "body": _shortened(message.body, MAX_BODY),
                       "url": message.url or "/", "tag": message.key, "lang": message.locale}, ensure_ascii=False)


def send_push(app, message: OutboxMessage) -> None:
    """Deliver one push row, or raise a channel failure (module docstring). `last_sent_at` is set through
    the row's own session when it has one (the worker commits it), else in a session of our own."""
    session = object_session(message)
    if session is not None:
        _send_with(app, session, message)
        return
    with Session(app.extensions["db_engine"], expire_on_commit=False) as own:
        _send_with(app, own, message)
        own.commit()


def _send_with(app, session: Session, message: OutboxMessage) -> None:
    subscription = session.get(PushSubscription, message.subscription_id) if message.subscription_id else None
    if subscription is None:
        raise SubscriptionGone("the device was removed")
    config = app.config
    try:
        webpush(
            subscription_info={"endpoint": subscription.endpoint,
                               "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth}},
            data=payload(message),
            vapid_private_key=config["VAPID_PRIVATE_KEY"],
            vapid_claims={"sub": vapid_subject(config)},  # a new dict each time: webpush adds aud and exp
            ttl=config.get("PUSH_TTL", 24 * 3600),
            timeout=config.get("PUSH_TIMEOUT", 10),
            headers={"Urgency": "high" if message.kind in URGENT_KINDS else "normal"},
        )
    except WebPushException as exc:
        # exc.response is falsy for any 4xx/5xx (requests.Response.__bool__ is .ok): compare with None.
        status = exc.response.status_code if exc.response is not None else None
        if status in (404, 410):
            raise SubscriptionGone(f"push service answered {status}") from None
        if status is None or status == 429 or status >= 500:
            raise TemporaryFailure(f"push service answered {status}") from None
        raise PermanentFailure(f"push service answered {status}") from None
    except requests.RequestException as exc:
        raise TemporaryFailure(f"push service unreachable: {type(exc).__name__}") from None
    except (ValueError, TypeError, http_ece.ECEException) as exc:
        raise PermanentFailure(f"cannot encrypt for this subscription: {type(exc).__name__}") from None
    subscription.last_sent_at = datetime.now(UTC)
    session.add(subscription)


def remove_subscription(session: Session, subscription: PushSubscription, reason: str = "") -> None:
    """Forget a device (the patient removed it, or its push service answered 404/410): its waiting messages
    are cancelled and every row lets go of it (the outbox's foreign key). The caller commits."""
    rows = session.exec(select(OutboxMessage).where(OutboxMessage.subscription_id == subscription.id)).all()
    for row in rows:
        if row.status == OutboxStatus.PENDING:
            row.status, row.locked_until = OutboxStatus.CANCELLED, None
            row.last_error = reason or row.last_error
        row.subscription_id = None
        session.add(row)
    session.flush()
    session.delete(subscription)
    session.flush()
