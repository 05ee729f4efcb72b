"""Enrolment with a questioned date, the pre-dose stop page, and the dose form at small widths and
with larger text (walk defects 2, 3, 33; clinical review E8), in both languages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from .conftest import assert_accessible, click_and_wait, sign_in, switch_language

NO_SIDEWAYS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_enrolment_with_a_questioned_date_is_accessible_and_keeps_what_was_typed(page, lang):
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto("/nurse/patients/1/enrolment")
    # The demo patient's last supervised dose is months back; a date 10 days after it is questioned.
    last = page.locator(".supervised-list li").last.inner_text()
    assert last
    page.goto("/nurse/patients/1/enrolment")
    first_link = page.locator(".supervised-list a").first.get_attribute("href")
    page.goto(first_link)
    day = page.locator("#given_on").input_value()
    page.goto("/nurse/patients/1/enrolment")
    near = (date.fromisoformat(day) + timedelta(days=10)).isoformat()
    page.fill("section[aria-labelledby=doses-heading] #given_on", near)
    page.fill("section[aria-labelledby=doses-heading] #reaction_note", "rødme")
    click_and_wait(page, "section[aria-labelledby=doses-heading] button[type=submit]")
    assert page.locator("#given_on-error").is_visible()
    expected = "10 dager fra dosen med tilsyn" if lang == "nb" else "10 days from the supervised dose"
    assert expected in page.locator("#given_on-error").inner_text()
    assert page.locator("#confirm_close").is_visible()
    assert page.locator("section[aria-labelledby=doses-heading] #given_on").input_value() == near
    assert page.locator("section[aria-labelledby=doses-heading] #reaction_note").input_value() == "rødme"
    assert_accessible(page)
    page.check("#confirm_close")
    click_and_wait(page, "section[aria-labelledby=doses-heading] button[type=submit]")
    assert page.locator("#given_on-error").count() == 0
    # The correction page of a dose, and the history after a withdrawal.
    page.goto(first_link)
    assert_accessible(page)
    page.fill("#reason", "Feil" if lang == "nb" else "Wrong")
    click_and_wait(page, "section[aria-labelledby=withdraw-heading] button[type=submit]")
    assert page.locator(".supervised-history").is_visible()
    page.click(".supervised-history summary")
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_stop_page_offers_113_for_lost_sight_and_is_accessible(page, lang):
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    page.goto("/injections/check")
    hint = page.locator("#check-stop-hint")
    button = page.locator("form.stack button[type=submit]")
    assert hint.bounding_box()["y"] < button.bounding_box()["y"]  # defect 33: the hint before the button
    page.check("#eye_sight")
    click_and_wait(page, "form.stack button[type=submit]")
    link = page.locator("a.sight-113")
    assert link.get_attribute("href") == "tel:113"
    assert ("Ring 113" if lang == "nb" else "Call 113") in link.inner_text()
    assert link.bounding_box()["height"] >= 44
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_clearance_after_a_reaction_needs_the_not_allergic_tick(page, lang):
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto("/nurse/patients/1/enrolment")
    page.goto(page.locator(".supervised-list a").first.get_attribute("href"))
    page.check("#reaction")
    page.fill("#reaction_note", "rødme på stikkstedet")
    click_and_wait(page, "section[aria-labelledby=correct-heading] button[type=submit]")
    hint = page.locator("#not_allergic-hint").inner_text()
    assert ("Etter en ekte allergisk reaksjon skal natalizumab ikke gis igjen." if lang == "nb"
            else "After a true allergic reaction, natalizumab must not be given again.") in hint
    page.fill("#note", "Dr. Hansen")
    click_and_wait(page, "section[aria-labelledby=cleared-heading] button[type=submit]")
    assert page.locator("#not_allergic-error").is_visible()
    assert page.locator("#note").input_value() == "Dr. Hansen"
    assert_accessible(page)
    page.check("#not_allergic")
    click_and_wait(page, "section[aria-labelledby=cleared-heading] button[type=submit]")
    assert page.locator("#not_allergic").count() == 0
    assert "Dr. Hansen" in page.locator("section[aria-labelledby=cleared-heading]").inner_text()


def open_dose_form(page):
    page.goto("/injections/check")
    click_and_wait(page, "text=Gå videre")


@pytest.mark.parametrize(("width", "text"), [(320, 100), (360, 100), (360, 125), (360, 150), (320, 125)])
def test_the_dose_form_never_scrolls_sideways(browser, base_url, width, text):
    context = browser.new_context(viewport={"width": width, "height": 740}, base_url=base_url, locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        sign_in(page, "patient")
        open_dose_form(page)
        # Larger text as a phone's text-size setting gives it: a larger root font size (set through the
        # CSSOM, which the strict CSP allows, unlike an inline style tag).
        page.evaluate(f"document.documentElement.style.setProperty('font-size', '{text}%', 'important')")
        page.wait_for_function(f"parseFloat(getComputedStyle(document.documentElement).fontSize) >= {16 * text / 100 - 0.5}")
        assert page.evaluate(NO_SIDEWAYS), page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        for name in ("#day", "#time"):
            box = page.locator(name).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (name, box)
        assert page.locator("label[for=time]").bounding_box()["x"] + 10 < width
    finally:
        context.close()
