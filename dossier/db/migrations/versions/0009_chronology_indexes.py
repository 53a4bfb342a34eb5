"""An index the chronology listing reads instead of the entries table.

Revision ID: 0009
Revises: 0008
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_chronology_entries_listing", "chronology_entries", ["kind", "id", "date_value"])


def downgrade() -> None:
    op.drop_index("ix_chronology_entries_listing", "chronology_entries")
