"""Reminders on a 360 px phone (issue 12 §3), in both languages: the preferences page (with a refused
time), the nurse's reduced form, the start page's reminders with "dismiss", the calendar link's choices."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session

from webapp.models import Reminder

from .conftest import assert_accessible, click_and_wait, sign_in, switch_language

TEXT = {
    "nb": {"title": "Varsler og påminnelser", "no_time": "Skriv inn et klokkeslett, for eksempel 07:30.",
           "saved": "Valgene dine er lagret.", "overdue": "Dosen din er forsinket", "dismiss": "Fjern",
           "no_channel": "Påminnelsene når deg bare her", "put_away": "Påminnelsen er fjernet."},
    "en": {"title": "Messages and reminders", "no_time": "Enter a time, for example 07:30.",
           "saved": "Your choices are saved.", "overdue": "Your dose is overdue", "dismiss": "Dismiss",
           "no_channel": "Reminders reach you only here", "put_away": "The reminder is put away."},
}


def open_in(page, who: str, lang: str) -> None:
    sign_in(page, who)
    if lang == "en":
        switch_language(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_preferences_page_refuses_a_bad_time_next_to_the_field_and_saves(page, lang):
    text = TEXT[lang]
    open_in(page, "patient", lang)
    page.goto("/")
    click_and_wait(page, f"footer a:has-text('{text['title']}')")
    assert page.locator("h1").inner_text() == text["title"]
    assert page.locator("input[type=time]").count() == 4
    assert_accessible(page)
    page.fill("#morning_time", "")  # an empty required time, as a phone's time picker can leave it
    click_and_wait(page, "button[name=save]")
    assert page.locator("#morning_time-error").inner_text() == text["no_time"]
    assert page.locator("#morning_time").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    page.fill("#morning_time", "08:30")
    page.check("#email")
    click_and_wait(page, "button[name=save]")
    assert text["saved"] in page.locator(".flashes").inner_text()
    assert page.locator("#morning_time").input_value() == "08:30"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_nurse_sees_channels_and_on_call(page, lang):
    open_in(page, "nurse", lang)
    page.goto("/notifications/preferences")
    assert page.locator("#on_call").is_visible() and page.locator("input[type=time]").count() == 0
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_start_page_shows_a_reminder_that_can_be_dismissed(page, live_app, lang):
    text = TEXT[lang]
    with Session(live_app.extensions["db_engine"]) as session:
        day = date.today() - timedelta(days=2)
        session.add(Reminder(patient_id=1, key=f"dose_overdue_2:1:{day.isoformat()}", kind="dose_overdue_2",
                             due_at=datetime.now(UTC) - timedelta(hours=3), about_day=day, url="/injections/check"))
        session.commit()
    open_in(page, "patient", lang)
    page.goto("/")
    card = page.locator(".card-reminders")
    assert text["overdue"] in card.inner_text() and text["no_channel"] in card.inner_text()
    assert_accessible(page)
    click_and_wait(page, f".card-reminders button:has-text('{text['dismiss']}')")
    assert text["put_away"] in page.locator(".flashes").inner_text()
    assert text["overdue"] not in page.locator("main").inner_text()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_calendar_link_page_offers_the_extra_events(page, lang):
    open_in(page, "patient", lang)
    page.goto("/injections/calendar")
    assert page.locator("#order").is_checked() and not page.locator("#checkups").is_checked()
    page.check("#checkups")
    click_and_wait(page, "button[value=new]")
    assert "events=order,checkups" in page.locator("#calendar-link").input_value()
    assert_accessible(page)


def test_the_preferences_and_start_page_fit_a_320_px_phone(page):
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, "patient")
    for path in ("/notifications/preferences", "/"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
