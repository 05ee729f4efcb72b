"""API tokens for record systems (issue 15): made by `flask api-token --clinic N`, shown once, kept as a
SHA-256 hash like the invitation links (auth/accounts.py)."""

from __future__ import annotations

import secrets

from sqlmodel import Session, select

from ..auth.accounts import _token_hash
from ..models import ApiToken, Clinic


def new_api_token(session: Session, clinic_id: int, label: str = "") -> str:
    """A new token for the clinic; only its hash is stored, so this is the only time it is seen."""
    if session.get(Clinic, clinic_id) is None:
        raise LookupError(f"no clinic {clinic_id}")
    token = secrets.token_urlsafe(32)
    session.add(ApiToken(clinic_id=clinic_id, token_hash=_token_hash(token), label=label[:120]))
    session.commit()
    return token


def clinic_of_token(session: Session, token: str) -> int | None:
    """The clinic a live token reads for, or None for an unknown or revoked one."""
    if not token or len(token) > 200:
        return None
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == _token_hash(token))).first()
    if row is None or row.revoked_at is not None:
        return None
    return row.clinic_id


def api_tokens(session: Session) -> list[ApiToken]:
    """Every token, newest first, for `flask api-token --list` (no token text: only hashes are kept)."""
    return list(session.exec(select(ApiToken).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())).all())


def revoke_api_token(session: Session, token_id: int, now) -> ApiToken:
    """The record system's key stops working at its next request; the row stays, as a record of it."""
    row = session.get(ApiToken, token_id)
    if row is None:
        raise LookupError(f"no API token {token_id}")
    if row.revoked_at is None:
        row.revoked_at = now
        session.add(row)
        session.commit()
    return row
