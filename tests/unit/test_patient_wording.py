"""Words a patient must never read (clinical review 2026-12 E2, walk §6): checked in every
patient-facing text, the articles, both sides of the catalog and the templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PATIENT_TEXTS = sorted(
    [*ROOT.glob("webapp/education/articles/*.md"), *ROOT.glob("webapp/templates/**/*.html"),
     ROOT / "translations/nb/LC_MESSAGES/messages.po"]
)

# The JCV test measures antibodies and the index is the antibody level: not whether you "carry" the
# virus, nor how much virus you have (review E2, seed 000).
VIRUS_MISREADINGS = [
    r"carry(ing)? the (JC )?virus", r"carries the (JC )?virus", r"how much (of the )?virus",
    r"bærer (JC-)?viruset", r"hvor mye (JC-)?virus",
]
# Norwegian wording the reviews replaced (walk §6, clinical §1.4), in the msgstr and article text.
OLD_NORWEGIAN = [
    "Nødhjelp", "Triasjekø", "triasjekø", "Ta flagget", "Overta flagget", "åpne flagg", "Krysset av av",
    "Hentet dato", "Utstedt dato", "Dager varsel", "Hvordan MS-en din har det",
    '"Din beregning"', '"Planlagt"', '"Snart"', '"Ikke svar"', '"Mens du venter"',
    "Tid med natalizumab", "Lager og resepter", "Skjemaet var utløpt", "Skjemaet ble ødelagt",
    "helt opptil", "Lagret til sykepleieren", "Dose natalizumab skal tas", "på overtid",
    "kanylebeholder", "Selve infeksjonen er viktig", "hvis du veier mye", "fraråder amming",
    "utgangsbilde", "Symptommeldingen", "Norske MS-leger",
]


def test_the_files_checked_are_there():
    names = {path.name for path in PATIENT_TEXTS}
    assert {"pml.nb.md", "pml.en.md", "messages.po", "emergency.html"} <= names


@pytest.mark.parametrize("pattern", VIRUS_MISREADINGS)
def test_no_patient_text_says_the_jcv_test_shows_virus(pattern):
    found = [path.name for path in PATIENT_TEXTS
             if re.search(pattern, path.read_text(encoding="utf-8"), re.IGNORECASE)]
    assert found == []


def _norwegian_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".po":  # the msgstr side only: the English msgid may say "flag"
        return "\n".join(line for line in text.splitlines() if not line.startswith(("msgid", "#")))
    return text


@pytest.mark.parametrize("old", OLD_NORWEGIAN)
def test_replaced_norwegian_wording_is_gone(old):
    found = [path.name for path in PATIENT_TEXTS if ".en." not in path.name and old in _norwegian_text(path)]
    assert found == []


def test_the_jcv_check_says_antibodies_in_both_languages():
    po = (ROOT / "translations/nb/LC_MESSAGES/messages.po").read_text(encoding="utf-8")
    assert "har antistoffer mot JC-viruset" in po
    assert "antibodies against the JC virus" in (ROOT / "webapp/risk/labels.py").read_text(encoding="utf-8")
