"""Full-text indexes over annotations (quote, note, tags) and actors (name and aliases).

Revision ID: 0007
Revises: 0006
"""

from alembic import op

from dossier.db import search

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search.install_notes_and_names(op.get_bind())


def downgrade() -> None:
    search.uninstall_notes_and_names(op.get_bind())
