"""The e-mail to the clinic's triage address for a new urgent or emergency flag, through a real local
SMTP server (aiosmtpd): no health details, sent after the commit, never at the cost of the report."""

from __future__ import annotations

import email
import logging
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from sqlmodel import select

from webapp import db
from webapp.models import AuditEvent, Clinic, Flag, Patient
from webapp.symptoms.service import store_report

from .reports import patient_of, reports_of, send_report


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - the aiosmtpd hook name
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, mailbox
    finally:
        controller.stop()


@pytest.fixture
def mail_app(app, smtp_server):
    controller, _mailbox = smtp_server
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=controller.port, SMTP_STARTTLS=False,
                      MAIL_FROM="natahjem@example.org", APP_BASE_URL="https://natahjem.example.no")
    return app


def test_a_new_urgent_flag_mails_the_clinics_triage_address_without_health_details(mail_app, client, auth, smtp_server):
    _controller, mailbox = smtp_server
    auth.login("patient_en")
    send_report(client, ["limb_weakness"], lasted_over_24h="yes", free_text="my left leg drags")
    assert len(mailbox.messages) == 1
    sender, recipients, message = mailbox.messages[0]
    assert (sender, recipients) == ("natahjem@example.org", ["triage@example.org"])
    assert message["Subject"] == "NataHjem: en ny sak som haster, venter / a new urgent flag waits"
    body = message.get_content()
    assert "https://natahjem.example.no/nurse/queue" in body
    assert "sak som haster" in body and "urgent flag" in body  # both languages
    for health_detail in ("Emma", "English", "leg", "weakness", "svakhet", "limb", "PML"):
        assert health_detail not in body and health_detail not in message["Subject"], health_detail


def test_an_emergency_flag_says_emergency(mail_app, client, auth, smtp_server):
    _controller, mailbox = smtp_server
    auth.login("patient")
    send_report(client, ["chest_pain"])
    assert [m["Subject"] for _s, _r, m in mailbox.messages] == [
        "NataHjem: en ny akutt sak venter / a new emergency flag waits"]


def test_a_routine_report_sends_no_mail(mail_app, client, auth, smtp_server):
    _controller, mailbox = smtp_server
    auth.login("patient_en")
    send_report(client, ["fatigue"])
    assert mailbox.messages == []


def test_the_mail_goes_to_the_address_of_the_patients_own_clinic(mail_app, client, auth, smtp_server):
    _controller, mailbox = smtp_server
    auth.login("patient2")
    send_report(client, ["double_vision"])
    assert mailbox.messages[0][1] == ["triage-nord@example.org"]


def test_nothing_is_mailed_when_the_flag_is_rolled_back(mail_app, db_session, smtp_server):
    _controller, mailbox = smtp_server
    patient_id = patient_of(db_session, "patient@example.org").id
    with mail_app.test_request_context():
        session = db.session()
        store_report(session, session.get(Patient, patient_id), level="urgent", reasons=["item:fever"], codes=["fever"])
        session.rollback()
        session.add(AuditEvent(action="read", target="after the rollback"))
        session.commit()  # a later commit of the same session must not send the dropped e-mail
    assert mailbox.messages == []


def test_a_failed_send_keeps_the_report_and_the_flag_and_is_logged(app, client, auth, db_session, caplog):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=free_port(), SMTP_STARTTLS=False)  # nobody listens there
    auth.login("patient_en")
    with caplog.at_level(logging.ERROR, logger="webapp.flag_mail"):
        response = send_report(client, ["double_vision"])
    assert response.status_code == 302
    assert "The clinic will call you within one working day." in client.get(response.location).text
    report = reports_of(db_session, patient_of(db_session, "patient.en@example.org"))[-1]
    assert db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).one().status == "open"
    assert "triage e-mail could not be sent" in caplog.text
    assert "double" not in caplog.text.lower()


def test_without_an_smtp_host_no_mail_is_tried_and_a_line_is_logged(app, client, auth, caplog, smtp_server):
    _controller, mailbox = smtp_server
    assert app.config["SMTP_HOST"] == ""
    auth.login("patient_en")
    with caplog.at_level(logging.INFO, logger="webapp.flag_mail"):
        send_report(client, ["double_vision"])
    assert mailbox.messages == []
    assert "SMTP_HOST is not set" in caplog.text


def test_a_clinic_without_a_triage_address_gets_no_mail_and_the_flag_stays(mail_app, client, auth, db_session,
                                                                          smtp_server, caplog):
    _controller, mailbox = smtp_server
    for clinic in db_session.exec(select(Clinic)).all():
        clinic.triage_email = ""
        db_session.add(clinic)
    db_session.commit()
    auth.login("patient_en")
    with caplog.at_level(logging.WARNING, logger="webapp.flag_mail"):
        send_report(client, ["double_vision"])
    assert mailbox.messages == []
    assert "no triage e-mail address" in caplog.text
