"""Reading free text for red flags, in Norwegian Bokmål and English (clinical/symptoms.md, "Free text").

The text is a safety net behind the checklist: it can raise a level, never lower it. `read_text`
finds the symptoms described as happening now and the modifiers it can read; `triage.assess`
turns them into a level. The word lists are in `triage_lexicon` (symptoms) and `triage_context`
(time, certainty, relatives, cold chain); `triage_match` finds them, typo-tolerant.

How a mention is weighed, in this order (each step cites its reason):
1. negated in its clause ("ingen feber", "no trouble breathing")   -> does not count;
2. hypothetical ("hva gjør jeg hvis…", "can Tysabri cause…?")      -> a note "text:question";
3. resolved or long past ("gikk over", "i fjor")                    -> a note "text:past";
4. usual and unchanged ("som vanlig", "unchanged")                   -> known_ms_stable;
5. otherwise it happens now: its code counts.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

from webapp.domain import triage_context as W
from webapp.domain.levels import Level
from webapp.domain.triage_context import COMPLAINT_CUES, CONTEXT_CUES, CONTEXT_MACROS
from webapp.domain.triage_lexicon import MACROS, PASSED_STILL_COUNTS, SYMPTOM_CUES, Cue
from webapp.domain.triage_match import CueIndex, Token, question_sentences, tokenize

MAX_CHARS = 50_000  # more is not a patient message; what lies beyond is not read (noted for the nurse)
NEG_REACH = 6  # a negation denies words up to this far after it, in its own clause segment
MAX_PER_CODE = 120  # mentions of one code weighed in one message (see _thin)
COND_REACH = 15  # "hvis jeg skulle begynne å få …": a condition reaches this far, within its clause

_INDEX = CueIndex((*SYMPTOM_CUES, *CONTEXT_CUES, *COMPLAINT_CUES), {**MACROS, **CONTEXT_MACROS}, W.PROTECTED)
_TAG_RE = re.compile(r"<[^<>]{0,200}>")
_INVISIBLE_RE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_CONTROL_RE = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Urgent neuro items that "as usual, unchanged" turns into known_ms_stable (symptoms.md, known_ms_stable).
_MS_KNOWN = frozenset(
    "limb_weakness one_sided_weakness clumsiness balance_walking vision_change double_vision speech_problems"
    " memory_thinking numbness_tingling bladder_bowel_control swallowing_new ms_symptoms_worse known_ms_stable".split()
)
_NEURO = _MS_KNOWN - {"known_ms_stable"} | {
    "seizure", "sudden_paralysis", "hard_to_wake", "confusion", "personality_change"}
_LEFTOVER_SIGNS = frozenset(
    "sign:itch sign:rash sign:flushing sign:unwell sign:sweats sign:light sign:flank sign:hair".split()
)


@dataclass(frozen=True)
class TextFindings:
    codes: tuple[str, ...] = ()  # symptom codes described as happening now
    within_2h_of_injection: bool = False
    lasted_over_24h: bool = False
    getting_worse: bool = False
    fever: bool = False
    sudden_onset: bool = False
    reported_by_other: bool = False
    # Levels the text gives outside the vocabulary, e.g. (ROUTINE, "general", "text:cold_chain").
    extra: tuple[tuple[Level, str, str], ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()  # reasons that do not change the level, e.g. "text:question"


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


def read_text(text: str, lang: str) -> TextFindings:
    """What the free text says is happening now, in either language; `lang` only breaks ties."""
    cleaned = _clean(text)
    notes = ["text:truncated"] if len(cleaned) > MAX_CHARS else []
    doc = _Doc(cleaned[:MAX_CHARS], lang)
    if not doc.tokens:
        return TextFindings(notes=tuple(notes))
    return _weigh(doc, notes)


def _clean(text: object) -> str:
    """Plain text: HTML tags and entities gone, control and invisible characters made harmless."""
    text = str(text or "")[: MAX_CHARS * 2]
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates from broken clients
    text = html.unescape(_TAG_RE.sub(" ", text))
    text = _INVISIBLE_RE.sub("", text)  # zero-width characters inside words ("num\u200bmen")
    return _CONTROL_RE.sub(" ", text).replace("\r", "\n")


class _Doc:
    """One message: its tokens, what the cues found in them, and where sentences and clauses lie."""

    def __init__(self, text: str, lang: str) -> None:
        base = tokenize(text, clause_words=W.CLAUSE_WORDS, segment_words=W.SEGMENT_WORDS)
        self.languages = _languages(base, lang)
        self.tokens, wholes = _INDEX.expand(base, compounds="nb" in self.languages)
        self.questions = question_sentences(text)
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
        self._status: dict[int, str] = {}  # by id: each mention is one object for the life of the message
        self._of: dict[str, list[Mention]] = {}
        self._in_sentence: dict[tuple[str, int], list[Mention]] = {}
        self._clause_texts: dict[int, frozenset[str]] = {}
        self._claimed: dict[int, bool] = {}
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

    # --- how a mention is meant --------------------------------------------------------------
    def status(self, m: Mention) -> str:
        key = id(m)
        if key not in self._status:
            self._status[key] = _status(self, m)
        return self._status[key]

    def current(self, prefix: str) -> list[Mention]:
        return [m for m in self.of(prefix) if self.status(m) in ("now", "stable")]


def _languages(tokens: list[Token], lang: str) -> frozenset[str]:
    nb = sum(t.text in W.NB_FUNCTION_WORDS for t in tokens)
    en = sum(t.text in W.EN_FUNCTION_WORDS for t in tokens)
    found = {name for name, count in (("nb", nb), ("en", en)) if count}
    return frozenset(found or {lang if lang in ("nb", "en") else "nb"})


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
def _number_mentions(doc: _Doc) -> list[Mention]:
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


def _temperature(doc: _Doc, i: int, value: float) -> float | None:
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
    return None


# --- status of one mention ---------------------------------------------------------------------------
def _status(doc: _Doc, m: Mention) -> str:
    """"negated", "hypothetical", "past", "stable" or "now" (see the module docstring)."""
    if _negated(doc, m):
        return "negated"
    if m.code.startswith(("ctx:claim", "ctx:edu", "ctx:past", "ctx:resolved", "ctx:stable", "ctx:heat")):
        return "now"
    if _hypothetical(doc, m):
        return "hypothetical"
    if m.code.startswith(("ctx:", "num:duration")) and m.code != "ctx:complaint":
        return "now"  # stable, past and resolved describe symptoms, not a broken fridge or who noticed
    if _someone_elses(doc, m):
        return "other"
    if _marked(doc, m, "ctx:stable") or _marked(doc, m, "ctx:heat"):
        return "stable"  # before "past": "the numbness from last year's relapse is unchanged" is still there
    if _long_past(doc, m) or _marked(doc, m, "ctx:resolved") and not _ongoing(doc, m) and not _today(doc, m) and (
        m.code not in PASSED_STILL_COUNTS
    ):
        return "past"
    return "now"


def _negated(doc: _Doc, m: Mention) -> bool:
    """A negation before the mention in its own clause segment, or inside it ("pusten er ikke tung")."""
    if m.code.startswith("num:"):
        return any(doc.text(i) in W.BELOW_WORDS for i in (m.start - 1, m.start - 2))
    first = doc.tok(m.start)
    for i in doc.positions_of(W.NEGATIONS, m.start - NEG_REACH, m.end):
        if i in m.positions or doc.tok(i).segment != first.segment:
            continue
        if not _neutral_negation(doc, i):
            return True
    whole = doc.text(m.end)
    if whole.endswith(("fri", "frie", "fritt")) and len(whole) > 5 or doc.text(m.end + 1) == "free":
        return True  # "feberfri", "smertefri", "pain free"
    return _negated_list(doc, m)


def _neutral_negation(doc: _Doc, i: int) -> bool:
    after = doc.text(i + 1)
    if after in W.NEGATION_NEUTRAL_NEXT or doc.text(i - 1) in W.NEGATION_NEUTRAL_BEFORE:
        return True  # "ikke sikker", "not only", "no better", "vet ikke", "probably nothing"
    if doc.text(i) in ("aldri", "never"):
        # "aldri hatt dette før", "never felt anything like it": something new, not a denial
        return any(doc.text(j) in W.NOVELTY_AFTER_NEVER for j in range(i + 1, i + 6))
    return any(doc.text(j) in ("sikker", "sure", "certain") for j in range(i + 1, i + 4))  # "ikke helt sikker"


def _negated_list(doc: _Doc, m: Mention) -> bool:
    """ "ingen feber, hoste eller utslett": a negation carries over short comma-separated items."""
    tok = doc.tok(m.start)
    if doc.clause_size(m.start) > 4:
        return False
    clause = doc.clause_tokens(m.start)
    if any(t.text in W.NEGATIONS or t.text in W.CLAUSE_WORDS for t in clause):
        return False
    i = clause[0].index - 1
    seen_or = any(t.text in W.LIST_OR for t in clause)
    while i >= 0 and doc.tok(i).sentence == tok.sentence:
        if doc.clause_size(i) > 8:
            return False
        previous = doc.clause_tokens(i)
        if any(t.text in W.NEGATIONS and not _neutral_negation(doc, t.index) for t in previous):
            return seen_or or _or_follows(doc, clause[-1].index)
        if len(previous) > 4 or any(t.text in W.CLAUSE_WORDS for t in previous):
            return False
        seen_or = seen_or or any(t.text in W.LIST_OR for t in previous)
        i = previous[0].index - 1
    return False


def _or_follows(doc: _Doc, i: int) -> bool:
    sentence = doc.tok(i).sentence
    for j in range(i + 1, min(len(doc.tokens), i + 10)):
        if doc.tok(j).sentence != sentence:
            return False
        if doc.text(j) in W.LIST_OR:
            return True
    return False


def _hypothetical(doc: _Doc, m: Mention) -> bool:
    """ "hvis jeg får…", "what if…", a question or reading about symptoms without saying they happen."""
    if _conditional_before(doc, m.start):
        return True
    sentence = doc.tok(m.start).sentence
    asks = sentence in doc.questions or any(doc.status(e) != "negated" for e in doc.in_sentence("ctx:edu", sentence))
    return asks and not _claimed(doc, sentence)


def _conditional_before(doc: _Doc, pos: int) -> bool:
    clause = doc.tok(pos).clause
    for i in reversed(doc.positions_of(W.CONDITION_STARTS, pos - COND_REACH, pos)):
        if doc.tok(i).clause != clause:
            break
        word, before = doc.text(i), doc.text(i - 1)
        uncertain = any(doc.text(j) in W.UNCERTAIN for j in range(i - 3, i))
        if word in W.CONDITIONALS and before not in ("as", "even", "som", "selv") and not uncertain:
            return True  # "hvis", "dersom", "if" (not "as if", "not sure if")
        if word == "om" and doc.text(i + 1) in W.NB_PRONOUNS and before not in ("som", "selv") and not uncertain:
            return True  # "om jeg får" (not "som om", "lurer på om")
        if word in ("case", "tilfelle") and before in ("in", "i"):
            return True
        if word == "skulle" and doc.text(i + 1) in W.NB_PRONOUNS and (i == 0 or doc.tok(i - 1).clause != clause):
            return True  # "Skulle jeg få feber, …"
        if word in ("nar", "when") and doc.text(i + 1) in W.GENERIC_SUBJECTS:
            return True  # "når man får feber", "when you have a fever"
    return False


def _claimed(doc: _Doc, sentence: int) -> bool:
    """The sentence says it happens: "my hand is numb?", "I have had a fever since…", "han har…"."""
    if sentence not in doc._claimed:
        claims = doc.in_sentence("ctx:claim", sentence) + doc.in_sentence("num:duration", sentence)  # "…for 3 days?"
        doc._claimed[sentence] = any(not _conditional_before(doc, c.start) for c in claims)
    return doc._claimed[sentence]


def _marked(doc: _Doc, m: Mention, marker: str) -> bool:
    """A marker in the mention's clause, or later in its sentence in a clause with no symptom of its own."""
    tok = doc.tok(m.start)
    for mark in doc.in_sentence(marker, tok.sentence):
        if set(mark.positions) & set(m.positions) or doc.status(mark) == "negated":
            continue
        if doc.text(mark.end) == "gone" and doc.text(mark.end + 1) in W.BECAME_WHAT:
            continue  # "my skin has gone yellow": became, not went away
        where = doc.tok(mark.start)
        if where.clause == tok.clause:
            return True
        if mark.start > m.end and where.clause not in doc.symptom_clauses:
            return True
    return False


def _someone_elses(doc: _Doc, m: Mention) -> bool:
    """ "Barnet mitt har feber, kan jeg ta sprøyta?": the child's fever, not the patient's (the writer asks about
    their own dose or catching it). A relative's neuro signs always count: relatives often write for the patient (E2)."""
    clause_start = doc.clause_tokens(m.start)[0].index
    before = range(max(clause_start, m.start - 6), m.start)
    if m.code == "pregnancy":  # "my girlfriend is pregnant": the writer is not (fathers on natalizumab: no risk)
        return any(doc.text(i) in W.PARTNERS for i in before)
    if m.code not in W.CATCHING or not doc.of("ctx:self_exposure"):
        return False
    return any(doc.text(i) in W.OTHER_PEOPLE for i in before)


def _since(doc: _Doc, m: Mention) -> bool:
    """ "down since the relapse last year": it began then and goes on ("lenge siden" is no "since")."""
    in_marks = {p for mark in doc.in_sentence("ctx:past", doc.tok(m.start).sentence) for p in mark.positions}
    return any(
        doc.text(i) in ("siden", "since") and i not in in_marks for i in range(m.start, min(len(doc.tokens), m.end + 8))
    )


def _today(doc: _Doc, m: Mention) -> bool:
    """It came and went today ("svimmel i et par minutter, gikk fort over"): still today's report."""
    sentence = doc.tok(m.start).sentence
    return bool(doc.in_sentence("ctx:recent", sentence)) or any(
        d.value < 24 for d in doc.in_sentence("num:duration", sentence)
    )


def _ongoing(doc: _Doc, m: Mention) -> bool:
    """ "fortsatt", "still": whatever went over, this has not (so "hun er fortsatt helt borte" is no recovery)."""
    return bool(doc.clause_texts(m.start) & W.STILL_WORDS)


def _long_past(doc: _Doc, m: Mention) -> bool:
    """ "i fjor", "years ago", "tidligere attakk": in the same clause, unless its part says "nå"/"igjen"; or
    said after it ("… men det er lenge siden")."""
    if _marked(doc, m, "ctx:past") and not _today(doc, m) and not _since(doc, m):
        return True
    tok = doc.tok(m.start)
    for mark in doc.in_sentence("ctx:past", tok.sentence):
        if any(doc.text(i) in ("siden", "since") for i in range(mark.start - 3, mark.start)):
            continue  # "since the relapse last year": it started then and goes on
        where = doc.tok(mark.start)
        if where.segment == tok.segment or (
            where.clause == tok.clause and not doc.segment_words(m.start) & W.PRESENT_ANCHORS
        ):
            return True
    return False


# --- from mentions to findings ----------------------------------------------------------------------
def _weigh(doc: _Doc, notes: list[str]) -> TextFindings:
    now = [m for m in doc.symptom_like if doc.status(m) == "now"]
    stable = [m for m in doc.symptom_like if doc.status(m) == "stable"]
    if any(doc.status(m) == "hypothetical" for m in doc.symptom_like + doc.of("ctx:cold_chain")):
        notes.append("text:question")  # answered with education, not a flag (symptoms.md, Free text)
    if any(doc.status(m) == "past" for m in doc.symptom_like):
        notes.append("text:past")
    if any(doc.status(m) == "other" for m in doc.symptom_like):
        notes.append("text:someone_else")  # an illness at home: the nurse may still want to know (facts B4)
    found: dict[str, int] = {}  # code -> first position

    def add(code: str, pos: int) -> None:
        found[code] = min(pos, found.get(code, pos))

    sentences_with_symptoms = {doc.tok(m.start).sentence for m in now + stable}
    mods = {name: _modifier(doc, name, sentences_with_symptoms) for name in ("after_dose", "worse", "sudden")}
    # A usual symptom has lasted for years; "over 24 hours" is about something new or flaring (facts A1).
    new_sentences = {doc.tok(m.start).sentence for m in now}
    mods["over_24h"] = _modifier(doc, "over_24h", new_sentences)
    within_2h = any(not _delayed(doc, m) for m in mods["after_dose"])
    over_24h = bool(mods["over_24h"]) or any(
        d.value >= 24 and doc.tok(d.start).sentence in new_sentences for d in doc.current("num:duration")
    )
    readings = [r for r in doc.mentions if r.code == "num:temp" and doc.status(r) in ("now", "stable")]
    fever_words = [m for m in now if m.code == "fever"]
    low_only = readings and max(r.value for r in readings) < 38.0
    raised = low_only and max(r.value for r in readings) >= 37.5  # "37,9": not fever, but the nurse sees it
    fever = any(r.value >= 38.0 for r in readings) or bool(fever_words) and not low_only
    codes_now = {m.code for m in now}

    for m in stable:
        # The usual MS symptom, unchanged, is known_ms_stable; it turns urgent again if it lasts or worsens (A1).
        add("known_ms_stable" if m.code in _MS_KNOWN else m.code, m.start)
    neck = {p for m in now if m.code == "sign:stiff_neck" for p in m.positions}
    for m in now:
        code = m.code
        if code.startswith("sign:") or code in ("fever", "cold_no_fever", "bruising_bleeding"):
            continue
        if code == "joint_muscle_pain" and neck.intersection(m.positions):
            continue  # the neck belongs to the stiff-neck sign, weighed with fever and headache below
        add(code, m.start)
    if fever:
        first = min([m.start for m in fever_words] + [r.start for r in readings if r.value >= 38.0])
        add("fever", first)
    _combine_signs(doc, now, codes_now, fever, within_2h, add)

    extra: list[tuple[Level, str, str]] = []
    if any(doc.status(m) == "now" for m in doc.of("ctx:cold_chain")) or _fridge_out_of_range(doc):
        extra.append((Level.ROUTINE, "general", "text:cold_chain"))  # the nurse judges the syringes (storage, 5)
    if doc.current("ctx:lab_platelets"):
        extra.append((Level.URGENT, "bleeding", "text:low_platelets"))  # a named reason to stop (facts B6)
    if doc.current("ctx:lab_liver"):
        extra.append((Level.URGENT, "liver", "text:liver_tests"))  # raised liver tests: the clinic decides (B5)
    if "sign:severe_headache" in codes_now and not found.keys() & {"meningitis_signs", "fever"}:
        # A severe headache is not the ordinary one (symptoms.md notes); CNS infections on natalizumab (E6).
        extra.append((Level.URGENT, "general", "text:severe_headache"))
    worse = bool(mods["worse"])
    if not found and not extra and _complaint(doc, now, bool(low_only and fever_words or raised)):
        # Sounds like a health complaint but matches no item: flag for a call, never reassure (symptoms.md).
        level = Level.URGENT if worse or within_2h else Level.ROUTINE  # as for the "other" item (triage.py)
        extra.append((level, "general", "text:unplaced"))
    codes = tuple(sorted(found, key=lambda c: found[c]))
    neuro = any(c in _NEURO for c in codes)
    return TextFindings(
        codes=codes,
        within_2h_of_injection=within_2h and bool(codes or extra),
        lasted_over_24h=over_24h and bool(codes),
        getting_worse=worse and bool(codes or extra),
        fever=fever,
        sudden_onset=bool(mods["sudden"]) and neuro,
        reported_by_other=any(doc.status(m) == "now" for m in doc.of("ctx:reported_by_other")) and bool(codes),
        extra=tuple(extra),
        notes=tuple(dict.fromkeys(notes)),
    )


def _fridge_out_of_range(doc: _Doc) -> bool:
    """A fridge reading outside 2-8 °C ("kjøleskapet viste 14 grader"); 4 °C is as it should be (storage, 5)."""
    for m in doc.current("ctx:fridge_temperature"):
        numbers = [float(t.text) for t in doc.clause_tokens(m.start) if t.is_number]
        if any(not 2 <= n <= 8 for n in numbers):
            return True
    return False


def _modifier(doc: _Doc, name: str, sentences: set[int]) -> list[Mention]:
    """A modifier counts beside a symptom: in its sentence or the one before or after."""
    out = []
    for m in doc.current(f"mod:{name}"):
        sentence = doc.tok(m.start).sentence
        if not sentences & {sentence - 1, sentence, sentence + 1}:
            continue
        if name == "worse" and any(doc.tok(h.start).clause == doc.tok(m.start).clause for h in doc.of("ctx:heat")):
            continue  # worse in the heat or after effort and then settles: not progressive (facts A3)
        out.append(m)
    return out


def _delayed(doc: _Doc, after: Mention) -> bool:
    """ "tre dager etter sprøyten", "the morning after the injection": not within 2 hours (facts B1)."""
    for d in doc.of("num:duration"):
        if after.start - 4 <= d.end < after.start and d.value > 2:
            return True
    return any(doc.text(i) in W.DELAY_WORDS for i in range(after.start - 3, after.start))


def _combine_signs(doc, now, codes_now, fever, within_2h, add) -> None:
    """Signs that mean an item only together ("stiff neck" + fever, burning pee + fever, a bruise + the site)."""
    first = {}
    for m in now:
        first.setdefault(m.code, m.start)
    has = codes_now.__contains__
    headache = has("headache_mild") or has("sign:severe_headache")
    if has("sign:worst_headache") or has("sign:stiff_neck") and (fever or headache or has("sign:light")) or (
        has("sign:light") and fever and headache
    ):
        # Sudden worst-ever headache, or stiff neck with fever or headache: meningitis signs (E6).
        add("meningitis_signs", min(first.get(c, 10**9) for c in ("sign:worst_headache", "sign:stiff_neck", "sign:light")))
    elif has("sign:stiff_neck"):
        add("joint_muscle_pain", first["sign:stiff_neck"])
    if has("sign:uti"):
        # Burning pee with fever, chills or flank pain may be a kidney infection (symptoms.md uti_fever).
        upper = fever or has("sign:flank") or has("sign:chills") or has("sign:cold_feeling")
        add("uti_fever" if upper else "uti_no_fever", first["sign:uti"])
    if has("sign:chills"):
        # Chills within hours of the dose are a reaction (B1); otherwise a sign of serious infection (B4).
        add("reaction_after_dose" if within_2h else "serious_infection", first["sign:chills"])
    if has("cold_no_fever"):
        add("serious_infection" if fever else "cold_no_fever", first["cold_no_fever"])  # cough with fever
    if has("sign:diarrhoea") or has("sign:diarrhoea_severe"):
        days = max([d.value for d in doc.current("num:duration")] + [0])
        two_days = [m for m in doc.current("mod:over_24h") if not _just_yesterday(doc, m)]
        severe = has("sign:diarrhoea_severe") or days >= 48 or bool(two_days)
        start = min(first.get(c, 10**9) for c in ("sign:diarrhoea", "sign:diarrhoea_severe"))
        add("severe_diarrhoea" if severe else "stomach_upset_mild", start)  # > 2 days (B3, E6)
    sick = [c for c in ("sign:nausea", "sign:vomit") if has(c)]
    vomits = [m for m in now if m.code == "sign:vomit"]
    gastro = has("sign:diarrhoea") or has("sign:diarrhoea_severe")  # vomiting with diarrhoea: a stomach bug
    vomit_lasts = bool(vomits) and (has("sign:persistent") or not gastro and _lasts_a_day(doc, vomits))
    if has("sign:upper_abdo") and sick or vomit_lasts:
        add("liver_pain_vomiting", min(first[c] for c in (*sick, "sign:upper_abdo") if c in first))  # liver (B5)
    elif sick or has("sign:upper_abdo"):
        add("stomach_upset_mild", min(first[c] for c in (*sick, "sign:upper_abdo") if c in first))
    if has("sign:lips_tingle") and (within_2h or has("hives_widespread") or has("sign:itch") or has("sign:rash")):
        # Tingling lips or tongue with hives, or after the dose: angioedema may be starting (facts B1).
        add("face_throat_swelling", first["sign:lips_tingle"])
    if within_2h and (has("swallowing_new") or has("sign:voice")):
        # Throat trouble within hours of the dose is a possible allergic reaction: a tight throat (facts B1).
        add("face_throat_swelling", min(first.get(c, 10**9) for c in ("swallowing_new", "sign:voice")))
    _site_and_skin(doc, now, first, within_2h, add)


def _just_yesterday(doc: _Doc, m: Mention) -> bool:
    """ "siden i går": a day, not the two days of severe diarrhoea."""
    return {doc.text(i) for i in m.positions} & {"gar", "yesterday"} and "forgars" not in {doc.text(i) for i in m.positions}


def _lasts_a_day(doc: _Doc, mentions: list[Mention]) -> bool:
    """A duration of a day or more in the same sentence ("three days of vomiting")."""
    sentences = {doc.tok(m.start).sentence for m in mentions}
    return any(doc.tok(d.start).sentence in sentences for d in doc.current("mod:over_24h")) or any(
        d.value >= 24 and doc.tok(d.start).sentence in sentences for d in doc.current("num:duration")
    )


def _site_and_skin(doc, now, first, within_2h, add) -> None:
    sites = doc.current("ctx:site")
    site_sentences = {doc.tok(s.start).sentence for s in sites}
    skin = [m for m in now if m.code.startswith("sign:skin") and doc.tok(m.start).sentence in site_sentences]
    if skin:
        severe = any(m.code == "sign:skin_severe" and not _softened(doc, m) for m in skin)
        add("injection_site_severe" if severe else "injection_site_mild", min(m.start for m in skin))
    near_site = {m.start for m in skin}
    for m in now:
        if m.code == "bruising_bleeding" and not any(abs(m.start - p) <= 6 for p in near_site):
            sentence = doc.tok(m.start).sentence
            explained = any(doc.status(c) == "now" for c in doc.in_sentence("ctx:injury", sentence))
            if explained and not doc.in_sentence("ctx:unexplained", sentence):
                continue  # "slo meg på bordet": an ordinary bruise, left to the complaint check below
            add("bruising_bleeding", m.start)  # unusual bruising or bleeding: low platelets? (B6)
    reaction = [m for m in now if m.code in ("sign:itch", "sign:rash", "sign:flushing", "sign:unwell")]
    if within_2h and reaction and not skin:
        add("reaction_after_dose", min(m.start for m in reaction))  # itching, flushing, unwell after the dose (B1)


def _softened(doc: _Doc, m: Mention) -> bool:
    """ "litt hoven", "slightly swollen": a little swelling at the site is the mild item; warmth, pus,
    spreading or a large area are not softened (symptoms.md injection_site_*)."""
    return doc.text(m.start) in W.SOFTENABLE and any(doc.text(i) in W.SOFTENERS for i in range(m.start - 3, m.start))


def _complaint(doc: _Doc, now: list[Mention], low_fever: bool) -> bool:
    leftovers = [m for m in now if m.code in _LEFTOVER_SIGNS or m.code == "bruising_bleeding"]
    return bool(leftovers) or low_fever or any(doc.status(m) == "now" for m in doc.of("ctx:complaint"))
