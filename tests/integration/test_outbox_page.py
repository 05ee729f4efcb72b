"""The dead-letter page (/nurse/outbox): a nurse sees the messages her clinic's patients and triage
address did not get, without their text, and sends one again or cancels it; never another clinic's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from webapp.models import AuditEvent, OutboxMessage

from .reports import user_of


def clinics(db_session) -> tuple[int, int]:
    nurse, nurse2 = user_of(db_session, "nurse@example.org"), user_of(db_session, "nurse2@example.org")
    return nurse.clinic_id, nurse2.clinic_id


def add(db_session, key: str, clinic_id: int, **fields) -> OutboxMessage:
    fields.setdefault("title", f"Tysabri {key}")
    fields.setdefault("body", "Your dose 14 is due tomorrow")
    row = OutboxMessage(key=key, channel=fields.pop("channel", "email"), kind=fields.pop("kind", "dose_due"),
                        clinic_id=clinic_id, **fields)
    db_session.add(row)
    db_session.commit()
    return row


@pytest.fixture
def messages(db_session):
    own, other = clinics(db_session)
    now = datetime.now(UTC)
    patient = user_of(db_session, "patient@example.org")
    long_ago = now - timedelta(hours=2)
    rows = {
        "dead": add(db_session, "dead", own, status="dead", attempts=8, last_error="SMTP refused the message: 550",
                    user_id=patient.id, created_at=long_ago),
        "flag": add(db_session, "flag", own, kind="flag_new", status="dead", attempts=1, to_address="triage@example.org",
                    last_error="SMTP refused the message: 550", created_at=long_ago),
        "failing": add(db_session, "failing", own, channel="push", attempts=4, last_error="TemporaryFailure 503",
                       next_attempt_at=now + timedelta(minutes=5), created_at=long_ago, user_id=patient.id),
        "overdue": add(db_session, "overdue", own, next_attempt_at=now - timedelta(hours=1), created_at=long_ago),
        "fresh": add(db_session, "fresh", own, attempts=1, last_error="TemporaryFailure 421", created_at=now),
        "later": add(db_session, "later", own, next_attempt_at=now + timedelta(days=1), created_at=long_ago),
        "sent": add(db_session, "sent", own, status="sent", created_at=long_ago, next_attempt_at=long_ago),
        "other": add(db_session, "other", other, status="dead", attempts=8, last_error="other clinic"),
    }
    return {key: row.id for key, row in rows.items()}


def listed(page: str, messages: dict[str, int]) -> set[str]:
    return {key for key, mid in messages.items() if f"/nurse/outbox/{mid}/retry" in page}


def test_the_nurse_sees_her_clinics_stuck_messages_without_their_text(app, client, auth, messages, db_session):
    auth.login("nurse")
    page = client.get("/nurse/outbox").text
    assert listed(page, messages) == {"dead", "flag", "failing", "overdue"}
    assert "Tysabri" not in page and "dose 14" not in page and "triage@example.org" not in page
    assert "Pasient" in page and "Triageadressen" in page and "SMTP refused the message: 550" in page
    assert "Gitt opp" in page and "Prøver fortsatt" in page and "Push-varsel" in page
    audit = db_session.exec(select(AuditEvent).where(AuditEvent.target == "nurse.outbox")).all()
    assert len(audit) == 1


def test_the_page_in_english(app, client, auth, messages, db_session):
    nurse = user_of(db_session, "nurse@example.org")
    nurse.locale = "en"
    db_session.add(nurse)
    db_session.commit()
    auth.login("nurse")
    client.post("/i18n/language", data={"lang": "en", "next": "/nurse/outbox"})
    page = client.get("/nurse/outbox").text
    assert "Messages not sent" in page and "Gave up" in page and "Triage address" in page and "Try again" in page


def test_another_clinics_nurse_sees_only_her_own(app, client, auth, messages):
    auth.login("nurse2")
    page = client.get("/nurse/outbox").text
    assert listed(page, messages) == {"other"}
    for action in ("retry", "cancel"):
        assert client.post(f"/nurse/outbox/{messages['dead']}/{action}").status_code == 404
    assert client.post(f"/nurse/outbox/{messages['other']}/cancel").status_code == 302


def test_try_again_starts_the_message_afresh_and_a_double_tap_is_still_one_message(app, client, auth, messages,
                                                                                   db_session):
    auth.login("nurse")
    for _tap in range(2):
        response = client.post(f"/nurse/outbox/{messages['dead']}/retry")
        assert response.status_code == 302 and response.location.endswith("/nurse/outbox")
    row = db_session.get(OutboxMessage, messages["dead"])
    db_session.refresh(row)
    assert (row.status, row.attempts, row.last_error) == ("pending", 0, "")
    assert row.next_attempt_at <= datetime.now(UTC)
    assert len(db_session.exec(select(OutboxMessage).where(OutboxMessage.key == "dead")).all()) == 1
    assert "Meldingen sendes på nytt om litt." in client.get("/nurse/outbox").text


def test_cancel_stops_a_message_for_good(app, client, auth, messages, db_session):
    auth.login("nurse")
    client.post(f"/nurse/outbox/{messages['failing']}/cancel")
    row = db_session.get(OutboxMessage, messages["failing"])
    db_session.refresh(row)
    assert row.status == "cancelled"
    client.post(f"/nurse/outbox/{messages['failing']}/retry")  # a cancelled message is not brought back
    db_session.refresh(row)
    assert row.status == "cancelled"
    assert listed(client.get("/nurse/outbox").text, messages) == {"dead", "flag", "overdue"}


def test_a_sent_message_cannot_be_sent_again_from_the_page(app, client, auth, messages, db_session):
    auth.login("nurse")
    client.post(f"/nurse/outbox/{messages['sent']}/retry")
    row = db_session.get(OutboxMessage, messages["sent"])
    db_session.refresh(row)
    assert row.status == "sent"


def test_the_queue_links_to_the_page_with_the_count(app, client, auth, messages):
    auth.login("nurse")
    page = client.get("/nurse/queue").text
    assert "4 meldinger kunne ikke sendes." in page and 'href="/nurse/outbox"' in page


def test_without_stuck_messages_the_page_says_all_is_sent(app, client, auth, db_session):
    auth.login("nurse")
    assert "Alle meldinger er sendt." in client.get("/nurse/outbox").text
    assert "kunne ikke sendes" not in client.get("/nurse/queue").text


def test_a_patient_cannot_open_the_page(app, client, auth, messages):
    auth.login("patient")
    assert client.get("/nurse/outbox").status_code in (403, 404)
    assert client.post(f"/nurse/outbox/{messages['dead']}/retry").status_code in (403, 404)


def test_the_buttons_need_a_csrf_token(app, client, auth, messages, db_session):
    auth.login("nurse")
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post(f"/nurse/outbox/{messages['dead']}/retry").status_code == 400
    assert db_session.get(OutboxMessage, messages["dead"]).status == "dead"


