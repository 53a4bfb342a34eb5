"""Keyword in context: every mention of one actor, as document | date | before | text | after | ¶."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from dossier.domain.register import MentionRow
from dossier.ui.style import theme

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Document", "Date", "Before", "Mention", "After", "¶")
DOCUMENT, DATE, BEFORE, TEXT, AFTER, PARAGRAPH = range(len(HEADERS))
WIDTHS = (220, 108, 260, 150, 260, 48)


class KwicModel(QAbstractTableModel):
    """A small list model: one actor's mentions come back in one call (the service caps them)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MentionRow] = []
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)

    def set_mentions(self, mentions: Sequence[MentionRow]) -> None:
        self.beginResetModel()
        self._rows = list(mentions)
        self.endResetModel()

    def mention(self, row: int) -> MentionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_align(section))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        m = self.mention(index.row()) if index.isValid() else None
        if m is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(m, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_align(column))
        if role == Qt.ItemDataRole.FontRole and column == TEXT:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole:
            if column in (BEFORE, AFTER, DATE, PARAGRAPH):
                return theme.MUTED
            return theme.ACCENT.darker(120) if column == TEXT else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{m.document_title} · D{m.document_id}"
                    f"{f' ¶{m.paragraph}' if m.paragraph is not None else ''}\n"
                    f"…{m.before} {m.text} {m.after}…\nDouble-click to read the passage")
        return None


def _text(m: MentionRow, column: int) -> str:
    if column == DOCUMENT:
        return m.document_title
    if column == DATE:
        return m.document_date.display() if m.document_date else "Undated"
    if column == BEFORE:
        return f"…{m.before}" if m.before else ""
    if column == TEXT:
        return " ".join(m.text.split())
    if column == AFTER:
        return f"{m.after}…" if m.after else ""
    if column == PARAGRAPH:
        return f"¶{m.paragraph}" if m.paragraph is not None else ""
    return ""


def _align(column: int) -> Qt.AlignmentFlag:
    horizontal = (Qt.AlignmentFlag.AlignRight if column in (BEFORE, PARAGRAPH)
                  else Qt.AlignmentFlag.AlignHCenter if column == TEXT else Qt.AlignmentFlag.AlignLeft)
    return horizontal | Qt.AlignmentFlag.AlignVCenter
