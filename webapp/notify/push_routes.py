"""Web Push for patients and nurses (issue 12): the page listing this user's devices, the subscribe call
`static/js/push.js` makes, removing a device, and the service worker served from the site's root."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError
from sqlmodel import func, select

from .. import db
from ..extensions import limiter
from ..models import PushSubscription
from . import subscriptions
from .devices import InvalidSubscription, check_subscription, device_label, device_name
from .push import remove_subscription

bp = Blueprint("push", __name__)

STATIC = Path(__file__).resolve().parent.parent.parent / "static"
MAX_DEVICES = 20  # phones, tablets and browsers of one person; more is a script, not a person
MAX_BODY = 4096  # a real subscription body is under 1 kB


@bp.get("/sw.js")
def service_worker():
    """The service worker from the site's root, so that its scope is the whole app; revalidated on every
    load (no-cache), so that a new version reaches phones at once."""
    response = Response((STATIC / "sw.js").read_bytes(), mimetype="text/javascript")  # 3 kB, read whole
    response.headers["Service-Worker-Allowed"] = "/"
    response.headers["Cache-Control"] = "no-cache"
    response.add_etag()
    return response.make_conditional(request)


@bp.get("/notifications/devices")
@login_required
def devices():
    session = db.session()
    rows = [(sub, device_name(sub.label)) for sub in subscriptions(session, current_user.id)]
    return render_template("notify/devices.html", devices=rows,
                           vapid_key=current_app.config.get("VAPID_PUBLIC_KEY", "") if _push_on() else "")


def _push_on() -> bool:
    config = current_app.config
    return bool(config.get("VAPID_PUBLIC_KEY") and config.get("VAPID_PRIVATE_KEY"))


def _refuse(reason: str, code: str = "invalid"):
    # The reason names the part that was wrong, never what was sent (it may be logged); push.js shows the
    # reader a text chosen by `code`.
    return jsonify(error=reason, code=code), 400


@bp.post("/notifications/push/subscribe")
@login_required
@limiter.limit("30 per minute")
def subscribe():
    """Store this browser's subscription (JSON from `PushSubscription.toJSON()`, CSRF token in the
    X-CSRFToken header). Invalid or another user's: 400 and nothing stored. The same browser again
    updates its row, never adds a second one."""
    if not _push_on():
        return _refuse("push is not set up on this server")
    if (request.content_length or 0) > MAX_BODY:
        return _refuse("body too large")
    try:
        keys = check_subscription(request.get_json(silent=True),
                                  allow_prefixes=tuple(current_app.config.get("PUSH_ENDPOINT_ALLOW", ())))
    except InvalidSubscription as invalid:
        return _refuse(str(invalid))
    label = device_label(request.headers.get("User-Agent", "")[:500])
    session = db.session()
    for _attempt in range(2):  # a double tap may insert the same endpoint at the same moment: then update
        existing = session.exec(select(PushSubscription).where(PushSubscription.endpoint == keys.endpoint)).first()
        if existing is not None and existing.user_id != current_user.id:
            # Another account's browser: signing in as someone else must not take over their notifications.
            return _refuse("this browser gets notifications for another account", "other_account")
        if existing is None:
            count = session.exec(select(func.count()).select_from(PushSubscription)
                                 .where(PushSubscription.user_id == current_user.id)).one()
            if count >= MAX_DEVICES:
                return _refuse("too many devices")
            existing = PushSubscription(user_id=current_user.id, endpoint=keys.endpoint)
        existing.p256dh, existing.auth, existing.label = keys.p256dh, keys.auth, label
        session.add(existing)
        try:
            session.commit()
            break
        except IntegrityError:
            session.rollback()
    else:
        return _refuse("please try again")
    flash(_("Notifications are on for this device."), "success")
    return jsonify(id=existing.id), 200


@bp.post("/notifications/devices/<int:subscription_id>/remove")
@login_required
def remove_device(subscription_id: int):
    """Remove one of the user's own devices. Another user's, or one already gone (a double tap), changes
    nothing and says only that it is not on the list."""
    session = db.session()
    subscription = session.get(PushSubscription, subscription_id)
    if subscription is None or subscription.user_id != current_user.id:
        flash(_("That device is not on your list."), "info")
    else:
        remove_subscription(session, subscription)
        session.commit()
        flash(_("The device is removed. It gets no more notifications from NataHjem."), "success")
    return redirect(url_for("push.devices"))
