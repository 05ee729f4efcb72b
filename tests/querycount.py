"""Counting the SQL statements a request makes (tests and bench): a page must make the same number
with one month or five years of history (STYLE.md habit 17)."""

from __future__ import annotations

import contextlib

from sqlalchemy import event


@contextlib.contextmanager
def count_queries(engine):
    statements: list[str] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)
