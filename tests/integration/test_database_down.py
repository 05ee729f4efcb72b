"""A request while the database cannot be reached answers a friendly, translated 503 page with
Retry-After, never a bare 500 (issue 16, "Bad input and faults"). The rehearsal (tests/rehearsal) stops and
starts a real PostgreSQL under two nodes and sees them recover by themselves."""

from __future__ import annotations

import pytest

from tests.pgcluster import free_port
from webapp.db import make_engine


@pytest.mark.postgres
@pytest.mark.parametrize("backend", ["postgresql"])
@pytest.mark.parametrize(("language", "title"), [("nb", "NataHjem er ikke tilgjengelig akkurat nå"),
                                                 ("en", "NataHjem is not available just now")])
def test_a_signed_in_page_while_the_database_is_down_is_a_friendly_503(app, client, auth, backend, language, title):
    auth.login("patient")
    client.set_cookie("natahjem_lang", language)
    working = app.extensions["db_engine"]
    # Nothing listens on a fresh free port: every connection is refused, as with PostgreSQL stopped.
    app.extensions["db_engine"] = make_engine(f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/natahjem")
    try:
        response = client.get("/")
    finally:
        app.extensions["db_engine"].dispose()
        app.extensions["db_engine"] = working
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    page = response.get_data(as_text=True)
    assert title in page and "113" in page
    assert client.get("/").status_code == 200  # the database is back: the next request is served
