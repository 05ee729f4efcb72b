"""Engine and session handling: one SQLModel session per request (DESIGN.md, STYLE.md habit 17)."""

from __future__ import annotations

import sqlite3

from flask import current_app, g
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine


def make_engine(url: str, echo: bool = False) -> Engine:
    # hide_parameters: a logged database error never carries the values it was given (an e-mail address,
    # a symptom text; security finding 17).
    if url.startswith("sqlite"):
        engine = create_engine(url, echo=echo, hide_parameters=True,
                               connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - trivial
            if isinstance(dbapi_connection, sqlite3.Connection):
                cursor = dbapi_connection.cursor()
                # WAL lets readers go on while one writer writes; the busy timeout makes a writer
                # wait for the lock instead of failing (no lost writes under load, issue 7).
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA busy_timeout=30000")
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.execute("PRAGMA synchronous=NORMAL")
                cursor.close()

        return engine
    return create_engine(url, echo=echo, hide_parameters=True, pool_pre_ping=True, pool_size=5, max_overflow=10)


# ------------------------------------------------------------------ reads shared within a request
# The start page's cards each need the patient's doses (next dose, syringes left, check-up dates).
# `shared_read` reads them once per session; any flush, commit or rollback forgets every shared read,
# so that a request never sees its own earlier reads after it has written.
_SHARED = "natahjem_shared_reads"


def shared_read(db_session: Session, key: tuple, read):
    cache = db_session.info.setdefault(_SHARED, {})
    if key not in cache:
        cache[key] = read()
    return cache[key]


@event.listens_for(Session, "after_flush")
@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_soft_rollback")
def _forget_shared_reads(db_session, *_args) -> None:
    db_session.info.pop(_SHARED, None)


def init_app(app) -> None:
    app.extensions["db_engine"] = make_engine(app.config["DATABASE_URL"], app.config.get("SQL_ECHO", False))
    app.teardown_appcontext(_close_session)


def engine() -> Engine:
    return current_app.extensions["db_engine"]


def session() -> Session:
    """The request's session, opened on first use and closed when the request ends."""
    if "db_session" not in g:
        g.db_session = Session(engine(), expire_on_commit=False)
    return g.db_session


def _close_session(exc) -> None:
    db_session = g.pop("db_session", None)
    if db_session is not None:
        if exc is not None:
            db_session.rollback()
        db_session.close()
