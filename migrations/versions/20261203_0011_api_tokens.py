"""API tokens: a record system reads one clinic's patients as FHIR (issue 15)

Only a SHA-256 hash of each token is kept; `flask api-token --clinic N` prints a new one once.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 13:00:00
"""
import sqlalchemy as sa
import sqlmodel

import webapp.models
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'apitoken',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('clinic_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('label', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
        sa.Column('revoked_at', webapp.models.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['clinic_id'], ['clinic.id'], name=op.f('fk_apitoken_clinic_id_clinic')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_apitoken')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_apitoken_token_hash')),
    )
    with op.batch_alter_table('apitoken', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_apitoken_clinic_id'), ['clinic_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('apitoken', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_apitoken_clinic_id'))
    op.drop_table('apitoken')
