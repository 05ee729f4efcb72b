"""Sign in and out, switch language, and an accessibility check of every page (issue 2)."""

from __future__ import annotations

import re

import pytest

from .conftest import assert_accessible, click_and_wait, open_more_menu, sign_in, switch_language


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("path", ["/auth/login", "/emergency", "/auth/invite/not-a-valid-token", "/no-such-page"])
def test_public_pages_are_accessible(page, path, lang):
    page.goto(path)
    if lang == "en":
        switch_language(page)
    assert page.locator("html").get_attribute("lang") == lang
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_patient_pages_are_accessible(page, lang):
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    for path in ["/", "/emergency", "/auth/password"]:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("a[href='tel:113']").first.is_visible(), f"no 113 link on {path}"
        assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_nurse_pages_are_accessible(page, lang):
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    for path in ["/nurse/", "/nurse/patients/new", "/nurse/patients/1", "/auth/password"]:
        page.goto(path)
        assert_accessible(page)
    # The invitation page, reached by creating a patient, and a form with errors.
    page.goto("/nurse/patients/new")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert_accessible(page)
    page.fill("#full_name", "Ola Nordmann")
    page.fill("#email", f"ola.{lang}@example.org")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator("#invitation-link").is_visible()
    assert_accessible(page)


def test_patient_signs_in_switches_language_and_signs_out(page):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Logg inn"
    sign_in(page, "patient")
    assert page.locator("h1").inner_text() == "Hei, Per Pasient"
    assert page.locator("a.sos").get_attribute("href") == "tel:113"
    switch_language(page)
    assert page.locator("h1").inner_text() == "Hello, Per Pasient"
    page.reload()
    assert page.locator("h1").inner_text() == "Hello, Per Pasient"  # remembered
    click_and_wait(page, "text=Sign out")
    assert page.url.endswith("/auth/login")
    assert page.locator("h1").inner_text() == "Sign in"  # the cookie keeps the choice after sign-out
    page.goto("/")
    assert page.url.endswith("/auth/login")


def test_nurse_invites_a_patient_who_sets_a_password(browser, page, base_url):
    sign_in(page, "nurse")
    assert page.locator("h1").inner_text().startswith("Pasienter ved Demo MS-poliklinikk")
    open_more_menu(page)
    click_and_wait(page, "nav >> text=Ny pasient")
    page.fill("#full_name", "Ola Nordmann")
    page.fill("#email", "ola@example.org")
    click_and_wait(page, "form.stack button[type=submit]")
    link = page.locator("#invitation-link").input_value()
    assert re.match(rf"{re.escape(base_url)}/auth/invite/[\w-]+$", link)
    click_and_wait(page, "text=Logg ut")

    phone = browser.new_context(viewport={"width": 360, "height": 740})
    patient = phone.new_page()
    patient.goto(link)
    assert_accessible(patient)
    patient.fill("#password", "ola-sitt-passord")
    patient.fill("#confirm", "ola-sitt-passord")
    patient.check("input[name=language][value=en]")
    click_and_wait(patient, "form.stack button[type=submit]")
    assert patient.locator("h1").inner_text() == "Hello, Ola Nordmann"
    patient.goto(link)
    assert patient.locator("h1").inner_text() == "The link no longer works"
    phone.close()


def test_wrong_password_shows_the_message_next_to_the_field(page):
    page.goto("/auth/login")
    page.fill("input[name=email]", "patient@example.org")
    page.fill("input[name=password]", "wrong-password")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator("#password-error").inner_text() == "Feil e-post eller passord."
    assert page.locator("input[name=email]").input_value() == "patient@example.org"
    assert_accessible(page)


def test_the_accessibility_check_catches_violations(page):
    # Guards every test above: a checker that never fails would let them all pass.
    page.set_content('<html lang="en"><title>t</title><body><main><img src="x.png"><input name="q"></main></body></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)
