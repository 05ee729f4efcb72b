"""SQLModel tables. Times are aware UTC in Python and stored as UTC (DESIGN.md)."""
# SQLModel resolves relationship annotations at runtime, so no `from __future__ import annotations` here.

from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Optional

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, Relationship, SQLModel


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes on every database: SQLite keeps no zone, so store naive UTC, return aware."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass aware UTC datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=UTC)


# Named constraints, so that migrations can alter them on every database (SQLite batch mode too).
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def utc_field(**kwargs):
    return Field(sa_type=UTCDateTime, **kwargs)


class Role(StrEnum):
    PATIENT = "patient"
    NURSE = "nurse"
    # Issue 15 §5: someone a patient invited to help, who sees and does only what she granted (RelativeGrant).
    RELATIVE = "relative"


class Clinic(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    phone: str = Field(default="", max_length=40)
    opening_hours: str = Field(default="", max_length=200)  # free text of older rows; no longer shown (issue 13)
    # Issue 13: when the phone is answered on working days (Oslo time). Callback due times fall inside
    # them (walk defect 15), and the patient's "Ring klinikken" button says when to call.
    opens_at: time = Field(default=time(8, 0))
    closes_at: time = Field(default=time(15, 30))
    # Working days within which the clinic answers a non-urgent message (shown to the patient).
    reply_days: int = Field(default=2)
    triage_email: str = Field(default="", max_length=254)
    # A morning e-mail to the triage address: how many flags wait and how many are past due (issue 12).
    digest_enabled: bool = Field(default=False)

    users: list["User"] = Relationship(back_populates="clinic")
    patients: list["Patient"] = Relationship(back_populates="clinic")


class User(UserMixin, SQLModel, table=True):
    # An address is unique within a clinic, not across clinics (security finding 12): a nurse enrolling a
    # patient learns nothing about accounts at other clinics, and a patient who moves can be enrolled by
    # the new clinic. Sign-in finds the account by address and password (auth/accounts.py).
    __table_args__ = (sa.UniqueConstraint("clinic_id", "email", name="uq_user_clinic_email"),)

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, index=True)
    full_name: str = Field(max_length=200)
    password_hash: str | None = Field(default=None, max_length=255)  # None until the invitation is used
    role: Role = Field(sa_type=sa.String(20))
    locale: str = Field(default="nb", max_length=5)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    # Raised on logout and password change: every session cookie carrying an older value is dead.
    session_generation: int = Field(default=0)
    created_at: datetime = utc_field(default_factory=utcnow)
    # Security finding 18: a clinic admin (a nurse) manages her clinic's nurse accounts; a deactivated
    # account cannot sign in, and its sessions end (flask-login's is_active, and load_user).
    is_admin: bool = Field(default=False)
    active: bool = Field(default=True)

    clinic: "Clinic" = Relationship(back_populates="users")
    patient: Optional["Patient"] = Relationship(
        back_populates="user", sa_relationship_kwargs={"foreign_keys": "Patient.user_id", "uselist": False}
    )

    def get_id(self) -> str:
        """The session cookie carries the generation too, so that raising it ends the session."""
        return f"{self.id}.{self.session_generation}"

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_nurse(self) -> bool:
        return self.role == Role.NURSE

    @property
    def is_patient(self) -> bool:
        return self.role == Role.PATIENT

    @property
    def is_relative(self) -> bool:
        return self.role == Role.RELATIVE


class Patient(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", sa_column_kwargs={"unique": True})
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    birth_year: int | None = Field(default=None)
    # First natalizumab dose (IV or SC): exposure for the PML risk counts from here (facts P2).
    treatment_start: date | None = Field(default=None)
    # Interval set by the clinic: 4 weeks unless a clinician chose longer, with a reason (facts I1, I3).
    dose_interval_weeks: int = Field(default=4)
    interval_reason: str = Field(default="", max_length=500)
    training_done_on: date | None = Field(default=None)
    # A reaction during the supervised doses keeps home treatment closed until a clinician decides (H4).
    reaction_cleared_at: datetime | None = utc_field(default=None, nullable=True)
    reaction_cleared_by_id: int | None = Field(default=None, foreign_key="user.id")
    reaction_cleared_note: str = Field(default="", max_length=500)
    home_approved_at: datetime | None = utc_field(default=None, nullable=True)
    home_approved_by_id: int | None = Field(default=None, foreign_key="user.id")
    # Earlier immunosuppressive treatment raises the PML risk (facts P2); recorded by the clinic.
    prior_immunosuppressant: bool = Field(default=False)
    # Private calendar feed: only a hash of the token is kept; a new token revokes the old one.
    calendar_token_hash: str | None = Field(default=None, max_length=64, sa_column_kwargs={"unique": True})
    # Days before run-out by which to contact the pharmacy (issue 5; 14 by default).
    order_lead_days: int = Field(default=14)
    # The patient's mobile number in E.164 ("+4791234567"), "" when unknown (issue 13, webapp/phones.py).
    phone: str = Field(default="", max_length=20)
    created_at: datetime = utc_field(default_factory=utcnow)
    # Issue 15 §4: the patient asked to close her account; a clinic admin confirms (webapp/closing/).
    closing_requested_at: datetime | None = utc_field(default=None, nullable=True)
    closed_at: datetime | None = utc_field(default=None, nullable=True)

    user: "User" = Relationship(
        back_populates="patient", sa_relationship_kwargs={"foreign_keys": "Patient.user_id"}
    )
    clinic: "Clinic" = Relationship(back_populates="patients")

    @property
    def home_approved(self) -> bool:
        return self.home_approved_at is not None


class Invitation(SQLModel, table=True):
    """A single-use link with which a patient sets a password. Only a hash of the token is stored."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    token_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    created_by_id: int = Field(foreign_key="user.id")
    created_at: datetime = utc_field(default_factory=utcnow)
    expires_at: datetime = utc_field()
    used_at: datetime | None = utc_field(default=None, nullable=True)
    # Issue 13: "invitation" (first password), "reset" (a link by e-mail, asked for by the patient or
    # a nurse), "in_person" (a 15-minute link a nurse shows at the clinic).
    kind: str = Field(default="invitation", max_length=12)
    # An in-person reset is told to the patient at the next sign-in; set when that was shown.
    told_at: datetime | None = utc_field(default=None, nullable=True)


class WebAuthnCredential(SQLModel, table=True):
    """A passkey, the first choice of second factor (security finding 2). Only the public key is kept."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    credential_id: str = Field(max_length=400, sa_column_kwargs={"unique": True})  # base64url, as browsers send it
    public_key: bytes = Field(sa_type=sa.LargeBinary)
    sign_count: int = Field(default=0)
    name: str = Field(default="", max_length=60)  # the user's name for it, e.g. "Work PC"
    created_at: datetime = utc_field(default_factory=utcnow)
    last_used_at: datetime | None = utc_field(default=None, nullable=True)


class TotpSecret(SQLModel, table=True):
    """A code app's shared secret (RFC 6238), the fallback second factor. It counts only once confirmed
    with a code; `last_counter` is the newest 30-second step used, so that no code works twice."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", sa_column_kwargs={"unique": True})
    secret: str = Field(max_length=64)
    confirmed_at: datetime | None = utc_field(default=None, nullable=True)
    last_counter: int = Field(default=0)
    created_at: datetime = utc_field(default_factory=utcnow)


class RecoveryCode(SQLModel, table=True):
    """One of ten single-use codes for a lost phone or key; only an Argon2 hash is kept."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    code_hash: str = Field(max_length=255)
    created_at: datetime = utc_field(default_factory=utcnow)
    used_at: datetime | None = utc_field(default=None, nullable=True)


class LoginAttempt(SQLModel, table=True):
    """Failed logins per e-mail address and source, known or not, so that lock-out answers the same for
    both. `email` holds a keyed hash of address and source (auth/accounts.attempt_key), never the text."""

    email: str = Field(primary_key=True, max_length=254)
    failures: int = Field(default=0)
    locked_until: datetime | None = utc_field(default=None, nullable=True)
    last_at: datetime | None = utc_field(default=None, nullable=True)  # for the retention rule (finding 18)


class ClockRun(SQLModel, table=True):
    """One row per hour in which the clock ran the daily checks (`daily-checks --once-per-hour`): the hour
    is the primary key, so when two clocks run (two machines) the second finds the hour taken and skips."""

    __tablename__ = "clock_run"

    hour: str = Field(primary_key=True, max_length=13)  # UTC, "2026-12-03T14"
    runner: str = Field(default="", max_length=120)  # host and process id, for the operator
    started_at: datetime = utc_field()
    finished_at: datetime | None = utc_field(default=None, nullable=True)


class AuditEvent(SQLModel, table=True):
    """Who read or changed which patient's data, and when. Holds no health data itself."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = utc_field(default_factory=utcnow, index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    patient_id: int | None = Field(default=None, foreign_key="patient.id", index=True)
    action: str = Field(max_length=40)  # e.g. "read", "create", "update", "refused" (another clinic's record)
    target: str = Field(default="", max_length=120)  # e.g. the endpoint or record read


# The audit log is append-only on PostgreSQL (security review finding 10; Normen: a log no one can alter):
# a trigger refuses every UPDATE and DELETE, whoever asks, the application's own role included. TRUNCATE
# (the tests' way of emptying tables) fires no row trigger. SQLite, the embedded single-user default, has
# no roles to protect against, so it gets none. Migration 0008 creates the same trigger on a migrated
# database; this creates it where the tests build the schema with create_all.
AUDIT_APPEND_ONLY_FUNCTION = """
CREATE OR REPLACE FUNCTION auditevent_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'auditevent is append-only: ' || TG_OP || ' refused',
                          ERRCODE = 'insufficient_privilege';
END
$$
"""
AUDIT_APPEND_ONLY_TRIGGER = """
CREATE TRIGGER auditevent_append_only BEFORE UPDATE OR DELETE ON auditevent
FOR EACH ROW EXECUTE FUNCTION auditevent_append_only()
"""
for _statement in (AUDIT_APPEND_ONLY_FUNCTION, AUDIT_APPEND_ONLY_TRIGGER):
    sa.event.listen(AuditEvent.__table__, "after_create", sa.DDL(_statement).execute_if(dialect="postgresql"))


class IntervalChange(SQLModel, table=True):
    """Every change of a patient's dose interval, with the clinician's reason (facts I3)."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    weeks: int
    reason: str = Field(default="", max_length=500)
    changed_by_id: int = Field(foreign_key="user.id")
    changed_at: datetime = utc_field(default_factory=utcnow)


class SupervisedDose(SQLModel, table=True):
    """A dose given under observation at the clinic, SC or IV; six without reaction open home treatment
    (facts H2, H3). Like Injection, a correction is a new row replacing the old one, and a withdrawn
    entry is kept with its reason (facts §3 "Supervised doses": history kept)."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    given_on: date
    route: str = Field(max_length=2)  # "sc" or "iv"
    reaction: bool = Field(default=False)
    reaction_note: str = Field(default="", max_length=500)
    # The nurse confirmed a date less than 3 weeks from another supervised dose (facts §3).
    confirmed_close_to_other: bool = Field(default=False)
    recorded_by_id: int = Field(foreign_key="user.id")
    recorded_at: datetime = utc_field(default_factory=utcnow)
    replaces_id: int | None = Field(default=None, foreign_key="superviseddose.id")
    superseded_at: datetime | None = utc_field(default=None, nullable=True)
    withdrawn_at: datetime | None = utc_field(default=None, nullable=True)
    withdrawn_by_id: int | None = Field(default=None, foreign_key="user.id")
    withdrawn_reason: str = Field(default="", max_length=500)

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None and self.withdrawn_at is None


# The SQL twin of SupervisedDose.is_current: only these count toward the six (facts H2).
SUPERVISED_COUNTS = (SupervisedDose.superseded_at.is_(None), SupervisedDose.withdrawn_at.is_(None))


class Injection(SQLModel, table=True):
    """A dose: two 150 mg syringes (facts H1). A correction is a new row that replaces the old one,
    which is kept; a withdrawn entry is kept too (DESIGN.md: nothing is deleted silently)."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    # Made by the form when it is shown: a double tap or a resent form stores one row.
    client_id: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    given_at: datetime = utc_field(index=True)
    place: str = Field(default="home", max_length=10)  # "home" or "clinic"
    syringes: int = Field(default=2)  # 1 = partial dose
    site_1: str = Field(max_length=20)
    batch_1: str = Field(default="", max_length=40)
    site_2: str | None = Field(default=None, max_length=20)
    batch_2: str = Field(default="", max_length=40)
    reaction: bool = Field(default=False)
    note: str = Field(default="", max_length=1000)
    # The pre-dose safety check: question code -> answer (facts H7).
    checklist: dict = Field(default_factory=dict, sa_type=sa.JSON)
    confirmed_close_to_other: bool = Field(default=False)
    created_at: datetime = utc_field(default_factory=utcnow)
    created_by_id: int = Field(foreign_key="user.id")
    replaces_id: int | None = Field(default=None, foreign_key="injection.id")
    superseded_at: datetime | None = utc_field(default=None, nullable=True)
    withdrawn_at: datetime | None = utc_field(default=None, nullable=True)

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None and self.withdrawn_at is None


# The SQL twin of Injection.is_current: a dose counts unless a correction replaced it or it was
# withdrawn. Every query for "the doses" uses this, so the rule lives in one place.
INJECTION_COUNTS = (Injection.superseded_at.is_(None), Injection.withdrawn_at.is_(None))


# An answer set to None is stored as NULL (unknown), not replaced by the column default.
UNKNOWN_STORED = {"default": None}


class SymptomReport(SQLModel, table=True):
    """What the patient reported and the level and reasons the triage rules gave (symptoms.md)."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    client_id: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    reported_at: datetime = utc_field(default_factory=utcnow, index=True)
    source: str = Field(default="report", max_length=20)  # report, checklist, injection_reaction
    codes: list = Field(default_factory=list, sa_type=sa.JSON)
    started_on: date | None = Field(default=None)
    # The patient's answers: None is "don't know" or not answered (symptoms.md "Don't know"), kept as unknown;
    # a report made elsewhere without the questions (the safety check) says no.
    within_2h_of_injection: bool | None = Field(default=False, sa_column_kwargs=UNKNOWN_STORED)
    lasted_over_24h: bool | None = Field(default=False, sa_column_kwargs=UNKNOWN_STORED)
    getting_worse: bool | None = Field(default=False, sa_column_kwargs=UNKNOWN_STORED)
    fever: bool | None = Field(default=False, sa_column_kwargs=UNKNOWN_STORED)
    sudden_onset: bool | None = Field(default=False, sa_column_kwargs=UNKNOWN_STORED)
    reported_by_other: bool = Field(default=False)
    # Issue 15 §5: a relative who reported on the patient's behalf (None: the patient herself).
    reported_by_id: int | None = Field(default=None, foreign_key="user.id")
    free_text: str = Field(default="", max_length=2000)
    level: str = Field(max_length=10)
    reasons: list = Field(default_factory=list, sa_type=sa.JSON)
    injection_id: int | None = Field(default=None, foreign_key="injection.id")
    # Follow-ups ("How is it now?", issue 12): a nurse may switch them off for one report; the patient
    # answering "gone" closes the report for the patient (the clinic's flag stays the clinic's).
    followups_off: bool = Field(default=False)
    closed_by_patient_at: datetime | None = utc_field(default=None, nullable=True)
    # Issue 13: a routine report a nurse has read (walk defect 14), one by one or in bulk.
    reviewed_at: datetime | None = utc_field(default=None, nullable=True)
    reviewed_by_id: int | None = Field(default=None, foreign_key="user.id")


class FlagStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"


class Flag(SQLModel, table=True):
    """Something a nurse must act on: from a symptom report, the schedule, supply or monitoring."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    source: str = Field(max_length=20)  # symptom, checklist, schedule, injection, supply, monitoring
    code: str = Field(max_length=60)  # e.g. rebound_risk, partial_dose, symptom_report
    level: str = Field(max_length=10)
    status: str = Field(default=FlagStatus.OPEN, max_length=12, index=True)
    # Makes a date-driven flag idempotent: daily-checks raises each key once.
    dedupe_key: str | None = Field(default=None, max_length=120, sa_column_kwargs={"unique": True})
    created_at: datetime = utc_field(default_factory=utcnow, index=True)
    due_by: datetime | None = utc_field(default=None, nullable=True)
    # indexed: a report's flag is looked up on the start page and in every list of reports (issue 7)
    symptom_report_id: int | None = Field(default=None, foreign_key="symptomreport.id", index=True)
    injection_id: int | None = Field(default=None, foreign_key="injection.id")
    assigned_nurse_id: int | None = Field(default=None, foreign_key="user.id")
    outcome: str = Field(default="", max_length=40)
    resolved_at: datetime | None = utc_field(default=None, nullable=True)
    # Issue 13: a flag may have several outcomes (a call booked AND the next dose held); `outcome` stays
    # the first one chosen, which the rest of the app reads.
    outcomes: list = Field(default_factory=list, sa_type=sa.JSON)
    # What the clinic wants the patient to read on the report ("MR bestilt, vi ringer deg"), "" for none.
    patient_note: str = Field(default="", max_length=1000)


class FlagEvent(SQLModel, table=True):
    """Every step on a flag, with who and when (issue 4)."""

    id: int | None = Field(default=None, primary_key=True)
    flag_id: int = Field(foreign_key="flag.id", index=True)
    at: datetime = utc_field(default_factory=utcnow)
    actor_id: int | None = Field(default=None, foreign_key="user.id")
    kind: str = Field(max_length=20)  # created, taken, call_no_answer, call_reached, note, resolved, handed_over
    to_user_id: int | None = Field(default=None, foreign_key="user.id")  # handed_over: the colleague
    outcome: str = Field(default="", max_length=40)
    note: str = Field(default="", max_length=2000)


class Prescription(SQLModel, table=True):
    """An H-resept: valid one year from issue by default (facts R1, R3)."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    issued_on: date
    valid_until: date
    clinic_name: str = Field(default="", max_length=200)
    entered_by_id: int = Field(foreign_key="user.id")
    confirmed_by_id: int | None = Field(default=None, foreign_key="user.id")
    confirmed_at: datetime | None = utc_field(default=None, nullable=True)
    created_at: datetime = utc_field(default_factory=utcnow)
    withdrawn_at: datetime | None = utc_field(default=None, nullable=True)


class Pickup(SQLModel, table=True):
    """Syringes taken out of the pharmacy (facts R2) and how they were stored (facts S1)."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    client_id: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    picked_up_on: date
    pharmacy: str = Field(default="", max_length=200)
    syringes: int = Field(default=6)
    prescription_id: int | None = Field(default=None, foreign_key="prescription.id")
    into_fridge: bool = Field(default=True)
    cold_chain_problem: str = Field(default="none", max_length=20)  # none, left_out, frozen, unknown
    note: str = Field(default="", max_length=1000)
    created_at: datetime = utc_field(default_factory=utcnow)
    withdrawn_at: datetime | None = utc_field(default=None, nullable=True)
    # Issue 13 (walk defect 13): a corrected pickup keeps the old row, as doses do.
    replaces_id: int | None = Field(default=None, foreign_key="pickup.id")
    superseded_at: datetime | None = utc_field(default=None, nullable=True)

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None and self.withdrawn_at is None


# The SQL twin of Pickup.is_current, as INJECTION_COUNTS: a pickup counts toward the supply unless a
# correction replaced it or it was withdrawn. Every query for "the pickups" uses this.
PICKUP_COUNTS = (Pickup.superseded_at.is_(None), Pickup.withdrawn_at.is_(None))


class JcvResult(SQLModel, table=True):
    """An anti-JCV antibody result with index, entered by the clinic (facts M3, M7, P2)."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    tested_on: date
    positive: bool
    jcv_index: float | None = Field(default=None)
    assay: str = Field(default="stratify", max_length=20)  # stratify (Tysabri), immunowell (Tyruko)
    recorded_by_id: int = Field(foreign_key="user.id")
    recorded_at: datetime = utc_field(default_factory=utcnow)


class MonitoringCheck(SQLModel, table=True):
    """A monitoring test done: blood tests, NAb, JCV, EDSS, MRI (facts section 6)."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    kind: str = Field(max_length=30)
    done_on: date
    note: str = Field(default="", max_length=500)
    recorded_by_id: int = Field(foreign_key="user.id")
    recorded_at: datetime = utc_field(default_factory=utcnow)


class DoseHold(SQLModel, table=True):
    """The patient's next dose waits until a nurse lifts the hold (facts §3 "Dose on hold"). Placed by an
    urgent report, a pre-dose check stop or a nurse's outcome; lifting keeps the row (DESIGN.md)."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    placed_at: datetime = utc_field(default_factory=utcnow)
    source: str = Field(max_length=10)  # report, predose, nurse (domain/dose_hold.HoldSource)
    symptom_report_id: int | None = Field(default=None, foreign_key="symptomreport.id")
    flag_id: int | None = Field(default=None, foreign_key="flag.id")
    placed_by_id: int | None = Field(default=None, foreign_key="user.id")
    lifted_at: datetime | None = utc_field(default=None, nullable=True)
    lifted_by_id: int | None = Field(default=None, foreign_key="user.id")
    lift_reason: str = Field(default="", max_length=500)


class OutboxStatus(StrEnum):
    PENDING = "pending"  # waiting for its time or for a retry
    SENT = "sent"
    DEAD = "dead"  # failed N times, or refused for good: listed for the clinic (dead-letter page)
    CANCELLED = "cancelled"  # no longer wanted (a reminder whose dose was logged, a removed device)


class OutboxMessage(SQLModel, table=True):
    """One message to one destination (an e-mail address or one push subscription), written in the same
    transaction as the event that causes it and delivered by the worker at least once (issue 12).

    The text is rendered when the row is written, in the recipient's language, so the worker only
    delivers. `key` is the idempotency key: the same event never writes a second row, and a push carries it
    as the notification's tag so that a resend after a crash replaces the notification instead of
    showing it twice."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=200, sa_column_kwargs={"unique": True})
    channel: str = Field(max_length=10)  # email, push
    kind: str = Field(max_length=40)  # flag_new, dose_due, followup, digest, ...
    user_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    clinic_id: int | None = Field(default=None, foreign_key="clinic.id", index=True)
    to_address: str = Field(default="", max_length=254)  # e-mail
    subscription_id: int | None = Field(default=None, foreign_key="pushsubscription.id", index=True)
    locale: str = Field(default="nb", max_length=5)
    title: str = Field(max_length=200)
    body: str = Field(default="", max_length=4000)
    url: str = Field(default="", max_length=500)  # path inside the app, opened on a tap / linked in a mail
    status: str = Field(default=OutboxStatus.PENDING, max_length=10, index=True)
    attempts: int = Field(default=0)
    # Not before: reminders wait for their time and for the end of quiet hours; retries back off.
    next_attempt_at: datetime = utc_field(default_factory=utcnow, index=True)
    # A worker's lease on the row while it sends; a worker that dies leaves it to expire (at least once).
    locked_until: datetime | None = utc_field(default=None, nullable=True)
    last_error: str = Field(default="", max_length=300)  # never holds health data
    created_at: datetime = utc_field(default_factory=utcnow)
    sent_at: datetime | None = utc_field(default=None, nullable=True)


class PushSubscription(SQLModel, table=True):
    """One browser on one device that may receive Web Push (issue 12). Removed when the patient removes
    the device or the push service answers 404/410."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    endpoint: str = Field(max_length=1000, sa_column_kwargs={"unique": True})
    p256dh: str = Field(max_length=200)
    auth: str = Field(max_length=100)
    label: str = Field(default="", max_length=120)  # e.g. "Chrome on Android", from the user agent
    created_at: datetime = utc_field(default_factory=utcnow)
    last_sent_at: datetime | None = utc_field(default=None, nullable=True)


class NotificationPrefs(SQLModel, table=True):
    """How and when a user wants to be reached; a user without a row has the defaults (issue 12)."""

    user_id: int = Field(foreign_key="user.id", primary_key=True)
    push: bool = Field(default=True)  # to every subscribed device
    email: bool = Field(default=False)
    detailed: bool = Field(default=False)  # discreet texts unless the user chooses detailed ones
    quiet_start: time = Field(default=time(22, 0))
    quiet_end: time = Field(default=time(7, 0))
    evening_time: time = Field(default=time(19, 0))  # the evening before a dose
    morning_time: time = Field(default=time(8, 0))  # the morning of a dose
    doses: bool = Field(default=True)  # dose due and overdue
    supply: bool = Field(default=True)  # order-by date, H-resept expiring
    checkups: bool = Field(default=True)  # JCV test and check-ups due
    followups: bool = Field(default=True)  # "How is it now?" after a report
    on_call: bool = Field(default=False)  # nurses: push for new emergency/urgent flags of the clinic


class Reminder(SQLModel, table=True):
    """A reminder the clock made for a patient, once per key; shown on the start page, and sent through
    the outbox on the channels the patient chose (issue 12)."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    key: str = Field(max_length=160, sa_column_kwargs={"unique": True})
    kind: str = Field(max_length=30)  # dose_evening, dose_morning, overdue_2, overdue_7, order_by, ...
    due_at: datetime = utc_field(index=True)  # when it is sent (outside quiet hours) and shown
    about_day: date | None = Field(default=None)  # the dose day, order-by day, expiry day it is about
    url: str = Field(default="", max_length=200)
    created_at: datetime = utc_field(default_factory=utcnow)
    # The patient dismissed it, or what it asks for was done (the dose logged, the pickup recorded).
    done_at: datetime | None = utc_field(default=None, nullable=True)


class SymptomFollowUp(SQLModel, table=True):
    """"How is it now?" on the days after a routine or urgent report the clinic has not closed, up to three
    (issue 12). One row per report and day, made by the clock; the answer is kept."""

    id: int | None = Field(default=None, primary_key=True)
    symptom_report_id: int = Field(foreign_key="symptomreport.id", index=True)
    number: int  # 1, 2, 3
    asked_at: datetime = utc_field(default_factory=utcnow)
    answer: str | None = Field(default=None, max_length=10)  # better, same, worse, gone
    answered_at: datetime | None = utc_field(default=None, nullable=True)
    flag_id: int | None = Field(default=None, foreign_key="flag.id")  # raised by "worse"

    __table_args__ = (sa.UniqueConstraint("symptom_report_id", "number", name="uq_symptomfollowup_report_number"),)


class ThreadStatus(StrEnum):
    WAITING = "waiting"  # the patient wrote last: the clinic owes an answer
    ANSWERED = "answered"  # the clinic wrote last
    CLOSED = "closed"


class MessageThread(SQLModel, table=True):
    """A conversation between one patient and the clinic about one subject (issue 13). Non-urgent: the
    words are read by the triage reader first, and anything urgent becomes a symptom report and flag."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    subject: str = Field(max_length=120)
    status: str = Field(default=ThreadStatus.WAITING, max_length=10, index=True)
    created_at: datetime = utc_field(default_factory=utcnow)
    last_message_at: datetime = utc_field(default_factory=utcnow, index=True)
    reply_due_by: datetime | None = utc_field(default=None, nullable=True)  # while WAITING
    assigned_nurse_id: int | None = Field(default=None, foreign_key="user.id")


class Message(SQLModel, table=True):
    """One message in a thread, from the patient or from a nurse of the clinic."""

    id: int | None = Field(default=None, primary_key=True)
    thread_id: int = Field(foreign_key="messagethread.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    from_clinic: bool = Field(default=False)
    body: str = Field(max_length=4000)
    client_id: str = Field(max_length=64, sa_column_kwargs={"unique": True})  # a double tap stores one row
    created_at: datetime = utc_field(default_factory=utcnow)
    read_at: datetime | None = utc_field(default=None, nullable=True)  # by the other side
    # The triage reader found urgent or emergency words: the report (and its flag) made from them.
    symptom_report_id: int | None = Field(default=None, foreign_key="symptomreport.id")


class Photo(SQLModel, table=True):
    """A photo of an injection site or a rash, re-encoded on upload (issue 13, webapp/photos/). The bytes
    live in the photo store (a folder or an S3-compatible bucket), never under static/."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    uploaded_by_id: int = Field(foreign_key="user.id")
    storage_key: str = Field(max_length=200, sa_column_kwargs={"unique": True})
    thumb_key: str = Field(max_length=200)
    content_type: str = Field(default="image/jpeg", max_length=40)
    width: int
    height: int
    size_bytes: int
    created_at: datetime = utc_field(default_factory=utcnow)
    symptom_report_id: int | None = Field(default=None, foreign_key="symptomreport.id", index=True)
    message_id: int | None = Field(default=None, foreign_key="message.id", index=True)
    deleted_at: datetime | None = utc_field(default=None, nullable=True)


class ApiToken(SQLModel, table=True):
    """A record system's read-only key to one clinic's patients over the FHIR API (issue 15). Only a hash
    of the token is kept, as for invitations; `flask api-token --clinic N` prints the token once."""

    id: int | None = Field(default=None, primary_key=True)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    token_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    label: str = Field(default="", max_length=120)  # e.g. "DIPS Arena, Haukeland"
    created_at: datetime = utc_field(default_factory=utcnow)
    revoked_at: datetime | None = utc_field(default=None, nullable=True)


class RelativeGrant(SQLModel, table=True):
    """What a patient lets one relative do for her, until when (issue 15 §5; like Helsenorge's power of
    attorney). The relative's account is a User of role `relative` at the patient's clinic; until the
    invitation is accepted (or when the address could not be given an account) `relative_user_id` is None
    or the account has no password, and the grant gives nothing. Revoked or expired grants are kept."""

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    relative_user_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    name: str = Field(max_length=200)  # as the patient wrote it
    email: str = Field(max_length=254)
    may_report: bool = Field(default=False)  # report symptoms on her behalf
    may_log_doses: bool = Field(default=False)
    may_get_reminders: bool = Field(default=False)  # missed-dose reminders by e-mail
    may_read_education: bool = Field(default=False)
    created_at: datetime = utc_field(default_factory=utcnow)
    expires_at: datetime = utc_field()
    revoked_at: datetime | None = utc_field(default=None, nullable=True)
