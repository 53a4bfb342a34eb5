"""The passages and histories detail panes show, and counts of filled columns. SQL stops here."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from dossier.db.models import (
    Action,
    Actor,
    Annotation,
    AnnotationTag,
    AuditRecord,
    Document,
    Paragraph,
)
from dossier.domain.audit import SUBJECTS
from dossier.domain.detail import FieldCounts, HistoryLine, Passage

MAX_PASSAGE = 1500  # characters of a very long paragraph shown around the span
_HIDDEN_FIELDS = {"id", "action_id", "annotation_id", "created_at", "changed_at", "updated_at", "due_latest",
                  "due_precision", "due_qualifier", "set_precision", "start", "end", "prefix", "suffix"}
_LABELS = {"due_value": "due", "due_text": "due as written", "set_value": "set on", "set_text": "set as written",
           "owner_id": "owner", "addressed_to_id": "addressed to", "status_document_id": "done by",
           "document_id": "source", "status_note": "note"}
_ACTOR_FIELDS = {"owner_id", "addressed_to_id"}
_DOCUMENT_FIELDS = {"status_document_id", "document_id"}


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


def _value(value: Any) -> str:
    if value in (None, ""):
        return "—"
    text = " ".join(str(value).split())
    return text if len(text) <= 80 else text[:79] + "…"


def _shown(session: Session, name: str, value: Any) -> str:
    """A changed value as people read it: an actor by name, a document as "D3"."""
    if value in (None, ""):
        return "—"
    if name in _ACTOR_FIELDS and isinstance(value, int):
        return session.scalar(select(Actor.name).where(Actor.id == value)) or f"actor {value} (deleted)"
    if name in _DOCUMENT_FIELDS and isinstance(value, int):
        return f"D{value}"
    return _value(value)


def _line(session: Session, record: AuditRecord) -> HistoryLine:
    subject = SUBJECTS.get(record.table_name, record.table_name)
    before = json.loads(record.old) if record.old else {}
    after = json.loads(record.new) if record.new else {}
    if record.op == "insert":
        text = f"{subject} added"
        if record.table_name == "annotation_tags":
            text = f"tag “{after.get('tag', '')}” added"
        elif record.table_name == "action_sources":
            text = f"also set by D{after.get('document_id')}"
    elif record.op == "delete":
        text = f"{subject} deleted"
        if record.table_name == "annotation_tags":
            text = f"tag “{before.get('tag', '')}” removed"
    else:
        changes = [f"{_LABELS.get(name, name.replace('_', ' '))}: {_shown(session, name, before.get(name))} → "
                   f"{_shown(session, name, after.get(name))}"
                   for name in dict.fromkeys([*before, *after])
                   if before.get(name) != after.get(name) and name not in _HIDDEN_FIELDS]
        text = "; ".join(changes) if changes else f"{subject} changed"
    return HistoryLine(at=record.at, who=record.who, text=text)


def action_history(session: Session, action_id: int, limit: int = 200) -> tuple[HistoryLine, ...]:
    q = (select(AuditRecord).where(AuditRecord.action_id == action_id,
                                   AuditRecord.table_name.in_(("actions", "action_sources")))
         .order_by(AuditRecord.id.desc()).limit(limit))
    return tuple(_line(session, r) for r in session.scalars(q).all())


def annotation_history(session: Session, annotation_id: int, document_id: int,
                       limit: int = 200) -> tuple[HistoryLine, ...]:
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
        lines.append(_line(session, r))
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
