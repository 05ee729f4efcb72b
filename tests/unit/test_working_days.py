from datetime import UTC, date, datetime, time

import pytest

from webapp.domain.clock import OSLO
from webapp.domain.working_days import callback_due, is_working_day, next_working_day, reply_due


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 23), date(2026, 11, 24)),  # Monday -> Tuesday
        (date(2026, 11, 27), date(2026, 11, 30)),  # Friday -> Monday
        (date(2026, 11, 28), date(2026, 11, 30)),  # Saturday -> Monday
        (date(2026, 12, 24), date(2026, 12, 28)),  # 25 Dec (Fri) is a holiday, then the weekend
        (date(2026, 4, 1), date(2026, 4, 7)),  # Easter 2026: Maundy Thu 2, Good Fri 3, Easter Mon 6 April
        (date(2026, 4, 30), date(2026, 5, 4)),  # 1 May (Friday) is a holiday
        (date(2026, 5, 16), date(2026, 5, 18)),  # 17 May is a Sunday in 2026
        (date(2027, 5, 16), date(2027, 5, 18)),  # 17 May 2027 is a Monday holiday
    ],
)
def test_next_working_day_skips_weekends_and_norwegian_holidays(day, expected):
    assert next_working_day(day) == expected


def test_christmas_eve_is_not_a_public_holiday_but_christmas_day_is():
    assert is_working_day(date(2026, 12, 24))
    assert not is_working_day(date(2026, 12, 25))


def test_urgent_is_due_at_the_end_of_the_next_working_day_in_oslo():
    # Friday 27 Nov 2026, 23:30 UTC is already Saturday 00:30 in Oslo -> due Monday 30 Nov, 16:00 Oslo.
    due = callback_due("urgent", datetime(2026, 11, 27, 23, 30, tzinfo=UTC))
    assert due == datetime(2026, 11, 30, 16, 0, tzinfo=OSLO)


def test_emergency_is_due_at_once_and_routine_needs_no_callback():
    now = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert callback_due("emergency", now) == now
    assert callback_due("routine", now) is None
    assert callback_due("none", now) is None


def test_urgent_is_due_at_the_clinics_closing_time_not_after_it():
    # Walk defect 15: "Senest 03.12.2026, 16:00" beside "Åpningstid: 08:00–15:30".
    due = callback_due("urgent", datetime(2026, 12, 2, 9, 0, tzinfo=UTC), time(15, 30))
    assert due == datetime(2026, 12, 3, 15, 30, tzinfo=OSLO)


@pytest.mark.parametrize(
    ("raised", "closes", "expected"),
    [
        # Wednesday before Easter 2026 -> Tuesday 7 April (Maundy Thu, Good Fri, weekend, Easter Mon off).
        (datetime(2026, 4, 1, 12, 0, tzinfo=UTC), time(15, 0), datetime(2026, 4, 7, 15, 0, tzinfo=OSLO)),
        # Friday 14 May 2027 -> Tuesday 18 May (17 May 2027 is a Monday holiday).
        (datetime(2027, 5, 14, 8, 0, tzinfo=UTC), time(15, 30), datetime(2027, 5, 18, 15, 30, tzinfo=OSLO)),
    ],
)
def test_urgent_callback_skips_holidays_and_keeps_the_closing_time(raised, closes, expected):
    assert callback_due("urgent", raised, closes) == expected


@pytest.mark.parametrize(
    ("raised", "days", "expected_day"),
    [
        (datetime(2026, 11, 23, 9, 0, tzinfo=UTC), 1, date(2026, 11, 24)),  # Monday -> Tuesday
        (datetime(2026, 11, 23, 9, 0, tzinfo=UTC), 2, date(2026, 11, 25)),  # Monday -> Wednesday
        (datetime(2026, 11, 26, 9, 0, tzinfo=UTC), 2, date(2026, 11, 30)),  # Thursday -> Monday
        (datetime(2026, 11, 28, 9, 0, tzinfo=UTC), 1, date(2026, 11, 30)),  # Saturday -> Monday
        (datetime(2026, 4, 1, 9, 0, tzinfo=UTC), 2, date(2026, 4, 8)),  # over Easter 2026
        (datetime(2027, 5, 12, 9, 0, tzinfo=UTC), 3, date(2027, 5, 18)),  # Thu 13 May Ascension, Mon 17 May
        (datetime(2026, 12, 23, 9, 0, tzinfo=UTC), 6, date(2027, 1, 4)),  # 24, 28-31 Dec; 1 Jan is off
    ],
)
def test_a_message_reply_is_due_at_closing_time_on_the_nth_working_day(raised, days, expected_day):
    assert reply_due(raised, days, time(15, 30)) == datetime.combine(expected_day, time(15, 30), OSLO)


def test_reply_due_without_a_clinic_uses_the_default_end_of_day():
    assert reply_due(datetime(2026, 11, 23, 9, 0, tzinfo=UTC), 1) == datetime(2026, 11, 24, 16, 0, tzinfo=OSLO)
