"""NataHjem: self-management for home natalizumab injections. `create_app` builds the Flask app."""

from __future__ import annotations

import logging
from pathlib import Path

from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from . import clinic_hours, db, i18n, navigation, phones, security
from .config import Config, check_production_settings, is_production, trusted_hosts
from .extensions import babel, csrf, limiter, login_manager
from .passwords import Passwords
from .sessions import EncryptedCookieSessionInterface
from .static_files import NataHjemFlask

ROOT = Path(__file__).resolve().parent.parent


class RowId(IntegerConverter):
    """`<int:…>` in every route: 1 to 2^31 − 1, the range of an id column (INTEGER on PostgreSQL). A
    larger number answers 404 instead of an OverflowError or DataError and a 500 (security finding 17)."""

    def __init__(self, map, fixed_digits=0, min=1, max=2**31 - 1, signed=False):  # noqa: A002 - werkzeug's names
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def create_app(config_class: type = Config, overrides: dict | None = None) -> NataHjemFlask:
    app = NataHjemFlask(
        __name__,
        static_folder=str(ROOT / "static"),
        instance_relative_config=True,
    )
    app.url_map.converters["int"] = RowId
    app.session_interface = EncryptedCookieSessionInterface()
    app.config.from_object(config_class)
    if overrides:
        app.config.update(overrides)
    check_production_settings(app.config)
    # Production answers only to APP_BASE_URL's host (and TRUSTED_HOSTS): a forged Host is a 400 (finding 7).
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config)
    if not app.config.get("DATABASE_URL"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["DATABASE_URL"] = f"sqlite:///{Path(app.instance_path) / 'natahjem.db'}"
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(ROOT / "translations")
    if app.config["PROXY_COUNT"]:
        # X-Forwarded-Host is not trusted (x_host=0): nginx passes a client's own header through unless told
        # otherwise, and no link is built from the host anyway (security finding 7).
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_COUNT"], x_proto=1, x_host=0)

    app.extensions["passwords"] = Passwords(app.config["ARGON2_PROFILE"])
    db.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    security.init_app(app)
    i18n.init_app(app)
    navigation.init_app(app)
    phones.init_app(app)
    clinic_hours.init_app(app)

    from . import (
        access_history,
        account,
        auth,
        closing,
        education,
        errors,
        flag_mail,
        followups,
        home,
        injections,
        messages,
        my_data_export,
        nurse,
        pharmacy,
        photos,
        relatives,
        reminders,
        risk,
        summary,
        symptoms,
    )
    from .auth.routes import init_login
    from .notify import push, push_routes

    # New emergency and urgent flags: an e-mail to the clinic's triage address (issue 4).
    app.extensions.setdefault("flag_listeners", []).append(flag_mail.on_new_flag)
    # New emergency and urgent flags: a push to the clinic's nurses on call (issue 12 §5).
    app.extensions["flag_listeners"].append(nurse.on_call.on_new_flag)

    init_login(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(account.bp)  # security finding 2: passkeys, code app, recovery codes
    app.register_blueprint(home.bp)
    app.register_blueprint(nurse.bp)
    app.register_blueprint(injections.bp)
    app.register_blueprint(education.bp)
    app.register_blueprint(risk.bp)
    app.register_blueprint(pharmacy.bp)
    app.register_blueprint(symptoms.bp)
    app.register_blueprint(followups.bp)
    app.register_blueprint(messages.bp)  # issue 13: messages to and from the clinic
    app.register_blueprint(access_history.bp)  # review finding 11: who has looked at my information
    from .fhir import api as fhir_api
    from .fhir import routes as fhir_routes

    app.register_blueprint(fhir_routes.bp)  # issue 15: the nurse's FHIR download
    app.register_blueprint(fhir_api.bp)  # issue 15: the record system's read-only FHIR API
    app.register_blueprint(my_data_export.bp)  # issue 15: the patient's own copy (GDPR art. 15, 20)
    push.init_app(app)  # the Web Push channel, when VAPID keys are set (issue 12)
    app.register_blueprint(push_routes.bp)
    app.register_blueprint(reminders.bp)
    app.register_blueprint(summary.bp)  # issue 15: the summary PDF and the trends
    app.register_blueprint(relatives.bp)  # issue 15 §5: a relative who may help
    app.register_blueprint(closing.bp)  # issue 15: the patient asks to close her account, an admin confirms
    photos.init_app(app)  # issue 13: photo routes, the upload size on upload routes, the store's settings
    errors.init_app(app)

    from . import cli
    from .notify import worker as outbox_worker

    cli.init_app(app)
    outbox_worker.init_app(app)  # issue 12: the e-mail channel, `flask worker`, a warning when push/e-mail are off
    if is_production(app.config):
        logging.basicConfig(level=logging.INFO)
        try:
            cli.refuse_demo_accounts(app)
        except Exception:
            app.extensions["db_engine"].dispose()  # the app never starts: leave no connection behind
            raise
    return app
