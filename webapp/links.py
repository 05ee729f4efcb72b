"""Absolute links that leave the app: in e-mails, invitations, QR codes and calendar feeds.

They are built from APP_BASE_URL, never from a request's Host header, which anyone may forge to make a
genuine NataHjem message point at a look-alike sign-in page (security finding 7). Production refuses to
start without APP_BASE_URL (config.check_production_settings); only development falls back on the
request's own root, so that `make run` gives working links.
"""

from __future__ import annotations

from flask import current_app, request, url_for

from .config import is_production


def root() -> str:
    """The address the app is opened on: APP_BASE_URL, else (never in production) the request's root."""
    base = (current_app.config.get("APP_BASE_URL") or "").rstrip("/")
    if base or is_production(current_app.config):
        return base
    return request.url_root.rstrip("/")


def absolute(path: str) -> str:
    """A path of this app as a link for somewhere outside it."""
    return root() + path


def external_url(endpoint: str, **values) -> str:
    """url_for(..., _external=True), but from APP_BASE_URL."""
    return absolute(url_for(endpoint, **values))
