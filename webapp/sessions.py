"""The session cookie, encrypted as well as signed (security finding 19).

Flask's own cookie is signed but readable: after a pickup it carried "Du har 10 sprøyter hjemme" in its
flash messages, for proxies, browser extensions and crash reports to see. This interface keeps Flask's
cookie session (no server-side store to run) and seals its content with Fernet (AES-128-CBC and
HMAC-SHA256, from `cryptography`), keyed from SECRET_KEY. The token's own timestamp bounds its age as
itsdangerous did; a cookie that does not decrypt is an empty session, as a bad signature was.
"""

from __future__ import annotations

import base64
import functools
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from flask import request
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature

# Sent by the service worker on its background fetches of the pages it keeps offline.
KEEP_HEADER = "X-NataHjem-Keep"


class _Sealed:
    """The two methods SecureCookieSessionInterface asks of its serializer."""

    def __init__(self, secret_key: str | bytes):
        secret = secret_key.encode() if isinstance(secret_key, str) else secret_key
        key = hashlib.sha256(b"natahjem-session-cookie|" + secret).digest()
        self._fernet = Fernet(base64.urlsafe_b64encode(key))
        self._json = TaggedJSONSerializer()

    def dumps(self, session: dict) -> str:
        return self._fernet.encrypt(self._json.dumps(session).encode()).decode("ascii")

    def loads(self, cookie: str | bytes, max_age: int | None = None) -> dict:
        try:
            data = self._fernet.decrypt(cookie, ttl=max_age)
        except (InvalidToken, TypeError, ValueError) as error:
            raise BadSignature("the session cookie does not decrypt") from error
        return self._json.loads(data.decode())


@functools.lru_cache(maxsize=8)
def _sealed_for(secret_key: str | bytes) -> _Sealed:
    """The same key gives the same seal: derived once per worker, not on every request (issue 16 §4). It
    keeps no state between requests but the key."""
    return _Sealed(secret_key)


class EncryptedCookieSessionInterface(SecureCookieSessionInterface):
    def get_signing_serializer(self, app):
        if not app.secret_key:
            return None
        return _sealed_for(app.secret_key)

    def save_session(self, app, session, response):
        """A page the service worker fetches in the background to keep offline (static/sw.js) is answered
        without a cookie: the fill may still be under way when she signs out and someone else signs in on
        the phone, and its answer must not overwrite the new person's session (it made the nurse's sign-in
        in a browser test be lost). Such a request is a GET that only reads; any other keeps its cookie."""
        if request.method == "GET" and request.headers.get(KEEP_HEADER):
            return
        super().save_session(app, session, response)
