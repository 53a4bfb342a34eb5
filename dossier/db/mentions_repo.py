"""Mentions: the spans of a document's text tagged with an actor, written and read. SQL stops here."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from dossier.db.models import Actor, Document, Mention, Paragraph
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActorKind
from dossier.domain.register import DocumentMention, MentionRow

KWIC_CHARS = 60  # characters of context either side of a mention


def add_mentions(session: Session, document_id: int, actor_id: int, spans: Sequence[tuple[int, int, str]]) -> list[int]:
    """`add_mention` for several spans of one document at once: the ids of the mentions added, in
    order; a span already tagged with the actor adds none."""
    m = Mention.__table__.c
    have = {(r[0], r[1]) for r in session.execute(select(m.start, m.end).where(
        m.document_id == document_id, m.actor_id == actor_id))}
    rows = []
    for start, end, text in spans:
        if (start, end) not in have:
            have.add((start, end))
            rows.append({"document_id": document_id, "actor_id": actor_id, "start": start, "end": end, "text": text})
    if not rows:
        return []
    table = Mention.__table__
    return list(session.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))


def add_mention(session: Session, document_id: int, actor_id: int, start: int, end: int, text: str) -> int | None:
    existing = session.scalar(select(Mention.id).where(
        Mention.document_id == document_id, Mention.start == start, Mention.end == end, Mention.actor_id == actor_id))
    if existing:
        return None
    row = Mention(document_id=document_id, actor_id=actor_id, start=start, end=end, text=text)
    session.add(row)
    session.flush()
    return row.id


def mentions_of(session: Session, actor_id: int, limit: int = 5000) -> list[MentionRow]:
    stmt = (select(Mention, Document.heading, Document.file_name, Document.date_value, Document.text)
            .join(Document, Document.id == Mention.document_id)
            .where(Mention.actor_id == actor_id)
            .order_by(Document.date_value, Mention.document_id, Mention.start).limit(limit))
    out = []
    for m, title, _file_name, date_value, text in session.execute(stmt):
        para = session.scalar(select(Paragraph.number).where(
            Paragraph.document_id == m.document_id, Paragraph.start <= m.start).order_by(Paragraph.start.desc()).limit(1))
        out.append(MentionRow(
            id=m.id, actor_id=actor_id, document_id=m.document_id, document_title=title or f"D{m.document_id}",
            document_date=PartialDate.parse_iso(date_value) if date_value else None, start=m.start, end=m.end, text=m.text,
            before=" ".join(text[max(0, m.start - KWIC_CHARS):m.start].split()),
            after=" ".join(text[m.end:m.end + KWIC_CHARS].split()), paragraph=para,
        ))
    return out


def document_mentions(session: Session, document_id: int) -> list[DocumentMention]:
    stmt = (select(Mention.id, Mention.start, Mention.end, Actor.id, Actor.name, Actor.kind)
            .join(Actor, Actor.id == Mention.actor_id)
            .where(Mention.document_id == document_id).order_by(Mention.start))
    return [DocumentMention(id=r[0], start=r[1], end=r[2], actor_id=r[3], actor_name=r[4], actor_kind=ActorKind(r[5]))
            for r in session.execute(stmt)]
