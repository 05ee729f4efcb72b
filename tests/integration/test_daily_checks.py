"""Date-driven flags raised by `flask --app webapp daily-checks` (issue 3: rebound risk)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from webapp.domain.clock import OSLO
from webapp.models import Flag, Injection, Patient


def run_checks(app, now: datetime) -> str:
    result = app.test_cli_runner().invoke(args=["daily-checks", "--now", now.isoformat()])
    assert result.exit_code == 0, result.output
    return result.output


def rebound_flags(db_session, patient_id=None):
    db_session.expire_all()
    query = select(Flag).where(Flag.code == "rebound_risk")
    if patient_id is not None:
        query = query.where(Flag.patient_id == patient_id)
    return db_session.exec(query).all()


def last_dose(db_session, patient_id):
    return db_session.exec(select(Injection).where(Injection.patient_id == patient_id)
                           .order_by(Injection.given_at.desc())).first()


def test_no_rebound_flag_on_day_55_one_on_day_56_and_not_again_on_day_57(app, db_session):
    patient = db_session.get(Patient, 1)
    last_day = last_dose(db_session, patient.id).given_at.astimezone(OSLO).date()
    noon = lambda days: datetime.combine(last_day + timedelta(days=days), datetime.min.time(), OSLO).replace(hour=12)  # noqa: E731
    run_checks(app, noon(55))
    assert rebound_flags(db_session, patient.id) == []
    run_checks(app, noon(56))
    flags = rebound_flags(db_session, patient.id)
    assert [(f.level, f.source) for f in flags] == [("urgent", "schedule")]
    run_checks(app, noon(57))
    assert len(rebound_flags(db_session, patient.id)) == 1


def test_running_daily_checks_twice_raises_each_overdue_flag_once(app, db_session):
    later = datetime.now(UTC) + timedelta(days=120)
    first = run_checks(app, later)
    count = len(rebound_flags(db_session))
    assert count == 3  # every demo patient is past 8 weeks by then
    second = run_checks(app, later)
    assert len(rebound_flags(db_session)) == count
    assert "0 new flags" in second and "0 new flags" not in first


def test_a_new_dose_after_a_rebound_flag_allows_a_flag_for_the_next_gap(app, db_session):
    patient = db_session.get(Patient, 1)
    last = last_dose(db_session, patient.id)
    run_checks(app, last.given_at + timedelta(days=60))
    new = Injection(patient_id=patient.id, client_id="late-dose", given_at=last.given_at + timedelta(days=61),
                    site_1="thigh_left", site_2="thigh_right", created_by_id=patient.user_id)
    db_session.add(new)
    db_session.commit()
    run_checks(app, new.given_at + timedelta(days=57))
    assert len(rebound_flags(db_session, patient.id)) == 2


def test_the_start_page_tells_the_patient_to_contact_the_clinic_from_8_weeks(client, auth, db_session):
    patient = db_session.get(Patient, 1)
    for injection in db_session.exec(select(Injection).where(Injection.patient_id == patient.id)):
        injection.given_at -= timedelta(days=40)  # last dose now 60 days ago
        db_session.add(injection)
    db_session.commit()
    auth.login("patient")
    page = client.get("/").text
    assert "Det er 8 uker eller mer siden forrige dose. Kontakt klinikken i dag" in page
    assert "Forsinket med 32 dager" in page
