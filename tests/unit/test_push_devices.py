"""What a browser may send when it subscribes to Web Push, and the name a device is shown by (issue 12)."""

from __future__ import annotations

import base64
import os

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import given, settings
from hypothesis import strategies as st

from webapp.notify.devices import InvalidSubscription, check_subscription, device_label
from webapp.notify.push import new_key_pair, public_key_text


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def browser_keys() -> dict:
    """Keys as a browser makes them: a P-256 point and a 16-byte secret."""
    point = ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    return {"p256dh": b64url(point), "auth": b64url(os.urandom(16))}


def body(**changes) -> dict:
    data = {"endpoint": "https://fcm.googleapis.com/fcm/send/abc:def", "expirationTime": None, "keys": browser_keys()}
    data.update(changes)
    return data


def test_a_browsers_subscription_is_accepted_as_sent():
    data = body()
    keys = check_subscription(data)
    assert (keys.endpoint, keys.p256dh, keys.auth) == (data["endpoint"], data["keys"]["p256dh"], data["keys"]["auth"])


def test_padded_base64url_keys_are_accepted_and_stored_without_padding():
    data = body()
    data["keys"]["auth"] += "=="
    assert check_subscription(data).auth == data["keys"]["auth"].rstrip("=")


NOT_A_POINT = b64url(b"\x04" + b"\x01" * 64)  # 65 bytes, the right shape, but not on the curve


@pytest.mark.parametrize("change", [
    {"endpoint": "http://fcm.googleapis.com/fcm/send/abc"},
    {"endpoint": "https://127.0.0.1/push"},
    {"endpoint": "https://[::1]/push"},
    {"endpoint": "https://localhost/push"},
    {"endpoint": "https://pushservice/push"},
    {"endpoint": "https://user:pw@fcm.googleapis.com/x"},
    {"endpoint": "https://fcm.googleapis.com:notaport/x"},
    {"endpoint": "https://fcm.googleapis.com/x y"},
    {"endpoint": "https://fcm.googleapis.com/" + "a" * 1000},
    {"endpoint": "javascript:alert(1)"},
    {"endpoint": ""},
    {"endpoint": 42},
    {"expirationTime": "tomorrow"},
    {"expirationTime": True},
    {"keys": {"p256dh": browser_keys()["p256dh"]}},
    {"keys": {**browser_keys(), "extra": "x"}},
    {"keys": {"p256dh": browser_keys()["p256dh"], "auth": b64url(os.urandom(15))}},
    {"keys": {"p256dh": b64url(os.urandom(32)), "auth": b64url(os.urandom(16))}},
    {"keys": {"p256dh": NOT_A_POINT, "auth": b64url(os.urandom(16))}},
    {"keys": {"p256dh": "not base64!", "auth": b64url(os.urandom(16))}},
    {"keys": {"p256dh": base64.b64encode(b"\x04" + b"\xfb" * 64).decode(), "auth": b64url(os.urandom(16))}},
    {"keys": "p256dh"},
    {"something": "else"},
])
def test_invalid_subscriptions_are_refused(change):
    with pytest.raises(InvalidSubscription):
        check_subscription(body(**change))


@pytest.mark.parametrize("data", [None, [], "endpoint", 7])
def test_a_body_that_is_no_object_is_refused(data):
    with pytest.raises(InvalidSubscription):
        check_subscription(data)


def test_a_local_push_service_only_through_the_allow_list():
    with pytest.raises(InvalidSubscription):
        check_subscription(body(endpoint="http://127.0.0.1:8080/push/1"))
    with pytest.raises(InvalidSubscription):
        check_subscription(body(endpoint="http://127.0.0.1:9999/push/1"), allow_prefixes=("http://127.0.0.1:8080/",))
    assert check_subscription(body(endpoint="http://127.0.0.1:8080/push/1"), allow_prefixes=("http://127.0.0.1:8080/",))


@pytest.mark.parametrize("agent, label", [
    ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
     "Chrome/Android"),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 "
     "Mobile/15E148 Safari/604.1", "Safari/iPhone"),
    ("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 "
     "Chrome/122.0 Mobile Safari/537.36", "Samsung Internet/Android"),
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 "
     "Edg/131.0", "Edge/Windows"),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox/Mac"),
    ("curl/8.5", ""),
])
def test_a_device_is_named_by_its_browser_and_system(agent, label):
    assert device_label(agent) == label


def test_a_new_vapid_pair_belongs_together():
    private, public = new_key_pair()
    number = int.from_bytes(base64.urlsafe_b64decode(private + "=" * (-len(private) % 4)), "big")
    assert public_key_text(ec.derive_private_key(number, ec.SECP256R1()).public_key()) == public
    assert len(base64.urlsafe_b64decode(public + "=" * (-len(public) % 4))) == 65


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children,
                                                                                      max_size=4), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(endpoint=JSON | st.text(), p256dh=JSON | st.text(alphabet="AZaz09-_=+/"), auth=JSON, extra=JSON)
def test_any_json_body_is_accepted_or_refused_never_an_error(endpoint, p256dh, auth, extra):
    for data in ({"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}}, extra,
                 {"endpoint": "https://push.example.org/x", "keys": {"p256dh": p256dh, "auth": auth}}):
        try:
            check_subscription(data)
        except InvalidSubscription:
            pass
