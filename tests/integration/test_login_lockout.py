"""Lock-out under parallel guesses, per source, and the limits around it (issue 14; security review
findings 1, 4, 5 and 20).

The burst tests serve the app from a threaded server, so that requests really run at the same time on
SQLite and PostgreSQL, as they do behind gunicorn with threads or on several machines."""

from __future__ import annotations

import http.client
import os
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select
from werkzeug.serving import make_server

from tests.conftest import DEMO
from tests.integration.test_auth import LOCKED, WRONG
from webapp.auth.accounts import attempt_key
from webapp.config import ConfigError, check_production_settings
from webapp.models import LoginAttempt

BURST = 20
ATTACKER = "203.0.113.9"  # a documentation address (RFC 5737), not the nurse's


@pytest.fixture
def live_url(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def post_login(host: str, email: str, password: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection(host, timeout=60)
    body = urllib.parse.urlencode({"email": email, "password": password})
    connection.request("POST", "/auth/login", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "en"})
    response = connection.getresponse()
    answer = response.status, response.read().decode()
    connection.close()
    return answer


def stored_failures(app, email: str, source: str = "127.0.0.1") -> LoginAttempt | None:
    with Session(app.extensions["db_engine"]) as session:
        return session.get(LoginAttempt, attempt_key(email, source, app.config["SECRET_KEY"]))


def test_twenty_parallel_wrong_guesses_are_all_counted_and_lock_after_five(app, live_url):
    email = DEMO["patient"][0]
    with ThreadPoolExecutor(BURST) as pool:
        answers = list(pool.map(lambda i: post_login(live_url, email, f"wrong-guess-{i}"), range(BURST)))
    statuses = [status for status, _text in answers]
    assert 500 not in statuses
    assert statuses == [422] * BURST
    # Four guesses are told "wrong"; the fifth and every later one meets the lock.
    assert sum(WRONG["en"] in text for _status, text in answers) == 4
    assert sum(LOCKED["en"] in text for _status, text in answers) == BURST - 4
    attempt = stored_failures(app, email)
    assert attempt.failures == BURST
    assert attempt.locked_until is not None


def test_the_right_password_in_a_burst_after_the_fifth_failure_does_not_sign_in(app, live_url):
    email, password = DEMO["patient"]
    answered = threading.Semaphore(0)

    def wrong(i: int) -> tuple[int, str]:
        answer = post_login(live_url, email, f"wrong-guess-{i}")
        answered.release()
        return answer

    def right() -> tuple[int, str]:
        for _ in range(5):  # five wrong guesses have been answered; the rest of the burst is under way
            answered.acquire(timeout=60)
        return post_login(live_url, email, password)

    with ThreadPoolExecutor(BURST + 1) as pool:
        wrongs = [pool.submit(wrong, i) for i in range(BURST)]
        signed_in = pool.submit(right)
        answers = [future.result() for future in wrongs]
        status, text = signed_in.result()
    assert status == 422, "the right password signed in after five failures"
    assert LOCKED["en"] in text
    assert 500 not in [status for status, _text in answers]
    assert stored_failures(app, email).failures == BURST + 1  # the right password was counted too


def test_an_attacker_elsewhere_cannot_lock_the_nurse_out(app, client):
    email, password = DEMO["nurse"]
    attacker = app.test_client()
    for i in range(6):
        answer = attacker.post("/auth/login", data={"email": email, "password": f"wrong-{i}"},
                               environ_base={"REMOTE_ADDR": ATTACKER})
    assert LOCKED["nb"] in answer.text  # the attacker's own source is locked
    answer = attacker.post("/auth/login", data={"email": email, "password": password},
                           environ_base={"REMOTE_ADDR": ATTACKER})
    assert LOCKED["nb"] in answer.text  # even with the right password, from there
    answer = client.post("/auth/login", data={"email": email, "password": password})  # the nurse's own desk
    assert answer.status_code == 302
    assert answer.location == "/nurse/"


def test_failures_from_every_source_together_slow_an_account_down_without_locking_it(app, client):
    app.config["LOGIN_RATE_LIMIT_ADDRESS"] = "3 per minute"
    email, password = DEMO["nurse"]
    codes = [client.post("/auth/login", data={"email": email, "password": "wrong"},
                         environ_base={"REMOTE_ADDR": f"198.51.100.{i}"}).status_code for i in range(4)]
    assert codes == [422, 422, 422, 429]  # 429 asks to wait a minute; no 15-minute lock
    assert stored_failures(app, email, "198.51.100.1").locked_until is None
    other = client.post("/auth/login", data={"email": DEMO["patient"][0], "password": DEMO["patient"][1]})
    assert other.status_code == 302  # another account is not slowed down


def test_signing_in_does_not_use_up_the_accounts_limit(app, client, auth):
    app.config["LOGIN_RATE_LIMIT_ADDRESS"] = "2 per minute"
    for _ in range(3):
        assert auth.login("patient").status_code == 302
        auth.logout()


def test_wrong_current_passwords_on_the_change_form_end_the_session(app, client, auth, db_session):
    app.config["PASSWORD_CHANGE_RATE_LIMIT"] = "3 per 15 minutes"
    auth.login("patient")
    form = {"current_password": "not-my-password", "password": "a-new-long-password", "confirm": "a-new-long-password"}
    codes = [client.post("/auth/password", data=form).status_code for _ in range(3)]
    assert codes == [422, 422, 422]
    answer = client.post("/auth/password", data=form)  # the fourth guess
    assert answer.status_code == 302
    assert answer.location == "/auth/login"
    assert "For mange feil passord" in client.get("/auth/login").text
    assert client.get("/").location.startswith("/auth/login")  # signed out: the cookie no longer works
    # The password was never changed; the real owner signs in again and can change it at once.
    assert auth.login("patient").location == "/"
    assert client.post("/auth/password", data=form).status_code == 422
    form["current_password"] = DEMO["patient"][1]
    assert client.post("/auth/password", data=form).location == "/"


@pytest.mark.parametrize(("storage", "workers"), [("memory://", 3), ("", 2), ("memory://", 8)])
def test_production_refuses_per_worker_rate_limits_with_several_workers(storage, workers):
    config = {"APP_ENV": "production", "SECRET_KEY": "x" * 64, "DEMO_MODE": False,
              "RATELIMIT_STORAGE_URI": storage, "WEB_CONCURRENCY": workers}
    with pytest.raises(ConfigError, match="RATELIMIT_STORAGE_URI"):
        check_production_settings(config)


@pytest.mark.parametrize(("storage", "workers"), [("redis://localhost:6379/0", 3), ("memory://", 1)])
def test_production_starts_with_shared_rate_limits_or_a_single_worker(storage, workers):
    check_production_settings({"APP_ENV": "production", "SECRET_KEY": "x" * 64, "DEMO_MODE": False,
                               "RATELIMIT_STORAGE_URI": storage, "WEB_CONCURRENCY": workers,
                               "APP_BASE_URL": "https://natahjem.example.no", "PROXY_COUNT_SET": True,
                               "NURSE_SECOND_FACTOR_REQUIRED": True})


def test_web_concurrency_unset_means_the_procfiles_three_workers():
    from pathlib import Path

    from webapp.config import Config

    assert "--workers ${WEB_CONCURRENCY:-3}" in (Path(__file__).parents[2] / "Procfile").read_text()
    if "WEB_CONCURRENCY" not in os.environ:
        assert Config.WEB_CONCURRENCY == 3


# Finding 18: the text typed into the e-mail field is not kept, and attempts age out.

def test_what_was_typed_into_the_email_field_is_never_stored(app, client):
    typed = "hunter2-mysecretpassw0rd!"
    client.post("/auth/login", data={"email": typed, "password": "x"})
    client.post("/auth/login", data={"email": "Nobody@Example.org", "password": "x"})
    with Session(app.extensions["db_engine"]) as session:
        keys = [row.email for row in session.exec(select(LoginAttempt)).all()]
    assert len(keys) == 2
    assert all(key.startswith("h:") and len(key) == 66 for key in keys)
    assert not any(typed in key or "nobody" in key.lower() for key in keys)


def test_the_clock_deletes_login_attempts_a_day_after_the_last_unless_locked(app):
    from webapp.auth.accounts import forget_old_login_attempts

    now = datetime.now(UTC)
    rows = {"old": (now - timedelta(days=2), None), "recent": (now - timedelta(hours=3), None),
            "locked": (now - timedelta(days=2), now + timedelta(minutes=5)), "before-the-rule": (None, None),
            "lock-ran-out": (now - timedelta(days=1, minutes=1), now - timedelta(days=1))}
    with Session(app.extensions["db_engine"]) as session:
        for key, (last_at, locked_until) in rows.items():
            session.add(LoginAttempt(email=key, failures=3, last_at=last_at, locked_until=locked_until))
        session.commit()
    result = app.test_cli_runner().invoke(args=["daily-checks"])
    assert "3 old login attempts deleted" in result.output
    with Session(app.extensions["db_engine"]) as session:
        assert sorted(row.email for row in session.exec(select(LoginAttempt)).all()) == ["locked", "recent"]
        assert forget_old_login_attempts(session, now) == 0
