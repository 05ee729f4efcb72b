"""Passkeys (WebAuthn), the first choice of second factor (security finding 2).

The relying party is the address nurses open the app on: APP_BASE_URL, or outside production the address
the request came to (the development server, the tests). The challenge of a ceremony waits in the
(encrypted) session until the browser answers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import webauthn
from flask import current_app, request, session
from sqlmodel import select
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from .. import db
from ..models import User, WebAuthnCredential

RP_NAME = "NataHjem"
REGISTER_CHALLENGE = "passkey_register_challenge"
SIGN_IN_CHALLENGE = "passkey_sign_in_challenge"
MAX_CREDENTIAL_JSON = 20_000


@dataclass(frozen=True)
class RelyingParty:
    rp_id: str
    origin: str


def relying_party() -> RelyingParty | None:
    """None when passkeys cannot work here: production without APP_BASE_URL, or an IP address (WebAuthn
    wants a domain name)."""
    base = current_app.config.get("APP_BASE_URL") or ""
    if not base and current_app.config.get("APP_ENV") != "production":
        base = request.host_url
    parts = urlsplit(base)
    host = parts.hostname or ""
    if not host or host.replace(".", "").isdigit() or ":" in host:
        return None
    return RelyingParty(rp_id=host, origin=f"{parts.scheme}://{parts.netloc}")


def _now() -> datetime:
    return datetime.now(UTC)


def credentials_of(user_id: int) -> list[WebAuthnCredential]:
    return list(db.session().exec(select(WebAuthnCredential).where(WebAuthnCredential.user_id == user_id)
                                  .order_by(WebAuthnCredential.created_at)))


def _descriptors(user_id: int) -> list[PublicKeyCredentialDescriptor]:
    return [PublicKeyCredentialDescriptor(id=base64url_to_bytes(c.credential_id)) for c in credentials_of(user_id)]


def registration_options(user: User, rp: RelyingParty) -> str:
    """Options for navigator.credentials.create, as JSON; the challenge waits in the session."""
    options = webauthn.generate_registration_options(
        rp_id=rp.rp_id, rp_name=RP_NAME, user_name=user.email, user_display_name=user.full_name,
        user_id=f"natahjem-user-{user.id}".encode(),
        exclude_credentials=_descriptors(user.id),  # the same key twice is refused by the browser
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED, user_verification=UserVerificationRequirement.PREFERRED),
    )
    session[REGISTER_CHALLENGE] = bytes_to_base64url(options.challenge)
    return webauthn.options_to_json(options)


def _challenge(key: str) -> bytes | None:
    value = session.pop(key, None)
    return base64url_to_bytes(value) if value else None


def _json_object(text: str) -> dict | None:
    """The browser's answer is a JSON object; anything else (a hostile or broken post) is no answer."""
    try:
        answer = json.loads(text)
    except ValueError:
        return None
    return answer if isinstance(answer, dict) else None


def _challenge_and_answer(challenge_key: str, credential_json: str):
    """The challenge this session was given (used up) and the browser's answer as a JSON object; the answer
    is None when either is missing, too long or not an object."""
    challenge = _challenge(challenge_key)
    if challenge is None or not credential_json or len(credential_json) > MAX_CREDENTIAL_JSON:
        return challenge, None
    return challenge, _json_object(credential_json)


def register(user: User, rp: RelyingParty, credential_json: str, name: str) -> WebAuthnCredential | None:
    """Check the browser's answer to registration_options and keep the new passkey; None if it fails."""
    challenge, answer = _challenge_and_answer(REGISTER_CHALLENGE, credential_json)
    if answer is None:
        return None
    try:
        verified = webauthn.verify_registration_response(
            credential=answer, expected_challenge=challenge, expected_rp_id=rp.rp_id, expected_origin=rp.origin)
    except (WebAuthnException, ValueError, TypeError, KeyError, AttributeError):
        return None
    credential_id = bytes_to_base64url(verified.credential_id)
    if db.session().exec(select(WebAuthnCredential).where(WebAuthnCredential.credential_id == credential_id)).first():
        return None
    row = WebAuthnCredential(user_id=user.id, credential_id=credential_id, public_key=verified.credential_public_key,
                             sign_count=verified.sign_count, name=name.strip()[:60], created_at=_now())
    db.session().add(row)
    return row


def sign_in_options(user_id: int, rp: RelyingParty) -> str | None:
    """Options for navigator.credentials.get with the user's own passkeys; None if she has none."""
    allowed = _descriptors(user_id)
    if not allowed:
        return None
    options = webauthn.generate_authentication_options(
        rp_id=rp.rp_id, allow_credentials=allowed, user_verification=UserVerificationRequirement.PREFERRED)
    session[SIGN_IN_CHALLENGE] = bytes_to_base64url(options.challenge)
    return webauthn.options_to_json(options)


def verify_sign_in(user_id: int, rp: RelyingParty, credential_json: str) -> WebAuthnCredential | None:
    """The passkey that answered the challenge, if it is one of this user's and the signature holds."""
    challenge, answer = _challenge_and_answer(SIGN_IN_CHALLENGE, credential_json)
    if answer is None:
        return None
    try:
        row = db.session().exec(select(WebAuthnCredential).where(
            WebAuthnCredential.credential_id == str(answer.get("id", "")),
            WebAuthnCredential.user_id == user_id)).first()
        if row is None:
            return None
        verified = webauthn.verify_authentication_response(
            credential=answer, expected_challenge=challenge, expected_rp_id=rp.rp_id, expected_origin=rp.origin,
            credential_public_key=row.public_key, credential_current_sign_count=row.sign_count)
    except (WebAuthnException, ValueError, TypeError, KeyError, AttributeError):
        return None
    row.sign_count = verified.new_sign_count
    row.last_used_at = _now()
    db.session().add(row)
    return row
