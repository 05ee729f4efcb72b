"""A real SMTP server for the tests (aiosmtpd on 127.0.0.1, a free port) and the mailbox it fills.

`Mailbox.hold` makes the server take a message and then not answer until `release()`: the sender is
stuck mid-send, as a worker is when it is killed during delivery (tests/fault/test_outbox_worker_kill.py).
"""

from __future__ import annotations

import asyncio
import email
import threading
from email import policy

from aiosmtpd.controller import Controller

from tests.pgcluster import free_port


class Mailbox:
    def __init__(self, *, hold_at: int | None = None):
        self.messages = []  # (mail_from, rcpt_tos, EmailMessage), in the order received
        self.changed = threading.Condition()
        self.hold_at = hold_at  # the n-th message (1-based) is received but not answered until release()
        self.released = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - the aiosmtpd hook name
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.changed:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
            number = len(self.messages)
            self.changed.notify_all()
        if number == self.hold_at:
            while not self.released.is_set():
                await asyncio.sleep(0.05)  # polls an event set by another thread; no fixed wait in a test
        return "250 OK"

    def release(self) -> None:
        self.released.set()

    def wait_for(self, count: int, timeout: float = 120) -> None:
        with self.changed:
            if not self.changed.wait_for(lambda: len(self.messages) >= count, timeout=timeout):
                raise AssertionError(f"{len(self.messages)} messages received, waited for {count}")

    def message_ids(self) -> list[str]:
        return [m["Message-ID"] for _f, _t, m in self.messages]


class SmtpServer:
    """Started and stopped like a real mail server: the same port again after a stop."""

    def __init__(self, mailbox: Mailbox | None = None, port: int | None = None):
        self.mailbox = mailbox or Mailbox()
        self.port = port or free_port()
        self.controller: Controller | None = None

    def start(self) -> SmtpServer:
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.mailbox.release()
            self.controller.stop()
            self.controller = None
