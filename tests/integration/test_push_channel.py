"""The Web Push channel against a local stand-in for a push service (issue 12, "What it must show"): the
payload arrives encrypted for the subscription's keys, decrypts to the text in the recipient's language,
and the service's answers become the failures the worker acts on."""

from __future__ import annotations

import socket
import time

import pytest
from flask_babel import gettext as _
from py_vapid.jwt import decode as jwt_decode
from sqlmodel import select

from tests.integration.push_service import BrowserKeys, PushService
from webapp.models import OutboxMessage, OutboxStatus, PushSubscription, User
from webapp.notify import notify_user, push, texts
from webapp.notify.channels import CHANNELS, PermanentFailure, SubscriptionGone, TemporaryFailure

PRIVATE, PUBLIC = push.new_key_pair()


def jwt_claims(token: str, public_key: str) -> dict:
    """The VAPID token's claims, after checking its signature with our public key (py_vapid's decoder)."""
    return jwt_decode(token, public_key)


def sample_text(_params):
    return "NataHjem", _("Notifications are on for this device.")


@pytest.fixture
def push_app(app, monkeypatch):
    app.config.update(VAPID_PRIVATE_KEY=PRIVATE, VAPID_PUBLIC_KEY=PUBLIC, VAPID_SUBJECT="mailto:drift@example.org")
    push.init_app(app)
    monkeypatch.setitem(texts.KINDS, "push_test", texts.KindTexts(detailed=sample_text, discreet=sample_text))
    monkeypatch.setitem(texts.KINDS, "flag_new", texts.KindTexts(detailed=sample_text, discreet=sample_text))
    with app.app_context():  # as in the clock and the worker: texts are rendered in the app's context
        yield app


@pytest.fixture
def service():
    with PushService() as running:
        yield running


def user(session, email: str) -> User:
    return session.exec(select(User).where(User.email == email)).one()


def subscribe(session, owner: User, endpoint: str, keys: BrowserKeys) -> PushSubscription:
    subscription = PushSubscription(user_id=owner.id, endpoint=endpoint, p256dh=keys.p256dh, auth=keys.auth,
                                    label="Chrome/Android")
    session.add(subscription)
    session.commit()
    return subscription


def one_push(session, owner: User, endpoint: str, *, kind: str = "push_test", key: str = "test:1"):
    keys = BrowserKeys()
    subscription = subscribe(session, owner, endpoint, keys)
    [row] = notify_user(session, owner, key=key, kind=kind, url="/injections/history", quiet_hours=False)
    session.commit()
    return keys, subscription, row


@pytest.mark.parametrize("email, lang, text", [
    ("patient@example.org", "nb", "Varsler er slått på for denne enheten."),
    ("patient.en@example.org", "en", "Notifications are on for this device."),
])
def test_a_push_arrives_encrypted_and_decrypts_to_the_text_in_the_recipients_language(
        push_app, db_session, service, email, lang, text):
    owner = user(db_session, email)
    keys, subscription, row = one_push(db_session, owner, service.base + "push/1")

    CHANNELS["push"](push_app, row)
    db_session.commit()

    [received] = service.received
    assert received.path == "/push/1"
    assert received.headers["content-encoding"] == "aes128gcm"
    assert received.headers["ttl"] == str(24 * 3600)
    assert received.headers["urgency"] == "normal"
    assert text.encode() not in received.body  # encrypted on the wire
    assert keys.decrypt(received.body) == {"title": "NataHjem", "body": text, "url": "/injections/history",
                                           "tag": row.key, "lang": lang}
    # signed with our VAPID key, for this push service (RFC 8292)
    authorization = received.headers["authorization"]
    assert f"k={PUBLIC}" in authorization
    token = authorization.split("t=")[1].split(",")[0]
    assert jwt_claims(token, PUBLIC) == {"aud": service.base.rstrip("/"), "sub": "mailto:drift@example.org",
                                         "exp": pytest.approx(time.time() + 12 * 3600, abs=120)}
    db_session.refresh(subscription)
    assert subscription.last_sent_at is not None


def test_a_row_without_a_session_is_sent_and_last_sent_is_stored(push_app, db_session, service):
    owner = user(db_session, "patient@example.org")
    keys, subscription, row = one_push(db_session, owner, service.base + "push/2")
    db_session.expunge(row)  # as a worker might hand it over, detached

    push.send_push(push_app, row)

    assert keys.decrypt(service.received[0].body)["tag"] == row.key
    db_session.expire_all()
    assert db_session.get(PushSubscription, subscription.id).last_sent_at is not None


def test_a_long_text_is_shortened_to_fit_what_every_push_service_takes(push_app, db_session, service):
    owner = user(db_session, "patient@example.org")
    keys, _subscription, row = one_push(db_session, owner, service.base + "push/7")
    row.title, row.body = "Å" * 200, "Ærlig talt, " + "ø" * 3990
    push.send_push(push_app, row)
    [received] = service.received
    assert len(received.body) <= 4096
    sent = keys.decrypt(received.body)
    assert (len(sent["title"]), len(sent["body"])) == (100, 1000)
    assert sent["body"].startswith("Ærlig talt, ø") and sent["body"].endswith("…")


def test_a_new_flag_for_a_nurse_on_call_is_sent_with_high_urgency(push_app, db_session, service):
    nurse = user(db_session, "nurse@example.org")
    _keys, _subscription, row = one_push(db_session, nurse, service.base + "push/3", kind="flag_new")
    push.send_push(push_app, row)
    assert service.received[0].headers["urgency"] == "high"


@pytest.mark.parametrize("status", [404, 410])
def test_a_gone_subscription_is_reported_and_can_be_removed_with_its_waiting_messages(
        push_app, db_session, service, status):
    owner = user(db_session, "patient@example.org")
    _keys, subscription, row = one_push(db_session, owner, service.base + "push/4")
    [waiting] = notify_user(db_session, owner, key="test:2", kind="push_test", url="/", quiet_hours=False)
    db_session.commit()
    service.status = status

    with pytest.raises(SubscriptionGone):
        push.send_push(push_app, row)

    push.remove_subscription(db_session, subscription)
    db_session.commit()
    assert db_session.get(PushSubscription, subscription.id) is None
    db_session.refresh(waiting)
    assert (waiting.status, waiting.subscription_id) == (OutboxStatus.CANCELLED, None)
    # a row whose device is gone is not sent anywhere
    with pytest.raises(SubscriptionGone):
        push.send_push(push_app, db_session.get(OutboxMessage, waiting.id))


@pytest.mark.parametrize("status, failure", [
    (500, TemporaryFailure), (503, TemporaryFailure), (429, TemporaryFailure),
    (400, PermanentFailure), (403, PermanentFailure), (413, PermanentFailure),
])
def test_the_push_services_answer_decides_whether_to_try_again(push_app, db_session, service, status, failure):
    owner = user(db_session, "patient@example.org")
    _keys, subscription, row = one_push(db_session, owner, service.base + "push/5")
    service.status = status
    with pytest.raises(failure) as raised:
        push.send_push(push_app, row)
    assert type(raised.value) is failure  # a 4xx other than 404/410 is no SubscriptionGone
    db_session.refresh(subscription)
    assert subscription.last_sent_at is None


def test_a_push_service_that_cannot_be_reached_is_tried_again_later(push_app, db_session):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    owner = user(db_session, "patient@example.org")
    _keys, _subscription, row = one_push(db_session, owner, f"http://127.0.0.1:{port}/push/6")
    with pytest.raises(TemporaryFailure):
        push.send_push(push_app, row)


def test_without_vapid_keys_there_is_no_push_channel(app):
    app.config.update(VAPID_PRIVATE_KEY=PRIVATE, VAPID_PUBLIC_KEY=PUBLIC)
    push.init_app(app)
    assert CHANNELS["push"] is push.send_push
    app.config.update(VAPID_PRIVATE_KEY="", VAPID_PUBLIC_KEY="")
    push.init_app(app)
    assert "push" not in CHANNELS


def test_keys_that_are_not_a_pair_stop_the_app(app):
    from webapp.config import ConfigError

    _other_private, other_public = push.new_key_pair()
    app.config.update(VAPID_PRIVATE_KEY=PRIVATE, VAPID_PUBLIC_KEY=other_public)
    with pytest.raises(ConfigError):
        push.init_app(app)
    app.config.update(VAPID_PRIVATE_KEY="not a key", VAPID_PUBLIC_KEY=PUBLIC)
    with pytest.raises(ConfigError):
        push.init_app(app)
