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
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("copy_of", sa.Integer, nullable=True))
        batch.add_column(sa.Column("not_a_copy", sa.Boolean, nullable=False, server_default="0"))
        batch.add_column(sa.Column("first_file_name", sa.String(512), nullable=True))
        batch.add_column(sa.Column("changed_since_review", sa.String(200), nullable=True))
        batch.create_foreign_key("fk_documents_copy_of", "documents", ["copy_of"], ["id"], ondelete="SET NULL")
        batch.create_index("ix_documents_copy_of", ["copy_of"])
    with op.batch_alter_table("annotations") as batch:
        batch.add_column(sa.Column("needs_check", sa.Boolean, nullable=False, server_default="0"))
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
    with op.batch_alter_table("annotations") as batch:
        batch.drop_column("needs_check")
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_copy_of")
        batch.drop_constraint("fk_documents_copy_of", type_="foreignkey")
        for column in ("changed_since_review", "first_file_name", "not_a_copy", "copy_of"):
            batch.drop_column(column)
