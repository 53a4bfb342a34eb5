"""The reader pane: a header (title, date, parties) above the document's numbered text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from dossier.domain.annotations import ReviewStatus
from dossier.domain.records import DocumentDetail, DocumentStatus
from dossier.ui.style import theme
from dossier.ui.views.paragraph_text import ParagraphTextEdit

NEEDS_OCR_NOTICE = ("No text layer (needs OCR). This PDF holds page images only, so there is no text "
                    "to read or search until it has been through OCR.")


def _value_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ReaderHeader(QWidget):
    FIELDS = ("Date", "From", "To", "Cc")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = _value_label(self)
        self.title.setObjectName("documentTitle")
        self.title.setFont(theme.scaled(self.font(), 1.35, bold=True))
        self.marking = QLabel(self)
        self.marking.setObjectName("marking")
        self.marking.setStyleSheet("QLabel#marking { color: #a0281c; border: 1px solid #e3b3ad;"
                                   " border-radius: 3px; padding: 1px 6px; font-weight: 600; }")
        self.marking.setFont(theme.scaled(self.font(), 0.8, bold=True))
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("fieldName")
        self.notice = QLabel(NEEDS_OCR_NOTICE, self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)

        self.review = QLabel(self)
        self.review.setObjectName("reviewBadge")
        self.review.setStyleSheet(f"QLabel#reviewBadge {{ color: {theme.SUCCESS.name()}; border: 1px solid #b9dcc6;"
                                  " border-radius: 3px; padding: 1px 6px; font-weight: 600; }")
        self.review.setFont(theme.scaled(self.font(), 0.8, bold=True))
        self.review.hide()
        self._changed_since_review: str | None = None  # who reviewed it before it was re-filed

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.title, 1)
        top.addWidget(self.review, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.marking, 0, Qt.AlignmentFlag.AlignTop)

        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(3)
        self._grid.setColumnStretch(1, 1)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, name in enumerate(self.FIELDS):
            caption = QLabel(name, self)
            caption.setObjectName("fieldName")
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = _value_label(self)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(caption, row, 0)
            self._grid.addWidget(value, row, 1)
            self.names[name], self.values[name] = caption, value

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)
        layout.addSpacing(2)
        layout.addLayout(self._grid)
        layout.addWidget(self.notice)

    def show_detail(self, detail: DocumentDetail) -> None:
        row, meta = detail.row, detail.metadata
        self.title.setText(row.label)
        self.marking.setText(meta.marking or "")
        self.marking.setVisible(bool(meta.marking))
        parts = [meta.kind.value.capitalize(), f"D{row.id}"]
        if row.page_count:
            parts.append(f"{row.page_count} page" + ("" if row.page_count == 1 else "s"))
        if meta.reference:
            parts.append(f"Ref. {meta.reference}")
        if row.copy_of is not None:
            parts.append(row.copy_label)
        if row.first_file_name:
            parts.append(f"{row.file_name}, first filed as {row.first_file_name}")
        self.subtitle.setText("  ·  ".join(parts))
        self._changed_since_review = row.changed_since_review
        sender = meta.sender or ""
        if sender and detail.sender_post:
            sender = f"{sender} ({detail.sender_post})"
        self._set("Date", meta.date.display() if meta.date else "Undated", muted=meta.date is None)
        self._set("From", sender)
        self._set("To", ", ".join(meta.recipients))
        self._set("Cc", ", ".join(meta.cc))
        self.notice.setVisible(row.status is DocumentStatus.NO_TEXT_LAYER)

    def set_review(self, status: ReviewStatus | None) -> None:
        changed = status is None and self._changed_since_review
        self.review.setVisible(status is not None or bool(changed))
        colour, line = (theme.SUCCESS.name(), "#b9dcc6") if status is not None else (theme.WARNING.name(), "#e8c48a")
        self.review.setStyleSheet(f"QLabel#reviewBadge {{ color: {colour}; border: 1px solid {line};"
                                  " border-radius: 3px; padding: 1px 6px; font-weight: 600; }")
        if status is not None:
            self.review.setText("✓ Reviewed")
            self.review.setToolTip(f"Reviewed by {status.reviewed_by} on {status.reviewed_at[:10]}")
        elif changed:
            self.review.setText("↻ Changed since reviewed")
            self.review.setToolTip(f"Re-filed from another copy after {changed} reviewed it: review it again")

    def _set(self, name: str, text: str, *, muted: bool = False) -> None:
        value = self.values[name]
        value.setText(text)
        value.setStyleSheet(f"color: {theme.FAINT.name()}; font-style: italic;" if muted else "")
        show = bool(text) or name == "Date"
        value.setVisible(show)
        self.names[name].setVisible(show)


class ReaderView(QStackedWidget):
    """Shows one document (or a quiet placeholder when none is selected)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.placeholder = QLabel("Select a document to read it", self)
        self.placeholder.setObjectName("emptyText")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setAutoFillBackground(True)
        self.placeholder.setStyleSheet("background: #ffffff;")

        page = QWidget(self)
        page.setObjectName("panel")
        self.header = ReaderHeader(page)
        self.text = ParagraphTextEdit(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)

        self.addWidget(self.placeholder)
        self.addWidget(page)
        self._document_id: int | None = None

    @property
    def document_id(self) -> int | None:
        return self._document_id

    def show_document(self, detail: DocumentDetail | None, *, keep_position: bool = False) -> None:
        if detail is None:
            self._document_id = None
            self.text.clear_document()
            self.setCurrentIndex(0)
            return
        same = detail.row.id == self._document_id and self.text.stored_text == detail.text
        self._document_id = detail.row.id
        self.header.show_detail(detail)
        if not (same and keep_position):  # an edit of the metadata keeps the reading position
            self.text.set_document(detail.text, detail.paragraphs)
        self.setCurrentIndex(1)

    def show_placeholder(self, message: str) -> None:
        self.placeholder.setText(message)
        self.show_document(None)
