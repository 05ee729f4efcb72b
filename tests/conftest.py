"""Fixtures shared by the integration and browser tests (STYLE.md habit 8).

Integration tests run twice, once on SQLite and once on a real PostgreSQL server that this file starts
in a temporary folder (a private cluster on a free port, stopped at the end). PostgreSQL missing is a
failure with the command to install it, never a silent skip.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlmodel import Session, SQLModel, create_engine

from tests.pgcluster import PostgresMissing, create_database, throwaway_cluster
from webapp import create_app
from webapp.config import TestConfig
from webapp.demo import load_demo_data
from webapp.passwords import Passwords

DEMO = {
    "nurse": ("nurse@example.org", "nurse-demo-2026"),
    "patient": ("patient@example.org", "patient-demo-2026"),
    "patient_en": ("patient.en@example.org", "patient-demo-2026"),
    "nurse2": ("nurse2@example.org", "nurse-demo-2026"),
    "patient2": ("patient2@example.org", "patient-demo-2026"),
    "relative": ("relative@example.org", "relative-demo-2026"),
}


# ---------------------------------------------------------------- PostgreSQL, a private throwaway cluster
@pytest.fixture(scope="session")
def pg_server():
    try:
        with throwaway_cluster() as cluster:
            yield cluster
    except PostgresMissing as missing:
        pytest.fail(str(missing))


def create_pg_database(pg_server, name: str) -> str:
    return create_database(pg_server["base"], name)


# ---------------------------------------------------------------- one schema per backend, emptied per test
@pytest.fixture(scope="session")
def database_urls(request, tmp_path_factory):
    """Lazily made database URLs, one per backend, with the schema created once."""
    urls: dict[str, str] = {}

    def get(backend: str) -> str:
        if backend not in urls:
            if backend == "sqlite":
                url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'test.db'}"
            else:
                url = create_pg_database(request.getfixturevalue("pg_server"), "natahjem_test")
            engine = create_engine(url)
            SQLModel.metadata.create_all(engine)
            engine.dispose()
            urls[backend] = url
        return urls[backend]

    return get


def empty_all_tables(engine) -> None:
    tables = SQLModel.metadata.sorted_tables
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(tables):
                conn.execute(table.delete())


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def app(backend, database_urls, tmp_path):
    app = create_app(TestConfig, overrides={"DATABASE_URL": database_urls(backend),
                                            "PHOTO_FOLDER": str(tmp_path / "photos")})
    engine = app.extensions["db_engine"]
    empty_all_tables(engine)
    with Session(engine) as session:
        load_demo_data(session, app.extensions["passwords"])
    yield app
    engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db_session(app):
    with Session(app.extensions["db_engine"], expire_on_commit=False) as session:
        yield session


class AuthActions:
    def __init__(self, client):
        self._client = client

    def login(self, who: str = "patient", password: str | None = None):
        email, demo_password = DEMO[who]
        return self._client.post("/auth/login", data={"email": email, "password": password or demo_password})

    def logout(self):
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture(scope="session")
def cheap_passwords():
    return Passwords("test")
