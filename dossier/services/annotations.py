"""Annotations and reviewed status: the reviewer's use cases. Each call is one short transaction."""

from __future__ import annotations

import getpass
import os
from collections.abc import Sequence

from sqlalchemy.orm import Session, sessionmaker

from dossier.analysis.anchoring import anchor_at, find_quote, quote_spans
from dossier.db import annotations_repo as repo
from dossier.db import detail_repo, documents_repo
from dossier.domain.annotations import (
    AnnotationFields,
    AnnotationFilter,
    AnnotationRow,
    RecordDocument,
    ReviewProgress,
    ReviewStatus,
)
from dossier.domain.changes import Changed, Changes, Kind
from dossier.domain.clock import Clock, stamp
from dossier.domain.detail import FieldCounts, ItemDetail
from dossier.domain.errors import DossierError
from dossier.services.audit import history_lines


def system_user() -> str:
    """The login name, the default author of annotations."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


class QuoteNotFound(DossierError):
    pass


class AnnotationService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self.clock = clock

    # -- reading ---------------------------------------------------------------------------------
    def get(self, ann_id: int) -> AnnotationRow:
        with self._sessions() as session:
            return repo.get(session, ann_id)

    def for_document(self, doc_id: int) -> tuple[AnnotationRow, ...]:
        with self._sessions() as session:
            return tuple(repo.for_document(session, doc_id))

    def list(self, f: AnnotationFilter | None = None, limit: int | None = None) -> tuple[AnnotationRow, ...]:
        with self._sessions() as session:
            return tuple(repo.listing(session, f or AnnotationFilter(), limit))

    def field_counts(self) -> FieldCounts:
        """How many annotations there are, and how many have a note or a tag (counted, not read)."""
        with self._sessions() as session:
            return detail_repo.annotation_counts(session)

    def detail(self, ann_id: int) -> ItemDetail:
        """The annotation's words in their paragraph, with the document's label, and its history."""
        with self._sessions() as session:
            row = repo.get(session, ann_id)
            found = (detail_repo.passage(session, row.document_id, row.start, row.end if row.end is not None
                                         else row.start) if row.start is not None else None)
            note = "" if found else "These words were not found in the document's current text."
            return ItemDetail(title=f"“{' '.join(row.quote.split())}”", passage=found,
                              history=history_lines(session, detail_repo.annotation_history(
                                  session, ann_id, row.document_id)), note=note)

    def tags(self) -> tuple[tuple[str, int], ...]:
        """Every tag in use, with how many annotations carry it."""
        with self._sessions() as session:
            return tuple(repo.tag_counts(session))

    def authors(self) -> tuple[str, ...]:
        with self._sessions() as session:
            return tuple(repo.authors(session))

    def orphans(self) -> tuple[AnnotationRow, ...]:
        return self.list(AnnotationFilter(orphans_only=True))

    # -- writing ---------------------------------------------------------------------------------
    def create(self, doc_id: int, start: int, end: int, fields: AnnotationFields,
               author: str = "") -> Changed[AnnotationRow]:
        """Annotate text[start:end] of a document (offsets into its stored text)."""
        with self._sessions.begin() as session:
            text = documents_repo.document_text(session, doc_id)
            start, end = _trimmed(text, start, end)
            anchor = anchor_at(text, start, end)
            ann_id = repo.insert_annotation(session, doc_id, anchor, fields, author or system_user(), stamp(self.clock))
            return Changed(repo.get(session, ann_id), _touched(ann_id))

    def create_at_quote(self, doc_id: int, quote: str, fields: AnnotationFields, author: str = "",
                        occurrence: int = 1) -> Changed[AnnotationRow]:
        """Annotate the n-th occurrence of some exact words (for scripts and tests)."""
        with self._sessions() as session:
            text = documents_repo.document_text(session, doc_id)
        span = find_quote(text, quote, occurrence)
        if span is None:
            count = len(quote_spans(text, quote))
            where = f"only {count} time{'s' if count != 1 else ''}" if count else "nowhere"
            raise QuoteNotFound(f'D{doc_id}: "{quote}" occurs {where}, so occurrence {occurrence} cannot be annotated.')
        return self.create(doc_id, span[0], span[1], fields, author)

    def update(self, ann_id: int, fields: AnnotationFields) -> Changed[tuple[AnnotationRow, AnnotationRow]]:
        """Change colour, note and tags. Returns (before, after)."""
        with self._sessions.begin() as session:
            before = repo.get(session, ann_id)
            repo.update_fields(session, ann_id, fields, stamp(self.clock))
            return Changed((before, repo.get(session, ann_id)), _touched(ann_id))

    def delete(self, ann_id: int) -> Changed[AnnotationRow]:
        """Delete an annotation; returns it, so that `restore` can put it back."""
        with self._sessions.begin() as session:
            row = repo.get(session, ann_id)
            repo.delete_annotation(session, ann_id)
            return Changed(row, _touched(ann_id))

    def restore(self, row: AnnotationRow) -> Changed[None]:
        """Put an annotation back exactly as it was, with the same id (undo of delete or edit)."""
        with self._sessions.begin() as session:
            repo.restore_row(session, row)
            return Changed(None, _touched(row.id))

    def place_orphan(self, ann_id: int, start: int, end: int) -> Changed[AnnotationRow]:
        """Anchor an orphan (or move any annotation) onto new words chosen by hand."""
        with self._sessions.begin() as session:
            row = repo.get(session, ann_id)
            text = documents_repo.document_text(session, row.document_id)
            start, end = _trimmed(text, start, end)
            anchor = anchor_at(text, start, end)
            repo.move_anchor(session, ann_id, anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix)
            return Changed(repo.get(session, ann_id), _touched(ann_id))

    def review_record(self, *, annotated_only: bool = False) -> tuple[RecordDocument, ...]:
        """Every document (or only the annotated ones) in date order, with status and annotations."""
        by_document: dict[int, list[AnnotationRow]] = {}
        for a in self.list():
            by_document.setdefault(a.document_id, []).append(a)
        with self._sessions() as session:
            ids = documents_repo.document_ids(session, sort="date")
            if annotated_only:
                ids = [i for i in ids if i in by_document]
            rows = documents_repo.document_rows(session, ids)
            reviews = repo.reviews_of(session, ids)
        out = []
        for r in rows:
            review = reviews.get(r.id)
            out.append(RecordDocument(
                r.id, r.label, r.file_name, r.date.display() if r.date else "",
                review.reviewed_by if review else None, review.reviewed_at if review else None,
                tuple(by_document.get(r.id, ()))))
        return tuple(out)

    # -- reviewed status -------------------------------------------------------------------------
    def review_status(self, doc_id: int) -> ReviewStatus | None:
        with self._sessions() as session:
            return repo.review_of(session, doc_id)

    def set_reviewed(self, doc_id: int, reviewed: bool,
                     by: str = "") -> Changed[tuple[ReviewStatus | None, ReviewStatus | None]]:
        """Mark a document reviewed (or not). Returns (before, after) for undo."""
        with self._sessions.begin() as session:
            before = repo.review_of(session, doc_id)
            after = ReviewStatus(doc_id, by or system_user(), stamp(self.clock)) if reviewed else None
            if reviewed and before is not None:
                after = before  # already reviewed: keep who and when
            repo.set_review(session, doc_id, after)
            return Changed((before, after), Changes.of(Kind.REVIEWS, [doc_id]))

    def restore_review(self, doc_id: int, status: ReviewStatus | None) -> Changed[None]:
        with self._sessions.begin() as session:
            repo.set_review(session, doc_id, status)
            return Changed(None, Changes.of(Kind.REVIEWS, [doc_id]))

    def progress(self) -> ReviewProgress:
        with self._sessions() as session:
            return repo.review_progress(session)

    def reviewed_ids(self) -> frozenset[int]:
        with self._sessions() as session:
            return frozenset(repo.reviewed_ids(session))

    def next_unreviewed(self, order: Sequence[int], after: int | None) -> int | None:
        """The first unreviewed document after `after` in the given order, wrapping round."""
        done = self.reviewed_ids()
        if not order:
            return None
        start = order.index(after) + 1 if after in order else 0
        for doc_id in (*order[start:], *order[:start]):
            if doc_id not in done and doc_id != after:
                return doc_id
        return None


def _touched(ann_id: int) -> Changes:
    return Changes.of(Kind.ANNOTATIONS, [ann_id])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection without the whitespace at its ends; refuse an empty one."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise DossierError("Select some words of the document to annotate.")
    return start, end
