"""Annotations in the reader (a highlight layer) and the pane beside it that lists them.

The pane lists the current document's annotations in reading order, each as a card: a colour
bar, the quoted words, the note, the tags and who wrote it when. Orphans (annotations whose
words were not found after the text was re-extracted) come last, marked, so none is ever lost
from sight; one can be placed again on words selected in the reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.annotations import AnnotationRow
from dossier.ui.style import theme

RowRole = Qt.ItemDataRole.UserRole + 1
PAD = 10
NOTE_LINES = 4


class AnnotationLayer:
    """The current document's annotations drawn over its text, and which one covers an offset."""

    def __init__(self, edit) -> None:  # ParagraphTextEdit
        self._edit = edit
        self.rows: list[AnnotationRow] = []

    def set_annotations(self, rows: Sequence[AnnotationRow], current: int | None = None) -> None:
        self.rows = [r for r in rows if not r.orphan]
        selections = []
        for r in self.rows:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._edit.cursor_for(r.start, r.end)
            fmt = QTextCharFormat()
            fill = QColor(theme.ANNOTATION_FILL[r.colour.value])
            fmt.setBackground(fill.darker(112) if r.id == current else fill)
            if r.note:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(theme.ANNOTATION_CHIP[r.colour.value])
            selection.format = fmt
            selections.append(selection)
        self._edit.set_highlight_layer("annotations", selections)

    def at(self, offset: int) -> AnnotationRow | None:
        hits = [r for r in self.rows if r.start is not None and r.end is not None and r.start <= offset < r.end]
        return min(hits, key=lambda r: (r.end or 0) - (r.start or 0)) if hits else None  # both set, as filtered

    def tooltip(self, row: AnnotationRow) -> str:
        parts = []
        if row.note:
            parts.append(escape(row.note).replace("\n", "<br>"))
        if row.tags:
            parts.append(f"<span style='color:{theme.MUTED.name()}'>{escape(', '.join(row.tags))}</span>")
        parts.append(f"<span style='color:{theme.FAINT.name()}'>{escape(row.author)} · {row.changed_at[:10]}</span>")
        return "<br>".join(parts)


class AnnotationRows:
    """What the pane's list and the Annotations view's table share: the rows they show, all at once
    (a document's annotations, or a filtered few thousand across the dossier)."""

    rows: list[AnnotationRow]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # type: ignore[call-arg]  # the Qt model class that follows this one
        self.rows = []

    def set_rows(self, rows: Sequence[AnnotationRow]) -> None:
        self.beginResetModel()  # type: ignore[attr-defined]  # the Qt model class that follows this one
        self.rows = list(rows)
        self.endResetModel()  # type: ignore[attr-defined]  # the Qt model class that follows this one

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)


class AnnotationListModel(AnnotationRows, QAbstractListModel):

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return row.quote
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.note or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Annotation on “{row.quote}”. {row.note}"
        return None


class AnnotationCardDelegate(QStyledItemDelegate):
    """Paints an annotation as a card."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        quote = QFont(option.font)
        quote.setItalic(True)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.86))
        return quote, QFont(option.font), small

    def _note_rect(self, option: QStyleOptionViewItem, note: str, width: int) -> QRect:
        _q, body, _s = self._fonts(option)
        fm = QFontMetrics(body)
        full = fm.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, note)
        return QRect(0, 0, width, min(full.height(), fm.lineSpacing() * NOTE_LINES))

    def _quote_height(self, option: QStyleOptionViewItem, row: AnnotationRow, width: int) -> int:
        """One line for a short quote, two (the most shown) for a longer one."""
        quote, _body, _small = self._fonts(option)
        fm = QFontMetrics(quote)
        words = "“" + " ".join(row.quote.split()) + "”"
        one = fm.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, words).height()
        return fm.lineSpacing() * (1 if one <= fm.lineSpacing() else 2)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        row: AnnotationRow = index.data(RowRole)
        _quote, _body, small = self._fonts(option)
        width = max(120, option.rect.width() - 2 * PAD - 6)
        height = PAD + self._quote_height(option, row, width)
        if row.note:
            height += 4 + self._note_rect(option, row.note, width).height()
        height += 4 + QFontMetrics(small).lineSpacing() + PAD
        return QSize(option.rect.width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        row: AnnotationRow = index.data(RowRole)
        painter.save()
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.ACCENT if selected else theme.RULE, 1.2 if selected else 1.0))
        painter.setBrush(QColor("#f5f8fe") if selected else QColor("#ffffff"))
        painter.drawRoundedRect(rect, 5, 5)
        chip = theme.FAINT if row.orphan else theme.ANNOTATION_CHIP[row.colour.value]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip)
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 4, rect.height()), 2, 2)

        quote_font, body_font, small_font = self._fonts(option)
        x, width = rect.left() + PAD + 2, rect.width() - 2 * PAD - 2
        y = rect.top() + PAD - 3
        fm = QFontMetrics(quote_font)
        painter.setFont(quote_font)
        painter.setPen(theme.FAINT if row.orphan else theme.INK)
        words = " ".join(row.quote.split())
        quote_height = self._quote_height(option, row, width)
        quote_rect = QRect(x, y, width, quote_height)
        painter.drawText(quote_rect, Qt.TextFlag.TextWordWrap, _clip_two_lines(fm, f"“{words}”", width))
        y += quote_height
        if row.note:
            y += 4
            note_rect = self._note_rect(option, row.note, width).translated(x, y)
            painter.setFont(body_font)
            painter.setPen(theme.INK)
            painter.drawText(note_rect, Qt.TextFlag.TextWordWrap, row.note)
            y += note_rect.height()
        y += 4
        painter.setFont(small_font)
        sfm = QFontMetrics(small_font)
        cursor = x
        if row.orphan:
            cursor = _pill(painter, sfm, cursor, y, "orphan: words not found", theme.DANGER, QColor("#fdecea"))
        elif row.needs_check:
            cursor = _pill(painter, sfm, cursor, y, "check: words changed", theme.WARNING, QColor("#fff4e0"))
        for tag in row.tags:
            if cursor > x + width - 40:
                break
            cursor = _pill(painter, sfm, cursor, y, tag, QColor("#3d4654"), QColor("#eef1f5"))
        painter.setPen(theme.FAINT)
        meta = f"{row.author} · {row.changed_at[:10]}"
        painter.drawText(QRect(cursor, y, x + width - cursor, sfm.lineSpacing()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         sfm.elidedText(meta, Qt.TextElideMode.ElideLeft, max(0, x + width - cursor)))
        painter.restore()


def _clip_two_lines(fm: QFontMetrics, text: str, width: int) -> str:
    """Text that fits two wrapped lines, with an ellipsis when cut."""
    if fm.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height() <= fm.lineSpacing() * 2:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        candidate = text[:mid].rstrip() + "…”"
        if fm.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, candidate).height() \
                <= fm.lineSpacing() * 2:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…”"


def _pill(painter: QPainter, fm: QFontMetrics, x: int, y: int, text: str, ink: QColor, fill: QColor) -> int:
    w = fm.horizontalAdvance(text) + 12
    rect = QRect(x, y, w, fm.lineSpacing())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    painter.setPen(ink)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return x + w + 4


class AnnotationsPane(QWidget):
    """The current document's annotations. Enter edits, Delete deletes, a click shows the words."""

    selected = Signal(object)  # AnnotationRow
    edit_requested = Signal(object)  # AnnotationRow
    delete_requested = Signal(object)  # AnnotationRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setMinimumWidth(180)
        self.heading = QLabel("Annotations", self)
        self.heading.setObjectName("paneHeading")
        self.heading.setFont(theme.scaled(self.font(), 1.0, bold=True))
        self.empty = QLabel("No annotations yet.\nSelect words in the text and press Ctrl+E.", self)
        self.empty.setObjectName("emptyText")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.model = AnnotationListModel(self)
        self.view = _CardList(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(AnnotationCardDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setSpacing(0)
        self.view.setStyleSheet("QListView { background: #f7f8fa; } QListView::item { border: none; }")
        self.view.clicked.connect(lambda index: self.selected.emit(index.data(RowRole)))
        self.view.doubleClicked.connect(lambda index: self.edit_requested.emit(index.data(RowRole)))
        self.view.activated_key.connect(self._on_key)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        self.heading.setContentsMargins(12, 0, 12, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self.set_rows([])

    @property
    def rows(self) -> list[AnnotationRow]:
        return list(self.model.rows)

    def set_rows(self, rows: Sequence[AnnotationRow], keep: int | None = None) -> None:
        self.model.set_rows(rows)
        orphans = sum(r.orphan for r in rows)
        text = f"Annotations  {len(rows)}" if rows else "Annotations"
        if orphans:
            text += f"  ·  {orphans} orphan{'s' if orphans != 1 else ''}"
        checks = sum(r.needs_check for r in rows)
        if checks:
            text += f"  ·  {checks} to check"
        self.heading.setText(text)
        self.heading.setToolTip(text.replace("  ", " "))
        self.view.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if keep is not None:
            self.select(keep, emit=False)

    def current(self) -> AnnotationRow | None:
        index = self.view.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def select(self, ann_id: int, *, emit: bool = True) -> bool:
        for n, row in enumerate(self.model.rows):
            if row.id == ann_id:
                index = self.model.index(n)
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                if emit:
                    self.selected.emit(row)
                return True
        return False

    def step(self, forward: bool, from_offset: int | None = None) -> AnnotationRow | None:
        """Select the next (or previous) placed annotation, after the current one or a text offset."""
        placed = [r for r in self.model.rows if not r.orphan]
        if not placed:
            return None
        current = self.current()
        if current is not None and not current.orphan:
            n = placed.index(current) if current in placed else -1
            target = placed[(n + (1 if forward else -1)) % len(placed)]
        elif from_offset is not None:
            after = [r for r in placed if (r.start or 0) > from_offset] if forward else \
                [r for r in placed if (r.start or 0) < from_offset]
            target = (after[0] if forward else after[-1]) if after else (placed[0] if forward else placed[-1])
        else:
            target = placed[0] if forward else placed[-1]
        self.select(target.id)
        return target

    def _on_key(self, key: int) -> None:
        row = self.current()
        if row is None:
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit(row)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit(row)


class _CardList(QListView):
    activated_key = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.activated_key.emit(event.key())
            return
        super().keyPressEvent(event)
        index = self.currentIndex()
        if index.isValid() and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.clicked.emit(index)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # cards wrap to the new width
