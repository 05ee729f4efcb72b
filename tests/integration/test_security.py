"""Headers, CSRF, cookies and production start-up checks (issue 2)."""

from __future__ import annotations

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
    SECRET_KEY = "x" * 64


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
