"""Two languages: choice, memory, and locale formats (issue 2)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask_babel import force_locale, format_datetime

SIGN_IN = {"nb": "<h1>Logg inn</h1>", "en": "<h1>Sign in</h1>"}


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [(None, "nb"), ("en-US,en;q=0.9", "en"), ("nb-NO,nb;q=0.9", "nb"), ("nn", "nb"), ("no", "nb"),
     ("de-DE", "nb"), ("sv,en;q=0.5", "en")],
)
def test_a_visitor_gets_norwegian_unless_the_browser_asks_for_english(client, accept_language, expected):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    page = client.get("/auth/login", headers=headers).text
    assert SIGN_IN[expected] in page
    assert f'<html lang="{expected}">' in page


def test_the_language_choice_before_login_is_remembered_in_a_cookie(client):
    response = client.post("/language", data={"lang": "en", "next": "/auth/login"})
    assert response.location == "/auth/login"
    assert SIGN_IN["en"] in client.get("/auth/login").text
    assert SIGN_IN["en"] in client.get("/auth/login", headers={"Accept-Language": "nb"}).text


def test_the_language_choice_is_remembered_for_the_user_on_another_device(app, client, auth):
    auth.login("patient")
    client.post("/language", data={"lang": "en", "next": "/"})
    other_device = app.test_client()
    type(auth)(other_device).login("patient")
    assert "Hello, Per Pasient" in other_device.get("/").text


def test_a_users_own_language_wins_over_the_browser(client, auth):
    auth.login("patient_en")
    assert "Hello, Emma English" in client.get("/", headers={"Accept-Language": "nb"}).text


def test_an_unknown_language_is_ignored(client):
    client.post("/language", data={"lang": "xx", "next": "/auth/login"})
    assert SIGN_IN["nb"] in client.get("/auth/login").text


def test_the_language_switch_does_not_redirect_off_the_site(client):
    assert client.post("/language", data={"lang": "en", "next": "https://evil.example/"}).location == "/"


@pytest.mark.parametrize("who", ["patient", "nurse"])
def test_the_language_switch_is_on_every_page(client, auth, who):
    auth.login(who)
    pages = ["/", "/emergency", "/auth/password"] if who == "patient" else [
        "/nurse/", "/nurse/patients/new", "/nurse/patients/1", "/emergency", "/auth/password"]
    for path in pages:
        page = client.get(path).text
        assert 'action="/language"' in page, path
        assert 'name="lang" value="en"' in page, path


def test_times_are_shown_in_oslo_time_in_the_locale_format(app):
    moment = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)  # 12:00 in Oslo (summer time)
    with app.test_request_context():
        with force_locale("nb"):
            assert format_datetime(moment, "short") == "01.07.2026, 12:00"
        with force_locale("en"):
            assert format_datetime(moment, "short") == "7/1/26, 12:00\u202fPM"


def test_patient_page_shows_the_treatment_start_in_each_locale(client, auth, db_session):
    from webapp.models import Patient

    patient = db_session.get(Patient, 1)
    patient.treatment_start = datetime(2025, 1, 15).date()
    db_session.add(patient)
    db_session.commit()
    auth.login("nurse")
    assert "15. januar 2025" in client.get("/nurse/patients/1").text
    client.post("/language", data={"lang": "en", "next": "/"})
    assert "January 15, 2025" in client.get("/nurse/patients/1").text


@pytest.mark.parametrize(("who", "message"), [("patient", "Ikke en gyldig datoverdi"),
                                               ("patient_en", "Not a valid date value")])
def test_the_form_librarys_own_messages_are_in_the_users_language(client, auth, who, message):
    # WTForms' built-in messages come from its own catalog, which is kept per language (issue 7).
    auth.login(who)
    for _ in range(2):  # the second time from the kept catalog
        page = client.post("/symptoms/new", data={"started_on": "31.02.2026", "codes": ["fatigue"]})
        assert page.status_code == 422
        assert message in page.text


def test_the_kept_catalog_follows_force_locale_and_back(app):
    # i18n.translations keeps the request's catalog; force_locale (e-mails, calendar feeds) must still
    # switch it, and the page's own language must come back afterwards.
    from flask_babel import force_locale

    from webapp.i18n import gettext

    with app.test_request_context("/", headers={"Accept-Language": "nb"}):
        assert gettext("Sign out") == "Logg ut"
        with force_locale("en"):
            assert gettext("Sign out") == "Sign out"
        assert gettext("Sign out") == "Logg ut"
