"""For the nurse (issue 12 §5): the clinic's morning digest and the push to nurses on call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from tests.integration.reports import patient_of, user_of
from webapp.domain.clock import OSLO
from webapp.flags import raise_flag
from webapp.models import AuditEvent, Clinic, Flag, FlagStatus, NotificationPrefs, OutboxMessage, PushSubscription
from webapp.nurse.digest import write_digests

NOW = datetime.now(UTC)


def morning(hour: int = 7, minute: int = 5, days: int = 1) -> datetime:
    day = NOW.astimezone(OSLO).date() + timedelta(days=days)
    return datetime.combine(day, datetime.min.time(), OSLO).replace(hour=hour, minute=minute)


def run_digest(app, now: datetime) -> int:
    with app.app_context(), Session(app.extensions["db_engine"]) as session:
        written = write_digests(session, now)
        session.commit()
        return written


def digests(db_session) -> list[OutboxMessage]:
    db_session.expire_all()
    return list(db_session.exec(select(OutboxMessage).where(OutboxMessage.kind == "digest")
                                .order_by(OutboxMessage.id)).all())


def switch_on(db_session, clinic_id: int = 1) -> Clinic:
    clinic = db_session.get(Clinic, clinic_id)
    clinic.digest_enabled = True
    db_session.add(clinic)
    db_session.commit()
    return clinic


# ------------------------------------------------------------------ the morning digest
def test_the_digest_counts_waiting_and_past_due_flags_once_a_day_without_health_data(app, db_session):
    clinic = switch_on(db_session)
    open_flags = db_session.exec(select(Flag).where(Flag.clinic_id == clinic.id,
                                                    Flag.status.in_([FlagStatus.OPEN, FlagStatus.IN_PROGRESS]))).all()
    when = morning()
    late = [f for f in open_flags if f.due_by is not None and f.due_by < when and f.level != "emergency"]
    assert open_flags  # the demo data has a flag being handled
    assert run_digest(app, morning(6, 59)) == 0  # not before seven
    assert run_digest(app, when) == 1
    assert run_digest(app, morning(8, 5)) == 0  # the next hourly run: the same day's key
    [mail] = digests(db_session)
    expected = f"{len(open_flags)} venter, {len(late)} over fristen"
    assert mail.title == f"NataHjem: {expected} / {len(open_flags)} waiting, {len(late)} past due"
    assert mail.key == f"digest:{clinic.id}:{when.date().isoformat()}:email"
    assert (mail.to_address, mail.url, mail.clinic_id, mail.channel) == (clinic.triage_email, "/nurse/queue", clinic.id, "email")
    assert expected in mail.body and "waiting" in mail.body
    names = {"Per", "Emma", "Kari", "Pasient"}
    assert not any(name in mail.body or name in mail.title for name in names)
    run_digest(app, morning(7, 5, days=2))
    assert len(digests(db_session)) == 2  # the next day, one more


def test_a_past_due_flag_is_counted_as_past_due(app, db_session):
    clinic = switch_on(db_session)
    for flag in db_session.exec(select(Flag).where(Flag.clinic_id == clinic.id)).all():
        flag.status = FlagStatus.RESOLVED
        db_session.add(flag)
    patient = patient_of(db_session, "patient@example.org")
    db_session.add(Flag(patient_id=patient.id, clinic_id=clinic.id, source="symptom", code="symptom_report",
                        level="urgent", due_by=morning() - timedelta(hours=12)))
    db_session.add(Flag(patient_id=patient.id, clinic_id=clinic.id, source="symptom", code="symptom_report",
                        level="urgent", due_by=morning() + timedelta(hours=12)))
    db_session.commit()
    run_digest(app, morning())
    assert digests(db_session)[0].title == "NataHjem: 2 venter, 1 over fristen / 2 waiting, 1 past due"


def test_no_digest_when_nothing_waits_or_when_it_is_off(app, db_session):
    for flag in db_session.exec(select(Flag).where(Flag.clinic_id == 1)).all():
        flag.status = FlagStatus.RESOLVED
        db_session.add(flag)
    db_session.commit()
    assert run_digest(app, morning()) == 0  # off (the default), and the other clinic's flag is its own
    switch_on(db_session, 1)
    assert run_digest(app, morning()) == 0  # on, but nothing waits
    assert digests(db_session) == []
    switch_on(db_session, 2)  # the other clinic has an open flag
    assert run_digest(app, morning()) == 1
    assert [m.clinic_id for m in digests(db_session)] == [2]


def test_a_nurse_switches_the_digest_for_her_own_clinic_only(client, auth, db_session):
    auth.login("nurse")
    page = client.get("/nurse/queue").get_data(as_text=True)
    assert "Slå på e-posten om morgenen" in page
    response = client.post("/nurse/clinic/digest", data={"digest": "on", "clinic_id": "2"})
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(Clinic, 1).digest_enabled is True and db_session.get(Clinic, 2).digest_enabled is False
    assert db_session.exec(select(AuditEvent).where(AuditEvent.target == "clinic:1:digest_on")).one()
    assert "Slå av e-posten om morgenen" in client.get("/nurse/queue").get_data(as_text=True)
    assert client.post("/nurse/clinic/digest", data={"digest": "maybe"}).status_code == 400
    auth.logout()
    auth.login("patient")
    assert client.post("/nurse/clinic/digest", data={"digest": "off"}).status_code == 403
    db_session.expire_all()
    assert db_session.get(Clinic, 1).digest_enabled is True


# ------------------------------------------------------------------ on call
def on_call(db_session, email: str, *, on: bool = True):
    user = user_of(db_session, email)
    db_session.add(NotificationPrefs(user_id=user.id, on_call=on))
    db_session.add(PushSubscription(user_id=user.id, endpoint=f"https://push.example.org/{user.id}",
                                    p256dh="key", auth="auth"))
    db_session.commit()
    return user


def raise_one(app, level: str, email: str = "patient@example.org") -> Flag:
    with app.test_request_context(), Session(app.extensions["db_engine"], expire_on_commit=False) as session:
        patient = patient_of(session, email)
        flag = raise_flag(session, patient, source="symptom", code="symptom_report", level=level)
        session.commit()
        return flag


def test_a_new_urgent_or_emergency_flag_pushes_the_on_call_nurses_of_its_clinic_only(app, db_session):
    nina = on_call(db_session, "nurse@example.org")
    nils = on_call(db_session, "nurse2@example.org")  # on call at the other clinic
    flag = raise_one(app, "emergency")
    db_session.expire_all()
    rows = db_session.exec(select(OutboxMessage).where(OutboxMessage.kind == "flag_new")).all()
    device = db_session.exec(select(PushSubscription.id).where(PushSubscription.user_id == nina.id)).one()
    assert [(m.user_id, m.key, m.channel, m.url) for m in rows] == [
        (nina.id, f"flag:{flag.id}:oncall:{nina.id}:push:{device}", "push", "/nurse/queue")]
    assert (rows[0].title, rows[0].body) == ("NataHjem: en ny akutt sak venter", "En ny akutt sak venter i triagekøen.")
    assert rows[0].next_attempt_at <= datetime.now(UTC) + timedelta(seconds=5)  # no quiet hours when on call
    assert nils.id not in {m.user_id for m in rows}
    urgent = raise_one(app, "urgent")
    db_session.expire_all()
    assert db_session.exec(select(OutboxMessage.title).where(OutboxMessage.key.startswith(f"flag:{urgent.id}:"))
                           ).all() == ["NataHjem: en ny sak som haster, venter"]


def test_no_push_for_a_routine_flag_or_a_nurse_not_on_call(app, db_session):
    on_call(db_session, "nurse@example.org", on=False)
    raise_one(app, "urgent")
    db_session.expire_all()
    assert db_session.exec(select(OutboxMessage).where(OutboxMessage.kind == "flag_new")).all() == []
    db_session.get(NotificationPrefs, user_of(db_session, "nurse@example.org").id).on_call = True
    db_session.commit()
    raise_one(app, "routine")
    db_session.expire_all()
    assert db_session.exec(select(OutboxMessage).where(OutboxMessage.kind == "flag_new")).all() == []
