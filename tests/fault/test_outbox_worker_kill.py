"""A worker SIGKILLed during delivery (issue 12, "Bad input and faults"): a real SMTP server (aiosmtpd)
takes a message and holds its answer until the test has killed the worker that sent it. Another worker
is started. Every message must arrive at least once; deduplicated by its Message-ID (what a mail client
does), each exactly once; and every row ends as sent. On SQLite and on PostgreSQL.

Like test_no_lost_writes.py, the test waits for conditions with a generous deadline, never for the clock.
"""

from __future__ import annotations

import os
import signal
import subprocess  # nosec B404
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import Session, create_engine, select

from tests.pgcluster import create_database
from tests.smtp_mailbox import Mailbox, SmtpServer
from webapp.models import OutboxMessage
from webapp.notify.email import message_id

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MESSAGES = 40
HOLD_AT = 7  # the 7th message is received by the server and never answered while its sender lives
DEADLINE = 120  # seconds: the only time limit; a slow machine only takes longer
SENDER = "natahjem@example.org"


def flask(env: dict, *args: str) -> None:
    subprocess.run([str(BIN / "flask"), "--app", "webapp", *args], cwd=ROOT, env=env, check=True,  # noqa: S603
                   capture_output=True)  # nosec B603


def start_worker(env: dict, log: Path) -> subprocess.Popen:
    with log.open("ab") as out:
        return subprocess.Popen([str(BIN / "flask"), "--app", "webapp", "worker", "--poll", "0.2"],  # noqa: S603
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)  # nosec B603


def wait_until(condition, what: str) -> None:
    end = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"not reached within {DEADLINE} s: {what}")
        time.sleep(0.05)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_worker_killed_mid_send_loses_nothing_and_each_message_is_shown_once(backend, tmp_path, request):
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'outbox.db'}"
    else:
        url = create_database(request.getfixturevalue("pg_server")["base"], "natahjem_outbox_fault")
    base_env = {**os.environ, "APP_ENV": "development", "DATABASE_URL": url}
    flask(base_env, "db-upgrade")
    engine = create_engine(url)
    now = datetime.now(UTC)
    with Session(engine) as session:
        for n in range(MESSAGES):
            session.add(OutboxMessage(key=f"fault:{n}:email", channel="email", kind="flag_new",
                                      to_address=f"triage{n}@example.org", title=f"Message {n}",
                                      body="A flag waits.", url="/nurse/queue", next_attempt_at=now))
        session.commit()

    def rows() -> list[OutboxMessage]:
        with Session(engine) as session:
            return list(session.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all())

    mailbox = Mailbox(hold_at=HOLD_AT)
    server = SmtpServer(mailbox).start()
    env = {**base_env, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(server.port), "SMTP_STARTTLS": "false",
           "MAIL_FROM": SENDER, "APP_BASE_URL": "https://natahjem.example.no",
           "OUTBOX_LEASE_SECONDS": "3"}  # a dead worker's rows come back after 3 s, not 2 min
    log = tmp_path / "workers.log"
    first = second = None
    try:
        first = start_worker(env, log)
        mailbox.wait_for(HOLD_AT, timeout=DEADLINE)  # the first worker is now stuck mid-send
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
        held = next(r for r in rows() if r.title == f"Message {HOLD_AT - 1}")
        assert held.status == "pending" and held.locked_until is not None, "the kill came before the send was recorded"
        mailbox.release()
        second = start_worker(env, log)
        wait_until(lambda: all(r.status == "sent" for r in rows()), "every row sent by the second worker")
        second.send_signal(signal.SIGTERM)  # a clean stop between rounds
        assert second.wait(timeout=30) == 0
    except BaseException:
        print(log.read_text(errors="replace")[-4000:])
        raise
    finally:
        for worker in (first, second):
            if worker is not None and worker.poll() is None:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait(timeout=30)
        server.stop()

    stored = rows()
    engine.dispose()
    expected = {message_id(row, SENDER) for row in stored}
    received = Counter(mailbox.message_ids())
    assert len(expected) == MESSAGES
    assert set(received) == expected, "nothing lost: every message arrived"
    assert received[message_id(held, SENDER)] == 2, "the message in flight at the kill arrived again"
    shown = {mid: m["Subject"] for _f, _t, m in mailbox.messages for mid in [m["Message-ID"]]}
    assert sorted(shown.values()) == sorted(f"Message {n}" for n in range(MESSAGES)), "deduplicated: each once"
    assert all(r.sent_at is not None and r.locked_until is None for r in stored)
    print(f"{backend}: {sum(received.values())} deliveries of {MESSAGES} messages, "
          f"{sum(c - 1 for c in received.values())} sent again after the kill, each shown once")
