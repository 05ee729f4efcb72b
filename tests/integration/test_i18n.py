"""Two languages: choice, memory, and locale formats (issue 2)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from flask_babel import force_locale

from webapp import i18n
from webapp.i18n import format_day, format_deadline, format_moment_in

WEBAPP = Path(i18n.__file__).parent

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
    assert format_moment_in(moment, "short", "nb") == "01.07.2026, 12:00"
    # English the European way (walk defect 9): day before month, a 24-hour clock
    assert format_moment_in(moment, "short", "en") == "01/07/2026, 12:00"
    assert format_moment_in(moment, "medium", "en") == "1 Jul 2026 12:00"


@pytest.mark.parametrize(("fmt", "nb", "en"), [
    ("short", "03.12.2026", "03/12/2026"),
    ("medium", "3. des. 2026", "3 Dec 2026"),
    ("long", "3. desember 2026", "3 December 2026"),
    ("full", "torsdag 3. desember 2026", "Thursday 3 December 2026"),
])
def test_dates_are_european_in_both_languages(fmt, nb, en):
    day = date(2026, 12, 3)
    assert format_day(day, fmt, "nb") == nb
    assert format_day(day, fmt, "en") == en


def test_a_deadline_in_running_text_puts_kl_before_a_norwegian_time():
    moment = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)  # 16:00 in Oslo (winter time)
    assert format_deadline(moment, "nb") == "torsdag 3. desember kl. 16.00"
    assert format_deadline(moment, "en") == "Thursday 3 December at 16:00"


def test_a_moment_in_a_sentence_has_kl_in_norwegian_and_at_in_english():
    moment = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    assert i18n.format_when(moment, "nb") == "3. des. 2026 kl. 16.00"
    assert i18n.format_when(moment, "en") == "3 Dec 2026 at 16:00"


def test_view_helpers_use_the_requests_language_with_european_formats(app):
    moment = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    with app.test_request_context():
        with force_locale("en"):
            assert (i18n.format_date(moment.date(), "long"), i18n.format_time(moment)) == ("3 December 2026", "16:00")
        with force_locale("nb"):
            assert (i18n.format_date(moment.date(), "long"), i18n.format_time(moment)) == ("3. desember 2026", "16:00")


def test_no_view_formats_a_date_with_flask_babels_us_english_helpers():
    # flask_babel's format_date/format_datetime/format_time format "en" as en_US (12/3/26, 4:00 PM):
    # views use webapp.i18n's helpers instead.
    offenders = [str(path.relative_to(WEBAPP)) for path in WEBAPP.rglob("*.py")
                 if re.search(r"from flask_babel import[^\n]*\bformat_(date|datetime|time)\b", path.read_text())]
    assert offenders == []


def test_the_english_pages_show_european_dates(client, auth):
    auth.login("patient_en")
    page = client.get("/learn/pml").text
    assert re.search(r"Last reviewed \d{1,2} (January|February|March|April|May|June|July|August|September|"
                     r"October|November|December) 20\d\d", page)


def test_patient_page_shows_the_treatment_start_in_each_locale(client, auth, db_session):
    from webapp.models import Patient

    patient = db_session.get(Patient, 1)
    patient.treatment_start = datetime(2025, 1, 15).date()
    db_session.add(patient)
    db_session.commit()
    auth.login("nurse")
    assert "15. januar 2025" in client.get("/nurse/patients/1").text
    client.post("/language", data={"lang": "en", "next": "/"})
    assert "15 January 2025" in client.get("/nurse/patients/1").text


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
