"""The Documents view: documents table | reader above Details and Suggestions.

Besides reading and correcting metadata, this is where actors are tagged in the text (Ctrl+T),
where mentions are highlighted, and where the machine's suggestions for a document are accepted
or rejected. Every edit is an undoable command pushed through the UiContext.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QHelpEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QSplitter, QTabWidget, QToolTip, QWidget

from dossier.domain.annotations import AnnotationFields, AnnotationRow, Colour
from dossier.domain.changes import Changes, Kind
from dossier.domain.errors import DossierError
from dossier.domain.findings import ActorKind
from dossier.domain.register import SuggestionRow
from dossier.services import Services
from dossier.services.chronology import proposal_as_date
from dossier.ui.commands.actors import TagCommand
from dossier.ui.commands.annotations import (
    AnnotateCommand,
    DeleteAnnotationCommand,
    EditAnnotationCommand,
    PlaceAnnotationCommand,
)
from dossier.ui.commands.metadata import EditMetadataCommand
from dossier.ui.commands.suggestions import AcceptCommand, AcceptedCommand, RejectCommand, RejectManyCommand
from dossier.ui.context import UiContext, one_line
from dossier.ui.dialogs.actor_dialogs import ActorDialog
from dossier.ui.dialogs.annotation_dialog import AnnotationDialog
from dossier.ui.dialogs.host import DialogSlot
from dossier.ui.dialogs.progress import WorkProgressDialog
from dossier.ui.models.documents_model import DocumentsModel
from dossier.ui.views.annotations_pane import AnnotationLayer, AnnotationsPane
from dossier.ui.views.document_status import DocumentStatusMixin
from dossier.ui.views.documents_panel import DocumentsPanel
from dossier.ui.views.metadata_editor import MetadataEditor
from dossier.ui.views.reader import ReaderView
from dossier.ui.views.suggestions_panel import SuggestionsPanel
from dossier.ui.workers import AcceptAllJob, ReadCopyJob

NO_DOCUMENTS = "No documents yet. Use File ▸ Import, or drop files here."


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the blank space at either end of it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class DocumentsPage(DocumentStatusMixin):
    action_requested = Signal(int, int, int, str)  # document id, start, end, the words: a new action

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.context = context
        self._build_panes()
        self.dialogs = DialogSlot()
        self._build_actions()
        self._connect()

    def _build_panes(self) -> None:
        """The list, the reader with its Details and Suggestions tabs, and the annotations pane, side by side."""
        self.refile_job: ReadCopyJob | None = None  # a better copy being read
        self.accept_job: AcceptAllJob | None = None  # suggestions being accepted across the dossier
        self._accept_progress: WorkProgressDialog | None = None
        self._refile_progress: WorkProgressDialog | None = None
        self.model = DocumentsModel(self)
        self.documents_panel = DocumentsPanel(self.model, self)
        self.documents_panel.table.remember_widths(self.context.settings, "documents/column_widths")
        self.reader = ReaderView(self)
        self.editor = MetadataEditor(self)
        self.suggestions = SuggestionsPanel(self)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("bottomTabs")
        self.bottom_tabs.tabBar().setObjectName("bottomTabBar")
        self.bottom_tabs.setDocumentMode(True)
        self.editor.heading.hide()  # the tab says "Details"
        self.bottom_tabs.addTab(self.editor, "Details")
        self.bottom_tabs.addTab(self.suggestions, "Suggestions")
        self.reader_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.reader_splitter.addWidget(self.reader)
        self.reader_splitter.addWidget(self.bottom_tabs)
        self.reader_splitter.setChildrenCollapsible(False)
        self.reader_splitter.setStretchFactor(0, 1)
        self.annotations_pane = AnnotationsPane(self)
        self.annotation_layer = AnnotationLayer(self.reader.text)
        self.addWidget(self.documents_panel)
        self.addWidget(self.reader_splitter)
        self.addWidget(self.annotations_pane)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(1, 1)

    def _build_actions(self) -> None:
        """The page's actions (the window puts them in its menus), with their shortcuts."""

        self.tag_action = self._action("&Tag Actor…", self.tag_selection, "Ctrl+T",
                                       "Tag the selected words as naming an actor")
        self.new_action_action = self._action("New &Action from Selection…", self.action_from_selection,
                                              "Ctrl+Shift+A", "Record an action from the selected sentence")
        self.accept_all_action = self._action("Accept All &Suggestions", self.accept_all, "",
                                              "Accept every pending suggestion for this document")
        self.annotate_action = self._action("A&nnotate…", self.annotate_selection, "Ctrl+E",
                                            "Highlight the selected words and write a note")
        self.next_annotation_action = self._action("Ne&xt Annotation", lambda: self.step_annotation(True),
                                                   "Ctrl+]", "Go to the next annotation in this document")
        self.previous_annotation_action = self._action("Pre&vious Annotation", lambda: self.step_annotation(False),
                                                       "Ctrl+[", "Go to the previous annotation in this document")
        self.edit_annotation_action = self._action("&Edit Annotation…", self.edit_current_annotation, "",
                                                   "Change the colour, note or tags of the annotation")
        self.delete_annotation_action = self._action("&Delete Annotation", self.delete_current_annotation, "",
                                                     "Delete the annotation (you can undo it)")
        self.place_annotation_action = self._action("&Place Annotation on Selection", self.place_current_annotation,
                                                    "", "Anchor the chosen annotation on the selected words")
        self.reviewed_action = self._action("Mark &Reviewed", self.toggle_reviewed, "Ctrl+Shift+M",
                                            "Mark this document reviewed (or not)")
        self.reviewed_action.setCheckable(True)
        self.reviewed_next_action = self._action("Mark Reviewed and &Next", self.review_and_next, "Ctrl+Return",
                                                 "Mark this document reviewed and open the next unreviewed one")
        self.refile_action = self._action("Re-file with a &Better Copy…", self.refile_dialog, "",
                                          "Replace this document's text with a better copy; annotations follow")
        self.next_unreviewed_action = self._action("Next &Unreviewed", self.next_unreviewed, "F8",
                                                   "Open the next document nobody has reviewed")
        self.not_a_copy_action = self._action("Not a &Copy", self.not_a_copy, "",
                                              "This document was found to repeat an earlier one: it does not")
        self.copy_of: int | None = None  # the earlier document the one shown is a copy of

    def _connect(self) -> None:
        """Signals of the parts to the page's slots."""
        text = self.reader.text
        text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        text.customContextMenuRequested.connect(self._context_menu)
        text.selectionChanged.connect(self._update_actions)
        self.documents_panel.current_document_changed.connect(self.show_document)
        self.editor.apply_requested.connect(self.apply_edit)
        self.editor.proposal_requested.connect(self.propose_date)
        self.suggestions.accept_requested.connect(self.accept)
        self.suggestions.reject_requested.connect(self.reject)
        self.suggestions.accept_all_requested.connect(self.accept_all)
        self.suggestions.accept_dossier_requested.connect(self.accept_dossier)
        self.suggestions.reject_dossier_requested.connect(self.reject_dossier)
        self.suggestions.span_selected.connect(lambda start, end: self.reader.text.select_span(start, end))
        self.annotations_pane.selected.connect(self._show_annotation)
        self.annotations_pane.edit_requested.connect(self.edit_annotation)
        self.annotations_pane.delete_requested.connect(self.delete_annotation)
        text.viewport().installEventFilter(self)
        text.setMouseTracking(True)
        self.context.services_changed.connect(self._set_services)
        self.context.changed.connect(self._on_changed)
        self._update_actions()

    def _action(self, text: str, slot: Any, shortcut: str, tip: str) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def dialog(self) -> QDialog | None:
        """The dialog open now (tests fill it in and accept it)."""
        return self.dialogs.current

    @property
    def services(self) -> Services | None:
        return self.context.services

    @property
    def document_id(self) -> int | None:
        return self.reader.document_id

    # -- showing ---------------------------------------------------------------------------------
    def _set_services(self, services: Services | None) -> None:
        self.documents_panel.clear_filter()
        self.model.set_service(services.documents if services else None)
        if services is not None:
            self.editor.set_actor_names(services.documents.actor_names())
            if self.model.rowCount():
                self.documents_panel.select_row(0)
            else:
                self.reader.show_placeholder(NO_DOCUMENTS)

    def show_document(self, doc_id: int | None) -> None:
        if doc_id is None or self.services is None:
            self.reader.show_placeholder("Select a document to read it" if self.model.rowCount()
                                         else "No documents match the filter" if self.model.text_filter
                                         else NO_DOCUMENTS)
            self.editor.load(None)
            self.copy_of = None
        else:
            detail = self.services.documents.get(doc_id)
            self.reader.show_document(detail)
            self.editor.load(detail)
            self.copy_of = detail.row.copy_of
        self.context.current_document_id = self.document_id
        self.refresh_mentions()
        self.refresh_annotations()
        self.refresh_review()
        self.refresh_suggestions()
        self._update_actions()

    def refresh_mentions(self) -> None:
        doc_id = self.document_id
        if doc_id is None or self.services is None:
            return
        actors = self.services.actors
        mentions = actors.document_mentions(doc_id)
        posts = {r.id: r.posts for r in actors.rows(sorted({m.actor_id for m in mentions}))}
        self.reader.text.mentions.set_mentions(mentions, posts)

    def refresh_suggestions(self) -> None:
        doc_id = self.document_id
        rows = self.services.suggestions.pending(doc_id) if doc_id is not None and self.services else []
        self.suggestions.show_suggestions(rows)
        self.suggestions.set_dossier_counts(self.services.suggestions.pending_counts() if self.services else {})
        self.bottom_tabs.setTabText(1, f"Suggestions  {len(rows)}" if rows else "Suggestions")
        self.accept_all_action.setEnabled(bool(rows))

    def open_passage(self, doc_id: int, start: int = -1, end: int = -1) -> bool:
        """Select the document (clearing a filter that hides it) and select the span in the reader."""
        if not self.documents_panel.show_document(doc_id):
            return False
        if 0 <= start < end:
            self.reader.text.select_span(start, end)
        self.reader.text.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _on_changed(self, changes: Changes) -> None:
        if self.services is None:
            return
        if changes.touches(Kind.DOCUMENTS):
            self.model.reload()  # the panel keeps the current document selected
            if self.document_id is not None:
                detail = self.services.documents.get(self.document_id)
                self.reader.show_document(detail, keep_position=True)
                self.editor.load(detail)
                self.copy_of = detail.row.copy_of
                self._update_actions()
        if changes.touches_any(Kind.ACTORS, Kind.MENTIONS):
            self.refresh_mentions()
        if changes.touches(Kind.ACTORS):
            self.editor.set_actor_names(self.services.documents.actor_names())
        if changes.touches(Kind.SUGGESTIONS):
            self.refresh_suggestions()
        if changes.touches(Kind.ANNOTATIONS):
            current = self.annotations_pane.current()
            self.refresh_annotations(keep=current.id if current else None)
        if changes.touches_any(Kind.ANNOTATIONS, Kind.REVIEWS):
            self.model.refresh_cached()  # the ✓ column and the annotation counts; the order stays
        if changes.touches(Kind.REVIEWS):
            self.refresh_review()

    def _update_actions(self) -> None:
        has_doc = self.document_id is not None and self.services is not None
        selection = self.reader.text.textCursor().hasSelection()
        self.tag_action.setEnabled(has_doc and selection)
        self.new_action_action.setEnabled(has_doc)
        self.annotate_action.setEnabled(has_doc and selection)
        has_notes = has_doc and bool(self.annotation_layer.rows)
        self.next_annotation_action.setEnabled(has_notes)
        self.previous_annotation_action.setEnabled(has_notes)
        current = self.annotations_pane.current() if has_doc else None
        self.edit_annotation_action.setEnabled(current is not None)
        self.delete_annotation_action.setEnabled(current is not None)
        self.place_annotation_action.setEnabled(current is not None and selection)
        for action in (self.reviewed_action, self.reviewed_next_action):
            action.setEnabled(has_doc)
        self.next_unreviewed_action.setEnabled(self.services is not None and self.model.rowCount() > 0)
        self.not_a_copy_action.setEnabled(has_doc and self.copy_of is not None)

    # -- metadata --------------------------------------------------------------------------------
    def apply_edit(self, doc_id: int, changes: dict[str, Any]) -> bool:
        """Make one metadata edit and push it on the undo stack (the first redo reuses it)."""
        if self.services is None or not changes:
            return False
        documents = self.services.documents
        try:
            done = documents.edit_metadata(doc_id, changes)
        except (ValueError, TypeError, DossierError) as exc:
            self.editor.show_error(one_line(exc))
            return False
        self.context.undo_stack.push(EditMetadataCommand(documents, done, changes, self._document_changed))
        return True

    def propose_date(self, doc_id: int) -> None:
        """Offer a date range for an undated document, from its own evidence; Apply accepts it."""
        if self.services is None:
            return
        proposal = self.services.chronology.propose_date(doc_id)
        self.editor.offer_date(proposal_as_date(proposal), proposal.reasons)

    def _document_changed(self, doc_id: int, changes: Changes) -> None:
        if self.services is None:
            return
        self.model.refresh_documents([doc_id])
        if self.documents_panel.current_id == doc_id:
            detail = self.services.documents.get(doc_id)
            self.reader.show_document(detail, keep_position=True)
            self.editor.load(detail)
        self.context.notify(changes)

    # -- tagging ---------------------------------------------------------------------------------
    def tag_selection(self) -> ActorDialog | None:
        """Ask which actor the selected words name (pre-filled with them), then tag them."""
        doc_id, span = self.document_id, self.reader.text.selected_span()
        if self.services is None or doc_id is None or span is None:
            self.context.status("Select the words that name the actor first.")
            return None
        text = self.reader.text.stored_text
        start, end = trimmed(text, *span)
        if start >= end:
            return None
        actors = self.services.actors

        def lookup(name: str) -> ActorKind | None:
            actor_id = actors.find(name)
            return actors.rows([actor_id])[0].kind if actor_id is not None else None

        words = " ".join(text[start:end].split())
        dialog = ActorDialog("Tag Actor", words, actors.names(), lookup, ok_text="Tag",
                             intro=f"The words “{words}” in D{doc_id} name:", parent=self.window())
        dialog.accepted.connect(lambda: self._tag(doc_id, start, end, dialog))
        self.dialogs.open(dialog)
        return dialog

    def _tag(self, doc_id: int, start: int, end: int, dialog: ActorDialog) -> None:
        if self.services is None:
            return
        actors = self.services.actors
        name = dialog.name()
        self.context.push(TagCommand(actors, self.context.notify, doc_id, start, end, actor_id=actors.find(name),
                                     name=name, kind=dialog.kind_value()))

    def action_from_selection(self) -> None:
        doc_id, span = self.document_id, self.reader.text.sentence_span()
        if doc_id is None or span is None:
            self.context.status("Select the sentence that sets the action first.")
            return
        start, end = trimmed(self.reader.text.stored_text, *span)
        self.action_requested.emit(doc_id, start, end, self.reader.text.stored_text[start:end])

    # -- suggestions -----------------------------------------------------------------------------
    def accept(self, ids: list[int]) -> bool:
        if self.services is None or not ids:
            return False
        labels = [s.label for s in self.suggestions.rows if s.id in ids]
        text = f"Accept “{labels[0]}”" if len(labels) == 1 else f"Accept {len(ids)} suggestions"
        return self.context.push(AcceptCommand(self.services.suggestions, self.context.notify, ids, text))

    def accept_all(self) -> bool:
        doc_id = self.document_id
        if self.services is None or doc_id is None:
            return False
        pending = sorted(self.services.suggestions.pending(doc_id), key=lambda s: {"actor": 0, "action": 1, "status": 2}.get(s.kind, 1))
        if not pending:
            return False
        return self.context.push(AcceptCommand(self.services.suggestions, self.context.notify,
                                               [s.id for s in pending], f"Accept all suggestions for D{doc_id}"))

    def open_suggestions(self, doc_id: int) -> bool:
        """Show a document with its Suggestions tab open."""
        if not self.documents_panel.show_document(doc_id):
            return False
        self.bottom_tabs.setCurrentWidget(self.suggestions)
        self.suggestions.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def accept_dossier(self, kind: str | None = None) -> AcceptAllJob | None:
        """Accept every pending suggestion (of a kind) across the dossier: off the GUI thread, in
        short transactions, with progress and Cancel; then one undoable step (AcceptedCommand)."""
        if self.services is None or self.accept_job is not None:
            return None
        job = AcceptAllJob(self.services.suggestions, kind, self)
        progress = WorkProgressDialog("Accepting suggestions across the dossier…", "Accept All in Dossier",
                                      self.window(), width=400)
        progress.canceled.connect(job.cancel)
        job.worker.progress.connect(lambda done, total: progress.show_progress(
            done, total, f"Accepting suggestions across the dossier: {done} of {total}…"))
        job.done.connect(self._accepted_dossier)
        self.accept_job, self._accept_progress = job, progress
        job.start()
        return job

    def _accepted_dossier(self, records: list, error: str, cancelled: bool) -> None:
        job, progress = self.accept_job, self._accept_progress
        self.accept_job = self._accept_progress = None
        if progress is not None:
            progress.finish()
        if job is None:
            return
        if error:
            self.context.error("The suggestions were not accepted", error)
        elif records and self.services is not None and self.services.suggestions is job.worker.suggestions:
            what = {"actor": "actor", "action": "action", "status": "progress"}.get(job.worker.kind or "", "")
            self.context.push(AcceptedCommand(self.services.suggestions, self.context.notify, records,
                                              f"Accept {len(records)} {what + ' ' if what else ''}suggestions",
                                              job.worker.changes))
            stopped = " (stopped: the rest wait)" if cancelled else ""
            self.context.status(f"{len(records)} suggestions accepted across the dossier{stopped}.")
        self.refresh_suggestions()

    def reject_dossier(self, kind: str | None = None) -> int:
        """Reject every pending suggestion (of a kind) across the dossier, as one undoable step."""
        if self.services is None:
            return 0
        ids = [s.id for s in self.services.suggestions.pending(kind=kind)]
        if not ids:
            return 0
        command = RejectManyCommand(self.services.suggestions, self.context.notify, ids,
                                    f"Reject {len(ids)} suggestions across the dossier")
        if not self.context.push(command):
            return 0
        self.refresh_suggestions()
        return len(command.rejected)

    def reject(self, rows: list[SuggestionRow]) -> int:
        if self.services is None or not rows:
            return 0
        service, notify = self.services.suggestions, self.context.notify
        commands = [RejectCommand(service, notify, s.id, s.label) for s in rows]
        if len(commands) == 1:
            return int(self.context.push(commands[0]))
        return self.context.push_all(f"Reject {len(commands)} suggestions", commands)

    # -- annotations -----------------------------------------------------------------------------
    def refresh_annotations(self, keep: int | None = None) -> None:
        doc_id = self.document_id
        rows = self.services.annotations.for_document(doc_id) if doc_id is not None and self.services else ()
        self.annotations_pane.set_rows(rows, keep=keep)
        self.annotation_layer.set_annotations(rows, current=keep)
        self._update_actions()

    def _author(self) -> str:
        return self.services.audit.user if self.services else ""

    def annotate_selection(self) -> AnnotationDialog | None:
        doc_id, span = self.document_id, self.reader.text.selected_span()
        if self.services is None or doc_id is None or span is None:
            self.context.status("Select the words to annotate first.")
            return None
        start, end = trimmed(self.reader.text.stored_text, *span)
        if start >= end:
            return None
        words = self.reader.text.stored_text[start:end]
        tags = [t for t, _n in self.services.annotations.tags()]
        last = self.context.settings.text("review/last_colour") or Colour.YELLOW.value
        dialog = AnnotationDialog("Annotate", words, tags, AnnotationFields(Colour(last)), parent=self.window())
        dialog.accepted.connect(lambda: self._annotate(doc_id, start, end, words, dialog))
        self.dialogs.open(dialog)
        return dialog

    def _annotate(self, doc_id: int, start: int, end: int, words: str, dialog: AnnotationDialog) -> None:
        if self.services is None:
            return
        fields = dialog.fields()
        self.context.settings.set_text("review/last_colour", fields.colour.value)
        command = AnnotateCommand(self.services.annotations, self.context.notify, doc_id, start, end, fields,
                                  self._author(), words)
        if self.context.push(command) and command.row is not None:
            self.annotations_pane.select(command.row.id, emit=False)
            self.annotation_layer.set_annotations(self.annotations_pane.rows, current=command.row.id)

    def edit_annotation(self, row: AnnotationRow) -> AnnotationDialog | None:
        if self.services is None:
            return None
        tags = [t for t, _n in self.services.annotations.tags()]
        dialog = AnnotationDialog("Edit Annotation", row.quote, tags, AnnotationFields(row.colour, row.note, row.tags),
                                  ok_text="Save", parent=self.window())
        dialog.accepted.connect(lambda: self._edit_annotation(row, dialog))
        self.dialogs.open(dialog)
        return dialog

    def _edit_annotation(self, row: AnnotationRow, dialog: AnnotationDialog) -> None:
        if self.services is not None:
            self.context.push(EditAnnotationCommand(self.services.annotations, self.context.notify, row.id,
                                                    dialog.fields(), row.quote))

    def delete_annotation(self, row: AnnotationRow) -> bool:
        if self.services is None:
            return False
        return self.context.push(DeleteAnnotationCommand(self.services.annotations, self.context.notify, row.id,
                                                         row.quote))

    def edit_current_annotation(self) -> None:
        row = self.annotations_pane.current()
        if row is not None:
            self.edit_annotation(row)

    def delete_current_annotation(self) -> None:
        row = self.annotations_pane.current()
        if row is not None:
            self.delete_annotation(row)

    def place_current_annotation(self) -> bool:
        row, span = self.annotations_pane.current(), self.reader.text.selected_span()
        if self.services is None or row is None or span is None:
            self.context.status("Choose an annotation, then select the words it belongs on.")
            return False
        start, end = trimmed(self.reader.text.stored_text, *span)
        return self.context.push(PlaceAnnotationCommand(self.services.annotations, self.context.notify, row.id,
                                                        start, end, self.reader.text.stored_text[start:end]))

    def step_annotation(self, forward: bool) -> AnnotationRow | None:
        cursor = self.reader.text.textCursor()
        return self.annotations_pane.step(forward, self.reader.text.offset_at(cursor.selectionStart()))

    def _show_annotation(self, row: AnnotationRow) -> None:
        self.annotation_layer.set_annotations(self.annotations_pane.rows, current=row.id)
        if not row.orphan and row.start is not None and row.end is not None:
            self.reader.text.select_span(row.start, row.end)
        self._update_actions()

    def show_annotation(self, doc_id: int, ann_id: int) -> bool:
        """Open a document at one of its annotations (from the all-annotations view)."""
        if not self.documents_panel.show_document(doc_id):
            return False
        found = self.annotations_pane.select(ann_id)
        self.reader.text.setFocus(Qt.FocusReason.OtherFocusReason)
        return found

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) \
                and watched is self.reader.text.viewport():
            text = self.reader.text
            pos = event.pos()
            row = self.annotation_layer.at(text.offset_at(text.cursorForPosition(pos).position()))
            if row is not None:
                QToolTip.showText(event.globalPos(), self.annotation_layer.tooltip(row), text)
                return True
        return super().eventFilter(watched, event)

    def shutdown(self) -> None:
        """The window is closing: wait for a read under way (what it read is dropped)."""
        if self.refile_job is not None:
            self.refile_job.stop_and_wait()
        if self.accept_job is not None:  # what it accepted stays accepted
            self.accept_job.stop_and_wait()

    # -- menus and dialogs -----------------------------------------------------------------------
    def _context_menu(self, pos: QPoint) -> None:
        text = self.reader.text
        menu = text.createStandardContextMenu()
        menu.addSeparator()
        menu.addAction(self.annotate_action)
        menu.addAction(self.tag_action)
        menu.addAction(self.new_action_action)
        note = text.offset_at(text.cursorForPosition(pos).position())
        row = self.annotation_layer.at(note)
        if row is not None:
            menu.addSeparator()
            edit = menu.addAction("Edit Annotation…")
            edit.triggered.connect(lambda _checked=False, r=row: self.edit_annotation(r))
            remove = menu.addAction("Delete Annotation")
            remove.triggered.connect(lambda _checked=False, r=row: self.delete_annotation(r))
        mention = text.mentions.at(text.offset_at(text.cursorForPosition(pos).position()))
        if mention is not None:
            show = menu.addAction(f"Show “{mention.actor_name}” in Who's Who")
            show.triggered.connect(lambda _checked=False, a=mention.actor_id: self.context.show_actor(a))
        menu.exec(text.mapToGlobal(pos))
        menu.deleteLater()
