"""The access log keeps no reset, invitation or calendar token (issue 13; security review finding 16)."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from gunicorn.config import Config

from webapp.access_log import TokenMaskingLogger, mask

TOKEN = "hS5cZk3Vp7VUxqlHG0NQBctPqR7Zp03C2CHyzqDO7y8"


def test_tokens_in_paths_are_masked_and_other_paths_kept():
    assert mask(f"GET /auth/reset/{TOKEN} HTTP/1.1") == "GET /auth/reset/… HTTP/1.1"
    assert mask(f"https://natahjem.example.no/auth/invite/{TOKEN}") == "https://natahjem.example.no/auth/invite/…"
    assert mask(f"/injections/calendar/{TOKEN}.ics") == "/injections/calendar/…"
    assert mask("/auth/forgot/sent") == "/auth/forgot/sent"
    assert mask("/nurse/patients/3/link") == "/nurse/patients/3/link"


def test_the_gunicorn_logger_masks_the_request_line_and_the_referer():
    logger = TokenMaskingLogger(Config())
    environ = {"REQUEST_METHOD": "POST", "RAW_URI": f"/auth/reset/{TOKEN}", "PATH_INFO": f"/auth/reset/{TOKEN}",
               "SERVER_PROTOCOL": "HTTP/1.1", "QUERY_STRING": "", "REMOTE_ADDR": "10.0.0.1",
               "HTTP_REFERER": f"https://natahjem.example.no/auth/reset/{TOKEN}"}
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    response = SimpleNamespace(status="302 FOUND", sent=0, headers=[])
    atoms = logger.atoms(response, request, environ, timedelta(milliseconds=5))
    assert all(TOKEN not in str(value) for value in atoms.values())
    assert atoms["r"] == "POST /auth/reset/… HTTP/1.1"
