"""Who has looked at my information (security review finding 11) in a phone's browser: a nurse opens the
patient's page, and a moment later the patient finds that read under "More", with the nurse's name, her
clinic and what was opened, in Bokmål and in English; axe-clean, fitting 320 and 360 px with 125 % text."""

from __future__ import annotations

from .conftest import PHONE, assert_accessible, assert_fits_every_phone, click_and_wait, open_more_menu, sign_in, switch_language


def test_the_patient_sees_the_nurse_who_just_opened_her_page_in_both_languages(browser, base_url, page):
    nurse_context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=base_url, locale="nb-NO")
    nurse = nurse_context.new_page()
    sign_in(nurse, "nurse")
    nurse.goto("/nurse/")
    click_and_wait(nurse, "a:has-text('Per Pasient')")
    assert "/nurse/patients/" in nurse.url
    nurse_context.close()

    sign_in(page, "patient")
    open_more_menu(page)
    click_and_wait(page, "nav .more-list a:has-text('Hvem har sett opplysningene mine')")
    assert page.url.endswith("/access-log")
    newest = page.locator(".access-entry").first
    assert "Nina Sykepleier" in newest.inner_text() and "Demo MS-poliklinikk" in newest.inner_text()
    assert "Pasientsiden din" in newest.inner_text()
    # the patient list the nurse came through is a read of Per too, listed after it
    assert "Klinikkens liste over pasienter" in page.locator(".access-entry").nth(1).inner_text()
    assert newest.locator("time").get_attribute("datetime")
    assert_accessible(page)
    assert_fits_every_phone(page)

    switch_language(page)
    assert page.locator("h1").inner_text() == "Who has looked at my information"
    assert "Your patient page" in page.locator(".access-entry").first.inner_text()
    assert_accessible(page)
    assert_fits_every_phone(page)
    assert page.viewport_size["width"] == PHONE["width"]


def test_the_nurse_reads_the_same_log_from_the_patients_page_on_a_phone(page):
    sign_in(page, "nurse")
    page.goto("/nurse/")
    click_and_wait(page, "a:has-text('Per Pasient')")
    click_and_wait(page, "nav.section-links a:has-text('Innsynslogg')")
    assert page.url.endswith("/access-log") and "/nurse/patients/" in page.url
    assert "Per Pasient" in page.locator("h1").inner_text()
    assert "Nina Sykepleier" in page.locator(".access-entry").first.inner_text()
    assert_accessible(page)
    assert_fits_every_phone(page)
    switch_language(page)
    assert page.locator("h1").inner_text().startswith("Who has looked at")
    assert_accessible(page)
    assert_fits_every_phone(page)
