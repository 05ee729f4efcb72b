"""Phone numbers, the clinic's settings and pickup corrections in a phone's browser (issue 13 part 1):
the start page's call button, the patient's phone page, the clinic settings page and the pickup
correction, at 320 and 360 px and with 125 % text, axe-clean in both languages."""

from __future__ import annotations

import pytest

from .conftest import assert_accessible, assert_fits, assert_fits_every_phone, click_and_wait, sign_in, switch_language, view_as


def check_page(page, path: str) -> None:
    page.goto(path)
    assert_accessible(page)
    assert_fits_every_phone(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_patients_call_button_and_phone_page_fit_a_phone(page, lang):
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    page.goto("/")
    button = page.locator("a.call-clinic-button")
    assert button.get_attribute("href") == "tel:+4722000000"
    assert button.bounding_box()["height"] >= 44
    hours = page.locator(".call-clinic-hours").inner_text()
    assert hours.startswith(("Åpent i dag", "Stengt i dag")) if lang == "nb" else hours.startswith(("Open today",
                                                                                                    "Closed today"))
    check_page(page, "/")
    check_page(page, "/phone")
    # a landline is refused next to the field, the typed text kept, and the page still fits
    page.fill("#phone", "22 00 00 00")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator("#phone-error").is_visible()
    assert page.locator("#phone").input_value() == "22 00 00 00"
    assert_accessible(page)
    view_as(page, 320, 125)
    assert_fits(page)
    page.fill("#phone", "+46 70 123 45 67")
    click_and_wait(page, "form.stack button[type=submit]")
    assert "+46\u00a070\u00a0123\u00a045\u00a067" in page.locator("main").inner_text()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_clinic_settings_page_fits_a_phone(page, lang):
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    check_page(page, "/nurse/clinic")
    page.fill("#opens_at", "16:00")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator("#closes_at-error").is_visible()
    assert_accessible(page)
    view_as(page, 320, 125)
    assert_fits(page)
    page.fill("#opens_at", "07:45")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator(".flash-success").is_visible()
    check_page(page, "/nurse/patients/1/phone")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_patient_corrects_a_pickup_on_a_phone(page, lang):
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    check_page(page, "/pharmacy/")
    click_and_wait(page, "a.row-actions >> nth=0")
    assert "/edit" in page.url
    check_page(page, page.url)
    page.fill("#syringes", "5")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator("#confirm_unusual-error").is_visible()  # an odd count is asked about first
    assert page.locator("#syringes").input_value() == "5"
    assert_accessible(page)
    view_as(page, 320, 125)
    assert_fits(page)
    page.check("#confirm_unusual")
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.url.endswith("/pharmacy/") and page.locator(".flash-success").is_visible()
    click_and_wait(page, "a.row-actions >> nth=0")
    click_and_wait(page, "a[href$='/withdraw']")
    check_page(page, page.url)
    click_and_wait(page, "main form button[type=submit]")
    assert page.url.endswith("/pharmacy/") and page.locator(".flash-success").is_visible()
