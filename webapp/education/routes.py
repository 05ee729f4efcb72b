from flask import abort, render_template
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import login_required

from . import bp
from .articles import LANGUAGES, library

# The public sources the articles name, in the reader's language; any other name is shown as written.
SOURCE_NAMES = {
    "NevroNEL natalizumab procedure": _l("NevroNEL: the Norwegian clinical procedure for natalizumab"),
    "Felleskatalogen Tysabri patient leaflet": _l("Felleskatalogen: Tysabri patient leaflet"),
    "EMA Tysabri product information": _l("European Medicines Agency: Tysabri product information"),
    "Biogen Sweden Tysabri questions and answers": _l("Biogen Sweden: questions and answers about Tysabri"),
}


def source_name(source: str) -> str:
    return str(SOURCE_NAMES.get(source, source))


def _language() -> str:
    lang = str(get_locale())
    return lang if lang in LANGUAGES else LANGUAGES[0]


@bp.get("/")
@login_required
def index():
    lang = _language()
    articles = [versions[lang] for versions in library().values()]
    return render_template("education/index.html", articles=articles)


@bp.get("/<slug>")
@login_required
def article(slug: str):
    versions = library().get(slug)
    if versions is None:
        abort(404)
    return render_template("education/article.html", article=versions[_language()], source_name=source_name)
