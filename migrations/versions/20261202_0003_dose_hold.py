"""dose hold: the next dose waits until a nurse lifts the hold

facts.md §3 "Dose on hold": an urgent report, a pre-dose check stop or a nurse's outcome "the next
dose waits" holds the next dose everywhere until a nurse lifts it with a reason; rows are kept.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 13:40:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel  # autogenerate writes sqlmodel types and forgets this import (sqlalchemy/alembic#1647)
import webapp.models


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dosehold',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('placed_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('symptom_report_id', sa.Integer(), nullable=True),
    sa.Column('flag_id', sa.Integer(), nullable=True),
    sa.Column('placed_by_id', sa.Integer(), nullable=True),
    sa.Column('lifted_at', webapp.models.UTCDateTime(), nullable=True),
    sa.Column('lifted_by_id', sa.Integer(), nullable=True),
    sa.Column('lift_reason', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.ForeignKeyConstraint(['flag_id'], ['flag.id'], name=op.f('fk_dosehold_flag_id_flag')),
    sa.ForeignKeyConstraint(['lifted_by_id'], ['user.id'], name=op.f('fk_dosehold_lifted_by_id_user')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_dosehold_patient_id_patient')),
    sa.ForeignKeyConstraint(['placed_by_id'], ['user.id'], name=op.f('fk_dosehold_placed_by_id_user')),
    sa.ForeignKeyConstraint(['symptom_report_id'], ['symptomreport.id'],
                            name=op.f('fk_dosehold_symptom_report_id_symptomreport')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dosehold'))
    )
    with op.batch_alter_table('dosehold', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dosehold_patient_id'), ['patient_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('dosehold', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dosehold_patient_id'))

    op.drop_table('dosehold')
