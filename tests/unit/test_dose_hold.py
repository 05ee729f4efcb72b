"""The next dose on hold (facts §3 "Dose on hold"): which reports and outcomes hold it, and the state."""

from datetime import UTC, datetime, timedelta

import pytest

from webapp.domain.dose_hold import (
    HoldRecord,
    HoldSource,
    LiftProblem,
    dose_hold_state,
    outcome_holds_dose,
    report_hold_source,
    validate_lift_reason,
)
from webapp.domain.levels import Level
from webapp.domain.predose import assess_predose
from webapp.domain.symptom_report import answer_lines
from webapp.domain.triage import assess

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def hold_of(**report):
    result = assess(**report)
    return result.level, report_hold_source(result.level, result.reasons)


@pytest.mark.parametrize("report", [
    {"codes": ["limb_weakness"], "lasted_over_24h": True},
    {"codes": ["fever"]},
    {"codes": ["chest_pain"]},  # emergency
    {"codes": ["limb_weakness"], "sudden_onset": True},  # emergency by the modifier
    {"codes": ["pregnancy"]},
    {"codes": ["headache_mild"], "within_2h_of_injection": True},  # routine item raised to urgent
    {"codes": ["fatigue"], "getting_worse": True},
])
def test_urgent_and_emergency_reports_hold_the_next_dose(report):
    level, source = hold_of(**report)
    assert level in (Level.URGENT, Level.EMERGENCY)
    assert source == HoldSource.REPORT


@pytest.mark.parametrize("report", [
    {"codes": ["self_harm_thoughts"]},
    {"codes": ["self_harm_thoughts", "low_mood"]},
    {"codes": ["self_harm_thoughts", "headache_mild", "fatigue"], "lasted_over_24h": True},
])
def test_a_report_whose_only_urgent_reason_is_self_harm_does_not_hold_the_dose(report):
    # symptoms.md notes: that answer has no dose line
    level, source = hold_of(**report)
    assert level == Level.URGENT
    assert source is None


@pytest.mark.parametrize("report", [
    {"codes": ["self_harm_thoughts", "limb_weakness"]},
    {"codes": ["self_harm_thoughts"], "fever": True},
    {"codes": ["self_harm_thoughts", "fatigue"], "getting_worse": True},
    {"codes": ["self_harm_thoughts", "dizziness_mild"], "lasted_over_24h": True},
    {"codes": ["self_harm_thoughts", "chest_pain"]},
])
def test_self_harm_with_another_urgent_reason_holds_the_dose(report):
    assert hold_of(**report)[1] == HoldSource.REPORT


@pytest.mark.parametrize("report", [{"codes": ["fatigue"]}, {"codes": []}, {"codes": ["known_ms_stable"]}])
def test_routine_and_none_reports_do_not_hold(report):
    assert hold_of(**report)[1] is None


def test_an_unknown_reason_on_an_urgent_self_harm_report_holds_when_unsure():
    assert report_hold_source("urgent", ["item:self_harm_thoughts", "something:new"]) == HoldSource.REPORT


def test_a_predose_stop_holds_as_predose():
    result = assess_predose(["live_vaccine"])
    assert report_hold_source(result.level, result.reasons, source="checklist") == HoldSource.PREDOSE


def test_the_nurse_outcome_the_next_dose_waits_holds_and_others_do_not():
    assert outcome_holds_dose("dose_on_hold")
    assert not outcome_holds_dose("advice_given")
    assert not outcome_holds_dose("")


def test_no_holds_or_only_lifted_holds_mean_not_on_hold():
    assert not dose_hold_state([]).on_hold
    lifted = HoldRecord(T0, HoldSource.REPORT, lifted_at=T0 + timedelta(days=1))
    state = dose_hold_state([lifted])
    assert not state.on_hold and state.offers_dose and state.since is None


def test_an_open_hold_is_on_hold_since_the_earliest_open_one_with_each_reason_once():
    holds = [
        HoldRecord(T0 + timedelta(days=2), "nurse"),
        HoldRecord(T0, HoldSource.REPORT, lifted_at=T0 + timedelta(hours=1)),
        HoldRecord(T0 + timedelta(days=1), HoldSource.PREDOSE),
        HoldRecord(T0 + timedelta(days=3), HoldSource.PREDOSE),
    ]
    state = dose_hold_state(holds)
    assert state.on_hold and not state.offers_dose
    assert state.since == T0 + timedelta(days=1)
    assert state.sources == (HoldSource.PREDOSE, HoldSource.NURSE)


@pytest.mark.parametrize(("reason", "problems"), [
    ("", [LiftProblem.REASON_REQUIRED]),
    ("   ", [LiftProblem.REASON_REQUIRED]),
    (None, [LiftProblem.REASON_REQUIRED]),
    ("x" * 501, [LiftProblem.REASON_TOO_LONG]),
    ("Talked on the phone: no new symptoms, dose may be taken", []),
])
def test_lifting_needs_a_reason(reason, problems):
    assert validate_lift_reason(reason) == problems


@pytest.mark.parametrize("report", [
    {"codes": ["self_harm_thoughts"]},
    {"codes": ["self_harm_thoughts", "headache_mild", "fatigue"], "lasted_over_24h": True},
    {"codes": ["self_harm_thoughts", "dizziness_mild"], "lasted_over_24h": True},
    {"codes": ["self_harm_thoughts"], "fever": True},
    {"codes": ["limb_weakness"]},
    {"codes": ["fatigue"], "getting_worse": True},
])
def test_the_answer_page_shows_the_dose_line_exactly_when_the_dose_is_held(report):
    # One rule (symptom_report.dose_line_applies): the patient is never told "do not take your next dose"
    # without the dose waiting, nor the other way round.
    result = assess(**report)
    lines = answer_lines(result.level, result.reasons, result.codes, None)
    held = report_hold_source(result.level, result.reasons, codes=result.codes) is not None
    assert lines.dose_line == held
