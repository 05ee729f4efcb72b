"""Settings from the environment, with safe defaults (STYLE.md habit 1).

APP_ENV selects the mode: "development" (demo data allowed, a local SQLite file, no HTTPS), "test" (the
suite's TestConfig), or anything else, which is production: "production" is the default, and "staging",
"prod" or a typo get every production guard too (security finding 14), so that a forgotten or misspelt
setting fails safe.
"""

from __future__ import annotations

import os
from datetime import timedelta
from urllib.parse import urlsplit

# Secret keys that must never run a production server: the development default and the obvious ones.
DEFAULT_SECRET_KEYS = frozenset({"", "dev", "development", "secret", "changeme", "dev-only-not-secret"})


def database_url_from_env(value: str | None) -> str | None:
    """Heroku-style URLs say postgres://; SQLAlchemy wants an explicit driver (psycopg 3)."""
    if not value:
        return None
    for prefix in ("postgres://", "postgresql://"):
        if value.startswith(prefix):
            return "postgresql+psycopg://" + value[len(prefix):]
    return value


# The only modes that are not production (security finding 14).
NOT_PRODUCTION = frozenset({"development", "test"})


def is_production(config) -> bool:
    """Every APP_ENV but development and test runs with the production guards."""
    return (config.get("APP_ENV") or "production").strip().lower() not in NOT_PRODUCTION


class Config:
    APP_ENV = os.environ.get("APP_ENV", "production")
    DEMO_MODE = APP_ENV.strip().lower() == "development"
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret" if DEMO_MODE else "")
    # None: a SQLite file in the instance folder (set in create_app, where the folder is known).
    DATABASE_URL = database_url_from_env(os.environ.get("DATABASE_URL"))
    SQL_ECHO = False

    LANGUAGES = ("nb", "en")  # Norwegian Bokmål first (DESIGN.md)
    BABEL_DEFAULT_LOCALE = "nb"
    BABEL_DEFAULT_TIMEZONE = "Europe/Oslo"  # times are shown in Oslo time
    LANGUAGE_COOKIE = "natahjem_lang"

    # The __Host- prefix (security finding 13, ASVS 3.3.1) makes the browser refuse the cookie unless it is
    # Secure, for path / and without a Domain: no subdomain or plain-http page can set or shadow it. A
    # browser keeps __Host- cookies only over https, so development (plain http) keeps the plain name.
    SESSION_COOKIE_NAME = "natahjem_session" if DEMO_MODE else "__Host-natahjem_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = not DEMO_MODE
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)  # every session ends after 12 hours
    # The 12 hours count from login (auth_at, security.py), so the cookie need not be re-signed and
    # re-sent on every response: only when the session changes (at most once a minute, for seen_at).
    SESSION_REFRESH_EACH_REQUEST = False
    NURSE_IDLE_TIMEOUT = timedelta(minutes=30)  # a nurse's shared desk: 30 idle minutes
    # A patient on a shared or lost device (security finding 21): signed out after this many idle minutes,
    # unless she chose "stay signed in on this device" (then only the 12 hours apply).
    PATIENT_IDLE_TIMEOUT = timedelta(minutes=int(os.environ.get("PATIENT_IDLE_MINUTES", "60")))
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session (12 h at most)

    # Security finding 2: a nurse reads the whole clinic's health data, so outside development she must have
    # a second factor (passkey or code app) before any page but the security page opens. Tests turn it on.
    NURSE_SECOND_FACTOR_REQUIRED = os.environ.get(
        "NURSE_SECOND_FACTOR_REQUIRED", "false" if DEMO_MODE else "true").strip().lower() in ("1", "true", "yes", "on")

    LOGIN_MAX_FAILURES = 5
    LOGIN_LOCK_MINUTES = 15
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "20 per minute")  # per client IP address
    # Per account tried, from every source together; only failed attempts count. The hard lock
    # (LOGIN_MAX_FAILURES) is per account and source, so that nobody can lock a nurse out (finding 5).
    LOGIN_RATE_LIMIT_ADDRESS = os.environ.get("LOGIN_RATE_LIMIT_ADDRESS", "10 per minute")
    # Wrong current passwords on the password change page before the session ends (finding 20).
    PASSWORD_CHANGE_RATE_LIMIT = os.environ.get("PASSWORD_CHANGE_RATE_LIMIT", "5 per 15 minutes")
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    # Gunicorn worker processes per machine: the Procfile runs ${WEB_CONCURRENCY:-3}, so unset means 3.
    # memory:// keeps a rate-limit counter per process, so production refuses it with more than one
    # worker (security review finding 4); set WEB_CONCURRENCY=1 for a single worker, or use Redis.
    WEB_CONCURRENCY = int(os.environ.get("WEB_CONCURRENCY", "3") or "3")
    # Per patient account, counting only what was stored (security finding 8; webapp/patient_limits.py).
    REPORT_RATE_LIMIT = os.environ.get("REPORT_RATE_LIMIT", "20 per hour")
    MESSAGE_RATE_LIMIT = os.environ.get("MESSAGE_RATE_LIMIT", "30 per hour")
    INVITATION_VALID_DAYS = 7
    # Issue 13: a reset link by e-mail works once for an hour; one shown at the clinic for 15 minutes.
    PASSWORD_RESET_VALID_MINUTES = 60
    IN_PERSON_RESET_VALID_MINUTES = 15
    # "Forgot password?": per IP address, and per e-mail address asked about (known or not).
    RESET_RATE_LIMIT_IP = os.environ.get("RESET_RATE_LIMIT_IP", "10 per hour")
    RESET_RATE_LIMIT_ADDRESS = os.environ.get("RESET_RATE_LIMIT_ADDRESS", "3 per hour")
    ARGON2_PROFILE = "rfc9106_low_memory"  # argon2id, 64 MiB, t=3

    # Number of proxies in front of the app (X-Forwarded-For and X-Forwarded-Proto are trusted from that
    # many hops), 0 = none. Production refuses to start unless it is set, 0 included (security finding 13):
    # behind a TLS proxy a forgotten count makes every link http:// and every client one address.
    # X-Forwarded-Host is never trusted: links come from APP_BASE_URL, and TRUSTED_HOSTS checks Host.
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0") or "0")
    PROXY_COUNT_SET = "PROXY_COUNT" in os.environ
    # Host names the app answers to besides APP_BASE_URL's (comma-separated); production answers any other
    # Host header with 400 (security finding 7). Empty outside production: every host.
    EXTRA_TRUSTED_HOSTS = tuple(h.strip() for h in os.environ.get("TRUSTED_HOSTS", "").split(",") if h.strip())

    # E-mail to the clinic's triage address when an urgent or emergency flag is raised (issue 4).
    # No SMTP_HOST: no e-mail is sent (a log line says so). Port 465 uses TLS from the start.
    SMTP_HOST = os.environ.get("SMTP_HOST", "")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "587") or "587")
    SMTP_USERNAME = os.environ.get("SMTP_USERNAME", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    SMTP_STARTTLS = os.environ.get("SMTP_STARTTLS", "true").strip().lower() in ("1", "true", "yes", "on")
    SMTP_TIMEOUT = 10  # seconds: a slow mail server must not hold the patient's answer page long
    MAIL_FROM = os.environ.get("MAIL_FROM", "natahjem@localhost")
    # The address the app is opened on (e.g. https://natahjem.example.no). Every link that leaves the app
    # (e-mails, invitations, calendar feeds, QR codes) is built from it, never from a request's Host
    # (security finding 7); production refuses to start without it.
    APP_BASE_URL = os.environ.get("APP_BASE_URL", "").strip().rstrip("/")
    # The outbox worker (issue 12): a row failing this many times goes to the dead-letter page; a worker's
    # lease on a row it sends, after which another worker may send it again (a killed worker).
    OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "8") or "8")
    OUTBOX_LEASE_SECONDS = int(os.environ.get("OUTBOX_LEASE_SECONDS", "120") or "120")

    # Web Push (issue 12). `flask --app webapp vapid-keys` prints a pair to paste here: the private key as
    # base64url of its 32 bytes, the public key (the browser's applicationServerKey) as base64url of the
    # 65-byte uncompressed point. Without both, push is off: push rows wait in the outbox, and a WARNING says so.
    VAPID_PRIVATE_KEY = os.environ.get("VAPID_PRIVATE_KEY", "").strip()
    VAPID_PUBLIC_KEY = os.environ.get("VAPID_PUBLIC_KEY", "").strip()
    # Who the push services may contact about our messages: mailto: or https: (RFC 8292).
    VAPID_SUBJECT = os.environ.get("VAPID_SUBJECT", "").strip()
    PUSH_TTL = 24 * 3600  # seconds a push service keeps a message for a phone that is off
    PUSH_TIMEOUT = 10  # seconds for one push service request (the worker sends, never a web request)
    # Endpoint prefixes accepted although they are plain http or a local host: the test push service only.
    PUSH_ENDPOINT_ALLOW: tuple[str, ...] = ()

    # Photos (issue 13, webapp/photos/): a request body is at most 1 MB, except on the routes that take
    # photos (@photo_upload: three photos of 10 MB). The store is a local folder (default instance/photos,
    # never under static/) or an S3-compatible bucket; S3 credentials come from the usual AWS variables.
    MAX_CONTENT_LENGTH = 1024 * 1024
    PHOTO_STORE = os.environ.get("PHOTO_STORE", "local").strip().lower() or "local"
    PHOTO_FOLDER = os.environ.get("PHOTO_FOLDER", "").strip() or None
    PHOTO_S3_BUCKET = os.environ.get("PHOTO_S3_BUCKET", "").strip()
    PHOTO_S3_ENDPOINT = os.environ.get("PHOTO_S3_ENDPOINT", "").strip()
    PHOTO_S3_REGION = os.environ.get("PHOTO_S3_REGION", "").strip() or os.environ.get("AWS_DEFAULT_REGION", "")


class TestConfig(Config):
    TESTING = True
    APP_ENV = "test"
    DEMO_MODE = True
    SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105  # nosec B105
    SESSION_COOKIE_SECURE = False
    SESSION_COOKIE_NAME = "natahjem_session"
    NURSE_SECOND_FACTOR_REQUIRED = False  # the tests of the second factor turn it on
    WTF_CSRF_ENABLED = False  # tests that check CSRF turn it back on
    ARGON2_PROFILE = "test"  # cheap hashes keep the suite fast; production uses argon2id defaults
    LOGIN_RATE_LIMIT = "1000 per minute"
    LOGIN_RATE_LIMIT_ADDRESS = "1000 per minute"
    PASSWORD_CHANGE_RATE_LIMIT = "1000 per minute"  # noqa: S105  # nosec B105 (a rate, not a password)
    RESET_RATE_LIMIT_IP = "1000 per minute"  # tests of the limit set their own
    RESET_RATE_LIMIT_ADDRESS = "1000 per minute"
    REPORT_RATE_LIMIT = "1000 per minute"
    MESSAGE_RATE_LIMIT = "1000 per minute"
    RATELIMIT_STORAGE_URI = "memory://"
    WEB_CONCURRENCY = 1  # one process (the test client, or one threaded server)
    DATABASE_URL = database_url_from_env(os.environ.get("TEST_DATABASE_URL"))
    SMTP_HOST = ""  # tests that send e-mail start their own SMTP server and set it


class ConfigError(RuntimeError):
    """The app refuses to start with settings that would be unsafe."""


LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def check_base_url(value: str) -> str:
    """APP_BASE_URL's host name, after checking it is an absolute https URL with no path, query or user
    (plain http only on this machine, for a local rehearsal)."""
    parts = urlsplit(value or "")
    host = parts.hostname or ""
    if (not host or parts.username or parts.password or parts.path not in ("", "/") or parts.query
            or parts.fragment or parts.scheme not in ("https", "http")
            or (parts.scheme == "http" and host not in LOOPBACK_HOSTS)):
        raise ConfigError(
            f"APP_BASE_URL must be the https address patients and nurses open the app on, e.g. "
            f"APP_BASE_URL=https://natahjem.example.no (got {value!r}). Links in e-mails, invitations and "
            "calendar feeds are built from it, never from a request's Host header."
        )
    return host


def trusted_hosts(config) -> list[str] | None:
    """Flask's TRUSTED_HOSTS for production: APP_BASE_URL's host and any extra ones; None elsewhere."""
    if not is_production(config):
        return None
    return [check_base_url(config.get("APP_BASE_URL") or ""), *config.get("EXTRA_TRUSTED_HOSTS", ())]


def check_production_settings(config) -> None:
    """Production never starts with a default or missing secret key, nor with demo mode on, nor with
    per-process rate-limit counters (memory://) shared by several workers, nor without the address links
    are built from and an explicit proxy count."""
    if not is_production(config):
        return
    key = config.get("SECRET_KEY") or ""
    if key in DEFAULT_SECRET_KEYS or len(key) < 32:
        raise ConfigError(
            "SECRET_KEY is missing, a default, or shorter than 32 characters. Set a random one, e.g. "
            "SECRET_KEY=$(python -c 'import secrets; print(secrets.token_hex(32))'), "
            "or run the development server with APP_ENV=development (make run)."
        )
    if config.get("DEMO_MODE"):
        raise ConfigError("DEMO_MODE cannot be on in production")
    storage = (config.get("RATELIMIT_STORAGE_URI") or "memory://").strip()
    workers = int(config.get("WEB_CONCURRENCY") or 1)
    if storage.startswith("memory://") and workers > 1:
        raise ConfigError(
            f"RATELIMIT_STORAGE_URI is {storage!r} with WEB_CONCURRENCY={workers} workers: every worker would "
            "count login attempts on its own, multiplying the limits. Set RATELIMIT_STORAGE_URI to a shared "
            "store (e.g. redis://localhost:6379/0), or WEB_CONCURRENCY=1 for a single worker."
        )
    if not config.get("NURSE_SECOND_FACTOR_REQUIRED"):
        raise ConfigError("NURSE_SECOND_FACTOR_REQUIRED cannot be off in production: a nurse reads a whole clinic's "
                          "health data, and must sign in with a passkey or a code app (security finding 2).")
    check_base_url(config.get("APP_BASE_URL") or "")
    if not config.get("PROXY_COUNT_SET"):
        raise ConfigError(
            "PROXY_COUNT is not set. Set it to the number of proxies in front of the app (1 behind one nginx or "
            "a PaaS router), or PROXY_COUNT=0 when clients connect to gunicorn directly."
        )
