"""Quiet hours (issue 12): nothing reaches a patient between 22 and 07 Oslo time by default."""

from datetime import datetime, time

import pytest

from webapp.domain.clock import OSLO
from webapp.domain.quiet_hours import is_quiet, next_allowed


def oslo(*args) -> datetime:
    return datetime(*args, tzinfo=OSLO)


@pytest.mark.parametrize(("moment", "quiet"), [
    (oslo(2026, 12, 2, 21, 59), False),
    (oslo(2026, 12, 2, 22, 0), True),
    (oslo(2026, 12, 3, 3, 0), True),
    (oslo(2026, 12, 3, 6, 59), True),
    (oslo(2026, 12, 3, 7, 0), False),
])
def test_the_default_quiet_hours_run_from_ten_in_the_evening_to_seven(moment, quiet):
    assert is_quiet(moment) is quiet


def test_a_moment_in_the_evening_waits_for_seven_the_next_morning():
    assert next_allowed(oslo(2026, 12, 2, 23, 30)) == oslo(2026, 12, 3, 7, 0)


def test_a_moment_after_midnight_waits_for_seven_the_same_morning():
    assert next_allowed(oslo(2026, 12, 3, 1, 0)) == oslo(2026, 12, 3, 7, 0)


def test_a_moment_outside_quiet_hours_is_kept():
    assert next_allowed(oslo(2026, 12, 3, 12, 0)) == oslo(2026, 12, 3, 12, 0)


def test_the_end_is_seven_on_the_wall_clock_across_the_spring_clock_change():
    # 29 March 2026: clocks go from 02:00 to 03:00; 07:00 is then 05:00 UTC, not 06:00.
    allowed = next_allowed(oslo(2026, 3, 28, 23, 0))
    assert allowed.astimezone(OSLO).time() == time(7, 0)
    assert allowed.utcoffset().total_seconds() == 7200


def test_quiet_hours_within_one_day_and_none_at_all():
    assert is_quiet(oslo(2026, 12, 3, 14, 0), time(13, 0), time(15, 0))
    assert not is_quiet(oslo(2026, 12, 3, 15, 0), time(13, 0), time(15, 0))
    assert not is_quiet(oslo(2026, 12, 3, 3, 0), time(0, 0), time(0, 0))
