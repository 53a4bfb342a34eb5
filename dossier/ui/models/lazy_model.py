"""A lazy table model over row ids, like Anki's browser table (shared by every big table).

The model holds only the ordered list of ids and a cache of rows. Rows are fetched in blocks the
first time the view asks for one of them. Sorting and filtering re-query the ids from a service;
nothing is sorted or filtered in Python, and there is no QSortFilterProxyModel.

A subclass says how to query ids (`query_ids`), how to fetch rows (`fetch_rows`, each row has an
`id`, or says what its id is in `row_id`) and what a cell shows (`cell`). Ids may be ints or
strings (the chronology's keys are "doc:12", "entry:7"). A subclass that shows other rows besides
its ids (group headers) maps view rows to id positions by overriding `id_index`, `id_at`, `row_of`
and `rowCount`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

BLOCK_SIZE = 256
MAX_CACHED_BLOCKS = 64  # about 16k rows; older blocks are dropped as the user scrolls far
IdRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    title: str
    sort_key: str | None  # the key the service's ids(sort=...) understands; None: not sortable
    width: int


class LazyTableModel(QAbstractTableModel):
    COLUMNS: tuple[Column, ...] = ()
    block_size = BLOCK_SIZE  # rows fetched at once; a model whose rows are costly fetches fewer
    max_cached_blocks = MAX_CACHED_BLOCKS
    ROLES: frozenset[int] = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})

    def __init__(self, parent: Any = None, *, sort_column: int = 0) -> None:
        super().__init__(parent)
        self._service: Any = None
        self._ids: list[Any] = []
        self._positions: dict[Any, int] | None = None  # id -> position in the ids, built when first needed
        self._rows: dict[Any, Any] = {}
        self._blocks: OrderedDict[int, list[Any]] = OrderedDict()  # block number -> ids it holds
        self._sort_column = sort_column
        self._descending = False
        self._filter = ""
        self._empty: frozenset[int] = frozenset()

    # -- for subclasses --------------------------------------------------------------------------
    def query_ids(self) -> list[Any]:
        raise NotImplementedError

    def fetch_rows(self, ids: Sequence[Any]) -> list[Any]:
        raise NotImplementedError

    def ids_loaded(self) -> None:
        """Called in a reload once the new ids are in, before the views hear of the reset."""

    def query_empty_columns(self) -> frozenset[int]:
        """The columns no row of the dossier fills (counted by the service, not by reading rows)."""
        return frozenset()

    def empty_columns(self) -> frozenset[int]:
        return self._empty

    def row_id(self, row: Any) -> Hashable:
        """The id of a fetched row."""
        return row.id

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    # -- source ----------------------------------------------------------------------------------
    def set_service(self, service: Any) -> None:
        """Show another dossier's rows (or none)."""
        self._service = service
        self._filter = ""
        self.reload()

    @property
    def service(self) -> Any:
        return self._service

    @property
    def text_filter(self) -> str:
        return self._filter

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    @property
    def sort_key(self) -> str:
        return self.COLUMNS[self._sort_column].sort_key or ""

    def reload(self) -> None:
        """Re-query the ids (after an edit, a sort or a filter) and forget every cached row."""
        self.beginResetModel()
        self._ids = self.query_ids() if self._service is not None else []
        self._empty = self.query_empty_columns() if self._service is not None else frozenset()
        self._positions = None
        self._rows.clear()
        self._blocks.clear()
        self.ids_loaded()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        text = text.strip()
        if text == self._filter:
            return
        self._filter = text
        self.reload()

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.COLUMNS) and self.COLUMNS[column].sort_key is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return  # the view puts its sort indicator back
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def refresh_ids(self, ids: Iterable[Any]) -> None:
        """Fetch these rows again (after an edit) and repaint them in place."""
        wanted = [i for i in dict.fromkeys(ids) if i in self._rows]
        if not wanted or self._service is None:
            return
        for row in self.fetch_rows(sorted(wanted)):
            self._rows[self.row_id(row)] = row
        for row_id in wanted:
            r = self.row_of(row_id)
            if r is not None:
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.COLUMNS) - 1))

    def refresh_cached(self) -> None:
        """Fetch again the rows held now (a few blocks at most), keeping the order: for an edit
        that changes what rows show but not which rows there are, or where they stand."""
        self.refresh_ids(list(self._rows))

    # -- lookups ---------------------------------------------------------------------------------
    def ids(self) -> list[Any]:
        return list(self._ids)

    @property
    def id_count(self) -> int:
        return len(self._ids)

    def id_at(self, row: int) -> Any:
        return self.id_at_position(row)

    def id_at_position(self, index: int) -> Any:
        """The id at position `index` in the ids; None past their end. (Ids read lazily, a block
        at a time, may come up short of the count taken when the dossier has changed since.)"""
        if not 0 <= index < len(self._ids):
            return None
        try:
            return self._ids[index]
        except IndexError:
            return None

    def row_of(self, row_id: Any) -> int | None:
        return self.position_of(row_id)

    def position_of(self, row_id: Any) -> int | None:
        """Where an id is in the list of ids (the same as its row unless a subclass adds rows)."""
        if self._positions is None:
            self._positions = {i: n for n, i in enumerate(self._ids)}
        return self._positions.get(row_id)

    def id_index(self, row: int) -> int | None:
        """The position in the ids of the id shown at `row` (None for a row that shows no id)."""
        return row if 0 <= row < len(self._ids) else None

    def record(self, row: int) -> Any:
        """The service's row record shown at `row` (fetched with its block if need be)."""
        index = self.id_index(row)
        return None if index is None else self.record_at(index)

    def record_at(self, index: int) -> Any:
        """The record of the id at position `index` in the ids (fetched with its block if need be)."""
        row_id = self.id_at_position(index)
        if row_id is None:
            return None
        cached = self._rows.get(row_id)
        if cached is None:
            self._fetch_block(index // self.block_size)
            cached = self._rows.get(row_id)
        return cached

    @property
    def cached_row_count(self) -> int:
        return len(self._rows)

    def _fetch_block(self, block: int) -> None:
        if self._service is None:
            return
        block_ids = self._ids[block * self.block_size:(block + 1) * self.block_size]
        for row in self.fetch_rows(block_ids):
            self._rows[self.row_id(row)] = row
        self._blocks[block] = block_ids
        self.block_fetched(block_ids)
        self._blocks.move_to_end(block)
        while len(self._blocks) > self.max_cached_blocks:
            _, old = self._blocks.popitem(last=False)
            for row_id in old:
                self._rows.pop(row_id, None)

    def block_fetched(self, ids: Sequence[Any]) -> None:
        """Called after a block of rows came in (a subclass may check them)."""

    # -- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.COLUMNS[section].title
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
        if role == IdRole:
            return self.id_at(index.row())
        if role not in self.ROLES:
            return None
        row = self.record(index.row())
        if row is None:
            return None
        return self.cell(row, index.column(), role)
