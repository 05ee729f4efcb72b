"""The production rehearsal's short form (issue 16 §1), on real parts: nginx with TLS, HTTP/2 and compression
in front of two gunicorn nodes in production mode, PostgreSQL, Redis, the outbox worker and two clocks
(deploy/rehearsal.py; `python -m deploy.rehearsal` is the long form).

The deployment starts once for the module; each test empties Redis first (standing in for the minute of
the rate limits passing), since every request here comes from the one address 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import signal
import time

import pytest
import redis
from sqlalchemy import func
from sqlmodel import Session, create_engine, select

from deploy.rehearsal import HOST, Rehearsal, rehearsal
from tests.fault.test_no_lost_writes import Patient, Progress
from tests.http_browser import Browser
from tests.integration.test_auth import LOCKED, WRONG
from tests.liveservers import wait_until
from tests.pgcluster import start_cluster, stop_cluster
from webapp.auth.accounts import attempt_key
from webapp.bulk_seed import BENCH_PASSWORD
from webapp.models import ClockRun, Injection, LoginAttempt

pytestmark = pytest.mark.postgres

CLIENT = "127.0.0.1"  # the only real client address here: nginx sees every request come from it


@pytest.fixture(scope="module")
def deployment(tmp_path_factory) -> Rehearsal:
    with rehearsal(tmp_path_factory.mktemp("rehearsal"), patients=6) as running:
        yield running


@pytest.fixture
def site(deployment) -> Rehearsal:
    with redis.Redis.from_url(deployment.redis_url) as store:
        store.flushall()
    return deployment


def nginx_log(site: Rehearsal) -> list[str]:
    return (site.folder / "nginx" / "access.log").read_text().splitlines()


def upstreams(lines: list[str]) -> set[str]:
    """The node ports that answered these nginx log lines."""
    return {re.search(r" 127\.0\.0\.1:(\d+) ", line).group(1) for line in lines if re.search(r" 127\.0\.0\.1:\d+ ", line)}


def test_a_session_made_through_the_proxy_works_on_either_node_with_hsts_and_a_host_cookie(site):
    browser = site.browser()
    status, _location, _page = browser.request("GET", "/auth/login")
    assert status == 200
    assert browser.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
    cookie = browser.headers["set-cookie"]
    assert cookie.startswith("__Host-natahjem_session=")
    assert "Secure" in cookie and "HttpOnly" in cookie and "Path=/" in cookie and "Domain" not in cookie

    before = len(nginx_log(site))
    browser.sign_in("patient1@bench.example", BENCH_PASSWORD)
    for _ in range(4):  # nginx takes turns between the nodes
        status, location, _page = browser.request("GET", "/")
        assert (status, location) == (200, "")
    assert upstreams(nginx_log(site)[before:]) == {str(node.port) for node in site.nodes}

    # The same cookie, straight to each node: both read the session the other may have made.
    for node in site.nodes:
        direct = Browser(node.port)
        direct.cookie = browser.cookie
        status, location, page = direct.request("GET", "/")
        assert (status, location) == (200, ""), f"node {node.port} did not take the session"
        assert "/auth/logout" in page


def curl_headers(site: Rehearsal, path: str, encoding: str) -> tuple[str, dict[str, str], int]:
    """HTTP version, response headers and bytes on the wire for one GET through nginx with curl."""
    out = site.curl(path, "--http2", "-D", "-", "-o", "/dev/null", "-H", f"Accept-Encoding: {encoding}",
                    "-w", "\n%{http_version} %{size_download}")
    *head, last = out.strip().splitlines()
    version, size = last.split()
    headers = {}
    for line in head:
        name, colon, value = line.partition(":")
        if colon:  # a header sent twice (Vary: Cookie, then nginx's Vary: Accept-Encoding) is joined
            name = name.strip().lower()
            headers[name] = f"{headers[name]}, {value.strip()}" if name in headers else value.strip()
    return version, headers, int(size)


@pytest.mark.parametrize("path", ["/auth/login", "/static/css/app.css", "/static/js/push.js"])
def test_http2_and_compression_through_the_proxy(site, path):
    version, headers, plain = curl_headers(site, path, "identity")
    assert version == "2", "HTTP/2 not negotiated (ALPN)"
    assert "content-encoding" not in headers
    encodings = ["gzip", "br"] if site.brotli else ["gzip"]
    for encoding in encodings:
        version, headers, sent = curl_headers(site, path, encoding)
        assert headers.get("content-encoding") == encoding, headers
        assert "accept-encoding" in headers.get("vary", "").lower()
        assert sent < plain * 0.6, f"{path} {encoding}: {sent} of {plain} bytes"
        print(f"{path} {encoding}: {plain} -> {sent} bytes ({sent / plain:.0%})")


def test_the_reset_link_in_the_e_mail_uses_https_and_the_configured_host(site):
    browser = site.browser()
    status, location, _page = browser.request("POST", "/auth/forgot", {
        "csrf_token": browser.csrf("/auth/forgot"), "email": "patient2@bench.example"})
    assert (status, location) == (302, "/auth/forgot/sent")
    mailbox = site.smtp.mailbox

    def to_patient():  # the clocks' reminders may be in the mailbox too
        return [message for _sender, recipients, message in mailbox.messages if recipients == ["patient2@bench.example"]]

    wait_until(to_patient, "the outbox worker has sent the reset e-mail")
    message = to_patient()[-1]
    body = message.get_body(("plain",)).get_content()
    links = re.findall(r"\w+://\S+", body)
    assert links and all(link.startswith(f"https://{HOST}:{site.port}/") for link in links), links
    assert f"https://{HOST}:{site.port}/auth/reset/" in body


def stored_attempt(site: Rehearsal, email: str, source: str) -> LoginAttempt | None:
    engine = create_engine(site.database_url)
    with Session(engine) as session:
        attempt = session.get(LoginAttempt, attempt_key(email, source, site.env["SECRET_KEY"]))
    engine.dispose()
    return attempt


def said(page: str) -> str:
    """Which login answer a page gives, in either language."""
    if any(text in page for text in WRONG.values()):
        return "wrong"
    return "locked" if any(text in page for text in LOCKED.values()) else "other"


def test_a_forged_x_forwarded_for_changes_nothing_and_the_lock_and_limits_hold_across_nodes(site):
    email = "patient3@bench.example"
    before = len(nginx_log(site))
    answers = []
    browser = site.browser()
    token = browser.csrf("/auth/login")  # then only POSTs, which nginx hands to the nodes in turn
    for guess in range(12):
        # Each guess claims to come from another address: were the header trusted beyond PROXY_COUNT=1,
        # each would be its own source, never locked (5 per source) nor limited per address.
        browser.forwarded_for = f"203.0.113.{guess + 1}"
        status, _location, page = browser.request("POST", "/auth/login", {
            "csrf_token": token, "email": email, "password": f"wrong-guess-{guess}"})
        answers.append((status, said(page)))
    posts = [line for line in nginx_log(site)[before:] if '"POST /auth/login' in line]
    assert upstreams(posts) == {str(node.port) for node in site.nodes}, "the guesses did not reach both nodes"
    # Four told "wrong", the fifth locks (per account and source: one source, 127.0.0.1), and after ten
    # failures of the account in a minute the shared limit (Redis) answers 429 on whichever node.
    assert answers[:4] == [(422, "wrong")] * 4, answers
    assert answers[4:10] == [(422, "locked")] * 6, answers
    assert [status for status, _what in answers[10:]] == [429, 429], answers
    attempt = stored_attempt(site, email, CLIENT)
    assert attempt is not None and attempt.failures == 10 and attempt.locked_until is not None
    assert all(stored_attempt(site, email, f"203.0.113.{n}") is None for n in range(1, 13))

    # The right password, on each node straight: the shared limit refuses it before the app looks.
    for node in site.nodes:
        browser = Browser(node.port)
        token = browser.csrf("/auth/login")
        status, _location, _page = browser.request("POST", "/auth/login", {
            "csrf_token": token, "email": email, "password": BENCH_PASSWORD})
        assert status == 429


def test_two_clocks_started_together_run_the_daily_checks_once(site):
    clocks = [name for name in site.processes if name.startswith("clock-")]
    assert len(clocks) == 2

    def said_by(name: str) -> list[str]:
        return [line for line in site.log(name).splitlines() if line.startswith("daily checks ")]

    wait_until(lambda: all(said_by(name) for name in clocks), "both clocks have run or skipped the daily checks")
    lines = [line for name in clocks for line in said_by(name)]
    done = [line for line in lines if line.startswith("daily checks done")]
    skipped = [line for line in lines if line.startswith("daily checks skipped")]
    engine = create_engine(site.database_url)
    with Session(engine) as session:
        runs = session.exec(select(ClockRun)).all()
    engine.dispose()
    # One run per hour claimed (two, should the clocks have started either side of an hour).
    assert len(done) == len(runs) >= 1 and len(done) + len(skipped) == 2, lines
    assert all(run.finished_at is not None for run in runs)
    for name, process in site.processes.items():
        assert process.poll() is None, f"{name} ended:\n{site.log(name)}"


DOWN_TITLES = ("NataHjem er ikke tilgjengelig akkurat nå", "NataHjem is not available just now")


def test_with_postgresql_stopped_both_nodes_answer_a_friendly_503_and_recover_by_themselves(site):
    browser = site.browser()
    browser.sign_in("patient5@bench.example", BENCH_PASSWORD)
    assert browser.request("GET", "/")[0] == 200
    stop_cluster(site.pg)
    try:
        before = len(nginx_log(site))
        answers = []
        for _ in range(4):  # nginx takes turns: both nodes
            status, _location, page = browser.request("GET", "/")
            answers.append((status, any(title in page for title in DOWN_TITLES), browser.headers.get("retry-after")))
        assert answers == [(503, True, "30")] * 4, answers
        assert upstreams(nginx_log(site)[before:]) == {str(node.port) for node in site.nodes}
    finally:
        start_cluster(site.pg)
    started = time.monotonic()
    # Nobody restarts the nodes: their pools (pool_pre_ping) connect again on the next requests.
    wait_until(lambda: [browser.request("GET", "/")[0] for _ in range(2)] == [200, 200],
               "both nodes serve the signed-in start page again")
    print(f"database back: nodes serving again after {time.monotonic() - started:.1f} s")
    for node in site.nodes:
        direct = Browser(node.port)
        direct.cookie = browser.cookie
        assert direct.request("GET", "/")[0] == 200
    assert all(process.poll() is None for process in site.processes.values()), "the worker or a clock died"


class PatientThroughTheProxy(Patient):
    """tests/fault's simulated patient, logging doses through nginx over TLS."""

    def __init__(self, site: Rehearsal, number: int, progress: Progress):
        super().__init__(number, site.port, progress)
        self.site = site

    def sign_in(self):
        browser = self.site.browser()
        browser.sign_in(f"patient{self.number}@bench.example", BENCH_PASSWORD)
        browser.request("POST", "/injections/check", {"csrf_token": browser.csrf("/injections/check"), "then": "log"})
        self.browser, self.token = browser, browser.csrf("/injections/new")
        return self.browser, self.token


def test_a_node_killed_under_load_loses_no_acknowledged_write_and_the_other_keeps_serving(site):
    # Last in this file: node A stays dead. Patient 3 is locked out, patient 5 was used above.
    progress = Progress()
    patients = [PatientThroughTheProxy(site, number, progress) for number in (1, 2, 4, 6)]

    def every_patient(writes: int, since: float = 0.0):
        return lambda: any(p.error for p in patients) or all(p.acknowledged_since(since) >= writes for p in patients)

    reader = site.browser()
    reader.sign_in("patient5@bench.example", BENCH_PASSWORD)
    victim, survivor = site.nodes
    try:
        for patient in patients:
            patient.sign_in()
        for patient in patients:
            patient.start()
        progress.wait_until(every_patient(2), "two writes by every patient")
        os.killpg(victim.process.pid, signal.SIGKILL)  # the whole node: master and workers, mid-request
        killed = time.monotonic()
        progress.wait_until(every_patient(2, since=killed), "two writes by every patient after the kill")
        reads = [reader.request("GET", "/")[0] for _ in range(6)]
    finally:
        progress.stop.set()
        for patient in patients:
            patient.join(timeout=60)
    assert reads == [200] * 6, "the surviving node did not serve every read"
    assert victim.process.poll() is not None and survivor.process.poll() is None
    assert [p.error for p in patients if p.error] == []

    acknowledged = [cid for p in patients for cid in p.acknowledged]
    sent = set().union(*(p.sent for p in patients))
    engine = create_engine(site.database_url)
    with engine.connect() as conn:
        stored = dict(conn.execute(select(Injection.client_id, func.count()).where(Injection.client_id.in_(sent))
                                   .group_by(Injection.client_id)).all())
    engine.dispose()
    assert [cid for cid in acknowledged if stored.get(cid) != 1] == [], "an acknowledged write lost or doubled"
    assert all(count == 1 for count in stored.values())
    answers: dict[str, int] = {}
    for p in patients:
        for key, n in p.answers.items():
            answers[key] = answers.get(key, 0) + n
    after = sum(p.acknowledged_since(killed) for p in patients)
    print(f"node killed: {len(acknowledged)} acknowledged writes ({after} after the kill), {len(stored)} stored, "
          f"each once; answers {answers}")
