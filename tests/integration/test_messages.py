"""Messages to and from the clinic (issue 13): read by the triage reader first, an inbox for the clinic,
replies told through the outbox without their words, and each side kept to its own threads."""

from __future__ import annotations

import io
import re
import uuid

from PIL import Image
from sqlmodel import select

from webapp.models import (
    AuditEvent,
    Flag,
    Message,
    MessageThread,
    NotificationPrefs,
    OutboxMessage,
    Photo,
    SymptomReport,
    ThreadStatus,
)

from .reports import patient_of, user_of

PER, EMMA, KARI = "patient@example.org", "patient.en@example.org", "patient2@example.org"


def png(colour="red") -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    out.seek(0)
    return out


def write(client, subject="Spørsmål", body="Kan jeg flytte dosen to dager fordi jeg skal på tur?", *,
          client_id=None, photos=()):
    data = {"client_id": client_id or str(uuid.uuid4()), "subject": subject, "body": body}
    if photos:
        data["photos"] = [(p, f"photo{n}.png") for n, p in enumerate(photos)]
    return client.post("/messages/new", data=data, content_type="multipart/form-data")


def threads_of(db_session, email) -> list[MessageThread]:
    db_session.expire_all()
    patient = patient_of(db_session, email)
    return list(db_session.exec(select(MessageThread).where(MessageThread.patient_id == patient.id)
                                .order_by(MessageThread.id)).all())


def messages_of(db_session, thread) -> list[Message]:
    db_session.expire_all()
    return list(db_session.exec(select(Message).where(Message.thread_id == thread.id).order_by(Message.id)).all())


def reports_from_messages(db_session, email) -> list[SymptomReport]:
    db_session.expire_all()
    patient = patient_of(db_session, email)
    return list(db_session.exec(select(SymptomReport).where(SymptomReport.patient_id == patient.id,
                                                            SymptomReport.source == "message")).all())


def test_a_routine_message_waits_in_the_clinic_inbox_with_the_stated_answer_time(client, auth, db_session):
    auth.login("patient")
    before = len(threads_of(db_session, PER))
    response = write(client, "Tur", "Kan jeg flytte dosen to dager fordi jeg skal på tur?")
    assert response.status_code == 302
    thread = threads_of(db_session, PER)[-1]
    assert len(threads_of(db_session, PER)) == before + 1
    assert response.location == f"/messages/{thread.id}"
    assert thread.status == ThreadStatus.WAITING and thread.reply_due_by is not None
    assert reports_from_messages(db_session, PER) == []
    page = client.get(response.location).text
    assert "Kan jeg flytte dosen to dager" in page
    assert re.search(r"Klinikken svarer innen 2 arbeidsdager, senest \w+dag \d+\. \w+ kl\. 15\.30", page)
    assert 'href="tel:113"' in page and "Ikke for noe som haster" in page
    auth.logout()
    auth.login("nurse")
    inbox = client.get("/nurse/messages").text
    assert "Tur" in inbox and "Per Pasient" in inbox


def test_an_emergency_text_shows_113_at_once_and_makes_a_report_and_flag(client, auth, db_session):
    auth.login("patient")
    response = write(client, "Hjelp", "jeg får ikke puste")
    reports = reports_from_messages(db_session, PER)
    assert len(reports) == 1 and reports[0].level == "emergency"
    assert response.location == f"/symptoms/{reports[0].id}"
    flag = db_session.exec(select(Flag).where(Flag.symptom_report_id == reports[0].id)).one()
    assert flag.level == "emergency" and flag.code == "message_report"
    answer = client.get(response.location).text
    assert 'href="tel:113"' in answer and "Ring 113 nå" in answer
    thread = threads_of(db_session, PER)[-1]
    (message,) = messages_of(db_session, thread)
    assert message.body == "jeg får ikke puste" and message.symptom_report_id == reports[0].id
    assert thread.status == ThreadStatus.WAITING  # still answered by a nurse in the thread


def test_an_urgent_text_raises_a_flag_with_a_due_time(client, auth, db_session):
    auth.login("patient_en")
    response = write(client, "Fever", "I have had a fever of 38.5 since yesterday")
    (report,) = reports_from_messages(db_session, EMMA)
    assert report.level == "urgent" and response.location == f"/symptoms/{report.id}"
    flag = db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).one()
    assert flag.due_by is not None and flag.status == "open"
    assert "Your clinic will call you" in client.get(response.location).text


def test_words_the_reader_cannot_place_flag_for_a_callback(client, auth, db_session):
    auth.login("patient_en")
    write(client, "Hm", "I just don't feel right today")
    (report,) = reports_from_messages(db_session, EMMA)
    assert report.level == "urgent" and "message:unsure" in report.reasons
    assert db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).one().level == "urgent"


def test_a_nurse_reply_answers_the_thread_and_notifies_without_the_words(client, auth, db_session):
    # Emma chose e-mail and detailed texts: the reply is still told without its words.
    db_session.add(NotificationPrefs(user_id=user_of(db_session, EMMA).id, email=True, detailed=True))
    db_session.commit()
    auth.login("patient_en")
    write(client, "Trip", "Can I move my dose two days for a trip? My secret word is aubergine.")
    thread = threads_of(db_session, EMMA)[-1]
    auth.logout()
    auth.login("nurse")
    page = client.get(f"/nurse/messages/{thread.id}")
    assert page.status_code == 200 and "aubergine" in page.text
    response = client.post(f"/nurse/messages/{thread.id}/reply",
                           data={"client_id": str(uuid.uuid4()), "body": "Yes, aubergine is fine, two days is fine."})
    assert response.status_code == 302
    db_session.expire_all()
    thread = db_session.get(MessageThread, thread.id)
    assert thread.status == ThreadStatus.ANSWERED and thread.reply_due_by is None
    rows = db_session.exec(select(OutboxMessage).where(OutboxMessage.kind == "message_reply",
                                                       OutboxMessage.user_id == user_of(db_session, EMMA).id)).all()
    assert rows, "the patient is told through the outbox"
    for row in rows:
        assert "aubergine" not in row.title + row.body and "two days" not in row.body
        assert row.body == "You have a new message from the clinic. Open NataHjem to read it."
    # The patient sees the reply as new on the start page and in the list, until the thread is opened.
    auth.logout()
    auth.login("patient_en")
    assert "1 new reply from the clinic" in client.get("/").text
    assert "New reply" in client.get("/messages").text
    client.get(f"/messages/{thread.id}")
    assert "new reply from the clinic" not in client.get("/").text
    # The patient answers: waiting again, with a new due time.
    client.post(f"/messages/{thread.id}/reply", data={"client_id": str(uuid.uuid4()), "body": "Thank you!"},
                content_type="multipart/form-data")
    db_session.expire_all()
    thread = db_session.get(MessageThread, thread.id)
    assert thread.status == ThreadStatus.WAITING and thread.reply_due_by is not None


def test_the_detailed_setting_still_never_carries_the_words(app):
    from webapp.notify import texts
    with app.test_request_context():
        for detailed in (True, False):
            title, body = texts.render("message_reply", {}, "nb", detailed=detailed)
            assert body == "Du har en ny melding fra klinikken. Åpne NataHjem for å lese den."


def test_every_nurse_read_of_a_thread_is_audited(client, auth, db_session):
    thread = threads_of(db_session, PER)[0]
    auth.login("nurse")
    before = len(db_session.exec(select(AuditEvent).where(AuditEvent.target == f"messages.thread:{thread.id}")).all())
    client.get(f"/nurse/messages/{thread.id}")
    client.get(f"/nurse/messages/{thread.id}")
    db_session.expire_all()
    rows = db_session.exec(select(AuditEvent).where(AuditEvent.target == f"messages.thread:{thread.id}",
                                                    AuditEvent.action == "read")).all()
    assert len(rows) == before + 2 and rows[-1].patient_id == thread.patient_id
    client.get("/nurse/messages?show=all")  # the inbox is a read of each patient it lists
    db_session.expire_all()
    listed = db_session.exec(select(AuditEvent).where(AuditEvent.target == "messages.inbox")).all()
    assert thread.patient_id in {row.patient_id for row in listed}


def test_a_patient_cannot_read_or_write_another_patients_thread(client, auth, db_session):
    other = threads_of(db_session, EMMA)[0]
    auth.login("patient")
    assert client.get(f"/messages/{other.id}").status_code == 404
    assert client.post(f"/messages/{other.id}/reply", data={"client_id": str(uuid.uuid4()), "body": "hei"}
                       ).status_code == 404
    assert client.post(f"/messages/{other.id}/close").status_code == 404
    assert len(messages_of(db_session, other)) == 2
    assert "Sharps box" not in client.get("/messages").text


def test_a_nurse_cannot_open_another_clinics_thread(client, auth, db_session):
    other = threads_of(db_session, KARI)[0]
    auth.login("nurse")
    assert client.get(f"/nurse/messages/{other.id}").status_code == 404
    assert client.post(f"/nurse/messages/{other.id}/reply", data={"client_id": str(uuid.uuid4()), "body": "x"}
                       ).status_code == 404
    assert "Blodprøve" not in client.get("/nurse/messages?show=all").text
    kari = patient_of(db_session, KARI)
    assert client.get(f"/nurse/patients/{kari.id}/messages/new").status_code == 404


def test_a_text_over_2000_characters_is_refused_not_cut(client, auth, db_session):
    auth.login("patient")
    before = len(threads_of(db_session, PER))
    long_text = "Lang tekst. " * 200  # 2400 characters
    response = write(client, "Langt", long_text)
    assert response.status_code == 422
    assert "Skriv høyst 2000 tegn" in response.text
    assert long_text.strip()[:500] in response.text  # what was typed is still in the box
    assert len(threads_of(db_session, PER)) == before


def test_a_double_tap_stores_one_message(client, auth, db_session):
    auth.login("patient")
    before = len(threads_of(db_session, PER))
    client_id = str(uuid.uuid4())
    first = write(client, "To ganger", "Kan jeg ta dosen på fredag i stedet?", client_id=client_id)
    second = write(client, "To ganger", "Kan jeg ta dosen på fredag i stedet?", client_id=client_id)
    assert first.location == second.location
    assert len(threads_of(db_session, PER)) == before + 1
    assert len(db_session.exec(select(Message).where(Message.client_id == client_id)).all()) == 1


def test_photos_are_stored_with_the_message_and_too_many_are_refused(client, auth, db_session):
    auth.login("patient")
    response = write(client, "Stikksted", "Litt rødt der jeg stakk meg i går, er det greit?", photos=[png(), png("blue")])
    assert response.status_code == 302
    thread = threads_of(db_session, PER)[-1]
    (message,) = messages_of(db_session, thread)
    assert len(db_session.exec(select(Photo).where(Photo.message_id == message.id)).all()) == 2
    before = len(threads_of(db_session, PER))
    refused = write(client, "Fire", "Fire bilder av stikkstedet", photos=[png(), png(), png(), png()])
    assert refused.status_code == 422 and "Fire bilder av stikkstedet" in refused.text
    assert len(threads_of(db_session, PER)) == before


def test_a_nurse_starts_a_thread_to_a_patient_of_the_clinic(client, auth, db_session):
    per = patient_of(db_session, PER)
    auth.login("nurse")
    assert f"/nurse/patients/{per.id}/messages/new" in client.get(f"/nurse/patients/{per.id}").text
    response = client.post(f"/nurse/patients/{per.id}/messages/new",
                           data={"client_id": str(uuid.uuid4()), "subject": "Ny time", "body": "Vi har flyttet timen."})
    assert response.status_code == 302
    thread = threads_of(db_session, PER)[-1]
    assert thread.subject == "Ny time" and thread.status == ThreadStatus.ANSWERED


def test_either_side_may_close_a_thread(client, auth, db_session):
    thread = threads_of(db_session, PER)[0]
    auth.login("patient")
    assert client.post(f"/messages/{thread.id}/close").status_code == 302
    db_session.expire_all()
    assert db_session.get(MessageThread, thread.id).status == ThreadStatus.CLOSED
    auth.logout()
    emma_thread = threads_of(db_session, EMMA)[0]
    auth.login("nurse")
    assert client.post(f"/nurse/messages/{emma_thread.id}/close").status_code == 302
    db_session.expire_all()
    assert db_session.get(MessageThread, emma_thread.id).status == ThreadStatus.CLOSED


def test_the_inbox_puts_the_oldest_due_first_and_marks_overdue(client, auth, db_session):
    from datetime import timedelta

    from webapp.domain.clock import utc_now
    auth.login("patient")
    write(client, "Eldst", "Kan jeg ta dosen en dag tidligere?")
    write(client, "Nyest", "Hvor lenge kan sprøytene ligge ute av kjøleskapet?")
    old, new = threads_of(db_session, PER)[-2:]
    old.reply_due_by = utc_now() - timedelta(hours=3)
    db_session.add(old)
    db_session.commit()
    auth.logout()
    auth.login("nurse")
    inbox = client.get("/nurse/messages").text
    assert inbox.index("Eldst") < inbox.index("Nyest")
    assert "Forsinket" in inbox or "Overdue" in inbox
    assert "Eldst" not in client.get("/nurse/messages?show=answered").text
