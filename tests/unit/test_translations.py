"""Every marked string has a Norwegian translation, and placeholders survive translation (issue 2)."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "_l": None}
METHODS = [("webapp/**.py", "python"), ("webapp/templates/**.html", "jinja2")]


def marked_strings() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        str(ROOT), METHODS, keywords=KEYWORDS, options_map={"webapp/templates/**.html": {}},
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def catalog(lang: str):
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f)


def test_every_marked_string_has_a_norwegian_translation():
    nb = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog("nb") if m.id}
    missing = sorted(s for s in marked_strings() if s not in nb)
    untranslated = sorted(k for k, m in nb.items()
                          if not (m.string if isinstance(m.string, str) else all(m.string)))
    fuzzy = sorted(k for k, m in nb.items() if m.fuzzy)
    assert (missing, untranslated, fuzzy) == ([], [], [])


def test_the_extraction_finds_strings_at_all():
    # Guards the test above: an extractor that finds nothing would pass it vacuously.
    strings = marked_strings()
    assert "Sign in" in strings and "Skip to content" in strings


def test_translations_keep_their_placeholders():
    for message in catalog("nb"):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"%\((\w+)\)s", ids[0]))
        for translated in strings:
            assert set(re.findall(r"%\((\w+)\)s", translated)) == wanted, message.id
