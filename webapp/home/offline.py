"""What the service worker may keep on a patient's phone for when there is no network (issue 16 part 2).

base.html hands `static/js/offline.js` three things for a signed-in patient, rendered here:
- `owner`: an opaque key for this user, so that doses waiting on the device (IndexedDB) are sent only
  while the same person is signed in, and counted only for her;
- `pages_key`: names the cache of her pages; it changes with her language and OFFLINE_VERSION, so a
  changed language replaces the whole cache (the service worker also fetches them again when they are
  older than 12 hours, so that a changed clinic number reaches the phone; reading the clinic here would
  add a query to every page);
- `pages`: the pages kept, none with health data: what to do in an emergency (with her clinic's number),
  the offline dose form, the symptom form (offline it only says whom to call) and the articles.
Signed out, or not a patient, nothing is rendered and offline.js empties every page cache: one person's
pages are never shown to the next one on the same phone.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app, request, url_for
from flask_babel import get_locale
from flask_login import current_user

from ..education.articles import library
from ..models import Role
from . import bp

# Raise when the cached pages' markup changes in a way old copies must not outlive.
OFFLINE_VERSION = "1"


def _key(*parts: object) -> str:
    secret = str(current_app.config["SECRET_KEY"]).encode()
    message = ":".join(str(part) for part in parts).encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:24]


def offline_pages() -> tuple[str, ...]:
    """Built once per worker (and root the app is mounted on), as the layout's links are: they depend only
    on the routes and the articles shipped, and every patient page names them (issue 16 §4)."""
    built = current_app.extensions.setdefault("offline_pages", {})
    pages = built.get(request.script_root)
    if pages is None:
        pages = built[request.script_root] = (
            url_for("home.emergency"), url_for("injections.offline"), url_for("symptoms.new"),
            url_for("education.index"), *(url_for("education.article", slug=slug) for slug in sorted(library())))
    return pages


def offline_device() -> dict | None:
    """The keys and page list for offline.js, or None when no patient is signed in."""
    if not current_user.is_authenticated or current_user.role != Role.PATIENT:
        return None
    return {
        "owner": _key("offline-owner", current_user.id),
        "pages_key": _key("offline-pages", current_user.id, get_locale(), OFFLINE_VERSION),
        "pages": offline_pages(),
    }


@bp.app_context_processor
def offline_context() -> dict:
    return {"offline_device": offline_device}
