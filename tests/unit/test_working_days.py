from datetime import UTC, date, datetime

import pytest

from webapp.domain.clock import OSLO
from webapp.domain.working_days import callback_due, is_working_day, next_working_day


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
