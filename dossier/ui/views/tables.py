"""Shared pieces of the big tables: a table view tuned for lazy models, a debounced filter box.

Columns fit their content: after each reload a table measures a sample of its first rows (one
block the model fetches anyway; while the same dossier is filtered or sorted, columns only grow,
so they do not jump as the user types), gives each column the width its content needs within bounds, and
gives the room left to one flexible column (titles, summaries). A column no row in the dossier
fills is hidden (the model says which, from a count the database makes). Text still too wide is
elided, with the whole of it in the tooltip. A width the user sets by dragging is kept, and
remembered between runs.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLineEdit,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from dossier.ui.models.lazy_model import LazyTableModel
from dossier.ui.style import icons

FILTER_DELAY_MS = 200
SAMPLE_ROWS = 64  # rows measured to size the columns (the first block of a lazy model)
MAX_COLUMN_WIDTH = 360  # a fitted column is never wider than this; longer text is elided
SHORT_COLUMN = 110  # a column whose content fits in this (a date, a kind, a tick) is never squeezed
KEPT_WIDTH = 260  # a name column is squeezed no narrower than this (or its content)
MIN_FIT_WIDTH = 64  # a longer column squeezed to fit the view keeps at least this much
MIN_FLEX_WIDTH = 110  # the flexible column (titles, summaries) keeps at least this much,
FLEX_SHARE = 0.22  # and this share of the view when its content needs it
CELL_PADDING = 4  # the delegate's size hint has the style's own padding already
HEADER_PADDING = 20


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
        self._flex: int | None = None  # None: the table does not fit its columns
        self._keep: frozenset[int] = frozenset()
        self._measured_for: object = None  # the service whose rows the widths were measured on
        self._content: dict[int, int] = {}  # column -> width its sampled content needs
        self._user_widths: dict[str, int] = {}  # column title -> width the user dragged it to
        self._settings: Any = None
        self._settings_key = ""
        self._fitting = False
        self._dragging = False
        self._pending: tuple[int, int] | None = None  # a drag's last width, kept when the mouse is let go
        header.sectionResized.connect(self._section_resized)
        header.sectionHandleDoubleClicked.connect(self._handle_double_clicked)
        header.viewport().installEventFilter(self)

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

    # -- columns that fit -------------------------------------------------------------------------
    def fit_columns_to_contents(self, flex_column: int, keep: tuple[int, ...] = ()) -> None:
        """Fit the columns to their content after every reload; `flex_column` takes the room left, and
        the columns in `keep` (names) are not squeezed while others can be."""
        self._flex = flex_column
        self._keep = frozenset(keep)
        self.horizontalHeader().setMinimumSectionSize(24)
        model = self.model()
        model.modelReset.connect(self.refit)
        model.layoutChanged.connect(self.refit)
        self.refit()

    def remember_widths(self, settings: Any, key: str) -> None:
        """Keep the widths the user drags columns to in these settings (a UiSettings) under `key`."""
        self._settings, self._settings_key = settings, key
        try:
            saved = json.loads(settings.text(key, "") or "{}")
        except ValueError:
            saved = {}
        self._user_widths = {str(k): int(v) for k, v in saved.items() if isinstance(v, int) and v > 0} \
            if isinstance(saved, dict) else {}
        self.layout_columns()

    def set_user_width(self, column: int, width: int) -> None:
        """The user set a column's width: keep it (and remember it) from now on."""
        title = self._title(column)
        if not title or width <= 0:
            return
        self._user_widths[title] = width
        if self._settings is not None:
            self._settings.set_text(self._settings_key, json.dumps(self._user_widths, sort_keys=True))
        self.layout_columns()

    def user_widths(self) -> dict[str, int]:
        return dict(self._user_widths)

    def empty_columns(self) -> frozenset[int]:
        model = self.model()
        find = getattr(model, "empty_columns", None)
        return frozenset(find()) if callable(find) else frozenset()

    def refit(self) -> None:
        """Hide the columns no row fills and measure the rest on a sample of rows."""
        if self._flex is None or self.model() is None:
            return
        model = self.model()
        empty = self.empty_columns()
        self._fitting = True
        try:
            for n in range(model.columnCount()):
                self.setColumnHidden(n, n in empty and n != self._flex)
        finally:
            self._fitting = False
        source = getattr(model, "service", None)
        grow_only = source is not None and source is self._measured_for  # a filter or a sort: no jumping
        self._measured_for = source
        before = self._content if grow_only else {}
        self._content = {n: max(self._content_width(n), before.get(n, 0))
                         for n in range(model.columnCount()) if not self.isColumnHidden(n)}
        self.layout_columns()

    def _content_width(self, column: int) -> int:
        model = self.model()
        header = self.horizontalHeader()
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            width = header.sectionSizeHint(column)  # room for the sort arrow too
        else:
            width = header.fontMetrics().horizontalAdvance(self._title(column)) + HEADER_PADDING
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        for row in range(min(SAMPLE_ROWS, model.rowCount())):
            index = model.index(row, column)
            delegate = self.itemDelegateForIndex(index)
            width = max(width, delegate.sizeHint(option, index).width() + CELL_PADDING)
        return width

    def layout_columns(self) -> None:
        """Share the view's width: user widths as set, fitted columns up to their content (squeezed
        evenly if need be), and the flexible column the rest."""
        if self._flex is None or not self._content:
            return
        header = self.horizontalHeader()
        shown = [n for n in self._content if not self.isColumnHidden(n)]
        fixed = {n: header.sectionSize(n) for n in shown
                 if header.sectionResizeMode(n) == QHeaderView.ResizeMode.Fixed}
        user = {n: self._user_widths[t] for n in shown if n not in fixed and (t := self._title(n)) in self._user_widths}
        fitted = {n: min(self._content[n], MAX_COLUMN_WIDTH) for n in shown
                  if n not in fixed and n not in user and n != self._flex}
        room = max(self.viewport().width(), 200) - sum(fixed.values()) - sum(user.values())
        flex_wanted = self._flex not in user and self._flex in self._content
        flex_room = max(MIN_FLEX_WIDTH, min(self._content.get(self._flex, 0), int(room * FLEX_SHARE)))
        spare = room - (flex_room if flex_wanted else 0)
        if sum(fitted.values()) > spare and fitted:  # squeeze the widest first, down to a floor
            floors = {n: w if w <= SHORT_COLUMN else min(w, KEPT_WIDTH) if n in self._keep else MIN_FIT_WIDTH
                      for n, w in fitted.items()}
            lo, hi = 0, max(fitted.values())
            while lo < hi:  # the largest cap under which everything fits
                cap = (lo + hi + 1) // 2
                if sum(max(floors[n], min(w, cap)) for n, w in fitted.items()) <= spare:
                    lo = cap
                else:
                    hi = cap - 1
            fitted = {n: max(floors[n], min(w, lo)) for n, w in fitted.items()}
        self._fitting = True
        try:
            for n, width in (*user.items(), *fitted.items()):
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(n, width)
            if flex_wanted:
                header.setSectionResizeMode(self._flex, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(self._flex, max(flex_room, room - sum(fitted.values())))
        finally:
            self._fitting = False

    def _title(self, column: int) -> str:
        model = self.model()
        title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) if model else None
        return str(title) if title else f"#{column}"

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self._dragging and not self._fitting and self._flex is not None and new > 0:
            self._pending = (column, new)

    def _handle_double_clicked(self, column: int) -> None:
        if self._flex is not None:
            self.set_user_width(column, self.horizontalHeader().sectionSize(column))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.horizontalHeader().viewport():
            if event.type() == QEvent.Type.MouseButtonPress:
                self._dragging, self._pending = True, None
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self._dragging = False
                pending, self._pending = self._pending, None
                if pending is not None:
                    self.set_user_width(*pending)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.layout_columns()

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
