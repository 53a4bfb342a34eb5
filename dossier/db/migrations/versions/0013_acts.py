"""One action, several sources: the same deadline restated in several letters is one action, and each
letter that restates it is a source of that action (the action's own document is its first source).

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "action_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("action_id", sa.Integer, sa.ForeignKey("actions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("action_id", "document_id", "start", name="uq_action_sources_passage"),
    )
    op.create_index("ix_action_sources_action_id", "action_sources", ["action_id"])
    op.create_index("ix_action_sources_document_id", "action_sources", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_action_sources_document_id", "action_sources")
    op.drop_index("ix_action_sources_action_id", "action_sources")
    op.drop_table("action_sources")
