"""Undoable annotation edits and reviewed marks. Each step is one service call."""

from __future__ import annotations

from dossier.domain.annotations import AnnotationFields, AnnotationRow, ReanchorReport, ReviewStatus
from dossier.domain.changes import Changes
from dossier.domain.records import FileCopy
from dossier.services.annotations import AnnotationService
from dossier.services.documents import DocumentService
from dossier.ui.commands.base import Notify, ServiceCommand
from dossier.ui.commands.chronology import short


class AnnotateCommand(ServiceCommand):
    """Create an annotation; undo deletes it, redo puts the same one (same id) back."""

    def __init__(self, annotations: AnnotationService, notify: Notify, doc_id: int, start: int, end: int,
                 fields: AnnotationFields, author: str, words: str) -> None:
        super().__init__(f"Annotate “{short(words)}”", notify)
        self._annotations = annotations
        self.doc_id, self.start, self.end, self.fields, self.author = doc_id, start, end, fields, author
        self.row: AnnotationRow | None = None

    def run(self) -> Changes:
        if self.row is None:
            done = self._annotations.create(self.doc_id, self.start, self.end, self.fields, self.author)
            self.row = done.value
            return done.changes
        return self._annotations.restore(self.row).changes

    def revert(self) -> Changes:
        if self.row is not None:
            done = self._annotations.delete(self.row.id)
            self.row = done.value
            return done.changes
        return Changes.none()


class EditAnnotationCommand(ServiceCommand):
    def __init__(self, annotations: AnnotationService, notify: Notify, ann_id: int, fields: AnnotationFields,
                 quote: str) -> None:
        super().__init__(f"Edit annotation on “{short(quote)}”", notify)
        self._annotations = annotations
        self.ann_id, self.fields = ann_id, fields
        self.before: AnnotationRow | None = None

    def run(self) -> Changes:
        done = self._annotations.update(self.ann_id, self.fields)
        self.before, _after = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.before is not None:
            return self._annotations.restore(self.before).changes
        return Changes.none()


class DeleteAnnotationCommand(ServiceCommand):
    def __init__(self, annotations: AnnotationService, notify: Notify, ann_id: int, quote: str) -> None:
        super().__init__(f"Delete annotation on “{short(quote)}”", notify)
        self._annotations = annotations
        self.ann_id = ann_id
        self.row: AnnotationRow | None = None

    def run(self) -> Changes:
        done = self._annotations.delete(self.ann_id)
        self.row = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.row is not None:
            return self._annotations.restore(self.row).changes
        return Changes.none()


class PlaceAnnotationCommand(ServiceCommand):
    """Anchor an orphan (or move an annotation) onto words chosen by hand."""

    def __init__(self, annotations: AnnotationService, notify: Notify, ann_id: int, start: int, end: int,
                 quote: str) -> None:
        super().__init__(f"Place annotation “{short(quote)}”", notify)
        self._annotations = annotations
        self.ann_id, self.start, self.end = ann_id, start, end
        self.before: AnnotationRow | None = None

    def run(self) -> Changes:
        self.before = self._annotations.get(self.ann_id)
        return self._annotations.place_orphan(self.ann_id, self.start, self.end).changes

    def revert(self) -> Changes:
        if self.before is not None:
            return self._annotations.restore(self.before).changes
        return Changes.none()


class ReviewCommand(ServiceCommand):
    """Mark a document reviewed or not; undo puts back who and when exactly."""

    def __init__(self, annotations: AnnotationService, notify: Notify, doc_id: int, reviewed: bool, by: str) -> None:
        super().__init__(f"Mark D{doc_id} {'reviewed' if reviewed else 'not reviewed'}", notify)
        self._annotations = annotations
        self.doc_id, self.reviewed, self.by = doc_id, reviewed, by
        self.before: ReviewStatus | None = None
        self.after: ReviewStatus | None = None
        self._made = False

    def run(self) -> Changes:
        if not self._made:
            done = self._annotations.set_reviewed(self.doc_id, self.reviewed, self.by)
            self.before, self.after = done.value
            self._made = True
            return done.changes
        # a redo restores the same mark, with its first time
        return self._annotations.restore_review(self.doc_id, self.after).changes

    def revert(self) -> Changes:
        return self._annotations.restore_review(self.doc_id, self.before).changes


class RefileCommand(ServiceCommand):
    """Replace a document's original with a better copy, already read; undo puts the old original
    back, with the text it had (nothing is read again either way).

    Both directions re-anchor annotations, so an annotation orphaned by the new text finds its
    words again when the old text returns.
    """

    def __init__(self, documents: DocumentService, notify: Notify, doc_id: int, new: FileCopy) -> None:
        super().__init__(f"Re-file D{doc_id} from {new.file_name}", notify)
        self._documents = documents
        self.doc_id, self.new = doc_id, new
        self.old: FileCopy | None = None
        self.report: ReanchorReport | None = None
        self.cleared: ReviewStatus | None = None  # the reviewed mark the re-file cleared: an undo puts it back

    def run(self) -> Changes:
        if self.old is None:
            self.old = self._documents.current_copy(self.doc_id)
        done = self._documents.refile_copy(self.doc_id, self.new)
        self.report = done.value
        self.cleared = self.report.review_cleared or self.cleared
        return done.changes

    def revert(self) -> Changes:
        if self.old is not None:
            done = self._documents.refile_copy(self.doc_id, self.old, review=self.cleared)
            self.report = done.value
            return done.changes
        return Changes.none()
