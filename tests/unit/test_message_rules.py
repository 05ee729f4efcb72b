"""When the clinic has promised to answer a message, and what the triage reader's finding makes of one."""

from __future__ import annotations

from datetime import UTC, datetime, time

from webapp.domain.clock import OSLO
from webapp.domain.levels import Level
from webapp.domain.messages import UNSURE_REASON, triage_message
from webapp.domain.working_days import reply_due

CLOSES = time(15, 30)


def oslo(*args) -> datetime:
    return datetime(*args, tzinfo=OSLO)


def test_two_working_days_from_a_tuesday_is_thursday_at_closing_time():
    assert reply_due(oslo(2026, 12, 1, 10, 0), 2, CLOSES) == oslo(2026, 12, 3, 15, 30)


def test_the_weekend_is_not_counted():
    # Thursday 3 December 2026 + 2 working days: Friday, then Monday 7 December.
    assert reply_due(oslo(2026, 12, 3, 9, 0), 2, CLOSES) == oslo(2026, 12, 7, 15, 30)
    # Written on a Saturday: Monday and Tuesday are the two working days.
    assert reply_due(oslo(2026, 12, 5, 22, 0), 2, CLOSES) == oslo(2026, 12, 8, 15, 30)


def test_public_holidays_are_not_counted():
    # Wednesday 23 December 2026: 24th is a weekday but 25th/26th are holidays; 24th is a working day in
    # the holiday calendar (Christmas Eve is not a public holiday), then Monday 28th.
    assert reply_due(oslo(2026, 12, 23, 12, 0), 2, CLOSES) == oslo(2026, 12, 28, 15, 30)


def test_late_in_the_evening_counts_the_oslo_day_not_the_utc_one():
    # 23.30 UTC on Friday 4 December is 00.30 on Saturday in Oslo: Monday and Tuesday.
    assert reply_due(datetime(2026, 12, 4, 23, 30, tzinfo=UTC), 2, CLOSES) == oslo(2026, 12, 8, 15, 30)


def test_zero_days_is_read_as_one():
    assert reply_due(oslo(2026, 12, 1, 10, 0), 0, CLOSES) == oslo(2026, 12, 2, 15, 30)


def test_emergency_and_urgent_words_make_a_report_at_their_level():
    assert triage_message(Level.EMERGENCY, ["item:breathing_difficulty"], False).level == Level.EMERGENCY
    urgent = triage_message(Level.URGENT, ["item:fever"], False)
    assert urgent.report and urgent.level == Level.URGENT


def test_an_unsure_reader_flags_for_a_callback():
    decision = triage_message(Level.ROUTINE, ["text:unplaced"], True)
    assert decision.report and decision.level == Level.URGENT and UNSURE_REASON in decision.reasons


def test_routine_and_administrative_messages_only_wait_for_an_answer():
    assert not triage_message(Level.ROUTINE, ["item:fatigue"], False).report
    assert not triage_message(Level.NONE, [], False).report
