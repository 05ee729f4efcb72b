"""gunicorn's access log without the secret part of a link (issue 13; security review finding 16).

A reset link (`/auth/reset/<token>`), an invitation (`/auth/invite/<token>`) and a calendar feed
(`/injections/calendar/<token>.ics`) are secrets in a path, and the access log (often drained to a third
party) would keep them: in the request line, and in the Referer of the form sent from that page. The
Procfile runs gunicorn with `--logger-class webapp.access_log.TokenMaskingLogger`.
"""

from __future__ import annotations

import re

from gunicorn.glogging import Logger

SECRET_IN_PATH = re.compile(r"(/auth/(?:invite|reset)/|/injections/calendar/)[^/?#\s\"]+")


def mask(text: str) -> str:
    return SECRET_IN_PATH.sub(r"\1…", text)


class TokenMaskingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        # Every text atom: the request line, the path, the Referer header and the environ copies of them.
        return {key: mask(value) if isinstance(value, str) else value for key, value in atoms.items()}
