"""THE clock test (issue 12, "What it must show"): a simulated month of one patient's schedule, the
reminder job run every hour with the clock advancing, across the change to summer time (28 March 2027),
writes exactly the expected reminders at the expected Oslo times, each once, none in quiet hours and
none while the dose is on hold."""

from __future__ import annotations

from datetime import UTC, date, time, timedelta

from sqlmodel import select

from tests.integration.reminder_data import make_patient, oslo
from webapp.checks import run_outreach
from webapp.domain.clock import OSLO
from webapp.domain.quiet_hours import is_quiet
from webapp.injections.hold import lift_holds, place_hold
from webapp.models import OutboxMessage, Reminder, User

PREFS = {"email": True, "evening_time": time(20, 30), "morning_time": time(7, 30)}

# (kind, the day it is about, when it is sent in Oslo time). 07:30 is 06:30 UTC before 28 March and
# 05:30 UTC after it; the same wall-clock time on both sides.
EXPECTED = [
    ("jcv_due", date(2027, 3, 15), oslo(date(2027, 3, 15), 7, 30)),  # JCV test 6 months after 15 Sep
    ("order_by", date(2027, 3, 17), oslo(date(2027, 3, 17), 7, 30)),  # no syringes: 14 days before the dose
    ("prescription_expiring", date(2027, 4, 20), oslo(date(2027, 3, 21), 7, 30)),  # 30 days ahead
    ("checkup_due", date(2027, 3, 22), oslo(date(2027, 3, 22), 7, 30)),  # blood tests every 6 months
    ("dose_evening", date(2027, 3, 31), oslo(date(2027, 3, 30), 20, 30)),  # then the dose goes on hold
    ("checkup_due", date(2027, 4, 2), oslo(date(2027, 4, 2), 7, 30)),  # clinical check, yearly
    ("dose_overdue_2", date(2027, 3, 31), oslo(date(2027, 4, 2), 7, 30)),  # hold lifted on 1 April
]


def test_a_month_of_hourly_clock_runs_writes_each_reminder_once_at_its_oslo_time(app, db_session):
    patient = make_patient(db_session, prefs=PREFS)
    nurse_id = patient.home_approved_by_id
    user = db_session.get(User, patient.user_id)
    hold_at = oslo(date(2027, 3, 30), 20, 10)  # after the evening reminder is queued, before it is sent
    lift_at = oslo(date(2027, 4, 1), 12, 0)
    now = oslo(date(2027, 3, 5), 0).astimezone(UTC)
    end = oslo(date(2027, 4, 5), 0).astimezone(UTC)
    assert oslo(date(2027, 3, 28), 12).utcoffset() != oslo(date(2027, 3, 27), 12).utcoffset()  # DST inside
    runs = 0
    while now < end:
        if hold_at <= now and not getattr(patient, "_held", False):
            place_hold(db_session, patient, "nurse", placed_by_id=nurse_id, now=hold_at.astimezone(UTC))
            db_session.commit()
            patient._held = True
        if lift_at <= now and not getattr(patient, "_lifted", False):
            lift_holds(db_session, patient, nurse_id, "Seen at the clinic", now=lift_at.astimezone(UTC))
            db_session.commit()
            patient._lifted = True
        with app.app_context():  # as `flask daily-checks` runs it
            run_outreach(db_session, now)
        runs += 1
        now += timedelta(hours=1)
    assert runs == 31 * 24 - 1  # one hour fewer: the clocks went forward

    db_session.expire_all()
    reminders = db_session.exec(select(Reminder).where(Reminder.patient_id == patient.id)
                                .order_by(Reminder.due_at, Reminder.kind)).all()
    got = [(r.kind, r.about_day, r.due_at.astimezone(OSLO)) for r in reminders]
    assert got == sorted(EXPECTED, key=lambda e: (e[2], e[0]))
    for reminder in reminders:
        assert reminder.due_at.astimezone(OSLO).time() in (time(7, 30), time(20, 30))
        assert not is_quiet(reminder.due_at)
    # the clock change moved the UTC time, not the Oslo time
    assert {r.due_at.hour for r in reminders if r.kind == "checkup_due"} == {6, 5}

    # one e-mail per reminder, held until its time; the hold cancelled the queued evening one, and no
    # morning-of or day-7 reminder was written while the dose waited
    messages = db_session.exec(select(OutboxMessage).where(OutboxMessage.user_id == user.id)
                               .order_by(OutboxMessage.next_attempt_at, OutboxMessage.kind)).all()
    assert [(m.kind, m.next_attempt_at, m.status) for m in messages] == [
        (r.kind, r.due_at, "cancelled" if r.kind == "dose_evening" else "pending") for r in reminders]
    assert all(m.key.startswith("reminder:") and m.key.endswith(":email") for m in messages)
    evening = next(r for r in reminders if r.kind == "dose_evening")
    assert evening.done_at is not None
    assert all(not is_quiet(m.next_attempt_at) for m in messages)
