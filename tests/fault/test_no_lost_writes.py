"""No lost writes (issue 7): 50 patients log doses at once on a real gunicorn while a worker is killed
with SIGKILL and then the whole server is killed and started again. Every write that got a success
answer must be in the database exactly once, on SQLite (WAL, busy timeout) and on PostgreSQL.

A patient whose request failed (no answer) sends it again with the same client id, as the app's
form would after a reload: that must not store it twice either.
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import re
import secrets
import signal
import subprocess  # nosec B404
import sys
import threading
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, func, select

from tests.http_browser import Browser, ServerUnavailable
from tests.liveservers import STOP_DEADLINE, wait_until
from tests.pgcluster import create_database, free_port
from webapp.bulk_seed import BENCH_PASSWORD
from webapp.models import Injection

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PATIENTS = 50
# Each phase runs until every patient has written enough, not for a fixed time: a busy or slow machine
# only makes it take longer. The deadline is generous and is the only time limit.
PHASE_DEADLINE = 600
WRITES_AFTER_RESTART = 2


def flask(env: dict, *args: str) -> None:
    subprocess.run([str(BIN / "flask"), "--app", "webapp", *args], cwd=ROOT, env=env, check=True,  # noqa: S603
                   capture_output=True)  # nosec B603


def start_server(env: dict, port: int) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603  # nosec B603
        [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "3", "--graceful-timeout", "1",
         "--log-level", "error", "webapp:create_app()"], cwd=ROOT, env=env, start_new_session=True)
    wait_until(lambda: _answers(port), "gunicorn answering /healthz", process=server)
    return server


def _answers(port: int) -> bool:
    try:
        return Browser(port).request("GET", "/healthz")[0] == 200
    except OSError:
        return False


def kill_all(server: subprocess.Popen) -> None:
    """SIGKILL the master and its workers, and wait until every one of them is gone."""
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=STOP_DEADLINE)
    wait_until(lambda: not _group_alive(server.pid), "every gunicorn process gone after SIGKILL",
               deadline=STOP_DEADLINE)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


class Progress:
    """Acknowledged writes as they happen: the test waits on it for a condition, never for the clock."""

    def __init__(self):
        self.changed = threading.Condition()
        self.stop = threading.Event()

    def wait_until(self, condition, what: str) -> None:
        with self.changed:
            if not self.changed.wait_for(condition, timeout=PHASE_DEADLINE):
                raise AssertionError(f"not reached within {PHASE_DEADLINE} s: {what}")


class Patient(threading.Thread):
    def __init__(self, number: int, port: int, progress: Progress):
        super().__init__(daemon=True)
        self.number, self.port, self.progress = number, port, progress
        self.browser: Browser | None = None
        self.token: str | None = None
        self.acknowledged: list[str] = []  # client ids answered with success
        self.acknowledged_at: list[float] = []
        self.sent: set[str] = set()
        self.error: str | None = None
        self.answers: dict[str, int] = {}

    def acknowledged_since(self, moment: float) -> int:
        return sum(1 for at in self.acknowledged_at if at > moment)

    def run(self):
        try:
            self._run()
        except Exception as problem:  # noqa: BLE001 - reported by the test
            self.error = f"{type(problem).__name__}: {problem}"
        with self.progress.changed:
            self.progress.changed.notify_all()  # a patient that failed ends the wait at once

    def sign_in(self) -> tuple[Browser, str]:
        browser = Browser(self.port)
        browser.sign_in(f"patient{self.number}@bench.example", BENCH_PASSWORD)
        browser.request("POST", "/injections/check", {"csrf_token": browser.csrf("/injections/check"),
                                                      "then": "log"})
        self.browser, self.token = browser, browser.csrf("/injections/new")
        return self.browser, self.token

    def signed_in(self) -> bool:
        try:
            self.sign_in()
        except (OSError, http.client.HTTPException, ServerUnavailable):
            return False  # a busy or starting server: tried again
        return True

    def _run(self):
        browser, token = self.browser, self.token
        counter = 0
        pending: str | None = None  # a write with no answer yet: sent again with the same id
        while not self.progress.stop.is_set():
            try:
                if browser is None:
                    browser, token = self.sign_in()
                if pending is None:
                    counter += 1
                    pending = f"{self.number:04d}0000-0000-4000-8000-{counter:012d}"
                when = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10 + counter)).astimezone(ZoneInfo("Europe/Oslo"))
                self.sent.add(pending)
                # one safety check per dose: the app asks for it on the POST too (security finding 22)
                checked, _where, _ = browser.request("POST", "/injections/check", {"csrf_token": token, "then": "log"})
                if checked != 302:
                    self.answers[f"check HTTP {checked}"] = self.answers.get(f"check HTTP {checked}", 0) + 1
                    browser = None  # e.g. signed out by a restart: sign in again
                    continue
                status, location, _page = browser.request("POST", "/injections/new", {
                    "csrf_token": token, "client_id": pending, "day": when.date().isoformat(),
                    "time": when.strftime("%H:%M"), "syringes": "2", "site_1": "thigh_left", "site_2": "thigh_right",
                    "reaction": "no", "confirm_close": "y"})
                key = f"HTTP {status}"
                self.answers[key] = self.answers.get(key, 0) + 1
                if status == 302 and "/saved" in location:
                    with self.progress.changed:
                        self.acknowledged.append(pending)
                        self.acknowledged_at.append(time.monotonic())
                        self.progress.changed.notify_all()
                    pending = None
                elif status >= 500 or status == 302:
                    browser = None  # e.g. signed out by a restart: sign in again, same write again
                else:
                    errors = re.findall(r'class="error"[^>]*>([^<]+)<', _page)
                    raise AssertionError(f"unexpected answer {status} {location} {errors}")
            except (OSError, http.client.HTTPException, ServerUnavailable) as problem:
                # killed mid-answer (e.g. IncompleteRead), or a 502/503 while signing in again (SQLite busy on
                # a loaded machine answers the friendly 503): again, same id
                self.answers[type(problem).__name__] = self.answers.get(type(problem).__name__, 0) + 1
                self.progress.stop.wait(0.05)  # the server is down or a worker died: again, same id


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_every_acknowledged_write_is_stored_exactly_once_through_worker_and_server_kills(
        backend, tmp_path, request):
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'fault.db'}"
    else:
        url = create_database(request.getfixturevalue("pg_server")["base"], "natahjem_fault")
    setup_env = {**os.environ, "APP_ENV": "development", "DATABASE_URL": url}
    flask(setup_env, "db-upgrade")
    flask(setup_env, "seed-large", "--clinics", "1", "--patients", str(PATIENTS), "--years", "1")
    port = free_port()
    env = {**os.environ, "APP_ENV": "production", "SECRET_KEY": secrets.token_hex(32), "DATABASE_URL": url,
           "APP_BASE_URL": f"http://127.0.0.1:{port}", "PROXY_COUNT": "0",
           "LOGIN_RATE_LIMIT": "100000 per minute", "LOGIN_RATE_LIMIT_ADDRESS": "100000 per minute",
           # The rate limits do not matter here (set high above), so their per-worker memory:// counters
           # are accepted: WEB_CONCURRENCY=1 lets production start with them despite the three workers.
           "WEB_CONCURRENCY": "1"}
    server = start_server(env, port)
    progress = Progress()
    patients = [Patient(n + 1, port, progress) for n in range(PATIENTS)]

    def every_patient(writes: int, since: float = 0.0):
        return lambda: any(p.error for p in patients) or all(p.acknowledged_since(since) >= writes for p in patients)

    try:
        for patient in patients:  # signed in first: Argon2 is slow on purpose
            wait_until(patient.signed_in, f"patient{patient.number} signed in", deadline=PHASE_DEADLINE)
        for patient in patients:
            patient.start()
        progress.wait_until(every_patient(1), "a first write by every patient")
        victims = worker_pids(server.pid)
        assert victims, "no gunicorn workers found"
        os.kill(victims[0], signal.SIGKILL)  # one worker dies mid-request; the master starts another
        killed = time.monotonic()
        progress.wait_until(every_patient(1, since=killed), "a write by every patient after the worker kill")
        kill_all(server)  # then the whole server dies at once
        server = start_server(env, port)  # and is started again
        restarted = time.monotonic()
        progress.wait_until(every_patient(WRITES_AFTER_RESTART, since=restarted),
                            f"{WRITES_AFTER_RESTART} writes by every patient after the restart")
    finally:
        progress.stop.set()
        for patient in patients:
            patient.join(timeout=60)
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)

    answers: dict[str, int] = {}
    for p in patients:
        for key, n in p.answers.items():
            answers[key] = answers.get(key, 0) + n
    print(backend, "answers:", answers)
    assert [p.error for p in patients if p.error] == []
    acknowledged = [cid for p in patients for cid in p.acknowledged]
    sent = set().union(*(p.sent for p in patients))
    assert len(acknowledged) >= (2 + WRITES_AFTER_RESTART) * PATIENTS, "too few writes to prove anything"
    after_restart = sum(p.acknowledged_since(restarted) for p in patients)
    assert all(p.acknowledged_since(restarted) >= WRITES_AFTER_RESTART for p in patients)
    assert answers.get("ConnectionRefusedError", 0) + answers.get("ConnectionResetError", 0) > 0, "no fault happened"
    engine = create_engine(url)
    with engine.connect() as conn:
        stored = dict(conn.execute(
            select(Injection.client_id, func.count()).where(Injection.client_id.in_(sent))
            .group_by(Injection.client_id)).all())
    engine.dispose()
    missing = [cid for cid in acknowledged if stored.get(cid) != 1]
    assert missing == [], f"{len(missing)} acknowledged writes not stored exactly once"
    assert all(count == 1 for count in stored.values())
    print(f"{backend}: {len(acknowledged)} acknowledged writes ({after_restart} after the restart), "
          f"{len(stored)} stored, all exactly once")
