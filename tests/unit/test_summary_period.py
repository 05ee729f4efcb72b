"""The summary's period (summary/period.py): since the last check-up, else 6 months; shortened to the
record and today with a note; reversed dates refused."""

from __future__ import annotations

from datetime import date

import pytest

from webapp.summary.period import PeriodNote, chosen_period, default_period

TODAY = date(2026, 12, 3)
RECORD_START = date(2025, 12, 4)


def test_the_default_period_starts_at_the_last_clinical_check_up():
    checks = [("clinical_check", date(2026, 6, 4)), ("clinical_check", date(2025, 12, 20)), ("mri", date(2026, 9, 1))]
    period = default_period(checks, RECORD_START, TODAY)
    assert (period.start, period.end, period.since_checkup) == (date(2026, 6, 4), TODAY, date(2026, 6, 4))


def test_without_a_check_up_the_default_is_the_last_6_months_but_not_before_the_record():
    assert default_period([("mri", date(2026, 9, 1))], RECORD_START, TODAY).start == date(2026, 6, 3)
    assert default_period([], date(2026, 10, 1), TODAY).start == date(2026, 10, 1)
    # a check-up dated in the future is not "the last check-up"
    assert default_period([("clinical_check", date(2027, 1, 1))], RECORD_START, TODAY).since_checkup is None


def test_a_period_outside_the_record_is_shortened_with_notes():
    period = chosen_period(date(2000, 1, 1), date(2030, 1, 1), RECORD_START, TODAY)
    assert (period.start, period.end) == (RECORD_START, TODAY)
    assert period.notes == (PeriodNote.STARTS_WITH_RECORD, PeriodNote.ENDS_TODAY)


def test_a_period_inside_the_record_is_kept_as_asked():
    period = chosen_period(date(2026, 3, 1), date(2026, 4, 1), RECORD_START, TODAY)
    assert (period.start, period.end, period.notes) == (date(2026, 3, 1), date(2026, 4, 1), ())


def test_reversed_dates_are_refused():
    with pytest.raises(ValueError):
        chosen_period(date(2026, 5, 1), date(2026, 4, 1), RECORD_START, TODAY)


def test_a_period_wholly_before_the_record_or_after_today_becomes_one_day_at_its_edge():
    before = chosen_period(date(2001, 1, 1), date(2001, 2, 1), RECORD_START, TODAY)
    assert (before.start, before.end) == (RECORD_START, RECORD_START)
    after = chosen_period(date(2030, 1, 1), date(2030, 2, 1), RECORD_START, TODAY)
    assert (after.start, after.end) == (TODAY, TODAY)
