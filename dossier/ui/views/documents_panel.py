"""The left pane of the Documents view: a filter box above the documents table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dossier.ui.models.documents_model import TITLE, DocumentsModel
from dossier.ui.views.tables import FILTER_DELAY_MS, DataTable, FilterEdit

__all__ = ["FILTER_DELAY_MS", "DocumentsPanel", "DocumentsTable"]


class DocumentsTable(DataTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsTable")

    def apply_default_widths(self, stretch_column: int = TITLE) -> None:
        super().apply_default_widths(stretch_column)


class DocumentsPanel(QWidget):
    """Filter box + lazy table. Emits the id of the current document (or None)."""

    current_document_changed = Signal(object)  # int | None

    def __init__(self, model: DocumentsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("panel")

        strip = QFrame(self)
        strip.setObjectName("toolbarStrip")
        find = QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
        self.filter_edit = FilterEdit(
            "Filter documents", strip,
            tip=f"Show documents whose title, file, date, kind or people match every word ({find})")
        self.count_label = QLabel(strip)
        self.count_label.setObjectName("fieldName")
        strip_layout = QHBoxLayout(strip)
        strip_layout.setContentsMargins(10, 8, 10, 8)
        strip_layout.setSpacing(10)
        strip_layout.addWidget(self.filter_edit, 1)
        strip_layout.addWidget(self.count_label)

        self.table = DocumentsTable(self)
        self.table.setModel(model)
        self.table.apply_default_widths()
        self.table.fit_columns_to_contents(TITLE)
        self.table.setup_sorting()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(strip)
        layout.addWidget(self.table, 1)

        self.filter_edit.filter_requested.connect(self.model.set_filter)
        self.filter_edit.escaped.connect(lambda: self.table.setFocus(Qt.FocusReason.ShortcutFocusReason))

        self._current_id: int | None = None
        self._restoring: int | None = None
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self._update_count()

    # -- public ----------------------------------------------------------------------------------
    @property
    def current_id(self) -> int | None:
        return self._current_id

    def focus_filter(self) -> None:
        self.filter_edit.focus()

    def clear_filter(self) -> None:
        self.filter_edit.clear_silently()

    def select_row(self, row: int) -> None:
        self.table.select_id(self.model.id_at(row))

    def select_document(self, doc_id: int | None) -> bool:
        return self.table.select_id(doc_id)

    def show_document(self, doc_id: int) -> bool:
        """Select a document, clearing the filter if it hides it."""
        if self.select_document(doc_id):
            return True
        if self.model.text_filter:
            self.filter_edit.clear_silently()
            self.model.set_filter("")
        return self.select_document(doc_id)

    def update_count(self) -> None:
        self._update_count()

    # -- internals -------------------------------------------------------------------------------
    def _remember_current(self) -> None:
        self._restoring = self._current_id

    def _restore_current(self) -> None:
        wanted, self._restoring = self._restoring, None
        self._update_count()
        if wanted is not None and self.select_document(wanted):
            return
        if self._current_id is not None:
            self._current_id = None
            self.current_document_changed.emit(None)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = self.model.id_at(current.row()) if current.isValid() else None
        if doc_id != self._current_id:
            self._current_id = doc_id
            self.current_document_changed.emit(doc_id)

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        self.count_label.setText(f"{shown:,} shown" if self.model.text_filter else "")
