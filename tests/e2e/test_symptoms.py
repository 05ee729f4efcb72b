"""Symptom reports and the triage queue in Chromium at phone width (issue 4)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from webapp.domain import triage
from webapp.domain.triage import TextFindings
from webapp.symptoms import routes

from .conftest import PHONE, assert_accessible, assert_fits_every_phone, sign_in, switch_language

QUESTIONS = ("within_2h", "sudden_onset", "lasted_over_24h", "getting_worse", "fever")


def answer_questions(page, **answers) -> None:
    """Answer every question: no, unless told otherwise (yes / unknown)."""
    for name in QUESTIONS:
        value = answers.get(name, "no")
        page.check(f"input[name={name}][value={value}]")


def tick(page, code: str) -> None:
    """Open the group of an item on the long form (a <details>) and tick it."""
    box = page.locator(f"#code-{code}")
    if not box.is_visible():
        page.locator(f"details:has(#code-{code}) > summary").click()
    box.check()


def go_on_to_the_form(page) -> None:
    """From the first screen (the emergency signs) on to the long form: "none of these"."""
    page.click("a.big-choice-next")
    page.wait_for_load_state()


def sign_out(page) -> None:
    page.click("footer button:has-text('Logg ut')")
    page.wait_for_load_state()


def check_both_languages(page) -> None:
    """The page as it is, then in the other language, then back: accessible in both."""
    assert_accessible(page)
    switch_language(page)
    assert_accessible(page)
    switch_language(page)


def test_weakness_in_a_leg_reaches_the_top_of_the_queue_and_the_patient_sees_it_handled(page):
    sign_in(page, "patient")
    page.click("nav >> text=Meld en plage")
    assert page.locator("h1").inner_text() == "Meld en plage"
    check_both_languages(page)  # the first screen
    go_on_to_the_form(page)
    check_both_languages(page)  # the long form
    tick(page, "limb_weakness")
    answer_questions(page, lasted_over_24h="yes")
    page.fill("#free_text", "Venstre bein har vært svakt i to dager.")
    page.click("form.stack button[type=submit]")

    assert page.locator("h1").inner_text() == "Klinikken ringer deg"
    assert "Klinikken ringer deg innen én arbeidsdag." in page.locator("main").inner_text()
    assert "Ikke ta neste dose før du har snakket med klinikken." in page.locator("main").inner_text()
    report_url = page.url
    check_both_languages(page)
    sign_out(page)

    sign_in(page, "nurse")
    page.click("nav >> text=Triagekø")
    first_group = page.locator(".queue-group").first
    assert first_group.locator("h2 a").inner_text() == "Per Pasient"
    first_card = first_group.locator(".queue-card").first  # cards on a phone (issue 13)
    assert "Venter" in first_card.inner_text()
    assert "Venstre bein har vært svakt i to dager." in first_card.inner_text()  # what it is about
    check_both_languages(page)
    first_card.locator("a", has_text="Meldt plage").click()
    flag_path = page.url.removeprefix(page.url.split("/nurse/")[0])
    assert "Ny eller verre svakhet i en arm eller et bein" in page.locator("main").inner_text()
    assert "Venstre bein har vært svakt i to dager." in page.locator("main").inner_text()
    check_both_languages(page)

    page.check("input[name=call_result][value=call_reached]")
    page.fill("#call_note", "Snakket med Per. Svakheten er ny.")
    page.click("text=Lagre samtalen")
    assert "Samtalen er registrert." in page.locator(".flashes").inner_text()
    page.check("input[name=outcome][value=appointment_booked]")  # issue 13: several outcomes, as checkboxes
    page.click("text=Lagre og lukk")
    assert "Saken er lukket." in page.locator(".flashes").inner_text()
    steps = page.locator(".event-list").inner_text()
    for step in ("Sak opprettet av NataHjem", "Tatt av Nina Sykepleier", "Ringt: fikk tak i pasienten", "Lukket"):
        assert step in steps
    page.click("text=Tidslinje")
    assert page.locator("h1").inner_text() == "Tidslinje: Per Pasient"
    check_both_languages(page)
    page.goto("/nurse/queue")
    assert page.locator(f".queue-group a[href='{flag_path}']").count() == 0  # resolved: out of the queue
    sign_out(page)

    sign_in(page, "patient")
    page.goto(report_url)
    text = page.locator("main").inner_text()
    assert "Behandlet av klinikken." in text and "Klinikken ringte deg" in text
    page.goto("/")
    assert "Behandlet av klinikken." in page.locator("#symptoms-heading >> xpath=..").inner_text()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_113_is_one_tap_from_the_first_screen_and_a_sign_is_one_tap_from_the_113_answer(page, lang):
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    page.goto("/symptoms/new")
    call = page.locator("main a[href='tel:113']").first
    box = call.bounding_box()
    assert call.is_visible() and box["y"] + box["height"] <= PHONE["height"]  # in the first viewport
    assert box["height"] >= 60
    assert_accessible(page)
    page.click("button[name=codes][value=face_throat_swelling]")  # one tap on the sign
    page.wait_for_load_state()
    first = page.evaluate("""() => {
        const main = document.querySelector('main');
        const [heading, next] = main.children;
        return [heading.tagName, next.querySelector('a') && next.querySelector('a').getAttribute('href'),
                next.firstElementChild === next.querySelector('a')];
    }""")
    assert first == ["H1", "tel:113", True]
    button = page.locator("main a[href='tel:113']").first
    assert button.is_visible() and button.bounding_box()["height"] >= 60
    assert page.locator("h1").inner_text() == ("Ring 113 nå" if lang == "nb" else "Call 113 now")
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_long_form_keeps_113_in_reach_and_takes_free_text_alone(page, lang):
    sign_in(page, "patient_en" if lang == "en" else "patient")
    page.goto("/symptoms/new?step=more")
    assert page.locator("details[open]").count() == 0  # short: every group closed
    page.mouse.wheel(0, 1500)
    page.locator("#within_2h-0").scroll_into_view_if_needed()
    sticky = page.locator(".sticky-113 a[href='tel:113']")
    box = sticky.bounding_box()
    assert sticky.is_visible() and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"]
    assert box["height"] >= 44
    assert_accessible(page)
    page.fill("#free_text", "Venstre hånd har vært nummen siden søndag" if lang == "nb"
              else "My left hand has been numb since Sunday")
    page.click("form.stack button[type=submit]")  # no question answered
    assert re.search(r"/symptoms/\d+$", page.url)
    assert page.locator(".error-summary").count() == 0
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_report_pages_are_accessible_for_every_level(page, lang, monkeypatch):
    monkeypatch.setattr(triage, "read_text", lambda text, lang: TextFindings())  # the live app runs in this process
    sign_in(page, "patient_en" if lang == "en" else "patient")
    page.goto("/symptoms/new?step=more")
    page.fill("#started_on", "2999-01-01")
    tick(page, "fatigue")
    page.click("form.stack button[type=submit]")  # a day in the future
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#code-fatigue").is_checked()  # what was ticked is kept, its group open
    assert_accessible(page)
    page.fill("#started_on", "")
    answer_questions(page)
    page.click("form.stack button[type=submit]")
    assert re.search(r"/symptoms/\d+$", page.url)
    assert_accessible(page)  # routine

    page.goto("/symptoms/new?step=more")
    page.fill("#free_text", "Thanks for the call yesterday.")
    answer_questions(page)
    page.click("form.stack button[type=submit]")
    assert_accessible(page)  # none

    page.goto("/symptoms/new?step=more")
    tick(page, "self_harm_thoughts")
    answer_questions(page)
    page.click("form.stack button[type=submit]")
    assert page.locator("main a[href='tel:116123']").is_visible()
    assert_accessible(page)  # urgent, with Mental Helse

    for path in ("/symptoms/", "/", "/symptoms/new?context=reaction", "/symptoms/new?step=more&context=reaction"):
        page.goto(path)
        assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_nurse_pages_of_the_queue_are_accessible(page, lang):
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto("/nurse/queue")
    page.locator(".queue-cards a[href*='/nurse/flags/']").first.click()
    flag_url = page.url
    page.click("text=" + ("Lagre samtalen" if lang == "nb" else "Save the call"))  # nothing chosen: an error
    assert page.locator(".error-summary").is_visible()
    assert_accessible(page)
    page.goto(flag_url)
    page.click("text=" + ("Lagre og lukk" if lang == "nb" else "Save and resolve"))
    assert page.locator(".error-summary").is_visible()
    assert_accessible(page)
    for path in ("/nurse/", "/nurse/patients/2", "/nurse/patients/2/timeline"):
        page.goto(path)
        assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_does_any_of_this_fit_screen_is_accessible_and_its_choice_is_kept(page, lang, monkeypatch):
    real = routes.assess
    monkeypatch.setattr(routes, "assess", lambda **kw: dataclasses.replace(real(**kw), unsure=True))
    sign_in(page, "patient_en" if lang == "en" else "patient")
    page.goto("/symptoms/new?step=more")
    page.fill("#free_text", "Noe er rart i dag" if lang == "nb" else "Something is off today")
    page.click("form.stack button[type=submit]")
    assert page.locator("h1").inner_text() == ("Passer noe av dette?" if lang == "nb" else "Does any of this fit?")
    assert page.locator("main a[href='tel:113']").first.is_visible()
    assert_accessible(page)
    page.click("button[name=fit][value=none]")
    page.wait_for_load_state()
    assert re.search(r"/symptoms/\d+$", page.url)
    assert page.locator("h1").inner_text() == ("Lagret for sykepleieren" if lang == "nb" else "Saved for the nurse")
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_past_the_hourly_limit_the_patient_is_told_to_call_and_113_is_one_tap(page, live_app, lang):
    # Security finding 8: a flood guard, never a dead end for a patient who needs help.
    live_app.config["REPORT_RATE_LIMIT"] = "1 per hour"
    try:
        sign_in(page, "patient_en" if lang == "en" else "patient")
        for attempt in range(2):
            page.goto("/symptoms/new?step=more")
            page.fill("#free_text", f"Svimmel igjen {attempt} {lang}")
            page.click("form.stack button[type=submit]")
        main = page.locator("main").inner_text()
        assert ("Dette ble ikke sendt" if lang == "nb" else "This was not sent") in main
        call = page.locator("main a[href='tel:113']")
        assert call.is_visible() and call.bounding_box()["height"] >= 44
        assert page.locator("main a.call-clinic-button").count() == 1
        assert_accessible(page)
        assert_fits_every_phone(page)
    finally:
        live_app.config["REPORT_RATE_LIMIT"] = "1000 per minute"
