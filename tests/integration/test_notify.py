"""The notify API (issue 12): one outbox row per chosen channel, in the recipient's language,
discreet unless chosen otherwise, after the quiet hours, once per key."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from sqlmodel import select

from webapp import notify
from webapp.domain.clock import OSLO
from webapp.models import NotificationPrefs, OutboxMessage, PushSubscription, User


@pytest.fixture
def kind(app):
    notify.texts.register("test_dose", detailed=lambda params: ("NataHjem", f"Dose {params['day']}"))
    yield "test_dose"
    notify.texts.KINDS.pop("test_dose", None)


def user(db_session, email: str) -> User:
    return db_session.exec(select(User).where(User.email == email)).one()


def subscribe(db_session, owner: User, n: int) -> PushSubscription:
    sub = PushSubscription(user_id=owner.id, endpoint=f"https://push.example.net/{owner.id}/{n}",
                           p256dh="k" * 87, auth="a" * 22)
    db_session.add(sub)
    db_session.flush()
    return sub


NOON = datetime(2026, 12, 2, 11, 0, tzinfo=UTC)


def test_one_row_per_device_and_e_mail_in_the_users_language_and_discreet_by_default(app, db_session, kind):
    with app.app_context():
        patient = user(db_session, "patient.en@example.org")
        subs = [subscribe(db_session, patient, n) for n in (1, 2)]
        db_session.add(NotificationPrefs(user_id=patient.id, email=True))
        rows = notify.notify_user(db_session, patient, key="r:1", kind=kind, url="/start", params={"day": "x"},
                                  not_before=NOON)
        db_session.commit()

    assert sorted((r.channel, r.subscription_id, r.to_address) for r in rows) == sorted(
        [("push", subs[0].id, ""), ("push", subs[1].id, ""), ("email", None, "patient.en@example.org")])
    assert {r.body for r in rows} == {"You have a reminder. Open NataHjem to see it."}
    assert all("Dose" not in r.title + r.body for r in rows)


def test_detailed_texts_in_norwegian_for_a_norwegian_user(app, db_session, kind):
    with app.app_context():
        patient = user(db_session, "patient@example.org")
        subscribe(db_session, patient, 1)
        db_session.add(NotificationPrefs(user_id=patient.id, detailed=True))
        [row] = notify.notify_user(db_session, patient, key="r:2", kind=kind, url="/start", params={"day": "4."},
                                   not_before=NOON)
        [discreet] = notify.notify_user(db_session, user(db_session, "patient2@example.org"), key="r:3", kind=kind,
                                        url="/", params={"day": "4."}, not_before=NOON) or [None]

    assert (row.locale, row.body) == ("nb", "Dose 4.")
    assert discreet is None  # patient2 has no device and no e-mail choice: nothing to write


def test_the_same_key_writes_nothing_the_second_time(app, db_session, kind):
    with app.app_context():
        patient = user(db_session, "patient@example.org")
        subscribe(db_session, patient, 1)
        first = notify.notify_user(db_session, patient, key="r:4", kind=kind, url="/", params={"day": ""})
        db_session.commit()
        again = notify.notify_user(db_session, patient, key="r:4", kind=kind, url="/", params={"day": ""})

    assert len(first) == 1
    assert again == []
    assert len(db_session.exec(select(OutboxMessage)).all()) == 1


def test_a_message_due_in_the_quiet_hours_waits_for_their_end(app, db_session, kind):
    late_evening = datetime(2026, 12, 2, 22, 30, tzinfo=OSLO)
    with app.app_context():
        patient = user(db_session, "patient@example.org")
        subscribe(db_session, patient, 1)
        db_session.add(NotificationPrefs(user_id=patient.id, quiet_start=time(21, 0), quiet_end=time(8, 30)))
        [row] = notify.notify_user(db_session, patient, key="r:5", kind=kind, url="/", params={"day": ""},
                                   not_before=late_evening)
        [urgent] = notify.notify_user(db_session, patient, key="r:6", kind=kind, url="/", params={"day": ""},
                                      not_before=late_evening, quiet_hours=False)

    assert row.next_attempt_at == datetime(2026, 12, 3, 8, 30, tzinfo=OSLO)
    assert urgent.next_attempt_at == late_evening


def test_a_topic_switched_off_or_every_channel_off_writes_nothing(app, db_session, kind):
    with app.app_context():
        patient = user(db_session, "patient@example.org")
        subscribe(db_session, patient, 1)
        db_session.add(NotificationPrefs(user_id=patient.id, doses=False))
        assert notify.notify_user(db_session, patient, key="r:7", kind=kind, url="/", params={"day": ""},
                                  topic="doses") == []
        db_session.get(NotificationPrefs, patient.id).push = False
        assert notify.notify_user(db_session, patient, key="r:8", kind=kind, url="/", params={"day": ""}) == []
        assert not notify.has_channel(db_session, patient)


def test_an_address_gets_one_e_mail_per_key(app, db_session):
    with app.app_context():
        first = notify.notify_address(db_session, key="flag:1", kind="flag_new", address="triage@example.org",
                                      title="t", body="b")
        again = notify.notify_address(db_session, key="flag:1", kind="flag_new", address="triage@example.org",
                                      title="t", body="b")

    assert first.channel == "email" and again is None
