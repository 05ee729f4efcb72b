"""The learned floor, part of stage 4 (weigh): does a message the rules found nothing in still read like a
complaint? (issue 11 §5: "a hand-made lexicon will not close this alone").

A logistic regression on character n-grams, trained offline with scikit-learn on our own labelled messages
(scripts/train_triage_learned.py); its weights are in data/learned_floor.tsv and summed here in plain
Python. It can only raise a level, and only to the floor (routine, `text:learned`, unsure): it never names
an item and never lowers anything. Its cross-validated false alarms are written at the top of the table.
"""

from __future__ import annotations

from collections.abc import Iterable

from webapp.domain.triage.data import learned_weights

NGRAMS = (2, 4)  # character n-grams within words, as scikit-learn's analyzer="char_wb"
MAX_WORDS = 200  # a patient's message; what lies beyond is read by the rules only (keeps a long message fast)
_WEIGHTS, _INTERCEPT, _THRESHOLD = learned_weights()


def ngrams(words: Iterable[str]) -> set[str]:
    """The n-grams of scikit-learn's "char_wb" analyzer: each word padded with a space on both sides."""
    out: set[str] = set()
    lo, hi = NGRAMS
    for count, word in enumerate(words):
        if count >= MAX_WORDS:
            break
        padded = f" {word} "
        for n in range(lo, hi + 1):
            if len(padded) < n:
                out.add(padded)
                break
            out.update(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


def complaint_score(words: Iterable[str]) -> float:
    return _INTERCEPT + sum(_WEIGHTS.get(gram, 0.0) for gram in ngrams(words))


def reads_like_a_complaint(words: Iterable[str]) -> bool:
    """True when the model, trained on our messages, scores the words above its measured threshold."""
    return bool(_WEIGHTS) and complaint_score(words) > _THRESHOLD
