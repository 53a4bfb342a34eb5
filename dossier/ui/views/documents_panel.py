"""The left pane: a filter box above the documents table."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dossier.ui.models.documents_model import COLUMNS, DATE, TITLE, DocumentsModel
from dossier.ui.style import icons

FILTER_DELAY_MS = 200


class DocumentsTable(QTableView):
    """A table tuned for many uniform rows: fixed row height, no per-row measuring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setCornerButtonEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(False)  # drops go to the window, which imports them
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(48)
        self.setIconSize(self.iconSize().scaled(14, 14, Qt.AspectRatioMode.KeepAspectRatio))

    def apply_default_widths(self) -> None:
        """Fixed starting widths; the Title column takes the room that is left."""
        header = self.horizontalHeader()
        for n, column in enumerate(COLUMNS):
            self.setColumnWidth(n, column.width)
            header.setSectionResizeMode(n, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)


class DocumentsPanel(QWidget):
    """Filter box + lazy table. Emits the id of the current document (or None)."""

    current_document_changed = Signal(object)  # int | None

    def __init__(self, model: DocumentsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("panel")

        strip = QFrame(self)
        strip.setObjectName("toolbarStrip")
        self.filter_edit = QLineEdit(strip)
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setPlaceholderText("Filter documents")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAcceptDrops(False)
        self.filter_edit.addAction(icons.search_icon(), QLineEdit.ActionPosition.LeadingPosition)
        self.filter_edit.setToolTip(
            f"Show documents whose title, file, date, kind or people match every word "
            f"({QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)})")
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
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.AscendingOrder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(strip)
        layout.addWidget(self.table, 1)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self._apply_filter)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.filter_edit)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self._escape_filter)

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
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def clear_filter(self) -> None:
        self._filter_timer.stop()
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def select_document(self, doc_id: int | None) -> bool:
        row = self.model.row_of(doc_id) if doc_id is not None else None
        if row is None:
            return False
        self.select_row(row)
        return True

    def update_count(self) -> None:
        self._update_count()

    # -- internals -------------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter_edit.text())

    def _escape_filter(self) -> None:
        """Esc clears the filter at once, then hands the keyboard to the table."""
        self.filter_edit.clear()
        self._apply_filter()
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

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
        if self.model.text_filter:
            self.count_label.setText(f"{shown:,} shown")
        else:
            self.count_label.setText("")
