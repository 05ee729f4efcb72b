"""The frozen evaluation set for the free-text reader (tests/triage_eval/) and its measuring script.

The set is FROZEN. It was written blind to the reader and its tuning cases, so that its figures say
how the reader does on words nobody tuned it on. Editing it (to fix a row, to add a case the reader
misses, to drop one it cannot get) turns it into one more tuning set and makes "before" and "after"
incomparable. The SHA-256 below therefore fails loudly on any change: if the set is wrong or too
small, write a NEW set in a new file (with its own README and hash) and keep this one as it is.

These tests check the set's shape and that the script runs; they do not judge the reader (no
thresholds): bench/triage_eval.py measures, it is not a gate.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from webapp.domain.triage import BY_CODE, CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "tests" / "triage_eval" / "frozen_eval.tsv"
FROZEN_SHA256 = "e9b228bde57ff869ba61dec11e30a873144da4bc0cf85134ce17b60472877cba"

LEVELS = ("emergency", "urgent", "routine", "none")
# The fixed tag list, as in tests/triage_eval/README.md.
TAGS = {
    "nynorsk", "dialect", "radical_bokmal", "mixed_language", "typo", "no_punctuation", "voice_dictation",
    "non_native", "long_story", "relative", "function_loss", "past_narrative", "duration", "course",
    "other_person", "indirect_pregnancy", "death_wish", "excluding_phrase", "indirect_emergency",
    "sudden_onset", "after_dose", "negated", "question", "admin", "resolved", "vague",
}


def _bench():
    spec = importlib.util.spec_from_file_location("triage_eval", ROOT / "bench" / "triage_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return _bench()


@pytest.fixture(scope="module")
def rows(bench):
    return bench.load_set(SET)


def test_the_set_is_frozen_byte_for_byte():
    digest = hashlib.sha256(SET.read_bytes()).hexdigest()
    assert digest == FROZEN_SHA256, (
        "tests/triage_eval/frozen_eval.tsv changed. The set is frozen: write a new set in a new file "
        "instead of editing this one (see this test's docstring and tests/triage_eval/README.md)."
    )


def test_the_set_has_the_columns_and_enough_rows(rows):
    assert len(rows) >= 240
    assert list(rows[0]) == ["id", "lang", "text", "expected_level", "expected_category", "present", "patterns", "note"]
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    texts = [r["text"].strip().lower() for r in rows]
    assert len(set(texts)) == len(texts)
    assert all(r["text"].strip() and r["note"].strip() for r in rows)


def test_at_least_half_norwegian_and_a_quarter_of_those_nynorsk_or_dialect(rows):
    assert {r["lang"] for r in rows} == {"nb", "en"}
    nb = [r for r in rows if r["lang"] == "nb"]
    assert len(nb) * 2 >= len(rows)
    nn = [r for r in nb if {"nynorsk", "dialect"} & set(r["patterns"])]
    assert len(nn) * 4 >= len(nb)


def test_levels_and_categories_are_the_public_vocabulary(rows):
    item_categories = {item.category for item in BY_CODE.values()}
    assert item_categories <= set(CATEGORIES)
    for r in rows:
        assert r["expected_level"] in LEVELS, r["id"]
        if r["expected_level"] == "none":
            assert r["expected_category"] == "none", r["id"]
        else:
            assert r["expected_category"] in CATEGORIES, r["id"]


def test_present_symptoms_are_never_expected_none(rows):
    # symptoms.md "Floor: never silent": a present symptom or change is at least routine.
    for r in rows:
        assert r["present"] in ("yes", "no"), r["id"]
        if r["present"] == "yes":
            assert r["expected_level"] != "none", r["id"]


def test_tags_come_from_the_fixed_list_and_every_level_is_spread(rows):
    used = {t for r in rows for t in r["patterns"]}
    assert used <= TAGS, used - TAGS
    counts = {level: sum(r["expected_level"] == level for r in rows) for level in LEVELS}
    assert 40 <= counts["emergency"] and 80 <= counts["urgent"] and 40 <= counts["routine"] and 40 <= counts["none"]


def test_the_script_runs_on_the_first_20_rows_and_prints_every_figure(bench, capsys, tmp_path):
    out_json = tmp_path / "figures.json"
    assert bench.main(["--limit", "20", "--misses", "--json", str(out_json)]) == 0
    printed = capsys.readouterr().out
    assert "20 messages" in printed
    for line in ("(a) emergency recall", "(b) urgent recall", "(c) false alarms", "(c) over-triage urgent -> emergency",
                 "(d) silent", "(e) category right", "(f) per language", "(g) misses by pattern", "(h) misses",
                 "(i) unsure"):
        assert line in printed
    figures = json.loads(out_json.read_text(encoding="utf-8"))
    assert figures["all"]["messages"] == 20
    assert set(figures["by_language"]) == {"nb", "nn_dialect", "en"}


def test_the_figures_count_what_they_say(bench):
    """A stub reader with known answers gives known figures: the arithmetic is checked, not the reader."""
    answers = {"a": "emergency", "b": "urgent", "c": "none", "d": "emergency", "e": "urgent", "f": "none"}
    rows = [
        {"id": "1", "lang": "nb", "text": "a", "expected_level": "emergency", "expected_category": "allergic",
         "present": "yes", "patterns": ["nynorsk"]},
        {"id": "2", "lang": "en", "text": "b", "expected_level": "emergency", "expected_category": "general",
         "present": "yes", "patterns": []},
        {"id": "3", "lang": "en", "text": "c", "expected_level": "urgent", "expected_category": "neuro",
         "present": "yes", "patterns": ["function_loss"]},
        {"id": "4", "lang": "nb", "text": "d", "expected_level": "urgent", "expected_category": "neuro",
         "present": "yes", "patterns": []},
        {"id": "5", "lang": "en", "text": "e", "expected_level": "none", "expected_category": "none",
         "present": "no", "patterns": ["other_person"]},
        {"id": "6", "lang": "nb", "text": "f", "expected_level": "none", "expected_category": "none",
         "present": "no", "patterns": ["admin"]},
    ]

    def stub(text, lang):
        level = answers[text]
        return SimpleNamespace(level=level, category="allergic" if level != "none" else "none", reasons=(),
                               unsure=text == "c")

    measured = bench.measure(bench.read_all(rows, assess=stub))
    f = measured["all"]
    assert (f["emergency_recall"]["n"], f["emergency_recall"]["of"]) == (1, 2)
    assert (f["urgent_recall"]["n"], f["urgent_recall"]["of"]) == (1, 2)
    assert (f["urgent_to_emergency"]["n"], f["false_alarms"]["n"], f["false_alarms"]["of"]) == (1, 1, 2)
    assert (f["silent"]["n"], f["silent"]["of"]) == (1, 4)
    assert (f["category_agreement"]["n"], f["category_agreement"]["of"]) == (1, 1)
    assert f["unsure"]["n"] == 1
    assert measured["by_language"]["nn_dialect"]["messages"] == 1
    assert measured["misses_by_pattern"]["function_loss"] == {"messages": 1, "under": 1, "over": 0}
    assert measured["misses_by_pattern"]["other_person"] == {"messages": 1, "under": 0, "over": 1}
