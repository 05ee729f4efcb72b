"""outbox, push subscriptions, notification preferences, reminders, follow-ups

NataHjem reaches out (issue 12): every message is an outbox row written with the event that causes
it and delivered by the worker; reminders and "How is it now?" follow-ups are made by the clock.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 15:37:56
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel  # autogenerate writes sqlmodel types and forgets this import (sqlalchemy/alembic#1647)
import webapp.models


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('notificationprefs',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('push', sa.Boolean(), nullable=False),
    sa.Column('email', sa.Boolean(), nullable=False),
    sa.Column('detailed', sa.Boolean(), nullable=False),
    sa.Column('quiet_start', sa.Time(), nullable=False),
    sa.Column('quiet_end', sa.Time(), nullable=False),
    sa.Column('evening_time', sa.Time(), nullable=False),
    sa.Column('morning_time', sa.Time(), nullable=False),
    sa.Column('doses', sa.Boolean(), nullable=False),
    sa.Column('supply', sa.Boolean(), nullable=False),
    sa.Column('checkups', sa.Boolean(), nullable=False),
    sa.Column('followups', sa.Boolean(), nullable=False),
    sa.Column('on_call', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_notificationprefs_user_id_user')),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_notificationprefs'))
    )
    op.create_table('pushsubscription',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('endpoint', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('p256dh', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('auth', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('label', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('last_sent_at', webapp.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_pushsubscription_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pushsubscription')),
    sa.UniqueConstraint('endpoint', name=op.f('uq_pushsubscription_endpoint'))
    )
    with op.batch_alter_table('pushsubscription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pushsubscription_user_id'), ['user_id'], unique=False)

    op.create_table('outboxmessage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('clinic_id', sa.Integer(), nullable=True),
    sa.Column('to_address', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=True),
    sa.Column('locale', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('locked_until', webapp.models.UTCDateTime(), nullable=True),
    sa.Column('last_error', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('sent_at', webapp.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinic.id'], name=op.f('fk_outboxmessage_clinic_id_clinic')),
    sa.ForeignKeyConstraint(['subscription_id'], ['pushsubscription.id'], name=op.f('fk_outboxmessage_subscription_id_pushsubscription')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_outboxmessage_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outboxmessage')),
    sa.UniqueConstraint('key', name=op.f('uq_outboxmessage_key'))
    )
    with op.batch_alter_table('outboxmessage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outboxmessage_clinic_id'), ['clinic_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outboxmessage_next_attempt_at'), ['next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outboxmessage_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_outboxmessage_subscription_id'), ['subscription_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outboxmessage_user_id'), ['user_id'], unique=False)

    op.create_table('reminder',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('due_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('about_day', sa.Date(), nullable=True),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('done_at', webapp.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_reminder_patient_id_patient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder')),
    sa.UniqueConstraint('key', name=op.f('uq_reminder_key'))
    )
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_patient_id'), ['patient_id'], unique=False)

    op.create_table('symptomfollowup',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('symptom_report_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('asked_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('answered_at', webapp.models.UTCDateTime(), nullable=True),
    sa.Column('flag_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['flag_id'], ['flag.id'], name=op.f('fk_symptomfollowup_flag_id_flag')),
    sa.ForeignKeyConstraint(['symptom_report_id'], ['symptomreport.id'], name=op.f('fk_symptomfollowup_symptom_report_id_symptomreport')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_symptomfollowup')),
    sa.UniqueConstraint('symptom_report_id', 'number', name='uq_symptomfollowup_report_number')
    )
    with op.batch_alter_table('symptomfollowup', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_symptomfollowup_symptom_report_id'), ['symptom_report_id'], unique=False)

    with op.batch_alter_table('clinic', schema=None) as batch_op:
        batch_op.add_column(sa.Column('digest_enabled', sa.Boolean(), nullable=False, server_default=sa.false()))

    with op.batch_alter_table('symptomreport', schema=None) as batch_op:
        batch_op.add_column(sa.Column('followups_off', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('closed_by_patient_at', webapp.models.UTCDateTime(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('symptomreport', schema=None) as batch_op:
        batch_op.drop_column('closed_by_patient_at')
        batch_op.drop_column('followups_off')

    with op.batch_alter_table('clinic', schema=None) as batch_op:
        batch_op.drop_column('digest_enabled')

    with op.batch_alter_table('symptomfollowup', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_symptomfollowup_symptom_report_id'))

    op.drop_table('symptomfollowup')
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_patient_id'))
        batch_op.drop_index(batch_op.f('ix_reminder_due_at'))

    op.drop_table('reminder')
    with op.batch_alter_table('outboxmessage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outboxmessage_user_id'))
        batch_op.drop_index(batch_op.f('ix_outboxmessage_subscription_id'))
        batch_op.drop_index(batch_op.f('ix_outboxmessage_status'))
        batch_op.drop_index(batch_op.f('ix_outboxmessage_next_attempt_at'))
        batch_op.drop_index(batch_op.f('ix_outboxmessage_clinic_id'))

    op.drop_table('outboxmessage')
    with op.batch_alter_table('pushsubscription', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pushsubscription_user_id'))

    op.drop_table('pushsubscription')
    op.drop_table('notificationprefs')
