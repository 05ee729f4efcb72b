"""Stage 3, qualify: how each mention in a message is meant (clinical/symptoms.md, "Free text").

In this order, each step with its reason:
1. negated in its clause ("ingen feber", "no trouble breathing", "feberfri")   -> does not count;
2. hypothetical ("hva gjør jeg hvis…", "can Tysabri cause…?", reading about it) -> a note;
3. someone else's ("barnet mitt har feber, kan jeg ta dosen?")                 -> a note;
4. usual and unchanged ("som vanlig", "unchanged", worse only in the heat)     -> known_ms_stable;
5. resolved or long past ("gikk over", "i fjor")                                -> a note;
6. otherwise it happens now.
Words of reassurance ("sikkert ingenting") are not negation: they never lower a level.
"""

from __future__ import annotations

from bisect import bisect_right

from webapp.domain.triage.data import context as W
from webapp.domain.triage.data.lexicon import PASSED_STILL_COUNTS
from webapp.domain.triage.mentions import Mention, Reading

NEG_REACH = 6  # a negation denies words up to this far after it, in its own clause segment
COND_REACH = 15  # "hvis jeg skulle begynne å få …": a condition reaches this far, within its clause


class Qualified:
    """A `Reading` (stage 2) with how each of its mentions is meant; worked out once per mention and kept
    here. Everything else is the reading's (attribute access passes through)."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.status_cache: dict[int, str] = {}  # by id: each mention is one object for the life of the message
        self.claim_cache: dict[int, bool] = {}
        self.now_anchors: list[int] | None = None  # "nå ... det samme" positions (see _told_as_now)

        # The reading's lookups, bound once: the stages below call them thousands of times in a long message.
        self.tokens, self.mentions, self.questions = reading.tokens, reading.mentions, reading.questions
        self.truncated, self.symptom_like, self.symptom_clauses = reading.truncated, reading.symptom_like, reading.symptom_clauses
        self.tok, self.text, self.of, self.in_sentence = reading.tok, reading.text, reading.of, reading.in_sentence
        self.clause_tokens, self.clause_size, self.clause_texts = reading.clause_tokens, reading.clause_size, reading.clause_texts
        self.positions_of, self.segment_words = reading.positions_of, reading.segment_words

    def __getattr__(self, name: str):
        return getattr(self.reading, name)

    def status(self, m: Mention) -> str:
        return status(self, m)

    def current(self, prefix: str) -> list[Mention]:
        return current(self, prefix)


def qualify(reading: Reading) -> Qualified:
    """Stage 3: each mention marked negated, hypothetical, someone else's, past, usual or now."""
    return Qualified(reading)


def status(doc: Qualified, m: Mention) -> str:
    """How the mention is meant: "negated", "hypothetical", "other" (someone else's), "past", "stable"
    or "now" (see the module docstring); worked out once per mention."""
    key = id(m)
    if key not in doc.status_cache:
        doc.status_cache[key] = _status(doc, m)
    return doc.status_cache[key]


def current(doc: Qualified, prefix: str) -> list[Mention]:
    """The mentions of a kind that happen now (or as usual)."""
    return [m for m in doc.of(prefix) if status(doc, m) in ("now", "stable")]


def _status(doc: Qualified, m: Mention) -> str:
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
    if _told_as_now(doc, m):
        return "now"  # "had it last year, now the same on the other side" (symptoms.md, Free text)
    if _long_past(doc, m) or _marked(doc, m, "ctx:resolved") and not _ongoing(doc, m) and not _today(doc, m) and (
        m.code not in PASSED_STILL_COUNTS
    ):
        return "past"
    return "now"


def _negated(doc: Qualified, m: Mention) -> bool:
    """A negation before the mention in its own clause segment, or inside it ("pusten er ikke tung"); or an
    excluding phrase just before a word of it ("nowhere near my eyes", "ikke i nærheten av øyet")."""
    if _excluded(doc, m):
        return True
    if m.code.startswith("num:"):
        return any(doc.text(i) in W.BELOW_WORDS for i in (m.start - 1, m.start - 2))
    first = doc.tok(m.start)
    for i in doc.positions_of(W.NEGATIONS, m.start - NEG_REACH, m.end):
        if i in m.positions or doc.tok(i).segment != first.segment:
            continue
        if not _neutral_negation(doc, i):
            return True
    whole = doc.text(m.end)
    free = whole.endswith(("fri", "frie", "fritt")) and len(whole) > 5 or doc.text(m.end + 1) == "free"
    if free and not m.code.startswith("ctx:resolved"):
        return True  # "feberfri", "smertefri", "pain free"
    return _negated_list(doc, m)


def _neutral_negation(doc: Qualified, i: int) -> bool:
    after = doc.text(i + 1)
    if after in W.NEGATION_NEUTRAL_NEXT or doc.text(i - 1) in W.NEGATION_NEUTRAL_BEFORE:
        return True  # "ikke sikker", "not only", "no better", "vet ikke", "probably nothing"
    if doc.text(i) in ("aldri", "never"):
        # "aldri hatt dette før", "never felt anything like it": something new, not a denial
        return any(doc.text(j) in W.NOVELTY_AFTER_NEVER for j in range(i + 1, i + 6))
    return any(doc.text(j) in ("sikker", "sure", "certain") for j in range(i + 1, i + 4))  # "ikke helt sikker"


def _excluded(doc: Qualified, m: Mention) -> bool:
    """An excluding phrase excludes what it names (symptoms.md, Free text): a word of the mention up to
    three words after "nowhere near", "langt unna", in the same clause."""
    if m.code.startswith(("ctx:", "mod:", "num:")):
        return False
    for mark in doc.in_sentence("ctx:exclude", doc.tok(m.start).sentence):
        if any(mark.end < p <= mark.end + 3 and doc.tok(p).clause == doc.tok(mark.end).clause for p in m.positions):
            return True
    return False


def _negated_list(doc: Qualified, m: Mention) -> bool:
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


def _or_follows(doc: Qualified, i: int) -> bool:
    sentence = doc.tok(i).sentence
    for j in range(i + 1, min(len(doc.tokens), i + 10)):
        if doc.tok(j).sentence != sentence:
            return False
        if doc.text(j) in W.LIST_OR:
            return True
    return False


def _hypothetical(doc: Qualified, m: Mention) -> bool:
    """ "hvis jeg får…", "what if…", a question or reading about symptoms without saying they happen."""
    if m.code in _THOUGHT_IS_THE_SYMPTOM and not _named_as_a_topic(doc, m):
        return False
    if _asks_if_a_problem(doc, m):
        return True
    if _conditional_before(doc, m.start):
        return True
    if m.code in _TOLD_AS_QUESTIONS:
        return False
    sentence = doc.tok(m.start).sentence
    asks = sentence in doc.questions or any(status(doc, e) != "negated" for e in doc.in_sentence("ctx:edu", sentence))
    return asks and not _claimed(doc, sentence)


# A pregnancy plan or a new steroid is often put as a question ("Legen ga meg prednisolon, går det bra med
# dosen?", "Kan jeg bli gravid på Tysabri?"): the clinic must hear of it all the same (review §2.5.7).
_TOLD_AS_QUESTIONS = frozenset({"pregnancy", "new_immunosuppressant"})
# "What if I just took all my tablets at once?": asking it is the thought itself; the crisis screen shows
# (symptoms.md note on self_harm_thoughts; review §2.6.3).
_THOUGHT_IS_THE_SYMPTOM = frozenset({"self_harm_thoughts"})
# ... but "Kan Tysabri gi selvmordstanker?" asks about a named side effect: education (symptoms.md, Free text).
_TOPIC_WORDS = ("selvmord", "suicid", "selvskad", "self")


def _named_as_a_topic(doc: Qualified, m: Mention) -> bool:
    sentence = doc.tok(m.start).sentence
    named = any(t.sentence == sentence and t.text.startswith(_TOPIC_WORDS) for t in doc.tokens)
    return named or any(status(doc, e) != "negated" for e in doc.in_sentence("ctx:edu", sentence))


def _asks_if_a_problem(doc: Qualified, m: Mention) -> bool:
    """ "…, is that a problem?", "er det et problem?": a question about the dose, not a complaint (round 10)."""
    return (
        m.code == "ctx:complaint" and m.start == m.end and doc.text(m.start) in ("problem", "issue")
        and doc.text(m.start - 1) in ("a", "et", "eit", "any", "noe", "noko", "noen")
        and doc.tok(m.start).sentence in doc.questions
    )


def _conditional_before(doc: Qualified, pos: int) -> bool:
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


def _claimed(doc: Qualified, sentence: int) -> bool:
    """The sentence says it happens: "my hand is numb?", "I have had a fever since…", "han har…"."""
    if sentence not in doc.claim_cache:
        claims = doc.in_sentence("ctx:claim", sentence) + doc.in_sentence("num:duration", sentence)  # "…for 3 days?"
        doc.claim_cache[sentence] = any(not _conditional_before(doc, c.start) for c in claims)
    return doc.claim_cache[sentence]


def _marked(doc: Qualified, m: Mention, marker: str) -> bool:
    """A marker in the mention's clause, or later in its sentence in a clause with no symptom of its own."""
    tok = doc.tok(m.start)
    for mark in doc.in_sentence(marker, tok.sentence):
        if set(mark.positions) & set(m.positions) or status(doc, mark) == "negated":
            continue
        if doc.text(mark.end) == "gone" and not _ends_there(doc, mark.end):
            continue  # "my skin has gone yellow", "gone all wobbly": became, not went away
        where = doc.tok(mark.start)
        if where.clause == tok.clause:
            return True
        if mark.start > m.end and where.clause not in doc.symptom_clauses:
            return True
    return False


def _someone_elses(doc: Qualified, m: Mention) -> bool:
    """ "Barnet mitt har feber, kan jeg ta sprøyta?": the child's fever, not the patient's (the writer asks about
    their own dose or catching it). A relative's neuro signs always count: relatives often write for the patient (E2)."""
    clause_start = doc.clause_tokens(m.start)[0].index
    before = range(max(clause_start, m.start - 6), m.start)
    if m.code == "pregnancy":  # "my girlfriend is pregnant": the writer is not (fathers on natalizumab: no risk)
        # ... but "my partner and I are trying", "vi prøver" is the writer's own plan (symptoms.md, Free text).
        together = any(doc.text(i) in _TOGETHER for i in range(clause_start, m.start + 1))
        return not together and any(doc.text(i) in W.PARTNERS or doc.text(i) in W.OTHER_PEOPLE for i in before)
    if m.code not in W.CATCHING or not doc.of("ctx:self_exposure"):
        return False
    # "my little boy has a fever of 39 and a rash, I'm fine": the last person named in the clause has it.
    for i in range(m.start - 1, clause_start - 1, -1):
        if doc.text(i) in W.OTHER_PEOPLE:
            return True
        if doc.text(i) in _MYSELF:
            return False
    return False


_TOGETHER = frozenset("vi we us oss jeg i me meg".split())
_MYSELF = _TOGETHER - {"i"}  # Norwegian "i" is "in": "Sønnen min har 39 i feber"


def _since(doc: Qualified, m: Mention) -> bool:
    """ "down since the relapse last year": it began then and goes on ("lenge siden" is no "since")."""
    in_marks = {p for mark in doc.in_sentence("ctx:past", doc.tok(m.start).sentence) for p in mark.positions}
    return any(
        doc.text(i) in ("siden", "since") and i not in in_marks for i in range(m.start, min(len(doc.tokens), m.end + 8))
    )


def _today(doc: Qualified, m: Mention) -> bool:
    """It came and went today ("svimmel i et par minutter i dag, gikk fort over"): still today's report.
    "Today" must be said of the symptom (its clause), not of the recovery ("…, fine today")."""
    sentence, clause = doc.tok(m.start).sentence, doc.tok(m.start).clause
    return any(
        doc.tok(r.start).clause == clause for r in doc.in_sentence("ctx:recent", sentence)
    ) or any(d.value < 24 and doc.tok(d.start).clause == clause for d in doc.in_sentence("num:duration", sentence))


def _ongoing(doc: Qualified, m: Mention) -> bool:
    """ "fortsatt", "still": whatever went over, this has not (so "hun er fortsatt helt borte" is no recovery)."""
    return bool(doc.clause_texts(m.start) & W.STILL_WORDS)


def _ends_there(doc: Qualified, i: int) -> bool:
    """ "… has gone." / "has gone away now": the word closes its clause, or only "away/now/completely" follow."""
    nxt = i + 1
    return nxt >= len(doc.tokens) or doc.tok(nxt).clause != doc.tok(i).clause or doc.text(nxt) in W.GONE_FOR_GOOD


def _told_as_now(doc: Qualified, m: Mention) -> bool:
    """A story in the past that says the symptom is here now: a later clause of the same or the next sentence
    says "now" with "the same", "again", "all the time", "the other side" ("nå gjør den det hele tiden")."""
    if m.code.startswith(("ctx:", "mod:", "num:")):
        return False
    if doc.now_anchors is None:  # found once per message: the reading stays linear in its length
        doc.now_anchors = [
            i for i in doc.positions_of(W.NOW_WORDS, 0, len(doc.tokens))
            if doc.clause_texts(i) & W.NOW_AGAIN and not any(doc.text(j) in W.NEGATIONS for j in range(i, i + 4))
        ]
    tok = doc.tok(m.start)
    k = bisect_right(doc.now_anchors, m.end)
    while k < len(doc.now_anchors):
        later = doc.tok(doc.now_anchors[k])
        if later.sentence > tok.sentence + 1:
            return False
        if later.clause != tok.clause:
            return True
        k += 1
    return False


def _long_past(doc: Qualified, m: Mention) -> bool:
    """ "i fjor", "years ago", "tidligere attakk": in the same clause, unless its part says "nå"/"igjen"; or
    said after it ("… men det er lenge siden")."""
    if _marked(doc, m, "ctx:past") and not _today(doc, m) and not _since(doc, m):
        return True
    tok = doc.tok(m.start)
    for mark in doc.in_sentence("ctx:past", tok.sentence):
        if any(doc.text(i) in ("siden", "since") for i in range(mark.start - 3, mark.start)):
            continue  # "since the relapse last year": it started then and goes on
        if any(doc.text(i) in W.LIKE_WORDS for i in range(mark.start - 2, mark.start)):
            continue  # "like my last relapse": a comparison, the symptom is now
        if doc.clause_texts(m.start) & W.AGAIN_WORDS:
            continue  # "… are starting again", "er tilbake igjen"
        where = doc.tok(mark.start)
        if where.segment == tok.segment or (
            where.clause == tok.clause and not doc.segment_words(m.start) & W.PRESENT_ANCHORS
        ):
            return True
    return False
