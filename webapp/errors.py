"""Friendly error pages in the user's language. Our own mistakes are logged without health data."""

from __future__ import annotations

from flask import Response, g, has_request_context, render_template, request
from flask.globals import request_ctx
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import HTTPException

from .fhir.api import API_PREFIX, api_error

MESSAGES = {
    400: (_l("Something in the request was wrong"), _l("Please go back and try again.")),
    403: (_l("No access"), _l("This page is not open to you.")),
    404: (_l("Page not found"), _l("The page does not exist, or you do not have access to it.")),
    405: (_l("Not allowed"), _l("This page cannot be used in that way.")),
    413: (_l("Too much data"), _l("What you sent was too large.")),
    429: (_l("Too many attempts"), _l("Please wait a minute before you try again.")),
    500: (_l("Something went wrong on our side"), _l("What you saved before this is kept. Please try again.")),
    503: (_l("NataHjem is not available just now"),
          _l("What you saved before this is kept. Please try again in a few minutes. If you feel unwell, "
             "call your clinic; in an emergency, call 113.")),
}
DATABASE_DOWN_RETRY_SECONDS = 30


def database_unreachable(error: DBAPIError) -> bool:
    """The database cannot be reached (down, restarting, the network): not a mistake in our SQL. psycopg
    raises OperationalError for a refused or broken connection; SQLAlchemy marks a dropped one."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    return isinstance(error, OperationalError | InterfaceError) or bool(error.connection_invalidated)


def _page(code: int):
    title, text = MESSAGES.get(code, MESSAGES[500] if code >= 500 else MESSAGES[400])
    if not has_request_context() or request_ctx.url_adapter is None:
        # A Host the app does not answer to (TRUSTED_HOSTS, finding 7): no link can be built for it, so no
        # page with links either; a short text answer names nothing of the app.
        return Response(f"{code} {title}\n", status=code, mimetype="text/plain")
    return render_template("errors/error.html", code=code, title=title, text=text), code


def init_app(app) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        title = _l("The form had expired")
        text = _l("For your safety the form stops working after a while. Go back, reload the page and try again.")
        return render_template("errors/error.html", code=400, title=title, text=text), 400

    @app.errorhandler(HTTPException)
    def http_error(error):
        if error.response is not None:  # a response made on purpose, e.g. a rate limit's on_breach
            return error.response
        if has_request_context() and request.path.startswith(API_PREFIX):  # a record system reads FHIR, not HTML
            return api_error(error)
        return _page(error.code or 500)

    @app.errorhandler(DBAPIError)
    def database_error(error):
        if not database_unreachable(error):
            return unexpected_error(error)
        # The database is down or restarting: a friendly 503, and the pool (pool_pre_ping) connects again
        # by itself on a later request. Logged without the statement's values (hide_parameters).
        app.logger.error("database unreachable on %s %s: %s", request.method, request.url_rule,
                         type(error.orig).__name__ if error.orig is not None else type(error).__name__)
        session = g.pop("db_session", None)
        if session is not None:
            session.close()
        # The page must not ask the database again: who is signed in cannot be read now.
        from flask_login import AnonymousUserMixin

        from .extensions import login_manager

        g._login_user = (login_manager.anonymous_user or AnonymousUserMixin)()
        response = _page(503)
        if isinstance(response, tuple):
            response = app.make_response(response)
        response.headers["Retry-After"] = str(DATABASE_DOWN_RETRY_SECONDS)
        return response

    @app.errorhandler(Exception)
    def unexpected_error(error):
        # Logged with the route only: the request may carry health data, so no form values.
        app.logger.exception("unhandled error on %s %s", request.method, request.url_rule)
        return _page(500)
