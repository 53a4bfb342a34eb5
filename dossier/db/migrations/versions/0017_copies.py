"""Copies of one letter and re-filing: a document may be a copy of an earlier one (found by a sketch
of its words), keeps the file name it was first filed under, and says it changed since it was
reviewed; an annotation re-anchored to different words asks to be checked.

Revision ID: 0017_copies
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

from dossier.analysis.copies import sketch

revision = "0017_copies"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # columns added in place (ALTER TABLE ... ADD COLUMN): rebuilding `documents` to add a foreign key
    # would drop the old table, and with it, by cascade, every row that hangs on a document
    op.add_column("documents", sa.Column("copy_of", sa.Integer, nullable=True))
    op.add_column("documents", sa.Column("not_a_copy", sa.Boolean, nullable=False, server_default="0"))
    op.add_column("documents", sa.Column("first_file_name", sa.String(512), nullable=True))
    op.add_column("documents", sa.Column("changed_since_review", sa.String(200), nullable=True))
    op.create_index("ix_documents_copy_of", "documents", ["copy_of"])
    op.add_column("annotations", sa.Column("needs_check", sa.Boolean, nullable=False, server_default="0"))
    op.create_table(
        "document_sketches",
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("hash", sa.BigInteger, primary_key=True),
    )
    op.create_index("ix_document_sketches_hash", "document_sketches", ["hash"])
    bind = op.get_bind()
    for doc_id, text in bind.execute(sa.text("SELECT id, text FROM documents")).all():
        hashes = sketch(text or "")
        if hashes:
            bind.execute(sa.text("INSERT INTO document_sketches (document_id, hash) VALUES (:d, :h)"),
                         [{"d": doc_id, "h": h} for h in hashes])


def downgrade() -> None:
    op.drop_index("ix_document_sketches_hash", table_name="document_sketches")
    op.drop_table("document_sketches")
    op.drop_column("annotations", "needs_check")
    op.drop_index("ix_documents_copy_of", table_name="documents")
    for column in ("changed_since_review", "first_file_name", "not_a_copy", "copy_of"):
        op.drop_column("documents", column)  # SQLite 3.35 and later drop a column in place
