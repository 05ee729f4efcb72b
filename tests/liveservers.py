"""Real servers for tests that need more than the test client: a private Redis, and gunicorn started the
way the Procfile starts it, with production settings, on free ports (security findings 1 and 4). Made to
be used again for a two-node rehearsal: several gunicorn processes sharing one Redis and one database.

Every start waits for a condition (the port answers) with a generous deadline, never for the clock, and
every stop ends the server's whole process group. A missing redis-server is a failure, never a skip:
scripts/system-packages.sh installs it, and `make test` runs that script first.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shlex
import signal
import socket
import subprocess  # nosec B404
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.http_browser import Browser
from tests.pgcluster import free_port

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
REDIS_SERVER = Path("/usr/bin/redis-server")
START_DEADLINE = 180  # seconds: the only time limit on a start; a busy machine only takes longer
STOP_DEADLINE = 10  # seconds for a graceful stop before SIGKILL
# Settings a test must not inherit from the shell that runs it: the servers get production's own values
# unless the test sets them.
INHERITED_NOT = ("LOGIN_RATE_LIMIT", "LOGIN_RATE_LIMIT_ADDRESS", "PASSWORD_CHANGE_RATE_LIMIT", "RESET_RATE_LIMIT_IP",
                 "RESET_RATE_LIMIT_ADDRESS", "RATELIMIT_STORAGE_URI", "WEB_CONCURRENCY", "PROXY_COUNT", "SMTP_HOST",
                 "TEST_DATABASE_URL", "PORT")


class RedisMissing(AssertionError):
    """redis-server is not installed: run scripts/system-packages.sh (as root, or with sudo)."""


def wait_until(condition: Callable[[], bool], what: str, *, process: subprocess.Popen | None = None,
               log: Path | None = None, deadline: float = START_DEADLINE) -> None:
    """Poll the condition until it holds; fail at the deadline, or at once when the process has died."""
    end = time.monotonic() + deadline
    while not condition():
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{what}: the process ended with code {process.returncode}\n{tail(log)}")
        if time.monotonic() > end:
            raise AssertionError(f"not reached within {deadline} s: {what}\n{tail(log)}")
        time.sleep(0.05)


def tail(log: Path | None, lines: int = 30) -> str:
    if log is None or not log.exists():
        return ""
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the process group (gunicorn's master and workers), SIGKILL if it lingers, and wait until
    every member is gone, so that no worker outlives the test."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_DEADLINE)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_DEADLINE)
    end = time.monotonic() + STOP_DEADLINE
    while time.monotonic() < end:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # a worker left behind by its master
        time.sleep(0.05)
    raise AssertionError(f"process group {process.pid} is still alive after SIGKILL")


# ---------------------------------------------------------------- Redis: the shared rate-limit store
def redis_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextlib.contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A private Redis on a free port, keeping nothing on disk; yields its URL for RATELIMIT_STORAGE_URI."""
    if not REDIS_SERVER.exists():
        raise RedisMissing(f"{REDIS_SERVER} is missing: run scripts/system-packages.sh as root "
                           "(or `sudo apt-get install -y redis-server`)")
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = folder / f"redis-{port}.log"
    with log.open("ab") as out:
        process = subprocess.Popen(  # noqa: S603  # nosec B603
            [str(REDIS_SERVER), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "no", "--dir", str(folder), "--protected-mode", "yes"],
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until(lambda: redis_answers(port), f"redis-server on port {port} answers PING", process=process, log=log)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)


# ---------------------------------------------------------------- the app, as the Procfile runs it
def procfile_command(kind: str) -> list[str]:
    """The words of one Procfile line (web, release, ...), as a shell would split them."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        name, _colon, command = line.partition(":")
        if name.strip() == kind:
            return shlex.split(command)
    raise AssertionError(f"the Procfile has no {kind!r} line")


def gunicorn_command(port: int, workers: int) -> list[str]:
    """The Procfile's web command with this virtualenv's gunicorn, bound to 127.0.0.1 only (the Procfile
    binds 0.0.0.0:$PORT) and the given number of workers (the Procfile's ${WEB_CONCURRENCY:-3})."""
    words = procfile_command("web")
    assert words[0] == "gunicorn", words
    words[0] = str(BIN / "gunicorn")
    for option, value in (("--bind", f"127.0.0.1:{port}"), ("--workers", str(workers))):
        assert option in words, f"the Procfile's web command has no {option}: update tests/liveservers.py"
        words[words.index(option) + 1] = value
    return words


def release(env: dict) -> None:
    """The Procfile's release step (the migrations), with this virtualenv's flask."""
    words = procfile_command("release")
    assert words[0] == "flask", words
    subprocess.run([str(BIN / "flask"), *words[1:]], cwd=ROOT, env=env, check=True,  # noqa: S603  # nosec B603
                   capture_output=True)


def production_env(database_url: str, redis_url: str, folder: Path, **settings: str) -> dict[str, str]:
    """What production needs to start (webapp/config.py, check_production_settings): APP_ENV=production, a
    random 64-character key, a shared rate-limit store for the Procfile's three workers, the address links
    are built from and the proxy count. The same dict for
    every process of one deployment: they must share the key, the database and Redis."""
    env = {name: value for name, value in os.environ.items() if name not in INHERITED_NOT}
    env.update(APP_ENV="production", SECRET_KEY=secrets.token_hex(32), DATABASE_URL=database_url,
               RATELIMIT_STORAGE_URI=redis_url, WEB_CONCURRENCY="3", PHOTO_FOLDER=str(folder / "photos"),
               # Clients connect to gunicorn directly here, on 127.0.0.1 (plain http only allowed there).
               APP_BASE_URL="http://127.0.0.1", PROXY_COUNT="0")
    env.update(settings)
    return env


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def healthy(port: int) -> bool:
    try:
        return Browser(port).request("GET", "/healthz")[0] == 200
    except OSError:
        return False


@dataclass
class LiveServer:
    port: int
    process: subprocess.Popen
    log: Path

    def browser(self) -> Browser:
        return Browser(self.port)

    def workers(self) -> list[int]:
        return worker_pids(self.process.pid)


@contextlib.contextmanager
def gunicorn_server(env: dict, folder: Path, workers: int = 3) -> Iterator[LiveServer]:
    """gunicorn as the Procfile starts it, on a free port; ready when /healthz answers and every worker has
    been forked. The log (access log included) is in `folder`, and its end is shown when the start fails."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = folder / f"gunicorn-{port}.log"
    with log.open("ab") as out:
        # Its own control socket: by default every gunicorn on a machine takes ~/.gunicorn/gunicorn.ctl, and
        # a node stopping would remove the socket another node listens on.
        command = gunicorn_command(port, workers)
        command[-1:-1] = ["--control-socket", str(folder / "gunicorn.ctl")]
        process = subprocess.Popen(command, cwd=ROOT, env=env,  # noqa: S603  # nosec B603
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until(lambda: healthy(port) and len(worker_pids(process.pid)) == workers,
                   f"gunicorn on port {port} answers /healthz with {workers} workers", process=process, log=log)
        yield LiveServer(port, process, log)
    finally:
        stop(process)
