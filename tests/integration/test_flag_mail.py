"""The e-mail to the clinic's triage address for a new urgent or emergency flag: an outbox row written
with the flag, delivered by the worker through a real local SMTP server (aiosmtpd): no health details,
never sent inside the patient's request, never at the cost of the report."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from tests.smtp_mailbox import SmtpServer
from webapp import db
from webapp.models import AuditEvent, Clinic, Flag, OutboxMessage, Patient
from webapp.notify.worker import drain
from webapp.symptoms.service import store_report

from .reports import patient_of, reports_of, send_report


@pytest.fixture
def smtp_server():
    server = SmtpServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def mail_app(app, smtp_server):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=smtp_server.port, SMTP_STARTTLS=False,
                      MAIL_FROM="natahjem@example.org", APP_BASE_URL="https://natahjem.example.no")
    return app


def outbox(db_session) -> list[OutboxMessage]:
    db_session.expire_all()
    return list(db_session.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all())


def test_a_new_urgent_flag_mails_the_clinics_triage_address_without_health_details(mail_app, client, auth, smtp_server,
                                                                                   db_session):
    mailbox = smtp_server.mailbox
    auth.login("patient_en")
    send_report(client, ["limb_weakness"], lasted_over_24h="yes", free_text="my left leg drags")
    assert mailbox.messages == []  # the answer page never waits on SMTP: the worker sends it
    [row] = outbox(db_session)
    flag = db_session.exec(select(Flag).order_by(Flag.id.desc())).first()
    assert (row.key, row.channel, row.status, row.to_address) == (f"flag:{flag.id}:email", "email", "pending",
                                                                  "triage@example.org")
    assert drain(mail_app).sent == 1
    assert len(mailbox.messages) == 1
    sender, recipients, message = mailbox.messages[0]
    assert (sender, recipients) == ("natahjem@example.org", ["triage@example.org"])
    assert message["Subject"] == "NataHjem: en ny sak som haster, venter / a new urgent flag waits"
    body = message.get_content()
    assert "https://natahjem.example.no/nurse/queue" in body
    assert "sak som haster" in body and "urgent flag" in body  # both languages
    for health_detail in ("Emma", "English", "leg", "weakness", "svakhet", "limb", "PML"):
        assert health_detail not in body and health_detail not in message["Subject"], health_detail
    assert outbox(db_session)[0].status == "sent"
    assert drain(mail_app).sent == 0 and len(mailbox.messages) == 1  # sent once


def test_an_emergency_flag_says_emergency(mail_app, client, auth, smtp_server):
    auth.login("patient")
    send_report(client, ["chest_pain"])
    drain(mail_app)
    assert [m["Subject"] for _s, _r, m in smtp_server.mailbox.messages] == [
        "NataHjem: en ny akutt sak venter / a new emergency flag waits"]


def test_a_routine_report_sends_no_mail(mail_app, client, auth, smtp_server, db_session):
    auth.login("patient_en")
    send_report(client, ["fatigue"])
    drain(mail_app)
    assert smtp_server.mailbox.messages == [] and outbox(db_session) == []


def test_the_mail_goes_to_the_address_of_the_patients_own_clinic(mail_app, client, auth, smtp_server, db_session):
    auth.login("patient2")
    send_report(client, ["double_vision"])
    drain(mail_app)
    assert smtp_server.mailbox.messages[0][1] == ["triage-nord@example.org"]
    assert outbox(db_session)[0].clinic_id == patient_of(db_session, "patient2@example.org").clinic_id


def test_nothing_is_mailed_when_the_flag_is_rolled_back(mail_app, db_session, smtp_server):
    patient_id = patient_of(db_session, "patient@example.org").id
    with mail_app.test_request_context():
        session = db.session()
        store_report(session, session.get(Patient, patient_id), level="urgent", reasons=["item:fever"], codes=["fever"])
        session.rollback()
        session.add(AuditEvent(action="read", target="after the rollback"))
        session.commit()  # a later commit of the same session must not send the dropped e-mail
    drain(mail_app)
    assert smtp_server.mailbox.messages == [] and outbox(db_session) == []


def test_with_the_mail_server_down_the_report_is_kept_and_the_mail_waits_for_a_retry(app, client, auth, db_session):
    down = SmtpServer()  # not started: nobody listens on its port
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=down.port, SMTP_STARTTLS=False)
    auth.login("patient_en")
    response = send_report(client, ["double_vision"])
    assert response.status_code == 302
    assert "The clinic will call you within one working day." in client.get(response.location).text
    report = reports_of(db_session, patient_of(db_session, "patient.en@example.org"))[-1]
    assert db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).one().status == "open"
    now = datetime.now(UTC)
    assert drain(app, now).retried == 1
    [row] = outbox(db_session)
    assert (row.status, row.attempts) == ("pending", 1)
    assert row.next_attempt_at > now and "unreachable" in row.last_error
    assert "double" not in row.last_error.lower() and "@" not in row.last_error


def test_without_an_smtp_host_no_mail_is_written_and_a_line_is_logged(app, client, auth, caplog, db_session):
    assert app.config["SMTP_HOST"] == ""
    auth.login("patient_en")
    with caplog.at_level(logging.INFO, logger="webapp.flag_mail"):
        send_report(client, ["double_vision"])
    assert outbox(db_session) == []
    assert "SMTP_HOST is not set" in caplog.text


def test_a_clinic_without_a_triage_address_gets_no_mail_and_the_flag_stays(mail_app, client, auth, db_session,
                                                                          smtp_server, caplog):
    for clinic in db_session.exec(select(Clinic)).all():
        clinic.triage_email = ""
        db_session.add(clinic)
    db_session.commit()
    auth.login("patient_en")
    with caplog.at_level(logging.WARNING, logger="webapp.flag_mail"):
        send_report(client, ["double_vision"])
    drain(mail_app, datetime.now(UTC) + timedelta(hours=1))
    assert smtp_server.mailbox.messages == [] and outbox(db_session) == []
    assert "no triage e-mail address" in caplog.text


def test_a_flood_of_flags_mails_the_clinic_once_per_five_minutes_and_level(mail_app, db_session):
    # Security finding 8: 30 urgent reports from one account made 30 e-mails to the triage address.
    patient = patient_of(db_session, "patient@example.org")
    start = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

    def report(level, minutes):
        with mail_app.test_request_context():
            _report, flag = store_report(db_session, patient, level=level, reasons=["test"],
                                         now=start + timedelta(minutes=minutes))
            db_session.commit()
            return flag

    flags = [report("urgent", n / 10) for n in range(30)]
    assert len({f.id for f in flags}) == 30  # every report keeps its own flag in the queue
    assert len(outbox(db_session)) == 1
    report("emergency", 3)  # more serious than what was mailed: mailed at once
    report("emergency", 4)
    report("urgent", 4.5)
    assert [m.title.split(":")[1].split("/")[0].strip() for m in outbox(db_session)] == [
        "en ny sak som haster, venter", "en ny akutt sak venter"]
    report("urgent", 6)  # the first urgent mail's five minutes are over, the emergency mail's are not
    assert len(outbox(db_session)) == 2
    report("urgent", 8.5)
    assert len(outbox(db_session)) == 3
