"""Hostile values in every form the app shows: never a 500, never stored markup that runs (issue 7).

The forms are found by reading every page each user can open, so a new form is fuzzed without
being listed here.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import AuthActions

from .test_access_matrix import TABLE, expected, ids_for, urls

HOSTILE = [
    "", " ", "0", "-1", "9" * 400, "1e308", "NaN", "2026-02-30", "9999-12-31", "0001-01-01", "24:61",
    "x" * 20_000, "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "'; DROP TABLE injection; --",
    "\u202eRTL override", "e\u0301\u0301\u0301", "\U0001f489\U0001f4a5", "\x00", "\x1b[31m", "\r\n\t",
    "{{ 7*7 }}", "%(name)s", "../../etc/passwd", "javascript:alert(1)",
]
SWEEP = ["9" * 400, "x" * 20_000, "\x00", "-1", "9999-12-31", "0001-01-01", "1e308", "<script>alert(1)</script>"]
VALUES = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300))
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


class FormFinder(HTMLParser):
    """Every POST form on a page: its action and the names of its fields."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, list[str]]] = []
        self._current: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "get").lower() == "post":
            self._current = (attrs.get("action") or "", [])
        elif self._current is not None and tag in ("input", "select", "textarea", "button") and attrs.get("name"):
            if attrs["name"] not in self._current[1]:
                self._current[1].append(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form" and self._current is not None:
            self.forms.append(self._current)
            self._current = None


def forms_for(app, db_session, role: str) -> dict[str, list[str]]:
    client = app.test_client()
    AuthActions(client).login(role)
    ids = ids_for(db_session, "patient@example.org")
    found: dict[str, list[str]] = {}
    for endpoint, kind in TABLE.items():
        if expected(kind, role, "patient") != "ok" or endpoint == "auth.logout":
            continue
        for method, path in urls(app, endpoint, ids):
            if method != "GET":
                continue
            response = client.get(path, follow_redirects=True)
            if response.mimetype != "text/html":
                continue  # a download (the summary PDF, a calendar feed) holds no forms
            finder = FormFinder()
            finder.feed(response.get_data(as_text=True))
            for action, names in finder.forms:
                target = action or response.request.path
                if target not in ("/auth/logout",):
                    found.setdefault(target, sorted(set(found.get(target, [])) | set(names)))
    return found


@pytest.mark.parametrize("role", ["patient", "nurse"])
def test_no_form_answers_500_to_hostile_values(app, db_session, role):
    forms = forms_for(app, db_session, role)
    assert len(forms) >= 5, forms  # the crawl found the forms
    client = app.test_client()
    AuthActions(client).login(role)

    @settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(data=st.data())
    def post_hostile(data):
        action = data.draw(st.sampled_from(sorted(forms)))
        fields = {name: data.draw(VALUES) for name in forms[action] if name != "csrf_token"}
        response = client.post(action, data=fields)
        assert response.status_code != 500, (action, fields)
        if response.status_code == 302 and response.location.startswith("/auth/login"):
            AuthActions(client).login(role)  # e.g. a password change ended the session

    post_hostile()
    # And, for certain, each of the nastiest values alone in each field of each form.
    for action, names in sorted(forms.items()):
        for name in names:
            if name == "csrf_token":
                continue
            for value in SWEEP:
                response = client.post(action, data={name: value})
                assert response.status_code != 500, (action, name, value[:20])
                if response.status_code == 302 and response.location.startswith("/auth/login"):
                    AuthActions(client).login(role)
    # Whatever was stored is shown escaped wherever it appears.
    for path in ("/", "/injections/", "/nurse/", "/nurse/patients/1", "/nurse/patients/1/enrolment"):
        page = client.get(path).get_data(as_text=True)
        for markup in MARKUP:
            assert markup not in page, path
        assert not re.search(r"<script(?![^>]*\bsrc=)", page)
