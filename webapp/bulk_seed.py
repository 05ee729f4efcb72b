"""A large, realistic data set for the benchmark and the fault test (issue 7): many clinics, many
patients, years of history each. Bulk inserts through SQLAlchemy Core, so it takes minutes, not hours.

Every patient gets: six supervised doses, then home doses every 4-6 weeks (two syringes, rotating
sites), a pickup of 6 syringes every ~12 weeks on a yearly H-resept, a few symptom reports, flags
with their events for the urgent ones, and audit events for the nurse's reads. All accounts share
one password hash (hashing 10,000 Argon2 passwords would take longer than the rest together).
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import insert, text
from sqlmodel import SQLModel

from .domain.clock import OSLO
from .models import (
    AuditEvent,
    Clinic,
    Flag,
    FlagEvent,
    Injection,
    Patient,
    Pickup,
    Prescription,
    SupervisedDose,
    SymptomReport,
    TotpSecret,
    User,
)

# Bench data only; seed-large refuses to run in production.
BENCH_PASSWORD = "bench-password-2026"  # noqa: S105  # nosec B105
BENCH_TOTP_SECRET = "BENCHBENCHBENCHBENCHBENCHBENCH23"  # noqa: S105  # nosec B105  (the bench nurses' code app)
SITES = ["thigh_left", "thigh_right", "abdomen_left", "abdomen_right", "upper_arm_left", "upper_arm_right"]
ROUTINE_CODES = ["fatigue", "headache_mild", "injection_site_mild", "joint_muscle_pain", "cold_no_fever"]
URGENT_CODES = ["limb_weakness", "numbness_tingling", "fever", "vision_change", "balance_walking"]
BATCH = 5000


def _at(day: date, hour: int = 19) -> datetime:
    return datetime.combine(day, time(hour, 30), OSLO).astimezone(UTC)


# Parents before children, so that a batch never refers to a row not yet written.
ORDER = [Clinic, User, TotpSecret, Patient, SupervisedDose, Prescription, Pickup, Injection, SymptomReport, Flag, FlagEvent,
         AuditEvent]


class Loader:
    """Collects rows per table and writes them in batches, keeping ids in Python."""

    def __init__(self, connection):
        self.connection = connection
        self.rows: dict[type, list[dict]] = {model: [] for model in ORDER}
        self.next_id: dict[type, int] = {}

    def add(self, model: type[SQLModel], **values) -> int:
        new_id = self.next_id.get(model, 1)
        self.next_id[model] = new_id + 1
        self.rows[model].append({"id": new_id, **values})
        if len(self.rows[model]) >= BATCH:
            self.flush()
        return new_id

    def flush(self) -> None:
        for model in ORDER:
            if self.rows[model]:
                self.connection.execute(insert(model.__table__), self.rows[model])
                self.rows[model] = []


def seed(engine, passwords, *, clinics: int, patients: int, years: int, today: date, seed_value: int = 2026) -> dict:
    """Fill an empty database; returns the number of rows per table."""
    # Repeatable fake data, not secrets.
    rng = random.Random(seed_value)  # noqa: S311  # nosec B311
    password_hash = passwords.hash(BENCH_PASSWORD)
    counts: dict[str, int] = {}
    with engine.begin() as connection:
        loader = Loader(connection)
        nurses: dict[int, list[int]] = {}
        for c in range(clinics):
            clinic_id = loader.add(Clinic, name=f"Bench klinikk {c + 1}", phone="", opening_hours="",
                                   triage_email="")
            nurses[clinic_id] = [
                loader.add(User, email=f"nurse{c + 1}.{n + 1}@bench.example", full_name=f"Nurse {c + 1}.{n + 1}",
                           password_hash=password_hash, role="nurse", locale="nb", clinic_id=clinic_id,
                           session_generation=0, created_at=_at(today))
                for n in range(3)
            ]
            for nurse_id in nurses[clinic_id]:  # production asks nurses for a second factor (finding 2)
                loader.add(TotpSecret, user_id=nurse_id, secret=BENCH_TOTP_SECRET, confirmed_at=_at(today),
                           last_counter=0, created_at=_at(today))
        clinic_ids = list(nurses)
        for p in range(patients):
            clinic_id = clinic_ids[p % len(clinic_ids)]
            nurse_id = nurses[clinic_id][p % 3]
            user_id = loader.add(User, email=f"patient{p + 1}@bench.example", full_name=f"Patient {p + 1}",
                                 password_hash=password_hash, role="patient", locale="nb" if p % 5 else "en",
                                 clinic_id=clinic_id, session_generation=0, created_at=_at(today))
            start = today - timedelta(days=365 * years + rng.randint(0, 60))
            approved = start + timedelta(weeks=22)
            patient_id = loader.add(
                Patient, user_id=user_id, clinic_id=clinic_id, birth_year=rng.randint(1960, 2002),
                treatment_start=start, dose_interval_weeks=4, interval_reason="", training_done_on=approved,
                reaction_cleared_note="", home_approved_at=_at(approved, 9), home_approved_by_id=nurse_id,
                prior_immunosuppressant=rng.random() < 0.3, order_lead_days=14, created_at=_at(start, 9))
            _history(loader, rng, patient_id, user_id, clinic_id, nurse_id, start, approved, today)
        loader.flush()
        for model in ORDER:
            counts[model.__tablename__] = loader.next_id.get(model, 1) - 1
        if connection.dialect.name == "postgresql":
            # Ids were given here, so move each sequence past them or the next insert would collide.
            # The table names are our own model names, never input.
            for model in ORDER:
                sql = "SELECT setval(pg_get_serial_sequence('\"{t}\"', 'id'), (SELECT COALESCE(MAX(id), 1) FROM \"{t}\"))"
                connection.execute(text(sql.format(t=model.__tablename__)))
        if connection.dialect.name == "sqlite":
            connection.execute(text("ANALYZE"))  # statistics for the planner, as below
    if engine.dialect.name == "postgresql":
        # Statistics for the planner and the visibility map: right after a bulk load PostgreSQL plans
        # from empty statistics and autovacuum then works through a million new rows while the pages
        # are measured (the benchmark's PostgreSQL pages ran at half speed). A real bulk import should
        # end like this too. VACUUM cannot run inside a transaction.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM (ANALYZE)"))
    return counts


def _history(loader, rng, patient_id, user_id, clinic_id, nurse_id, start, approved, today) -> None:
    for n in range(6):
        loader.add(SupervisedDose, patient_id=patient_id, given_on=start + timedelta(weeks=4 * n), route="sc",
                   reaction=False, reaction_note="", recorded_by_id=nurse_id, recorded_at=_at(start, 9))
    # A yearly H-resept and a pickup of three doses about every 12 weeks (facts R2, R3).
    issued = approved
    prescription_id = None
    pickup_day = approved
    while pickup_day <= today:
        if prescription_id is None or pickup_day >= issued + timedelta(days=365):
            issued = pickup_day
            prescription_id = loader.add(Prescription, patient_id=patient_id, issued_on=issued,
                                         valid_until=issued + timedelta(days=365), clinic_name="",
                                         entered_by_id=nurse_id, confirmed_by_id=nurse_id,
                                         confirmed_at=_at(issued, 10), created_at=_at(issued, 10))
        loader.add(Pickup, patient_id=patient_id, client_id=str(uuid.UUID(int=rng.getrandbits(128))),
                   picked_up_on=pickup_day, pharmacy="Apotek 1", syringes=6, prescription_id=prescription_id,
                   into_fridge=True, cold_chain_problem="none", note="", created_at=_at(pickup_day, 15))
        pickup_day += timedelta(weeks=12)
    day = approved + timedelta(weeks=4)
    n = 0
    while day <= today:
        site_1, site_2 = SITES[(2 * n) % 6], SITES[(2 * n + 1) % 6]
        given_at = _at(day)
        loader.add(
            Injection, patient_id=patient_id, client_id=str(uuid.UUID(int=rng.getrandbits(128))), given_at=given_at,
            place="home", syringes=2, site_1=site_1, batch_1=f"B{day.year}{n % 9}", site_2=site_2,
            batch_2=f"B{day.year}{n % 9}", reaction=False, note="", checklist={}, confirmed_close_to_other=False,
            created_at=given_at, created_by_id=user_id)
        if rng.random() < 0.08:  # a symptom report now and then, one in four urgent
            urgent = rng.random() < 0.25
            code = rng.choice(URGENT_CODES if urgent else ROUTINE_CODES)
            reported_at = given_at + timedelta(days=rng.randint(1, 20))
            if reported_at.date() <= today:
                report_id = loader.add(
                    SymptomReport, patient_id=patient_id, client_id=str(uuid.UUID(int=rng.getrandbits(128))),
                    reported_at=reported_at, source="report", codes=[code], started_on=reported_at.date(),
                    within_2h_of_injection=False, lasted_over_24h=urgent, getting_worse=False, fever=code == "fever",
                    sudden_onset=False, reported_by_other=False, free_text="", level="urgent" if urgent else "routine",
                    reasons=[f"item:{code}"], injection_id=None)
                if urgent:
                    _flag(loader, patient_id, clinic_id, nurse_id, report_id, reported_at, today)
        if rng.random() < 0.3:
            loader.add(AuditEvent, at=given_at + timedelta(days=2), actor_id=nurse_id, patient_id=patient_id,
                       action="read", target="nurse.patient")
        day += timedelta(weeks=rng.choice((4, 4, 4, 5, 6)))  # every 4-6 weeks (issue 7)
        n += 1


def _flag(loader, patient_id, clinic_id, nurse_id, report_id, raised_at, today) -> None:
    recent = (today - raised_at.date()).days < 3
    flag_id = loader.add(
        Flag, patient_id=patient_id, clinic_id=clinic_id, source="symptom", code="report_report", level="urgent",
        status="open" if recent else "resolved", dedupe_key=None, created_at=raised_at,
        due_by=raised_at + timedelta(days=1), symptom_report_id=report_id, injection_id=None,
        assigned_nurse_id=None if recent else nurse_id, outcome="" if recent else "advice_given",
        resolved_at=None if recent else raised_at + timedelta(hours=20))
    loader.add(FlagEvent, flag_id=flag_id, at=raised_at, actor_id=None, kind="created", outcome="", note="")
    if not recent:
        for hours, kind in ((2, "taken"), (3, "call_reached"), (4, "resolved")):
            loader.add(FlagEvent, flag_id=flag_id, at=raised_at + timedelta(hours=hours), actor_id=nurse_id,
                       kind=kind, outcome="advice_given" if kind == "resolved" else "", note="")
