"""Security finding 17: an id beyond a database integer answered 500 (OverflowError) on every `<int:>`
route; now it answers 404. And a logged database error carries no values (`hide_parameters`)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import AuthActions

HUGE = ["99999999999999999999", "9223372036854775808", "2147483648", "0", "-1"]


def int_routes(app) -> list[tuple[str, str]]:
    found = []
    for rule in app.url_map.iter_rules():
        if "<int:" not in rule.rule:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((method, rule.rule))
    return found


@pytest.mark.parametrize("role", ["patient", "nurse"])
def test_an_id_out_of_range_answers_404_on_every_route(app, role):
    client = app.test_client()
    AuthActions(client).login(role)
    routes = int_routes(app)
    assert len(routes) >= 40  # the sweep reached the app's routes
    for method, rule in routes:
        for number in HUGE:
            path = re.sub(r"<int:\w+>", number, rule)
            response = client.open(path, method=method, data={})
            assert response.status_code == 404, (method, path, response.status_code)


def test_the_largest_database_id_is_still_a_plain_404(client, auth):
    auth.login("patient")
    assert client.get("/symptoms/2147483647").status_code == 404


def test_database_errors_are_logged_without_their_values(app):
    assert app.extensions["db_engine"].hide_parameters is True
