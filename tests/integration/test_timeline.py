"""The nurse's timeline of one patient: everything in time order, every open audited (issue 4)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import event
from sqlmodel import select

from webapp.models import AuditEvent, Injection, IntervalChange, Pickup, Prescription

from .reports import patient_of, user_of


def timeline_text(client, patient_id: int) -> str:
    html = client.get(f"/nurse/patients/{patient_id}/timeline").text
    main = html[html.index("<main"):html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_the_timeline_holds_doses_intervals_reports_flags_and_calls_newest_first(client, auth, db_session):
    emma = patient_of(db_session, "patient.en@example.org")
    nurse = user_of(db_session, "nurse@example.org")
    doses = db_session.exec(select(Injection).where(Injection.patient_id == emma.id).order_by(Injection.given_at)).all()
    withdrawn = doses[-1]
    withdrawn.withdrawn_at = datetime.now(UTC)
    db_session.add(withdrawn)
    db_session.add(IntervalChange(patient_id=emma.id, weeks=6, reason="Forlenget intervall etter JCV-svar",
                                  changed_by_id=nurse.id, changed_at=datetime.now(UTC) - timedelta(days=1)))
    db_session.add(Prescription(patient_id=emma.id, issued_on=date.today() - timedelta(days=40),
                                valid_until=date.today() + timedelta(days=325), entered_by_id=nurse.id))
    db_session.add(Pickup(patient_id=emma.id, client_id="pickup-1", picked_up_on=date.today() - timedelta(days=35),
                          pharmacy="Vitusapotek Majorstuen", syringes=6))
    db_session.commit()
    auth.login("nurse")
    text = timeline_text(client, emma.id)
    order = ["Doseintervall satt til 6 uker", "Lukket", "Ringt: fikk tak i pasienten", "Ringt: fikk ikke svar", "Tatt",
             "Sak opprettet", "Feber 38 °C eller mer", "Trukket tilbake av pasienten", "Henting på apoteket",
             "H-resept utstedt", "Injeksjonsopplæring gjennomført", "Hjemmebehandling godkjent"]
    positions = [text.find(marker) for marker in order]
    assert -1 not in positions, [m for m, p in zip(order, positions, strict=True) if p == -1]
    assert positions == sorted(positions)
    assert text.count("Dose under tilsyn på klinikken (SC)") == 6
    assert "Forlenget intervall etter JCV-svar" in text
    assert "28 dager siden forrige dose" in text
    assert "33 dager siden forrige dose: senere enn intervallet" in text  # the one late dose of the demo
    assert "Neste dose venter til pasienten er sett" in text  # the outcome of Emma's demo flag


def test_every_open_of_the_timeline_is_audited(client, auth, db_session):
    per = patient_of(db_session, "patient@example.org")
    nurse = user_of(db_session, "nurse@example.org")
    auth.login("nurse")
    client.get(f"/nurse/patients/{per.id}/timeline")
    client.get(f"/nurse/patients/{per.id}/timeline")
    events = db_session.exec(select(AuditEvent).where(AuditEvent.patient_id == per.id)).all()
    assert [(e.action, e.actor_id, e.target) for e in events] == [("read", nurse.id, "nurse.timeline")] * 2


def test_a_nurse_of_another_clinic_cannot_open_the_timeline(client, auth, db_session):
    per = patient_of(db_session, "patient@example.org")
    auth.login("nurse2")
    assert client.get(f"/nurse/patients/{per.id}/timeline").status_code == 404
    assert db_session.exec(select(AuditEvent).where(AuditEvent.patient_id == per.id)).all() == []


def test_the_timeline_makes_the_same_number_of_queries_with_a_longer_history(app, client, auth, db_session):
    per = patient_of(db_session, "patient@example.org")
    auth.login("nurse")
    statements = []
    engine = app.extensions["db_engine"]

    def count(*_args):
        statements.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        client.get(f"/nurse/patients/{per.id}/timeline")
        short = len(statements)
        for n in range(30):
            db_session.add(Injection(patient_id=per.id, client_id=f"old-{n}", site_1="thigh_left", site_2="thigh_right",
                                     given_at=datetime(2020, 1, 1, tzinfo=UTC) + timedelta(days=28 * n),
                                     created_by_id=per.user_id))
        db_session.commit()
        statements.clear()
        client.get(f"/nurse/patients/{per.id}/timeline")
        assert len(statements) == short
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_the_timeline_shows_twelve_months_at_a_time_with_a_link_to_the_year_before(client, auth, db_session):
    per = patient_of(db_session, "patient@example.org")
    per.treatment_start = date.today() - timedelta(days=600)  # two years on treatment
    old = Injection(patient_id=per.id, client_id="old-dose", given_at=datetime.now(UTC) - timedelta(days=500),
                    site_1="thigh_left", site_2="thigh_right", batch_1="OLD-BATCH-17", created_by_id=per.user_id)
    db_session.add(old)
    db_session.commit()
    auth.login("nurse")
    latest = client.get(f"/nurse/patients/{per.id}/timeline").text
    assert "OLD-BATCH-17" not in latest
    earlier = re.search(r'href="(/nurse/patients/\d+/timeline\?until=[\d-]+)"', latest).group(1)
    assert "OLD-BATCH-17" in client.get(earlier).text
    assert client.get(f"/nurse/patients/{per.id}/timeline?until=not-a-date").status_code == 200
