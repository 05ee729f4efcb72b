"""Second factor in Chromium (security finding 2): a passkey made and used with Chromium's virtual
authenticator, and the security, code-app and second-step pages at 320 and 360 px, axe-clean in both
languages.

WebAuthn wants a domain name as relying party, never an IP address, so the passkey test opens the same
server as http://localhost:<port> (a secure context, like 127.0.0.1)."""

from __future__ import annotations

from datetime import UTC, datetime

import pyotp
import pytest
from sqlmodel import Session, select

from tests.conftest import DEMO
from webapp.models import AuditEvent, TotpSecret, User, WebAuthnCredential

from .conftest import (
    CHROMIUM,  # noqa: F401  (the browser fixture checks it)
    PHONE,
    assert_accessible,
    assert_fits_every_phone,
    click_and_wait,
    sign_in,
    switch_language,
)

AUTHENTICATOR = {"protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
                 "hasUserVerification": True, "isUserVerified": True}


def check_every_size(page) -> None:
    assert_fits_every_phone(page)
    assert_accessible(page)


@pytest.fixture
def localhost_page(browser, base_url):
    context = browser.new_context(viewport=PHONE, base_url=base_url.replace("127.0.0.1", "localhost"),
                                  locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(15_000)
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR})
    yield page
    context.close()


def nurse_passkeys(live_app) -> list[WebAuthnCredential]:
    with Session(live_app.extensions["db_engine"]) as session:
        nurse = session.exec(select(User).where(User.email == DEMO["nurse"][0])).one()
        return list(session.exec(select(WebAuthnCredential).where(WebAuthnCredential.user_id == nurse.id)))


def test_a_nurse_adds_a_passkey_and_signs_in_with_it(localhost_page, live_app):
    page = localhost_page
    sign_in(page, "nurse")
    page.goto("/account/security")
    assert page.locator("#passkey-nojs").is_hidden()
    check_every_size(page)
    page.fill("input[name=name]", "Jobb-PC")
    click_and_wait(page, "#passkey-add")
    assert page.locator("ul.recovery-codes li").count() == 10  # the first factor brings ten recovery codes
    check_every_size(page)
    [passkey] = nurse_passkeys(live_app)
    assert passkey.name == "Jobb-PC" and passkey.last_used_at is None
    with Session(live_app.extensions["db_engine"]) as session:
        events = {e.action for e in session.exec(select(AuditEvent).where(AuditEvent.target == f"account:{passkey.user_id}"))}
    assert {"passkey_add", "recovery_codes_new"} <= events

    click_and_wait(page, "form[action='/auth/logout'] button")
    sign_in(page, "nurse")
    assert page.url.endswith("/auth/second-factor")
    check_every_size(page)
    click_and_wait(page, "#passkey-use")
    assert page.url.endswith("/nurse/")
    [passkey] = nurse_passkeys(live_app)
    assert passkey.last_used_at is not None
    page.goto("/account/security")
    assert "Jobb-PC" in page.locator("ul.device-list").inner_text()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_code_app_pages_fit_a_phone_in_both_languages(page, live_app, lang):
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    page.goto("/account/security")
    check_every_size(page)
    click_and_wait(page, "a[href='/account/security/code-app']")
    assert page.locator("svg.qr").count() == 1
    check_every_size(page)
    with Session(live_app.extensions["db_engine"]) as session:
        secret = session.exec(select(TotpSecret)).one().secret
    page.fill("input[name=code]", pyotp.TOTP(secret).at(datetime.now(UTC)))
    click_and_wait(page, "form.stack button[type=submit]")
    assert page.locator("ul.recovery-codes li").count() == 10
    check_every_size(page)

    click_and_wait(page, "form[action='/auth/logout'] button")
    sign_in(page, "nurse")
    assert page.url.endswith("/auth/second-factor")
    assert page.locator("#passkey-use").count() == 0  # no passkey: the code and the recovery code only
    page.click("summary")  # the recovery code's part opened, to be checked too
    check_every_size(page)
    assert page.locator("input[name=totp-code]").is_visible()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_admins_nurse_accounts_page_fits_a_phone(page, lang):
    sign_in(page, "nurse")
    if lang == "en":
        switch_language(page)
    click_and_wait(page, "footer a[href='/nurse/staff']")
    assert page.locator("li.device").count() == 1  # Nina alone: Nils is at the other clinic
    check_every_size(page)


@pytest.fixture
def second_factor_required(live_app):
    live_app.config["NURSE_SECOND_FACTOR_REQUIRED"] = True  # as in production
    yield
    live_app.config["NURSE_SECOND_FACTOR_REQUIRED"] = False


def test_a_nurse_without_a_second_factor_reaches_no_patient_data_until_she_adds_one(page, live_app,
                                                                                   second_factor_required):
    # Issue 14: "a nurse without a second factor cannot reach patient data in production mode".
    sign_in(page, "nurse")
    assert page.url.endswith("/account/security")
    with Session(live_app.extensions["db_engine"]) as session:
        patient = session.exec(select(User).where(User.email == DEMO["patient"][0])).one()
        patient_id = patient.patient.id
        name = patient.full_name
    for path in ("/nurse/", "/nurse/queue", f"/nurse/patients/{patient_id}", f"/nurse/patients/{patient_id}/timeline",
                 "/nurse/messages"):
        page.goto(path)
        assert page.url.endswith("/account/security"), path
        assert name not in page.content(), path
    check_every_size(page)
    click_and_wait(page, "a[href='/account/security/code-app']")
    with Session(live_app.extensions["db_engine"]) as session:
        secret = session.exec(select(TotpSecret)).one().secret
    page.fill("input[name=code]", pyotp.TOTP(secret).at(datetime.now(UTC)))
    click_and_wait(page, "form.stack button[type=submit]")
    page.goto(f"/nurse/patients/{patient_id}")
    assert page.url.endswith(f"/nurse/patients/{patient_id}") and name in page.content()
