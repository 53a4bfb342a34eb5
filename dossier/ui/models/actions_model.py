"""The actions table: a lazy model over action ids, overdue first as at a chosen date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from dossier.domain.findings import ActionStatus
from dossier.domain.register import ActionRow
from dossier.services.actions import ActionService
from dossier.ui.models.lazy_model import Column, LazyTableModel
from dossier.ui.style import icons, theme

COLUMNS: tuple[Column, ...] = (
    Column("Due", "due", 150),
    Column("Days late", None, 80),
    Column("Type", "type", 116),
    Column("Summary", None, 320),
    Column("Owner", "owner", 150),
    Column("Addressed to", None, 150),
    Column("Status", "status", 92),
    Column("Source", None, 78),
)
DUE, DAYS_LATE, TYPE, SUMMARY, OWNER, ADDRESSED, STATUS, SOURCE = range(len(COLUMNS))
OverdueRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3  # the status pill's kind: "overdue", "open", "done", ...
OVERDUE = "overdue"
NO_DATE = "No date"


def source_text(row: ActionRow) -> str:
    """Every document that sets the action, its own first: "D3 ¶6; D4 ¶14"."""
    if row.sources:
        return "; ".join(f"D{s.document_id} ¶{s.paragraph}" if s.paragraph is not None else f"D{s.document_id}"
                         for s in row.sources)
    if row.document_id is None:
        return ""
    return f"D{row.document_id} ¶{row.paragraph}" if row.paragraph is not None else f"D{row.document_id}"


def days_late(row: ActionRow, as_at: dt.date) -> int | None:
    """Whole days since the latest day the action was due (None unless it is overdue as at the day)."""
    if not row.overdue or row.due is None:
        return None
    return max(0, (as_at - row.due.latest()).days)


def status_kind(row: ActionRow) -> str:
    return OVERDUE if row.overdue else row.status.value


def action_text(row: ActionRow, column: int, as_at: dt.date | None = None) -> str:
    if column == DUE:
        return row.due.display() if row.due else NO_DATE
    if column == DAYS_LATE:
        late = days_late(row, as_at or dt.date.today())
        return f"{late:,}" if late is not None else ""
    if column == TYPE:
        return row.type.value.capitalize()
    if column == SUMMARY:
        return " ".join(row.summary.split())
    if column == OWNER:
        return row.owner or ""
    if column == ADDRESSED:
        return row.addressed_to or ""
    if column == STATUS:
        return "Overdue" if row.overdue else row.status.value.capitalize()
    if column == SOURCE:
        return source_text(row)
    return ""


class ActionsModel(LazyTableModel):
    COLUMNS = COLUMNS
    ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole,
                       Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
                       OverdueRole, StatusRole})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, sort_column=DUE)
        self._as_at = dt.date.today()
        self._statuses: tuple[ActionStatus, ...] | None = (ActionStatus.OPEN,)
        self._owner_id: int | None = None
        self._due_from: dt.date | None = None
        self._due_to: dt.date | None = None
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- filters ---------------------------------------------------------------------------------
    @property
    def as_at(self) -> dt.date:
        return self._as_at

    @property
    def statuses(self) -> tuple[ActionStatus, ...] | None:
        return self._statuses

    @property
    def owner_id(self) -> int | None:
        return self._owner_id

    def set_as_at(self, day: dt.date) -> None:
        if day != self._as_at:
            self._as_at = day
            self.reload()

    def set_statuses(self, statuses: Sequence[ActionStatus] | None) -> None:
        value = tuple(statuses) if statuses is not None else None
        if value != self._statuses:
            self._statuses = value
            self.reload()

    def set_owner(self, owner_id: int | None) -> None:
        if owner_id != self._owner_id:
            self._owner_id = owner_id
            self.reload()

    def set_due_range(self, due_from: dt.date | None, due_to: dt.date | None) -> None:
        if (due_from, due_to) != (self._due_from, self._due_to):
            self._due_from, self._due_to = due_from, due_to
            self.reload()

    def set_service(self, actions: ActionService | None) -> None:
        self._owner_id = None
        super().set_service(actions)

    # -- lazy model ------------------------------------------------------------------------------
    def query_ids(self) -> list[int]:
        return self._service.ids(as_at=self._as_at, statuses=self._statuses, owner_id=self._owner_id,
                                 due_from=self._due_from, due_to=self._due_to, text_filter=self._filter,
                                 sort=self.sort_key, descending=self._descending)

    def _overdue_ids(self) -> list[int]:
        return self._service.ids(as_at=self._as_at, statuses=self._statuses, owner_id=self._owner_id,
                                 due_from=self._due_from, due_to=self._due_to, text_filter=self._filter,
                                 overdue_only=True)

    def fetch_rows(self, ids: Sequence[int]) -> list[ActionRow]:
        return self._service.rows(ids, as_at=self._as_at)

    def query_empty_columns(self) -> frozenset[int]:
        counts = self._service.field_counts()
        return frozenset(n for n, name in ((OWNER, "owner"), (ADDRESSED, "addressed_to")) if counts.empty(name))

    def action_row(self, row: int) -> ActionRow | None:
        return self.record(row)

    def overdue_count(self) -> int:
        """How many of the listed actions are overdue: counted by the database, not by fetching rows."""
        if self._service is None or not self.rowCount():
            return 0
        return len(self._overdue_ids())

    def cell(self, row: ActionRow, column: int, role: int) -> Any:
        if role == OverdueRole:
            return row.overdue
        if role == StatusRole:
            return status_kind(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return action_text(row, column, self._as_at)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if column == DAYS_LATE else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue and column in (DUE, DAYS_LATE):
                return theme.DANGER
            if row.status is not ActionStatus.OPEN or (column == DUE and row.due is None):
                return theme.FAINT
            return theme.MUTED if column in (TYPE, SOURCE) else None
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.overdue_icon() if column == DUE and row.overdue else None
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if column == DUE and row.due is None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _tooltip(self, row: ActionRow, column: int) -> str | None:
        if column == DUE:
            lines = [action_text(row, DUE)]
            if row.due and row.due.text and row.due.text != row.due.display():
                lines.append(f"As written: {row.due.text}")
            if row.overdue:
                lines.append(f"Overdue as at {self._as_at.day} {self._as_at:%b %Y}")
            return "\n".join(lines)
        if column == SOURCE and row.document_id is not None:
            return f"{row.document_title or ''}\nDouble-click to read the passage"
        if column == DAYS_LATE and row.overdue:
            late = days_late(row, self._as_at) or 0
            return f"{late:,} day{'' if late == 1 else 's'} late as at {self._as_at.day} {self._as_at:%b %Y}"
        if column == STATUS and row.status_note:
            return f"{action_text(row, STATUS)}: {row.status_note}"
        return action_text(row, column, self._as_at) or None
