"""Documents keep a heading (their title, else one built from kind, parties and date: never the file
name), and a suggestion may propose an action's status (done or superseded, from a later letter).

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

from dossier.domain.dates import PartialDate
from dossier.domain.headings import document_heading
from dossier.domain.records import DocumentKind

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def _date(value, precision, qualifier, text, end_value):
    if not value or not precision:
        return None
    try:
        return PartialDate(value, precision, qualifier, text or "", end_value)
    except ValueError:
        return None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("heading", sa.String(1000), nullable=False, server_default=""))
    with op.batch_alter_table("suggestions") as batch:
        batch.drop_constraint("ck_suggestions_kind", type_="check")
        batch.create_check_constraint("ck_suggestions_kind", "kind IN ('actor', 'action', 'status')")
    bind = op.get_bind()
    parties: dict[int, dict[str, list[str]]] = {}
    for doc_id, role, name in bind.execute(sa.text(
            "SELECT p.document_id, p.role, a.name FROM document_parties p JOIN actors a ON a.id = p.actor_id"
            " ORDER BY p.document_id, p.position")):
        parties.setdefault(doc_id, {}).setdefault(role, []).append(name)
    rows = bind.execute(sa.text(
        "SELECT id, kind, title, date_value, date_precision, date_qualifier, date_text, date_end_value"
        " FROM documents")).all()
    for r in rows:
        p = parties.get(r.id, {})
        try:
            kind = DocumentKind(r.kind)
        except ValueError:
            kind = DocumentKind.OTHER
        heading = document_heading(
            kind, title=r.title, sender=p["sender"][0] if p.get("sender") else None, recipients=p.get("recipient", ()),
            date=_date(r.date_value, r.date_precision, r.date_qualifier, r.date_text, r.date_end_value),
            number=r.id)
        bind.execute(sa.text("UPDATE documents SET heading = :h WHERE id = :i"), {"h": heading[:1000], "i": r.id})


def downgrade() -> None:
    with op.batch_alter_table("suggestions") as batch:
        batch.drop_constraint("ck_suggestions_kind", type_="check")
        batch.create_check_constraint("ck_suggestions_kind", "kind IN ('actor', 'action')")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("heading")
