"""The rules around a report that are not the reader's (symptoms.md "Don't know", issue 11)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from webapp.domain.levels import Level
from webapp.domain.symptom_report import (
    EMERGENCY_CODES,
    FIT_CHOICES,
    answer_lines,
    derive_modifiers,
    fit_effect,
    should_ask_fit,
)

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
TODAY = date(2026, 12, 2)
UNKNOWN = dict.fromkeys(("within_2h", "sudden_onset", "lasted_over_24h", "getting_worse", "fever"))


def derive(answers=None, started_on=None, last_dose_at=None):
    return derive_modifiers({**UNKNOWN, **(answers or {})}, started_on=started_on, today=TODAY,
                            last_dose_at=last_dose_at, now=NOW)


def test_unknown_answers_stay_unknown_without_anything_to_go_by():
    mods = derive()
    assert (mods.within_2h, mods.sudden_onset, mods.lasted_over_24h, mods.getting_worse, mods.fever) == (None,) * 5
    assert mods.derived == ()


@pytest.mark.parametrize(("hours_ago", "expected"), [(3, True), (23, True), (25, None), (-1, None)])
def test_a_dose_logged_in_the_24_hours_before_counts_as_within_2_hours(hours_ago, expected):
    mods = derive(last_dose_at=NOW - timedelta(hours=hours_ago))
    assert mods.within_2h is expected
    assert ("derived:within_2h" in mods.derived) is bool(expected)


def test_a_clear_answer_is_kept_whatever_the_app_could_find():
    mods = derive({"within_2h": False, "lasted_over_24h": False}, started_on=TODAY - timedelta(days=9),
                  last_dose_at=NOW - timedelta(hours=1))
    assert (mods.within_2h, mods.lasted_over_24h, mods.derived) == (False, False, ())


@pytest.mark.parametrize(("days_ago", "expected"), [(0, False), (1, None), (2, True), (30, True)])
def test_lasting_over_24_hours_follows_the_start_date(days_ago, expected):
    assert derive(started_on=TODAY - timedelta(days=days_ago)).lasted_over_24h is expected


def test_sudden_onset_and_fever_are_never_guessed():
    mods = derive(started_on=TODAY, last_dose_at=NOW)
    assert mods.sudden_onset is None and mods.fever is None and mods.getting_worse is None


def test_every_fit_choice_has_an_effect_and_nothing_else_does():
    assert all(fit_effect(choice) is not None for choice in FIT_CHOICES)
    assert fit_effect("") is None and fit_effect("routine") is None
    assert all(fit_effect(code).floor == Level.EMERGENCY for code in EMERGENCY_CODES)
    assert fit_effect("dark_thoughts").codes == ("self_harm_thoughts",)
    assert fit_effect("none").floor == Level.ROUTINE


def test_the_fit_question_waits_for_nothing_when_the_answer_is_113():
    assert should_ask_fit(Level.ROUTINE, True) and should_ask_fit(Level.URGENT, True)
    assert not should_ask_fit(Level.EMERGENCY, True) and not should_ask_fit(Level.NONE, False)


@pytest.mark.parametrize(("reasons", "doctor_today"), [
    (("item:uti_fever",), True), (("item:fatigue", "modifier:fever"), True), (("fit:infection",), True),
    (("item:limb_weakness",), False), (("item:cold_no_fever", "modifier:getting_worse"), False),
])
def test_an_urgent_infection_needs_a_doctor_today(reasons, doctor_today):
    assert answer_lines(Level.URGENT, reasons, (), False).infection_doctor_today is doctor_today
    assert answer_lines(Level.ROUTINE, reasons, (), False).infection_doctor_today is False


@pytest.mark.parametrize(("reasons", "dose_line"), [
    (("item:self_harm_thoughts",), False),
    (("item:self_harm_thoughts", "fit:dark_thoughts"), False),
    (("item:self_harm_thoughts", "item:low_mood"), False),
    (("item:self_harm_thoughts", "item:limb_weakness"), True),
    (("item:self_harm_thoughts", "modifier:fever"), True),
    (("item:self_harm_thoughts", "item:fatigue", "modifier:getting_worse"), True),
    (("item:self_harm_thoughts", "text:low_platelets"), True),
    (("item:limb_weakness",), True),
])
def test_the_dose_line_is_left_out_only_when_self_harm_is_the_only_urgent_reason(reasons, dose_line):
    assert answer_lines(Level.URGENT, reasons, (), False).dose_line is dose_line


def test_unknown_fever_asks_for_a_temperature_unless_fever_is_known_some_other_way():
    assert answer_lines(Level.ROUTINE, ("item:fatigue",), (), None).measure_temperature
    assert not answer_lines(Level.ROUTINE, ("item:fatigue",), (), False).measure_temperature
    assert not answer_lines(Level.URGENT, ("modifier:fever",), (), None).measure_temperature
    assert not answer_lines(Level.EMERGENCY, ("item:chest_pain",), (), None).measure_temperature
    assert not answer_lines(Level.URGENT, ("item:self_harm_thoughts",), (), None).measure_temperature
