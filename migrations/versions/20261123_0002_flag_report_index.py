"""index flag.symptom_report_id

The start page and every list of reports look up a report's flag by this column; without an index
each lookup read the whole flag table (issue 7: 400 ms start pages on SQLite with 10,000 patients once
the planner had statistics).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 07:20:00
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('flag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_flag_symptom_report_id'), ['symptom_report_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('flag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flag_symptom_report_id'))
