"""Stage 2, find mentions: the lexicon's cues and what numbers say, in a normalised message.

`find_mentions` splits Norwegian compounds, finds the cues of the lexicon (`data/`, matched by
`matching.CueIndex`, typo-tolerant) and adds what numbers say: temperatures, durations, years. Its
output, a `Reading`, is indexed by sentence, clause and word so that the later stages (`qualify`,
`weigh`) stay linear in the length of the message. It does not decide what a mention means.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

from webapp.domain.triage.data import context as W
from webapp.domain.triage.data.context import COMPLAINT_CUES, CONTEXT_CUES, CONTEXT_MACROS
from webapp.domain.triage.data.lexicon import EMERGENCY_CUES, MACROS, PASSED_STILL_COUNTS, ROUTINE_CUES, Cue
from webapp.domain.triage.data.lexicon_neuro import NEURO_CUES
from webapp.domain.triage.data.lexicon_urgent import URGENT_CUES
from webapp.domain.triage.matching import CueIndex
from webapp.domain.triage.normalise import Normalised, Token

MAX_PER_CODE = 120  # mentions of one code weighed in one message (see _thin)

_INDEX = CueIndex(
    (*EMERGENCY_CUES, *NEURO_CUES, *URGENT_CUES, *ROUTINE_CUES, *CONTEXT_CUES, *COMPLAINT_CUES),
    {**MACROS, **CONTEXT_MACROS},
    W.PROTECTED,
)


@dataclass(frozen=True, slots=True, eq=False)
class Mention:
    """What one cue (or one number) found: its code and the token positions it covers."""

    code: str
    positions: tuple[int, ...]
    value: float = 0.0  # a temperature reading or a duration in hours, for number mentions
    start: int = field(init=False)
    end: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", self.positions[0])
        object.__setattr__(self, "end", self.positions[-1])


def find_mentions(message: Normalised) -> Reading:
    """Stage 2: the cues of the lexicon and what numbers say, found in a normalised message."""
    return Reading(message)


class Reading:
    """One message: its tokens, what the cues found in them, and where sentences and clauses lie.

    How each mention is meant (negated, hypothetical, past…) is the next stage's job (`qualify`)."""

    def __init__(self, message: Normalised) -> None:
        self.languages = message.languages
        self.truncated = message.truncated
        self.tokens, wholes = _INDEX.expand(message.tokens, compounds="nb" in self.languages)
        self.questions = message.questions
        self.mentions: list[Mention] = []
        for match in _INDEX.match(self.tokens, wholes):
            cue: Cue = match.cue  # type: ignore[assignment]
            if cue.lang is None or cue.lang in self.languages:
                self.mentions.append(Mention(cue.code, match.positions))
        self._clause_span: dict[int, tuple[int, int]] = {}
        self._segment_words: dict[int, set[str]] = {}
        for tok in self.tokens:
            lo, _hi = self._clause_span.get(tok.clause, (tok.index, tok.index))
            self._clause_span[tok.clause] = (lo, tok.index)
            self._segment_words.setdefault(tok.segment, set()).add(tok.text)
        self._of: dict[str, list[Mention]] = {}
        self._in_sentence: dict[tuple[str, int], list[Mention]] = {}
        self._clause_texts: dict[int, frozenset[str]] = {}
        self._positions: dict[frozenset[str], list[int]] = {}
        self.mentions.extend(_number_mentions(self))
        self.mentions = _thin(_drop_contained(self.mentions))

    def tok(self, i: int) -> Token:
        return self.tokens[i]

    def text(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def of(self, prefix: str) -> list[Mention]:
        if prefix not in self._of:
            self._of[prefix] = [m for m in self.mentions if m.code.startswith(prefix)]
        return self._of[prefix]

    def in_sentence(self, prefix: str, sentence: int) -> list[Mention]:
        """The mentions of a kind in one sentence (indexed once, so long messages stay linear)."""
        if (prefix, -1) not in self._in_sentence:
            self._in_sentence[(prefix, -1)] = []
            for m in self.of(prefix):
                self._in_sentence.setdefault((prefix, self.tokens[m.start].sentence), []).append(m)
        return self._in_sentence.get((prefix, sentence), [])

    @cached_property
    def symptom_like(self) -> list[Mention]:
        return [m for m in self.mentions if not m.code.startswith(("ctx:", "mod:", "num:"))]

    @cached_property
    def symptom_clauses(self) -> frozenset[int]:
        return frozenset(self.tokens[m.start].clause for m in self.symptom_like)

    def clause_tokens(self, i: int) -> list[Token]:
        lo, hi = self._clause_span[self.tokens[i].clause]
        return self.tokens[lo : hi + 1]

    def clause_size(self, i: int) -> int:
        lo, hi = self._clause_span[self.tokens[i].clause]
        return hi - lo + 1

    def clause_texts(self, i: int) -> frozenset[str]:
        clause = self.tokens[i].clause
        if clause not in self._clause_texts:
            self._clause_texts[clause] = frozenset(t.text for t in self.clause_tokens(i))
        return self._clause_texts[clause]

    def positions_of(self, words: frozenset[str], lo: int, hi: int) -> list[int]:
        """Positions in [lo, hi) of tokens that are one of `words` (a few small word sets, indexed once)."""
        where = self._positions.get(words)
        if where is None:
            where = self._positions[words] = [t.index for t in self.tokens if t.text in words]
        return where[bisect_left(where, max(0, lo)) : bisect_left(where, hi)]

    def segment_words(self, i: int) -> set[str]:
        return self._segment_words[self.tokens[i].segment]



def _thin(mentions: list[Mention]) -> list[Mention]:
    """In text order; a code said hundreds of times (pasted or repeated text) is weighed at its first and last
    MAX_PER_CODE / 2 places, which is enough to know it and keeps a huge message fast."""
    mentions.sort(key=lambda m: (m.start, m.code))
    by_code: dict[str, list[Mention]] = {}
    for m in mentions:
        by_code.setdefault(m.code, []).append(m)
    if all(len(group) <= MAX_PER_CODE for group in by_code.values()):
        return mentions
    half = MAX_PER_CODE // 2
    keep = {id(m) for group in by_code.values() for m in (group if len(group) <= MAX_PER_CODE else group[:half] + group[-half:])}
    return [m for m in mentions if id(m) in keep]


def _drop_contained(mentions: list[Mention]) -> list[Mention]:
    """A mention inside a longer one of another code yields to it ("fever blister" is no fever)."""
    covering: dict[int, list[Mention]] = {}  # position -> symptom mentions that use it
    for m in mentions:
        if not m.code.startswith(("ctx:", "mod:", "num:", "sign:")):
            for p in m.positions:
                covering.setdefault(p, []).append(m)
    kept = []
    for m in mentions:
        mine = set(m.positions)
        if not m.code.startswith(("ctx:", "mod:", "num:")) and m.code not in PASSED_STILL_COUNTS and any(
            o.code != m.code and mine < set(o.positions) for o in covering.get(m.start, ())
        ):
            continue
        kept.append(m)
    return kept


# --- numbers: temperatures, durations, years -----------------------------------------------------------
def _number_mentions(doc: Reading) -> list[Mention]:
    out: list[Mention] = []
    tokens = doc.tokens
    for i, tok in enumerate(tokens):
        value = float(tok.text) if tok.is_number else W.NUMBER_WORDS.get(tok.text)
        nxt = doc.text(i + 1)
        if value is None:
            if tok.text in W.HOURS_PER_UNIT and tok.text not in ("dag", "day", "time", "t", "h", "min") and (
                doc.text(i - 1) in ("for", "i", "in", "over", "siste", "last", "past")
            ):
                out.append(Mention("num:duration", (i,), 48.0))  # "for days", "i uker", "the last weeks"
            continue
        if nxt in W.HOURS_PER_UNIT and not (tok.text == "a" and nxt in ("t", "h")):
            out.append(Mention("num:duration", (i, i + 1), value * W.HOURS_PER_UNIT[nxt]))
            continue
        if not tok.is_number:
            continue
        if 1950 <= value <= 2100 and doc.text(i - 1) in W.YEAR_BEFORE:
            out.append(Mention("ctx:past", (i,)))  # "i 2019": an old episode
            continue
        reading = _temperature(doc, i, value)
        if reading is not None:
            out.append(Mention("num:temp", (i,), reading))
    return out


def _temperature(doc: Reading, i: int, value: float) -> float | None:
    """A body temperature in °C at token i, or None: "38,8", "temp 38.5", "39 i feber", "101F"."""
    if not (34 <= value < 45 or 95 <= value <= 110):
        return None
    nxt, prev = doc.text(i + 1), doc.text(i - 1)
    if nxt in W.COUNT_NOUNS or prev in W.NOT_A_READING_BEFORE:
        return None
    if doc.clause_texts(i) & W.NOT_BODY_HEAT:
        return None  # the car, the fridge, the weather: the cold chain, not the body
    sentence = doc.tok(i).sentence
    near = {t.text for t in doc.tokens[max(0, i - 12) : i + 12] if t.sentence == sentence}
    fahrenheit = 95 <= value <= 110 and (nxt in ("f", "fahrenheit") or "fahrenheit" in near)
    if fahrenheit:
        value = (value - 32) * 5 / 9
    elif not 34 <= value < 45:
        return None
    if nxt in W.TEMPERATURE_UNITS or fahrenheit or near & W.STRONG_TEMPERATURE:
        return value
    if prev in W.WEAK_TEMPERATURE_BEFORE and 37 <= value < 43:
        return value
    if 37 <= value < 43 and "." in doc.tok(i).text and len(doc.tok(i).text.split(".")[1]) == 1:
        return value  # "38,6" on its own: in a symptom message, a one-decimal number in this range is a reading
    return None
