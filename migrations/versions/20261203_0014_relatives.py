"""a relative who may help: grants from a patient, and who made a symptom report

Issue 15 §5: the `relativegrant` table and `symptomreport.reported_by_id`. A relative is a `user` of role
"relative" (the role column is a string, so no change there).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 15:10:00
"""
import sqlalchemy as sa

import webapp.models
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'relativegrant',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('patient_id', sa.Integer(), nullable=False),
        sa.Column('relative_user_id', sa.Integer(), nullable=True),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('may_report', sa.Boolean(), nullable=False),
        sa.Column('may_log_doses', sa.Boolean(), nullable=False),
        sa.Column('may_get_reminders', sa.Boolean(), nullable=False),
        sa.Column('may_read_education', sa.Boolean(), nullable=False),
        sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
        sa.Column('expires_at', webapp.models.UTCDateTime(), nullable=False),
        sa.Column('revoked_at', webapp.models.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['patient_id'], ['patient.id']),
        sa.ForeignKeyConstraint(['relative_user_id'], ['user.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('relativegrant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relativegrant_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relativegrant_relative_user_id'), ['relative_user_id'], unique=False)
    with op.batch_alter_table('symptomreport', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reported_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_symptomreport_reported_by_id_user', 'user', ['reported_by_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('symptomreport', schema=None) as batch_op:
        batch_op.drop_constraint('fk_symptomreport_reported_by_id_user', type_='foreignkey')
        batch_op.drop_column('reported_by_id')
    with op.batch_alter_table('relativegrant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relativegrant_relative_user_id'))
        batch_op.drop_index(batch_op.f('ix_relativegrant_patient_id'))
    op.drop_table('relativegrant')
