"""Account rules that touch the database: lock-out, invitations, session generations."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import select

from .. import db, emails
from ..models import Invitation, LoginAttempt, User


def _now() -> datetime:
    return datetime.now(UTC)


def now() -> datetime:
    """The accounts' clock (tests set `_now`), for callers that compare with a link's expiry."""
    return _now()


def normalise_email(email: str) -> str:
    """NFKC, lower case, the domain in IDNA form (security finding 23): see webapp/emails.py."""
    return emails.normalise_email(email)


def passwords():
    return current_app.extensions["passwords"]


@dataclass(frozen=True)
class LoginResult:
    user: User | None = None
    locked_until: datetime | None = None  # set when the address is locked now


def attempt_key(email: str, source: str | None, secret: str | None = None) -> str:
    """The lock-out row of one address tried from one source (client IP): an attacker elsewhere can lock
    only their own source out, never the nurse's (security review finding 5). The row is named by a keyed
    hash (HMAC with SECRET_KEY) of the address and source, never by the text typed: a password typed into
    the e-mail field, or an address of someone who is not a user, is not kept in clear (finding 18)."""
    secret = secret if secret is not None else current_app.config["SECRET_KEY"]
    text = f"{normalise_email(email)} {source or '-'}"
    return "h:" + hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest()


# Login attempt rows are kept this long after the last attempt, and never while a lock holds (finding 18).
ATTEMPT_RETENTION = timedelta(days=1)


def forget_old_login_attempts(session, now: datetime) -> int:
    """The clock's retention rule: a row whose last attempt is a day old and holds no lock is deleted (rows
    from before the rule, with no time, too). Returns how many."""
    table = LoginAttempt.__table__
    unlocked = sa.or_(table.c.locked_until.is_(None), table.c.locked_until < now)
    stale = sa.or_(table.c.last_at.is_(None), table.c.last_at < now - ATTEMPT_RETENTION)
    return session.execute(sa.delete(table).where(unlocked, stale)).rowcount or 0


def _count_attempt(key: str, now: datetime):
    """Count one attempt in one atomic statement, before any password is checked: parallel requests each
    add one, none reads a stale count, none fails on a duplicate row (finding 1). A lock that has run
    out starts a new count. Returns (failures including this one, locked_until)."""
    session = db.session()
    table = LoginAttempt.__table__
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    expired = sa.and_(table.c.locked_until.is_not(None), table.c.locked_until <= now)
    statement = insert(table).values(email=key, failures=1, locked_until=None, last_at=now)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.email],
        set_={
            "failures": sa.case((expired, 1), else_=table.c.failures + 1),
            "locked_until": sa.case((expired, None), else_=table.c.locked_until),
            "last_at": now,
        },
    ).returning(table.c.failures, table.c.locked_until)
    failures, locked_until = session.execute(statement).one()
    session.commit()  # a short transaction: the slow password check holds no lock
    if locked_until is not None and locked_until.tzinfo is None:
        locked_until = locked_until.replace(tzinfo=UTC)
    return failures, locked_until


def _lock(key: str, now: datetime) -> datetime:
    """Lock the row for LOGIN_LOCK_MINUTES, unless a parallel request locked it already; returns the end."""
    session = db.session()
    table = LoginAttempt.__table__
    until = now + timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])
    session.execute(sa.update(table).where(table.c.email == key, table.c.locked_until.is_(None))
                    .values(locked_until=until))
    session.commit()
    locked_until = session.execute(sa.select(table.c.locked_until).where(table.c.email == key)).scalar()
    session.commit()
    return locked_until or until


def attempt_login(email: str, password: str, source: str | None = None) -> LoginResult:
    """Check a login from a source (the client's IP address). Unknown addresses count failures and lock
    exactly like known ones, so the answer never tells whether an account exists.

    The attempt is counted first, atomically; the password is checked only while the count is within
    LOGIN_MAX_FAILURES, so a right password in a burst of wrong ones does not get in after the limit.
    The count and the lock are per address and source (finding 5); across sources an address is slowed
    down by the per-address rate limit (auth/routes.py), not locked."""
    email = normalise_email(email)
    key = attempt_key(email, source)
    now = _now()
    failures, locked_until = _count_attempt(key, now)
    if locked_until is not None and locked_until > now:
        return LoginResult(locked_until=locked_until)
    max_failures = current_app.config["LOGIN_MAX_FAILURES"]
    if failures > max_failures:  # a parallel request reached the limit and has not locked the row yet
        return LoginResult(locked_until=_lock(key, now))

    session = db.session()
    user = _account_with_password(session, email, password)
    if user is not None:
        # A success clears the failures counted so far (this attempt's own count too); with a second factor
        # only the second step's success does, so that wrong codes between right passwords still lock.
        from ..account.factors import has_second_factor  # the account package imports this module's routes

        if not has_second_factor(user.id):
            session.execute(sa.delete(LoginAttempt.__table__).where(LoginAttempt.__table__.c.email == key))
        if passwords().needs_rehash(user.password_hash):
            user.password_hash = passwords().hash(password)
            session.add(user)
        session.commit()
        return LoginResult(user=user)
    if failures >= max_failures:
        return LoginResult(locked_until=_lock(key, now))
    return LoginResult()


def _account_with_password(session, email: str, password: str) -> User | None:
    """The account at this address whose password this is. An address is unique per clinic (finding 12),
    so a patient who moved may have an account at each clinic: the newest one that matches signs in. An
    unknown address costs one hash all the same (passwords().verify with no hash), so timing says nothing."""
    accounts = session.exec(select(User).where(User.email == email).order_by(User.active.desc(), User.created_at.desc(),
                                                                             User.id.desc())).all()
    if not accounts:
        passwords().verify(None, password)
        return None
    for account in accounts:
        if passwords().verify(account.password_hash, password):
            return account
    return None


def attempt_second_factor(user: User, source: str | None, check: Callable[[], bool]) -> LoginResult:
    """The second step of a sign-in (security finding 2): counted on the same lock-out row as the password,
    atomically and before the code is checked, so wrong codes lock exactly as wrong passwords do."""
    key = attempt_key(user.email, source)
    now = _now()
    failures, locked_until = _count_attempt(key, now)
    if locked_until is not None and locked_until > now:
        return LoginResult(locked_until=locked_until)
    max_failures = current_app.config["LOGIN_MAX_FAILURES"]
    if failures > max_failures:
        return LoginResult(locked_until=_lock(key, now))
    if check():
        session = db.session()
        session.execute(sa.delete(LoginAttempt.__table__).where(LoginAttempt.__table__.c.email == key))
        session.commit()
        return LoginResult(user=user)
    db.session().rollback()  # nothing of a failed check is kept
    if failures >= max_failures:
        return LoginResult(locked_until=_lock(key, now))
    return LoginResult()


def end_all_sessions(user: User) -> None:
    """Every session cookie of this user stops working (logout, password change)."""
    user.session_generation += 1
    db.session().add(user)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# Invitation kinds (models.Invitation.kind).
INVITATION = "invitation"  # the first password, a link the nurse hands over
RESET = "reset"  # a link by e-mail only, asked for by the user or by a nurse for a patient
IN_PERSON = "in_person"  # a short link a nurse shows at the clinic, opened on the patient's own phone
RESET_KINDS = (RESET, IN_PERSON)


def valid_for(kind: str) -> timedelta:
    config = current_app.config
    if kind == RESET:
        return timedelta(minutes=config["PASSWORD_RESET_VALID_MINUTES"])
    if kind == IN_PERSON:
        return timedelta(minutes=config["IN_PERSON_RESET_VALID_MINUTES"])
    return timedelta(days=config["INVITATION_VALID_DAYS"])


def create_invitation(user: User, created_by: User) -> str:
    """A first-password link, valid for 7 days; returns the token."""
    return create_link(user, created_by, INVITATION)[0]


def create_link(user: User, created_by: User | None, kind: str) -> tuple[str, Invitation]:
    """A new single-use token of a kind; earlier unused links of the user, of any kind, stop working, so
    only the newest link ever works. Returns the token (never stored) and the row (hash only)."""
    session = db.session()
    for old in session.exec(select(Invitation).where(Invitation.user_id == user.id, Invitation.used_at.is_(None))):
        old.expires_at = min(old.expires_at, _now())
        session.add(old)
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        user_id=user.id, created_by_id=(created_by or user).id, token_hash=_token_hash(token), kind=kind,
        created_at=_now(), expires_at=_now() + valid_for(kind),
    )
    session.add(invitation)
    session.flush()
    return token, invitation


def recent_link(user: User, within: timedelta = timedelta(minutes=1), kind: str = RESET) -> Invitation | None:
    """A link of `kind` (a reset by default) sent less than a minute ago and still unused: a double tap
    sends no second e-mail."""
    return db.session().exec(
        select(Invitation).where(Invitation.user_id == user.id, Invitation.kind == kind,
                                 Invitation.used_at.is_(None), Invitation.created_at > _now() - within,
                                 Invitation.expires_at > _now())
    ).first()


def find_invitation(token: str, kinds: tuple[str, ...]) -> tuple[Invitation | None, int]:
    """The usable link of one of `kinds` for a token, or None and the status to answer: 404 for a token
    that never existed (or is of another kind), 410 for one that was used or has expired."""
    if not token or len(token) > 200:
        return None, 404
    invitation = db.session().exec(select(Invitation).where(Invitation.token_hash == _token_hash(token))).first()
    if invitation is None or invitation.kind not in kinds:
        return None, 404
    if invitation.used_at is not None or invitation.expires_at <= _now():
        return None, 410
    return invitation, 200


def find_valid_invitation(token: str) -> Invitation | None:
    return find_invitation(token, (INVITATION,))[0]


def set_password(user: User, password: str) -> None:
    """A new password; every session of the user ends (the caller signs the current device in again)."""
    user.password_hash = passwords().hash(password)
    end_all_sessions(user)


def use_invitation(invitation: Invitation, password: str, locale: str | None = None) -> User:
    session = db.session()
    user = session.get(User, invitation.user_id)
    set_password(user, password)
    if locale:
        user.locale = locale
    invitation.used_at = _now()
    session.add_all([user, invitation])
    if invitation.kind in RESET_KINDS:
        from .mail import queue_changed_mail  # the outbox row commits with the new password

        queue_changed_mail(session, user)
    session.commit()
    return user


def untold_in_person_reset(user: User) -> Invitation | None:
    """The newest in-person reset of the user not yet told at a sign-in; marks it told (shown once)."""
    invitation = db.session().exec(
        select(Invitation).where(Invitation.user_id == user.id, Invitation.kind == IN_PERSON,
                                 Invitation.used_at.is_not(None), Invitation.told_at.is_(None))
        .order_by(Invitation.used_at.desc())
    ).first()
    if invitation is not None:
        for row in db.session().exec(select(Invitation).where(
                Invitation.user_id == user.id, Invitation.kind == IN_PERSON, Invitation.used_at.is_not(None),
                Invitation.told_at.is_(None))):
            row.told_at = _now()
            db.session().add(row)
    return invitation
