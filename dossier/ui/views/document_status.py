"""What happens to the document shown as a whole: re-filed from a better copy, marked reviewed, found
not to be a copy. A part of the documents page (DocumentsPage), apart because it is its own idea."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QSplitter

from dossier.domain.records import FileCopy
from dossier.ui.commands.annotations import RefileCommand, ReviewCommand
from dossier.ui.commands.copies import NotACopyCommand
from dossier.ui.context import UiContext
from dossier.ui.dialogs.progress import WorkProgressDialog
from dossier.ui.models.documents_model import DocumentsModel
from dossier.ui.views.documents_panel import DocumentsPanel
from dossier.ui.views.reader import ReaderView
from dossier.ui.workers import ReadCopyJob

IMPORT_FILTER = "Documents (*.pdf *.docx *.eml *.msg *.html *.htm *.rtf *.txt *.text *.md);;All files (*)"


if TYPE_CHECKING:
    from dossier.services import Services


class DocumentStatusMixin(QSplitter):
    """The page's re-filing and reviewed-status actions; the page (DocumentsPage, a QSplitter)
    holds the parts they use, declared here."""

    context: UiContext
    reader: ReaderView
    model: DocumentsModel
    documents_panel: DocumentsPanel
    reviewed_action: QAction
    refile_job: ReadCopyJob | None
    _refile_progress: WorkProgressDialog | None
    copy_of: int | None

    if TYPE_CHECKING:  # the page's own
        @property
        def services(self) -> Services | None: ...
        @property
        def document_id(self) -> int | None: ...
        def _author(self) -> str: ...

    def apply_refile(self, doc_id: int, copy: FileCopy) -> RefileCommand | None:
        """Put a copy already read in place of a document's original (undoable), then say what
        became of its annotations."""
        if self.services is None:
            return None
        command = RefileCommand(self.services.documents, self.context.notify, doc_id, copy)
        if not self.context.push(command):
            return None
        report = command.report
        if report is not None:
            text = (f"D{doc_id} re-filed from {copy.file_name}. Annotations: {report.kept} in place, "
                    f"{report.moved} moved"
                    f", {len(report.orphans)} could not be placed.")
            if report.changed_words:
                text += f" {len(report.changed_words)} now on different words: check them (Annotations)."
            if report.review_cleared is not None:
                text += " Changed since reviewed: its reviewed mark is cleared."
            self.context.status(text)
            if report.orphans:
                lines = "\n".join(f"• “{' '.join(a.quote.split())[:80]}”" + (f" — {a.note[:80]}" if a.note else "")
                                  for a in report.orphans)
                self.context.message(QMessageBox.Icon.Information, "Some annotations need placing",
                                     f"{len(report.orphans)} annotation(s) of D{doc_id} could not be found in the new "
                                     "text. They are kept, marked as orphans in the Annotations pane: select the words "
                                     "they belong on and choose Document ▸ Place Annotation on Selection.", lines)
        return command

    # -- reviewed status -------------------------------------------------------------------------
    def refresh_review(self) -> None:
        doc_id = self.document_id
        status = self.services.annotations.review_status(doc_id) if doc_id is not None and self.services else None
        self.reviewed_action.setChecked(status is not None)
        self.reader.header.set_review(status)

    def set_reviewed(self, reviewed: bool) -> bool:
        doc_id = self.document_id
        if self.services is None or doc_id is None:
            return False
        return self.context.push(ReviewCommand(self.services.annotations, self.context.notify, doc_id, reviewed,
                                               self._author()))

    def not_a_copy(self) -> bool:
        """The document shown is not a copy of the earlier one it was found to repeat (undoable)."""
        doc_id = self.document_id
        if self.services is None or doc_id is None or self.copy_of is None:
            return False
        was = self.copy_of
        if not self.context.push(NotACopyCommand(self.services.copies, self.context.notify, doc_id)):
            return False
        self.context.status(f"D{doc_id} is no longer shown as a copy of D{was}.")
        return True

    def toggle_reviewed(self) -> bool:
        doc_id = self.document_id
        if self.services is None or doc_id is None:
            return False
        return self.set_reviewed(self.services.annotations.review_status(doc_id) is None)

    def next_unreviewed(self) -> int | None:
        """Open the next document (in the table's order) that nobody has reviewed."""
        if self.services is None:
            return None
        next_id = self.services.annotations.next_unreviewed(self.model.ids(), self.document_id)
        if next_id is None:
            self.context.status("Every document listed has been reviewed.")
            return None
        self.documents_panel.show_document(next_id)
        self.reader.text.setFocus(Qt.FocusReason.OtherFocusReason)
        return next_id

    def review_and_next(self) -> int | None:
        doc_id = self.document_id
        if self.services is None or doc_id is None:
            return None
        if self.services.annotations.review_status(doc_id) is None:
            self.set_reviewed(True)
        return self.next_unreviewed()


    def refile_dialog(self) -> None:
        doc_id = self.document_id
        if self.services is None or doc_id is None:
            return
        from PySide6.QtWidgets import QFileDialog

        name, _filter = QFileDialog.getOpenFileName(
            self.window(), f"Re-file D{doc_id} with a Better Copy", self.context.settings.last_folder(),
            IMPORT_FILTER)
        if name:
            self.refile(doc_id, Path(name))

    def refile(self, doc_id: int, path: Path) -> ReadCopyJob | None:
        """Re-file a document from a better copy: the file is read off the GUI thread (with a
        progress dialog and Cancel), then put in place by an undoable command (apply_refile)."""
        if self.services is None or self.refile_job is not None:
            return None
        job = ReadCopyJob(self.services.documents, doc_id, path, self)
        progress = WorkProgressDialog(f"Reading {path.name}…", "Re-file with a Better Copy", self.window(),
                                      width=380)
        progress.canceled.connect(job.cancel)
        job.done.connect(self._refile_read)
        self.refile_job, self._refile_progress = job, progress
        job.start()
        return job

    def _refile_read(self, copy: FileCopy | None, error: str, cancelled: bool) -> None:
        job, progress = self.refile_job, self._refile_progress
        self.refile_job = self._refile_progress = None
        if progress is not None:
            progress.finish()
        if job is None or cancelled:
            return
        if self.services is None or self.services.documents is not job.documents:
            self.context.status(f"D{job.doc_id} was not re-filed: its dossier was closed while {job.path.name} "
                                "was being read.")
            return
        if copy is None:
            self.context.message(QMessageBox.Icon.Warning, "Re-file with a Better Copy",
                                 f"D{job.doc_id} was not re-filed: {error}")
            return
        self.apply_refile(job.doc_id, copy)
