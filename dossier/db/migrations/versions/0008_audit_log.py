"""The audit log, append-only.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

from dossier.db import audit

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("op", sa.String(8), nullable=False),
        sa.Column("row_id", sa.Integer),
        sa.Column("document_id", sa.Integer),
        sa.Column("actor_id", sa.Integer),
        sa.Column("action_id", sa.Integer),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
    )
    for column in ("document_id", "actor_id", "action_id"):
        op.create_index(f"ix_audit_log_{column}", "audit_log", [column])
    audit.install_log(op.get_bind())


def downgrade() -> None:
    audit.uninstall_log(op.get_bind())
    op.drop_table("audit_log")
