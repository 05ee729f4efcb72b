"""daily-checks raises each supply and H-resept flag once; the calendar feed carries the order-by and
renewal dates in the patient's language (issue 5)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta

from sqlmodel import select

from webapp.checks import run_daily_checks
from webapp.domain.supply import prescription_renewal_date
from webapp.models import Flag
from webapp.pharmacy.forecast import patient_supply
from webapp.pharmacy.providers import supply_events

from .pharmacy_data import add_dose, add_pickup, add_prescription, clear_supply, flags, patient_of, today


def at(days_from_today: int) -> datetime:
    """Noon, Oslo summer or winter alike, `days_from_today` days from now."""
    return datetime.combine(today() + timedelta(days=days_from_today), time(11, 0), UTC)


def check(app, db_session, patient, days_from_today: int) -> int:
    """Run daily-checks on that day; the number of new supply flags for this patient."""
    before = len(flags(db_session, patient))
    with app.app_context():
        run_daily_checks(db_session, at(days_from_today))
    return len(flags(db_session, patient)) - before


def codes(db_session, patient) -> list[tuple[str, str]]:
    return [(flag.code, flag.level) for flag in flags(db_session, patient)]


def used_up(db_session, patient) -> None:
    """Six syringes picked up and three doses given, the last 4 days ago: the next dose is in 24 days."""
    clear_supply(db_session, patient)
    add_prescription(db_session, patient, 80)
    add_pickup(db_session, patient, 70)
    for days_ago in (60, 32, 4):
        add_dose(db_session, patient, days_ago)


def test_no_supply_is_flagged_routine_weeks_ahead_then_urgent_within_the_lead_time_each_once(app, db_session):
    patient = patient_of(db_session)
    used_up(db_session, patient)
    assert check(app, db_session, patient, 0) == 1
    assert check(app, db_session, patient, 0) == 0
    assert check(app, db_session, patient, 9) == 0  # 15 days before the dose: still routine
    assert codes(db_session, patient) == [("no_supply_for_next_dose", "routine")]
    assert check(app, db_session, patient, 10) == 1  # 14 days before the dose
    assert check(app, db_session, patient, 11) == 0
    assert codes(db_session, patient) == [("no_supply_for_next_dose", "routine"), ("no_supply_for_next_dose", "urgent")]
    due = today() + timedelta(days=24)
    assert flags(db_session, patient)[1].dedupe_key == f"supply:no_supply_for_next_dose:{patient.id}:{due}:urgent"


def test_a_new_pickup_ends_the_warning_and_a_later_run_out_can_warn_again(app, db_session):
    patient = patient_of(db_session)
    used_up(db_session, patient)
    check(app, db_session, patient, 0)
    add_pickup(db_session, patient, 0, syringes=2)  # one more dose: the next run-out is 4 weeks later
    assert check(app, db_session, patient, 1) == 0
    add_dose(db_session, patient, -24)  # the dose is given on its due day
    assert check(app, db_session, patient, 25) == 1
    assert [flag.dedupe_key.split(":")[3] for flag in flags(db_session, patient)] == [
        str(today() + timedelta(days=24)), str(today() + timedelta(days=52))]


def test_order_by_passed_is_flagged_once_and_shown_to_the_patient(app, client, auth, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    patient.order_lead_days = 60  # this pharmacy needs two months' notice
    db_session.add(patient)
    add_prescription(db_session, patient, 20)
    add_pickup(db_session, patient, 15, syringes=4)
    add_dose(db_session, patient, 10)  # two syringes left: enough for the dose in 18 days, run-out in 46
    assert check(app, db_session, patient, 0) == 1
    assert check(app, db_session, patient, 1) == 0
    [flag] = flags(db_session, patient)
    assert (flag.code, flag.level) == ("order_by_passed", "routine")
    assert flag.dedupe_key == f"supply:order_by_passed:{patient.id}:{today() - timedelta(days=14)}"
    auth.login("patient")
    client.post("/language", data={"lang": "en"})
    assert "Order natalizumab from the pharmacy now: the order-by date was" in client.get("/").text


def test_prescription_renewal_is_one_flag_whether_it_expires_soon_or_before_the_next_pickup(app, db_session):
    patient = patient_of(db_session)  # demo: valid until in 30 days, before the run-out in 74 days
    valid_until = patient_supply(db_session, patient, today()).prescription.valid_until
    assert check(app, db_session, patient, 0) == 1
    assert check(app, db_session, patient, 20) == 0
    [flag] = flags(db_session, patient)
    assert (flag.code, flag.level) == ("prescription_expires_soon", "routine")
    assert flag.dedupe_key == f"supply:prescription_renewal:{patient.id}:{valid_until}"
    # renewed: the new H-resept expires in a year, so nothing more
    add_prescription(db_session, patient, 0)
    assert check(app, db_session, patient, 21) == 0


def test_a_prescription_expiring_before_the_next_pickup_is_flagged_before_the_six_weeks(app, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    add_prescription(db_session, patient, 300, valid_until=today() + timedelta(days=50))
    add_pickup(db_session, patient, 5)
    add_dose(db_session, patient, 4)  # 4 syringes: run-out in 80 days, after the H-resept ends
    assert check(app, db_session, patient, 0) == 1
    assert check(app, db_session, patient, 10) == 0  # now also within 6 weeks: the same renewal
    assert codes(db_session, patient) == [("prescription_expires_before_pickup", "routine")]


def test_an_expired_prescription_is_flagged_once(app, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    add_prescription(db_session, patient, 400)
    add_pickup(db_session, patient, 40, syringes=6)
    add_dose(db_session, patient, 4)
    assert check(app, db_session, patient, 0) == 1
    assert check(app, db_session, patient, 3) == 0
    assert codes(db_session, patient) == [("prescription_expired", "routine")]


def test_a_count_below_zero_is_flagged_once_as_a_question(app, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    add_prescription(db_session, patient, 20)
    add_pickup(db_session, patient, 15, syringes=2)
    add_dose(db_session, patient, 12)
    add_dose(db_session, patient, 2, syringes=1)  # one syringe more than picked up
    assert check(app, db_session, patient, 0) == 1
    assert check(app, db_session, patient, 1) == 0
    assert codes(db_session, patient) == [("supply_needs_check", "routine")]


def test_patients_not_treated_at_home_get_no_supply_flags(app, db_session):
    patient = patient_of(db_session)
    used_up(db_session, patient)
    patient.home_approved_at = None
    db_session.add(patient)
    db_session.commit()
    check(app, db_session, patient, 12)
    assert flags(db_session, patient) == []


def test_the_daily_checks_command_raises_every_flag_once(app, db_session):
    runner = app.test_cli_runner()
    before = len(db_session.exec(select(Flag)).all())
    first = runner.invoke(args=["daily-checks"]).output
    second = runner.invoke(args=["daily-checks"]).output
    per = patient_of(db_session)
    assert [(f.code, f.level) for f in flags(db_session, per)] == [("prescription_expires_soon", "routine")]
    raised = int(re.search(r"(\d+) new flags", first).group(1))
    assert raised >= 1 and raised == len(db_session.exec(select(Flag)).all()) - before
    assert "daily checks done: 0 new flags" in second


def test_the_calendar_has_the_order_by_and_renewal_dates_in_the_patients_language(app, db_session):
    per, emma = patient_of(db_session), patient_of(db_session, "patient.en@example.org")
    # Per's H-resept expires in 30 days: its renewal day has passed, so only the order-by date is left
    per_supply = patient_supply(db_session, per, today())
    emma_supply = patient_supply(db_session, emma, today())
    with app.test_request_context(headers={"Accept-Language": "en"}):
        per_events = supply_events(per, today())
        emma_events = supply_events(emma, today())
    assert [(day, summary) for day, summary, _text in per_events] == [
        (per_supply.status.order_by, "Bestill natalizumab fra apoteket")]
    assert "før sprøytene dine går tom" in per_events[0][2]
    assert [(day, summary) for day, summary, _text in emma_events] == [
        (emma_supply.status.order_by, "Order natalizumab from the pharmacy"),
        (prescription_renewal_date(emma_supply.prescription.valid_until), "Ask the clinic to renew your H-resept"),
    ]
    assert "Your H-resept expires on" in emma_events[1][2]


def test_the_calendar_leaves_out_dates_that_have_passed(app, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    add_prescription(db_session, patient, 300)  # renewal day in 23 days
    add_pickup(db_session, patient, 70)
    for days_ago in (60, 32, 4):
        add_dose(db_session, patient, days_ago)  # used up: order by 10 days from now
    with app.test_request_context():
        assert [day for day, _s, _t in supply_events(patient, today())] == [
            today() + timedelta(days=10), today() + timedelta(days=23)]
        assert [day for day, _s, _t in supply_events(patient, today() + timedelta(days=11))] == [
            today() + timedelta(days=23)]


def test_the_calendar_has_no_supply_events_without_a_history(app, db_session):
    patient = patient_of(db_session)
    clear_supply(db_session, patient)
    with app.test_request_context():
        assert supply_events(patient, today()) == []
