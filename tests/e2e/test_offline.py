"""NataHjem with no network in Chromium (issue 16 part 2, "What it must show"): a dose logged offline waits
on the phone and is stored once when the network is back; the emergency page (113 and the clinic) opens
offline; a refused dose is shown with the server's reason; the symptom form says to call instead; the
kept pages go at sign-out; the manifest passes Chromium's installability check; JavaScript off still works.

The network is cut with `context.set_offline(True)`. Every wait is for a condition, with a generous deadline."""

from __future__ import annotations

import pytest
from playwright.sync_api import Error as PlaywrightError
from sqlmodel import Session, select

from webapp.models import Injection, User

from .conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    assert_accessible,
    assert_fits_every_phone,
    click_and_wait,
    sign_in,
    switch_language,
)
from .test_push import wait_for

CLINIC_TEL = 'a[href="tel:+4722000000"]'
KEPT_PAGES = """async () => {
  const names = (await caches.keys()).filter(name => name.startsWith("natahjem-pages-"));
  if (names.length !== 1) return null;
  const cache = await caches.open(names[0]);
  const kept = (await cache.keys()).map(request => new URL(request.url).pathname);
  return kept.includes("/__natahjem-kept-at") ? kept : null;
}"""
WAITING = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("natahjem-offline", 1);
  open.onupgradeneeded = () => open.result.createObjectStore("doses", {keyPath: "client_id"});
  open.onsuccess = () => {
    const request = open.result.transaction("doses").objectStore("doses").getAll();
    request.onsuccess = () => { open.result.close(); resolve(request.result); };
    request.onerror = () => reject(request.error);
  };
})"""
PUT_BACK = """entry => new Promise(resolve => {
  const open = indexedDB.open("natahjem-offline", 1);
  open.onsuccess = () => {
    const tx = open.result.transaction("doses", "readwrite");
    tx.objectStore("doses").put(entry);
    tx.oncomplete = () => { open.result.close(); resolve(true); };
  };
})"""


@pytest.fixture
def offline_page(browser, base_url):
    context = browser.new_context(viewport=PHONE, base_url=base_url, locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(20_000)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: problems.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    page.problems = problems
    yield page
    context.close()


def signed_in_with_pages_kept(page, who: str = "patient", lang: str = "nb") -> list[str]:
    """Sign in and wait until the worker controls the page and has kept this patient's pages; then switch
    to `lang`. Returns the pages kept in Norwegian."""
    sign_in(page, who)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # the first page was loaded before the worker took charge; this one is controlled
    wait_for(lambda: page.evaluate("!!navigator.serviceWorker.controller"), "the worker in charge")
    kept = wait_for(lambda: page.evaluate(KEPT_PAGES), "the kept pages", deadline=90)
    if lang == "en":
        switch_language(page)
    return kept


def doses_of(app, email: str = "patient@example.org") -> list[Injection]:
    with Session(app.extensions["db_engine"]) as session:
        user = session.exec(select(User).where(User.email == email)).one()
        return list(session.exec(select(Injection).where(Injection.patient_id == user.patient.id)).all())


def save_offline(page, day: str | None = None, reaction: str | None = None) -> None:
    page.context.set_offline(True)
    page.goto("/injections/check")  # the network fails: the worker answers with the offline dose form
    assert page.locator("h1").inner_text() == "Registrer dosen uten nettforbindelse"
    assert page.locator("#offline-banner").is_visible()
    if day:
        page.fill("#day", day)
    if reaction:
        page.check(f"input[name=reaction][value={reaction}]")
    page.click("#offline-dose button[type=submit]")
    page.locator("#offline-queue").wait_for(state="visible")


def test_a_dose_logged_offline_waits_on_the_phone_and_is_stored_once_when_the_network_is_back(offline_page, live_app):
    page = offline_page
    kept = signed_in_with_pages_kept(page)
    assert {"/emergency", "/injections/offline", "/symptoms/new", "/learn/"} <= set(kept)
    # every page the start page names, each article included (the worker follows no redirect)
    assert set(page.locator("#offline-device").get_attribute("data-pages").split()) <= set(kept)
    assert "/" not in kept and "/injections/" not in kept  # no page with her record
    before = doses_of(live_app)

    save_offline(page)
    assert page.locator("#offline-queue-count").inner_text() == (
        "1 dose venter på denne telefonen på å bli sendt. Klinikken kan ikke se den ennå.")
    [entry] = page.evaluate(WAITING)
    assert entry["status"] == "waiting" and entry["yes"] == []
    assert len(doses_of(live_app)) == len(before)  # nothing has reached the clinic

    page.context.set_offline(False)  # the browser says "online": offline.js sends the check, then the dose
    wait_for(lambda: len(doses_of(live_app)) == len(before) + 1, "the dose stored", deadline=90)
    wait_for(lambda: page.evaluate(WAITING) == [], "the phone's copy dropped")
    page.wait_for_function("document.getElementById('offline-queue-count').textContent.startsWith('Sendt.')")
    stored = [dose for dose in doses_of(live_app) if dose.client_id == entry["client_id"]]
    assert len(stored) == 1 and stored[0].syringes == 2
    assert stored[0].checklist and not any(stored[0].checklist.values())  # the safety check came first

    # The answer was lost and the phone sends the same entry again: the server knows the client id, the
    # entry is dropped without a word, and the dose is still stored once.
    page.evaluate(PUT_BACK, entry)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_for(lambda: page.evaluate(WAITING) == [], "the repeated entry dropped")
    assert len([d for d in doses_of(live_app) if d.client_id == entry["client_id"]]) == 1
    assert page.locator("#offline-queue-refused li").count() == 0
    assert page.problems == []


def test_a_dose_with_a_reaction_sent_later_asks_for_the_reaction_questions(offline_page, live_app):
    page = offline_page
    signed_in_with_pages_kept(page)
    save_offline(page, reaction="yes")
    page.context.set_offline(False)
    link = page.locator("#offline-queue-refused a.button-primary")
    link.wait_for(timeout=90_000)  # stored, and online the dose form would go on to the reaction questions
    assert "Svar nå på noen spørsmål om reaksjonen" in page.locator("#offline-queue").inner_text()
    [entry] = page.evaluate(WAITING)
    [stored] = [dose for dose in doses_of(live_app) if dose.client_id == entry["client_id"]]
    assert stored.reaction
    click_and_wait(page, "#offline-queue-refused a.button-primary")
    assert page.url.endswith(f"/symptoms/new?context=reaction&injection={stored.id}")
    assert page.evaluate(WAITING) == []


def test_the_emergency_page_opens_offline_with_113_and_the_clinic_and_goes_at_sign_out(offline_page):
    page = offline_page
    signed_in_with_pages_kept(page)
    page.context.set_offline(True)
    page.goto("/emergency")
    assert page.locator("h1").inner_text() == "Akutt hjelp"
    assert page.locator('a[href="tel:113"]').first.is_visible()
    assert page.locator(CLINIC_TEL).is_visible()
    assert page.locator('a[href="tel:116117"]').last.is_visible()
    assert page.locator("#offline-banner").is_visible()
    assert_fits_every_phone(page)
    assert_accessible(page)
    page.goto("/injections/")  # a page with her record is never kept: whom to call instead
    assert page.locator("h1").inner_text() == "Akutt hjelp"

    page.context.set_offline(False)
    page.goto("/")
    click_and_wait(page, "form[data-sign-out] button")
    wait_for(lambda: page.evaluate(
        "caches.keys().then(n => n.filter(x => x.startsWith('natahjem-pages-')).length === 0)"), "the pages dropped")
    page.context.set_offline(True)
    with pytest.raises(PlaywrightError):  # nothing of hers is left to show the next person on this phone
        page.goto("/emergency")


def test_a_dose_the_server_refuses_is_shown_with_its_reason_on_the_start_page_in_both_languages(offline_page, live_app):
    page = offline_page
    signed_in_with_pages_kept(page)
    before = doses_of(live_app)
    save_offline(page, day="2020-01-01")  # older than two years: the clinic records those
    page.context.set_offline(False)
    page.locator("#offline-queue-refused li").wait_for(timeout=90_000)
    assert "Det er for langt tilbake." in page.locator("#offline-queue-refused").inner_text()
    assert len(doses_of(live_app)) == len(before)

    page.goto("/")
    refused = page.locator("#offline-queue-refused li")
    refused.wait_for()
    assert "Dose 1. januar 2020 kl. " in refused.inner_text() and "Ikke lagret av NataHjem:" in refused.inner_text()
    assert_fits_every_phone(page)
    assert_accessible(page)
    switch_language(page)
    refused.wait_for()
    assert "Dose of 1 January 2020 at " in refused.inner_text() and "Not saved by NataHjem:" in refused.inner_text()
    assert_fits_every_phone(page)
    assert_accessible(page)
    refused.locator("button").click()  # "Remove from this phone"
    page.locator("#offline-queue").wait_for(state="hidden")
    assert page.evaluate(WAITING) == []


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_start_page_says_how_many_doses_wait(offline_page, lang):
    page = offline_page
    signed_in_with_pages_kept(page, lang=lang)
    owner = page.locator("#offline-device").get_attribute("data-owner")
    # Two doses kept earlier; the safety check cannot be reached now, so they keep waiting.
    page.route("**/injections/check*", lambda route: route.abort())
    for n in (1, 2):
        page.evaluate(PUT_BACK, {"client_id": f"00000000-0000-4000-8000-00000000000{n}", "owner": owner,
                                 "kept_at": n, "fields": {"day": "2026-12-01", "time": "10:00"}, "yes": [],
                                 "status": "waiting", "reason": ""})
    page.goto("/")
    page.locator("#offline-queue").wait_for(state="visible")
    text = {"nb": "2 doser venter på denne telefonen på å bli sendt. Klinikken kan ikke se dem ennå.",
            "en": "2 doses are waiting on this phone to be sent. Your clinic cannot see them yet."}[lang]
    assert page.locator("#offline-queue-count").inner_text() == text
    assert_fits_every_phone(page)
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_with_no_network_the_symptom_form_says_to_call_instead_and_sends_nothing(offline_page, lang):
    page = offline_page
    signed_in_with_pages_kept(page, lang=lang)
    page.goto("/symptoms/new?step=more")
    notice = page.locator("#symptom-offline")
    assert not notice.is_visible()
    page.context.set_offline(True)
    notice.wait_for(state="visible")
    assert {"nb": "Ingen nettforbindelse: ring i stedet", "en": "No connection: call instead"}[lang] in notice.inner_text()
    assert notice.locator('a[href="tel:113"]').is_visible() and notice.locator(CLINIC_TEL).is_visible()
    assert page.locator("main form button[type=submit]").first.is_disabled()
    assert_fits_every_phone(page)
    assert_accessible(page)
    page.goto("/symptoms/new")  # kept: offline the first screen says the same
    page.locator("#symptom-offline").wait_for(state="visible")
    page.context.set_offline(False)
    page.locator("#symptom-offline").wait_for(state="hidden")


def test_the_manifest_passes_chromiums_installability_check(browser, base_url, tmp_path):
    # A profile on disk: Chromium never offers to install from an incognito-like context (Playwright's
    # usual one answers "in-incognito" and nothing else); here every check must pass.
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
        viewport=PHONE, base_url=base_url, locale="nb-NO")
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(20_000)
        signed_in_with_pages_kept(page)
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["errors"] == [] and manifest["url"].endswith("/static/manifest.webmanifest")
    finally:
        context.close()


def test_with_javascript_off_the_offline_form_is_the_safety_check_and_nothing_waits(browser, base_url):
    context = browser.new_context(viewport=PHONE, base_url=base_url, locale="nb-NO", java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, "patient")
        assert not page.locator("#offline-queue").is_visible()
        page.goto("/injections/offline")
        assert not page.locator("#day").is_visible()  # the dose is typed on the next page
        click_and_wait(page, "#offline-dose button[type=submit]")
        assert page.locator("h1").inner_text() == "Registrer dosen"
        page.goto("/symptoms/new?step=more")
        assert not page.locator("#symptom-offline").is_visible()
    finally:
        context.close()
