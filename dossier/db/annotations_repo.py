"""Annotations, their tags and documents' reviewed status. SQL stops here; callers get records.

Every write keeps the annotation's full-text index row in step, in the same transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, exists, func, insert, or_, select, update
from sqlalchemy.orm import Session

from dossier.db import search
from dossier.db.documents_repo import date_of
from dossier.db.models import Annotation, AnnotationTag, Document, DocumentReview, Paragraph
from dossier.domain.annotations import (
    Anchor,
    AnnotationFields,
    AnnotationFilter,
    AnnotationRow,
    Colour,
    ReviewProgress,
    ReviewStatus,
)
from dossier.domain.errors import NotFound


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, inner spaces made single, duplicates (ignoring case) dropped, order kept."""
    seen: set[str] = set()
    out = []
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return tuple(out)


def _tags_of(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = defaultdict(list)
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        for ann_id, tag in session.execute(select(AnnotationTag.annotation_id, AnnotationTag.tag)
                                           .where(AnnotationTag.annotation_id.in_(chunk))
                                           .order_by(AnnotationTag.annotation_id, AnnotationTag.tag)):
            found[ann_id].append(tag)
    return {i: tuple(found.get(i, ())) for i in ids}


def _paragraph_of(session: Session, doc_id: int, offset: int | None) -> tuple[int | None, int | None]:
    if offset is None:
        return None, None
    row = session.execute(select(Paragraph.number, Paragraph.page)
                          .where(Paragraph.document_id == doc_id, Paragraph.start <= offset)
                          .order_by(Paragraph.start.desc()).limit(1)).first()
    return (row[0], row[1]) if row else (None, None)


_COLUMNS = (Annotation, Document.heading, Document.file_name, Document.date_value, Document.date_precision,
            Document.date_qualifier, Document.date_text, Document.date_end_value)


def _rows(session: Session, query) -> list[AnnotationRow]:
    results = session.execute(query).all()
    tags = _tags_of(session, [r[0].id for r in results])
    rows = []
    for ann, title, file_name, *date_parts in results:
        date = date_of(*date_parts)
        paragraph, page = _paragraph_of(session, ann.document_id, ann.start)
        rows.append(AnnotationRow(
            id=ann.id, document_id=ann.document_id, start=ann.start, end=ann.end, quote=ann.quote,
            prefix=ann.prefix, suffix=ann.suffix, colour=Colour(ann.colour), note=ann.note, tags=tags[ann.id],
            author=ann.author, created_at=ann.created_at, changed_at=ann.changed_at,
            document_title=title or f"D{ann.document_id}", document_file=file_name,
            document_date=date.display() if date else "", paragraph=paragraph, page=page,
            needs_check=bool(ann.needs_check),
        ))
    return rows


def _select():
    return select(*_COLUMNS).join(Document, Document.id == Annotation.document_id)


def get(session: Session, ann_id: int) -> AnnotationRow:
    rows = _rows(session, _select().where(Annotation.id == ann_id))
    if not rows:
        raise NotFound(f"There is no annotation {ann_id}.")
    return rows[0]


def for_document(session: Session, doc_id: int) -> list[AnnotationRow]:
    """A document's annotations in reading order; orphans last."""
    return _rows(session, _select().where(Annotation.document_id == doc_id)
                 .order_by(Annotation.start.is_(None), Annotation.start, Annotation.end, Annotation.id))


def listing(session: Session, f: AnnotationFilter, limit: int | None = None) -> list[AnnotationRow]:
    """Annotations across the dossier, by document date then position."""
    q = _select()
    if f.tag:
        q = q.where(exists().where(AnnotationTag.annotation_id == Annotation.id,
                                   func.lower(AnnotationTag.tag) == f.tag.casefold()))
    if f.colour:
        q = q.where(Annotation.colour == f.colour.value)
    if f.author:
        q = q.where(Annotation.author == f.author)
    if f.document_id is not None:
        q = q.where(Annotation.document_id == f.document_id)
    if f.changed_from:
        q = q.where(Annotation.changed_at >= f.changed_from)
    if f.changed_to:
        q = q.where(Annotation.changed_at < f.changed_to + "\uffff")
    if f.text:
        like = f"%{f.text.lower()}%"
        q = q.where(or_(func.lower(Annotation.quote).like(like), func.lower(Annotation.note).like(like)))
    if f.orphans_only:
        q = q.where(Annotation.start.is_(None))
    q = q.order_by(Document.date_value.is_(None), Document.date_value, Document.id,
                   Annotation.start.is_(None), Annotation.start, Annotation.id)
    if limit:
        q = q.limit(limit)
    return _rows(session, q)


def tag_counts(session: Session) -> list[tuple[str, int]]:
    return [(t, n) for t, n in session.execute(
        select(AnnotationTag.tag, func.count()).group_by(AnnotationTag.tag).order_by(func.lower(AnnotationTag.tag)))]


def authors(session: Session) -> list[str]:
    return list(session.scalars(select(Annotation.author).distinct().order_by(Annotation.author)))


def _write_tags(session: Session, ann_id: int, tags: Sequence[str]) -> None:
    session.execute(delete(AnnotationTag).where(AnnotationTag.annotation_id == ann_id))
    if tags:
        session.execute(insert(AnnotationTag), [{"annotation_id": ann_id, "tag": t} for t in tags])


def _reindex(session: Session, ann: Annotation, tags: Sequence[str]) -> None:
    search.index_annotation(session, ann.id, ann.quote, ann.note, tags)


def insert_annotation(session: Session, doc_id: int, anchor: Anchor, fields: AnnotationFields, author: str,
                      now: str, *, ann_id: int | None = None, created_at: str | None = None) -> int:
    if session.get(Document, doc_id) is None:
        raise NotFound(f"There is no document D{doc_id}.")
    ann = Annotation(id=ann_id, document_id=doc_id, start=anchor.start, end=anchor.end, quote=anchor.quote,
                     prefix=anchor.prefix, suffix=anchor.suffix, colour=fields.colour.value, note=fields.note,
                     author=author, created_at=created_at or now, changed_at=now)
    session.add(ann)
    session.flush()
    tags = clean_tags(fields.tags)
    _write_tags(session, ann.id, tags)
    _reindex(session, ann, tags)
    return ann.id


def _annotation(session: Session, ann_id: int) -> Annotation:
    ann = session.get(Annotation, ann_id)
    if ann is None:
        raise NotFound(f"There is no annotation {ann_id}.")
    return ann


def update_fields(session: Session, ann_id: int, fields: AnnotationFields, now: str,
                  changed_at: str | None = None) -> None:
    ann = _annotation(session, ann_id)
    ann.colour, ann.note, ann.changed_at = fields.colour.value, fields.note, changed_at or now
    ann.needs_check = False  # edited: the user has looked at it
    tags = clean_tags(fields.tags)
    _write_tags(session, ann_id, tags)
    session.flush()
    _reindex(session, ann, tags)


def restore_row(session: Session, row: AnnotationRow) -> None:
    """Put an annotation back exactly as recorded (the undo of a delete or an edit)."""
    ann = session.get(Annotation, row.id)
    if ann is None:
        ann = Annotation(id=row.id, document_id=row.document_id)
        session.add(ann)
    ann.start, ann.end, ann.quote, ann.prefix, ann.suffix = row.start, row.end, row.quote, row.prefix, row.suffix
    ann.colour, ann.note, ann.author = row.colour.value, row.note, row.author
    ann.created_at, ann.changed_at = row.created_at, row.changed_at
    ann.needs_check = row.needs_check
    session.flush()
    _write_tags(session, row.id, row.tags)
    _reindex(session, ann, row.tags)


def delete_annotation(session: Session, ann_id: int) -> None:
    _annotation(session, ann_id)
    search.unindex_annotation(session, ann_id)
    session.execute(delete(Annotation).where(Annotation.id == ann_id))


def move_anchor(session: Session, ann_id: int, start: int | None, end: int | None, quote: str | None = None,
                prefix: str | None = None, suffix: str | None = None, needs_check: bool = False) -> None:
    """Set where an annotation sits (None: an orphan). The quote stays as the user saw it unless given.
    `needs_check`: it was moved onto different words, and the user should check it."""
    values: dict[str, object] = {"start": start, "end": end, "needs_check": needs_check}
    if quote is not None:
        values.update(quote=quote, prefix=prefix or "", suffix=suffix or "")
    session.execute(update(Annotation).where(Annotation.id == ann_id).values(**values))
    if quote is not None:
        ann = _annotation(session, ann_id)
        _reindex(session, ann, _tags_of(session, [ann_id])[ann_id])


def document_ids_with_tag(session: Session, tag: str) -> set[int]:
    return set(session.scalars(select(Annotation.document_id).join(AnnotationTag)
                               .where(func.lower(AnnotationTag.tag) == tag.casefold())))


# -- reviewed status ---------------------------------------------------------------------------

def review_of(session: Session, doc_id: int) -> ReviewStatus | None:
    r = session.get(DocumentReview, doc_id)
    return ReviewStatus(doc_id, r.reviewed_by, r.reviewed_at) if r else None


def reviews_of(session: Session, ids: Sequence[int]) -> dict[int, ReviewStatus]:
    out: dict[int, ReviewStatus] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        for r in session.scalars(select(DocumentReview).where(DocumentReview.document_id.in_(chunk))):
            out[r.document_id] = ReviewStatus(r.document_id, r.reviewed_by, r.reviewed_at)
    return out


def set_review(session: Session, doc_id: int, status: ReviewStatus | None) -> None:
    if session.get(Document, doc_id) is None:
        raise NotFound(f"There is no document D{doc_id}.")
    session.execute(delete(DocumentReview).where(DocumentReview.document_id == doc_id))
    if status is not None:
        session.execute(update(Document).where(Document.id == doc_id, Document.changed_since_review.is_not(None))
                        .values(changed_since_review=None))
        session.execute(insert(DocumentReview), [{"document_id": doc_id, "reviewed_by": status.reviewed_by,
                                                   "reviewed_at": status.reviewed_at}])


def review_progress(session: Session) -> ReviewProgress:
    total = session.scalar(select(func.count()).select_from(Document)) or 0
    reviewed = session.scalar(select(func.count()).select_from(DocumentReview)) or 0
    return ReviewProgress(reviewed, total)


def reviewed_ids(session: Session) -> set[int]:
    return set(session.scalars(select(DocumentReview.document_id)))


def annotation_counts(session: Session, ids: Sequence[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        for doc_id, n in session.execute(select(Annotation.document_id, func.count())
                                         .where(Annotation.document_id.in_(chunk))
                                         .group_by(Annotation.document_id)):
            out[doc_id] = n
    return out


def orphan_count(session: Session, doc_id: int | None = None) -> int:
    q = select(func.count()).select_from(Annotation).where(Annotation.start.is_(None))
    if doc_id is not None:
        q = q.where(Annotation.document_id == doc_id)
    return session.scalar(q) or 0


def anchors_of(session: Session, doc_id: int) -> list[tuple[int, Anchor]]:
    """(id, anchor) of a document's annotations; an orphan's anchor has offsets -1."""
    return [(a.id, Anchor(a.start if a.start is not None else -1, a.end if a.end is not None else -1,
                          a.quote, a.prefix, a.suffix))
            for a in session.scalars(select(Annotation).where(Annotation.document_id == doc_id))]

