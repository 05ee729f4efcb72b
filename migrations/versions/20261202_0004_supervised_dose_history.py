"""supervised doses: corrections and withdrawals keep the earlier row

A mistyped supervised dose can be corrected (a new row replaces the old one) or withdrawn with a
reason; the old row is kept, and only current rows count toward the six (facts §3 "Supervised
doses", H2). The nurse's confirmation of a date under 3 weeks from another dose is kept too.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-02 13:40:00
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import webapp.models

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('superviseddose', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confirmed_close_to_other', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('replaces_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('superseded_at', webapp.models.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_at', webapp.models.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_reason', sqlmodel.sql.sqltypes.AutoString(length=500),
                                      nullable=False, server_default=''))
        batch_op.create_foreign_key(batch_op.f('fk_superviseddose_replaces_id_superviseddose'),
                                    'superviseddose', ['replaces_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_superviseddose_withdrawn_by_id_user'),
                                    'user', ['withdrawn_by_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('superviseddose', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_superviseddose_withdrawn_by_id_user'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_superviseddose_replaces_id_superviseddose'), type_='foreignkey')
        batch_op.drop_column('withdrawn_reason')
        batch_op.drop_column('withdrawn_by_id')
        batch_op.drop_column('withdrawn_at')
        batch_op.drop_column('superseded_at')
        batch_op.drop_column('replaces_id')
        batch_op.drop_column('confirmed_close_to_other')
