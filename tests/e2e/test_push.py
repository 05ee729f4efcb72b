"""Web Push in Chromium (issue 12, "What it must show"): the service worker registers under the strict
CSP, a push delivered through the DevTools protocol shows a notification, and a tap opens its page.

Headless Chromium cannot subscribe at a real push service (no network) and cannot tap a notification.
So the push is delivered with `ServiceWorker.deliverPushMessage`, which fires the worker's real `push`
event, and the tap is the worker's own `openPage` (the whole of its `notificationclick` handler after
closing the notification) run inside the worker with the URL of the notification that was shown."""

from __future__ import annotations

import base64
import json
import time

import pytest
from sqlmodel import Session, select

from tests.integration.push_service import BrowserKeys
from webapp.models import PushSubscription, User
from webapp.notify import push

from .conftest import PHONE, assert_accessible, click_and_wait, sign_in, switch_language

PRIVATE, PUBLIC = push.new_key_pair()
TEXT = {
    "nb": {"title": "Varsler på enhetene dine", "button": "Slå på varsler på denne telefonen",
           "nojs": "må JavaScript være slått på", "device": "Chrome på Android", "removed": "Enheten er fjernet."},
    "en": {"title": "Notifications on your devices", "button": "Turn on notifications on this phone",
           "nojs": "JavaScript must be on", "device": "Chrome on Android", "removed": "The device is removed."},
}


@pytest.fixture
def push_on(live_app):
    live_app.config.update(VAPID_PRIVATE_KEY=PRIVATE, VAPID_PUBLIC_KEY=PUBLIC)
    yield live_app
    live_app.config.update(VAPID_PRIVATE_KEY="", VAPID_PUBLIC_KEY="")


def wait_for(condition, what: str, deadline: float = 60.0):
    """The condition's first true value; fails after a generous deadline (never a fixed sleep)."""
    end = time.monotonic() + deadline
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def push_page(browser, base_url, push_on):
    context = browser.new_context(viewport=PHONE, base_url=base_url, locale="nb-NO")
    context.grant_permissions(["notifications"], origin=base_url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.problems = problems
    yield page
    context.close()


def test_the_service_worker_shows_a_push_and_a_tap_opens_its_page(push_page, base_url):
    page = push_page
    sign_in(page, "patient")
    cdp = page.context.new_cdp_session(page)
    registrations: dict[str, str] = {}
    cdp.on("ServiceWorker.workerRegistrationUpdated",
           lambda event: registrations.update({r["scopeURL"]: r["registrationId"] for r in event["registrations"]
                                               if not r.get("isDeleted")}))
    cdp.send("ServiceWorker.enable")

    page.goto("/notifications/devices")
    assert page.locator("#push-enable").is_visible()
    assert not page.locator("#push-nojs").is_visible()
    # registered and running, under the page's CSP, with the whole app as its scope
    assert page.evaluate("navigator.serviceWorker.ready.then(r => [r.scope, r.active.state])") == [
        f"{base_url}/", "activated"]
    registration_id = wait_for(lambda: registrations.get(f"{base_url}/"), "the registration id")
    assert [p for p in page.problems if "Content Security Policy" in p or "Refused" in p] == []

    message = {"title": "NataHjem", "body": "Du har en påminnelse.", "url": "/injections/history",
               "tag": "reminder:1:push:1", "lang": "nb"}
    cdp.send("ServiceWorker.deliverPushMessage",
             {"origin": base_url, "registrationId": registration_id, "data": json.dumps(message)})
    shown = wait_for(lambda: page.evaluate(
        """navigator.serviceWorker.ready.then(r => r.getNotifications()).then(list => list.map(n =>
             ({title: n.title, body: n.body, tag: n.tag, url: n.data.url, icon: n.icon})))"""), "the notification")
    assert shown == [{"title": "NataHjem", "body": "Du har en påminnelse.", "tag": "reminder:1:push:1",
                      "url": "/injections/history", "icon": f"{base_url}/static/icons/icon-192.png"}]

    # the same message again (a resend after a crash) replaces the notification: still one
    cdp.send("ServiceWorker.deliverPushMessage",
             {"origin": base_url, "registrationId": registration_id, "data": json.dumps(message)})
    # a message pointing at another site is shown, but its tap stays on NataHjem
    cdp.send("ServiceWorker.deliverPushMessage",
             {"origin": base_url, "registrationId": registration_id,
              "data": json.dumps({**message, "tag": "other", "url": "https://evil.example/phish"})})
    urls = wait_for(lambda: (lambda found: found if len(found) == 2 else None)(page.evaluate(
        "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(l => l.map(n => n.data.url))")),
        "two notifications")
    assert sorted(urls) == ["/", "/injections/history"]

    # the tap: the worker's handler, with the shown notification's URL, moves the open window there
    [worker] = page.context.service_workers
    worker.evaluate("""self.registration.getNotifications({tag: "reminder:1:push:1"})
                         .then(list => openPage(list[0].data.url)).then(() => true)""")
    page.wait_for_url(f"{base_url}/injections/history")
    assert [p for p in page.problems if "Content Security Policy" in p] == []


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_devices_page_is_accessible_in_both_languages_and_a_device_can_be_removed(push_page, push_on, lang):
    with Session(push_on.extensions["db_engine"]) as session:
        user = session.exec(select(User).where(User.email == "patient@example.org")).one()
        keys = BrowserKeys()
        session.add(PushSubscription(user_id=user.id, endpoint="https://push.example.org/a", p256dh=keys.p256dh,
                                     auth=keys.auth, label="Chrome/Android"))
        session.commit()
    page = push_page
    sign_in(page, "patient")
    if lang == "en":
        switch_language(page)
    page.goto("/notifications/devices")
    assert page.locator("h1").inner_text() == TEXT[lang]["title"]
    assert page.locator("#push-enable").inner_text() == TEXT[lang]["button"]
    assert TEXT[lang]["device"] in page.locator(".device-list").inner_text()
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    click_and_wait(page, ".device-list button")
    assert TEXT[lang]["removed"] in page.locator(".flashes").inner_text()
    assert page.locator(".device-list").count() == 0
    page.set_viewport_size(PHONE)
    assert_accessible(page)


def fake_push_manager(page, keys: BrowserKeys, endpoint: str = "https://fcm.googleapis.com/fcm/send/e2e-device"):
    body = {"endpoint": endpoint, "expirationTime": None, "keys": {"p256dh": keys.p256dh, "auth": keys.auth}}
    page.add_init_script(f"""
        PushManager.prototype.getSubscription = async () => null;
        PushManager.prototype.subscribe = async (options) => {{
          const key = Array.from(new Uint8Array(options.applicationServerKey));
          sessionStorage.setItem("pushOptions", JSON.stringify({{userVisibleOnly: options.userVisibleOnly, key}}));
          return {{toJSON: () => ({json.dumps(body)})}};
        }};""")
    return body


def test_the_button_subscribes_this_browser_and_the_list_shows_it(push_page, push_on):
    """Headless Chromium reaches no push service, so the browser's `pushManager.subscribe` answers with
    keys made here (an init script, outside the page's CSP); the rest is push.js: permission, the POST with
    the CSRF token in its header, and the reload that lists the device."""
    keys = BrowserKeys()
    body = fake_push_manager(push_page, keys)
    page = push_page
    sign_in(page, "patient")
    page.goto("/notifications/devices")
    with page.expect_navigation():
        page.click("#push-enable")
    assert "Varsler er slått på for denne enheten." in page.locator(".flashes").inner_text()
    assert "Chrome på Linux" in page.locator(".device-list").inner_text()  # HeadlessChrome on Linux
    # subscribed for visible notifications only, with our VAPID public key decoded to its 65 bytes
    options = json.loads(page.evaluate("sessionStorage.getItem('pushOptions')"))
    assert options == {"userVisibleOnly": True, "key": list(base64.urlsafe_b64decode(PUBLIC + "="))}
    with Session(push_on.extensions["db_engine"]) as session:
        [stored] = session.exec(select(PushSubscription)).all()
        assert (stored.endpoint, stored.p256dh, stored.auth) == (body["endpoint"], keys.p256dh, keys.auth)
    assert page.problems == []


def status_after_tap(page) -> str:
    page.click("#push-enable")
    return wait_for(lambda: (lambda text: text if text not in ("", "Slår på varsler …") else None)(
        page.locator("#push-status").inner_text()), "the status after the tap")


def test_a_browser_that_gets_another_accounts_notifications_says_where_to_remove_it(push_page, push_on):
    keys = BrowserKeys()
    body = fake_push_manager(push_page, keys)
    with Session(push_on.extensions["db_engine"]) as session:
        other_id = session.exec(select(User.id).where(User.email == "patient2@example.org")).one()
        session.add(PushSubscription(user_id=other_id, endpoint=body["endpoint"], p256dh=keys.p256dh, auth=keys.auth))
        session.commit()
    sign_in(push_page, "patient")
    push_page.goto("/notifications/devices")
    assert "en annen NataHjem-konto" in status_after_tap(push_page)
    with Session(push_on.extensions["db_engine"]) as session:
        assert [row.user_id for row in session.exec(select(PushSubscription)).all()] == [other_id]


def test_a_browser_that_blocks_notifications_is_told_where_to_allow_them(browser, base_url, push_on):
    context = browser.new_context(viewport=PHONE, base_url=base_url, locale="nb-NO")  # no permission given
    page = context.new_page()
    try:
        sign_in(page, "patient")
        page.goto("/notifications/devices")
        assert "blokkert i denne nettleseren" in status_after_tap(page)
        assert page.locator("#push-enable").is_enabled()  # may be tapped again after changing the setting
    finally:
        context.close()


def test_a_push_service_that_cannot_be_reached_says_try_again_and_stores_nothing(push_page, push_on):
    sign_in(push_page, "patient")
    push_page.goto("/notifications/devices")
    assert status_after_tap(push_page) == "Varsler kunne ikke slås på. Prøv igjen senere."
    with Session(push_on.extensions["db_engine"]) as session:
        assert session.exec(select(PushSubscription)).all() == []


def test_without_javascript_the_page_says_push_needs_it(browser, base_url, push_on):
    context = browser.new_context(viewport=PHONE, base_url=base_url, locale="nb-NO", java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, "patient")
        page.goto("/notifications/devices")
        assert TEXT["nb"]["nojs"] in page.locator("#push-nojs").inner_text()
        assert not page.locator("#push-enable").is_visible()
    finally:
        context.close()
