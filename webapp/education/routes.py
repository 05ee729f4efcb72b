from flask import abort, render_template
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from . import bp
from .articles import LANGUAGES, library

# The documents the articles rest on, named so that a patient can find them (walk defect 30), in the
# reader's language. articles.PUBLIC_SOURCES lists the same keys; a test checks both agree.
SOURCE_NAMES = {
    "NevroNEL natalizumab procedure": _l(
        "The treatment procedure for natalizumab that your clinic follows (NevroNEL, on nevro.legehandboka.no)"
    ),
    "Felleskatalogen Tysabri patient leaflet": _l("The Tysabri package leaflet (in the box, and on felleskatalogen.no)"),
    "Tysabri patient card": _l("The Tysabri patient card, which you get from your clinic"),
    "EMA Tysabri product information": _l("The Tysabri product information from the European Medicines Agency (ema.europa.eu)"),
    "Biogen Sweden Tysabri questions and answers": _l("Questions and answers about Tysabri from the maker, Biogen"),
}


def source_name(source: str) -> str:
    return str(SOURCE_NAMES.get(source, source))


def _granted() -> None:
    """A relative reads the articles only when a patient let her (issue 15 §5); patients and nurses always."""
    from ..relatives.grants import may

    if current_user.is_relative and not may(current_user, "may_read_education"):
        abort(403)


def _language() -> str:
    lang = str(get_locale())
    return lang if lang in LANGUAGES else LANGUAGES[0]


@bp.get("/")
@login_required
def index():
    _granted()
    lang = _language()
    articles = [versions[lang] for versions in library().values()]
    return render_template("education/index.html", articles=articles)


@bp.get("/<slug>")
@login_required
def article(slug: str):
    _granted()
    versions = library().get(slug)
    if versions is None:
        abort(404)
    return render_template("education/article.html", article=versions[_language()], source_name=source_name)
