"""The start page reads JCV results, checks and supervised doses in one statement (issue 7); its
calendar must be the one the risk pages compute from the full records, for every demo patient."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Session, select

from webapp.domain.clock import local_date
from webapp.models import JcvResult, Patient
from webapp.risk.records import calendar_for, jcv_results, monitoring_calendar, monitoring_record


def test_the_one_statement_reading_gives_the_same_calendar_as_the_full_records(app):
    today = local_date(datetime.now(UTC))
    with Session(app.extensions["db_engine"]) as session:
        patients = session.exec(select(Patient)).all()
        with_jcv = 0
        for patient in patients:
            record = monitoring_record(session, patient.id)
            fast = monitoring_calendar(session, patient, today, jcv=record.latest_jcv, checks=record.checks,
                                       jcv_dates=record.jcv_dates)
            session.rollback()  # forgets the shared reads: the reference reads everything again
            assert fast == calendar_for(session, patient, today), patient.id
            results = jcv_results(session, patient.id)
            assert record.jcv_dates == [r.tested_on for r in results]
            if results:
                with_jcv += 1
                assert (record.latest_jcv.positive, record.latest_jcv.jcv_index) == \
                    (results[0].positive, results[0].jcv_index)
        assert with_jcv >= 2  # the demo data has JCV results to compare, not only empty records


def test_a_correction_on_the_same_test_date_is_the_latest_result(app):
    with Session(app.extensions["db_engine"]) as session:
        patient = session.exec(select(Patient)).first()
        nurse_id = patient.home_approved_by_id or patient.user_id
        for index, at in ((0.5, datetime(2026, 1, 2, 9, tzinfo=UTC)), (2.1, datetime(2026, 1, 3, 9, tzinfo=UTC))):
            session.add(JcvResult(patient_id=patient.id, tested_on=date(2099, 1, 1), positive=True, jcv_index=index,
                                  recorded_by_id=nurse_id, recorded_at=at))
        session.commit()
        assert monitoring_record(session, patient.id).latest_jcv.jcv_index == 2.1
