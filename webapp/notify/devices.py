"""What a browser sends when it subscribes to Web Push, checked strictly before anything is stored, and the
name a device is shown by (issue 12, "Bad input and faults": invalid or foreign subscriptions are refused).

The body is what the browser's `PushSubscription.toJSON()` gives:
``{"endpoint": "https://…", "expirationTime": null, "keys": {"p256dh": "…", "auth": "…"}}``.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec
from flask_babel import gettext as _

MAX_ENDPOINT = 1000  # PushSubscription.endpoint's column; real endpoints are 100-500 characters
P256DH_BYTES = 65  # an uncompressed P-256 point: 0x04, then x and y of 32 bytes each (RFC 8291 §3.1)
AUTH_BYTES = 16  # the authentication secret (RFC 8291 §3.2)
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+={0,2}")
_ALLOWED_FIELDS = {"endpoint", "expirationTime", "keys"}


class InvalidSubscription(ValueError):
    """The body is not a Web Push subscription we can use; the message names the part (no user data)."""


@dataclass(frozen=True)
class SubscriptionKeys:
    endpoint: str
    p256dh: str  # base64url, without padding
    auth: str


def base64url_bytes(text: object) -> bytes | None:
    """The bytes of a base64url text, or None if it is not one (standard base64's + and / are refused)."""
    if not isinstance(text, str) or not _BASE64URL.fullmatch(text):
        return None
    try:
        return base64.urlsafe_b64decode(text.rstrip("=") + "=" * (-len(text.rstrip("=")) % 4))
    except (binascii.Error, ValueError):
        return None


def _is_local_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True  # a push service has a name, never a bare address
    except ValueError:
        pass
    host = host.rstrip(".").lower()
    return host == "localhost" or host.endswith((".localhost", ".local", ".internal")) or "." not in host


def check_endpoint(endpoint: object, *, allow_prefixes: tuple[str, ...] = ()) -> str:
    if not isinstance(endpoint, str) or not endpoint:
        raise InvalidSubscription("endpoint missing")
    if len(endpoint) > MAX_ENDPOINT:
        raise InvalidSubscription("endpoint too long")
    if any(ord(ch) <= 32 or ord(ch) == 127 for ch in endpoint):
        raise InvalidSubscription("endpoint has spaces or control characters")
    if any(endpoint.startswith(prefix) for prefix in allow_prefixes):
        return endpoint
    parts = urlsplit(endpoint)
    if parts.scheme != "https":
        raise InvalidSubscription("endpoint must be https")
    try:
        parts.port  # noqa: B018  (a port that is not a number raises here)
    except ValueError:
        raise InvalidSubscription("endpoint port is not a number") from None
    host = parts.hostname or ""
    if not host or parts.username is not None or parts.password is not None or parts.fragment:
        raise InvalidSubscription("endpoint is not a push service address")
    if _is_local_host(host):
        raise InvalidSubscription("endpoint host must be a push service, not a local address")
    return endpoint


def check_p256dh(value: object) -> str:
    raw = base64url_bytes(value)
    if raw is None or len(raw) != P256DH_BYTES or raw[0] != 4:
        raise InvalidSubscription("keys.p256dh must be a 65-byte uncompressed P-256 point in base64url")
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
    except ValueError:
        raise InvalidSubscription("keys.p256dh is not a point on P-256") from None
    return str(value).rstrip("=")


def check_auth(value: object) -> str:
    raw = base64url_bytes(value)
    if raw is None or len(raw) != AUTH_BYTES:
        raise InvalidSubscription("keys.auth must be 16 bytes in base64url")
    return str(value).rstrip("=")


def check_subscription(data: object, *, allow_prefixes: tuple[str, ...] = ()) -> SubscriptionKeys:
    """The endpoint and keys of a subscription body, or InvalidSubscription. Strict: no unknown fields, an
    https endpoint on a named host (never an address or localhost: the server would post to its own
    network), keys of the right decoded lengths. Only `allow_prefixes` (PUSH_ENDPOINT_ALLOW) lets a local
    push service through, for tests."""
    if not isinstance(data, dict):
        raise InvalidSubscription("body must be a JSON object")
    if set(data) - _ALLOWED_FIELDS:
        raise InvalidSubscription("unknown fields")
    expiration = data.get("expirationTime")
    if expiration is not None and (isinstance(expiration, bool) or not isinstance(expiration, int | float)):
        raise InvalidSubscription("expirationTime must be a number or null")
    keys = data.get("keys")
    if not isinstance(keys, dict) or set(keys) != {"p256dh", "auth"}:
        raise InvalidSubscription("keys must hold p256dh and auth")
    return SubscriptionKeys(
        endpoint=check_endpoint(data.get("endpoint"), allow_prefixes=allow_prefixes),
        p256dh=check_p256dh(keys["p256dh"]),
        auth=check_auth(keys["auth"]),
    )


# ------------------------------------------------------------------ a device's name, from its User-Agent
# First match wins: Edge, Samsung's and Opera's agents also say "Chrome", and Chrome's also says "Safari".
_BROWSERS = [("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("Edg/", "Edge"), ("SamsungBrowser/", "Samsung Internet"),
             ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"),
             ("Chrome/", "Chrome"), ("Chromium/", "Chrome"), ("Safari/", "Safari")]
_SYSTEMS = [("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"),
            ("CrOS", "ChromeOS"), ("Macintosh", "Mac"), ("Linux", "Linux")]


def device_label(user_agent: str) -> str:
    """"Chrome/Android": the browser and system, stored without words so the page can show them in either
    language (`device_name`); empty when the agent names neither."""
    browser = next((name for token, name in _BROWSERS if token in user_agent), "")
    system = next((name for token, name in _SYSTEMS if token in user_agent), "")
    return f"{browser}/{system}" if browser or system else ""


def device_name(label: str) -> str:
    """A stored label in the request's language: «Chrome på Android», "Chrome on Android"."""
    browser, _sep, system = label.partition("/")
    if browser and system:
        return _("%(browser)s on %(system)s", browser=browser, system=system)
    return browser or system or _("Unknown browser")
