"""daily-checks: an overdue JCV test and a high JCV index each raise one routine flag (issue 6)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from sqlmodel import select

from webapp.checks import DAILY_CHECKS, run_daily_checks
from webapp.domain.clock import local_date
from webapp.models import Flag, JcvResult, Patient, User
from webapp.risk.checks import check_jcv_index_high, check_jcv_overdue

NOW = datetime.now(UTC)


def today() -> date:
    return local_date(NOW)


def patient_of(db_session, email: str) -> Patient:
    user = db_session.exec(select(User).where(User.email == email)).one()
    return db_session.exec(select(Patient).where(Patient.user_id == user.id)).one()


def flags(db_session, code: str) -> list[Flag]:
    db_session.expire_all()
    return db_session.exec(select(Flag).where(Flag.code == code).order_by(Flag.id)).all()


def run(app, db_session, now=NOW) -> int:
    with app.app_context():
        return run_daily_checks(db_session, now)


def test_the_jcv_checks_are_part_of_the_daily_checks():
    assert check_jcv_overdue in DAILY_CHECKS and check_jcv_index_high in DAILY_CHECKS


def test_a_jcv_test_older_than_6_months_raises_one_routine_flag_however_often_it_runs(app, db_session):
    emma = patient_of(db_session, "patient.en@example.org")  # the demo: negative, about 8 months ago
    run(app, db_session)
    run(app, db_session)
    raised = [f for f in flags(db_session, "jcv_overdue") if f.patient_id == emma.id]
    assert [(f.level, f.source, f.status) for f in raised] == [("routine", "monitoring", "open")]
    due = datetime.now(UTC).date() - timedelta(days=240) + relativedelta(months=6)  # the demo test + 6 months
    assert raised[0].dedupe_key == f"jcv_overdue:{emma.id}:{due.isoformat()}"


def test_a_current_jcv_test_raises_no_flag(app, db_session):
    per = patient_of(db_session, "patient@example.org")  # positive 0.7, two months ago
    run(app, db_session)
    assert [f for f in flags(db_session, "jcv_overdue") if f.patient_id == per.id] == []
    assert flags(db_session, "jcv_index_high") == []


def test_a_patient_on_treatment_without_any_jcv_result_is_flagged_too(app, db_session):
    kari = patient_of(db_session, "patient2@example.org")  # the demo: no result recorded
    run(app, db_session)
    raised = [f for f in flags(db_session, "jcv_overdue") if f.patient_id == kari.id]
    assert [f.dedupe_key for f in raised] == [f"jcv_overdue:{kari.id}:{kari.treatment_start.isoformat()}"]
    assert raised[0].clinic_id == kari.clinic_id


def test_a_new_test_that_goes_out_of_date_again_raises_a_new_flag(app, db_session):
    emma = patient_of(db_session, "patient.en@example.org")
    run(app, db_session)
    db_session.add(JcvResult(patient_id=emma.id, tested_on=today(), positive=False, recorded_by_id=1))
    db_session.commit()
    run(app, db_session)  # current now: nothing new
    assert len([f for f in flags(db_session, "jcv_overdue") if f.patient_id == emma.id]) == 1
    run(app, db_session, NOW + timedelta(days=200))
    run(app, db_session, NOW + timedelta(days=201))
    assert len([f for f in flags(db_session, "jcv_overdue") if f.patient_id == emma.id]) == 2


def test_a_positive_result_with_index_above_1_5_raises_one_flag_to_plan_a_change(app, db_session):
    per = patient_of(db_session, "patient@example.org")
    db_session.add(JcvResult(patient_id=per.id, tested_on=today(), positive=True, jcv_index=1.51, recorded_by_id=1))
    db_session.commit()
    result_id = db_session.exec(select(JcvResult.id).where(JcvResult.patient_id == per.id)
                                .order_by(JcvResult.id.desc())).first()
    run(app, db_session)
    run(app, db_session)
    raised = flags(db_session, "jcv_index_high")
    assert [(f.patient_id, f.level, f.dedupe_key) for f in raised] == [(per.id, "routine", f"jcv_index_high:{result_id}")]


def test_an_index_of_exactly_1_5_raises_no_flag(app, db_session):
    per = patient_of(db_session, "patient@example.org")
    db_session.add(JcvResult(patient_id=per.id, tested_on=today(), positive=True, jcv_index=1.5, recorded_by_id=1))
    db_session.commit()
    run(app, db_session)
    assert flags(db_session, "jcv_index_high") == []


def test_an_older_high_result_followed_by_a_lower_one_raises_no_flag(app, db_session):
    per = patient_of(db_session, "patient@example.org")
    db_session.add(JcvResult(patient_id=per.id, tested_on=today() - timedelta(days=100), positive=True,
                             jcv_index=2.0, recorded_by_id=1))
    db_session.commit()
    run(app, db_session)  # the latest result (0.7, two months ago) is what counts
    assert flags(db_session, "jcv_index_high") == []


def test_the_command_runs_the_jcv_checks_and_raises_each_flag_once(app, db_session):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["daily-checks"])
    second = runner.invoke(args=["daily-checks"])
    assert first.exit_code == 0 and second.exit_code == 0
    assert "daily checks done: 0 new flags" in second.output
    assert len(flags(db_session, "jcv_overdue")) == 2  # Emma (out of date) and Kari (none recorded)
