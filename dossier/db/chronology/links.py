"""What dating an undated document by its links reads: the texts of documents, and those that
hold some words, cite a reference or name a file."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import (
    func,
    select,
)
from sqlalchemy.orm import Session

from dossier.db import search
from dossier.db.chronology.fields import (
    chunks,
    fields_of,
    partial_date,
)
from dossier.db.models import (
    ChronologyEntry,
    Document,
    Paragraph,
)
from dossier.db.models import EntrySource as SourceRow
from dossier.domain.chronology import (
    DocumentText,
)
from dossier.domain.dates import PartialDate


def document_references(session: Session, document_id: int) -> list[tuple[str, PartialDate]]:
    """(kind, date) of the entries a document is a source of."""
    stmt = (select(ChronologyEntry).join(SourceRow, SourceRow.entry_id == ChronologyEntry.id)
            .where(SourceRow.document_id == document_id))
    return [(e.kind, date) for e in session.scalars(stmt) if e.date_value and (date := fields_of(e).date)]


def document_texts(session: Session, ids: Iterable[int], *, dated_only: bool = False) -> list[DocumentText]:
    """The texts of some documents, with their quoted paragraphs, reference, file and date."""
    wanted = sorted(set(ids))
    quoted: dict[int, list[tuple[int, int]]] = defaultdict(list)
    out = []
    for chunk in chunks(wanted):
        for doc_id, start, end in session.execute(
                select(Paragraph.document_id, Paragraph.start, Paragraph.end)
                .where(Paragraph.document_id.in_(chunk), Paragraph.quoted.is_(True))
                .order_by(Paragraph.document_id, Paragraph.start)):
            quoted[doc_id].append((start, end))
        stmt = select(Document.id, Document.heading, Document.file_name, Document.text, Document.reference,
                      Document.date_value, Document.date_precision, Document.date_qualifier, Document.date_text,
                      Document.date_end_value).where(Document.id.in_(chunk))
        if dated_only:
            stmt = stmt.where(Document.date_value.is_not(None))
        for doc_id, title, file_name, text, reference, *date in session.execute(stmt):
            out.append(DocumentText(doc_id, title or f"D{doc_id}", text or "", tuple(quoted[doc_id]), reference,
                                    file_name, partial_date(*date)))
    return out


def documents_with_words(session: Session, words: Sequence[str], limit: int) -> list[int]:
    """Up to `limit` documents whose text holds all these words: through the full-text index, else
    (a back end without one) by a slower scan of the texts."""
    found = search.documents_with_words(session, words, limit)
    if found is not None:
        return found
    stmt = select(Document.id)
    for w in words:
        stmt = stmt.where(func.lower(Document.text).contains(w, autoescape=True))
    return list(session.scalars(stmt.order_by(Document.id).limit(limit)))


def texts(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """The texts of some documents."""
    out: dict[int, str] = {}
    for chunk in chunks(sorted(set(ids))):
        out.update((i, t or "") for i, t in session.execute(select(Document.id, Document.text)
                                                            .where(Document.id.in_(chunk))))
    return out


def dated_references(session: Session, exclude: int) -> list[tuple[int, str]]:
    """(id, reference) of every dated document with a reference, but one."""
    return [(i, r) for i, r in session.execute(select(Document.id, Document.reference).where(
        Document.reference.is_not(None), Document.date_value.is_not(None), Document.id != exclude)) if r is not None]


def dated_file_names(session: Session, exclude: int) -> list[tuple[int, str]]:
    """(id, file name) of every dated document but one."""
    return [(i, n) for i, n in session.execute(select(Document.id, Document.file_name).where(
        Document.date_value.is_not(None), Document.id != exclude))]
