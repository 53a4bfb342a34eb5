"""The documents table: a lazy model over document ids, like Anki's browser table.

The model holds only the ordered list of ids and a cache of rows. Rows are fetched in blocks
through DocumentService.rows(ids) the first time the view asks for one of them. Sorting and
filtering re-query the ids from the service; nothing is sorted or filtered in Python.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from dossier.domain.records import DocumentRow, DocumentStatus
from dossier.services.documents import DocumentService
from dossier.ui.style import icons, theme

Index = QModelIndex | QPersistentModelIndex

BLOCK_SIZE = 256
MAX_CACHED_BLOCKS = 64  # about 16k rows; older blocks are dropped as the user scrolls far


@dataclass(frozen=True)
class Column:
    title: str
    sort_key: str  # the key DocumentService.ids(sort=...) understands
    width: int


COLUMNS: tuple[Column, ...] = (
    Column("Date", "date", 106),
    Column("Kind", "kind", 70),
    Column("Title", "title", 260),
    Column("From", "sender", 120),
    Column("To", "recipients", 120),
)
DATE, KIND, TITLE, SENDER, RECIPIENTS = range(len(COLUMNS))

UNDATED = "Undated"
DocumentIdRole = Qt.ItemDataRole.UserRole + 1


class DocumentsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._documents: DocumentService | None = None
        self._ids: list[int] = []
        self._rows: dict[int, DocumentRow] = {}
        self._blocks: OrderedDict[int, list[int]] = OrderedDict()  # block number -> ids it holds
        self._sort_column = DATE
        self._descending = False
        self._filter = ""
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- source ----------------------------------------------------------------------------------
    def set_service(self, documents: DocumentService | None) -> None:
        """Show another dossier's documents (or none)."""
        self._documents = documents
        self._filter = ""
        self.reload()

    @property
    def service(self) -> DocumentService | None:
        return self._documents

    @property
    def text_filter(self) -> str:
        return self._filter

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    def reload(self) -> None:
        """Re-query the ids (after an import, a sort or a filter) and forget every cached row."""
        self.beginResetModel()
        self._ids = self._query_ids()
        self._rows.clear()
        self._blocks.clear()
        self.endResetModel()

    def _query_ids(self) -> list[int]:
        if self._documents is None:
            return []
        return self._documents.ids(sort=COLUMNS[self._sort_column].sort_key, descending=self._descending,
                                   text_filter=self._filter)

    def set_filter(self, text: str) -> None:
        text = text.strip()
        if text == self._filter:
            return
        self._filter = text
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def refresh_documents(self, ids: Iterable[int]) -> None:
        """Fetch these documents again (after an edit) and repaint their rows in place."""
        wanted = {i for i in ids if i in self._rows}
        if not wanted or self._documents is None:
            return
        for row in self._documents.rows(sorted(wanted)):
            self._rows[row.id] = row
        for doc_id in wanted:
            r = self.row_of(doc_id)
            if r is not None:
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))

    # -- lookups ---------------------------------------------------------------------------------
    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, doc_id: int) -> int | None:
        try:
            return self._ids.index(doc_id)
        except ValueError:
            return None

    def document_row(self, row: int) -> DocumentRow | None:
        doc_id = self.id_at(row)
        if doc_id is None:
            return None
        cached = self._rows.get(doc_id)
        if cached is None:
            self._fetch_block(row // BLOCK_SIZE)
            cached = self._rows.get(doc_id)
        return cached

    @property
    def cached_row_count(self) -> int:
        return len(self._rows)

    def _fetch_block(self, block: int) -> None:
        if self._documents is None:
            return
        block_ids = self._ids[block * BLOCK_SIZE:(block + 1) * BLOCK_SIZE]
        for row in self._documents.rows(block_ids):
            self._rows[row.id] = row
        self._blocks[block] = block_ids
        self._blocks.move_to_end(block)
        while len(self._blocks) > MAX_CACHED_BLOCKS:
            _, old = self._blocks.popitem(last=False)
            for doc_id in old:
                self._rows.pop(doc_id, None)

    # -- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == DocumentIdRole:
            return self.id_at(index.row())
        if role not in _ROLES:
            return None
        row = self.document_row(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == DATE and row.date is None:
                return theme.FAINT
            if column == KIND:
                return theme.MUTED
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if column == DATE and row.date is None else None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == TITLE and row.status is DocumentStatus.NO_TEXT_LAYER:
                return icons.needs_ocr_icon()
            return None
        return None


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole,
})


def display_text(row: DocumentRow, column: int) -> str:
    if column == DATE:
        return row.date.display() if row.date else UNDATED
    if column == KIND:
        return row.kind.value.capitalize()
    if column == TITLE:
        return row.title or row.file_name
    if column == SENDER:
        return row.sender or ""
    if column == RECIPIENTS:
        return ", ".join(row.recipients)
    return ""


def _tooltip(row: DocumentRow, column: int) -> str | None:
    if column == TITLE:
        lines = [row.title or row.file_name, f"D{row.id} · {row.file_name}"]
        if row.status is DocumentStatus.NO_TEXT_LAYER:
            lines.append(f"⚠ {row.status.value}")
        return "\n".join(lines)
    if column == DATE and row.date and row.date.text and row.date.text != row.date.display():
        return f"As written: {row.date.text}"
    if column == RECIPIENTS and row.cc:
        return f"To: {', '.join(row.recipients)}\nCc: {', '.join(row.cc)}"
    text = display_text(row, column)
    return text or None
