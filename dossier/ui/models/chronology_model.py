"""The chronology table: a lazy model over entry keys, with year and month header rows between them.

The service counts a filter's entries by year and month (a listing); the keys in date order
("doc:12", "entry:7", "action:5:due") are read a block at a time as the view reaches them
(listed_keys.py), and their rows with them (lazy_model.py). Where the year and month headers go
comes from the counts (chronology_groups.py), so neither the keys nor the rows of 100,000 entries
are read to show the first screen.

Inline edits (date and description of editable entries) never open a dialog here: the
model hands the new fields to `edit_handler` (the view pushes an undoable command), and says what
was wrong through `edit_rejected`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from dossier.domain.chronology import ChronologyRow, EntryFields, EntryKind
from dossier.ui.dialogs.action_dialogs import parse_due
from dossier.ui.models.chronology_groups import UNDATED, GroupLayout, Header, runs_of_groups
from dossier.ui.models.lazy_model import Column, LazyTableModel
from dossier.ui.models.listed_keys import ROW_BLOCK, ListedKeys
from dossier.ui.style import icons, theme
from dossier.ui.views.fields import DATE_HINT, same_date

Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[Column, ...] = (
    Column("", None, 30),
    Column("Date", None, 118),
    Column("Event", None, 360),  # takes the room left
    Column("Actors", None, 150),
    Column("Source", None, 92),
)
KIND, DATE, EVENT, ACTORS, SOURCE = range(len(COLUMNS))
EDITABLE_COLUMNS = frozenset({DATE, EVENT})

HeaderRole = Qt.ItemDataRole.UserRole + 3  # a header row's level (0 year, 1 month); None for an entry
KindRole = Qt.ItemDataRole.UserRole + 4  # an entry's EntryKind
ConflictRole = Qt.ItemDataRole.UserRole + 5  # True when an entry's sources disagree on its date

KIND_LABEL = {EntryKind.DOCUMENT: "Document", EntryKind.EVENT: "Event", EntryKind.DEADLINE: "Deadline",
              EntryKind.OWN: "Own entry"}

EditHandler = Callable[[str, EntryFields], bool]


def sources_text(row: ChronologyRow) -> str:
    return " ".join(s.citation() for s in row.sources)


def entry_text(row: ChronologyRow, column: int) -> str:
    if column == DATE:
        return row.date.display() if row.date else UNDATED
    if column == EVENT:
        return " ".join(row.description.split())
    if column == ACTORS:
        return ", ".join(row.actors)
    if column == SOURCE:
        return sources_text(row)
    return ""


def fields_of(row: ChronologyRow) -> EntryFields:
    return EntryFields(row.date, row.description, row.kind, row.actors)


class ChronologyModel(LazyTableModel):
    COLUMNS = COLUMNS
    ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole,
                       Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole,
                       Qt.ItemDataRole.EditRole, KindRole, ConflictRole})

    edit_rejected = Signal(str)  # why an inline edit was not made (for the status bar)
    # an entry's row gathers its sources, citations and conflicts: a screenful at a time, and
    # enough held for the timeline's most bars (timeline.MAX_BARS)
    block_size = ROW_BLOCK
    max_cached_blocks = 64

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._actor: str | None = None
        self._kinds: frozenset[EntryKind] | None = None
        self._date_from: dt.date | None = None
        self._date_to: dt.date | None = None
        self._tag: str | None = None
        self._matters_only = False
        self._layout = GroupLayout()
        self.edit_handler: EditHandler | None = None
        self._italic = QFont()
        self._italic.setItalic(True)
        self._year_font = QFont()
        self._year_font.setWeight(QFont.Weight.Bold)
        self._year_font.setPointSizeF(max(8.0, self._year_font.pointSizeF() * 1.08))
        self._month_font = QFont()
        self._month_font.setWeight(QFont.Weight.DemiBold)

    # -- filters ---------------------------------------------------------------------------------
    @property
    def actor(self) -> str | None:
        return self._actor

    @property
    def kinds(self) -> frozenset[EntryKind] | None:
        return self._kinds

    @property
    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        return self._date_from, self._date_to

    @property
    def tag(self) -> str | None:
        return self._tag

    @property
    def matters_only(self) -> bool:
        return self._matters_only

    def set_matters_only(self, on: bool) -> None:
        """Only the events that matter to the case: no courtesies or housekeeping."""
        if bool(on) != self._matters_only:
            self._matters_only = bool(on)
            self.reload()

    def set_actor(self, name: str | None) -> None:
        name = " ".join((name or "").split()) or None
        if name != self._actor:
            self._actor = name
            self.reload()

    def set_kinds(self, kinds: Iterable[EntryKind] | None) -> None:
        value = frozenset(kinds) if kinds is not None else None
        if value is not None and value == frozenset(EntryKind):
            value = None
        if value != self._kinds:
            self._kinds = value
            self.reload()

    def set_date_range(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        if (date_from, date_to) != (self._date_from, self._date_to):
            self._date_from, self._date_to = date_from, date_to
            self.reload()

    def set_tag(self, tag: str | None) -> None:
        """Only entries whose passage carries an annotation with this tag (None or "": any)."""
        tag = " ".join((tag or "").split()) or None
        if tag != self._tag:
            self._tag = tag
            self.reload()

    def set_filters(self, *, actor: str | None, kinds: Iterable[EntryKind] | None, date_from: dt.date | None,
                    date_to: dt.date | None, text: str, tag: str | None = None,
                    matters_only: bool | None = None) -> None:
        """All the filters at once, with one reload (matters_only None: as it was)."""
        if matters_only is not None:
            self._matters_only = matters_only
        self._actor = " ".join((actor or "").split()) or None
        self._tag = " ".join((tag or "").split()) or None
        value = frozenset(kinds) if kinds is not None else None
        self._kinds = None if value == frozenset(EntryKind) else value
        self._date_from, self._date_to = date_from, date_to
        self._filter = text.strip()
        self.reload()

    def set_service(self, service: Any, *, actor: str | None = None, kinds: Iterable[EntryKind] | None = None,
                    date_from: dt.date | None = None, date_to: dt.date | None = None, text: str = "",
                    tag: str | None = None, matters_only: bool | None = None) -> None:
        """Show another dossier's chronology (or none), filtered from the start: one query."""
        self._service = service
        self.set_filters(actor=actor, kinds=kinds, date_from=date_from, date_to=date_to, text=text, tag=tag,
                         matters_only=matters_only)

    # -- lazy model ------------------------------------------------------------------------------
    def query_ids(self) -> ListedKeys:  # type: ignore[override]  # read a block at a time
        listing = self._service.listing(actor=self._actor, kinds=self._kinds, date_from=self._date_from,
                                        date_to=self._date_to, text=self._filter, tag=self._tag,
                                        matters_only=self._matters_only)
        return ListedKeys(self._service, listing)

    def position_of(self, row_id: Any) -> int | None:
        if isinstance(self._ids, ListedKeys):
            return self._ids.position(row_id) if isinstance(row_id, str) else None
        return super().position_of(row_id)

    def fetch_rows(self, ids: Sequence[str]) -> list[ChronologyRow]:
        return self._service.rows(ids)

    def row_id(self, row: ChronologyRow) -> str:
        return row.key

    def ids_loaded(self) -> None:
        keys = self._ids
        self._layout = (GroupLayout(runs_of_groups(keys.listing.groups), len(keys))
                        if isinstance(keys, ListedKeys) and len(keys) else GroupLayout())

    # -- rows and positions ----------------------------------------------------------------------
    @property
    def layout(self) -> GroupLayout:
        return self._layout

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._layout.row_count

    def id_index(self, row: int) -> int | None:
        return self._layout.position_at(row)

    def id_at(self, row: int) -> str | None:
        position = self._layout.position_at(row)
        return self.id_at_position(position) if position is not None else None

    def row_of(self, row_id: Any) -> int | None:
        position = self.position_of(row_id)
        return self._layout.row_of_position(position) if position is not None else None

    def header_at(self, row: int) -> Header | None:
        return self._layout.header_at(row)

    def header_rows(self) -> list[int]:
        return [self._layout.header_row(n) for n in range(len(self._layout.headers))]

    def entry(self, row: int) -> ChronologyRow | None:
        return self.record(row)

    def entry_by_key(self, key: str) -> ChronologyRow | None:
        position = self.position_of(key)
        return self.record_at(position) if position is not None else None

    def refresh_keys(self, keys: Iterable[str]) -> None:
        self.refresh_ids(keys)

    # -- Qt model interface ----------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._layout.position_at(index.row()) is None:  # a header: not selectable
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        flags = super().flags(index)
        if index.column() in EDITABLE_COLUMNS:
            row = self.record(index.row())
            if row is not None and row.editable:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        header = self._layout.header_at(index.row())
        if header is not None:
            return self._header_data(header, index.column(), role)
        return super().data(index, role)

    def _header_data(self, header: Header, column: int, role: int) -> Any:
        if role == HeaderRole:
            return header.level
        if role == Qt.ItemDataRole.DisplayRole:
            return header.label if column == 0 else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{header.label}: {header.count:,} entr{'y' if header.count == 1 else 'ies'}"
        if role == Qt.ItemDataRole.FontRole:
            return self._year_font if header.level == 0 else self._month_font
        if role == Qt.ItemDataRole.BackgroundRole:
            return theme.GROUP_YEAR_BG if header.level == 0 else theme.GROUP_MONTH_BG
        if role == Qt.ItemDataRole.ForegroundRole:
            return theme.INK if header.level == 0 else theme.MUTED
        return None

    def cell(self, row: ChronologyRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return entry_text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == DATE:
                return row.date.display() if row.date else ""
            return entry_text(row, column)
        if role == KindRole:
            return row.kind
        if role == ConflictRole:
            return row.conflict
        if role == Qt.ItemDataRole.DecorationRole:
            if column == KIND:
                return icons.entry_kind_icon(row.kind.value)
            if column == DATE and row.conflict:
                return icons.conflict_icon()
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == DATE and row.date is None:
                return theme.FAINT
            if column == DATE and row.conflict:
                return theme.WARNING
            if column == SOURCE:
                return theme.MUTED
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return theme.CONFLICT_BG if row.conflict else None
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if column == DATE and row.date is None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _tooltip(self, row: ChronologyRow, column: int) -> str | None:
        if column == KIND:
            if row.kind is EntryKind.EVENT and row.event_kind:
                note = "" if row.matters else " (left out of “only events that matter”)"
                return f"{KIND_LABEL[row.kind]}: {row.event_kind}{note}"
            return KIND_LABEL[row.kind]
        if column == DATE:
            lines = [entry_text(row, DATE)]
            if row.date and row.date.text and row.date.text != row.date.display():
                lines.append(f"As written: {row.date.text}")
            if row.conflict:
                lines.append("⚠ Other sources date this differently: " + self.describe_keys(row.conflict_with))
                lines.append("Use Compare… to see them side by side.")
            elif row.conflict_note:
                lines.append(f"Resolved: {row.conflict_note}")
            if row.editable:
                lines.append("F2 corrects the date")
            return "\n".join(lines)
        if column == SOURCE and row.sources:
            lines = [f"{s.citation()} {s.title}" for s in row.sources]
            lines.append("Double-click to read the passage")
            return "\n".join(lines)
        if column == EVENT and row.conflict:
            return f"{entry_text(row, EVENT)}\n\n⚠ Conflicts with {self.describe_keys(row.conflict_with)}"
        return entry_text(row, column) or None

    def describe_keys(self, keys: Sequence[str]) -> str:
        """Other entries named by their date and first words ("12 Mar 2020 — The committee met…")."""
        if self._service is None or not keys:
            return ""
        parts = []
        for other in self._service.rows(list(keys)):
            words = " ".join(other.description.split())
            words = words if len(words) <= 60 else words[:59].rstrip() + "…"
            parts.append(f"{other.date.display() if other.date else UNDATED} — {words}")
        return "; ".join(parts)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An inline edit of an editable entry's date or description: handed on, never a dialog."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in EDITABLE_COLUMNS:
            return False
        row = self.record(index.row())
        if row is None or not row.editable or self.edit_handler is None:
            return False
        text = " ".join(str(value or "").split())
        if index.column() == DATE:
            if text == (row.date.display() if row.date else ""):
                return True  # the editor closed without a change
            try:  # "3/2/2021", "March 2021", "2021", and "by 30 Nov 2021", "end May 2021"
                date = parse_due(text, None) if text else None
            except ValueError:
                self.edit_rejected.emit(DATE_HINT)
                return False
            if same_date(date, row.date):
                return True
            fields = EntryFields(date, row.description, row.kind, row.actors)
        else:
            if not text:
                self.edit_rejected.emit("An entry needs a description.")
                return False
            if text == entry_text(row, EVENT):
                return True
            fields = EntryFields(row.date, text, row.kind, row.actors)
        return self.edit_handler(row.key, fields)
