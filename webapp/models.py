"""SQLModel tables. Times are aware UTC in Python and stored as UTC (DESIGN.md)."""
# SQLModel resolves relationship annotations at runtime, so no `from __future__ import annotations` here.

from datetime import UTC, date, datetime
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


def utcnow() -> datetime:
    return datetime.now(UTC)


def utc_field(**kwargs):
    return Field(sa_type=UTCDateTime, **kwargs)


class Role(StrEnum):
    PATIENT = "patient"
    NURSE = "nurse"


class Clinic(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    phone: str = Field(default="", max_length=40)
    opening_hours: str = Field(default="", max_length=200)
    triage_email: str = Field(default="", max_length=254)

    users: list["User"] = Relationship(back_populates="clinic")
    patients: list["Patient"] = Relationship(back_populates="clinic")


class User(UserMixin, SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, sa_column_kwargs={"unique": True}, index=True)
    full_name: str = Field(max_length=200)
    password_hash: str | None = Field(default=None, max_length=255)  # None until the invitation is used
    role: Role = Field(sa_type=sa.String(20))
    locale: str = Field(default="nb", max_length=5)
    clinic_id: int = Field(foreign_key="clinic.id", index=True)
    # Raised on logout and password change: every session cookie carrying an older value is dead.
    session_generation: int = Field(default=0)
    created_at: datetime = utc_field(default_factory=utcnow)

    clinic: "Clinic" = Relationship(back_populates="users")
    patient: Optional["Patient"] = Relationship(
        back_populates="user", sa_relationship_kwargs={"foreign_keys": "Patient.user_id", "uselist": False}
    )

    def get_id(self) -> str:
        """The session cookie carries the generation too, so that raising it ends the session."""
        return f"{self.id}.{self.session_generation}"

    @property
    def is_nurse(self) -> bool:
        return self.role == Role.NURSE

    @property
    def is_patient(self) -> bool:
        return self.role == Role.PATIENT


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
    home_approved_at: datetime | None = utc_field(default=None, nullable=True)
    home_approved_by_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = utc_field(default_factory=utcnow)

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


class LoginAttempt(SQLModel, table=True):
    """Failed logins per e-mail address, known or not, so that lock-out answers the same for both."""

    email: str = Field(primary_key=True, max_length=254)
    failures: int = Field(default=0)
    locked_until: datetime | None = utc_field(default=None, nullable=True)


class AuditEvent(SQLModel, table=True):
    """Who read or changed which patient's data, and when. Holds no health data itself."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = utc_field(default_factory=utcnow, index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    patient_id: int | None = Field(default=None, foreign_key="patient.id", index=True)
    action: str = Field(max_length=40)  # e.g. "read", "create", "update", "login"
    target: str = Field(default="", max_length=120)  # e.g. the endpoint or record read
