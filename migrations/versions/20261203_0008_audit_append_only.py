"""the audit log is append-only on PostgreSQL

A trigger refuses every UPDATE and DELETE on auditevent, the application's own role included (security
review finding 10: the application could alter its own access log). SQLite gets nothing: it is the
embedded single-user default, with no roles. The SQL is written out here, not imported, so that this
migration keeps meaning what it meant; webapp/models.py holds the same text for create_all.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 09:30:00
"""
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

FUNCTION = """
CREATE OR REPLACE FUNCTION auditevent_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'auditevent is append-only: ' || TG_OP || ' refused',
                          ERRCODE = 'insufficient_privilege';
END
$$
"""
TRIGGER = """
CREATE TRIGGER auditevent_append_only BEFORE UPDATE OR DELETE ON auditevent
FOR EACH ROW EXECUTE FUNCTION auditevent_append_only()
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    op.execute(TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS auditevent_append_only ON auditevent")
    op.execute("DROP FUNCTION IF EXISTS auditevent_append_only()")
