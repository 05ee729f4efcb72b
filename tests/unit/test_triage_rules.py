"""The checklist rules of clinical/symptoms.md: every item, every modifier (issue 4)."""

from __future__ import annotations

import re

import pytest

from tests.clinical_files import clinical_file
from webapp.domain.levels import Level
from webapp.domain.triage import BY_CODE, SYMPTOMS, assess

SYMPTOMS_MD = clinical_file("symptoms.md")


def rows_of_symptoms_md():
    """(code, category, level) for every item row of the shared vocabulary table."""
    rows = []
    for line in SYMPTOMS_MD.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and re.fullmatch(r"[a-z_]+", cells[0]) and cells[0] != "code":
            level = cells[4].split()[0].rstrip(",")
            rows.append((cells[0], cells[3], level))
    return rows


@pytest.fixture(scope="module")
def md_rows():
    if not SYMPTOMS_MD.exists():
        pytest.fail(f"{SYMPTOMS_MD} is missing: the vocabulary must be checked against it")
    return rows_of_symptoms_md()


def test_the_vocabulary_is_exactly_the_one_in_symptoms_md(md_rows):
    assert len(md_rows) == 51
    assert [(i.code, i.category, i.level.value) for i in SYMPTOMS] == md_rows


@pytest.mark.parametrize("item", SYMPTOMS, ids=lambda i: i.code)
def test_each_item_alone_gives_its_level(item):
    result = assess(codes=[item.code])
    assert result.level == item.level
    assert f"item:{item.code}" in result.reasons


def test_nothing_checked_and_no_text_is_none():
    assert assess(codes=[]).level == Level.NONE


@pytest.mark.parametrize("code", ["headache_mild", "dizziness_mild", "stomach_upset_mild", "fatigue", "other"])
def test_a_general_routine_item_within_2_hours_of_a_dose_is_urgent(code):
    assert assess(codes=[code], within_2h_of_injection=True).level == Level.URGENT


def test_an_injection_site_item_within_2_hours_stays_routine():
    assert assess(codes=["injection_site_mild"], within_2h_of_injection=True).level == Level.ROUTINE


@pytest.mark.parametrize("code", ["breathing_difficulty", "face_throat_swelling", "chest_pain", "fainting_collapse"])
def test_breathing_swelling_chest_pain_or_fainting_after_a_dose_is_an_emergency(code):
    assert assess(codes=[code, "hives_widespread"], within_2h_of_injection=True).level == Level.EMERGENCY


@pytest.mark.parametrize("code", ["dizziness_mild", "known_ms_stable"])
def test_dizziness_or_usual_ms_symptoms_over_24_hours_are_urgent(code):
    assert assess(codes=[code]).level == Level.ROUTINE
    assert assess(codes=[code], lasted_over_24h=True).level == Level.URGENT


def test_a_neuro_item_over_24_hours_names_possible_relapse_or_pml_for_the_nurse():
    result = assess(codes=["limb_weakness"], lasted_over_24h=True)
    assert result.level == Level.URGENT
    assert "nurse:possible_relapse_or_pml" in result.reasons


@pytest.mark.parametrize("item", [i for i in SYMPTOMS if i.level == Level.ROUTINE], ids=lambda i: i.code)
def test_any_routine_item_getting_worse_over_days_is_urgent(item):
    assert assess(codes=[item.code], getting_worse=True).level == Level.URGENT


def test_a_neuro_item_getting_worse_is_marked_progressive():
    result = assess(codes=["speech_problems"], getting_worse=True)
    assert result.level == Level.URGENT and "nurse:progressive" in result.reasons


@pytest.mark.parametrize("code", ["cold_no_fever", "fatigue", "joint_muscle_pain", "other"])
def test_any_report_with_fever_is_at_least_urgent(code):
    assert assess(codes=[code], fever=True).level == Level.URGENT


@pytest.mark.parametrize("codes", [["confusion"], ["hard_to_wake"], ["fever", "confusion"]])
def test_fever_with_confusion_or_drowsiness_is_an_emergency(codes):
    assert assess(codes=codes, fever="fever" not in codes).level == Level.EMERGENCY


@pytest.mark.parametrize("code", ["limb_weakness", "one_sided_weakness", "speech_problems", "vision_change"])
def test_a_sudden_neuro_deficit_is_an_emergency_and_a_gradual_one_urgent(code):
    assert assess(codes=[code], sudden_onset=True).level == Level.EMERGENCY
    assert assess(codes=[code]).level == Level.URGENT


def test_sudden_onset_without_a_neuro_item_changes_nothing():
    assert assess(codes=["fatigue"], sudden_onset=True).level == Level.ROUTINE


def test_several_urgent_neuro_items_stay_urgent():
    neuro = [i.code for i in SYMPTOMS if i.category == "neuro" and i.level == Level.URGENT]
    assert assess(codes=neuro).level == Level.URGENT


def test_a_report_by_someone_else_counts_at_the_same_level():
    own = assess(codes=["memory_thinking"])
    other = assess(codes=["memory_thinking"], reported_by_other=True)
    assert own.level == other.level == Level.URGENT
    assert "reported_by_other" in other.reasons


def test_the_highest_level_wins():
    result = assess(codes=["fatigue", "pregnancy", "face_throat_swelling"])
    assert result.level == Level.EMERGENCY and result.category == "allergic"


def test_an_unknown_code_is_flagged_for_a_look_not_ignored():
    result = assess(codes=["made_up_code"])
    assert result.level == Level.ROUTINE and result.reasons == ("unknown:made_up_code",)


def test_every_item_has_a_known_category():
    assert {i.category for i in SYMPTOMS} <= {"neuro", "allergic", "infection", "liver", "bleeding",
                                              "injection_site", "general"}
    assert len(BY_CODE) == len(SYMPTOMS)
