"""Build webapp/domain/triage/data/wordforms.tsv from Debian's Norwegian hunspell dictionaries.

The reader's lexicon names words in one or a few forms ("nummen", "glemmer"). People write every
inflection, radical Bokmål (*forsinka, våkna*), Nynorsk (*auga, gløymer, svimde*) and dialect. This
script expands the Bokmål (nb_NO) and Nynorsk (nn_NO) dictionaries with spylls and keeps only the forms
of the words the lexicon needs, each mapped to the lexicon word it stands for:

- a dictionary lemma that is a lexicon word: all its forms -> the lemma ("hovne" -> "hovna", "hovnar");
- a lemma one of whose forms is a lexicon word: its other forms -> that word ("våknet" -> "våkna");
- a Nynorsk lemma in data/nn_nb.tsv (kind `word`): all its forms -> the Bokmål word ("auge" -> "øye").

Forms shorter than four letters, grammar words and forms the lexicon already reads are left out, so
that a common short word never becomes a symptom ("så" is no "sår"). Run offline, then commit the file:

    apt-get install hunspell-no          # Debian's nb_NO and nn_NO dictionaries
    pip install spylls
    PYTHONPATH=. python scripts/build_triage_wordforms.py [--dictionaries /usr/share/hunspell]

The running app and CI read only the .tsv (webapp/domain/triage/data/__init__.py).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from spylls.hunspell import Dictionary

from webapp.domain.triage.data import context as W
from webapp.domain.triage.data import nynorsk_lemmas
from webapp.domain.triage.mentions import _INDEX
from webapp.domain.triage.normalise import FUNCTION_WORDS, fold

OUT = Path(__file__).resolve().parent.parent / "webapp/domain/triage/data/wordforms.tsv"
MIN_FORM = 4  # "så" is no "sår", "ha" no "har"
MIN_LEMMA = 4


def forms(dic: Dictionary, word) -> set[str]:
    """Every form hunspell makes of one dictionary word: its stem, each suffix its flags allow, and one
    more suffix on top where the suffix allows it (a small "unmunch")."""
    stem = word.stem
    out = {stem}
    for flag in word.flags:
        for sfx in dic.aff.SFX.get(flag, ()):
            if not sfx.cond_regexp.search(stem):
                continue
            form = (stem[: len(stem) - len(sfx.strip)] if sfx.strip else stem) + sfx.add
            out.add(form)
            for flag2 in sfx.flags:
                for sfx2 in dic.aff.SFX.get(flag2, ()):
                    if sfx2.cond_regexp.search(form):
                        out.add((form[: len(form) - len(sfx2.strip)] if sfx2.strip else form) + sfx2.add)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dictionaries", default="/usr/share/hunspell")
    args = parser.parse_args()
    lexicon = {word for word in _INDEX._exact if len(word) >= MIN_FORM}  # the lexicon's plain words, folded
    grammar = (
        W.NB_FUNCTION_WORDS | W.EN_FUNCTION_WORDS | W.NEGATIONS | W.CLAUSE_WORDS | set(FUNCTION_WORDS)
        | set(FUNCTION_WORDS.values()) | {fold(w) for w in W.PROTECTED}
    )
    nn_to_nb = {fold(nn): fold(nb) for nn, nb in nynorsk_lemmas()}
    for nn, nb in nn_to_nb.items():
        if not _INDEX.terms_of(nb):
            print(f"warning: {nb!r} (for Nynorsk {nn!r}) is no word of the lexicon", file=sys.stderr)

    candidates: dict[str, dict[str, int]] = defaultdict(dict)  # form -> {base: strength}

    def offer(form: str, base: str, strength: int) -> None:
        if len(form) < MIN_FORM or form == base or form in grammar or form in lexicon:
            return
        if _INDEX.terms_of(form) == _INDEX.terms_of(base):
            return  # the lexicon reads it already (a prefix, a typo it tolerates)
        candidates[form][base] = max(strength, candidates[form].get(base, 0))

    for name in ("nb_NO", "nn_NO"):
        dic = Dictionary.from_files(str(Path(args.dictionaries) / name))
        for word in dic.dic.words:
            lemma = fold(word.stem)
            if len(lemma) < MIN_LEMMA or not word.stem.isalpha():
                continue
            made = {fold(f) for f in forms(dic, word)}
            if name == "nn_NO" and lemma in nn_to_nb:
                for form in made | {lemma}:
                    offer(form, nn_to_nb[lemma], 3)  # the hand-made Nynorsk table decides
            elif lemma in lexicon:
                for form in made:
                    offer(form, lemma, 2)
            else:
                # Exactly one form the lexicon knows, and an inflection of this lemma (not a derived word:
                # "handle" is not "handlingen"): the other forms mean the same word ("våkna" -> "våknet").
                known = sorted(f for f in made & lexicon if f[: len(lemma) - 1] == lemma[:-1]
                               and len(f) <= len(lemma) + 3 and len(lemma) >= MIN_LEMMA + 1)
                if len(known) == 1:
                    for form in made:
                        offer(form, known[0], 1)

    table = {}
    for form, bases in candidates.items():
        best = max(bases.values())
        top = [base for base, strength in bases.items() if strength == best]
        if len(top) == 1:  # two words claim the form at the same strength: ambiguous, left out
            table[form] = top[0]
    lines = ["# built by scripts/build_triage_wordforms.py from hunspell-no (nb_NO, nn_NO); do not edit"]
    lines += [f"{form}\t{base}" for form, base in sorted(table.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} word forms -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
