"""A relative who may help (issue 15 §5) in a phone's browser: the patient's page to invite and stop a
relative, and the relative's own page and report form, fit 320 and 360 px with larger text and are
axe-clean, in Bokmål and in English; 113 stays one tap away for the relative too."""

from __future__ import annotations

from .conftest import (
    assert_accessible,
    assert_fits_every_phone,
    click_and_wait,
    open_more_menu,
    sign_in,
    switch_language,
)


def test_the_patient_invites_a_relative_and_sees_who_may_help_on_a_phone(page):
    sign_in(page, "patient")
    open_more_menu(page)
    click_and_wait(page, "nav .more-list a:has-text('En pårørende som kan hjelpe')")
    assert page.locator("h1").inner_text() == "En pårørende som kan hjelpe"
    assert "Rita Pasient" in page.inner_text("main")  # the demo's relative
    click_and_wait(page, "form.stack button[type=submit]")  # nothing filled in
    assert page.locator(".error-summary").count() == 1
    assert "Velg minst én ting de kan gjøre." in page.inner_text("main")
    page.fill("input[name=name]", "Ola Nordmann-Hjelpesen")
    page.fill("input[name=email]", "ola.nordmann.hjelpesen@example.org")
    page.check("input[name=may_report]")
    page.check("input[name=duration][value='30']")
    click_and_wait(page, "form.stack button[type=submit]")
    assert "Invitasjonen er sendt til Ola Nordmann-Hjelpesen." in page.inner_text("main")
    assert page.locator("li.relative-grant").count() == 2
    assert_accessible(page)
    assert_fits_every_phone(page)
    switch_language(page)
    assert page.locator("h1").inner_text() == "A relative who may help"
    assert "Invited. They have not made their account yet." in page.inner_text("main")
    assert_accessible(page)
    assert_fits_every_phone(page)


def test_the_relative_reports_for_the_patient_with_113_one_tap_away(page):
    sign_in(page, "relative")
    assert page.url.endswith("/helping")
    assert page.locator("a.sos[href='tel:113']").count() == 1
    assert "Per Pasient" in page.locator("h2").first.inner_text()
    assert_accessible(page)
    assert_fits_every_phone(page)
    switch_language(page)
    assert page.locator("button:has-text('Report a symptom for Per Pasient')").count() == 1
    assert_accessible(page)
    assert_fits_every_phone(page)
    click_and_wait(page, "button:has-text('Report a symptom for Per Pasient')")
    assert "You are helping Per Pasient" in page.inner_text("main")
    assert page.locator("a.button-emergency[href='tel:113']").count() >= 1
    assert_accessible(page)
    assert_fits_every_phone(page)
