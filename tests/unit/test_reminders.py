"""Which reminders a patient gets and when (domain/reminders.py; issue 12 §3)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from webapp.domain.clock import OSLO
from webapp.domain.reminders import (
    CATCH_UP,
    LOOKAHEAD,
    PatientState,
    ReminderKind,
    ReminderTimes,
    due_now,
    occasions,
    times_in_quiet_hours,
)

K = ReminderKind
LAST = datetime(2027, 3, 3, 10, 0, tzinfo=OSLO)  # next dose due Wednesday 31 March 2027
DUE = date(2027, 3, 31)


def state(**changes) -> PatientState:
    return PatientState(**{"patient_id": 7, "home_approved": True, "last_dose": LAST, **changes})


def by_kind(found) -> dict:
    return {o.kind: o for o in found}


def oslo(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), OSLO)


def test_a_dose_is_reminded_the_evening_before_the_morning_of_and_on_days_2_and_7():
    found = by_kind(occasions(state(), ReminderTimes(evening=time(19, 0), morning=time(8, 0))))
    assert found[K.DOSE_EVENING].due_at == oslo(date(2027, 3, 30), 19)
    assert found[K.DOSE_MORNING].due_at == oslo(DUE, 8)
    assert found[K.OVERDUE_2].due_at == oslo(date(2027, 4, 2), 8)
    assert found[K.OVERDUE_7].due_at == oslo(date(2027, 4, 7), 8)
    assert {found[k].about_day for k in (K.DOSE_EVENING, K.DOSE_MORNING, K.OVERDUE_2, K.OVERDUE_7)} == {DUE}
    assert found[K.DOSE_EVENING].key == "dose_evening:7:2027-03-31"
    assert found[K.OVERDUE_2].url == "/injections/check" and found[K.OVERDUE_2].topic == "doses"


def test_the_clock_change_keeps_the_oslo_time_and_moves_the_utc_time():
    # summer time starts Sunday 28 March 2027: 19:00 on Saturday is 18:00 UTC, 08:00 on Monday 06:00 UTC
    found = by_kind(occasions(state(last_dose=datetime(2027, 2, 28, 10, tzinfo=OSLO)), ReminderTimes()))
    assert found[K.DOSE_EVENING].due_at.astimezone(UTC).hour == 18
    found = by_kind(occasions(state(last_dose=datetime(2027, 3, 1, 10, tzinfo=OSLO)), ReminderTimes()))
    assert found[K.DOSE_MORNING].due_at.astimezone(UTC) == datetime(2027, 3, 29, 6, 0, tzinfo=UTC)


@pytest.mark.parametrize("changes", [{"home_approved": False}, {"dose_on_hold": True}, {"last_dose": None}])
def test_no_dose_reminder_before_home_treatment_while_on_hold_or_before_a_first_dose(changes):
    assert not {K.DOSE_EVENING, K.DOSE_MORNING, K.OVERDUE_2, K.OVERDUE_7} & set(by_kind(occasions(
        state(**changes), ReminderTimes())))


def test_a_hold_stops_dose_reminders_only():
    found = by_kind(occasions(state(dose_on_hold=True, order_by=date(2027, 3, 17),
                                    prescription_valid_until=date(2027, 4, 20)), ReminderTimes()))
    assert set(found) == {K.ORDER_BY, K.PRESCRIPTION}


def test_a_time_in_the_quiet_hours_moves_to_their_end():
    times = ReminderTimes(evening=time(23, 0), quiet_start=time(22, 0), quiet_end=time(7, 0))
    assert by_kind(occasions(state(), times))[K.DOSE_EVENING].due_at == oslo(DUE, 7)


def test_order_by_and_the_h_resept_30_days_before_it_expires_in_the_morning():
    found = by_kind(occasions(state(order_by=date(2027, 3, 17), prescription_valid_until=date(2027, 4, 20)),
                              ReminderTimes(morning=time(7, 30))))
    assert (found[K.ORDER_BY].due_at, found[K.ORDER_BY].about_day) == (oslo(date(2027, 3, 17), 7, 30),
                                                                      date(2027, 3, 17))
    assert (found[K.PRESCRIPTION].due_at, found[K.PRESCRIPTION].about_day) == (oslo(date(2027, 3, 21), 7, 30),
                                                                              date(2027, 4, 20))
    assert found[K.ORDER_BY].topic == found[K.PRESCRIPTION].topic == "supply"


def test_no_supply_reminder_before_home_treatment():
    assert occasions(state(home_approved=False, order_by=date(2027, 3, 17)), ReminderTimes()) == ()


def test_checks_come_on_the_morning_they_are_due_and_the_jcv_test_has_its_own_kind():
    found = occasions(state(last_dose=None, checks_due=(("jcv_antibodies", date(2027, 3, 15)),
                                                         ("mri", date(2027, 5, 1)))), ReminderTimes())
    assert [(o.kind, o.key, o.due_at) for o in found] == [
        (K.JCV, "jcv_due:7:jcv_antibodies:2027-03-15", oslo(date(2027, 3, 15), 8)),
        (K.CHECKUP, "checkup_due:7:mri:2027-05-01", oslo(date(2027, 5, 1), 8)),
    ]
    assert {o.topic for o in found} == {"checkups"}


def test_a_reminder_is_written_from_an_hour_before_until_a_day_after_its_time():
    found = occasions(state(), ReminderTimes())
    evening = by_kind(found)[K.DOSE_EVENING]
    assert evening not in due_now(found, evening.due_at - LOOKAHEAD - timedelta(minutes=1))
    assert evening in due_now(found, evening.due_at - LOOKAHEAD)
    assert evening in due_now(found, evening.due_at + CATCH_UP - timedelta(minutes=1))
    assert evening not in due_now(found, evening.due_at + CATCH_UP)
    with pytest.raises(ValueError):
        due_now(found, datetime(2027, 3, 30, 19, 0))


def test_the_same_state_always_gives_the_same_keys():
    assert [o.key for o in occasions(state(), ReminderTimes())] == [o.key for o in occasions(
        state(), ReminderTimes(evening=time(20, 0), morning=time(9, 0)))]


@pytest.mark.parametrize("evening, morning, quiet, refused", [
    (time(19, 0), time(8, 0), (time(22, 0), time(7, 0)), []),
    (time(22, 30), time(6, 30), (time(22, 0), time(7, 0)), ["evening", "morning"]),
    (time(21, 59), time(7, 0), (time(22, 0), time(7, 0)), []),
    (time(13, 30), time(8, 0), (time(13, 0), time(15, 0)), ["evening"]),
    (time(23, 0), time(3, 0), (time(0, 0), time(0, 0)), []),  # start == end: never quiet
])
def test_reminder_times_inside_the_quiet_hours_are_found(evening, morning, quiet, refused):
    times = ReminderTimes(evening=evening, morning=morning, quiet_start=quiet[0], quiet_end=quiet[1])
    assert times_in_quiet_hours(times) == refused
