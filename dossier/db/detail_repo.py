"""The passages and histories detail panes show, and counts of filled columns. SQL stops here."""

from __future__ import annotations

import json

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from dossier.db import audit
from dossier.db.models import (
    Action,
    Annotation,
    AnnotationTag,
    AuditRecord,
    Document,
    Paragraph,
)
from dossier.domain.audit import AuditEntry
from dossier.domain.detail import FieldCounts, Passage

MAX_PASSAGE = 1500  # characters of a very long paragraph shown around the span


def passage(session: Session, document_id: int, start: int, end: int) -> Passage | None:
    """The paragraph that holds [start, end) in a document (the document's text around it if it has none)."""
    doc = session.execute(select(Document.heading, Document.title, Document.kind, Document.text)
                          .where(Document.id == document_id)).first()
    if doc is None:
        return None
    heading, title, kind, text = doc
    label = heading or title or f"{str(kind).capitalize()} D{document_id}"
    para = session.execute(select(Paragraph.number, Paragraph.start, Paragraph.end)
                           .where(Paragraph.document_id == document_id, Paragraph.start <= start)
                           .order_by(Paragraph.start.desc()).limit(1)).first()
    number, lo, hi = (para[0], para[1], max(para[2], end)) if para is not None else (None, start, end)
    if hi - lo > MAX_PASSAGE:  # a page-long paragraph: the span with some of its context either side
        lo = max(lo, start - MAX_PASSAGE // 2)
        hi = min(hi, max(end, lo + MAX_PASSAGE))
    return Passage(document_id=document_id, document_label=label, paragraph=number, text=text[lo:hi],
                   span_start=start - lo, span_end=min(end, hi) - lo, start=start, end=end)


def action_history(session: Session, action_id: int, limit: int = 200) -> tuple[AuditEntry, ...]:
    """The log rows of an action and its sources, newest first."""
    q = (select(AuditRecord).where(AuditRecord.action_id == action_id,
                                   AuditRecord.table_name.in_(("actions", "action_sources")))
         .order_by(AuditRecord.id.desc()).limit(limit))
    return tuple(audit.entry(r) for r in session.scalars(q).all())


def annotation_history(session: Session, annotation_id: int, document_id: int,
                       limit: int = 200) -> tuple[AuditEntry, ...]:
    """The log rows of an annotation and its tags, newest first."""
    q = (select(AuditRecord)
         .where(or_(and_(AuditRecord.table_name == "annotations", AuditRecord.row_id == annotation_id),
                    and_(AuditRecord.table_name == "annotation_tags", AuditRecord.document_id == document_id)))
         .order_by(AuditRecord.id.desc()))
    lines = []
    for r in session.scalars(q).all():
        if r.table_name == "annotation_tags":
            row = json.loads(r.new or r.old or "{}")
            if row.get("annotation_id") != annotation_id:
                continue
        lines.append(audit.entry(r))
        if len(lines) >= limit:
            break
    return tuple(lines)


# -- which columns any row fills ------------------------------------------------------------------

def action_counts(session: Session) -> FieldCounts:
    total, owner, addressed = session.execute(
        select(func.count(Action.id), func.count(Action.owner_id), func.count(Action.addressed_to_id))).one()
    return FieldCounts(total, (("owner", owner), ("addressed_to", addressed)))


def document_counts(session: Session) -> FieldCounts:
    total, sender, recipient = session.execute(
        select(func.count(Document.id), func.count(Document.sender_sort), func.count(Document.recipient_sort))).one()
    return FieldCounts(total, (("sender", sender), ("recipients", recipient)))


def annotation_counts(session: Session) -> FieldCounts:
    total, noted = session.execute(
        select(func.count(Annotation.id), func.count(case((func.coalesce(Annotation.note, "") != "", 1))))).one()
    tagged = session.scalar(select(func.count(func.distinct(AnnotationTag.annotation_id)))) or 0
    return FieldCounts(total, (("note", noted), ("tags", tagged)))
