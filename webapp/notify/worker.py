"""The outbox worker (`flask --app webapp worker`): delivers due `OutboxMessage` rows, at least once.

A row goes through three short steps, each its own unit of work, so one bad row never blocks the others:

1. claim: due rows (pending, `next_attempt_at` passed, no live lease) get a lease (`locked_until`) in a
   short transaction. On PostgreSQL the rows are read `FOR UPDATE SKIP LOCKED`, so several workers never
   take the same row; on both databases the lease is set only where no other worker holds one (a
   compare-and-set), which also keeps a second process on SQLite from taking it.
2. send, outside any transaction, through the row's channel (`channels.CHANNELS`).
3. record: sent; or tried again later with exponential backoff; or dead after `OUTBOX_MAX_ATTEMPTS`
   (listed on the clinic's dead-letter page, /nurse/outbox); or cancelled when the push subscription is gone.

A worker killed between 1 and 3 leaves its lease to expire, and the row is sent again: at least once. The
e-mail's Message-ID and the push notification's tag come from the row, so the copy is shown once.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, update
from sqlmodel import Session, select

from ..models import OutboxMessage, OutboxStatus, PushSubscription
from . import channels

log = logging.getLogger(__name__)

BATCH = 10  # rows claimed at once: small, so a slow server holds few rows under lease
BACKOFF_FIRST = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
CHANNEL_OFF_WAIT = timedelta(minutes=10)  # a channel that is not set up is looked at again this often
ERROR_MAX = 300  # OutboxMessage.last_error


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Tally:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    dead: int = 0
    cancelled: int = 0
    waiting: int = 0

    @property
    def handled(self) -> int:
        return self.sent + self.retried + self.dead + self.cancelled + self.waiting


def backoff(message: OutboxMessage, attempts: int) -> timedelta:
    """30 s · 2^attempts (1 min after the first failure), at most an hour, with ±20 % jitter so that rows
    failing together do not all come back together; the jitter is drawn from the row's key, so a test can
    predict it. The 8 attempts of the default span about two hours: a mail server down for an hour loses
    nothing (issue 12, "Bad input and faults")."""
    delay = min(BACKOFF_FIRST * 2**attempts, BACKOFF_CAP)
    spread = zlib.crc32(f"{message.key}:{attempts}".encode()) / 2**32  # 0 ≤ spread < 1
    return delay * (0.8 + 0.4 * spread)


def lease_length(app) -> timedelta:
    return timedelta(seconds=float(app.config.get("OUTBOX_LEASE_SECONDS", 120)))


# ---------------------------------------------------------------- 1. claim
def claim(app, now: datetime, *, limit: int = BATCH) -> list[OutboxMessage]:
    """Lease up to `limit` due rows to this worker and return them (detached, for sending)."""
    engine = app.extensions["db_engine"]
    lease_until = now + lease_length(app)
    free = or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until <= now)
    due = (select(OutboxMessage.id)
           .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.next_attempt_at <= now, free)
           .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id).limit(limit))
    with Session(engine, expire_on_commit=False) as session:
        if engine.dialect.name == "postgresql":
            # Rows another worker has locked are skipped, not waited for: workers never take the same row.
            ids = list(session.exec(due.with_for_update(skip_locked=True)).all())
        else:
            ids = list(session.exec(due).all())
            session.commit()  # SQLite: end the read, so that each lease below starts its own write
        claimed = []
        for message_id in ids:
            # Compare-and-set: only if nobody leased the row since it was read (a second process on SQLite).
            result = session.exec(
                update(OutboxMessage)
                .where(OutboxMessage.id == message_id, OutboxMessage.status == OutboxStatus.PENDING, free)
                .values(locked_until=lease_until))
            if result.rowcount == 1:
                claimed.append(message_id)
            if engine.dialect.name != "postgresql":
                session.commit()
        session.commit()
        if not claimed:
            return []
        rows = session.exec(select(OutboxMessage).where(OutboxMessage.id.in_(claimed))
                            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)).all()
        session.expunge_all()
        return list(rows)


# ---------------------------------------------------------------- 2. send
def send(app, message: OutboxMessage) -> tuple[str, str]:
    """Send one row through its channel, outside any transaction; returns (outcome, error text)."""
    deliver = channels.CHANNELS.get(message.channel)
    if deliver is None:
        return "off", f"no sender for channel {message.channel!r}: not configured here"
    try:
        deliver(app, message)
    except channels.ChannelOff as failure:
        return "off", str(failure)
    except channels.SubscriptionGone as failure:
        return "gone", str(failure) or "the push service no longer knows this device"
    except channels.PermanentFailure as failure:
        return "permanent", str(failure) or type(failure).__name__
    except channels.TemporaryFailure as failure:
        return "temporary", str(failure) or type(failure).__name__
    except OSError as failure:
        return "temporary", f"{type(failure).__name__} (errno {failure.errno})"
    except Exception as failure:  # noqa: BLE001 - a bug in one channel must not stop the others
        # Only the class: the text of an unexpected exception might quote the message.
        log.error("outbox %s (%s): the channel raised %s", message.id, message.channel, type(failure).__name__)
        return "temporary", f"unexpected {type(failure).__name__} in the {message.channel} channel"
    return "sent", ""


# ---------------------------------------------------------------- 3. record
def record(app, message: OutboxMessage, outcome: str, error: str, now: datetime, tally: Tally) -> None:
    engine = app.extensions["db_engine"]
    error = error[:ERROR_MAX]
    with Session(engine) as session:
        row = session.get(OutboxMessage, message.id)
        if row is None:
            return
        row.locked_until = None
        if outcome == "sent":
            # Sent even if a nurse cancelled it meanwhile: the row says what happened.
            row.status, row.sent_at, row.last_error = OutboxStatus.SENT, now, ""
            row.attempts += 1
            tally.sent += 1
            if row.subscription_id is not None:
                subscription = session.get(PushSubscription, row.subscription_id)
                if subscription is not None:
                    subscription.last_sent_at = now
        elif row.status != OutboxStatus.PENDING:
            pass  # cancelled or sent meanwhile: leave it
        elif outcome == "off":
            row.last_error, row.next_attempt_at = error, now + CHANNEL_OFF_WAIT
            tally.waiting += 1
        elif outcome == "gone":
            _forget_subscription(session, row, error)
            tally.cancelled += 1
        else:
            row.attempts += 1
            row.last_error = error
            max_attempts = int(app.config.get("OUTBOX_MAX_ATTEMPTS", 8))
            if outcome == "permanent" or row.attempts >= max_attempts:
                row.status = OutboxStatus.DEAD
                tally.dead += 1
                # No address and no text in the log: the row id leads to the dead-letter page.
                log.warning("outbox %s (%s, %s): dead after %s attempts", row.id, row.channel, row.kind, row.attempts)
            else:
                row.next_attempt_at = now + backoff(row, row.attempts)
                tally.retried += 1
        session.commit()


def _forget_subscription(session: Session, row: OutboxMessage, error: str) -> None:
    """The push service answered 404/410: the device is gone, forgotten as when the patient removes it
    (its pending rows, this one too, are cancelled and the subscription is deleted)."""
    from .push import remove_subscription

    subscription = session.get(PushSubscription, row.subscription_id) if row.subscription_id is not None else None
    if subscription is not None:
        remove_subscription(session, subscription, reason=error)
    else:  # removed meanwhile (the patient, or another worker)
        row.status, row.last_error = OutboxStatus.CANCELLED, error
    session.expire(row)


# ---------------------------------------------------------------- the loop
def deliver_due(app, now: datetime | None = None, *, limit: int = BATCH) -> Tally:
    """One round: claim a batch and deliver it. `now` is for tests (simulated time)."""
    tally = Tally()
    # A row is sent only while its lease has time left for one more send (a slow server must not make
    # a row outlive its lease mid-send and be taken by a second worker while this one still sends it).
    margin = min(timedelta(seconds=15), lease_length(app) / 4)
    for message in claim(app, now or utcnow(), limit=limit):
        if now is None and message.locked_until is not None and utcnow() >= message.locked_until - margin:
            break  # the rest go back to the pool when their lease runs out
        tally.claimed += 1
        outcome, error = send(app, message)
        record(app, message, outcome, error, now or utcnow(), tally)
    return tally


def drain(app, now: datetime | None = None, *, stop: threading.Event | None = None) -> Tally:
    """Deliver everything that is due, batch after batch, until nothing due is left (or `stop` is set)."""
    total = Tally()
    while not (stop and stop.is_set()):
        tally = deliver_due(app, now)
        if tally.claimed == 0:
            break
        for field in ("claimed", "sent", "retried", "dead", "cancelled", "waiting"):
            setattr(total, field, getattr(total, field) + getattr(tally, field))
    return total


def run_forever(app, stop: threading.Event, poll_seconds: float = 5.0) -> None:
    """Drain, wait `poll_seconds` (or until `stop`), again; a database fault is logged and waited out."""
    log.info("outbox worker started (every %.0f s)", poll_seconds)
    while not stop.is_set():
        try:
            tally = drain(app, stop=stop)
            if tally.handled:
                log.info("outbox: %s sent, %s to retry, %s dead, %s cancelled, %s waiting for a channel",
                         tally.sent, tally.retried, tally.dead, tally.cancelled, tally.waiting)
        except Exception as problem:  # noqa: BLE001 - the database may be away for a moment; keep going
            log.error("outbox worker: %s; trying again", type(problem).__name__)
        stop.wait(poll_seconds)
    log.info("outbox worker stopped")


# ---------------------------------------------------------------- start-up
def warn_if_channels_off(app) -> None:
    """`make run` without SMTP or VAPID keys: say once that nothing leaves the app (issue 12). Said by the
    processes that serve or send (`flask run`, `flask worker`, a WSGI server), not by every other command
    `make run` runs first (db-upgrade, demo-data)."""
    if app.config.get("APP_ENV") != "development":
        return
    if os.environ.get("FLASK_RUN_FROM_CLI") == "true" and not {"run", "worker"} & set(sys.argv[1:]):
        return
    missing = []
    if not app.config.get("SMTP_HOST"):
        missing.append("e-mail (no SMTP_HOST)")
    if not (app.config.get("VAPID_PRIVATE_KEY") and app.config.get("VAPID_PUBLIC_KEY")):
        missing.append("push (no VAPID keys)")
    if missing:
        log.warning("%s %s off: reminders show in the app only", " and ".join(missing),
                    "are" if len(missing) > 1 else "is")


def init_app(app) -> None:
    """The e-mail channel, the `worker` command, and the start-up warning."""
    import signal

    import click

    from . import email  # noqa: F401 - registers the e-mail channel

    warn_if_channels_off(app)

    @app.cli.command("worker")
    @click.option("--once", is_flag=True, help="deliver what is due now and exit (tests, cron)")
    @click.option("--poll", default=5.0, show_default=True, help="seconds between rounds")
    @click.option("--now", "now_text", default=None, help="ISO date-time to run as (tests)")
    def worker_command(once: bool, poll: float, now_text: str | None):
        """Deliver the outbox (push, e-mail), with retries; stops cleanly on SIGTERM."""
        logging.basicConfig(level=logging.INFO)
        now = datetime.fromisoformat(now_text) if now_text else None
        if now is not None and now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        if once:
            tally = drain(app, now)
            click.echo(f"outbox: {tally.sent} sent, {tally.retried} to retry, {tally.dead} dead, "
                       f"{tally.cancelled} cancelled, {tally.waiting} waiting for a channel")
            return
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        run_forever(app, stop, poll)
