"""Chronology entries remember that their conflicts are still to be refreshed (crash-safe batch
imports); actions are indexed by document and due date (the chronology's deadline filter).

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("chronology_entries") as batch:
        batch.add_column(sa.Column("conflicts_stale", sa.Boolean, nullable=False, server_default="0"))
        batch.create_index("ix_chronology_entries_conflicts_stale", ["conflicts_stale"])
    op.create_index("ix_actions_document_due", "actions", ["document_id", "due_value"])


def downgrade() -> None:
    op.drop_index("ix_actions_document_due", "actions")
    with op.batch_alter_table("chronology_entries") as batch:
        batch.drop_index("ix_chronology_entries_conflicts_stale")
        batch.drop_column("conflicts_stale")
