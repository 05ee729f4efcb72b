"""My data and the nurse's trends (issue 15 §2) in a phone's browser: the symptom calendar and the JCV
chart with their tables fit 320 and 360 px and are axe-clean, in Bokmål and in English."""

from __future__ import annotations

from .conftest import (
    _BROKEN_WORDS,
    PHONE_SIZES,
    assert_accessible,
    assert_fits_every_phone,
    click_and_wait,
    open_more_menu,
    sign_in,
    switch_language,
    view_as,
)

# The nurse's patient page holds other features' tables, whose dates already wrap inside a cell at
# 320 px (the data_table macro of STYLE.md is still to come): the trends section is checked on its own,
# the page as a whole for sideways scrolling.
IN_TRENDS = _BROKEN_WORDS.replace("document.body", "document.querySelector('#trends-heading').closest('section')")


def assert_trends_fit_every_phone(page) -> None:
    for width, percent in PHONE_SIZES:
        view_as(page, width, percent)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.evaluate(IN_TRENDS) == [], f"trends at {width} px, {percent} % text"
    view_as(page, 360)


def test_the_patient_finds_my_data_under_more_with_the_trends_and_the_summary_form(page):
    sign_in(page, "patient")
    open_more_menu(page)
    click_and_wait(page, "nav .more-list a:has-text('Mine data')")
    assert page.url.endswith("/my-data")
    assert page.locator("h1").inner_text() == "Mine data"
    assert page.locator("figure.chart svg[role=img]").count() == 2
    page.locator("figure.chart details summary").first.click()  # the table alternative opens
    assert page.locator("figure.chart details[open] table").count() == 1
    assert page.locator("form.period-form input[type=date]").count() == 2
    assert_accessible(page)
    assert_fits_every_phone(page)
    switch_language(page)
    assert page.locator("h1").inner_text() == "My data"
    assert "Symptom reports per week" in page.inner_text("main")
    assert_accessible(page)
    assert_fits_every_phone(page)


def test_the_nurse_sees_the_trends_on_the_patients_page_on_a_phone(page):
    sign_in(page, "nurse")
    page.goto("/nurse/")
    click_and_wait(page, "a:has-text('Per Pasient')")
    assert page.locator("#trends-heading").count() == 1
    assert page.locator("nav.section-links a:has-text('Sammendrag (PDF)')").count() == 1
    assert page.locator("#trends-heading ~ figure.chart svg[role=img]").count() >= 1
    assert_accessible(page)
    assert_trends_fit_every_phone(page)
    switch_language(page)
    assert page.locator("#trends-heading").inner_text() == "Trends and summary"
    assert_accessible(page)
    assert_trends_fit_every_phone(page)


def test_the_patient_gives_her_password_again_and_gets_her_downloads_on_a_phone(page):
    # Issue 15 §4: the machine-readable copy only after a fresh password, on a 320/360 px phone.
    sign_in(page, "patient")
    page.goto("/my-data")
    click_and_wait(page, ".export-list a[href$='doses.csv']")
    assert page.url.endswith("/my-data/export/")
    assert_fits_every_phone(page)
    assert_accessible(page)
    page.fill("input[name=password]", "not my password")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator(".error-summary").count() == 1
    assert_accessible(page)
    page.fill("input[name=password]", "patient-demo-2026")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator(".export-list a").count() == 6
    with page.expect_download() as download:
        page.click(".export-list a[href$='doses.csv']")
    assert download.value.suggested_filename.endswith(".csv")
    switch_language(page)
    assert_fits_every_phone(page)
    assert_accessible(page)


def test_the_patient_asks_to_close_her_account_on_a_phone(page):
    # Issue 15 §4: what closing deletes and what the clinic keeps, read before she asks.
    sign_in(page, "patient")
    page.goto("/my-data")
    click_and_wait(page, "a[href='/my-data/close-account']")
    assert_fits_every_phone(page)
    assert_accessible(page)
    page.fill("input[name=password]", "patient-demo-2026")
    click_and_wait(page, "form.stack button[type=submit]")  # the box not ticked
    assert page.locator(".error-summary").count() == 1
    assert_accessible(page)
    page.check("input[name=understood]")
    page.fill("input[name=password]", "patient-demo-2026")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator("button:has-text('Trekk tilbake forespørselen')").count() == 1
    switch_language(page)
    assert_fits_every_phone(page)
    assert_accessible(page)
