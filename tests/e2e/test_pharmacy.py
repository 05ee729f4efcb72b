"""The demo patient logs a pharmacy pickup and sees the supply and the order-by date change (issue 5)."""

from __future__ import annotations

import pytest

from .conftest import assert_accessible, open_more_menu, sign_in, switch_language

TEXT = {
    "nb": {"log": "Registrer en henting", "save": "Lagre hentingen", "yes": "Ja, rett i kjøleskapet",
           "before": "4 sprøyter (2 doser)", "after": "10 sprøyter (5 doser)", "saved": "Hentingen er lagret.",
           "menu": "Apotek", "renew": "Be klinikken din fornye den nå", "required": "Svar på hvordan sprøytene ble oppbevart."},
    "en": {"log": "Log a pickup", "save": "Save the pickup", "yes": "Yes, straight into the fridge",
           "before": "4 syringes (2 doses)", "after": "10 syringes (5 doses)", "saved": "The pickup is saved.",
           "menu": "Pharmacy", "renew": "Ask your clinic to renew it now", "required": "Answer how the syringes were kept."},
}


def supply_text(page) -> str:
    return page.locator("#supply-heading + .facts dd").first.inner_text()


def order_by(page) -> str:
    return page.locator("dd.order-by").inner_text()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_patient_logs_a_pickup_and_sees_supply_and_order_by_change(page, lang):
    text = TEXT[lang]
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    # the start card: supply, order-by date and the H-resept renewal, with what to do
    assert supply_text(page) == text["before"]
    order_by_before = order_by(page)
    assert text["renew"] in page.locator(".advice-list").inner_text()
    assert_accessible(page)

    page.click(f"text={text['log']}")
    assert page.locator("input[name=pharmacy]").input_value() == "Apotek 1 Storgata"
    assert page.locator("input[name=syringes]").input_value() == "6"
    assert_accessible(page)
    # the fridge check must be answered: an error next to it, accessible too
    page.click(f"button:has-text('{text['save']}')")
    assert page.locator("#storage-error").inner_text() == text["required"]
    assert_accessible(page)

    page.check(f"label:has-text('{text['yes']}') input")
    page.click(f"button:has-text('{text['save']}')")
    assert page.url.endswith("/pharmacy/")
    assert text["saved"] in page.locator(".flashes").inner_text()
    assert supply_text(page) == text["after"]
    assert order_by(page) != order_by_before
    assert_accessible(page)

    page.goto("/")  # the start page too
    assert supply_text(page) == text["after"]
    assert order_by(page) != order_by_before


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_pharmacy_pages_are_accessible(page, lang):
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    open_more_menu(page)
    page.click(f"nav >> text={TEXT[lang]['menu']}")
    assert page.url.endswith("/pharmacy/")
    for path in ["/pharmacy/", "/pharmacy/prescriptions/new", "/pharmacy/storage-problem"]:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == lang
        assert_accessible(page)
    page.goto("/pharmacy/storage-problem")
    page.check("input[name=problem][value=frozen]")
    page.click("form.stack button[type=submit]")
    assert page.locator(".advice-urgent").first.is_visible()
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_nurse_sees_the_supply_section_and_prescription_form_accessibly(page, lang):
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto("/nurse/patients/1")
    assert page.locator("#supply-heading").is_visible()
    assert_accessible(page)
    for path in ["/nurse/patients/1/prescriptions/new", "/nurse/patients/1/order-lead-days"]:
        page.goto(path)
        assert_accessible(page)
    page.fill("#order_lead_days", "99")
    page.click("form.stack button[type=submit]")
    assert page.locator("#order_lead_days-error").is_visible()
    assert_accessible(page)
