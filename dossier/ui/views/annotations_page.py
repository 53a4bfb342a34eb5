"""The Annotations view: every annotation in the dossier, filtered by words, tag, colour, author,
date and document; Enter or a double-click opens the document at the annotated words."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.annotations import AnnotationFilter, AnnotationRow, Colour
from dossier.domain.changes import Changes, Kind
from dossier.domain.errors import DossierError
from dossier.ui.commands.annotations import DeleteAnnotationCommand
from dossier.ui.context import UiContext
from dossier.ui.dialogs.annotation_dialog import colour_icon
from dossier.ui.style import theme
from dossier.ui.views.actions_filters import date_edit, to_date
from dossier.ui.views.annotations_pane import AnnotationRows
from dossier.ui.views.detail_pane import DetailPane, over_detail
from dossier.ui.views.page import Page
from dossier.ui.views.strip import Strip
from dossier.ui.views.tables import DataTable, FilterEdit

COLUMNS = ("Document", "Quote", "Note", "Tags", "Author", "Changed")
DOCUMENT, QUOTE, NOTE, TAGS, AUTHOR, CHANGED = range(len(COLUMNS))
WIDTHS = (330, 280, 320, 150, 90, 112)
RowRole = Qt.ItemDataRole.UserRole + 1


def _one_line(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _day(stamp: str) -> str:
    """An ISO time as a day people read ("22 Nov 2026")."""
    try:
        return dt.datetime.fromisoformat(stamp).strftime("%-d %b %Y")
    except ValueError:
        return stamp[:10]


class AnnotationTableModel(AnnotationRows, QAbstractTableModel):
    empty: frozenset[int] = frozenset()  # columns no annotation in the dossier fills (set before the rows)
    service: object = None  # the dossier's annotations the rows come from (its table measures them anew)

    def empty_columns(self) -> frozenset[int]:
        return self.empty

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == QUOTE:
                if row.needs_check:
                    return row.quote + "\n\n(check: re-filing moved it onto different words; edit it once checked)"
                return row.quote + ("\n\n(orphan: these words were not found in the current text)" if row.orphan else "")
            if column == NOTE:
                return row.note or None
            if column == DOCUMENT:
                return f"{self._text(row, column)}\nfiled from {row.document_file}"
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.DecorationRole and column == QUOTE:
            return colour_icon(row.colour.value, 12)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.orphan and column == QUOTE:
                return theme.DANGER
            if row.needs_check and column == QUOTE:
                return theme.WARNING
            if column in (AUTHOR, CHANGED, TAGS):
                return theme.MUTED
        return None

    @staticmethod
    def _text(row: AnnotationRow, column: int) -> str:
        if column == DOCUMENT:
            where = "" if row.orphan else (f" ¶{row.paragraph}" if row.paragraph else "")
            date = row.document_date or "Undated"
            return f"D{row.document_id}{where}  ·  {date}  ·  {row.document_title}"
        if column == QUOTE:
            return f"“{_one_line(row.quote)}”" + ("  · check" if row.needs_check else "")
        if column == NOTE:
            return _one_line(row.note)
        if column == TAGS:
            return ", ".join(row.tags)
        if column == AUTHOR:
            return row.author
        if column == CHANGED:
            return _day(row.changed_at)
        return ""


class AnnotationsPage(Page):
    open_requested = Signal(int, int)  # document id, annotation id

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._build_layout()
        self._connect()

    def _build_layout(self) -> None:
        """Two rows of filters over the table of annotations, the chosen one's detail below it, and a count."""
        strip = Strip(self)
        self.filter_edit = FilterEdit("Filter annotations", strip, tip="Show annotations whose words or note "
                                                                       "contain this")
        self.tag = QComboBox(strip)
        self.tag.setObjectName("tagFilter")
        self.tag.setMinimumWidth(130)
        self.tag.setToolTip("Only annotations with this tag")
        self.colour = QComboBox(strip)
        self.colour.setObjectName("colourFilter")
        self.colour.addItem("Any colour", None)
        for c in Colour:
            self.colour.addItem(colour_icon(c.value), c.value.capitalize(), c)
        self.author = QComboBox(strip)
        self.author.setObjectName("authorFilter")
        self.author.setToolTip("Only annotations by this person")
        self.document = QComboBox(strip)
        self.document.setObjectName("documentFilter")
        self.document.setToolTip("Only this document's annotations")
        self.document.addItem("All documents", None)
        self.document.addItem("Current document", "current")
        self.dated = QCheckBox("Changed", strip)
        self.dated.setToolTip("Only annotations changed between these dates")
        self.date_from = date_edit(strip, "changedFrom", "Changed on or after")
        self.date_to = date_edit(strip, "changedTo", "Changed on or before")
        self.date_from.setDate(QDate.currentDate().addMonths(-1))
        for combo in (self.tag, self.colour, self.author, self.document):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
        self.tag.setMinimumWidth(0)
        self.document.setMinimumContentsLength(14)
        self.filter_edit.setMinimumWidth(120)
        for widget, stretch in ((self.filter_edit, 1), (self.tag, 0), (self.colour, 0), (self.author, 0)):
            strip.add(widget, stretch)
        second = Strip(self)  # a second row, so the view fits a small window
        second.row.setContentsMargins(10, 0, 10, 8)
        second.add(self.document)
        second.separator()
        second.add(self.dated)
        second.add(self.date_from)
        second.label("–")
        second.add(self.date_to)
        second.row.addStretch(1)

        self.model = AnnotationTableModel(self)
        self.table = DataTable(self)
        self.table.setObjectName("annotationsTable")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        for n, width in enumerate(WIDTHS):
            self.table.setColumnWidth(n, width)
        self.table.fit_columns_to_contents(QUOTE)
        self.table.remember_widths(self.context.settings, "annotations/column_widths")
        self.detail = DetailPane(self, empty_text="Select an annotation to see its words in context and its history.")
        self.detail.setObjectName("annotationDetail")
        self.splitter = over_detail(self, self.table, self.detail)
        self.count = QLabel(self)
        self.count.setObjectName("fieldName")
        self.count.setContentsMargins(12, 4, 12, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(strip)
        layout.addWidget(second)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count)

    def _connect(self) -> None:
        """The delete action and the signals of the filters, the table and the window to the page's slots."""
        self.delete_action = self._action("&Delete Annotation", self.delete_selected, QKeySequence.StandardKey.Delete,
                                          "Delete the selected annotation (you can undo it)")
        self.table.addAction(self.delete_action)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_detail())
        self.model.modelReset.connect(self.show_detail)
        self.detail.open_requested.connect(lambda *_a: self.open_selected())
        self.filter_edit.filter_requested.connect(lambda _text: self.reload())
        self.filter_edit.escaped.connect(self.table.setFocus)
        for combo in (self.tag, self.colour, self.author, self.document):
            combo.activated.connect(lambda _i: self.reload())
        self.dated.toggled.connect(lambda _on: self._dates_changed())
        self.date_from.dateChanged.connect(lambda _d: self._dates_changed())
        self.date_to.dateChanged.connect(lambda _d: self._dates_changed())
        self.context.services_changed.connect(lambda _s: self.refresh_choices(reset=True))
        self.context.changed.connect(self._on_changed)
        self._dates_changed(reload=False)

    # -- filters ---------------------------------------------------------------------------------
    def current_filter(self) -> AnnotationFilter:
        document = self.document.currentData()
        if document == "current":
            document = self.context.current_document_id if self.context.current_document_id is not None else -1
        lo = hi = None
        if self.dated.isChecked():
            lo, hi = to_date(self.date_from.date()), to_date(self.date_to.date())
        return AnnotationFilter(
            tag=self.tag.currentData() or None, colour=self.colour.currentData(),
            author=self.author.currentData() or None, document_id=document,
            changed_from=lo.isoformat() if lo else None, changed_to=hi.isoformat() if hi else None,
            text=" ".join(self.filter_edit.text().split()) or None)

    def set_tag(self, tag: str | None) -> None:
        index = self.tag.findData(tag) if tag else 0
        self.tag.setCurrentIndex(max(0, index))
        self.reload()

    def _dates_changed(self, reload: bool = True) -> None:
        on = self.dated.isChecked()
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        if reload:
            self.reload()

    def refresh_choices(self, reset: bool = False) -> None:
        """Fill the tag and author lists from the dossier, keeping the current choice if it is still there."""
        services = self.services
        for combo, everyone, values in (
                (self.tag, "Any tag", [(f"{t}  ({n})", t) for t, n in services.annotations.tags()] if services else []),
                (self.author, "Anyone", [(a, a) for a in services.annotations.authors()] if services else [])):
            kept = None if reset else combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for label, value in values:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(kept)) if kept else 0)
            combo.blockSignals(False)
        if reset:
            self.filter_edit.clear_silently()
            self.colour.setCurrentIndex(0)
            self.document.setCurrentIndex(0)
            self.dated.setChecked(False)
        self.reload()

    def reload(self) -> None:
        services = self.services
        rows = services.annotations.list(self.current_filter()) if services else ()
        counts = services.annotations.field_counts() if services else None
        self.model.service = services.annotations if services else None
        self.model.empty = frozenset(n for n, name in ((NOTE, "note"), (TAGS, "tags"))
                                     if counts is not None and counts.empty(name))
        self.model.set_rows(rows)
        orphans = sum(r.orphan for r in rows)
        text = f"{len(rows):,} annotation{'' if len(rows) == 1 else 's'}"
        if orphans:
            text += f" · {orphans} orphan{'' if orphans == 1 else 's'} (words not found after re-filing)"
        checks = sum(r.needs_check for r in rows)
        if checks:
            text += f" · {checks} to check (moved onto different words by a re-file)"
        self.count.setText(text)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches_any(Kind.ANNOTATIONS, Kind.DOCUMENTS):  # a reviewed mark shows nowhere in this view
            self.refresh_choices()

    # -- actions ---------------------------------------------------------------------------------
    def selected_row(self) -> AnnotationRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def show_detail(self) -> None:
        """Show the selected annotation's words in their paragraph, and its history, under the table."""
        row = self.selected_row() if self.table.selectionModel().hasSelection() else None
        if row is None or self.services is None:
            self.detail.show_detail(None)
            return
        try:
            self.detail.show_detail(self.services.annotations.detail(row.id))
        except DossierError:
            self.detail.show_detail(None)

    def open_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        self.open_requested.emit(row.document_id, row.id)
        return True

    def delete_selected(self) -> bool:
        row = self.selected_row()
        if row is None or self.services is None:
            return False
        return self.context.push(DeleteAnnotationCommand(self.services.annotations, self.context.notify, row.id,
                                                         row.quote))

    def focus_filter(self) -> None:
        self.filter_edit.focus()


