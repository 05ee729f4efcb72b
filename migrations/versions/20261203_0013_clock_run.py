"""the clock's hourly lease: one clock_run row per hour in which the daily checks ran

Issue 16 §1: with two clocks (two machines) the daily checks still run once an hour; the hour is the
primary key, so the second clock's claim fails and it skips.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 15:10:00
"""
import sqlalchemy as sa
import sqlmodel

import webapp.models
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'clock_run',
        sa.Column('hour', sqlmodel.sql.sqltypes.AutoString(length=13), nullable=False),
        sa.Column('runner', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column('started_at', webapp.models.UTCDateTime(), nullable=False),
        sa.Column('finished_at', webapp.models.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint('hour', name=op.f('pk_clock_run')),
    )


def downgrade() -> None:
    op.drop_table('clock_run')
