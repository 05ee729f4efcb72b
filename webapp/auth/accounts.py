"""Account rules that touch the database: lock-out, invitations, session generations."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlmodel import select

from .. import db
from ..models import Invitation, LoginAttempt, User


def _now() -> datetime:
    return datetime.now(UTC)


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def passwords():
    return current_app.extensions["passwords"]


@dataclass(frozen=True)
class LoginResult:
    user: User | None = None
    locked_until: datetime | None = None  # set when the address is locked now


def attempt_login(email: str, password: str) -> LoginResult:
    """Check a login. Unknown addresses count failures and lock exactly like known ones, so the
    answer never tells whether an account exists."""
    session = db.session()
    email = normalise_email(email)
    attempt = session.get(LoginAttempt, email) or LoginAttempt(email=email)
    now = _now()
    if attempt.locked_until and attempt.locked_until > now:
        return LoginResult(locked_until=attempt.locked_until)

    user = session.exec(select(User).where(User.email == email)).first()
    if passwords().verify(user.password_hash if user else None, password):
        if attempt in session:  # a success clears the failures counted so far
            session.delete(attempt)
        if passwords().needs_rehash(user.password_hash):
            user.password_hash = passwords().hash(password)
            session.add(user)
        session.commit()
        return LoginResult(user=user)

    attempt.failures += 1
    result = LoginResult()
    if attempt.failures >= current_app.config["LOGIN_MAX_FAILURES"]:
        attempt.locked_until = now + timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])
        attempt.failures = 0
        result = LoginResult(locked_until=attempt.locked_until)
    session.add(attempt)
    session.commit()
    return result


def end_all_sessions(user: User) -> None:
    """Every session cookie of this user stops working (logout, password change)."""
    user.session_generation += 1
    db.session().add(user)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_invitation(user: User, created_by: User) -> str:
    """A new single-use token, valid for 7 days; earlier unused ones for the user stop working."""
    session = db.session()
    for old in session.exec(select(Invitation).where(Invitation.user_id == user.id, Invitation.used_at.is_(None))):
        old.expires_at = min(old.expires_at, _now())
        session.add(old)
    token = secrets.token_urlsafe(32)
    days = current_app.config["INVITATION_VALID_DAYS"]
    session.add(
        Invitation(
            user_id=user.id, created_by_id=created_by.id, token_hash=_token_hash(token),
            expires_at=_now() + timedelta(days=days),
        )
    )
    return token


def find_valid_invitation(token: str) -> Invitation | None:
    if not token or len(token) > 200:
        return None
    invitation = db.session().exec(select(Invitation).where(Invitation.token_hash == _token_hash(token))).first()
    if invitation is None or invitation.used_at is not None or invitation.expires_at <= _now():
        return None
    return invitation


def use_invitation(invitation: Invitation, password: str, locale: str) -> User:
    session = db.session()
    user = session.get(User, invitation.user_id)
    user.password_hash = passwords().hash(password)
    user.locale = locale
    invitation.used_at = _now()
    end_all_sessions(user)
    session.add_all([user, invitation])
    session.commit()
    return user
