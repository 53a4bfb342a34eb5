"""Aliases, posts and their holders, mentions, suggestions, rejections and actions.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _fk(table: str, ondelete: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete=ondelete)


def upgrade() -> None:
    op.create_table(
        "actor_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("actor_id", sa.Integer, _fk("actors", "CASCADE"), nullable=False),
        sa.Column("alias", sa.String(300), nullable=False),
        sa.Column("alias_key", sa.String(300), nullable=False),
        sa.Column("document_id", sa.Integer, _fk("documents", "SET NULL")),
        sa.UniqueConstraint("actor_id", "alias_key", name="uq_aliases_actor_key"),
    )
    op.create_index("ix_actor_aliases_actor_id", "actor_aliases", ["actor_id"])
    op.create_index("ix_actor_aliases_alias_key", "actor_aliases", ["alias_key"])
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("title_key", sa.String(300), nullable=False, unique=True),
        sa.Column("organisation_id", sa.Integer, _fk("actors", "SET NULL")),
    )
    op.create_table(
        "post_holders",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("post_id", sa.Integer, _fk("posts", "CASCADE"), nullable=False),
        sa.Column("actor_id", sa.Integer, _fk("actors", "CASCADE"), nullable=False),
        sa.Column("start_value", sa.String(10)),
        sa.Column("end_value", sa.String(10)),
        sa.Column("document_id", sa.Integer, _fk("documents", "SET NULL")),
    )
    op.create_index("ix_post_holders_post_id", "post_holders", ["post_id"])
    op.create_index("ix_post_holders_actor_id", "post_holders", ["actor_id"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, _fk("documents", "CASCADE"), nullable=False),
        sa.Column("actor_id", sa.Integer, _fk("actors", "CASCADE"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.String(300), nullable=False),
        sa.UniqueConstraint("document_id", "start", "end", "actor_id", name="uq_mentions_span_actor"),
    )
    op.create_index("ix_mentions_document", "mentions", ["document_id", "start"])
    op.create_index("ix_mentions_actor_id", "mentions", ["actor_id"])
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, _fk("documents", "CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("label", sa.String(500), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.CheckConstraint("kind IN ('actor', 'action')", name="ck_suggestions_kind"),
        sa.CheckConstraint("status IN ('pending', 'accepted', 'rejected')", name="ck_suggestions_status"),
        sa.UniqueConstraint("document_id", "key", name="uq_suggestions_document_key"),
    )
    op.create_index("ix_suggestions_document_id", "suggestions", ["document_id"])
    op.create_table(
        "rejections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(400), nullable=False, unique=True),
        sa.Column("rejected_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("summary", sa.String(1000), nullable=False),
        sa.Column("owner_id", sa.Integer, _fk("actors", "SET NULL")),
        sa.Column("addressed_to_id", sa.Integer, _fk("actors", "SET NULL")),
        sa.Column("document_id", sa.Integer, _fk("documents", "SET NULL")),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("set_value", sa.String(10)),
        sa.Column("set_precision", sa.String(8)),
        sa.Column("set_text", sa.String(200)),
        sa.Column("due_value", sa.String(10)),
        sa.Column("due_precision", sa.String(8)),
        sa.Column("due_qualifier", sa.String(8)),
        sa.Column("due_text", sa.String(200)),
        sa.Column("due_latest", sa.String(10)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_note", sa.String(1000)),
        sa.Column("status_document_id", sa.Integer, _fk("documents", "SET NULL")),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint("status IN ('open', 'done', 'superseded', 'withdrawn')", name="ck_actions_status"),
    )
    op.create_index("ix_actions_owner_id", "actions", ["owner_id"])
    op.create_index("ix_actions_document_id", "actions", ["document_id"])
    op.create_index("ix_actions_due_value", "actions", ["due_value"])
    op.create_index("ix_actions_due_latest", "actions", ["due_latest"])
    op.create_index("ix_actions_status", "actions", ["status"])


def downgrade() -> None:
    for table in ("actions", "rejections", "suggestions", "mentions", "post_holders", "posts", "actor_aliases"):
        op.drop_table(table)
