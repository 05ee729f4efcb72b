"""Follow-ups after a symptom report (issue 12 §4): the clock asks "How is it now?" once a day up to three
times, the patient answers on one page, "worse" goes to the nurse, "gone" closes the report, and a nurse
can switch them off."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from tests.integration.reports import patient_of, user_of
from webapp.domain.clock import OSLO
from webapp.domain.followups import Answer
from webapp.followups.service import record_answer, write_followups
from webapp.models import (
    AuditEvent,
    DoseHold,
    Flag,
    FlagStatus,
    NotificationPrefs,
    OutboxMessage,
    Patient,
    SymptomFollowUp,
    SymptomReport,
)

PER = "patient@example.org"  # Norwegian, Demo MS-poliklinikk
EMMA = "patient.en@example.org"  # English, same clinic
KARI = "patient2@example.org"  # the other clinic
# Early in 2026: the demo data's own reports (a few days before today) are all later than this.
REPORTED = datetime(2026, 2, 3, 14, 0, tzinfo=OSLO)


def at(days: int, hour: int = 10) -> datetime:
    """`hour` o'clock Oslo time, `days` days after the report."""
    return datetime.combine(REPORTED.date() + timedelta(days=days), datetime.min.time(), OSLO).replace(hour=hour)


def make_report(db_session, email=PER, *, level="routine", codes=("fatigue",), source="report",
                reported_at=REPORTED) -> SymptomReport:
    patient = patient_of(db_session, email)
    report = SymptomReport(patient_id=patient.id, client_id=str(uuid.uuid4()), reported_at=reported_at, source=source,
                           codes=list(codes), level=level, reasons=[f"item:{c}" for c in codes])
    db_session.add(report)
    db_session.commit()
    return report


def run_job(app, now: datetime) -> int:
    with app.app_context(), Session(app.extensions["db_engine"]) as session:
        written = write_followups(session, now)
        session.commit()
        return written


def followups_of(db_session, report) -> list[SymptomFollowUp]:
    db_session.expire_all()
    return list(db_session.exec(select(SymptomFollowUp).where(SymptomFollowUp.symptom_report_id == report.id)
                                .order_by(SymptomFollowUp.number)).all())


def ask(db_session, report, number=1) -> SymptomFollowUp:
    row = SymptomFollowUp(symptom_report_id=report.id, number=number, asked_at=datetime.now(UTC))
    db_session.add(row)
    db_session.commit()
    return row


def answer(client, report, value, number=1):
    return client.post(f"/symptoms/{report.id}/now", data={"answer": value, "number": str(number)})


def with_email(db_session, email):
    user = user_of(db_session, email)
    db_session.add(NotificationPrefs(user_id=user.id, email=True))
    db_session.commit()
    return user


# ------------------------------------------------------------------ the clock's job
def test_the_job_asks_once_a_day_for_three_days_and_writes_the_message_with_the_row(app, db_session):
    report = make_report(db_session)
    user = with_email(db_session, PER)
    assert run_job(app, at(0, 23)) == 0  # not on the day of the report
    assert run_job(app, at(1, 9)) == 0  # not before ten
    assert run_job(app, at(1, 10)) == 1
    assert run_job(app, at(1, 11)) == 0  # the next hourly run asks nothing new
    for day in (2, 3, 4, 5):
        run_job(app, at(day, 10))
    rows = followups_of(db_session, report)
    assert [r.number for r in rows] == [1, 2, 3]
    messages = db_session.exec(select(OutboxMessage).where(OutboxMessage.kind == "followup")
                               .order_by(OutboxMessage.id)).all()
    assert [m.key for m in messages] == [f"followup:{r.id}:email" for r in rows]
    assert {(m.user_id, m.url, m.channel) for m in messages} == {(user.id, f"/symptoms/{report.id}/now", "email")}
    # discreet by default: no symptom, no drug
    assert {(m.title, m.body) for m in messages} == {("NataHjem", "Du har en påminnelse. Åpne NataHjem for å se den.")}


def test_a_detailed_text_names_the_day_of_the_report_never_the_symptom(app, db_session):
    report = make_report(db_session, EMMA, codes=("headache_mild",))
    user = user_of(db_session, EMMA)
    db_session.add(NotificationPrefs(user_id=user.id, email=True, detailed=True))
    db_session.commit()
    run_job(app, at(1, 10))
    message = db_session.exec(select(OutboxMessage).where(OutboxMessage.user_id == user.id)).one()
    assert message.title == "NataHjem: how is it now?"
    assert "3 February 2026" in message.body and "headache" not in message.body.lower()
    assert report.id


@pytest.mark.parametrize("stop", ["worse", "gone"])
def test_worse_or_gone_stops_the_questions(app, client, auth, db_session, stop):
    report = make_report(db_session)
    run_job(app, at(1, 10))
    auth.login("patient")
    answer(client, report, stop)
    run_job(app, at(2, 10))
    run_job(app, at(3, 10))
    assert [r.number for r in followups_of(db_session, report)] == [1]


def test_a_resolved_flag_or_a_nurse_switch_stops_the_questions(app, db_session):
    resolved = make_report(db_session, level="urgent", codes=("limb_weakness",))
    patient = patient_of(db_session, PER)
    db_session.add(Flag(patient_id=patient.id, clinic_id=patient.clinic_id, source="symptom", code="symptom_report",
                        level="urgent", status=FlagStatus.RESOLVED, symptom_report_id=resolved.id))
    switched_off = make_report(db_session)
    switched_off.followups_off = True
    db_session.add(switched_off)
    db_session.commit()
    still_open = make_report(db_session, level="urgent", codes=("limb_weakness",))
    db_session.add(Flag(patient_id=patient.id, clinic_id=patient.clinic_id, source="symptom", code="symptom_report",
                        level="urgent", status=FlagStatus.IN_PROGRESS, symptom_report_id=still_open.id))
    db_session.commit()
    run_job(app, at(1, 10))
    assert followups_of(db_session, resolved) == [] and followups_of(db_session, switched_off) == []
    assert [r.number for r in followups_of(db_session, still_open)] == [1]


def test_no_question_after_an_emergency_report(app, db_session):
    report = make_report(db_session, level="emergency", codes=("chest_pain",))
    run_job(app, at(1, 10))
    assert followups_of(db_session, report) == []


def test_a_patient_who_switched_follow_ups_off_gets_no_message_but_the_question_is_stored(app, db_session):
    report = make_report(db_session)
    user = user_of(db_session, PER)
    db_session.add(NotificationPrefs(user_id=user.id, email=True, followups=False))
    db_session.commit()
    run_job(app, at(1, 10))
    assert len(followups_of(db_session, report)) == 1
    assert db_session.exec(select(OutboxMessage).where(OutboxMessage.kind == "followup")).all() == []


# ------------------------------------------------------------------ the patient's answer
def test_the_start_page_shows_an_open_question_with_four_buttons(client, auth, db_session):
    report = make_report(db_session)
    ask(db_session, report)
    auth.login("patient")
    page = client.get("/").get_data(as_text=True)
    assert "Hvordan er det nå?" in page and f'action="/symptoms/{report.id}/now"' in page
    for value in ("better", "same", "worse", "gone"):
        assert f'name="answer" value="{value}"' in page
    answer(client, report, "same")
    assert f'action="/symptoms/{report.id}/now"' not in client.get("/").get_data(as_text=True)


def test_better_is_stored_and_the_patient_is_told_we_ask_again_tomorrow(client, auth, db_session):
    report = make_report(db_session, reported_at=datetime.now(UTC) - timedelta(days=1))
    ask(db_session, report)
    auth.login("patient")
    page = client.get(f"/symptoms/{report.id}/now").get_data(as_text=True)
    assert "Sammenlignet med da du meldte det" in page and "Tretthet, utmattelse" in page
    response = answer(client, report, "better")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/symptoms/{report.id}/now")
    thanks = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Godt å høre at det er bedre" in thanks and "Vi spør igjen i morgen." in thanks
    row = followups_of(db_session, report)[0]
    assert row.answer == "better" and row.answered_at is not None
    history = client.get("/symptoms/").get_data(as_text=True)
    assert "Oppfølging 1" in history and "Bedre" in history


def test_a_double_tap_stores_one_answer_and_the_first_one_stands(client, auth, db_session):
    report = make_report(db_session)
    ask(db_session, report)
    auth.login("patient")
    first = answer(client, report, "same")
    second = answer(client, report, "worse")
    assert first.status_code == second.status_code == 302
    rows = followups_of(db_session, report)
    assert [(r.answer) for r in rows] == ["same"]
    assert db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).all() == []
    db_session.refresh(report)
    assert report.level == "routine"


def test_worse_makes_the_report_urgent_flags_it_holds_the_dose_and_answers_as_an_urgent_report(
        app, client, auth, db_session):
    report = make_report(db_session)
    followup = ask(db_session, report)
    nurse = with_email(db_session, "nurse@example.org")
    db_session.get(NotificationPrefs, nurse.id).on_call = True
    db_session.commit()
    auth.login("patient")
    response = answer(client, report, "worse")
    assert response.headers["Location"].endswith(f"/symptoms/{report.id}")
    db_session.expire_all()
    report = db_session.get(SymptomReport, report.id)
    assert report.level == "urgent" and report.reasons[-1] == "followup_worse"
    assert "item:fatigue" in report.reasons  # what it was is kept
    flag = db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).one()
    assert (flag.source, flag.code, flag.level, flag.status) == ("followup", "followup_worse", "urgent", "open")
    assert flag.dedupe_key == f"followup:{followup.id}" and flag.due_by is not None
    assert db_session.get(SymptomFollowUp, followup.id).flag_id == flag.id
    # the same rule as any urgent report: the next dose waits (facts §3 "Dose on hold")
    hold = db_session.exec(select(DoseHold).where(DoseHold.symptom_report_id == report.id)).one()
    assert hold.flag_id == flag.id and hold.lifted_at is None and hold.source == "report"
    # the answer an urgent report gets: the callback line, the dose line, legevakt and 113
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Klinikken ringer deg" in page and 'href="tel:113"' in page and 'href="tel:116117"' in page
    assert "Ikke ta neste dose før du har snakket med klinikken." in page
    # the nurse on call hears of it through the outbox
    assert db_session.exec(select(OutboxMessage).where(OutboxMessage.key == f"flag:{flag.id}:oncall:{nurse.id}:email")
                           ).one().kind == "flag_new"


def test_worse_on_an_urgent_report_being_handled_raises_a_second_flag_the_patient_sees_the_open_one(
        client, auth, db_session):
    report = make_report(db_session, level="urgent", codes=("limb_weakness",))
    patient = patient_of(db_session, PER)
    first = Flag(patient_id=patient.id, clinic_id=patient.clinic_id, source="symptom", code="symptom_report",
                 level="urgent", status=FlagStatus.RESOLVED, symptom_report_id=report.id,
                 created_at=REPORTED, resolved_at=REPORTED + timedelta(hours=3))
    db_session.add(first)
    db_session.commit()
    ask(db_session, report)
    auth.login("patient")
    answer(client, report, "worse")
    flags = db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id).order_by(Flag.id)).all()
    assert [(f.code, f.status) for f in flags] == [("symptom_report", "resolved"), ("followup_worse", "open")]
    page = client.get(f"/symptoms/{report.id}").get_data(as_text=True)
    assert "Klinikken har fulgt opp dette" not in page and "Klinikken ringer deg" in page


def test_gone_closes_the_report_for_the_patient_and_leaves_the_clinics_flag_open(client, auth, db_session):
    report = make_report(db_session, level="urgent", codes=("limb_weakness",))
    patient = patient_of(db_session, PER)
    flag = Flag(patient_id=patient.id, clinic_id=patient.clinic_id, source="symptom", code="symptom_report",
                level="urgent", status=FlagStatus.OPEN, symptom_report_id=report.id)
    db_session.add(flag)
    db_session.commit()
    ask(db_session, report)
    auth.login("patient")
    response = answer(client, report, "gone")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Godt å høre at det er borte" in page
    db_session.expire_all()
    assert db_session.get(SymptomReport, report.id).closed_by_patient_at is not None
    assert db_session.get(Flag, flag.id).status == FlagStatus.OPEN


def test_another_patients_report_answers_404_and_nothing_is_stored(client, auth, db_session):
    report = make_report(db_session, EMMA)
    ask(db_session, report)
    auth.login("patient")
    assert client.get(f"/symptoms/{report.id}/now").status_code == 404
    assert answer(client, report, "worse").status_code == 404
    assert followups_of(db_session, report)[0].answer is None


def test_a_nurse_cannot_answer_and_a_bad_answer_is_refused_with_a_message(client, auth, db_session):
    report = make_report(db_session)
    ask(db_session, report)
    auth.login("nurse")
    assert answer(client, report, "better").status_code == 403
    auth.logout()
    auth.login("patient")
    response = answer(client, report, "fine")
    assert response.status_code == 422 and "Velg ett av svarene." in response.get_data(as_text=True)
    assert followups_of(db_session, report)[0].answer is None


def test_the_answer_page_needs_a_csrf_token(app, client, auth, db_session):
    report = make_report(db_session)
    ask(db_session, report)
    auth.login("patient")
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        assert answer(client, report, "worse").status_code == 400  # CSRFProtect refuses it
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert followups_of(db_session, report)[0].answer is None


# ------------------------------------------------------------------ the nurse
def test_the_flag_page_and_timeline_show_the_answers_and_the_worse_label(client, auth, db_session):
    report = make_report(db_session)
    ask(db_session, report)
    auth.login("patient")
    answer(client, report, "worse")
    auth.logout()
    flag = db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).one()
    auth.login("nurse")
    queue = client.get("/nurse/queue").get_data(as_text=True)
    assert "Verre enn ved forrige melding" in queue
    page = client.get(f"/nurse/flags/{flag.id}").get_data(as_text=True)
    assert "Verre enn ved forrige melding" in page and "Oppfølging 1" in page and "Verre</strong>" in page
    timeline = client.get(f"/nurse/patients/{report.patient_id}/timeline").get_data(as_text=True)
    assert "Oppfølging 1: hvordan er det nå?" in timeline


def test_a_nurse_switches_follow_ups_off_for_a_report_of_her_clinic_only(client, auth, db_session):
    own = make_report(db_session)
    other = make_report(db_session, KARI)
    auth.login("nurse")
    response = client.post(f"/nurse/reports/{own.id}/followups", data={"followups": "off",
                                                                        "next": f"/nurse/patients/{own.patient_id}/timeline"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/patients/{own.patient_id}/timeline")
    assert client.post(f"/nurse/reports/{other.id}/followups", data={"followups": "off"}).status_code == 404
    db_session.expire_all()
    assert db_session.get(SymptomReport, own.id).followups_off is True
    assert db_session.get(SymptomReport, other.id).followups_off is False
    audit = db_session.exec(select(AuditEvent).where(AuditEvent.target == f"report:{own.id}:followups_off")).one()
    assert audit.patient_id == own.patient_id and audit.actor_id == user_of(db_session, "nurse@example.org").id
    client.post(f"/nurse/reports/{own.id}/followups", data={"followups": "on"})
    db_session.expire_all()
    assert db_session.get(SymptomReport, own.id).followups_off is False
    auth.logout()
    auth.login("patient")
    assert client.post(f"/nurse/reports/{own.id}/followups", data={"followups": "off"}).status_code == 403


def test_two_answers_at_the_same_moment_store_one_and_only_that_one_acts(app, db_session):
    """Two requests that both read the question unanswered: the conditional update lets one through."""
    report = make_report(db_session)
    followup = ask(db_session, report)
    engine = app.extensions["db_engine"]
    with app.test_request_context(), Session(engine) as first, Session(engine) as second:
        loaded = [(s, s.get(SymptomReport, report.id), s.get(SymptomFollowUp, followup.id)) for s in (first, second)]
        patient = first.get(SymptomReport, report.id).patient_id
        stored = []
        for (session, own_report, own_followup), value in zip(loaded, (Answer.SAME, Answer.WORSE), strict=True):
            stored.append(record_answer(session, session.get(Patient, patient), own_report, own_followup, value,
                                        datetime.now(UTC)))
            session.commit()
    assert stored == [True, False]
    assert [r.answer for r in followups_of(db_session, report)] == ["same"]
    assert db_session.exec(select(Flag).where(Flag.symptom_report_id == report.id)).all() == []
