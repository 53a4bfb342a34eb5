"""Chronology entries are indexed by date: filing a letter looks for the entries other letters
give on its dates (to join the same event), and without this read every entry in the dossier.

Revision ID: 0012
Revises: 0011
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_chronology_entries_date_value", "chronology_entries", ["date_value"])


def downgrade() -> None:
    op.drop_index("ix_chronology_entries_date_value", "chronology_entries")
