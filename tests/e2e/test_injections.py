"""The demo patient logs a dose on a phone (issue 3)."""

from __future__ import annotations

import pytest

from .conftest import assert_accessible, click_and_wait, sign_in, switch_language


def next_dose_text(page) -> str:
    return page.locator(".card-dose .big-fact").inner_text()


def test_patient_logs_both_syringes_in_norwegian_and_the_next_dose_moves(page):
    sign_in(page, "patient")
    assert_accessible(page)
    before = next_dose_text(page)
    # Three taps from the start page: log a dose, nothing applies, save (everything is filled in).
    click_and_wait(page, "text=Registrer en dose")
    # The heading carries a soft hyphen, so that a narrow phone breaks the long word at its joint.
    assert page.locator("h1").inner_text().replace("\u00ad", "") == "Sikkerhetssjekk før dosen"
    assert_accessible(page)
    click_and_wait(page, "text=Gå videre")
    assert page.locator("h1").inner_text() == "Registrer dosen"
    assert page.locator("#site_1").input_value() != page.locator("#site_2").input_value()
    assert page.locator("input[name=syringes][value='2']").is_checked()
    assert_accessible(page)
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator("h1").inner_text() == "Dosen er lagret"
    assert_accessible(page)
    click_and_wait(page, "text=Gå til startsiden")
    after = next_dose_text(page)
    assert after != before
    assert "Om 28 dager." in page.locator(".card-dose").inner_text()
    page.goto("/injections/")
    assert page.locator(".dose-list li").count() >= 6
    assert_accessible(page)


def test_a_mistake_is_shown_next_to_the_field_and_nothing_typed_is_lost(page):
    sign_in(page, "patient")
    page.goto("/injections/check")
    click_and_wait(page, "text=Gå videre")
    page.select_option("#site_2", index=0)
    page.fill("#note", "Litt stikkende")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator("#site_2-error").is_visible()
    assert page.locator("#note").input_value() == "Litt stikkende"
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_injection_pages_are_accessible(page, lang):
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    for path in ["/injections/check", "/injections/guide/1", "/injections/guide/3", "/injections/guide/7",
                 "/injections/calendar", "/injections/wait"]:
        page.goto(path)
        assert_accessible(page)
    page.goto("/injections/calendar")
    click_and_wait(page, "button[name=action][value=new]")
    assert page.locator("#calendar-link").is_visible()
    assert_accessible(page)
    page.goto("/injections/")
    click_and_wait(page, ".dose-list a >> nth=0")  # correct the newest dose
    assert_accessible(page)
    click_and_wait(page, "main a[href$='/withdraw']")
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_nurse_enrolment_page_is_accessible(page, lang):
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto("/nurse/patients/1")
    assert_accessible(page)
    click_and_wait(page, "a[href='/nurse/patients/1/enrolment']")
    assert_accessible(page)
    click_and_wait(page, "section[aria-labelledby=interval-heading] button[type=submit]")  # 4 weeks, no reason: fine
    page.fill("#weeks", "6")
    click_and_wait(page, "section[aria-labelledby=interval-heading] button[type=submit]")
    assert page.locator("#reason-error").is_visible()
    assert_accessible(page)
