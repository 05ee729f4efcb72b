"""How the worker delivers one outbox row: a function per channel, and the three ways a send can fail.

A channel function takes the Flask app and the `OutboxMessage` and returns when the message was handed
over. It raises `TemporaryFailure` to be tried again later (backoff), `PermanentFailure` to give up now
(the row goes to the dead-letter list), `ChannelOff` when the channel is not configured (the row
waits), and `SubscriptionGone` when a push service answers 404/410 (the
subscription is removed and the row is cancelled)."""

from __future__ import annotations

from collections.abc import Callable


class DeliveryFailure(Exception):
    """Base of the failures a channel reports; the message must hold no health data (it is stored)."""


class TemporaryFailure(DeliveryFailure):
    """Try again later: the server is down, busy or timed out."""


class PermanentFailure(DeliveryFailure):
    """Trying again will not help: a refused address, a malformed message."""


class SubscriptionGone(PermanentFailure):
    """The push service no longer knows this subscription (HTTP 404 or 410)."""


class ChannelOff(DeliveryFailure):
    """The channel is not set up here (no SMTP_HOST, no VAPID keys): the row waits, its attempts unchanged,
    like a row whose channel has no sender at all."""


# channel name -> deliver(app, message); filled by the channel modules (email, push) at import.
CHANNELS: dict[str, Callable] = {}


def channel(name: str):
    def register(deliver: Callable) -> Callable:
        CHANNELS[name] = deliver
        return deliver

    return register
