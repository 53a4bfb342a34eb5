"""The full-text search index, filled from the documents already filed.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

from dossier.db import search

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search.install(op.get_bind())


def downgrade() -> None:
    search.uninstall(op.get_bind())
