"""Friendly error pages in the user's language. Our own mistakes are logged without health data."""

from __future__ import annotations

from flask import Response, has_request_context, render_template, request
from flask.globals import request_ctx
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
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
}


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

    @app.errorhandler(Exception)
    def unexpected_error(error):
        # Logged with the route only: the request may carry health data, so no form values.
        app.logger.exception("unhandled error on %s %s", request.method, request.url_rule)
        return _page(500)
