"""Search hits in the reader: every hit highlighted, F3 / Shift+F3 step to the next / previous one.

The hits are ExtraSelections in the reader's "hits" highlight layer (ParagraphTextEdit keeps the
layers apart, so mentions and annotations stay as they are), placed through the reader's
OffsetMap (`cursor_for`), so offsets are those of the stored text. A new document in the reader
clears them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from dossier.ui.views.paragraph_text import ParagraphTextEdit

LAYER = "hits"
HIT_BG = QColor("#ffe58f")  # every hit
CURRENT_BG = QColor("#ffab40")  # the one stepped to
CURRENT_LINE = QColor("#c56a00")


def _format(current: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(CURRENT_BG if current else HIT_BG)
    if current:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(CURRENT_LINE)
    return fmt


class HitNavigator(QObject):
    """The hits of a search in the document the reader shows, and which one is current."""

    changed = Signal(int, int)  # current index (-1: none), number of hits

    def __init__(self, edit: ParagraphTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent or edit)
        self.edit = edit
        self._hits: tuple[tuple[int, int], ...] = ()
        self._current = -1
        self._text = ""
        self.next_action: QAction | None = None  # F3 and Shift+F3, once installed in a window
        self.previous_action: QAction | None = None
        edit.textChanged.connect(self._on_text_changed)

    @property
    def hits(self) -> tuple[tuple[int, int], ...]:
        return self._hits

    @property
    def current(self) -> int:
        return self._current

    @property
    def count(self) -> int:
        return len(self._hits)

    def set_hits(self, spans: Sequence[tuple[int, int]], *, go_to_first: bool = True) -> None:
        """Highlight these [start, end) offsets of the reader's stored text (and step to the first)."""
        length = len(self.edit.stored_text)
        self._hits = tuple(sorted({(int(a), int(b)) for a, b in spans if 0 <= a < b <= length}))
        self._text = self.edit.stored_text
        self._current = -1
        if go_to_first and self._hits:
            self.go_to(0)
        else:
            self._paint()
            self.changed.emit(self._current, len(self._hits))

    def clear(self) -> None:
        self._hits, self._current = (), -1
        self.edit.set_highlight_layer(LAYER, [])
        self.changed.emit(-1, 0)

    def next(self) -> bool:
        """Step to the next hit (after the last: the first). False when there are none."""
        if not self._hits:
            return False
        self.go_to((self._current + 1) % len(self._hits) if self._current >= 0 else self._first_after_cursor())
        return True

    def previous(self) -> bool:
        if not self._hits:
            return False
        self.go_to((self._current - 1) % len(self._hits) if self._current >= 0 else self._first_after_cursor() - 1)
        return True

    def go_to(self, index: int) -> None:
        """Make a hit current: highlight it more strongly, select it and bring it into view."""
        if not self._hits:
            return
        self._current = index % len(self._hits)
        self._paint()
        start, end = self._hits[self._current]
        self.edit.select_span(start, end)
        self.changed.emit(self._current, len(self._hits))

    def _first_after_cursor(self) -> int:
        at = self.edit.offset_at(self.edit.textCursor().selectionStart())
        for n, (start, _end) in enumerate(self._hits):
            if start >= at:
                return n
        return 0

    def _paint(self) -> None:
        selections = []
        for n, (start, end) in enumerate(self._hits):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self.edit.cursor_for(start, end)
            selection.format = _format(n == self._current)
            selections.append(selection)
        self.edit.set_highlight_layer(LAYER, selections)

    def _on_text_changed(self) -> None:
        """The reader was given a text (its highlight layers start empty): the same document shown
        again keeps its hits; another document's text is not where they were."""
        if not self._hits:
            return
        if self.edit.stored_text == self._text:
            self._paint()
        else:
            self._hits, self._current = (), -1
            self.changed.emit(-1, 0)


def hit_status(current: int, count: int) -> str:
    if count == 0:
        return "No search hits in this document's text"
    return f"Hit {current + 1} of {count}" if current >= 0 else f"{count} hits"


def install_hit_navigation(window: Any) -> HitNavigator:
    """Give a main window F3 / Shift+F3 over search hits in its reader.

    Needs: `window.reader.text` (the reader's ParagraphTextEdit) and `window.context` (its
    UiContext, for status messages). Adds two window-wide actions, `navigator.next_action` (F3)
    and `navigator.previous_action` (Shift+F3), which can go in a menu too. Show hits with
    `navigator.set_hits(spans)`.
    """
    navigator = HitNavigator(window.reader.text, window)

    def step(forward: bool) -> None:
        moved = navigator.next() if forward else navigator.previous()
        window.context.status(hit_status(navigator.current, navigator.count) if moved else hit_status(-1, 0))

    next_action = QAction("Next Search &Hit", window)
    next_action.setShortcuts([QKeySequence(Qt.Key.Key_F3)])
    next_action.setStatusTip("Go to the next hit of the search in this document")
    next_action.triggered.connect(lambda _checked=False: step(True))
    previous_action = QAction("Previous Search Hi&t", window)
    previous_action.setShortcuts([QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F3)])
    previous_action.setStatusTip("Go to the previous hit of the search in this document")
    previous_action.triggered.connect(lambda _checked=False: step(False))
    for action in (next_action, previous_action):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
    navigator.next_action, navigator.previous_action = next_action, previous_action
    return navigator
