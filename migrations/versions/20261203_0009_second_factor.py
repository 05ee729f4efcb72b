"""second factor for sign-in, and the clinic admin

Security finding 2: passkeys (webauthncredential), a code app's secret (totpsecret, counted once
confirmed, with the last 30-second step used so no code works twice) and single-use recovery codes
(recoverycode, Argon2 hashes). Finding 18: user.is_admin (a nurse who manages her clinic's nurses) and
user.active (a deactivated account cannot sign in). Existing users stay active, and nobody is an admin
until the clinic makes one (UPDATE "user" SET is_admin = true WHERE email = ...).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 11:29:00.899949
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel  # autogenerate writes sqlmodel types and forgets this import (sqlalchemy/alembic#1647)
import webapp.models


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('recoverycode',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('used_at', webapp.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_recoverycode_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recoverycode'))
    )
    with op.batch_alter_table('recoverycode', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recoverycode_user_id'), ['user_id'], unique=False)

    op.create_table('totpsecret',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('secret', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('confirmed_at', webapp.models.UTCDateTime(), nullable=True),
    sa.Column('last_counter', sa.Integer(), nullable=False),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_totpsecret_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_totpsecret')),
    sa.UniqueConstraint('user_id', name=op.f('uq_totpsecret_user_id'))
    )
    op.create_table('webauthncredential',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('credential_id', sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
    sa.Column('public_key', sa.LargeBinary(), nullable=False),
    sa.Column('sign_count', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('last_used_at', webapp.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_webauthncredential_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webauthncredential')),
    sa.UniqueConstraint('credential_id', name=op.f('uq_webauthncredential_credential_id'))
    )
    with op.batch_alter_table('webauthncredential', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webauthncredential_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_admin', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.true()))



def downgrade() -> None:
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('active')
        batch_op.drop_column('is_admin')

    with op.batch_alter_table('webauthncredential', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webauthncredential_user_id'))

    op.drop_table('webauthncredential')
    op.drop_table('totpsecret')
    with op.batch_alter_table('recoverycode', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recoverycode_user_id'))

    op.drop_table('recoverycode')
