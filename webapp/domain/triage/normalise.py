"""Stage 1, normalise: a patient's message as clean, folded word tokens in sentences and clauses.

Patients write fast, on phones, in Bokmål (also radical: *forsinka, våkna*), Nynorsk (*auga, gløyme,
svimde av*), dialect and English, with typos (clinical/symptoms.md, "Free text"). This stage

- cleans the text (HTML, control and invisible characters) and cuts it at MAX_CHARS;
- folds it (lower case, no accents, ø -> o) and cuts it into tokens numbered by sentence, clause and
  negation segment; notes which sentences are questions and which languages the message is in;
- writes Nynorsk and dialect function words the Bokmål way ("ikkje" -> "ikke", "eg" -> "jeg"), and gives
  each inflected, Nynorsk or dialect form of a lexicon word its base form from `data/wordforms.tsv`
  (built from Debian's hunspell-no dictionaries by scripts/build_triage_wordforms.py).

It knows nothing of symptoms: `mentions` finds them in its output, a `Normalised` message.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from webapp.domain.triage.data import context as W
from webapp.domain.triage.data import function_words, word_forms

MAX_CHARS = 50_000  # more is not a patient message; what lies beyond is not read (noted for the nurse)
_TAG_RE = re.compile(r"<[^<>]{0,200}>")
_INVISIBLE_RE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_CONTROL_RE = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: object) -> str:
    """Plain text: HTML tags and entities gone, control and invisible characters made harmless."""
    text = str(text or "")[: MAX_CHARS * 2]
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates from broken clients
    text = html.unescape(_TAG_RE.sub(" ", text))
    text = _INVISIBLE_RE.sub("", text)  # zero-width characters inside words ("num\u200bmen")
    return _CONTROL_RE.sub(" ", text).replace("\r", "\n")


_FOLD = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "’": "'", "‘": "'", "´": "'", "`": "'", "°": " grader "}
)
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")  # accents
_TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:'[^\W\d_]+)?)"
    r"|(?P<stop>[.!?;\n\u2026])"
    r"|(?P<comma>[,:()\[\]\u2013\u2014\"]|\s-\s)"
)
# Contractions: "can't" and "cant" both say "can not" (negation must see the "not").
_NOT_WORDS = {
    "cant": "can", "cannot": "can", "wont": "will", "dont": "do", "doesnt": "does", "didnt": "did",
    "isnt": "is", "arent": "are", "wasnt": "was", "werent": "were", "havent": "have", "hasnt": "has",
    "hadnt": "had", "couldnt": "could", "shouldnt": "should", "wouldnt": "would", "aint": "is",
}
_SUFFIX_WORDS = {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would"}


def fold(text: str) -> str:
    """Lower case without accents: "Øyet" -> "oyet", "hånd" -> "hand"; typing without æøå still matches."""
    text = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return text.translate(_FOLD)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    index: int
    sentence: int
    clause: int
    segment: int  # negation scope: a clause, further cut at "og"/"and"
    is_number: bool = False
    base: str | None = None  # the lexicon's word for this form ("auga" -> "oye"), from data/wordforms.tsv


def tokenize(text: str, *, clause_words: frozenset[str], segment_words: frozenset[str]) -> list[Token]:
    """Words and numbers with their sentence, clause and negation-segment numbers."""
    words: list[tuple[str, bool, int, int, int]] = []
    sentence = clause = segment = 0
    for m in _TOKEN_RE.finditer(fold(text)):
        kind = m.lastgroup
        if kind == "stop":
            sentence += 1
            clause += 1
            segment += 1
            continue
        if kind == "comma":
            clause += 1
            segment += 1
            continue
        raw = m.group()
        if kind == "num":
            words.append((raw.replace(",", "."), True, sentence, clause, segment))
            continue
        for word in _expand(raw):
            if word in clause_words and words and words[-1][3] == clause:
                clause += 1
                segment += 1
            elif word in segment_words:
                segment += 1
            words.append((word, False, sentence, clause, segment))
    return [Token(w, i, s, c, g, n) for i, (w, n, s, c, g) in enumerate(words)]


def question_sentences(text: str) -> frozenset[int]:
    """Numbers (as `tokenize` counts them) of the sentences that end with a question mark."""
    questions: set[int] = set()
    sentence = 0
    for m in _TOKEN_RE.finditer(fold(text)):
        if m.lastgroup == "stop":
            if m.group() == "?":
                questions.add(sentence)
            sentence += 1
    return frozenset(questions)


def _expand(raw: str) -> tuple[str, ...]:
    if "'" in raw:
        base, _, suffix = raw.partition("'")
        if suffix == "t" and base.endswith("n"):
            stem = base[:-1]
            return ({"ca": "can", "wo": "will", "sha": "shall"}.get(stem, stem), "not")
        if suffix in _SUFFIX_WORDS:
            return (base, _SUFFIX_WORDS[suffix])
        return (base,)  # possessive or "it's"
    if raw in _NOT_WORDS:
        return (_NOT_WORDS[raw], "not")
    return (raw,)


# Loaded once at import, folded as the text is (data/__init__.py).
FUNCTION_WORDS: dict[str, str] = {fold(nn): fold(nb) for nn, nb in function_words()}  # "ikkje" -> "ikke"
WORD_FORMS: dict[str, str] = word_forms()  # "auga" -> "oye": already folded by the build script
_REWRITTEN = frozenset(FUNCTION_WORDS) | frozenset(WORD_FORMS)


@dataclass(frozen=True)
class Normalised:
    """A message after stage 1: its tokens, question sentences and languages."""

    tokens: list[Token]
    questions: frozenset[int]
    languages: frozenset[str]
    truncated: bool = False  # longer than MAX_CHARS: the rest is not read (noted for the nurse)


def normalise(text: object, lang: str) -> Normalised:
    """The message cleaned, tokenised and written the Bokmål way; `lang` only breaks ties."""
    cleaned = clean(text)
    truncated = len(cleaned) > MAX_CHARS
    cleaned = cleaned[:MAX_CHARS]
    tokens = tokenize(cleaned, clause_words=W.CLAUSE_WORDS, segment_words=W.SEGMENT_WORDS)
    languages = _languages(tokens, lang)
    if "nb" in languages:
        english = "en" in languages
        tokens = [_bokmal(tok, english=english) if tok.text in _REWRITTEN else tok for tok in tokens]
    return Normalised(tokens, question_sentences(cleaned), languages, truncated)


def _bokmal(tok: Token, *, english: bool) -> Token:
    """A Nynorsk or dialect function word written the Bokmål way; a known inflected or Nynorsk form of a
    lexicon word carries the lexicon's base form (a form that is also an English word is left alone in a
    message that has English in it)."""
    if tok.is_number:
        return tok
    word = FUNCTION_WORDS.get(tok.text)
    if word is not None and not (english and tok.text in _KEEP_IN_ENGLISH):
        return Token(word, tok.index, tok.sentence, tok.clause, tok.segment, tok.is_number)
    base = WORD_FORMS.get(tok.text)
    if base is not None and base != tok.text:
        return Token(tok.text, tok.index, tok.sentence, tok.clause, tok.segment, tok.is_number, base)
    return tok


# Nynorsk words that are also English ones: only rewritten in a message without English.
_ENGLISH_LOOKALIKES = frozenset("no eg ho dei me at held e".split())
_KEEP_IN_ENGLISH = W.EN_FUNCTION_WORDS | _ENGLISH_LOOKALIKES


def _languages(tokens: list[Token], lang: str) -> frozenset[str]:
    nb = sum(t.text in W.NB_FUNCTION_WORDS or t.text in FUNCTION_WORDS and t.text not in _ENGLISH_LOOKALIKES
             for t in tokens)
    en = sum(t.text in W.EN_FUNCTION_WORDS for t in tokens)
    found = {name for name, count in (("nb", nb), ("en", en)) if count}
    return frozenset(found or {lang if lang in ("nb", "en") else "nb"})
