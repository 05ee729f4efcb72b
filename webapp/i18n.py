"""Language choice and locale-aware formatting: Norwegian Bokmål first, English second.

The language is, in order: the signed-in user's choice, the language cookie (before login), the
browser's Accept-Language when it asks for English, and otherwise Norwegian.
"""

from __future__ import annotations

from flask import Blueprint, current_app, g, redirect, request, url_for
from flask_babel import (
    format_date,
    format_datetime,
    format_decimal,
    format_time,
    get_locale,
    get_translations,
    to_user_timezone,
)
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from . import db
from .security import safe_next

bp = Blueprint("i18n", __name__)

LANGUAGE_NAMES = {"nb": "Norsk", "en": "English"}  # each in its own language: never translated
LANGUAGE_CHOICES = [SelectChoice(code, name, render_kw={"lang": code}) for code, name in LANGUAGE_NAMES.items()]
ONE_YEAR = 365 * 24 * 3600


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    cookie = request.cookies.get(current_app.config["LANGUAGE_COOKIE"])
    if cookie in languages:
        return cookie
    # Browsers ask for "no", "nb" or "nn" for Norwegian; all of them get Bokmål, as does everyone else
    # who does not ask for English.
    if request.accept_languages.best_match(["en", "nb", "no", "nn"]) == "en":
        return "en"
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def other_language() -> str:
    return "en" if str(get_locale()) == "nb" else "nb"


@bp.post("/language")
def switch_language():
    """Switch and remember the language: on the user when signed in, and in a cookie always."""
    lang = request.form.get("lang", "")
    target = safe_next(request.form.get("next"), url_for("home.index"))
    response = redirect(target)
    if lang not in current_app.config["LANGUAGES"]:
        return response
    if current_user.is_authenticated:
        current_user.locale = lang
        db.session().add(current_user)
        db.session().commit()
    response.set_cookie(
        current_app.config["LANGUAGE_COOKIE"], lang, max_age=ONE_YEAR, httponly=True, samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response


def translations():
    """The request's catalog. Flask-Babel looks it up again for every string (about a dozen context
    lookups each, a tenth of a page's time): keep it on Flask-Babel's own per-request state instead,
    keyed by the locale object, which `force_locale` and `refresh` replace, so both still work."""
    if not g:
        return get_translations()
    state = g.get("_flask_babel")
    locale = getattr(state, "babel_locale", None)
    cached = getattr(state, "natahjem_translations", None)
    if cached is not None and locale is not None and cached[0] is locale:
        return cached[1]
    catalog = get_translations()
    state = g._flask_babel  # get_translations has made it and chosen the locale
    state.natahjem_translations = (state.babel_locale, catalog)
    return catalog


def gettext(string: str, **variables) -> str:
    text = translations().ugettext(string)
    return text % variables if variables else text


_ = gettext


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", num)
    return translations().ungettext(singular, plural, num) % variables


def format_moment(value, fmt: str = "medium") -> str:
    """A date and time in Oslo time: the date in the given style, the time as hours and minutes."""
    if not value:
        return ""
    if fmt == "short":
        return format_datetime(value, "short")
    return f"{format_date(to_user_timezone(value).date(), fmt)} {format_time(value, 'short')}"


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: translations().ugettext(s),
        ngettext=lambda s, p, n: translations().ungettext(s, p, n),
        pgettext=lambda c, s: translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
    app.jinja_env.filters["date"] = lambda value, fmt="long": format_date(value, fmt) if value else ""
    app.jinja_env.filters["datetime"] = format_moment
    app.jinja_env.filters["number"] = lambda value: format_decimal(value)

    @app.context_processor
    def language_context():
        return {
            "current_language": str(get_locale()),
            "other_language": other_language(),
            "language_names": LANGUAGE_NAMES,
        }
