"""Headers, CSRF, cookies and production start-up checks (issue 2)."""

from __future__ import annotations

import os
import re

import pytest
from sqlmodel import Session

from webapp import create_app
from webapp.config import ConfigError, TestConfig
from webapp.demo import load_demo_data


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


@pytest.mark.parametrize("path", ["/auth/login", "/emergency", "/static/css/app.css", "/no-such-page"])
def test_security_headers_are_on_every_response(client, path):
    response = client.get(path)
    response.close()
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(("who", "path"), [("patient", "/"), ("nurse", "/nurse/"), ("nurse", "/nurse/patients/1")])
def test_pages_with_health_data_are_never_cached(client, auth, who, path):
    auth.login(who)
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_pages_carry_no_inline_script(client, auth):
    auth.login("patient")
    for path in ("/", "/emergency", "/auth/password"):
        assert not re.search(r"<script(?![^>]*\bsrc=)", client.get(path).text)


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/auth/login", {"email": "patient@example.org", "password": "patient-demo-2026"}),
        ("/language", {"lang": "en", "next": "/"}),
        ("/auth/logout", {}),
    ],
)
def test_a_post_without_csrf_token_is_refused(csrf_app, path, data):
    client = csrf_app.test_client()
    response = client.post(path, data=data)
    assert response.status_code == 400
    assert "Skjemaet er utløpt" in response.text


def test_a_post_with_the_pages_csrf_token_is_accepted(csrf_app):
    client = csrf_app.test_client()
    token = csrf_token(client.get("/auth/login").text)
    response = client.post("/auth/login", data={
        "email": "patient@example.org", "password": "patient-demo-2026", "csrf_token": token})
    assert response.location == "/"


def test_session_cookie_is_httponly_and_samesite_lax(client, auth):
    auth.login("patient")
    cookie = client.get_cookie("natahjem_session")
    assert cookie.http_only
    assert cookie.same_site == "Lax"


def test_the_session_cookie_is_sent_again_only_when_the_session_changes(client, auth):
    # The 12 hours count from login, so an unchanged session needs no new cookie (issue 7: re-signing
    # it on every response was needless work); seen_at is rewritten at most once a minute.
    auth.login("patient")
    client.get("/")  # the first page after login may still write to the session
    answer = client.get("/")
    assert answer.status_code == 200
    assert not any("natahjem_session" in value for value in answer.headers.getlist("Set-Cookie"))


class ProductionConfig(TestConfig):
    APP_ENV = "production"
    DEMO_MODE = False
    TESTING = False
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-natahjem_session"
    SECRET_KEY = "x" * 64
    APP_BASE_URL = "https://natahjem.example.no"
    PROXY_COUNT_SET = True
    NURSE_SECOND_FACTOR_REQUIRED = True


@pytest.fixture
def production_app(database_urls, tmp_path):
    """Builds production apps on a backend's test database (or an empty one), closing them afterwards."""
    made = []

    def make(backend=None, **overrides):
        url = database_urls(backend) if backend else f"sqlite:///{tmp_path / 'empty.db'}"
        app = create_app(ProductionConfig, overrides={"DATABASE_URL": url, **overrides})
        made.append(app)
        return app

    yield make
    for app in made:
        app.extensions["db_engine"].dispose()


def test_production_cookies_are_secure(production_app):
    assert production_app().config["SESSION_COOKIE_SECURE"] is True


def test_production_session_cookie_is_host_prefixed_and_headers_are_strict(production_app, backend):
    # Findings 13 and 27: a __Host- cookie (Secure, path /, no Domain), HSTS for subdomains too, COOP.
    app = production_app()
    from webapp.models import SQLModel

    SQLModel.metadata.create_all(app.extensions["db_engine"])
    client = app.test_client()
    page = client.get("/auth/login", base_url="https://natahjem.example.no")
    assert page.status_code == 200
    cookie = page.headers.get("Set-Cookie", "")
    assert cookie.startswith("__Host-natahjem_session=") and "Secure" in cookie and "Domain" not in cookie
    assert "Path=/;" in cookie or cookie.endswith("Path=/")
    assert page.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert page.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert page.headers["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize(("env", "name"), [("production", "__Host-natahjem_session"), ("staging", "__Host-natahjem_session"),
                                           ("development", "natahjem_session")])
def test_config_names_the_session_cookie_by_mode(env, name):
    # Read from the environment at import, as a server starts: development is plain http, so no __Host-.
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "from webapp.config import Config; print(Config.SESSION_COOKIE_NAME)"],
                         env={**os.environ, "APP_ENV": env}, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == name


def test_production_answers_only_to_its_own_host(production_app):
    # Finding 7: a forged Host header is refused before any view runs, and X-Forwarded-Host is not trusted.
    app = production_app(PROXY_COUNT=1)
    client = app.test_client()
    assert client.get("/healthz", base_url="https://natahjem.example.no").status_code == 200
    assert client.get("/healthz", base_url="https://evil.example").status_code == 400
    forged = client.get("/healthz", base_url="https://natahjem.example.no",
                        headers={"X-Forwarded-Host": "natahjem-login.evil.example", "X-Forwarded-Proto": "https"})
    assert forged.status_code == 200


def test_production_trusts_extra_hosts_when_named(production_app):
    app = production_app(EXTRA_TRUSTED_HOSTS=("natahjem.internal",))
    assert app.test_client().get("/healthz", base_url="http://natahjem.internal:8000").status_code == 200


@pytest.mark.parametrize("url", ["", "natahjem.example.no", "http://natahjem.example.no", "ftp://natahjem.example.no",
                                 "https://natahjem.example.no/app", "https://user:pw@natahjem.example.no",
                                 "https://natahjem.example.no/?next=x"])
def test_production_refuses_a_missing_or_unsafe_app_base_url(url, production_app):
    with pytest.raises(ConfigError, match="APP_BASE_URL"):
        production_app(APP_BASE_URL=url)


def test_production_allows_plain_http_only_on_this_machine(production_app):
    assert production_app(APP_BASE_URL="http://127.0.0.1:8000").config["TRUSTED_HOSTS"] == ["127.0.0.1"]


def test_production_refuses_to_let_nurses_sign_in_with_a_password_alone(production_app):
    with pytest.raises(ConfigError, match="NURSE_SECOND_FACTOR_REQUIRED"):
        production_app(NURSE_SECOND_FACTOR_REQUIRED=False)


def test_production_refuses_to_start_without_an_explicit_proxy_count(production_app):
    with pytest.raises(ConfigError, match="PROXY_COUNT"):
        production_app(PROXY_COUNT_SET=False)
    assert production_app(PROXY_COUNT_SET=True, PROXY_COUNT=0).config["PROXY_COUNT"] == 0


@pytest.mark.parametrize("env", ["prod", "Production", "staging", "PRODUCTION ", "qa"])
def test_every_mode_but_development_and_test_has_the_production_guards(env, production_app):
    # Finding 14: a misspelt or other APP_ENV no longer skips the guards.
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        production_app(APP_ENV=env, SECRET_KEY="dev")
    with pytest.raises(ConfigError, match="DEMO_MODE"):
        production_app(APP_ENV=env, DEMO_MODE=True)


@pytest.mark.parametrize("env", ["development", "test"])
def test_development_and_test_modes_are_not_production(env):
    from webapp.config import is_production

    assert not is_production({"APP_ENV": env})
    assert is_production({"APP_ENV": "staging"}) and is_production({})


@pytest.mark.parametrize("key", ["", "dev-only-not-secret", "changeme", "short-key"])
def test_production_refuses_a_default_or_missing_secret_key(key, production_app):
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        production_app(SECRET_KEY=key)


def test_production_refuses_demo_mode(production_app):
    with pytest.raises(ConfigError, match="DEMO_MODE"):
        production_app(DEMO_MODE=True)


def test_production_refuses_to_start_with_demo_passwords_in_the_database(app, production_app, backend):
    # The `app` fixture has loaded the demo accounts into this backend's database.
    with pytest.raises(ConfigError, match="demo account"):
        production_app(backend)


def test_production_starts_once_demo_passwords_are_changed(app, production_app, backend):
    from sqlmodel import select

    from webapp.models import User

    with Session(app.extensions["db_engine"]) as session:
        for user in session.exec(select(User)):
            user.password_hash = app.extensions["passwords"].hash("a-real-private-password")
            session.add(user)
        session.commit()
    assert production_app(backend).config["APP_ENV"] == "production"


def test_demo_data_command_is_refused_outside_demo_mode(production_app):
    app = production_app()
    result = app.test_cli_runner().invoke(args=["demo-data"])
    assert result.exit_code != 0
    assert "only for demo mode" in result.output


def test_demo_data_is_loaded_once(app):
    with Session(app.extensions["db_engine"]) as session:
        assert load_demo_data(session, app.extensions["passwords"]) is False


@pytest.mark.parametrize(("path", "kwargs"), [
    ("/auth/login", {"data": {"email": "a\x00b@example.org", "password": "x"}}),
    ("/auth/login", {"query_string": {"next": "/\x00"}}),
])
def test_a_nul_byte_anywhere_is_refused_politely(client, path, kwargs):
    response = client.post(path, **kwargs)
    assert response.status_code == 400
    assert "Noe i forespørselen var feil" in response.text


def test_the_session_cookie_cannot_be_read_and_a_tampered_one_is_no_session(client, auth, db_session):
    # security finding 19: after a pickup the signed-only cookie carried "Du har 10 sprøyter hjemme"
    import base64
    import zlib

    from tests.integration.test_pharmacy import pickup_form

    auth.login("patient")
    response = client.post("/pharmacy/pickups/new", data=pickup_form())
    assert response.status_code == 302
    cookie = client.get_cookie("natahjem_session").value
    raw = cookie.lstrip(".").split(".")[0]
    readable = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
    try:
        readable += zlib.decompress(readable)
    except zlib.error:
        pass
    for secret in ("sprøyter".encode(), b"_flashes", b"_user_id", b"csrf_token"):
        assert secret not in readable
    assert "sprøyter hjemme" in client.get("/pharmacy/").text  # the flash still reaches the page
    client.set_cookie("natahjem_session", cookie[:-4] + ("AAAA" if not cookie.endswith("AAAA") else "BBBB"))
    assert client.get("/").status_code == 302  # to the sign-in page: a cookie that does not decrypt


# Finding 9: a body is read only where it can be used.

def test_a_signed_out_visitors_post_to_a_signed_in_page_is_not_read(client):
    # The NUL byte would answer 400 if the form were parsed; unread, the visitor is sent to sign in.
    answer = client.post("/symptoms/new", data={"free_text": "x" * 200_000 + "\x00"})
    assert answer.status_code == 302 and answer.location.startswith("/auth/login")


def test_a_body_sent_to_a_get_only_page_or_an_unknown_path_is_not_read(client, auth):
    for signed_in in (False, True):
        if signed_in:
            auth.login("patient")
        assert client.post("/emergency", data={"x": "\x00" * 10}).status_code == 405
        assert client.post("/no-such-page", data={"x": "\x00" * 10}).status_code == 404


def test_signed_out_forms_take_at_most_16_kb(client):
    assert client.post("/auth/login", data={"email": "a@example.org", "password": "p" * 20_000}).status_code == 413
    assert client.post("/auth/login", data={"email": "a@example.org", "password": "p" * 12_000}).status_code == 422
    assert client.post("/language", data={"lang": "en", "filler": "x" * 20_000}).status_code == 413


def test_a_signed_in_form_still_takes_up_to_a_megabyte(client, auth):
    auth.login("patient")
    answer = client.post("/symptoms/new", data={"free_text": "x" * 100_000})
    assert answer.status_code == 422  # read and answered field by field, not refused for its size
    assert client.post("/phone", data={"phone": "x" * 1_100_000}).status_code == 413  # not a photo form


# Finding 8: one patient account may not flood the queue.

def test_a_patient_may_store_only_so_many_reports_an_hour_and_is_then_told_whom_to_call(app, client, auth,
                                                                                          db_session):
    from sqlmodel import select

    from tests.integration.reports import patient_of, reports_of, send_report

    app.config["REPORT_RATE_LIMIT"] = "3 per hour"
    auth.login("patient")
    patient = patient_of(db_session, "patient@example.org")
    before = len(reports_of(db_session, patient))
    for n in range(4):
        if n == 1:  # a form refused field by field stores nothing and costs nothing
            assert send_report(client, ["limb_weakness"], started_on="not a date").status_code == 422
        else:
            assert send_report(client, ["limb_weakness"], lasted_over_24h="yes").status_code == 302
    refused = send_report(client, ["limb_weakness"], lasted_over_24h="yes")
    assert refused.status_code == 429
    assert 'href="tel:113"' in refused.text and "Dette ble ikke sendt" in refused.text
    assert "tel:+47" in refused.text  # the clinic's number, one tap away
    db_session.expire_all()
    assert len(reports_of(db_session, patient)) == before + 3
    from webapp.models import Flag

    assert len(db_session.exec(select(Flag).where(Flag.patient_id == patient.id)).all()) >= 3


def test_messages_new_and_replies_share_one_limit(app, client, auth, db_session):
    import uuid

    app.config["MESSAGE_RATE_LIMIT"] = "2 per hour"
    auth.login("patient")
    first = client.post("/messages/new", data={"client_id": str(uuid.uuid4()), "subject": "Spørsmål",
                                               "body": "Når kommer neste resept?"})
    assert first.status_code == 302
    thread = first.location.rstrip("/").split("/")[-1]
    assert client.post(f"/messages/{thread}/reply", data={"client_id": str(uuid.uuid4()),
                                                          "body": "Og en ting til"}).status_code == 302
    third = client.post(f"/messages/{thread}/reply", data={"client_id": str(uuid.uuid4()), "body": "Hallo?"})
    assert third.status_code == 429
