"""Token matching for the free-text safety net (clinical/symptoms.md, "Free text").

Patients write fast, on phones, in two languages, with typos and Norwegian compounds. This
module turns a message into word tokens grouped in sentences and clauses, and finds the cues of
`data/lexicon.py` in them. It knows nothing about levels: the later stages decide what a match means.

Cue patterns (written in plain Norwegian/English spelling; folded the same way as the text):

- ``word`` exact word (typo-tolerant when 5+ letters), ``=word`` exact with no typo tolerance,
  ``stem*`` any word starting with stem (typo-tolerant when 5+ letters), ``*end`` any word ending
  with end, ``@NAME`` a word list from ``MACROS``; ``a|b`` means either; ``pins_and_needles`` is
  a phrase: its words in that order, as if written as separate terms (expanded at build time).
- Terms separated by spaces must come in that order, at most ``GAP`` words apart.
- Groups joined by `` + `` may come in any order within ``WINDOW`` words of the same clause (or of
  the same sentence when the cue asks for it).

Every step is linear or bounded per distinct word, so a very long message stays fast (no regular
expression here can backtrack).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product

from rapidfuzz.distance import OSA, Levenshtein

from webapp.domain.triage.normalise import Token, fold

GAP = 3  # words allowed between two ordered terms ("klarer ikke å finne ordene")
WINDOW = 8  # span of an any-order cue within a clause ("armen min føles så tung")
SENTENCE_WINDOW = 16  # span of an any-order cue that may cross commas ("litt rødt, der jeg stakk")
MIN_FUZZY = 5  # shorter words are too easily another word ("syn"/"sin")
MAX_VARIANTS = 400  # phrase alternatives multiply; more than this is a mistake in the lexicon
_TERM_RE = re.compile(r"=?\*?[^\W\d_]+\*?")
MAX_WORD = 40  # longer "words" are noise (pasted links, keyboard mash): no fuzzy or compound work
CACHE_LIMIT = 50_000  # distinct words remembered; hostile input must not grow memory without end


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    """Letters next to each other on a Norwegian/English keyboard: the letters a slipping finger hits."""
    rows = ("qwertyuiopå", "asdfghjkløæ", "zxcvbnm")
    offsets = (0.0, 0.25, 0.75)
    where = {ch: (x + offsets[y], float(y)) for y, row in enumerate(rows) for x, ch in enumerate(row)}
    near: dict[str, frozenset[str]] = {}
    for ch, (x, y) in where.items():
        near[fold(ch)[0]] = frozenset(
            fold(o)[0] for o, (ox, oy) in where.items() if o != ch and abs(ox - x) <= 1.0 and abs(oy - y) <= 1.0
        )
    return near


_NEAR = _keyboard_neighbours()
_VOWELS = frozenset("aeiouy")


def within_one_edit(a: str, b: str, *, vowels: bool = False) -> bool:
    """True when a and b differ by at most one typing slip: a letter missing, one too many, two letters
    swapped, or one letter replaced by a key next to it ("nummen"/"numen", "svimmel"/"svimmle", "feber"/"fever").
    A replacement by a far key is another word, not a typo ("couch" is not "cough"); with `vowels`, a whole
    word of six letters or more may also have one vowel spelled wrong ("balence", "weeker")."""
    if a == b:
        return True
    if OSA.distance(a, b, score_cutoff=1) > 1:  # rapidfuzz: one insertion, deletion, swap or replacement
        return False
    if len(a) != len(b):
        return True  # a letter missing or one too many
    ops = Levenshtein.editops(a, b)
    if len(ops) != 1:
        return True  # one OSA edit but two Levenshtein edits: two letters swapped
    x, y = a[ops[0].src_pos], b[ops[0].dest_pos]
    # one replacement: a neighbouring key, or one vowel for another in a longer word ("balence")
    return y in _NEAR.get(x, ()) or vowels and len(a) >= 6 and x in _VOWELS and y in _VOWELS


@dataclass(frozen=True, slots=True)
class Match:
    cue: object  # the lexicon entry (opaque here)
    positions: tuple[int, ...]  # token positions of the matched terms
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Compiled:
    cue: object
    groups: tuple[tuple[int, ...], ...]  # term ids, ordered within a group
    gaps: tuple[tuple[int, ...], ...]  # words allowed before each term: GAP, or 0 inside a phrase
    unless: int | None
    sentence_scope: bool


class CueIndex:
    """All cue terms, indexed so that each distinct word of a message is looked up once."""

    def __init__(self, cues: Iterable[object], macros: dict[str, str], protected: Iterable[str]) -> None:
        self._macros = {name: alts for name, alts in macros.items()}
        self._protected = frozenset(fold(w) for w in protected)
        self._term_ids: dict[str, int] = {}
        self._exact: dict[str, set[int]] = {}
        self._prefix: dict[str, set[int]] = {}
        self._suffix: dict[str, set[int]] = {}
        self._fuzzy_exact: dict[str, list[tuple[str, int]]] = {}
        self._fuzzy_prefix: dict[str, list[tuple[str, int]]] = {}
        self._swap4: dict[str, set[int]] = {}
        self._prefix_lengths: set[int] = set()
        self._suffix_lengths: set[int] = set()
        self._cache: dict[str, tuple[str, ...] | frozenset[int]] = {}
        self.compiled: list[_Compiled] = []
        for cue in cues:
            pattern: str = cue.pattern  # type: ignore[attr-defined]
            unless_term: str | None = cue.unless  # type: ignore[attr-defined]
            # An "unless" word cancels wherever it stands in the clause; a phrase there counts word by word.
            unless = self._term("|".join(self._alternatives(unless_term)).replace("_", "|")) if unless_term else None
            scope = getattr(cue, "scope", "clause") == "sentence"
            variants = self._variants(pattern)
            if len(variants) > MAX_VARIANTS:
                raise ValueError(f"{len(variants)} variants of one cue: split it ({pattern[:60]!r})")
            for variant in variants:
                groups = tuple(tuple(self._term(term) for term, _gap in group) for group in variant)
                gaps = tuple(tuple(gap for _term, gap in group) for group in variant)
                self.compiled.append(_Compiled(cue, groups, gaps, unless, scope))
        self._max_prefix = max(self._prefix_lengths, default=0)
        self._max_suffix = max(self._suffix_lengths, default=0)
        # Every term of a cue must be in the message, so each cue is filed under its first term and
        # only the cues of the message's words are tried (not all of them for every report).
        self._by_first_term: dict[int, list[int]] = {}
        for number, comp in enumerate(self.compiled):
            self._by_first_term.setdefault(comp.groups[0][0], []).append(number)

    # --- building -----------------------------------------------------------------------------
    def _alternatives(self, term: str) -> list[str]:
        out: list[str] = []
        for alt in term.split("|"):
            if alt.startswith("@"):
                out.extend(self._alternatives(self._macros[alt[1:]]))
            elif alt:
                out.append(alt)
        return out

    def _slot_variants(self, slot: str) -> list[list[tuple[str, int]]]:
        """One slot as runs of (term, gap): all its single words as one term, and each phrase word by word,
        its words side by side ("som_før" is not "som … for")."""
        words: list[str] = []
        runs: list[list[tuple[str, int]]] = []
        for alt in self._alternatives(slot):
            if "_" in alt:
                parts = [word for word in alt.split("_") if word]
                runs.append([(word, GAP if i == 0 else 0) for i, word in enumerate(parts)])
            else:
                words.append(alt)
        return ([[("|".join(words), GAP)]] if words else []) + runs

    def _variants(self, pattern: str) -> list[tuple[tuple[tuple[str, int], ...], ...]]:
        per_group: list[list[tuple[tuple[str, int], ...]]] = []
        for group in pattern.split(" + "):
            runs: list[list[tuple[str, int]]] = [[]]
            for slot in group.split():
                runs = [run + more for run in runs for more in self._slot_variants(slot)]
            per_group.append([tuple(run) for run in runs])
        return list(product(*per_group))

    def _term(self, term: str) -> int:
        if term in self._term_ids:
            return self._term_ids[term]
        tid = len(self._term_ids)
        self._term_ids[term] = tid
        for alt in self._alternatives(term):
            if not _TERM_RE.fullmatch(alt):
                raise ValueError(f"not a cue term: {alt!r} in {term[:60]!r}")
            fuzzy = not alt.startswith("=")
            word = fold(alt.lstrip("="))
            if word.startswith("*"):
                self._suffix.setdefault(word[1:], set()).add(tid)
                self._suffix_lengths.add(len(word) - 1)
            elif word.endswith("*"):
                stem = word[:-1]
                self._prefix.setdefault(stem, set()).add(tid)
                self._prefix_lengths.add(len(stem))
                if fuzzy and len(stem) >= MIN_FUZZY:
                    for variant in _deletes(stem) | {stem}:
                        self._fuzzy_prefix.setdefault(variant, []).append((stem, tid))
            else:
                self._exact.setdefault(word, set()).add(tid)
                if fuzzy and len(word) == MIN_FUZZY - 1:
                    self._swap4.setdefault(word, set()).add(tid)
                if fuzzy and len(word) >= MIN_FUZZY:
                    for variant in _deletes(word) | {word}:
                        self._fuzzy_exact.setdefault(variant, []).append((word, tid))
        return tid

    def _remember(self, key: str, value: tuple[str, ...] | frozenset[int]) -> None:
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = value

    # --- looking up words ----------------------------------------------------------------------
    def _plain(self, word: str) -> set[int]:
        found: set[int] = set(self._exact.get(word, ()))
        for k in range(1, min(len(word), self._max_prefix) + 1):
            hit = self._prefix.get(word[:k])
            if hit:
                found |= hit
        for k in range(max(0, len(word) - self._max_suffix), len(word)):
            hit = self._suffix.get(word[k:])
            if hit:
                found |= hit
        return found

    def _fuzzy(self, word: str) -> set[int]:
        found: set[int] = set()
        if len(word) == MIN_FUZZY - 1:  # a four-letter word: only two letters swapped ("pian" for "pain")
            for i in range(3):
                found |= self._swap4.get(word[:i] + word[i + 1] + word[i] + word[i + 2 :], set())
        if len(word) >= MIN_FUZZY:
            for variant in _deletes(word) | {word}:
                for stem, tid in self._fuzzy_exact.get(variant, ()):
                    if stem[0] == word[0] and within_one_edit(word, stem, vowels=True):
                        found.add(tid)
        for k in range(MIN_FUZZY, min(len(word), self._max_prefix + 1) + 1):  # a 4-letter head is too loose
            head = word[:k]
            for variant in _deletes(head) | {head}:
                for stem, tid in self._fuzzy_prefix.get(variant, ()):
                    if stem[0] == head[0] and within_one_edit(head, stem):
                        found.add(tid)
        return found

    def parts(self, word: str) -> tuple[str, ...]:
        """A Norwegian compound split into two known words ("venstrearmen" -> venstre + armen)."""
        cached = self._cache.get("\x00" + word)
        if isinstance(cached, tuple):
            return cached
        result: tuple[str, ...] = (word,)
        if 7 <= len(word) <= MAX_WORD and word not in self._exact and word not in self._protected:
            for cut in range(len(word) - 3, 2, -1):
                left, right = word[:cut], word[cut:]
                if self._plain(left) and self._plain(right) and right not in self._protected:
                    result = (left, right)
                    break
        self._remember("\x00" + word, result)
        return result

    def terms_of(self, word: str, whole: str | None = None) -> frozenset[int]:
        cached = self._cache.get(word if whole is None else f"{whole}\x01{word}")
        if isinstance(cached, frozenset):
            return cached
        found = self._plain(word)
        if word not in self._exact and word not in self._protected and len(word) <= MAX_WORD:
            # A prefix ("numb*") may fit a word the patient mistyped ("numbnes"): look for typos all the same.
            found |= self._fuzzy(word)
        if whole is not None:
            found |= self.terms_of(whole)
        result = frozenset(found)
        self._remember(word if whole is None else f"{whole}\x01{word}", result)
        return result

    # --- matching ------------------------------------------------------------------------------
    def expand(self, tokens: Sequence[Token], *, compounds: bool = True) -> tuple[list[Token], list[str | None]]:
        """Tokens with compounds split; each part of a split word also carries the whole word's terms.

        Splitting is for Norwegian, which writes compounds as one word; English ones are mostly
        other words ("backstroke" is no stroke), so a caller reading English only passes compounds=False."""
        out: list[Token] = []
        wholes: list[str | None] = []
        for tok in tokens:
            # A word the word-form table knows ("hovudverk") is read whole, not split into parts.
            pieces = (tok.text,) if tok.is_number or not compounds or tok.base else self.parts(tok.text)
            if len(pieces) == 1 and tok.index == len(out):
                out.append(tok)  # nothing split before it: the token keeps its place (fewer objects)
                wholes.append(None)
                continue
            for piece in pieces:
                out.append(Token(piece, len(out), tok.sentence, tok.clause, tok.segment, tok.is_number))
                wholes.append(tok.text if len(pieces) > 1 else None)
        return out, wholes

    def match(self, tokens: Sequence[Token], wholes: Sequence[str | None]) -> list[Match]:
        positions: dict[int, list[int]] = {}
        for tok, whole in zip(tokens, wholes, strict=True):
            if tok.is_number:
                continue
            terms = self.terms_of(tok.text, whole)
            if tok.base:
                terms = terms | self.terms_of(tok.base)  # "auga" is read as "oye" too (normalise, word forms)
            for tid in terms:
                positions.setdefault(tid, []).append(tok.index)
        matches: list[Match] = []
        candidates = sorted(n for tid in positions for n in self._by_first_term.get(tid, ()))
        for comp in (self.compiled[n] for n in candidates):
            if not all(gid in positions for group in comp.groups for gid in group):
                continue
            spans = [self._sequence(group, gaps, positions, tokens) for group, gaps in zip(comp.groups, comp.gaps, strict=True)]
            if not all(spans):
                continue
            for found in self._combine(spans, tokens, comp.sentence_scope):
                if comp.unless is not None and self._clause_has(comp.unless, found, positions, tokens):
                    continue
                matches.append(Match(comp.cue, found, found[0], found[-1]))
        return matches

    @staticmethod
    def _sequence(group: tuple[int, ...], gaps: tuple[int, ...], positions: dict[int, list[int]], tokens: Sequence[Token]):
        spans: list[tuple[int, ...]] = []
        first = positions[group[0]]
        for p0 in first:
            chain = [p0]
            for tid, gap in zip(group[1:], gaps[1:], strict=True):
                cands = positions[tid]
                prev = chain[-1]
                i = bisect_right(cands, prev)
                if i < len(cands) and cands[i] <= prev + gap + 1 and tokens[cands[i]].clause == tokens[prev].clause:
                    chain.append(cands[i])
                else:
                    break
            if len(chain) == len(group):
                spans.append(tuple(chain))
        return spans

    @staticmethod
    def _combine(spans: list[list[tuple[int, ...]]], tokens: Sequence[Token], sentence_scope: bool):
        if len(spans) == 1:
            return list(spans[0])
        window = SENTENCE_WINDOW if sentence_scope else WINDOW
        starts = [[span[0] for span in group] for group in spans]  # each group is in text order
        found: list[tuple[int, ...]] = []
        for anchor in spans[0]:
            chosen = [anchor]
            used = set(anchor)
            lo, hi = anchor[0], anchor[-1]
            home = tokens[anchor[0]]
            ok = True
            for other, other_starts in zip(spans[1:], starts[1:], strict=True):
                best = None
                # Only candidates that can fit in the window with what is chosen: linear, not quadratic.
                i = bisect_left(other_starts, hi - window)
                while i < len(other) and other_starts[i] <= lo + window:
                    cand = other[i]
                    i += 1
                    if used.intersection(cand):
                        continue
                    a, b = min(lo, cand[0]), max(hi, cand[-1])
                    same = (
                        tokens[cand[0]].sentence == home.sentence
                        if sentence_scope
                        else tokens[cand[0]].clause == home.clause and tokens[cand[-1]].clause == home.clause
                    )
                    if same and b - a <= window:
                        best = cand
                        break
                if best is None:
                    ok = False
                    break
                chosen.append(best)
                used.update(best)
                lo, hi = min(lo, best[0]), max(hi, best[-1])
            if ok:
                found.append(tuple(sorted(used)))
        return found

    @staticmethod
    def _clause_has(tid: int, found: tuple[int, ...], positions: dict[int, list[int]], tokens):
        clause = tokens[found[0]].clause
        cands = positions.get(tid, [])
        lo = bisect_left(cands, max(0, found[0] - 30))
        for p in cands[lo:]:
            if p > found[-1] + 30:
                break
            if tokens[p].clause == clause:
                return True
        return False
