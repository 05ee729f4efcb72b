"""The follow-up rules (issue 12 §4): which day, how many, and what stops them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from webapp.domain.clock import OSLO
from webapp.domain.followups import ReportFacts, ask_moment, due_followup, latest_open
from webapp.domain.nurse_digest import digest_day

REPORTED = datetime(2026, 12, 1, 14, 0, tzinfo=OSLO)  # a Tuesday afternoon


def oslo(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=OSLO)


def facts(**changes) -> ReportFacts:
    return ReportFacts(**{"level": "routine", "source": "report", "reported_at": REPORTED, **changes})


def test_the_first_question_comes_the_next_day_at_ten_not_before():
    assert due_followup(facts(), oslo(1, 23)) is None  # the day of the report
    assert due_followup(facts(), oslo(2, 9, 59)) is None
    assert due_followup(facts(), oslo(2, 10)) == 1
    assert due_followup(facts(), oslo(2, 17)) == 1  # a later clock run the same day still asks


def test_one_question_a_day_for_three_days_then_none():
    assert due_followup(facts(asked=(1,), answers=("better",)), oslo(2, 11)) is None  # asked today already
    assert due_followup(facts(asked=(1,), answers=("better",)), oslo(3, 10)) == 2
    assert due_followup(facts(asked=(1, 2), answers=("better", "same")), oslo(4, 10)) == 3
    assert due_followup(facts(asked=(1, 2, 3), answers=("same", "same", "same")), oslo(5, 10)) is None
    assert due_followup(facts(), oslo(5, 10)) is None  # day 4: past the three days, asked or not


def test_an_unanswered_question_does_not_stop_the_next_day_and_a_missed_day_is_not_caught_up():
    assert due_followup(facts(asked=(1,)), oslo(3, 10)) == 2
    assert due_followup(facts(), oslo(3, 10)) == 2  # the clock was down on day 1: today's question only


@pytest.mark.parametrize("answer", ["worse", "gone"])
def test_worse_and_gone_stop_the_questions(answer):
    assert due_followup(facts(asked=(1,), answers=(answer,)), oslo(3, 10)) is None


@pytest.mark.parametrize("answer", ["better", "same"])
def test_better_and_same_go_on(answer):
    assert due_followup(facts(asked=(1,), answers=(answer,)), oslo(3, 10)) == 2


@pytest.mark.parametrize("change", [
    {"followups_off": True}, {"closed_by_patient": True}, {"clinic_resolved": True},
])
def test_a_nurse_switch_a_gone_report_or_a_resolved_flag_stop_the_questions(change):
    assert due_followup(facts(**change), oslo(2, 10)) is None


@pytest.mark.parametrize("level, source, asked", [
    ("routine", "report", True), ("urgent", "report", True), ("urgent", "injection_reaction", True),
    ("emergency", "report", False),  # told to call 113 (symptoms.md Levels)
    ("none", "report", False), ("urgent", "checklist", False),
])
def test_routine_and_urgent_symptom_reports_are_followed_emergencies_and_safety_checks_not(level, source, asked):
    assert (due_followup(facts(level=level, source=source), oslo(2, 10)) == 1) is asked


def test_the_question_is_at_ten_oslo_time_on_both_sides_of_a_daylight_saving_change():
    # Summer time starts on Sunday 29 March 2026: 10:00 is 09:00 UTC before, 08:00 UTC after.
    assert ask_moment(datetime(2026, 3, 27).date(), 1).astimezone(UTC).hour == 9
    assert ask_moment(datetime(2026, 3, 28).date(), 1).astimezone(UTC).hour == 8
    report = facts(reported_at=oslo(28, 20, month=3))
    assert due_followup(report, datetime(2026, 3, 29, 7, 59, tzinfo=UTC)) is None
    assert due_followup(report, datetime(2026, 3, 29, 8, 0, tzinfo=UTC)) == 1


def test_only_the_newest_question_is_open_and_only_until_it_is_answered():
    assert latest_open([]) is None
    assert latest_open([(1, None)]) == 1
    assert latest_open([(2, None), (1, "same")]) == 2
    assert latest_open([(1, None), (2, "better")]) is None


def test_the_digest_is_due_from_seven_until_noon_oslo_time():
    assert digest_day(oslo(2, 6, 59)) is None
    assert digest_day(oslo(2, 7)) == oslo(2, 7).date()
    assert digest_day(oslo(2, 11, 59)) == oslo(2, 7).date()
    assert digest_day(oslo(2, 12)) is None
    # 06:30 UTC on 2 December is 07:30 in Oslo
    assert digest_day(datetime(2026, 12, 2, 6, 30, tzinfo=UTC)) == oslo(2, 7).date()
