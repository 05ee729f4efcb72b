"""Reminders (issue 12 §3): the preferences page, the start page's reminders, dismissing one, a logged
dose or a hold closing them, and the job's idempotence and topics."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlmodel import select

from tests.integration.reminder_data import make_patient, oslo
from tests.integration.test_injections import an_hour_ago, log_form, pass_check, patient_of
from webapp.checks import run_outreach
from webapp.domain.clock import OSLO
from webapp.models import NotificationPrefs, OutboxMessage, Patient, Pickup, Reminder, User
from webapp.notify import notify_user
from webapp.reminders.records import outbox_key

VALID = {"push": "y", "quiet_start": "22:00", "quiet_end": "07:00", "evening_time": "19:30",
         "morning_time": "08:15", "detailed": "discreet", "doses": "y", "supply": "y", "checkups": "y",
         "followups": "y", "save": "1"}


def run_clock(app, db_session, now: datetime) -> int:
    with app.app_context():  # as `flask daily-checks` runs it: texts in the recipient's language
        return run_outreach(db_session, now)


def prefs_of(db_session, email: str) -> NotificationPrefs | None:
    db_session.expire_all()
    user = db_session.exec(select(User).where(User.email == email)).one()
    return db_session.get(NotificationPrefs, user.id)


def add_reminder(db_session, patient: Patient, kind="dose_morning", about=None, with_message=True) -> Reminder:
    """A reminder the clock wrote an hour ago, with its pending e-mail."""
    about = about or date.today()
    reminder = Reminder(patient_id=patient.id, key=f"{kind}:{patient.id}:{about.isoformat()}", kind=kind,
                        due_at=datetime.now(UTC) - timedelta(hours=1), about_day=about, url="/injections/check")
    db_session.add(reminder)
    if with_message:
        user = db_session.get(User, patient.user_id)
        db_session.add(NotificationPrefs(user_id=user.id, email=True))
        db_session.flush()
        notify_user(db_session, user, key=outbox_key(reminder.key), kind=kind, url=reminder.url,
                    params={"day": about.isoformat()}, quiet_hours=False)
    db_session.commit()
    return reminder


def messages_of(db_session, reminder: Reminder) -> list[OutboxMessage]:
    db_session.expire_all()
    return db_session.exec(select(OutboxMessage).where(OutboxMessage.key.startswith(outbox_key(reminder.key)))).all()


# ------------------------------------------------------------------ the preferences page
def test_a_patient_sees_the_whole_form_and_a_nurse_only_channels_and_on_call(client, auth):
    auth.login("patient")
    page = client.get("/notifications/preferences").text
    for name in ("push", "email", "detailed", "quiet_start", "quiet_end", "evening_time", "morning_time", "doses",
                 "supply", "checkups", "followups"):
        assert f'name="{name}"' in page, name
    assert 'type="time"' in page and 'name="on_call"' not in page
    assert "/notifications/devices" in page  # the push feature's device list
    auth.logout()
    auth.login("nurse")
    page = client.get("/notifications/preferences").text
    assert 'name="on_call"' in page and 'name="push"' in page and 'name="email"' in page
    assert 'name="quiet_start"' not in page and 'name="doses"' not in page


def test_saving_stores_the_patients_own_choices_only(client, auth, db_session):
    auth.login("patient")
    response = client.post("/notifications/preferences", data={**VALID, "detailed": "detailed", "email": "y"})
    assert response.status_code == 302
    prefs = prefs_of(db_session, "patient@example.org")
    assert (prefs.evening_time, prefs.morning_time, prefs.detailed, prefs.email, prefs.push) == (
        time(19, 30), time(8, 15), True, True, True)
    assert prefs_of(db_session, "patient2@example.org") is None  # nobody else's row is made or changed
    assert "Valgene dine er lagret." in client.get("/notifications/preferences").text


def test_a_nurse_can_go_on_call(client, auth, db_session):
    auth.login("nurse")
    assert client.post("/notifications/preferences", data={"push": "y", "on_call": "y", "save": "1"}).status_code == 302
    prefs = prefs_of(db_session, "nurse@example.org")
    assert prefs.on_call and prefs.push and not prefs.email


@pytest.mark.parametrize("who, message", [
    ("patient", "Skriv klokkeslettet som timer og minutter, for eksempel 07:30."),
    ("patient_en", "Enter the time as hours and minutes, for example 07:30."),
])
def test_a_bad_time_is_refused_next_to_the_field_keeping_what_was_typed(client, auth, db_session, who, message):
    auth.login(who)
    response = client.post("/notifications/preferences", data={**VALID, "morning_time": "8:6x", "evening_time": "20:45"})
    assert response.status_code == 422
    page = response.text
    assert re.search(r'id="morning_time-error">' + re.escape(message), page)
    assert 'value="8:6x"' in page and 'value="20:45"' in page  # nothing typed is lost
    email = {"patient": "patient@example.org", "patient_en": "patient.en@example.org"}[who]
    assert prefs_of(db_session, email) is None


def test_an_empty_time_and_a_reminder_time_in_the_quiet_hours_are_refused(client, auth, db_session):
    auth.login("patient_en")
    page = client.post("/notifications/preferences", data={**VALID, "quiet_end": ""}).text
    assert 'id="quiet_end-error">Enter a time, for example 07:30.' in page
    response = client.post("/notifications/preferences", data={**VALID, "evening_time": "23:00"})
    assert response.status_code == 422
    assert 'id="evening_time-error">This time is in your quiet hours.' in response.text
    assert prefs_of(db_session, "patient.en@example.org") is None


def test_switch_everything_off_needs_no_valid_times(client, auth, db_session):
    auth.login("patient")
    client.post("/notifications/preferences", data={**VALID, "email": "y"})
    response = client.post("/notifications/preferences", data={"everything_off": "1", "morning_time": "nonsense"})
    assert response.status_code == 302
    prefs = prefs_of(db_session, "patient@example.org")
    assert not any((prefs.push, prefs.email, prefs.doses, prefs.supply, prefs.checkups, prefs.followups))


def test_a_double_tapped_save_stores_one_row(client, auth, db_session):
    auth.login("patient")
    for _ in range(2):
        assert client.post("/notifications/preferences", data=VALID).status_code == 302
    user = db_session.exec(select(User).where(User.email == "patient@example.org")).one()
    assert len(db_session.exec(select(NotificationPrefs).where(NotificationPrefs.user_id == user.id)).all()) == 1


def test_a_post_without_the_csrf_token_changes_nothing(app, client, auth, db_session):
    auth.login("patient")
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post("/notifications/preferences", data=VALID).status_code == 400
    assert client.post("/notifications/preferences", data={"everything_off": "1"}).status_code == 400
    assert prefs_of(db_session, "patient@example.org") is None


def test_signed_out_goes_to_the_login(client):
    assert client.get("/notifications/preferences").location.startswith("/auth/login")


def test_the_preferences_are_linked_from_every_page_footer(client, auth):
    auth.login("patient")
    assert 'href="/notifications/preferences"' in client.get("/pharmacy/").text


# ------------------------------------------------------------------ the start page
def test_without_a_channel_the_start_page_says_so_and_links_to_the_preferences(client, auth, db_session):
    auth.login("patient_en")
    page = client.get("/").text
    assert "Reminders reach you only here" in page and 'href="/notifications/preferences"' in page
    client.post("/notifications/preferences", data={**VALID, "email": "y"})
    page = client.get("/").text
    assert "Reminders reach you only here" not in page
    assert "No reminders right now." in page and 'href="/notifications/preferences"' in page


def test_current_reminders_show_on_the_start_page_with_a_link_and_dismiss(client, auth, db_session):
    patient = patient_of(db_session, "patient.en@example.org")
    due = add_reminder(db_session, patient, kind="dose_overdue_2", about=date.today() - timedelta(days=2))
    old = Reminder(patient_id=patient.id, key="order_by:old", kind="order_by", url="/pharmacy/",
                   due_at=datetime.now(UTC) - timedelta(days=8), about_day=date.today() - timedelta(days=8))
    later = Reminder(patient_id=patient.id, key="order_by:later", kind="order_by", url="/pharmacy/",
                     due_at=datetime.now(UTC) + timedelta(hours=2), about_day=date.today())
    db_session.add_all([old, later])
    db_session.commit()
    auth.login("patient_en")
    page = client.get("/").text
    assert "Your dose is overdue" in page and "If you missed a dose, take it as soon as you can" in page
    assert f'action="/reminders/{due.id}/dismiss"' in page and 'href="/injections/check"' in page
    assert "Order natalizumab from the pharmacy" not in page  # a week old, or not due yet


def test_dismissing_closes_the_reminder_and_cancels_its_unsent_messages(client, auth, db_session):
    patient = patient_of(db_session, "patient.en@example.org")
    reminder = add_reminder(db_session, patient)
    assert [m.status for m in messages_of(db_session, reminder)] == ["pending"]
    auth.login("patient_en")
    assert client.post(f"/reminders/{reminder.id}/dismiss").location == "/"
    db_session.expire_all()
    assert db_session.get(Reminder, reminder.id).done_at is not None
    assert [m.status for m in messages_of(db_session, reminder)] == ["cancelled"]
    assert f"/reminders/{reminder.id}/dismiss" not in client.get("/").text


def test_dismissing_a_dose_reminder_puts_away_the_earlier_ones_of_that_dose(client, auth, db_session):
    patient = patient_of(db_session, "patient.en@example.org")
    day = date.today() - timedelta(days=2)
    morning = add_reminder(db_session, patient, kind="dose_morning", about=day)
    overdue = add_reminder(db_session, patient, kind="dose_overdue_2", about=day, with_message=False)
    auth.login("patient_en")
    page = client.get("/").text
    assert "Your dose is overdue" in page and f"/reminders/{morning.id}/dismiss" not in page  # one per dose
    client.post(f"/reminders/{overdue.id}/dismiss")
    db_session.expire_all()
    assert db_session.get(Reminder, morning.id).done_at is not None
    assert "No reminders right now." in client.get("/").text


def test_a_patient_cannot_dismiss_another_patients_reminder(client, auth, db_session):
    reminder = add_reminder(db_session, patient_of(db_session, "patient.en@example.org"))
    auth.login("patient")
    assert client.post(f"/reminders/{reminder.id}/dismiss").status_code == 404
    db_session.expire_all()
    assert db_session.get(Reminder, reminder.id).done_at is None
    assert [m.status for m in messages_of(db_session, reminder)] == ["pending"]


def test_logging_the_dose_closes_its_reminders_and_cancels_their_messages(client, auth, db_session):
    patient = patient_of(db_session)
    reminder = add_reminder(db_session, patient, kind="dose_evening")
    supply = add_reminder(db_session, patient, kind="order_by", with_message=False)
    auth.login("patient")
    pass_check(client)
    assert client.post("/injections/new", data={**log_form(client), **an_hour_ago()}).status_code == 302
    db_session.expire_all()
    assert db_session.get(Reminder, reminder.id).done_at is not None
    assert [m.status for m in messages_of(db_session, reminder)] == ["cancelled"]
    assert db_session.get(Reminder, supply.id).done_at is None  # not a dose reminder


# ------------------------------------------------------------------ the job
def test_the_job_writes_each_reminder_once_however_often_it_runs(app, db_session):
    patient = make_patient(db_session, prefs={"email": True})
    now = oslo(date(2027, 3, 30), 18, 30).astimezone(UTC)  # the evening before the dose due 31 March
    first = run_clock(app, db_session, now)
    again = run_clock(app, db_session, now) + run_clock(app, db_session, now + timedelta(minutes=20))
    assert first >= 1 and again == 0
    rows = db_session.exec(select(Reminder).where(Reminder.patient_id == patient.id)).all()
    assert [(r.kind, r.about_day) for r in rows] == [("dose_evening", date(2027, 3, 31))]
    assert rows[0].due_at.astimezone(OSLO).time() == time(19, 0)
    emails = db_session.exec(select(OutboxMessage).where(OutboxMessage.user_id == patient.user_id)).all()
    assert [(m.channel, m.kind, m.next_attempt_at) for m in emails] == [("email", "dose_evening", rows[0].due_at)]
    # discreet by default: neither the drug nor the dose in the text
    assert "natalizumab" not in (emails[0].title + emails[0].body).lower()


def test_detailed_texts_name_the_dose_in_the_patients_language(app, db_session):
    patient = make_patient(db_session, locale="nb", prefs={"email": True, "detailed": True})
    run_clock(app, db_session, oslo(date(2027, 3, 30), 18, 30).astimezone(UTC))
    email = db_session.exec(select(OutboxMessage).where(OutboxMessage.user_id == patient.user_id)).one()
    assert email.title == "NataHjem: dosen din skal tas i morgen"
    assert "Natalizumab-dosen din skal tas i morgen, onsdag 31. mars 2027." == email.body


def test_a_topic_switched_off_sends_nothing_but_the_reminder_still_shows(app, db_session):
    patient = make_patient(db_session, prefs={"email": True, "doses": False})
    assert run_clock(app, db_session, oslo(date(2027, 3, 30), 18, 30).astimezone(UTC)) == 1
    assert db_session.exec(select(Reminder).where(Reminder.patient_id == patient.id)).one().kind == "dose_evening"
    assert db_session.exec(select(OutboxMessage).where(OutboxMessage.user_id == patient.user_id)).all() == []


def test_a_reminder_late_by_more_than_a_day_is_not_written(app, db_session):
    patient = make_patient(db_session, prefs={"email": True})
    run_clock(app, db_session, oslo(date(2027, 3, 31), 20, 0).astimezone(UTC))  # a clock down since yesterday
    kinds = [r.kind for r in db_session.exec(select(Reminder).where(Reminder.patient_id == patient.id)).all()]
    assert kinds == ["dose_morning"]  # caught up the same day; the evening before is stale


def test_a_pickup_that_moves_the_order_by_day_closes_its_reminder_and_cancels_its_message(app, db_session):
    patient = make_patient(db_session, prefs={"email": True})
    run_clock(app, db_session, oslo(date(2027, 3, 17), 7, 0).astimezone(UTC))
    reminder = db_session.exec(select(Reminder).where(Reminder.patient_id == patient.id)).one()
    assert (reminder.kind, [m.status for m in messages_of(db_session, reminder)]) == ("order_by", ["pending"])
    db_session.add(Pickup(patient_id=patient.id, client_id="more-syringes", picked_up_on=date(2027, 3, 17),
                          syringes=6))
    db_session.commit()
    run_clock(app, db_session, oslo(date(2027, 3, 17), 8, 0).astimezone(UTC))
    db_session.expire_all()
    assert db_session.get(Reminder, reminder.id).done_at is not None
    assert [m.status for m in messages_of(db_session, reminder)] == ["cancelled"]
