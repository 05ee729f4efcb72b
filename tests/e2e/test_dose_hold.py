"""The next dose on hold on a 360 px phone (facts §3 "Dose on hold"; walk defect 1): after a stop in the
safety check, the start page and the dose log say the dose waits and whom to call, in both languages,
and the nurse lifts the hold with a reason."""

from __future__ import annotations

import pytest

from .conftest import assert_accessible, click_and_wait, sign_in, switch_language

TEXT = {
    "nb": {"waits": "Neste dose venter", "dont": "Ikke ta den før du har snakket med klinikken.",
           "clinic": "Ring klinikken", "log": "Registrer en dose"},
    "en": {"waits": "Your next dose waits", "dont": "Do not take it before you have talked to the clinic.",
           "clinic": "Call the clinic", "log": "Log a dose"},
}


def stop_in_the_safety_check(page) -> None:
    page.goto("/injections/check")
    page.check("input[name=fever_infection]")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.url.endswith("/injections/wait")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_start_page_and_the_log_say_the_dose_waits_and_whom_to_call(page, lang):
    text = TEXT[lang]
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    stop_in_the_safety_check(page)
    page.goto("/")
    card = page.locator(".card-dose")
    assert text["waits"] in card.inner_text() and text["dont"] in card.inner_text()
    assert card.locator(f"a:has-text('{text['log']}')").count() == 0
    for number in ("tel:+4722000000", "tel:116117", "tel:113"):
        assert card.locator(f"a[href='{number}']").is_visible()
    assert card.locator("a[href='tel:+4722000000']").inner_text().startswith(text["clinic"])
    assert_accessible(page)
    page.goto("/injections/new")
    assert page.locator("h1").inner_text() == text["waits"]
    assert page.locator("form.stack").count() == 0  # no dose form
    assert_accessible(page)
    page.goto("/injections/guide/1")
    assert page.locator("h1").inner_text() == text["waits"]


def test_the_nurse_lifts_the_hold_with_a_reason_and_the_patient_can_log_again(page, browser, base_url):
    sign_in(page, "patient")
    stop_in_the_safety_check(page)
    nurse = browser.new_context(viewport={"width": 360, "height": 740}, base_url=base_url, locale="nb-NO").new_page()
    sign_in(nurse, "nurse")
    nurse.goto("/nurse/patients/1")
    section = nurse.locator(".dose-hold")
    assert "Stopp i sikkerhetssjekken før dosen" in section.inner_text()
    assert_accessible(nurse)
    click_and_wait(nurse, ".dose-hold button[type=submit]")  # no reason: refused next to the field
    assert nurse.locator("#lift_reason-error").is_visible()
    assert_accessible(nurse)
    nurse.fill("#lift_reason", "Ringt: feberfri i to dager. Dosen kan tas.")
    click_and_wait(nurse, ".dose-hold button[type=submit]")
    assert nurse.locator(".dose-hold").count() == 0
    nurse.context.close()
    page.goto("/")
    assert page.locator(".card-dose a:has-text('Registrer en dose')").is_visible()
