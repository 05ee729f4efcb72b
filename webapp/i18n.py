"""Language choice and locale-aware formatting: Norwegian Bokmål first, English second.

The language is, in order: the signed-in user's choice, the language cookie (before login), the
browser's Accept-Language when it asks for English, and otherwise Norwegian.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache

from babel import dates as babel_dates
from flask import Blueprint, current_app, g, redirect, request, url_for
from flask_babel import format_decimal, get_locale, get_translations
from flask_login import current_user
from jinja2 import pass_context
from markupsafe import Markup
from wtforms.fields.choices import SelectChoice

from . import db
from .domain.clock import OSLO
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
    try:
        state = g._flask_babel
        cached = state.natahjem_translations
        if cached[0] is state.babel_locale:
            return cached[1]
    except (AttributeError, RuntimeError):  # first string of the request, or no request at all
        if not g:
            return get_translations()
    catalog = get_translations()
    state = g._flask_babel  # get_translations has made it and chosen the locale
    state.natahjem_translations = (state.babel_locale, catalog)
    return catalog


def gettext(string: str, **variables) -> str:
    text = translations().ugettext(string)
    return text % variables if variables else text


# ------------------------------------------------------------------ dates, in Oslo time
# The app's users live in Norway: English dates and times are written the European way, as en_GB
# does (3 Dec 2026, 16:00, Thursday 3 December 2026), never as 12/3/26 or 4:00 PM (walk defect 9).
FORMAT_LOCALES = {"en": "en_GB", "nb": "nb_NO"}
# en_GB's "full" style has a comma after the weekday; a British text writes "Thursday 3 December 2026".
_PATTERNS = {("en", "full"): "EEEE d MMMM y"}


def format_locale(language: str) -> str:
    """The Babel locale that formats dates, times and numbers for one of our languages."""
    return FORMAT_LOCALES.get(language, language)


# Formatting is a pure function of the value, the style and the language, and the same dates come
# back on every page (next dose, order-by day, a report's time): remembered per worker (issue 7).
@lru_cache(maxsize=8192)
def format_day(value: date, fmt: str, language: str) -> str:
    if isinstance(value, datetime):
        value = _in_oslo(value).date()
    return babel_dates.format_date(value, _PATTERNS.get((language, fmt), fmt), locale=format_locale(language))


@lru_cache(maxsize=8192)
def format_clock(value: datetime, language: str) -> str:
    """Hours and minutes in Oslo time: 16:00 in English; 16.00 in Norwegian, as Norwegian prose writes
    it after «kl.» (walk §6 #36)."""
    text = babel_dates.format_time(_in_oslo(value), "HH:mm", tzinfo=OSLO, locale=format_locale(language))
    return text.replace(":", ".") if language == "nb" else text


@lru_cache(maxsize=8192)
def format_moment_in(value: datetime, fmt: str, language: str) -> str:
    """A date and time in Oslo time: the date in the given style, the time as hours and minutes."""
    local = _in_oslo(value)
    if fmt == "short":
        return babel_dates.format_datetime(local, "short", tzinfo=OSLO, locale=format_locale(language))
    return f"{format_day(local.date(), fmt, language)} " \
           f"{babel_dates.format_time(local, 'short', tzinfo=OSLO, locale=format_locale(language))}"


def _day_at_clock(day: str, value: datetime, language: str) -> str:
    # CLDR's own joins: nb «3. desember 2026 kl. 16.00» (with the dot Norwegian prose uses), en_GB
    # "3 December 2026 at 16:00"
    return f"{day} kl. {format_clock(value, language)}" if language == "nb" else f"{day} at {format_clock(value, language)}"


@lru_cache(maxsize=8192)
def format_deadline(value: datetime, language: str) -> str:
    """A day and time for running text: «torsdag 3. desember kl. 16.00», "Thursday 3 December at 16:00".
    Norwegian puts «kl.» before the time (walk §6 #36). For a deadline within the coming days, so no year."""
    pattern = "EEEE d. MMMM" if language == "nb" else "EEEE d MMMM"
    return _day_at_clock(babel_dates.format_date(_in_oslo(value).date(), pattern, locale=format_locale(language)),
                         value, language)


@lru_cache(maxsize=8192)
def format_when(value: datetime, language: str) -> str:
    """A date and time inside a sentence: «3. des. 2026 kl. 16.00», "3 Dec 2026 at 16:00" (walk §6 #36;
    the short numeric form is for tables)."""
    return _day_at_clock(format_day(_in_oslo(value).date(), "medium", language), value, language)


def format_date(value: date, fmt: str = "medium") -> str:
    """A date in the request's language, for text built in a view (as flask_babel's, with our locales)."""
    return format_day(value, fmt, str(get_locale()))


def format_time(value: datetime, fmt: str = "short") -> str:
    """A time of day in Oslo time in the request's language, for text built in a view."""
    return babel_dates.format_time(_in_oslo(value), fmt, tzinfo=OSLO, locale=format_locale(str(get_locale())))


def _in_oslo(value: datetime) -> datetime:
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(OSLO)


def _language(context) -> str:
    # macros imported without context do not see the page's variables
    return context.get("current_language") or str(get_locale())


@pass_context
def _date_filter(context, value, fmt: str = "long") -> str:
    return format_day(value, fmt, _language(context)) if value else ""


@pass_context
def _datetime_filter(context, value, fmt: str = "medium") -> str:
    return format_moment_in(value, fmt, _language(context)) if value else ""


@pass_context
def _deadline_filter(context, value) -> str:
    return format_deadline(value, _language(context)) if value else ""


@pass_context
def _when_filter(context, value) -> str:
    return format_when(value, _language(context)) if value else ""


# ------------------------------------------------------------------ strings in templates
# Each page's templates get gettext and ngettext bound to the request's catalog, so that a string in a
# template costs a dictionary lookup, not a search for the request (the same behaviour as Jinja's
# "newstyle" gettext: escaped, with %(name)s variables).
def _template_gettext(catalog):
    @pass_context
    def template_gettext(context, string, **variables):
        text = catalog.ugettext(string)
        if context.eval_ctx.autoescape:
            # as Jinja's own: the catalog is ours and trusted; Markup's % escapes every variable
            text = Markup(text)  # noqa: S704  # nosec B704
        # formatted as Jinja does (so "%%" is "%"), but a plain sentence needs no formatting pass
        return text % variables if variables or "%" in text else text

    return template_gettext


def _template_ngettext(catalog):
    @pass_context
    def template_ngettext(context, singular, plural, num, **variables):
        variables.setdefault("num", num)
        text = catalog.ungettext(singular, plural, num)
        if context.eval_ctx.autoescape:
            # the same reason as in template_gettext
            text = Markup(text)  # noqa: S704  # nosec B704
        return text % variables

    return template_ngettext


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: translations().ugettext(s),
        ngettext=lambda s, p, n: translations().ungettext(s, p, n),
        pgettext=lambda c, s: translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
    app.jinja_env.filters["date"] = _date_filter
    app.jinja_env.filters["datetime"] = _datetime_filter
    app.jinja_env.filters["deadline"] = _deadline_filter
    app.jinja_env.filters["when"] = _when_filter
    app.jinja_env.filters["number"] = lambda value: format_decimal(value)

    @app.context_processor
    def language_context():
        catalog = translations()
        language = str(get_locale())
        gettext = _template_gettext(catalog)
        return {
            "current_language": language,
            "other_language": "en" if language == "nb" else "nb",
            "language_names": LANGUAGE_NAMES,
            "gettext": gettext,
            # Jinja's own `_` looks "gettext" up in the context and calls it through a second context call
            # for every string: the same function, bound directly (issue 16 §4: forty strings a page).
            "_": gettext,
            "ngettext": _template_ngettext(catalog),
        }
