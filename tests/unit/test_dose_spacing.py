"""Doses less than 3 weeks apart: supervised ones questioned, home ones noted (facts I1, §3)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from webapp.domain.dose_spacing import early_home_dose_flag, supervised_dose_spacing
from webapp.domain.levels import Level
from webapp.domain.schedule import FlagReason, dose_gaps

DAY = date(2026, 11, 2)


@pytest.mark.parametrize(("other", "questioned"), [(-20, True), (20, True), (-21, False), (21, False),
                                                     (-1, True), (0, True), (28, False)])
def test_a_supervised_dose_under_21_days_from_another_on_either_side_is_questioned(other, questioned):
    check = supervised_dose_spacing(DAY, [DAY + timedelta(days=other)])
    assert check.questioned is questioned
    assert check.days_apart == abs(other)


def test_the_nearest_supervised_dose_is_named():
    check = supervised_dose_spacing(DAY, [DAY - timedelta(days=28), DAY + timedelta(days=6), DAY - timedelta(days=9)])
    assert (check.questioned, check.nearest_day, check.days_apart) == (True, DAY + timedelta(days=6), 6)


def test_a_first_supervised_dose_is_never_questioned():
    assert supervised_dose_spacing(DAY, []).questioned is False


def test_supervised_spacing_wants_a_date():
    with pytest.raises(TypeError):
        supervised_dose_spacing(datetime(2026, 11, 2, tzinfo=UTC), [])


def at(day: date, hour=10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def test_a_home_dose_20_days_after_the_last_is_noted_for_the_nurse_as_routine():
    flag = early_home_dose_flag(at(DAY + timedelta(days=20)), at(DAY))
    assert flag is not None
    assert (flag.reason, flag.level, flag.dose_day) == (FlagReason.EARLY_DOSE, Level.ROUTINE, DAY + timedelta(days=20))


@pytest.mark.parametrize("days", [21, 28, 40])
def test_a_home_dose_21_days_or_more_after_the_last_is_not_early(days):
    assert early_home_dose_flag(at(DAY + timedelta(days=days)), at(DAY)) is None


def test_a_first_home_dose_is_not_early():
    assert early_home_dose_flag(at(DAY), None) is None


def test_early_counts_oslo_days():
    # 23:30 UTC on 1 Dec is 00:30 on 2 Dec in Oslo: 21 Oslo days after 11 Nov, not 20
    assert early_home_dose_flag(datetime(2026, 12, 1, 23, 30, tzinfo=UTC), at(date(2026, 11, 11))) is None


def test_the_dose_history_marks_early_and_late_gaps():
    gaps = dose_gaps([at(DAY), at(DAY + timedelta(days=20)), at(DAY + timedelta(days=50))], 4)
    assert [(g.days, g.early, g.late) for g in gaps] == [(20, True, False), (30, False, True)]
