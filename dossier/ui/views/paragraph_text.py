"""A read-only text view with paragraph numbers ("¶N") and page markers ("p.N") in a left margin.

The document's text goes in verbatim, so a character offset in the stored text is a position in
the view (after the UTF-16 adjustment below), which is what highlights and annotations will need.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from dossier.domain.records import ParagraphSpan
from dossier.ui.style import theme
from dossier.ui.views.mentions import MentionLayer

LINE_HEIGHT_PERCENT = 135
GUTTER_PADDING = 8


@dataclass(frozen=True, slots=True)
class _Marker:
    paragraph: int
    page: int | None  # set when this paragraph starts a new page
    first_page: bool  # the first page of the document (no rule drawn above it)


class OffsetMap:
    """Python string offsets (code points) <-> QTextDocument positions (UTF-16 code units)."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset

    def from_qt(self, position: int) -> int:
        return position - bisect_left(self._astral_qt, position) if self._astral else position


class _Gutter(QWidget):
    def __init__(self, editor: ParagraphTextEdit) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self._editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._editor.paint_gutter(event)


class ParagraphTextEdit(QPlainTextEdit):
    LAYER_ORDER = ("mentions", "annotations", "hits", "focus")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFont(theme.reader_font())
        self.document().setDocumentMargin(20)
        self._markers: dict[int, _Marker] = {}  # block number -> marker
        self._offsets = OffsetMap("")
        self.stored_text = ""
        # named layers of highlights, drawn in this order (later layers paint over earlier ones)
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {name: [] for name in self.LAYER_ORDER}
        self.mentions = MentionLayer(self)
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(lambda _n: self._update_margins())
        self.updateRequest.connect(self._on_update_request)
        self._update_margins()

    # -- content ---------------------------------------------------------------------------------
    def set_document(self, text: str, paragraphs: Sequence[ParagraphSpan]) -> None:
        """Show `text` verbatim, numbering its paragraphs and muting quoted ones."""
        self._offsets = OffsetMap(text)
        self.stored_text = text
        self.mentions.clear()
        self._layers = {name: [] for name in self.LAYER_ORDER}  # a new text: every layer starts empty
        self.setExtraSelections([])
        self.setPlainText(text)
        self._apply_line_height()
        self._markers = {}
        previous_page: int | None = None
        quoted = QTextCharFormat()
        quoted.setForeground(theme.QUOTED)
        for p in paragraphs:
            block = self.document().findBlock(self._offsets.to_qt(p.start))
            new_page = p.page is not None and p.page != previous_page
            if block.isValid() and block.blockNumber() not in self._markers:
                self._markers[block.blockNumber()] = _Marker(
                    p.number, p.page if new_page else None, first_page=previous_page is None)
            if p.page is not None:
                previous_page = p.page
            if p.quoted:
                cursor = self.cursor_for(p.start, p.end)
                cursor.mergeCharFormat(quoted)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._update_margins()
        self._gutter.update()

    def set_highlight_layer(self, name: str, selections: Sequence[QTextEdit.ExtraSelection]) -> None:
        """Replace one layer of highlights (mentions, annotations, search hits...) and redraw all."""
        self._layers[name] = list(selections)
        ordered = [*self.LAYER_ORDER, *(n for n in self._layers if n not in self.LAYER_ORDER)]
        self.setExtraSelections([s for n in ordered for s in self._layers.get(n, ())])

    def highlight_layer(self, name: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._layers.get(name, ()))

    def clear_document(self) -> None:
        self.set_document("", ())

    def cursor_for(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting the text offsets [start, end) of the stored text."""
        cursor = QTextCursor(self.document())
        last = self.document().characterCount() - 1
        cursor.setPosition(min(self._offsets.to_qt(start), last))
        cursor.setPosition(min(self._offsets.to_qt(end), last), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def offset_at(self, position: int) -> int:
        return self._offsets.from_qt(position)

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as offsets [start, end) of the stored text, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.offset_at(cursor.selectionStart()), self.offset_at(cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        """Select [start, end) and bring it to the middle of the view."""
        self.setTextCursor(self.cursor_for(start, end))
        self.centerCursor()

    def sentence_span(self) -> tuple[int, int] | None:
        """The selection, else the sentence around the cursor (for "Action from Selection")."""
        span = self.selected_span()
        if span is not None:
            return span
        text = self.stored_text
        if not text.strip():
            return None
        at = self.offset_at(self.textCursor().position())
        start = max(text.rfind(". ", 0, at), text.rfind("\n\n", 0, at))
        start = 0 if start < 0 else start + 2
        period, paragraph = text.find(". ", at), text.find("\n\n", at)
        ends = [i for i in (period + 1 if period >= 0 else -1, paragraph) if i >= 0]
        end = min(ends) if ends else len(text)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self.cursorForPosition(event.pos())
            mention = self.mentions.at(self.offset_at(cursor.position()))
            if mention is not None:
                QToolTip.showText(event.globalPos(), self.mentions.tooltip(mention), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def paragraph_label(self, block_number: int) -> str | None:
        marker = self._markers.get(block_number)
        return f"¶{marker.paragraph}" if marker else None

    def page_label(self, block_number: int) -> str | None:
        marker = self._markers.get(block_number)
        return f"p.{marker.page}" if marker and marker.page is not None else None

    def _apply_line_height(self) -> None:
        fmt = QTextBlockFormat()
        fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(fmt)

    # -- gutter ----------------------------------------------------------------------------------
    def gutter_width(self) -> int:
        small = QFontMetrics(theme.scaled(self.font(), 0.78))
        return max(small.horizontalAdvance("¶888"), small.horizontalAdvance("p.888")) + 2 * GUTTER_PADDING

    def _update_margins(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def _visible_blocks(self) -> Iterator[tuple[QTextBlock, QRectF]]:
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom_limit = self.viewport().height()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom_limit:
                break
            if block.isVisible() and geometry.bottom() >= 0:
                yield block, geometry
            block = block.next()

    def _page_rule_y(self, top: float) -> int:
        """Where a page break is drawn: in the blank line above the paragraph (or its top margin)."""
        gap = self.fontMetrics().lineSpacing() * LINE_HEIGHT_PERCENT / 100
        return max(2, round(top - gap / 2))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), theme.MARGIN_BG)
        painter.setPen(QPen(theme.RULE))
        right = self._gutter.width() - 1
        painter.drawLine(right, event.rect().top(), right, event.rect().bottom())
        if not self._markers:
            return
        para_font = theme.scaled(self.font(), 0.78)
        page_font = theme.scaled(self.font(), 0.74, bold=True)
        first_line = round(self.fontMetrics().lineSpacing() * LINE_HEIGHT_PERCENT / 100)
        small_height = QFontMetrics(page_font).height()
        width = self._gutter.width() - GUTTER_PADDING
        for block, geometry in self._visible_blocks():
            marker = self._markers.get(block.blockNumber())
            if marker is None:
                continue
            top = round(geometry.top())
            painter.setFont(para_font)
            painter.setPen(theme.FAINT)
            painter.drawText(QRect(0, top, width, first_line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"¶{marker.paragraph}")
            if marker.page is not None:
                y = self._page_rule_y(geometry.top()) if not marker.first_page else top - small_height + 2
                painter.setFont(page_font)
                painter.setPen(theme.ACCENT)
                painter.drawText(QRect(0, y - small_height // 2, width, small_height),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"p.{marker.page}")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not any(m.page is not None and not m.first_page for m in self._markers.values()):
            return
        painter = QPainter(self.viewport())
        pen = QPen(QColor(theme.RULE).darker(110))
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for block, geometry in self._visible_blocks():
            marker = self._markers.get(block.blockNumber())
            if marker and marker.page is not None and not marker.first_page:
                y = self._page_rule_y(geometry.top())
                painter.drawLine(0, y, self.viewport().width(), y)
