"""an e-mail address is unique within a clinic, not across clinics; login attempts age out

Security review finding 12: "new patient" told a nurse that an address had an account at another clinic
(a patient of another hospital, or a nurse). The unique index on user.email becomes a plain one, and
(clinic_id, email) is unique instead.

Finding 18: loginattempt rows kept every string typed into the e-mail field, in clear, forever. They are
now named by a keyed hash and carry the time of the last attempt, so that the clock deletes them after a
day. The rows written before are all deleted: their keys are the old clear text and no longer match.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 12:00:00
"""
import sqlalchemy as sa

import webapp.models
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_email'))
        batch_op.create_index(batch_op.f('ix_user_email'), ['email'], unique=False)
        batch_op.create_unique_constraint('uq_user_clinic_email', ['clinic_id', 'email'])
    op.execute('DELETE FROM loginattempt')
    with op.batch_alter_table('loginattempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_at', webapp.models.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('loginattempt', schema=None) as batch_op:
        batch_op.drop_column('last_at')
    # Fails, as it should, if two clinics have come to share an address.
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_constraint('uq_user_clinic_email', type_='unique')
        batch_op.drop_index(batch_op.f('ix_user_email'))
        batch_op.create_index(batch_op.f('ix_user_email'), ['email'], unique=True)
