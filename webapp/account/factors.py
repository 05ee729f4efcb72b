"""Second factors that touch the database: code-app (TOTP) secrets and recovery codes (security finding 2).

Passkeys are in passkeys.py. A user "has a second factor" with a passkey or a confirmed code app; recovery
codes alone do not count, they only stand in for a lost one.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import UTC, datetime

import pyotp
import segno
import sqlalchemy as sa
from flask import current_app
from sqlmodel import select

from .. import db
from ..models import RecoveryCode, TotpSecret, User, WebAuthnCredential

TOTP_STEP = 30  # seconds per code (RFC 6238, what every code app uses)
TOTP_DRIFT = 1  # one step either side: a phone's clock a little off still works
RECOVERY_CODES = 10
ISSUER = "NataHjem"


def _now() -> datetime:
    """The second factors' clock; tests set it."""
    return datetime.now(UTC)


def has_second_factor(user_id: int) -> bool:
    """A passkey or a confirmed code app, in one query."""
    passkey = sa.exists().where(WebAuthnCredential.user_id == user_id)
    totp = sa.exists().where(TotpSecret.user_id == user_id, TotpSecret.confirmed_at.is_not(None))
    return bool(db.session().execute(sa.select(sa.or_(passkey, totp))).scalar())


def confirmed_totp(user_id: int) -> TotpSecret | None:
    return db.session().exec(select(TotpSecret).where(TotpSecret.user_id == user_id,
                                                      TotpSecret.confirmed_at.is_not(None))).first()


def pending_totp(user: User) -> TotpSecret:
    """The unconfirmed secret being set up (made on first view; the same one until it is confirmed)."""
    session = db.session()
    row = session.exec(select(TotpSecret).where(TotpSecret.user_id == user.id)).first()
    if row is None:
        row = TotpSecret(user_id=user.id, secret=pyotp.random_base32(), created_at=_now())
        session.add(row)
        session.commit()
    return row


def provisioning_uri(row: TotpSecret, user: User) -> str:
    return pyotp.TOTP(row.secret, interval=TOTP_STEP).provisioning_uri(name=user.email, issuer_name=ISSUER)


def qr_svg(uri: str, title: str) -> str:
    """The otpauth: link as an inline SVG QR code: drawn here, nothing fetched from another host."""
    return segno.make(uri, error="m").svg_inline(scale=5, border=4, title=title, svgclass="qr", lineclass=None)


def _matching_counter(row: TotpSecret, code: str) -> int | None:
    """The 30-second step whose code this is, within the drift, newer than the last one used; else None."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(row.secret, interval=TOTP_STEP)
    now_counter = int(_now().timestamp()) // TOTP_STEP
    for counter in range(now_counter - TOTP_DRIFT, now_counter + TOTP_DRIFT + 1):
        if hmac.compare_digest(totp.at(counter * TOTP_STEP), code):
            return counter if counter > row.last_counter else None  # a code used once is refused
    return None


def use_totp(row: TotpSecret, code: str) -> bool:
    """Check a code and mark its step used, atomically: two requests with the same code, one succeeds."""
    counter = _matching_counter(row, code)
    if counter is None:
        return False
    table = TotpSecret.__table__
    session = db.session()
    done = session.execute(sa.update(table).where(table.c.id == row.id, table.c.last_counter < counter)
                           .values(last_counter=counter))
    session.commit()
    session.refresh(row)
    return done.rowcount == 1


def confirm_totp(row: TotpSecret, code: str) -> bool:
    """The first right code makes the code app count."""
    if not use_totp(row, code):
        return False
    row.confirmed_at = _now()
    db.session().add(row)
    return True


def remove_totp(user_id: int) -> None:
    db.session().execute(sa.delete(TotpSecret.__table__).where(TotpSecret.__table__.c.user_id == user_id))


def _passwords():
    return current_app.extensions["passwords"]


def _normal_code(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())


def new_recovery_codes(user_id: int) -> list[str]:
    """Ten new codes, replacing any earlier ones; returned to be shown once, stored as Argon2 hashes."""
    session = db.session()
    session.execute(sa.delete(RecoveryCode.__table__).where(RecoveryCode.__table__.c.user_id == user_id))
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = secrets.token_hex(5)  # 40 bits each; the sign-in lock-out allows a handful of guesses
        codes.append(f"{raw[:5]}-{raw[5:]}")
        session.add(RecoveryCode(user_id=user_id, code_hash=_passwords().hash(raw), created_at=_now()))
    return codes


def recovery_codes_left(user_id: int) -> int:
    return db.session().execute(sa.select(sa.func.count()).select_from(RecoveryCode).where(
        RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None))).scalar() or 0


def use_recovery_code(user_id: int, code: str) -> bool:
    """A right, unused code works once: it is marked used in the same statement that checks it is unused."""
    code = _normal_code(code)
    if len(code) != 10:
        return False
    session = db.session()
    for row in session.exec(select(RecoveryCode).where(RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None))):
        if _passwords().verify(row.code_hash, code):
            table = RecoveryCode.__table__
            done = session.execute(sa.update(table).where(table.c.id == row.id, table.c.used_at.is_(None))
                                   .values(used_at=_now()))
            session.commit()
            return done.rowcount == 1
    return False


def remove_all_factors(user_id: int) -> None:
    """An admin's reset (or the account's end): passkeys, code app and recovery codes all go."""
    session = db.session()
    for model in (WebAuthnCredential, TotpSecret, RecoveryCode):
        session.execute(sa.delete(model.__table__).where(model.__table__.c.user_id == user_id))
