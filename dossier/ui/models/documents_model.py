"""The documents table: a lazy model over document ids (see lazy_model.py).

Rows are fetched in blocks through DocumentService.rows(ids); sorting and filtering re-query
DocumentService.ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from dossier.domain.records import DocumentRow, DocumentStatus
from dossier.services.documents import DocumentService
from dossier.ui.models.lazy_model import BLOCK_SIZE, MAX_CACHED_BLOCKS, Column, IdRole, LazyTableModel
from dossier.ui.style import icons, theme

__all__ = ["BLOCK_SIZE", "COLUMNS", "DATE", "MAX_CACHED_BLOCKS", "UNDATED", "DocumentChoiceModel", "DocumentIdRole",
           "DocumentsModel"]

COLUMNS: tuple[Column, ...] = (
    Column("Date", "date", 106),
    Column("Kind", "kind", 70),
    Column("Title", "title", 260),
    Column("From", "sender", 120),
    Column("To", "recipients", 120),
    Column("✓", "reviewed", 34),
)
DATE, KIND, TITLE, SENDER, RECIPIENTS, REVIEWED = range(len(COLUMNS))

UNDATED = "Undated"
DocumentIdRole = IdRole


class DocumentsModel(LazyTableModel):
    COLUMNS = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, sort_column=DATE)
        self._italic = QFont()
        self._italic.setItalic(True)

    def query_ids(self) -> list[int]:
        return self._service.ids(sort=self.sort_key, descending=self._descending, text_filter=self._filter)

    def fetch_rows(self, ids: Sequence[int]) -> list[DocumentRow]:
        return self._service.rows(ids)

    def query_empty_columns(self) -> frozenset[int]:
        counts = self._service.field_counts()
        return frozenset(n for n, name in ((SENDER, "sender"), (RECIPIENTS, "recipients")) if counts.empty(name))

    def set_service(self, documents: DocumentService | None) -> None:
        super().set_service(documents)

    def refresh_documents(self, ids: Iterable[int]) -> None:
        """Fetch these documents again (after an edit) and repaint their rows in place."""
        self.refresh_ids(ids)

    def document_row(self, row: int) -> DocumentRow | None:
        return self.record(row)

    ROLES = frozenset({
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole,
    })

    def cell(self, row: DocumentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == REVIEWED:
                return theme.SUCCESS if row.reviewed else theme.WARNING
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


def display_text(row: DocumentRow, column: int) -> str:
    if column == DATE:
        return row.date.display() if row.date else UNDATED
    if column == KIND:
        return row.kind.value.capitalize()
    if column == TITLE:
        return f"{row.label}  · {row.copy_label}" if row.copy_of is not None else row.label
    if column == SENDER:
        return row.sender or ""
    if column == RECIPIENTS:
        return ", ".join(row.recipients)
    if column == REVIEWED:
        return "✓" if row.reviewed else ("↻" if row.changed_since_review else "")
    return ""


def _tooltip(row: DocumentRow, column: int) -> str | None:
    if column == TITLE:
        lines = [row.label, f"D{row.id} · filed from {row.file_name}"
                 + (f" (first filed as {row.first_file_name})" if row.first_file_name else "")]
        if row.copy_of is not None:
            lines.append(f"A copy of D{row.copy_of}: the same letter filed again (Edit ▸ Not a Copy if it is not)")
        if row.status is DocumentStatus.NO_TEXT_LAYER:
            lines.append(f"⚠ {row.status.value}")
        if row.annotations:
            lines.append(f"{row.annotations} annotation{'' if row.annotations == 1 else 's'}")
        return "\n".join(lines)
    if column == REVIEWED:
        if row.reviewed:
            return f"Reviewed by {row.reviewed_by}"
        if row.changed_since_review:
            return f"Changed since reviewed: re-filed after {row.changed_since_review} reviewed it"
        return "Not reviewed"
    if column == DATE and row.date and row.date.text and row.date.text != row.date.display():
        return f"As written: {row.date.text}"
    if column == RECIPIENTS and row.cc:
        return f"To: {', '.join(row.recipients)}\nCc: {', '.join(row.cc)}"
    text = display_text(row, column)
    return text or None


class DocumentChoiceModel(DocumentsModel):
    """The documents as one line each ("D3 · 27 Mar 2014 · Title"), for choosing one in a combo box.

    Still lazy: a combo box over 100k documents only fetches the rows its popup shows.
    """

    def cell(self, row: DocumentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == TITLE:
            return choice_text(row)
        return super().cell(row, column, role)


def choice_text(row: DocumentRow) -> str:
    date = row.date.display() if row.date else UNDATED
    return f"D{row.id}  ·  {date}  ·  {row.label}"
