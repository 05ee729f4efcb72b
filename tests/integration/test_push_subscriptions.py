"""Subscribing a browser to Web Push, the devices page, and removing a device (issue 12): invalid or
foreign subscriptions are refused and stored nowhere; a user sees and removes only their own devices."""

from __future__ import annotations

import re

import pytest
from sqlmodel import select

from tests.integration.push_service import BrowserKeys
from webapp.models import OutboxMessage, OutboxStatus, PushSubscription, User
from webapp.notify import push

PRIVATE, PUBLIC = push.new_key_pair()
ANDROID_CHROME = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/131.0 Mobile Safari/537.36")


@pytest.fixture
def push_on(app):
    app.config.update(VAPID_PRIVATE_KEY=PRIVATE, VAPID_PUBLIC_KEY=PUBLIC)
    return app


def subscription_body(endpoint: str = "https://fcm.googleapis.com/fcm/send/abc123", keys: BrowserKeys | None = None):
    keys = keys or BrowserKeys()
    return {"endpoint": endpoint, "expirationTime": None, "keys": {"p256dh": keys.p256dh, "auth": keys.auth}}


def post_subscription(client, body, **headers):
    return client.post("/notifications/push/subscribe", json=body, headers={"User-Agent": ANDROID_CHROME, **headers})


def stored(db_session) -> list[PushSubscription]:
    db_session.expire_all()
    return list(db_session.exec(select(PushSubscription)).all())


def user_id(db_session, email: str) -> int:
    return db_session.exec(select(User.id).where(User.email == email)).one()


def test_a_valid_subscription_is_stored_once_and_updated_when_sent_again(push_on, client, auth, db_session):
    auth.login("patient")
    body = subscription_body()
    first = post_subscription(client, body)
    assert first.status_code == 200
    fresh_keys = subscription_body(keys=BrowserKeys())["keys"]
    again = post_subscription(client, {**body, "keys": fresh_keys})
    assert again.status_code == 200 and again.json["id"] == first.json["id"]
    [row] = stored(db_session)
    assert (row.user_id, row.endpoint, row.label) == (user_id(db_session, "patient@example.org"), body["endpoint"],
                                                      "Chrome/Android")
    assert (row.p256dh, row.auth) == (fresh_keys["p256dh"], fresh_keys["auth"])
    page = client.get("/notifications/devices").text
    assert "Chrome på Android" in page
    assert "Varsler er slått på for denne enheten." in page  # the message the script's reload shows


@pytest.mark.parametrize("body", [
    None,
    "endpoint",
    {"endpoint": "http://fcm.googleapis.com/x", "keys": subscription_body()["keys"]},
    {"endpoint": "https://192.168.1.10/x", "keys": subscription_body()["keys"]},
    {"endpoint": "https://fcm.googleapis.com/x", "keys": {"p256dh": "AAAA", "auth": "AAAA"}},
    {"endpoint": "https://fcm.googleapis.com/x", "keys": {**subscription_body()["keys"], "auth": "A" * 40}},
    {**subscription_body(), "admin": True},
])
def test_invalid_subscriptions_are_refused_and_stored_nowhere(push_on, client, auth, db_session, body):
    auth.login("patient")
    response = post_subscription(client, body)
    assert response.status_code == 400
    assert "error" in response.json
    assert stored(db_session) == []


def test_a_body_that_is_not_json_or_too_large_is_refused(push_on, client, auth, db_session):
    auth.login("patient")
    assert client.post("/notifications/push/subscribe", data="endpoint=https://x.example",
                       content_type="application/x-www-form-urlencoded").status_code == 400
    huge = subscription_body()
    huge["endpoint"] = "https://fcm.googleapis.com/" + "a" * 5000
    assert post_subscription(client, huge).status_code == 400
    assert stored(db_session) == []


def test_another_accounts_browser_is_refused_and_stays_theirs(push_on, app, db_session):
    body = subscription_body()
    first, second = app.test_client(), app.test_client()
    first.post("/auth/login", data={"email": "patient@example.org", "password": "patient-demo-2026"})
    second.post("/auth/login", data={"email": "patient2@example.org", "password": "patient-demo-2026"})
    assert post_subscription(first, body).status_code == 200
    taken = post_subscription(second, {**body, "keys": subscription_body()["keys"]})
    assert (taken.status_code, taken.json["code"]) == (400, "other_account")
    [row] = stored(db_session)
    assert row.user_id == user_id(db_session, "patient@example.org")
    assert row.p256dh == body["keys"]["p256dh"]


def test_subscribing_needs_the_csrf_token_in_the_header(push_on, app, db_session):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    login_page = client.get("/auth/login").text
    token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', login_page).group(1)
    client.post("/auth/login", data={"email": "patient@example.org", "password": "patient-demo-2026",
                                     "csrf_token": token})
    page = client.get("/notifications/devices").text
    page_token = re.search(r'data-csrf="([^"]+)"', page).group(1)

    assert post_subscription(client, subscription_body()).status_code == 400
    assert post_subscription(client, subscription_body(), **{"X-CSRFToken": "forged"}).status_code == 400
    assert stored(db_session) == []
    assert post_subscription(client, subscription_body(), **{"X-CSRFToken": page_token}).status_code == 200
    assert len(stored(db_session)) == 1


def test_signed_out_visitors_can_neither_subscribe_nor_see_devices(push_on, client, db_session):
    assert post_subscription(client, subscription_body()).status_code == 302
    assert client.get("/notifications/devices").status_code == 302
    assert stored(db_session) == []


def test_without_vapid_keys_the_page_says_so_and_nothing_is_stored(client, auth, db_session):
    auth.login("patient")
    page = client.get("/notifications/devices").text
    assert "ikke satt opp" in page and "push.js" not in page and "data-key" not in page
    assert post_subscription(client, subscription_body()).status_code == 400
    assert stored(db_session) == []


def add_device(db_session, email: str, endpoint: str, label: str = "Firefox/Android") -> PushSubscription:
    keys = BrowserKeys()
    device = PushSubscription(user_id=user_id(db_session, email), endpoint=endpoint, p256dh=keys.p256dh,
                              auth=keys.auth, label=label)
    db_session.add(device)
    db_session.commit()
    return device


def test_a_user_sees_only_their_own_devices_with_the_key_for_the_script(push_on, client, auth, db_session):
    add_device(db_session, "patient@example.org", "https://push.example.org/mine", "Firefox/Android")
    add_device(db_session, "patient2@example.org", "https://push.example.org/theirs", "Safari/iPhone")
    auth.login("patient")
    page = client.get("/notifications/devices").text
    assert "Firefox på Android" in page
    assert "Safari" not in page and "push.example.org" not in page  # another's device; endpoints never shown
    assert f'data-key="{PUBLIC}"' in page
    assert '<script src="/static/js/push.js" defer></script>' in page
    assert "må JavaScript være slått på" in page  # for a browser without it


def test_a_nurse_may_subscribe_too(push_on, client, auth, db_session):
    auth.login("nurse")
    assert client.get("/notifications/devices").status_code == 200
    assert post_subscription(client, subscription_body()).status_code == 200
    assert stored(db_session)[0].user_id == user_id(db_session, "nurse@example.org")


def test_removing_a_device_cancels_its_waiting_messages(push_on, client, auth, db_session):
    device = add_device(db_session, "patient@example.org", "https://push.example.org/mine")
    device_id = device.id
    waiting = OutboxMessage(key="r:1:push", channel="push", kind="dose_evening", title="NataHjem",
                            user_id=device.user_id, subscription_id=device_id)
    db_session.add(waiting)
    db_session.commit()
    auth.login("patient")
    response = client.post(f"/notifications/devices/{device_id}/remove", follow_redirects=True)
    assert "Enheten er fjernet" in response.text
    assert stored(db_session) == []
    db_session.refresh(waiting)
    assert (waiting.status, waiting.subscription_id) == (OutboxStatus.CANCELLED, None)
    # a second tap on the same button changes nothing and is no error page
    again = client.post(f"/notifications/devices/{device_id}/remove", follow_redirects=True)
    assert again.status_code == 200 and "står ikke på listen" in again.text


def test_another_users_device_cannot_be_removed(push_on, client, auth, db_session):
    theirs = add_device(db_session, "patient2@example.org", "https://push.example.org/theirs")
    auth.login("patient")
    response = client.post(f"/notifications/devices/{theirs.id}/remove", follow_redirects=True)
    assert "står ikke på listen" in response.text
    assert [row.id for row in stored(db_session)] == [theirs.id]


def test_the_service_worker_is_served_from_the_root_for_the_whole_app(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Service-Worker-Allowed"] == "/"
    assert response.headers["Cache-Control"] == "no-cache"
    assert "worker-src 'self'" in response.headers["Content-Security-Policy"]
    assert "addEventListener(\"push\"" in response.text
    assert "natahjem_session" not in response.headers.get("Set-Cookie", "")
    # revalidated, not fetched again, while it has not changed
    assert client.get("/sw.js", headers={"If-None-Match": response.headers["ETag"]}).status_code == 304
