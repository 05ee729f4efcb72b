"""a patient may ask to close her account; a clinic admin confirms

Issue 15 §4 (GDPR): patient.closing_requested_at and patient.closed_at. What closing deletes and what the
health-records rules keep is in README ("Closing an account").

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 13:30:00
"""
import sqlalchemy as sa

import webapp.models
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.add_column(sa.Column('closing_requested_at', webapp.models.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('closed_at', webapp.models.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.drop_column('closed_at')
        batch_op.drop_column('closing_requested_at')
