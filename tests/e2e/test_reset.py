"""A way back in, in Chromium (issue 13 §5): "Forgot your password?" to a new password, the nurse's
in-person reset with its QR code, and the invitation hand-off, at 320 and 360 px and with 125 % text,
axe-clean in both languages."""

from __future__ import annotations

import re

import pytest
from sqlmodel import Session, select

from webapp.models import OutboxMessage

from .conftest import (
    assert_accessible,
    assert_fits,
    assert_fits_every_phone,
    click_and_wait,
    sign_in,
    switch_language,
    view_as,
)

NEW_PASSWORD = "en-helt-ny-passordfrase"


def check_every_size(page) -> None:
    """The open page at each phone size fits and is axe-clean; back to the standard phone after."""
    assert_fits_every_phone(page)
    assert_accessible(page)


def emailed_reset_link(live_app, address: str) -> str:
    with Session(live_app.extensions["db_engine"]) as session:
        row = session.exec(select(OutboxMessage).where(OutboxMessage.kind == "password_reset",
                                                       OutboxMessage.to_address == address)
                           .order_by(OutboxMessage.id.desc())).first()
    assert row is not None, "no reset e-mail in the outbox"
    return row.url


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_forgot_password_to_a_new_password(page, live_app, lang):
    page.goto("/auth/login")
    if lang == "en":
        switch_language(page)
    check_every_size(page)
    click_and_wait(page, "a[href='/auth/forgot']")
    check_every_size(page)
    click_and_wait(page, "form.stack button[type=submit]")  # empty: an error next to the field
    assert page.locator(".error-summary").is_visible()
    check_every_size(page)
    page.fill("input[name=email]", "patient@example.org")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.url.endswith("/auth/forgot/sent")
    check_every_size(page)

    link = emailed_reset_link(live_app, "patient@example.org")
    page.goto(link)
    assert page.locator("input[type=hidden][name=username]").get_attribute("value") == "patient@example.org"
    check_every_size(page)
    page.fill("input[name=password]", NEW_PASSWORD)
    page.fill("input[name=confirm]", "not-the-same-password")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator("#confirm-error").is_visible()
    check_every_size(page)
    page.fill("input[name=password]", NEW_PASSWORD)
    page.fill("input[name=confirm]", NEW_PASSWORD)
    click_and_wait(page, "form.stack button[type=submit]")
    assert re.search(r"/$", page.url)
    assert page.locator(".flash-success").is_visible()
    page.goto(link)  # used: the clear page, not an error
    assert page.locator("h1").inner_text() in ("Lenken virker ikke lenger", "The link no longer works")
    check_every_size(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_reset_at_the_clinic_on_the_patients_own_phone(browser, page, base_url, lang):
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto("/nurse/patients/1")
    section = page.locator("section.sign-in-help")
    assert section.is_visible()
    click_and_wait(page, "form[action$='/reset-in-person'] button")
    assert page.locator("svg[role=img]").is_visible()
    check_every_size(page)
    link = page.locator("#handoff-link").input_value()
    assert link.startswith(base_url + "/auth/reset/")

    phone = browser.new_context(viewport={"width": 320, "height": 640}, base_url=base_url, locale="nb-NO")
    patient = phone.new_page()
    patient.goto(link)
    patient.fill("input[name=password]", NEW_PASSWORD)
    patient.fill("input[name=confirm]", NEW_PASSWORD)
    click_and_wait(patient, "form.stack button[type=submit]")
    click_and_wait(patient, "text=Logg ut")
    patient.fill("input[name=email]", "patient@example.org")
    patient.fill("input[name=password]", NEW_PASSWORD)
    click_and_wait(patient, "form.stack button[type=submit]")
    notice = patient.locator(".flash-warning")
    assert "tilbakestilt på klinikken" in notice.inner_text()
    view_as(patient, 320, 125)
    assert_fits(patient)
    phone.close()

    page.reload()  # the nurse's page now says the link is used
    assert page.locator("svg[role=img]").count() == 0
    check_every_size(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_invitation_hand_off_page(page, live_app, lang):
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto("/nurse/patients/new")
    page.fill("#full_name", "Kari Nordmann")
    page.fill("#email", f"kari.nordmann.{lang}@example.org")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator("#invitation-link").is_visible()
    assert page.locator("a[href^='mailto:']").is_visible()
    check_every_size(page)
    page.reload()  # shown once; a reload is a calm page, not a second account or an error
    assert page.locator("#invitation-link").count() == 0
    check_every_size(page)
