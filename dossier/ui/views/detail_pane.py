"""The pane under the Actions and Annotations tables: where the selected item comes from (the
paragraph of the letter, its words marked, with the document's label and a way to open it there)
and its history (from the audit trail), shown from the frozen records the services return."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.detail import HistoryLine, ItemDetail

PANE_HEIGHT = 240  # the pane's height at first; the splitter above it lets the user change it
MARK_STYLE = "background-color:#fff0a8; font-weight:600;"


def history_text(line: HistoryLine) -> str:
    """ "8 Dec 2026 14:03 · A. Reviewer · status: open → done" (in local time)."""
    try:
        when = dt.datetime.fromisoformat(line.at.replace("Z", "+00:00")).astimezone()
        stamp = f"{when.day} {when:%b %Y %H:%M}"
    except ValueError:
        stamp = line.at[:16].replace("T", " ")
    return f"{stamp}  ·  {line.who}  ·  {line.text}"


def passage_html(text: str, start: int, end: int) -> str:
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    before, marked, after = text[:start], text[start:end], text[end:]
    return (f"<p style='line-height:140%'>{html.escape(before)}<span style='{MARK_STYLE}'>{html.escape(marked)}</span>"
            f"{html.escape(after)}</p>")


class DetailPane(QFrame):
    open_requested = Signal(int, int, int)  # document id, start, end

    def __init__(self, parent: QWidget | None = None, *, empty_text: str = "Select a row to see where it comes from.",
                 open_text: str = "Open in Document") -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.empty_text = empty_text
        self._detail: ItemDetail | None = None
        self.title = QLabel(self)
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.source = QLabel(self)
        self.source.setObjectName("fieldName")
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(open_text, self)
        self.open_button.setToolTip("Show this passage in the reader")
        self.open_button.clicked.connect(self._open)
        self.passage = QTextBrowser(self)
        self.passage.setObjectName("detailPassage")
        self.passage.setOpenLinks(False)
        self.passage.setFrameShape(QFrame.Shape.NoFrame)
        self.history_label = QLabel("History", self)
        self.history_label.setObjectName("fieldName")
        self.history = QListWidget(self)
        self.history.setObjectName("detailHistory")
        self.history.setFrameShape(QFrame.Shape.NoFrame)
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.source, 1)
        top.addWidget(self.open_button)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.title)
        left.addLayout(top)
        left.addWidget(self.passage, 1)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.history_label)
        right.addWidget(self.history, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(16)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.show_detail(None)

    def sizeHint(self) -> QSize:
        return QSize(640, PANE_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 120)

    @property
    def detail(self) -> ItemDetail | None:
        return self._detail

    def show_detail(self, detail: ItemDetail | None) -> None:
        self._detail = detail
        self.history.clear()
        if detail is None:
            self.title.setText(self.empty_text)
            self.source.setText("")
            self.passage.clear()
            self.open_button.setEnabled(False)
            for widget in (self.open_button, self.passage, self.history_label, self.history):
                widget.setVisible(False)
            return
        for widget in (self.open_button, self.passage, self.history_label, self.history):
            widget.setVisible(True)
        self.title.setText(detail.title)
        p = detail.passage
        if p is not None:
            self.source.setText(f"{p.where}  ·  {p.document_label}")
            self.passage.setHtml(passage_html(p.text, p.span_start, p.span_end))
        else:
            self.source.setText(detail.note)
            self.passage.clear()
        self.open_button.setEnabled(p is not None)
        for line in detail.history:
            item = QListWidgetItem(history_text(line))
            item.setToolTip(f"{line.at} (UTC)")
            self.history.addItem(item)
        if not detail.history:
            self.history.addItem("No changes recorded.")

    def history_lines(self) -> list[str]:
        return [self.history.item(n).text() for n in range(self.history.count())]

    def _open(self) -> None:
        p = self._detail.passage if self._detail is not None else None
        if p is not None:
            self.open_requested.emit(p.document_id, p.start, p.end)


def over_detail(parent: QWidget, table: QWidget, detail: DetailPane) -> QSplitter:
    """A table with its detail pane under it: the table takes the height the window gains."""
    splitter = QSplitter(Qt.Orientation.Vertical, parent)
    splitter.addWidget(table)
    splitter.addWidget(detail)
    splitter.setChildrenCollapsible(False)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 0)
    return splitter
