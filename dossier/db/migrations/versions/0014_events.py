"""Chronology entries carry the kind of event they report (an appointment, a meeting, a courtesy...).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("chronology_entries") as batch:
        batch.add_column(sa.Column("event_kind", sa.String(24), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("chronology_entries") as batch:
        batch.drop_column("event_kind")
