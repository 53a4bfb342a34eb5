"""The who's who table: a lazy model over actor ids (see lazy_model.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActorKind
from dossier.domain.register import ActorRow
from dossier.services.actors import ActorService
from dossier.ui.models.lazy_model import Column, LazyTableModel
from dossier.ui.style import icons, theme
from dossier.ui.views.mentions import KIND_LABEL, kind_colours

COLUMNS: tuple[Column, ...] = (
    Column("Name", "name", 210),
    Column("Kind", "kind", 128),
    Column("Current posts", None, 220),
    Column("Organisation", None, 160),
    Column("Aliases", None, 200),
    Column("First seen", "first_seen", 112),
    Column("Last seen", None, 112),
    Column("Documents", "documents", 104),
)
NAME, KIND, POSTS, ORGANISATION, ALIASES, FIRST_SEEN, LAST_SEEN, DOCUMENTS = range(len(COLUMNS))


def actor_text(row: ActorRow, column: int) -> str:
    if column == NAME:
        return row.name
    if column == KIND:
        return KIND_LABEL[row.kind]
    if column == POSTS:
        return "; ".join(row.posts)
    if column == ORGANISATION:
        return row.organisation or ""
    if column == ALIASES:
        return ", ".join(row.aliases)
    if column == FIRST_SEEN:
        return row.first_seen.display() if row.first_seen else ""
    if column == LAST_SEEN:
        return row.last_seen.display() if row.last_seen else ""
    if column == DOCUMENTS:
        return f"{row.documents:,}"
    return ""


class ActorsModel(LazyTableModel):
    COLUMNS = COLUMNS
    ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole,
                       Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, sort_column=NAME)
        self._kind: ActorKind | None = None
        self._as_at: dt.date | None = None

    @property
    def as_at(self) -> dt.date | None:
        return self._as_at

    def set_as_at(self, day: dt.date | None) -> None:
        """Show the posts each actor held on this day (None: the posts not ended)."""
        if day != self._as_at:
            self._as_at = day
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, POSTS, POSTS)
            self.reload()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (section == POSTS and orientation == Qt.Orientation.Horizontal and self._as_at is not None
                and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)):
            day = PartialDate.from_date(self._as_at).display()
            return f"Post on {day}" if role == Qt.ItemDataRole.DisplayRole else f"The posts each actor held on {day}"
        return super().headerData(section, orientation, role)

    @property
    def kind_filter(self) -> ActorKind | None:
        return self._kind

    def set_kind_filter(self, kind: ActorKind | None) -> None:
        if kind != self._kind:
            self._kind = kind
            self.reload()

    def set_service(self, actors: ActorService | None) -> None:
        self._kind = None
        super().set_service(actors)

    def query_ids(self) -> list[int]:
        return self._service.ids(sort=self.sort_key, descending=self._descending, text_filter=self._filter,
                                 kind=self._kind)

    def fetch_rows(self, ids: Sequence[int]) -> list[ActorRow]:
        return self._service.rows(ids, self._as_at)

    def actor_row(self, row: int) -> ActorRow | None:
        return self.record(row)

    def cell(self, row: ActorRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return actor_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = actor_text(row, column)
            return text or None
        if role == Qt.ItemDataRole.DecorationRole and column == KIND:
            return icons.dot_icon(kind_colours(row.kind)[1].name())
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DOCUMENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in (KIND, ALIASES, FIRST_SEEN, LAST_SEEN):
            return theme.MUTED
        return None
