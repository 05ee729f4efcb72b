"""Language resources of the reader, loaded once at import.

- `lexicon.py`, `lexicon_neuro.py`, `lexicon_urgent.py`: patient words for each symptom code (`Cue`s);
- `context.py`: words for time, certainty, relatives, the cold chain, plain complaints, grammar words;
- `nn_nb.tsv` (hand-made): Nynorsk and dialect words with their Bokmål word. Rows of kind `form` are
  rewritten token by token at run time ("ikkje" -> "ikke"); rows of kind `word` are lemmas whose every
  inflected form the build script looks up in the Nynorsk dictionary;
- `wordforms.tsv` (built, do not edit): inflected, radical-Bokmål and Nynorsk forms of the lexicon's
  words, each with the lexicon word it stands for. Rebuild it after changing the lexicon or nn_nb.tsv:

      apt-get install hunspell-no && pip install spylls
      python scripts/build_triage_wordforms.py

  The running app and CI need neither the dictionaries nor spylls: only this file.

All words are folded as the reader folds text (lower case, no accents, ø -> o, æ -> ae, å -> a).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def function_words() -> list[tuple[str, str]]:
    """(Nynorsk or dialect word, Bokmål word) for the rows of kind `form` of nn_nb.tsv, as written there."""
    return [(row[0], row[1]) for row in _rows("nn_nb.tsv") if len(row) >= 3 and row[2] == "form"]


def nynorsk_lemmas() -> list[tuple[str, str]]:
    """(Nynorsk lemma, Bokmål word) for the rows of kind `word`: for the build script."""
    return [(row[0], row[1]) for row in _rows("nn_nb.tsv") if len(row) >= 3 and row[2] == "word"]


def word_forms() -> dict[str, str]:
    """Folded word form -> folded lexicon word, as built into wordforms.tsv."""
    return {row[0]: row[1] for row in _rows("wordforms.tsv") if len(row) == 2}


def learned_weights() -> tuple[dict[str, float], float, float]:
    """The learned floor's n-gram weights, intercept and threshold (learned_floor.tsv; empty if absent)."""
    if not (HERE / "learned_floor.tsv").exists():
        return {}, 0.0, float("inf")
    weights: dict[str, float] = {}
    intercept, threshold = 0.0, float("inf")
    for line in (HERE / "learned_floor.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        gram, value = line.rsplit("\t", 1)
        if gram == "@intercept":
            intercept = float(value)
        elif gram == "@threshold":
            threshold = float(value)
        else:
            weights[gram] = float(value)
    return weights, intercept, threshold
