"""Chronology entries remember whether an action carries them (a deadline listed once, as the
action), so the listing no longer works it out for every deadline; its index is rebuilt to count
and order by kind and date alone.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CARRIED = """
UPDATE chronology_entries SET carried = 1
WHERE kind = 'deadline' AND EXISTS (
    SELECT 1 FROM entry_sources JOIN actions ON actions.document_id = entry_sources.document_id
    WHERE entry_sources.entry_id = chronology_entries.id
      AND actions.due_value = chronology_entries.date_value
      AND actions.start <= entry_sources."end" AND actions."end" >= entry_sources.start)
"""


def upgrade() -> None:
    with op.batch_alter_table("chronology_entries") as batch:
        batch.add_column(sa.Column("carried", sa.Boolean, nullable=False, server_default="0"))
    op.execute(CARRIED)
    op.drop_index("ix_chronology_entries_listing", "chronology_entries")
    op.create_index("ix_chronology_entries_listing", "chronology_entries",
                    ["kind", "carried", "date_value", "date_sort"])


def downgrade() -> None:
    op.drop_index("ix_chronology_entries_listing", "chronology_entries")
    op.create_index("ix_chronology_entries_listing", "chronology_entries", ["kind", "id", "date_value"])
    with op.batch_alter_table("chronology_entries") as batch:
        batch.drop_column("carried")
