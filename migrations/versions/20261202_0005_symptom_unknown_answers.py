"""symptom report answers may be unknown

"Don't know" (or no answer) is stored as unknown (NULL), not as yes: it never raises a report by
itself and the nurse sees it as unknown (clinical/symptoms.md, "Don't know and unanswered questions";
walk-2026-12 defect 8).

Revision ID: 0005
Revises: 0002
Create Date: 2026-12-02 13:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

ANSWERS = ('within_2h_of_injection', 'lasted_over_24h', 'getting_worse', 'fever', 'sudden_onset')


def upgrade() -> None:
    with op.batch_alter_table('symptomreport', schema=None) as batch_op:
        for column in ANSWERS:
            batch_op.alter_column(column, existing_type=sa.Boolean(), nullable=True)


def downgrade() -> None:
    # An unknown answer was stored as "yes" before this revision (the old "don't know counts as yes").
    for column in ANSWERS:
        op.execute(sa.text(f"UPDATE symptomreport SET {column} = :yes WHERE {column} IS NULL").bindparams(yes=True))  # nosec B608 - fixed column names
    with op.batch_alter_table('symptomreport', schema=None) as batch_op:
        for column in ANSWERS:
            batch_op.alter_column(column, existing_type=sa.Boolean(), nullable=False)
