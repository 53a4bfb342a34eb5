"""The global search box (Ctrl+K): a query line over a ranked list of documents with highlighted
snippets. Up/Down choose, Enter opens, Esc closes; a query that cannot be read is explained inline.

`install_search(window)` puts it in a main window; opening a result shows the document in the
reader with every hit highlighted, and F3 / Shift+F3 (hit_navigator.py) step through them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.errors import DossierError
from dossier.domain.query import HIT_END, HIT_START, SearchHit
from dossier.ui.style import theme
from dossier.ui.views.hit_navigator import HitNavigator, hit_status, install_hit_navigation

RESULT_LIMIT = 100
TYPING_DELAY_MS = 180
PLACEHOLDER = 'Search letters, notes and names — e.g. "inspection of progress" from:Name after:2014-05'
HIT_STYLE = "background-color:#ffe58f; color:#1d2430; font-weight:600;"
WHERE_LABEL = {"text": "", "title": "in the title", "note": "in a note", "actor": "by name", "filter": ""}
HtmlRole = Qt.ItemDataRole.UserRole + 1
HitRole = Qt.ItemDataRole.UserRole + 2


class SearchSource(Protocol):
    def search(self, query: str, limit: int = ...) -> tuple[SearchHit, ...]: ...


def snippet_html(snippet: str) -> str:
    """A snippet with HIT_START/HIT_END markers as HTML: the text escaped, the hits in a highlight."""
    out: list[str] = []
    inside = False
    for piece in " ".join(snippet.split()).replace(HIT_END, HIT_START).split(HIT_START):
        if inside and piece:
            out.append(f'<span style="{HIT_STYLE}">{escape(piece)}</span>')
        else:
            out.append(escape(piece))
        inside = not inside
    return "".join(out)


def hit_html(hit: SearchHit) -> str:
    date = hit.date.display() if hit.date else "Undated"
    where = WHERE_LABEL.get(hit.where, "")
    meta = " · ".join(p for p in (f"D{hit.document_id}", date, where) if p)
    return (f'<div style="color:{theme.INK.name()};"><b>{snippet_html(hit.title_marked or hit.title)}</b>'
            f'&nbsp;&nbsp;<span style="color:{theme.MUTED.name()};">{escape(meta)}</span></div>'
            f'<div style="color:#4d5562;">{snippet_html(hit.snippet)}</div>')


class HitsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: tuple[SearchHit, ...] = ()

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = tuple(hits)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:  # plain text, for accessibility and tests
            return f"D{hit.document_id} {hit.title}"
        if role == HtmlRole:
            return hit_html(hit)
        if role == HitRole:
            return hit
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.file_name
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws a result as rich text (title, date, snippet with highlighted hits)."""

    PADDING = 6

    def _document(self, option: QStyleOptionViewItem, html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setTextWidth(max(50, option.rect.width() - 2 * self.PADDING))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        html = index.data(HtmlRole) or ""
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(opt, html)
        painter.save()
        rect: QRect = opt.rect
        painter.translate(rect.left() + self.PADDING, rect.top() + self.PADDING)
        painter.setClipRect(0, 0, rect.width() - 2 * self.PADDING, rect.height() - self.PADDING)
        context = QAbstractTextDocumentLayout.PaintContext()
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        if view is not None and hasattr(view, "viewport"):
            opt.rect.setWidth(view.viewport().width())
        doc = self._document(opt, index.data(HtmlRole) or "")
        return QSize(int(doc.idealWidth()) + 2 * self.PADDING, int(doc.size().height()) + 2 * self.PADDING)


class SearchPanel(QFrame):
    """The search box and its results. Emits `open_hit(document id, query)` for the chosen result."""

    open_hit = Signal(int, str)
    searched = Signal(str, int)  # the query and how many documents it found (after each search)

    def __init__(self, parent: QWidget | None = None, source: SearchSource | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QFrame#searchPanel { background: #ffffff; border: 1px solid #cfd4db; border-radius: 6px; }"
                           " QListView#searchResults { border: none; border-top: 1px solid #eceef1; }"
                           " QListView#searchResults::item:selected { background: #dbe6fb; }")
        self._source = source
        self._last_query: str | None = None

        self.line = QLineEdit(self)
        self.line.setObjectName("searchLine")
        self.line.setPlaceholderText(PLACEHOLDER)
        self.line.setClearButtonEnabled(True)
        self.message = QLabel(self)
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self.count = QLabel(self)
        self.count.setObjectName("fieldName")
        self.did_you_mean = QLabel(self)  # "Did you mean channel survey?" when nothing is found
        self.did_you_mean.setObjectName("didYouMean")
        self.did_you_mean.setTextFormat(Qt.TextFormat.RichText)
        self.did_you_mean.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.did_you_mean.linkActivated.connect(lambda _link: self.accept_suggestion())
        self.did_you_mean.hide()
        self._corrected = ""
        self.model = HitsModel(self)
        self.list = QListView(self)
        self.list.setObjectName("searchResults")
        self.list.setModel(self.model)
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the line; it steers the list

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.line)
        layout.addWidget(self.message)
        layout.addWidget(self.count)
        layout.addWidget(self.did_you_mean)
        layout.addWidget(self.list, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.line.textEdited.connect(lambda _text: self._timer.start())
        self.line.returnPressed.connect(self.open_current)
        self.line.installEventFilter(self)
        self.list.clicked.connect(lambda index: self.open_row(index.row()))
        if isinstance(app := QApplication.instance(), QApplication):  # always, where there is a widget
            app.focusChanged.connect(self._on_focus_changed)
        self.hide()

    # -- data ------------------------------------------------------------------------------------
    def set_source(self, source: SearchSource | None) -> None:
        """The dossier to search (None: no dossier open)."""
        self._source = source
        self._last_query = None
        self.model.set_hits(())
        self._show_message("")
        self._suggest("")
        self.count.clear()

    @property
    def hits(self) -> tuple[SearchHit, ...]:
        return self.model.hits

    @property
    def query(self) -> str:
        return self.line.text()

    def run_search(self) -> tuple[SearchHit, ...]:
        """Search for what the line holds now (typing runs this after a short pause)."""
        self._timer.stop()
        text = self.line.text()
        if text == self._last_query:
            return self.model.hits
        self._last_query = text
        hits: tuple[SearchHit, ...] = ()
        if not text.strip() or self._source is None:
            self._show_message("" if self._source is not None else "Open a dossier to search it.")
            self.count.clear()
        else:
            try:
                hits = self._source.search(text, limit=RESULT_LIMIT)
            except DossierError as exc:  # a query that cannot be read: say why, in one line
                self._show_message(str(exc).strip().splitlines()[0] if str(exc).strip() else "That search cannot be read.")
                self.count.clear()
            else:
                self._show_message("")
                n = len(hits)
                self.count.setText("No documents found" if n == 0 else
                                   f"{n}{'+' if n >= RESULT_LIMIT else ''} document{'' if n == 1 else 's'}")
        self._suggest(text if text.strip() and not hits and not self.message.isVisible() else "")
        self.model.set_hits(hits)
        if hits:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.searched.emit(text, len(hits))
        return hits

    def _suggest(self, text: str) -> None:
        """Offer the query with its misspelt words corrected (nothing found for what was typed)."""
        suggest = getattr(self._source, "suggestions", None)
        found = suggest(text) if text and suggest is not None else ()
        correct = getattr(self._source, "corrected", None)  # with suggestions(): the search service's
        self._corrected = correct(text, found) if found and correct is not None else ""
        self.did_you_mean.setText(f'Did you mean <a href="#">{escape(self._corrected)}</a>?' if found else "")
        self.did_you_mean.setVisible(bool(found))

    @property
    def suggestion(self) -> str:
        """The corrected query offered under "Did you mean" ("" when none is)."""
        return self._corrected

    def accept_suggestion(self) -> tuple[SearchHit, ...]:
        """Search for the corrected query instead."""
        if not self._corrected:
            return self.model.hits
        self.line.setText(self._corrected)
        return self.run_search()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- choosing --------------------------------------------------------------------------------
    @property
    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def step(self, rows: int) -> None:
        """Move the current result by `rows` (kept within the list)."""
        n = self.model.rowCount()
        if not n:
            return
        row = min(n - 1, max(0, self.current_row + rows)) if self.current_row >= 0 else 0
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def open_current(self) -> bool:
        """Open the chosen result (searching first if the typing pause has not run out)."""
        if self._timer.isActive() or self.line.text() != self._last_query:
            self.run_search()
        return self.open_row(self.current_row if self.current_row >= 0 else 0)

    def open_row(self, row: int) -> bool:
        if not 0 <= row < len(self.model.hits):
            return False
        hit = self.model.hits[row]
        self.dismiss()
        self.open_hit.emit(hit.document_id, self.line.text())
        return True

    # -- showing ---------------------------------------------------------------------------------
    def popup(self) -> None:
        """Show over the top of the parent window, with the query selected for typing over."""
        parent = self.parentWidget()
        if parent is not None:
            width = min(760, max(360, parent.width() - 80))
            height = min(560, max(240, parent.height() - 120))
            self.setGeometry((parent.width() - width) // 2, 48, width, height)
        self.show()
        self.raise_()
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line.selectAll()

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Down:
                self._search_if_pending()
                self.step(1)
                return True
            if key == Qt.Key.Key_Up:
                self._search_if_pending()
                self.step(-1)
                return True
            if key == Qt.Key.Key_PageDown:
                self.step(8)
                return True
            if key == Qt.Key.Key_PageUp:
                self.step(-8)
                return True
            if key == Qt.Key.Key_Escape:
                self.dismiss()
                return True
        return super().eventFilter(watched, event)

    def _search_if_pending(self) -> None:
        if self._timer.isActive():
            self.run_search()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Close when the focus goes elsewhere in the window (as a popup would)."""
        if self.isVisible() and new is not None and new is not self and not self.isAncestorOf(new):
            self.dismiss()


@dataclass
class SearchController:
    """What `install_search` built: the panel, the hit navigator and the Ctrl+K action."""

    panel: SearchPanel
    navigator: HitNavigator
    action: QAction


def install_search(window: Any, navigator: HitNavigator | None = None) -> SearchController:
    """Give a main window the global search box on Ctrl+K, and F3 / Shift+F3 over the hits.

    Needs: `window.context` (UiContext: `services_changed`, `status`), `window.services`,
    `window.open_passage(doc_id)` (shows the document in the reader) and `window.reader.text`
    (the reader's ParagraphTextEdit, for the hits; see `install_hit_navigation`). Adds the action
    `controller.action` (Ctrl+K, window-wide) to the window, which can go in a menu too.
    """
    panel = SearchPanel(window)
    navigator = navigator or install_hit_navigation(window)
    action = QAction("&Search…", window)
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setStatusTip("Search the documents, their notes and their actors")
    window.addAction(action)

    def set_services(services: Any) -> None:
        panel.set_source(services.search if services is not None else None)
        action.setEnabled(services is not None)
        if services is None:
            panel.dismiss()

    def show_panel() -> None:
        if window.services is not None:
            panel.popup()

    def open_hit(doc_id: int, query: str) -> None:
        services = window.services
        if services is None or not window.open_passage(doc_id):
            return
        spans = services.search.hit_spans(doc_id, query)
        navigator.set_hits(spans)
        if spans:
            window.context.status(f"D{doc_id}: {hit_status(navigator.current, navigator.count)} (F3: next)")
        else:
            hit = next((h for h in panel.hits if h.document_id == doc_id), None)
            where = WHERE_LABEL.get(hit.where, "") if hit else ""
            window.context.status(f"D{doc_id} matched {where}" if where else f"D{doc_id} matched the filters")

    action.triggered.connect(lambda _checked=False: show_panel())
    panel.open_hit.connect(open_hit)
    window.context.services_changed.connect(set_services)
    set_services(window.services)
    return SearchController(panel, navigator, action)
