"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel, create_engine

from tests.conftest import create_pg_database
from webapp.cli import alembic_config


@pytest.fixture
def fresh_url(backend, tmp_path, request):
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'migrated.db'}"
    return create_pg_database(request.getfixturevalue("pg_server"), "natahjem_migrations")


def test_migrations_match_the_models(fresh_url):
    command.upgrade(alembic_config(fresh_url), "head")
    engine = create_engine(fresh_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_migrations_downgrade_to_nothing_and_up_again(fresh_url):
    config = alembic_config(fresh_url)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    command.upgrade(config, "head")


def test_migrated_postgresql_refuses_to_change_the_audit_log_and_downgrade_lifts_it(fresh_url, backend):
    if backend != "postgresql":
        pytest.skip("the append-only trigger is PostgreSQL's; SQLite is the single-user default")
    config = alembic_config(fresh_url)
    command.upgrade(config, "head")
    engine = create_engine(fresh_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO auditevent (at, action, target) VALUES (now(), 'read', 'x')"))
    for statement in ("UPDATE auditevent SET target = 'changed'", "DELETE FROM auditevent"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    command.downgrade(config, "0007")
    with engine.begin() as conn:
        assert conn.execute(text("UPDATE auditevent SET target = 'changed'")).rowcount == 1
    engine.dispose()
