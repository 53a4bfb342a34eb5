"""Shared pieces of the big tables: a table view tuned for lazy models, a debounced filter box."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QLineEdit, QTableView, QWidget

from dossier.ui.models.lazy_model import LazyTableModel
from dossier.ui.style import icons

FILTER_DELAY_MS = 200


class DataTable(QTableView):
    """A table tuned for many uniform rows: fixed row height, no per-row measuring.

    Sorting is done by the lazy model (a re-query); a click on a column the model cannot sort by
    leaves the sort as it was.
    """

    def __init__(self, parent: QWidget | None = None, *, multi_select: bool = False) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi_select
                              else QAbstractItemView.SelectionMode.SingleSelection)
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
        header.sortIndicatorChanged.connect(self._keep_sortable)
        self.setIconSize(self.iconSize().scaled(14, 14, Qt.AspectRatioMode.KeepAspectRatio))

    def lazy_model(self) -> LazyTableModel:
        model = self.model()
        assert isinstance(model, LazyTableModel)
        return model

    def setup_sorting(self) -> None:
        model = self.lazy_model()
        column, order = model.sort_column, model.sort_order  # enabling sorting sorts once by itself
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(column, order)
        if (model.sort_column, model.sort_order) != (column, order):
            model.sort(column, order)

    def apply_default_widths(self, stretch_column: int) -> None:
        """Fixed starting widths; the stretch column takes the room that is left."""
        header = self.horizontalHeader()
        for n, column in enumerate(self.lazy_model().COLUMNS):
            self.setColumnWidth(n, column.width)
            header.setSectionResizeMode(n, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)

    def selected_ids(self) -> list[int]:
        model = self.lazy_model()
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [i for i in (model.id_at(r) for r in rows) if i is not None]

    def select_id(self, row_id: int | None) -> bool:
        model = self.lazy_model()
        row = model.row_of(row_id) if row_id is not None else None
        if row is None:
            return False
        index = model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)
        return True

    def _keep_sortable(self, column: int, _order: Qt.SortOrder) -> None:
        model = self.model()
        if isinstance(model, LazyTableModel) and not model.is_sortable(column):
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(model.sort_column, model.sort_order)
            header.blockSignals(False)
            header.viewport().update()


class FilterEdit(QLineEdit):
    """A search box that asks for its filter after a short pause (or at once on Enter).

    Esc clears it at once and emits `escaped`, so the owner can hand the keyboard to its table.
    """

    filter_requested = Signal(str)
    escaped = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None, *, tip: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("filterEdit")
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.setAcceptDrops(False)
        self.addAction(icons.search_icon(), QLineEdit.ActionPosition.LeadingPosition)
        if tip:
            self.setToolTip(tip)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_now)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self.apply_now)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self._escape)

    def apply_now(self) -> None:
        self._timer.stop()
        self.filter_requested.emit(self.text())

    def clear_silently(self) -> None:
        """Empty the box without asking for a filter (the model was reset already)."""
        self._timer.stop()
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)

    def focus(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def _escape(self) -> None:
        self.clear()
        self.apply_now()
        self.escaped.emit()
