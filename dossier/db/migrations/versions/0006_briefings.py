"""Briefing drafts (options, summary and key messages) and the record of exports.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "briefing_drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("options", sa.Text, nullable=False),
        sa.Column("saved_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "briefing_exports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("exported_at", sa.String(32), nullable=False),
        sa.Column("as_at", sa.String(10), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("reference", sa.String(200), nullable=False),
        sa.Column("file_name", sa.String(512), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("options", sa.Text, nullable=False),
    )
    op.create_index("ix_briefing_exports_exported_at", "briefing_exports", ["exported_at"])


def downgrade() -> None:
    for table in ("briefing_exports", "briefing_drafts"):
        op.drop_table(table)
