"""The lock-out and the login limits on real parts (security findings 1 and 4): gunicorn as the Procfile
starts it, with three workers, in production mode, its rate limits in a private Redis; on SQLite and on
PostgreSQL. First one server, then two server processes sharing Redis and the database, as two machines
behind a load balancer would.

test_login_lockout.py proves the same rules with a threaded server in-process; this proves that they hold
across processes, where a per-process counter (memory://) or a lost update would let guesses through.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis
from sqlmodel import Session, create_engine

from tests.http_browser import Browser
from tests.integration.test_auth import LOCKED, WRONG
from tests.liveservers import gunicorn_server, production_env, redis_server, release
from tests.pgcluster import create_database
from webapp.auth.accounts import attempt_key
from webapp.config import Config
from webapp.models import Clinic, LoginAttempt, Role, User
from webapp.passwords import Passwords

BURST = 20
WORKERS = 3  # the Procfile's ${WEB_CONCURRENCY:-3}
NURSE = ("sykepleier@lasttest.example", "Riktig-passord-for-lasttest-2026")
SOURCE = "127.0.0.1"  # every request of the test comes from here: one account and source


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'natahjem.db'}"
    return create_database(request.getfixturevalue("pg_server")["base"], "natahjem_live")


@pytest.fixture
def redis_url(tmp_path) -> str:
    with redis_server(tmp_path / "redis") as url:
        yield url


def seed_nurse(database_url: str) -> None:
    """One clinic and one nurse with a known password, hashed with production's Argon2 profile."""
    engine = create_engine(database_url)
    with Session(engine) as session:
        clinic = Clinic(name="Lasttest nevrologisk poliklinikk")
        session.add(clinic)
        session.flush()
        session.add(User(email=NURSE[0], full_name="Siri Sykepleier", role=Role.NURSE, clinic_id=clinic.id,
                         password_hash=Passwords(Config.ARGON2_PROFILE).hash(NURSE[1])))
        session.commit()
    engine.dispose()


def stored_attempt(database_url: str, secret: str) -> LoginAttempt | None:
    engine = create_engine(database_url)
    with Session(engine) as session:
        attempt = session.get(LoginAttempt, attempt_key(NURSE[0], SOURCE, secret))
    engine.dispose()
    return attempt


def deploy(database_url: str, redis_url: str, folder: Path, **settings: str) -> dict:
    env = production_env(database_url, redis_url, folder, **settings)
    release(env)  # the Procfile's release step: migrations
    seed_nurse(database_url)
    return env


def ready_browsers(ports: list[int]) -> list[tuple[Browser, str]]:
    """One signed-out browser per guess with its login form's CSRF token, so that the burst is only POSTs."""
    browsers = [Browser(port) for port in ports]
    return [(browser, browser.csrf("/auth/login")) for browser in browsers]


def burst(browsers: list[tuple[Browser, str]]) -> list[tuple[int, str]]:
    """Every browser sends a wrong password at the same moment; answers in the browsers' order."""
    start = threading.Barrier(len(browsers))

    def guess(number: int) -> tuple[int, str]:
        browser, token = browsers[number]
        start.wait(timeout=60)
        status, _location, page = browser.request("POST", "/auth/login", {
            "csrf_token": token, "email": NURSE[0], "password": f"wrong-guess-{number}"})
        return status, page

    with ThreadPoolExecutor(len(browsers)) as pool:
        return list(pool.map(guess, range(len(browsers))))


def sign_in(browser: Browser, password: str) -> tuple[int, str, str]:
    return browser.request("POST", "/auth/login", {"csrf_token": browser.csrf("/auth/login"), "email": NURSE[0],
                                                   "password": password})


def test_twenty_parallel_wrong_guesses_on_three_gunicorn_workers_all_count_and_lock_after_five(
        database_url, redis_url, tmp_path):
    # The limits are raised so that the lock, not the limits, answers every request here (as in
    # test_login_lockout.py); the next test keeps production's limits.
    env = deploy(database_url, redis_url, tmp_path, LOGIN_RATE_LIMIT="1000 per minute",
                 LOGIN_RATE_LIMIT_ADDRESS="1000 per minute")
    with gunicorn_server(env, tmp_path / "web", workers=WORKERS) as server:
        answers = burst(ready_browsers([server.port] * BURST))
        statuses = [status for status, _page in answers]
        assert 500 not in statuses
        assert statuses == [422] * BURST
        # Four guesses are told "wrong"; the fifth and every later one meets the lock.
        assert sum(WRONG["nb"] in page for _status, page in answers) == 4
        assert sum(LOCKED["nb"] in page for _status, page in answers) == BURST - 4
        attempt = stored_attempt(database_url, env["SECRET_KEY"])
        assert attempt.failures == BURST  # no guess lost between the workers
        assert attempt.locked_until is not None

        status, location, page = sign_in(server.browser(), NURSE[1])
        assert (status, location) == (422, ""), "the right password signed in while the account was locked"
        assert LOCKED["nb"] in page
        assert stored_attempt(database_url, env["SECRET_KEY"]).failures == BURST + 1  # the right password was counted too


def test_two_gunicorn_processes_sharing_redis_and_the_database_share_the_lock_and_the_accounts_limit(
        database_url, redis_url, tmp_path):
    # Production's limits: per account, LOGIN_RATE_LIMIT_ADDRESS failed attempts a minute from all sources
    # together; per client address, LOGIN_RATE_LIMIT attempts a minute (20: the whole burst, no more).
    account_limit = 10
    assert Config.LOGIN_RATE_LIMIT_ADDRESS == f"{account_limit} per minute", "run with production's default limits"
    assert Config.LOGIN_RATE_LIMIT == f"{BURST} per minute", "run with production's default limits"
    env = deploy(database_url, redis_url, tmp_path)
    with gunicorn_server(env, tmp_path / "a", workers=WORKERS) as one, \
            gunicorn_server(env, tmp_path / "b", workers=WORKERS) as other:
        answers = burst(ready_browsers([one.port] * (BURST // 2) + [other.port] * (BURST // 2)))
        statuses = [status for status, _page in answers]
        assert 500 not in statuses
        assert set(statuses) == {422, 429}, statuses
        processed = statuses.count(422)
        # The limit is tested before a request and counted after its answer (only failures count), so the
        # requests already in the six workers when the tenth failure is counted still go through. Per-process
        # counters would let 10 through each process, 20 in all, and answer no 429.
        assert account_limit <= processed <= account_limit + 2 * WORKERS - 1, statuses
        assert statuses.count(429) == BURST - processed
        assert sum(WRONG["nb"] in page for _status, page in answers) == 4
        assert sum(LOCKED["nb"] in page for status, page in answers if status == 422) == processed - 4
        attempt = stored_attempt(database_url, env["SECRET_KEY"])
        assert attempt.failures == processed  # every processed guess counted once, whichever process took it
        assert attempt.locked_until is not None

        # The right password, on either process, is refused by the shared limit before the app sees it.
        for server in (one, other):
            status, location, _page = sign_in(server.browser(), NURSE[1])
            assert (status, location) == (429, "")
        assert stored_attempt(database_url, env["SECRET_KEY"]).failures == processed

        # The minute of the limits passes (emptying Redis stands in for waiting a minute): the lock, kept
        # in the database, still refuses the right password from this source on both processes.
        with redis.Redis.from_url(redis_url) as store:
            store.flushall()
        for server in (other, one):
            status, location, page = sign_in(server.browser(), NURSE[1])
            assert (status, location) == (422, ""), "the right password signed in while the account was locked"
            assert LOCKED["nb"] in page
        assert stored_attempt(database_url, env["SECRET_KEY"]).failures == processed + 2
