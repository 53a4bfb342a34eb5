"""Documents, their originals, paragraphs, a basic actor table and parties.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("file_name", sa.String(512), nullable=False),
        sa.Column("media_type", sa.String(128), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(64), nullable=False),
        sa.Column("page_count", sa.Integer),
        sa.Column("date_value", sa.String(10)),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("date_qualifier", sa.String(8)),
        sa.Column("date_text", sa.String(200)),
        sa.Column("date_end_value", sa.String(10)),
        sa.Column("title", sa.String(1000)),
        sa.Column("reference", sa.String(200)),
        sa.Column("marking", sa.String(32)),
        sa.Column("sender_post", sa.String(500)),
        sa.Column("sender_sort", sa.String(300)),
        sa.Column("recipient_sort", sa.String(300)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("user_set", sa.String(200), nullable=False),
        sa.Column("filed_at", sa.String(32), nullable=False),
        sa.CheckConstraint("date_precision IN ('year', 'month', 'day') OR date_precision IS NULL",
                           name="ck_documents_precision"),
    )
    op.create_index("ix_documents_date_value", "documents", ["date_value"])
    op.create_index("ix_documents_sender_sort", "documents", ["sender_sort"])
    op.create_index("ix_documents_recipient_sort", "documents", ["recipient_sort"])
    op.create_table(
        "document_blobs",
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "paragraphs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer),
        sa.Column("quoted", sa.Boolean, nullable=False),
        sa.UniqueConstraint("document_id", "number", name="uq_paragraphs_document_number"),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("name_key", sa.String(300), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("actors.id", ondelete="SET NULL")),
    )
    op.create_table(
        "document_parties",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.CheckConstraint("role IN ('sender', 'recipient', 'cc')", name="ck_parties_role"),
    )
    op.create_index("ix_parties_document", "document_parties", ["document_id"])
    op.create_index("ix_parties_actor", "document_parties", ["actor_id"])


def downgrade() -> None:
    op.drop_table("document_parties")
    op.drop_table("actors")
    op.drop_table("paragraphs")
    op.drop_table("document_blobs")
    op.drop_table("documents")
