"""Undoable annotation edits and reviewed marks. Each step is one service call."""

from __future__ import annotations

from dossier.domain.annotations import AnnotationFields, AnnotationRow, ReanchorReport, ReviewStatus
from dossier.domain.records import FileCopy
from dossier.services.annotations import AnnotationService
from dossier.services.documents import DocumentService
from dossier.ui.commands.base import (
    ACTIONS,
    ANNOTATIONS,
    CHRONOLOGY,
    DOCUMENTS,
    MENTIONS,
    REVIEWS,
    SUGGESTIONS,
    Notify,
    ServiceCommand,
)
from dossier.ui.commands.chronology import short

SCOPE = frozenset({ANNOTATIONS})


class AnnotateCommand(ServiceCommand):
    """Create an annotation; undo deletes it, redo puts the same one (same id) back."""

    scope = SCOPE

    def __init__(self, annotations: AnnotationService, notify: Notify, doc_id: int, start: int, end: int,
                 fields: AnnotationFields, author: str, words: str) -> None:
        super().__init__(f"Annotate “{short(words)}”", notify)
        self._annotations = annotations
        self.doc_id, self.start, self.end, self.fields, self.author = doc_id, start, end, fields, author
        self.row: AnnotationRow | None = None

    def run(self) -> None:
        if self.row is None:
            self.row = self._annotations.create(self.doc_id, self.start, self.end, self.fields, self.author)
        else:
            self._annotations.restore(self.row)

    def revert(self) -> None:
        if self.row is not None:
            self.row = self._annotations.delete(self.row.id)


class EditAnnotationCommand(ServiceCommand):
    scope = SCOPE

    def __init__(self, annotations: AnnotationService, notify: Notify, ann_id: int, fields: AnnotationFields,
                 quote: str) -> None:
        super().__init__(f"Edit annotation on “{short(quote)}”", notify)
        self._annotations = annotations
        self.ann_id, self.fields = ann_id, fields
        self.before: AnnotationRow | None = None

    def run(self) -> None:
        self.before, _after = self._annotations.update(self.ann_id, self.fields)

    def revert(self) -> None:
        if self.before is not None:
            self._annotations.restore(self.before)


class DeleteAnnotationCommand(ServiceCommand):
    scope = SCOPE

    def __init__(self, annotations: AnnotationService, notify: Notify, ann_id: int, quote: str) -> None:
        super().__init__(f"Delete annotation on “{short(quote)}”", notify)
        self._annotations = annotations
        self.ann_id = ann_id
        self.row: AnnotationRow | None = None

    def run(self) -> None:
        self.row = self._annotations.delete(self.ann_id)

    def revert(self) -> None:
        if self.row is not None:
            self._annotations.restore(self.row)


class PlaceAnnotationCommand(ServiceCommand):
    """Anchor an orphan (or move an annotation) onto words chosen by hand."""

    scope = SCOPE

    def __init__(self, annotations: AnnotationService, notify: Notify, ann_id: int, start: int, end: int,
                 quote: str) -> None:
        super().__init__(f"Place annotation “{short(quote)}”", notify)
        self._annotations = annotations
        self.ann_id, self.start, self.end = ann_id, start, end
        self.before: AnnotationRow | None = None

    def run(self) -> None:
        self.before = self._annotations.get(self.ann_id)
        self._annotations.place_orphan(self.ann_id, self.start, self.end)

    def revert(self) -> None:
        if self.before is not None:
            self._annotations.restore(self.before)


class ReviewCommand(ServiceCommand):
    """Mark a document reviewed or not; undo puts back who and when exactly."""

    scope = frozenset({REVIEWS})

    def __init__(self, annotations: AnnotationService, notify: Notify, doc_id: int, reviewed: bool, by: str) -> None:
        super().__init__(f"Mark D{doc_id} {'reviewed' if reviewed else 'not reviewed'}", notify)
        self._annotations = annotations
        self.doc_id, self.reviewed, self.by = doc_id, reviewed, by
        self.before: ReviewStatus | None = None
        self.after: ReviewStatus | None = None
        self._made = False

    def run(self) -> None:
        if not self._made:
            self.before, self.after = self._annotations.set_reviewed(self.doc_id, self.reviewed, self.by)
            self._made = True
        else:  # a redo restores the same mark, with its first time
            self._annotations.restore_review(self.doc_id, self.after)

    def revert(self) -> None:
        self._annotations.restore_review(self.doc_id, self.before)


class RefileCommand(ServiceCommand):
    """Replace a document's original with a better copy, already read; undo puts the old original
    back, with the text it had (nothing is read again either way).

    Both directions re-anchor annotations, so an annotation orphaned by the new text finds its
    words again when the old text returns.
    """

    scope = frozenset({ANNOTATIONS, DOCUMENTS, MENTIONS, CHRONOLOGY, ACTIONS, SUGGESTIONS, REVIEWS})

    def __init__(self, documents: DocumentService, notify: Notify, doc_id: int, new: FileCopy) -> None:
        super().__init__(f"Re-file D{doc_id} from {new.file_name}", notify)
        self._documents = documents
        self.doc_id, self.new = doc_id, new
        self.old: FileCopy | None = None
        self.report: ReanchorReport | None = None
        self.cleared: ReviewStatus | None = None  # the reviewed mark the re-file cleared: an undo puts it back

    def run(self) -> None:
        if self.old is None:
            self.old = self._documents.current_copy(self.doc_id)
        self.report = self._documents.refile_copy(self.doc_id, self.new)
        self.cleared = self.report.review_cleared or self.cleared

    def revert(self) -> None:
        if self.old is not None:
            self.report = self._documents.refile_copy(self.doc_id, self.old, review=self.cleared)
