"""The texts of what NataHjem sends, per kind, in both languages.

Each feature registers its kinds: `register("dose_evening", detailed=…)`, where `detailed(params)`
returns (title, body) and runs under the recipient's locale (use gettext `_`). Unless the recipient chose
detailed texts, the discreet text is sent instead: by default "NataHjem" / "You have a reminder", never a
drug name, a symptom or a dose count (issue 12). Texts for nurses hold no health data at all, so they
register the same function for both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import force_locale
from flask_babel import gettext as _

TextFunction = Callable[[dict], tuple[str, str]]


def generic_reminder(_params: dict) -> tuple[str, str]:
    return "NataHjem", _("You have a reminder. Open NataHjem to see it.")


@dataclass(frozen=True)
class KindTexts:
    detailed: TextFunction
    discreet: TextFunction = generic_reminder


KINDS: dict[str, KindTexts] = {}


def register(kind: str, *, detailed: TextFunction, discreet: TextFunction = generic_reminder) -> None:
    KINDS[kind] = KindTexts(detailed=detailed, discreet=discreet)


def render(kind: str, params: dict, locale: str, *, detailed: bool) -> tuple[str, str]:
    """(title, body) of a kind in a language; an unknown kind is a programming error (KeyError)."""
    texts = KINDS[kind]
    with force_locale(locale):
        return (texts.detailed if detailed else texts.discreet)(params)
