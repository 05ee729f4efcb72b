"""an e-mail address is unique within a clinic, not across clinics

Security review finding 12: "new patient" told a nurse that an address had an account at another clinic
(a patient of another hospital, or a nurse). The unique index on user.email becomes a plain one, and
(clinic_id, email) is unique instead.

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-03 12:00:00
"""
from alembic import op

revision = '0010'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_email'))
        batch_op.create_index(batch_op.f('ix_user_email'), ['email'], unique=False)
        batch_op.create_unique_constraint('uq_user_clinic_email', ['clinic_id', 'email'])


def downgrade() -> None:
    # Fails, as it should, if two clinics have come to share an address.
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_constraint('uq_user_clinic_email', type_='unique')
        batch_op.drop_index(batch_op.f('ix_user_email'))
        batch_op.create_index(batch_op.f('ix_user_email'), ['email'], unique=True)
