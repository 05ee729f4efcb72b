"""Load the education articles: `<slug>.<lang>.md` with a front matter of title, summary, reviewed,
sources and facts (articles/README.md), rendered to HTML with the `markdown` package.

The texts are our own, but they are still rendered with raw HTML switched off (any tag in the text is
shown as text) and with links limited to our own pages, phone numbers and https, so that a slip in a
text file can never put a script or a foreign link scheme on a patient's page.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
LANGUAGES = ("nb", "en")
FIELDS = ("title", "summary", "reviewed", "sources", "facts")
# The documents a patient can find and read (walk defect 30): the page shows these, in the reader's
# language (education/routes.py). The facts.md ids an article rests on are kept in `facts`, for the
# clinical reviewers, and never shown.
PUBLIC_SOURCES = (
    "NevroNEL natalizumab procedure",
    "Felleskatalogen Tysabri patient leaflet",
    "Tysabri patient card",
    "EMA Tysabri product information",
    "Biogen Sweden Tysabri questions and answers",
)
# The order on the list page: what a patient most needs to act on first (articles/README.md).
ARTICLE_ORDER = (
    "pml", "rebound", "relapse", "infections-vaccines", "reactions", "side-effects", "jcv-result",
    "pregnancy", "storage", "how-to-inject", "travel", "monitoring", "h-resept", "patient-card",
    "stopping", "restarting", "for-relatives",
)
_FILE_NAME = re.compile(r"^(?P<slug>[a-z0-9-]+)\.(?P<lang>[a-z]{2})\.md$")
_FACT_IDS = re.compile(r"^[A-Z]\d{1,2}(, [A-Z]\d{1,2})*$")


class ArticleError(ValueError):
    """An article file is missing, has no counterpart in the other language, or a bad front matter."""


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    lang: str
    title: str
    summary: str
    reviewed: date
    sources: tuple[str, ...]  # documents a patient can find (PUBLIC_SOURCES), shown on the page
    facts: str  # "P1, P2": the facts.md ids the text rests on, for reviewers; never shown
    html: Markup


# --------------------------------------------------------------------------- Markdown, safely


_SAFE_HREF = re.compile(r"^(/(?!/)|#|tel:\+?[0-9 ]+$|https://)")


class _SafeLinks(Treeprocessor):
    """Keep links to our own pages, tel: numbers and https; any other scheme loses its link."""

    def run(self, root) -> None:  # root: the markdown package's ElementTree element
        for link in root.iter("a"):
            href = link.get("href", "")
            if not _SAFE_HREF.match(href):
                link.attrib.pop("href", None)
                link.tag = "span"
        for image in root.iter("img"):
            if not image.get("src", "").startswith("/static/"):
                image.attrib.pop("src", None)


class _NoRawHtml(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - the markdown package's name
        # Without these two, an HTML block or an inline tag is plain text and comes out escaped.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)


def render_markdown(text: str) -> Markup:
    """Markdown to HTML with no raw HTML and only safe links (see module docstring)."""
    html = markdown.markdown(text, extensions=[_NoRawHtml()], output_format="html")
    # Safe: raw HTML is switched off above, so every tag in the text comes out escaped.
    return Markup(html)  # noqa: S704  # nosec B704


# --------------------------------------------------------------------------- files


def parse_article(path: Path, slug: str, lang: str) -> Article:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ArticleError(f"{path.name}: no front matter (the file must start with ---)")
    try:
        end = lines.index("---", 1)
    except ValueError:
        raise ArticleError(f"{path.name}: the front matter does not end with ---") from None
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(": ")
        if not sep or key not in FIELDS:
            raise ArticleError(f"{path.name}: unexpected front matter line {line!r}")
        meta[key] = value.strip()
    missing = [field for field in FIELDS if not meta.get(field)]
    if missing:
        raise ArticleError(f"{path.name}: front matter lacks {', '.join(missing)}")
    try:
        reviewed = date.fromisoformat(meta["reviewed"])
    except ValueError:
        raise ArticleError(f"{path.name}: reviewed is not an ISO date") from None
    sources = tuple(s.strip() for s in meta["sources"].split(";") if s.strip())
    unknown = [s for s in sources if s not in PUBLIC_SOURCES]
    if unknown:
        raise ArticleError(f"{path.name}: sources must be documents a patient can find "
                           f"({'; '.join(PUBLIC_SOURCES)}), not {'; '.join(unknown)}")
    if not _FACT_IDS.match(meta["facts"]):
        raise ArticleError(f"{path.name}: facts must be facts.md ids such as 'P1, E2'")
    body = "\n".join(lines[end + 1:])
    return Article(slug=slug, lang=lang, title=meta["title"], summary=meta["summary"], reviewed=reviewed,
                   sources=sources, facts=meta["facts"], html=render_markdown(body))


def load_articles(directory: Path = ARTICLES_DIR) -> dict[str, dict[str, Article]]:
    """Every article in every language, in ARTICLE_ORDER then by slug.

    Raises ArticleError when an article lacks a language or a front matter field: a missing
    translation is a mistake to catch in the tests, never a page that silently falls back.
    """
    found: dict[str, dict[str, Article]] = {}
    for path in sorted(directory.glob("*.md")):
        if path.name == "README.md":
            continue
        match = _FILE_NAME.match(path.name)
        if not match or match["lang"] not in LANGUAGES:
            raise ArticleError(f"{path.name}: not named <slug>.<nb|en>.md")
        found.setdefault(match["slug"], {})[match["lang"]] = parse_article(path, match["slug"], match["lang"])
    for slug, versions in found.items():
        lacking = [lang for lang in LANGUAGES if lang not in versions]
        if lacking:
            raise ArticleError(f"article {slug!r} lacks the language(s) {', '.join(lacking)}")
    rank = {slug: i for i, slug in enumerate(ARTICLE_ORDER)}
    return {slug: found[slug] for slug in sorted(found, key=lambda s: (rank.get(s, len(rank)), s))}


@functools.cache
def library() -> dict[str, dict[str, Article]]:
    """The articles shipped with the app, read once per process."""
    return load_articles()
