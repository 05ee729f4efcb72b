"""Stage 4, weigh: from qualified mentions to what the text says is happening now (symptoms.md, "Free text").

The text is a safety net behind the checklist: it can raise a level, never lower it. `weigh` turns the
mentions that happen now into symptom codes (some only together: a stiff neck with fever, a bruise at the
injection site), reads the modifiers (after the dose, over 24 hours, getting worse, sudden, fever), and
puts the floor under it: a present complaint that no item names is at least routine (`text:unplaced`), and
a message the rules found nothing in that reads like our labelled complaints is routine too (`text:learned`,
see `learned.py`; it never names an item or goes above routine).
Its output, `TextFindings`, is what `level` weighs with the checklist.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from webapp.domain.levels import Level
from webapp.domain.triage.data import context as W
from webapp.domain.triage.learned import reads_like_a_complaint
from webapp.domain.triage.mentions import Mention
from webapp.domain.triage.qualify import Qualified

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


def weigh(doc: Qualified) -> TextFindings:
    """Stage 4: the symptoms a qualified message says happen now, and the modifiers it answers."""
    notes = ["text:truncated"] if doc.truncated else []
    if not doc.tokens:
        return TextFindings(notes=tuple(notes))
    return _weigh(doc, notes)


# --- from mentions to findings ----------------------------------------------------------------------
def _weigh(doc: Qualified, notes: list[str]) -> TextFindings:
    meant = {id(m): doc.status(m) for m in doc.symptom_like}
    # The usual MS symptom, unchanged, is known_ms_stable (it turns urgent again if it lasts or worsens, A1);
    # anything else said to be "as usual" is simply there now ("hodepine som vanlig").
    usual = [m for m in doc.symptom_like if meant[id(m)] == "stable" and m.code in _MS_KNOWN]
    now = [m for m in doc.symptom_like if meant[id(m)] == "now" or meant[id(m)] == "stable" and m.code not in _MS_KNOWN]
    notes.extend(_notes(doc, meant))
    found: dict[str, int] = {}  # code -> first position

    def add(code: str, pos: int) -> None:
        found[code] = min(pos, found.get(code, pos))

    for m in usual:
        add("known_ms_stable", m.start)
    mods = _modifiers(doc, now, usual)
    within_2h = mods["within_2h"]
    fever, fever_at, raised = _fever(doc, now)
    if fever:
        add("fever", fever_at)
    neck = {p for m in now if m.code == "sign:stiff_neck" for p in m.positions}
    for m in now:
        if m.code.startswith("sign:") or m.code in ("fever", "cold_no_fever", "bruising_bleeding"):
            continue  # weighed together with other signs in _combine_signs
        if m.code == "joint_muscle_pain" and neck.intersection(m.positions):
            continue  # the neck belongs to the stiff-neck sign, weighed with fever and headache
        add(m.code, m.start)
    codes_now = {m.code for m in now}
    _combine_signs(doc, now, codes_now, fever, within_2h, add, sudden=mods["sudden"])
    if found.keys() & {"meningitis_signs", "sudden_severe_headache"}:
        found.pop("headache_mild", None)  # one headache, its right item (review §2.6.7, "right level, wrong reason")
    extra = _extras(doc, codes_now, found)
    if not found and not extra and _complaint(doc, now, raised):
        # Sounds like a health complaint but matches no item: flag for a call, never reassure (symptoms.md).
        level = Level.URGENT if mods["worse"] or within_2h else Level.ROUTINE  # as the "other" item (triage.py)
        extra.append((level, "general", "text:unplaced"))
    elif not found and not extra and not notes and not _settled(doc) and _told_not_asked(doc):
        # Nothing the rules know, nothing negated, past or someone else's: if the wording reads like the
        # complaints we have labelled, a nurse reads it (learned floor, issue 11 §5; never above routine).
        if reads_like_a_complaint(t.text for t in doc.tokens):
            extra.append((Level.ROUTINE, "general", "text:learned"))
    _not_an_emergency_here(doc, now, found, fever, within_2h)
    if "seizure" in found and "fainting_collapse" in found:
        found.pop("fainting_collapse")  # "fitting on the floor": the seizure is the item (same 113 advice)
    codes = tuple(sorted(found, key=lambda c: found[c]))
    return TextFindings(
        codes=codes,
        within_2h_of_injection=within_2h and bool(codes or extra),
        lasted_over_24h=mods["over_24h"] and bool(codes),
        getting_worse=mods["worse"] and bool(codes or extra),
        fever=fever,
        sudden_onset=mods["sudden"] and any(c in _NEURO for c in codes),
        reported_by_other=any(doc.status(m) == "now" for m in doc.of("ctx:reported_by_other")) and bool(codes),
        extra=tuple(extra),
        notes=tuple(dict.fromkeys(notes)),
    )


def _settled(doc: Qualified) -> bool:
    """The rules already know what the text says: something negated, asked, past, usual or someone else's."""
    return any(doc.status(m) != "now" for m in doc.symptom_like) or any(
        doc.status(m) != "now" for m in doc.of("ctx:complaint"))


def _told_not_asked(doc: Qualified) -> bool:
    """Some sentence of the message is not a question (a question alone may be answered with education)."""
    sentences = {t.sentence for t in doc.tokens}
    return bool(sentences - doc.questions)


def _notes(doc: Qualified, meant: dict[int, str]) -> list[str]:
    """Reasons that explain without deciding: a question is answered with education (symptoms.md, Free text)."""
    out = []
    if "hypothetical" in meant.values() or any(doc.status(m) == "hypothetical" for m in doc.of("ctx:cold_chain")):
        out.append("text:question")
    if "past" in meant.values():
        out.append("text:past")
    if "other" in meant.values():
        out.append("text:someone_else")  # an illness at home: the nurse may still want to know (facts B4)
    return out


def _modifiers(doc: Qualified, now: list[Mention], usual: list[Mention]) -> dict[str, bool]:
    """The modifiers of symptoms.md, each counted only beside a symptom (its sentence, or the next)."""
    sentences = {doc.tok(m.start).sentence for m in now + usual}
    # A usual symptom has lasted for years; "over 24 hours" is about something new or flaring (facts A1).
    new_sentences = {doc.tok(m.start).sentence for m in now}
    return {
        "within_2h": any(not _delayed(doc, m) for m in _modifier(doc, "after_dose", sentences)),
        "over_24h": bool(_modifier(doc, "over_24h", new_sentences)) or any(
            d.value >= 24 and doc.tok(d.start).sentence in new_sentences for d in doc.current("num:duration")
        ),
        "worse": bool(_modifier(doc, "worse", sentences)),
        "sudden": bool(_modifier(doc, "sudden", sentences)),
    }


def _fever(doc: Qualified, now: list[Mention]) -> tuple[bool, int, bool]:
    """Fever (38 °C or more, or the word without a lower reading), where it is first said, and whether only a
    slightly raised temperature (37.5-37.9, or "feber" with such a reading) was given (symptoms.md, fever)."""
    readings = [r for r in doc.mentions if r.code == "num:temp" and doc.status(r) in ("now", "stable")]
    # "Sønnen min har 39 i feber, selv er jeg helt fin": the reading goes with the son's fever (review §2.5.8).
    others = {doc.tok(m.start).clause for m in doc.of("fever") if doc.status(m) == "other"}
    readings = [r for r in readings if doc.tok(r.start).clause not in others]
    words = [m for m in now if m.code == "fever"]
    highest = max((r.value for r in readings), default=None)
    if highest is not None and highest < 38.0:
        return False, 0, highest >= 37.5 or bool(words)  # the thermometer overrules the word
    places = [m.start for m in words] + [r.start for r in readings if r.value >= 38.0]
    return bool(places), min(places, default=0), False


def _extras(doc: Qualified, codes_now: set[str], found: dict[str, int]) -> list[tuple[Level, str, str]]:
    """Levels outside the vocabulary: for the nurse, with the fact behind each."""
    extra: list[tuple[Level, str, str]] = []
    if any(doc.status(m) == "now" for m in doc.of("ctx:cold_chain")) or _fridge_out_of_range(doc):
        extra.append((Level.ROUTINE, "general", "text:cold_chain"))  # the nurse judges the syringes (storage, 5)
    if doc.current("ctx:lab_platelets"):
        extra.append((Level.URGENT, "bleeding", "text:low_platelets"))  # a named reason to stop (facts B6)
    if doc.current("ctx:lab_liver"):
        extra.append((Level.URGENT, "liver", "text:liver_tests"))  # raised liver tests: the clinic decides (B5)
    if "sign:severe_headache" in codes_now and not found.keys() & {"meningitis_signs", "fever", "sudden_severe_headache"}:
        # A severe headache is not the ordinary one (symptoms.md notes); CNS infections on natalizumab (E6).
        extra.append((Level.URGENT, "general", "text:severe_headache"))
    return extra


def _fridge_out_of_range(doc: Qualified) -> bool:
    """A fridge reading outside 2-8 °C ("kjøleskapet viste 14 grader"); 4 °C is as it should be (storage, 5)."""
    for m in doc.current("ctx:fridge_temperature"):
        numbers = [float(t.text) for t in doc.clause_tokens(m.start) if t.is_number]
        if any(not 2 <= n <= 8 for n in numbers):
            return True
    return False


def _modifier(doc: Qualified, name: str, sentences: set[int]) -> list[Mention]:
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


def _delayed(doc: Qualified, after: Mention) -> bool:
    """ "tre dager etter sprøyten", "the morning after the injection": not within 2 hours (facts B1)."""
    for d in doc.of("num:duration"):
        if after.start - 4 <= d.end < after.start and d.value > 2:
            return True
    return any(doc.text(i) in W.DELAY_WORDS for i in range(after.start - 3, after.start))


def _combine_signs(doc, now, codes_now, fever, within_2h, add, sudden=False) -> None:
    """Signs that mean an item only together ("stiff neck" + fever, burning pee + fever, a bruise + the site)."""
    first = {}
    for m in now:
        first.setdefault(m.code, m.start)
    has = codes_now.__contains__
    headache = has("headache_mild") or has("sign:severe_headache")
    severe = has("sign:severe_headache")
    worst = has("sign:worst_headache")
    if has("sign:stiff_neck") and (fever or severe or worst or has("sign:light")) or (
        has("sign:light") and fever and headache
    ) or worst and fever:
        # A stiff neck with fever, a severe headache or light hurting; the worst headache with fever: meningitis
        # signs (symptoms.md meningitis_signs; E6). A stiff neck and an ordinary headache after a bad night are not.
        add("meningitis_signs", min(first.get(c, 10**9) for c in ("sign:worst_headache", "sign:stiff_neck", "sign:light")))
    elif worst or severe and sudden:
        # A sudden, worst-ever or thunderclap headache without fever and stiff neck is its own emergency item
        # (symptoms.md sudden_severe_headache, notes): "see a doctor today" for an infection would be wrong advice.
        add("sudden_severe_headache", min(first.get(c, 10**9) for c in ("sign:worst_headache", "sign:severe_headache")))
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


def _not_an_emergency_here(doc, now, found, fever, within_2h) -> None:
    """Safe but costly over-triage to 113 (review §2.5.9): breathless on the stairs with a chest infection is the
    infection (urgent, see a doctor today); a swollen eyelid with pus or an infection, not after a dose, is an eye
    infection, not angioedema (facts B1 keeps every swelling after a dose an emergency)."""
    infection = fever or "serious_infection" in found
    if "breathing_difficulty" in found and infection:
        marks = [m for m in now if m.code == "breathing_difficulty"]
        if marks and all(doc.clause_texts(m.start) & W.EXERTION for m in marks):
            found["serious_infection"] = min(found.get("serious_infection", 10**9), found.pop("breathing_difficulty"))
    if "face_throat_swelling" in found and not within_2h:
        marks = [m for m in now if m.code == "face_throat_swelling"]
        eyelid_only = marks and all({doc.text(p) for p in m.positions} & W.EYELID for m in marks)
        sentences = {doc.tok(m.start).sentence for m in marks}
        infected = any(doc.tok(t.index).sentence in sentences and t.text in W.EYE_INFECTION for t in doc.tokens)
        if eyelid_only and infected:
            found["eye_infection_signs"] = found.pop("face_throat_swelling")
            found.pop("serious_infection", None)


def _just_yesterday(doc: Qualified, m: Mention) -> bool:
    """ "siden i går": a day, not the two days of severe diarrhoea."""
    return {doc.text(i) for i in m.positions} & {"gar", "yesterday"} and "forgars" not in {doc.text(i) for i in m.positions}


def _lasts_a_day(doc: Qualified, mentions: list[Mention]) -> bool:
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


def _softened(doc: Qualified, m: Mention) -> bool:
    """ "litt hoven", "slightly swollen": a little swelling at the site is the mild item; warmth, pus,
    spreading or a large area are not softened (symptoms.md injection_site_*)."""
    return doc.text(m.start) in W.SOFTENABLE and any(doc.text(i) in W.SOFTENERS for i in range(m.start - 3, m.start))


def _complaint(doc: Qualified, now: list[Mention], raised_temperature: bool) -> bool:
    leftovers = [m for m in now if m.code in _LEFTOVER_SIGNS or m.code == "bruising_bleeding"]
    return bool(leftovers) or raised_temperature or any(doc.status(m) == "now" for m in doc.of("ctx:complaint"))
