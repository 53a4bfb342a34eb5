"""Sketches of documents' words, and which document is a copy of which (dossier.analysis.copies)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from dossier.db.models import Document, DocumentSketch


def write_sketch(session: Session, doc_id: int, hashes: Sequence[int]) -> None:
    session.execute(delete(DocumentSketch).where(DocumentSketch.document_id == doc_id))
    if hashes:
        session.execute(insert(DocumentSketch), [{"document_id": doc_id, "hash": h} for h in hashes])


def sketch_of(session: Session, doc_id: int) -> tuple[int, ...]:
    return tuple(session.scalars(select(DocumentSketch.hash).where(DocumentSketch.document_id == doc_id)
                                 .order_by(DocumentSketch.hash)))


def candidates(session: Session, hashes: Sequence[int], *, at_least: int, exclude: int | None = None,
               limit: int = 8) -> list[tuple[int, int]]:
    """(document id, sketch hashes shared) of the documents sharing at least `at_least` of these
    hashes, most shared first (an index lookup: no document's text is read)."""
    if not hashes:
        return []
    shared = func.count().label("shared")
    q = (select(DocumentSketch.document_id, shared).where(DocumentSketch.hash.in_(list(hashes)))
         .group_by(DocumentSketch.document_id).having(shared >= at_least)
         .order_by(shared.desc(), DocumentSketch.document_id).limit(limit))
    if exclude is not None:
        q = q.where(DocumentSketch.document_id != exclude)
    return [(d, n) for d, n in session.execute(q)]


def copy_state(session: Session, doc_id: int) -> tuple[int | None, bool]:
    """(the document it is a copy of, whether the user said it is not a copy)."""
    row = session.execute(select(Document.copy_of, Document.not_a_copy).where(Document.id == doc_id)).one()
    return row[0], bool(row[1])


def set_copy_state(session: Session, doc_id: int, copy_of: int | None, not_a_copy: bool) -> None:
    session.execute(update(Document).where(Document.id == doc_id).values(copy_of=copy_of, not_a_copy=not_a_copy))


def copies_made_of(session: Session, doc_id: int) -> list[int]:
    """The documents filed as copies of this one, in filing order."""
    return list(session.scalars(select(Document.id).where(Document.copy_of == doc_id).order_by(Document.id)))


def copies_of(session: Session, doc_ids: Sequence[int]) -> set[int]:
    """Those of these documents that are copies of another."""
    if not doc_ids:
        return set()
    return set(session.scalars(select(Document.id).where(Document.id.in_(list(doc_ids)),
                                                         Document.copy_of.is_not(None))))
