"""Chronology entries with their sources, and resolved conflicts.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chronology_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("date_value", sa.String(10)),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("date_qualifier", sa.String(8)),
        sa.Column("date_text", sa.String(200)),
        sa.Column("date_end_value", sa.String(10)),
        sa.Column("date_sort", sa.String(10)),
        sa.Column("date_rank", sa.Integer),
        sa.Column("description", sa.String(2000), nullable=False),
        sa.Column("actors", sa.String(2000), nullable=False),
        sa.Column("user_set", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.CheckConstraint("kind IN ('event', 'deadline', 'own')", name="ck_chronology_kind"),
    )
    op.create_index("ix_chronology_entries_date_sort", "chronology_entries", ["date_sort"])
    op.create_table(
        "entry_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entry_id", sa.Integer, sa.ForeignKey("chronology_entries.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("machine", sa.Boolean, nullable=False),
    )
    op.create_index("ix_entry_sources_entry_id", "entry_sources", ["entry_id"])
    op.create_index("ix_entry_sources_document_id", "entry_sources", ["document_id"])
    op.create_table(
        "entry_conflicts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entry_a", sa.Integer, sa.ForeignKey("chronology_entries.id", ondelete="CASCADE"), nullable=False),
        sa.Column("entry_b", sa.Integer, sa.ForeignKey("chronology_entries.id", ondelete="CASCADE"), nullable=False),
        sa.UniqueConstraint("entry_a", "entry_b", name="uq_entry_conflict"),
    )
    op.create_index("ix_entry_conflicts_entry_a", "entry_conflicts", ["entry_a"])
    op.create_index("ix_entry_conflicts_entry_b", "entry_conflicts", ["entry_b"])
    op.create_table(
        "conflict_resolutions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key_a", sa.String(40), nullable=False),
        sa.Column("key_b", sa.String(40), nullable=False),
        sa.Column("note", sa.String(2000), nullable=False),
        sa.Column("resolved_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("key_a", "key_b", name="uq_conflict_pair"),
    )


def downgrade() -> None:
    for table in ("conflict_resolutions", "entry_conflicts", "entry_sources", "chronology_entries"):
        op.drop_table(table)
