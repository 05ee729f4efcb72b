"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 03:44:11.949672
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel  # autogenerate writes sqlmodel types and forgets this import (sqlalchemy/alembic#1647)
import webapp.models


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('clinic',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('opening_hours', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('triage_email', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clinic'))
    )
    op.create_table('loginattempt',
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', webapp.models.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('email', name=op.f('pk_loginattempt'))
    )
    op.create_table('user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
    sa.Column('full_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('locale', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('clinic_id', sa.Integer(), nullable=False),
    sa.Column('session_generation', sa.Integer(), nullable=False),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinic.id'], name=op.f('fk_user_clinic_id_clinic')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user'))
    )
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_clinic_id'), ['clinic_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_user_email'), ['email'], unique=True)

    op.create_table('invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('expires_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('used_at', webapp.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_invitation_created_by_id_user')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_invitation_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_invitation_token_hash'))
    )
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_user_id'), ['user_id'], unique=False)

    op.create_table('patient',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('clinic_id', sa.Integer(), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('treatment_start', sa.Date(), nullable=True),
    sa.Column('dose_interval_weeks', sa.Integer(), nullable=False),
    sa.Column('interval_reason', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('training_done_on', sa.Date(), nullable=True),
    sa.Column('reaction_cleared_at', webapp.models.UTCDateTime(), nullable=True),
    sa.Column('reaction_cleared_by_id', sa.Integer(), nullable=True),
    sa.Column('reaction_cleared_note', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('home_approved_at', webapp.models.UTCDateTime(), nullable=True),
    sa.Column('home_approved_by_id', sa.Integer(), nullable=True),
    sa.Column('prior_immunosuppressant', sa.Boolean(), nullable=False),
    sa.Column('calendar_token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('order_lead_days', sa.Integer(), nullable=False),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinic.id'], name=op.f('fk_patient_clinic_id_clinic')),
    sa.ForeignKeyConstraint(['home_approved_by_id'], ['user.id'], name=op.f('fk_patient_home_approved_by_id_user')),
    sa.ForeignKeyConstraint(['reaction_cleared_by_id'], ['user.id'], name=op.f('fk_patient_reaction_cleared_by_id_user')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_patient_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_patient')),
    sa.UniqueConstraint('calendar_token_hash', name=op.f('uq_patient_calendar_token_hash')),
    sa.UniqueConstraint('user_id', name=op.f('uq_patient_user_id'))
    )
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patient_clinic_id'), ['clinic_id'], unique=False)

    op.create_table('auditevent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('patient_id', sa.Integer(), nullable=True),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('target', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['user.id'], name=op.f('fk_auditevent_actor_id_user')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_auditevent_patient_id_patient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auditevent'))
    )
    with op.batch_alter_table('auditevent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auditevent_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_auditevent_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_auditevent_patient_id'), ['patient_id'], unique=False)

    op.create_table('injection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('given_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('syringes', sa.Integer(), nullable=False),
    sa.Column('site_1', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('batch_1', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('site_2', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('batch_2', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('reaction', sa.Boolean(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('checklist', sa.JSON(), nullable=False),
    sa.Column('confirmed_close_to_other', sa.Boolean(), nullable=False),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.Column('superseded_at', webapp.models.UTCDateTime(), nullable=True),
    sa.Column('withdrawn_at', webapp.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_injection_created_by_id_user')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_injection_patient_id_patient')),
    sa.ForeignKeyConstraint(['replaces_id'], ['injection.id'], name=op.f('fk_injection_replaces_id_injection')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_injection')),
    sa.UniqueConstraint('client_id', name=op.f('uq_injection_client_id'))
    )
    with op.batch_alter_table('injection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_injection_given_at'), ['given_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_injection_patient_id'), ['patient_id'], unique=False)

    op.create_table('intervalchange',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('weeks', sa.Integer(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=False),
    sa.Column('changed_at', webapp.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['changed_by_id'], ['user.id'], name=op.f('fk_intervalchange_changed_by_id_user')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_intervalchange_patient_id_patient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intervalchange'))
    )
    with op.batch_alter_table('intervalchange', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intervalchange_patient_id'), ['patient_id'], unique=False)

    op.create_table('jcvresult',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('tested_on', sa.Date(), nullable=False),
    sa.Column('positive', sa.Boolean(), nullable=False),
    sa.Column('jcv_index', sa.Float(), nullable=True),
    sa.Column('assay', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', webapp.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_jcvresult_patient_id_patient')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'], name=op.f('fk_jcvresult_recorded_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jcvresult'))
    )
    with op.batch_alter_table('jcvresult', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jcvresult_patient_id'), ['patient_id'], unique=False)

    op.create_table('monitoringcheck',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', webapp.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_monitoringcheck_patient_id_patient')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'], name=op.f('fk_monitoringcheck_recorded_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_monitoringcheck'))
    )
    with op.batch_alter_table('monitoringcheck', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_monitoringcheck_patient_id'), ['patient_id'], unique=False)

    op.create_table('prescription',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=False),
    sa.Column('clinic_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=False),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', webapp.models.UTCDateTime(), nullable=True),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('withdrawn_at', webapp.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['user.id'], name=op.f('fk_prescription_confirmed_by_id_user')),
    sa.ForeignKeyConstraint(['entered_by_id'], ['user.id'], name=op.f('fk_prescription_entered_by_id_user')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_prescription_patient_id_patient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prescription'))
    )
    with op.batch_alter_table('prescription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_prescription_patient_id'), ['patient_id'], unique=False)

    op.create_table('superviseddose',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('route', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('reaction', sa.Boolean(), nullable=False),
    sa.Column('reaction_note', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', webapp.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_superviseddose_patient_id_patient')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'], name=op.f('fk_superviseddose_recorded_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_superviseddose'))
    )
    with op.batch_alter_table('superviseddose', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_superviseddose_patient_id'), ['patient_id'], unique=False)

    op.create_table('pickup',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('picked_up_on', sa.Date(), nullable=False),
    sa.Column('pharmacy', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('syringes', sa.Integer(), nullable=False),
    sa.Column('prescription_id', sa.Integer(), nullable=True),
    sa.Column('into_fridge', sa.Boolean(), nullable=False),
    sa.Column('cold_chain_problem', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('withdrawn_at', webapp.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_pickup_patient_id_patient')),
    sa.ForeignKeyConstraint(['prescription_id'], ['prescription.id'], name=op.f('fk_pickup_prescription_id_prescription')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pickup')),
    sa.UniqueConstraint('client_id', name=op.f('uq_pickup_client_id'))
    )
    with op.batch_alter_table('pickup', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pickup_patient_id'), ['patient_id'], unique=False)

    op.create_table('symptomreport',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('reported_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('codes', sa.JSON(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=True),
    sa.Column('within_2h_of_injection', sa.Boolean(), nullable=False),
    sa.Column('lasted_over_24h', sa.Boolean(), nullable=False),
    sa.Column('getting_worse', sa.Boolean(), nullable=False),
    sa.Column('fever', sa.Boolean(), nullable=False),
    sa.Column('sudden_onset', sa.Boolean(), nullable=False),
    sa.Column('reported_by_other', sa.Boolean(), nullable=False),
    sa.Column('free_text', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('injection_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['injection_id'], ['injection.id'], name=op.f('fk_symptomreport_injection_id_injection')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_symptomreport_patient_id_patient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_symptomreport')),
    sa.UniqueConstraint('client_id', name=op.f('uq_symptomreport_client_id'))
    )
    with op.batch_alter_table('symptomreport', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_symptomreport_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_symptomreport_reported_at'), ['reported_at'], unique=False)

    op.create_table('flag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('clinic_id', sa.Integer(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('dedupe_key', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('created_at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('due_by', webapp.models.UTCDateTime(), nullable=True),
    sa.Column('symptom_report_id', sa.Integer(), nullable=True),
    sa.Column('injection_id', sa.Integer(), nullable=True),
    sa.Column('assigned_nurse_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('resolved_at', webapp.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['assigned_nurse_id'], ['user.id'], name=op.f('fk_flag_assigned_nurse_id_user')),
    sa.ForeignKeyConstraint(['clinic_id'], ['clinic.id'], name=op.f('fk_flag_clinic_id_clinic')),
    sa.ForeignKeyConstraint(['injection_id'], ['injection.id'], name=op.f('fk_flag_injection_id_injection')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_flag_patient_id_patient')),
    sa.ForeignKeyConstraint(['symptom_report_id'], ['symptomreport.id'], name=op.f('fk_flag_symptom_report_id_symptomreport')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flag')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_flag_dedupe_key'))
    )
    with op.batch_alter_table('flag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_flag_clinic_id'), ['clinic_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_flag_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_flag_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_flag_status'), ['status'], unique=False)

    op.create_table('flagevent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('flag_id', sa.Integer(), nullable=False),
    sa.Column('at', webapp.models.UTCDateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['user.id'], name=op.f('fk_flagevent_actor_id_user')),
    sa.ForeignKeyConstraint(['flag_id'], ['flag.id'], name=op.f('fk_flagevent_flag_id_flag')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flagevent'))
    )
    with op.batch_alter_table('flagevent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_flagevent_flag_id'), ['flag_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('flagevent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flagevent_flag_id'))

    op.drop_table('flagevent')
    with op.batch_alter_table('flag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flag_status'))
        batch_op.drop_index(batch_op.f('ix_flag_patient_id'))
        batch_op.drop_index(batch_op.f('ix_flag_created_at'))
        batch_op.drop_index(batch_op.f('ix_flag_clinic_id'))

    op.drop_table('flag')
    with op.batch_alter_table('symptomreport', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_symptomreport_reported_at'))
        batch_op.drop_index(batch_op.f('ix_symptomreport_patient_id'))

    op.drop_table('symptomreport')
    with op.batch_alter_table('pickup', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pickup_patient_id'))

    op.drop_table('pickup')
    with op.batch_alter_table('superviseddose', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_superviseddose_patient_id'))

    op.drop_table('superviseddose')
    with op.batch_alter_table('prescription', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_prescription_patient_id'))

    op.drop_table('prescription')
    with op.batch_alter_table('monitoringcheck', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_monitoringcheck_patient_id'))

    op.drop_table('monitoringcheck')
    with op.batch_alter_table('jcvresult', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jcvresult_patient_id'))

    op.drop_table('jcvresult')
    with op.batch_alter_table('intervalchange', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intervalchange_patient_id'))

    op.drop_table('intervalchange')
    with op.batch_alter_table('injection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_injection_patient_id'))
        batch_op.drop_index(batch_op.f('ix_injection_given_at'))

    op.drop_table('injection')
    with op.batch_alter_table('auditevent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_auditevent_patient_id'))
        batch_op.drop_index(batch_op.f('ix_auditevent_at'))
        batch_op.drop_index(batch_op.f('ix_auditevent_actor_id'))

    op.drop_table('auditevent')
    with op.batch_alter_table('patient', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_patient_clinic_id'))

    op.drop_table('patient')
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitation_user_id'))

    op.drop_table('invitation')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_email'))
        batch_op.drop_index(batch_op.f('ix_user_clinic_id'))

    op.drop_table('user')
    op.drop_table('loginattempt')
    op.drop_table('clinic')

