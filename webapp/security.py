"""Response headers, session lifetime rules, role checks, safe redirects and the audit log."""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from urllib.parse import urlsplit

from flask import abort, current_app, g, redirect, request, session, url_for
from flask_login import current_user, logout_user
from sqlalchemy import insert

from . import db
from .models import AuditEvent, Role

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",  # no inline script anywhere
        "worker-src 'self'",  # the service worker, /sw.js from our origin (issue 12)
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def init_app(app) -> None:
    app.after_request(_security_headers)
    # First of all, before Flask-WTF's CSRF check reads the form (security finding 9).
    app.before_request_funcs.setdefault(None, []).insert(0, _limit_bodies)
    app.before_request(_refuse_nul_bytes)
    app.before_request(_enforce_session_lifetime)
    app.before_request(_require_nurse_second_factor)


# The forms a signed-out visitor may send: signing in (and its second step), an invitation, a password
# reset, and the language switch on those pages. Their bodies are a few hundred bytes.
ANONYMOUS_FORM_BLUEPRINTS = frozenset({"auth"})
ANONYMOUS_FORM_ENDPOINTS = frozenset({"i18n.switch_language"})
ANONYMOUS_BODY_LIMIT = 16 * 1024
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _anonymous_form_allowed() -> bool:
    return request.blueprint in ANONYMOUS_FORM_BLUEPRINTS or request.endpoint in ANONYMOUS_FORM_ENDPOINTS


def _limit_bodies():
    """A request body is read only where it can be used (security finding 9): never for an unknown path or
    a method the route does not take (404/405), and from a signed-out visitor only on the sign-in,
    invitation, reset and language forms, at most 16 KB. Anything else a signed-out visitor posts goes to
    the sign-in page unread, as every signed-in page would send her. MAX_CONTENT_LENGTH (1 MB) bounds the
    rest."""
    g.body_unread = True
    if request.routing_exception is not None or request.endpoint in SESSIONLESS:
        request.max_content_length = 0
        return None
    if current_user.is_authenticated:
        g.body_unread = False
        return None
    if _anonymous_form_allowed():
        g.body_unread = False
        request.max_content_length = min(ANONYMOUS_BODY_LIMIT, request.max_content_length or ANONYMOUS_BODY_LIMIT)
        return None
    request.max_content_length = 0
    if request.method in WRITE_METHODS:
        return current_app.login_manager.unauthorized()
    return None


def _refuse_nul_bytes() -> None:
    """A NUL byte is never real input, and PostgreSQL cannot store one: refuse it politely (400)."""
    for values in (request.args,) if g.get("body_unread") else (request.args, request.form):
        for key, value in values.items(multi=True):
            if "\x00" in key or "\x00" in value:
                abort(400)


def _security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    # No other window keeps a handle on ours, and no other site may embed our files (finding 27).
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
    if current_app.config.get("SESSION_COOKIE_SECURE"):
        # Subdomains too (ASVS 3.4.1, finding 13): none of them may be reached over plain http.
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if request.endpoint not in OWN_CACHE_RULES:
        # Pages may hold health data: never kept by the browser or a proxy.
        headers["Cache-Control"] = "no-store"
    return response


def _now() -> datetime:
    return datetime.now(UTC)


def start_session(user, stay: bool = False) -> None:
    """Called at login: the clock for the 12-hour and idle limits starts now. `stay`: a patient's "stay
    signed in on this device" (no idle limit for her; a nurse always has one)."""
    session.clear()
    session.permanent = True
    now = _now().timestamp()
    session["auth_at"] = now
    session["seen_at"] = now
    if stay and user.role == Role.PATIENT:
        session["stay"] = True


# Endpoints that never look at the session: files, the load balancer's check, and the FHIR API, which a
# record system reads with a bearer token (issue 15): no cookie is read or made, no body is read.
SESSIONLESS = frozenset({"static", "home.healthz", "push.service_worker", "fhir_api.everything"})
# Files that set their own Cache-Control: static files, and the service worker (no-cache, issue 12).
OWN_CACHE_RULES = frozenset({"static", "push.service_worker"})
# seen_at is rewritten at most this often, so that most responses need no new session cookie.
SEEN_AT_RESOLUTION = 60


def _enforce_session_lifetime() -> None:
    if request.endpoint in SESSIONLESS or not current_user.is_authenticated:
        return
    now = _now().timestamp()
    auth_at = session.get("auth_at", 0)
    seen_at = session.get("seen_at", 0)
    too_old = now - auth_at > current_app.config["PERMANENT_SESSION_LIFETIME"].total_seconds()
    if current_user.role == Role.NURSE:
        idle_limit = current_app.config["NURSE_IDLE_TIMEOUT"].total_seconds()
    elif session.get("stay"):
        idle_limit = float("inf")
    else:
        idle_limit = current_app.config["PATIENT_IDLE_TIMEOUT"].total_seconds()
    too_idle = now - seen_at > idle_limit
    if too_old or too_idle:
        logout_user()
        session.clear()
        session["expired"] = True
        return
    if now - seen_at >= SEEN_AT_RESOLUTION:
        session["seen_at"] = now


# What a nurse without a second factor may still open when one is required: the security page to enrol,
# signing out, the language switch, and what needs no session.
WITHOUT_SECOND_FACTOR = SESSIONLESS | frozenset({
    "account.security", "account.add_passkey", "account.setup_totp", "account.new_recovery_codes",
    "auth.logout", "i18n.switch_language", "home.emergency",
})


def _require_nurse_second_factor():
    """Security finding 2, in one place for every blueprint: a nurse signed in with a password only is sent
    to enrol a passkey or a code app before any page with patient data opens."""
    if (request.endpoint in WITHOUT_SECOND_FACTOR or not current_app.config.get("NURSE_SECOND_FACTOR_REQUIRED")
            or not current_user.is_authenticated or current_user.role != Role.NURSE):
        return None
    from .account.factors import has_second_factor

    if has_second_factor(current_user.id):
        return None
    return redirect(url_for("account.security"))


def role_required(role: Role):
    """Only signed-in users of this role; others get 403 (a signed-out visitor goes to login)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if current_user.role != role:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


patient_required = role_required(Role.PATIENT)
nurse_required = role_required(Role.NURSE)


def patient_or_relative(permission: str, *, reads: bool = False):
    """A patient, or a relative whom the patient let do `permission` (a RelativeGrant column), acting for
    her (issue 15 §5). Every change a relative makes, and every page of the patient's data she opens
    (`reads`), is written to the audit log as the relative's, for the patient's access log."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if current_user.role == Role.PATIENT:
                return view(*args, **kwargs)
            if current_user.role != Role.RELATIVE:
                abort(403)
            from .relatives.grants import helped_patient  # the relatives package builds on this module

            g.helped_patient = patient = helped_patient(current_user, permission)
            response = view(*args, **kwargs)
            if reads or request.method == "POST":
                audit("relative", patient_id=patient.id, target=f"relative.{request.endpoint}")
                db.session().commit()
            return response

        return wrapped

    return decorator


def own_patient():
    """The signed-in patient's own record; a patient reaches data only through this (404 if none). For a
    relative (issue 15 §5), the patient she is helping, set by `patient_or_relative` after the grant check."""
    if current_user.role == Role.RELATIVE:
        patient = g.get("helped_patient")
        if patient is None:
            abort(404)
        return patient
    patient = current_user.patient
    if patient is None:
        abort(404)
    return patient


def own_record(model, record_id: int, patient):
    """A row of `model` that belongs to the patient; another patient's id answers 404, as if absent."""
    record = db.session().get(model, record_id)
    if record is None or record.patient_id != patient.id:
        abort(404)
    return record


def safe_next(target: str | None, default: str) -> str:
    """A `next` value is used only when it is a path on this site, never another host."""
    if not target:
        return default
    target = target.strip()
    if any(ord(ch) < 32 for ch in target) or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


def audit(action: str, *, patient_id: int | None, target: str = "") -> None:
    """Record who read or changed which patient's data. Committed with the request's session."""
    actor_id = current_user.id if current_user.is_authenticated else None
    db.session().add(AuditEvent(actor_id=actor_id, patient_id=patient_id, action=action, target=target[:120]))


def audit_reads(patient_ids, target: str) -> None:
    """A page that lists many patients (the queue, the patient list, the inbox) is a read of each one's
    data: one row per patient shown, so that each patient's access history has it (security review
    finding 10). One statement, so a page's query count stays flat (issue 7). Committed with the request."""
    rows = [{"at": datetime.now(UTC), "actor_id": current_user.id, "patient_id": patient_id, "action": "read",
             "target": target[:120]} for patient_id in sorted(set(patient_ids))]
    if rows:
        db.session().execute(insert(AuditEvent), rows)


def refuse(target: str):
    """Answers 404 to a nurse who asked for a record outside her clinic, and keeps a trace of the attempt
    (security review finding 10). The request fails, so whatever it had not committed is dropped anyway;
    the refusal alone is committed. The record's id goes in the target, not in patient_id: the patient may
    not exist, and another clinic's patient is not shown who was refused."""
    if current_user.is_authenticated and current_user.role == Role.NURSE:
        session = db.session()
        session.rollback()
        session.add(AuditEvent(actor_id=current_user.id, patient_id=None, action="refused", target=target[:120]))
        session.commit()
    abort(404)
