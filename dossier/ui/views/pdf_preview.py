"""An in-app preview of an exported PDF (Qt PDF), with its bookmarks, zoom, and "Open in System Viewer".

Qt PDF comes with the PySide6 add-ons. Where it is missing the preview says so and still offers the
system viewer, so an export never ends in an error just because the preview cannot be shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

try:  # the add-ons wheel brings Qt PDF; the app works without it
    from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - exercised only where the add-ons are not installed
    QPdfDocument = QPdfView = QPdfBookmarkModel = None  # type: ignore[assignment,misc]  # None: no Qt PDF here

HAVE_QTPDF = QPdfDocument is not None
ZOOM_STEP = 1.25


def open_in_system_viewer(path: Path) -> bool:
    """Hand the file to the desktop's own PDF viewer."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PdfPreview(QDialog):
    """A window showing one PDF: bookmarks on the left, the pages on the right."""

    def __init__(self, path: Path, parent: QWidget | None = None, *, note: str = "") -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(f"{self.path.name} \u2014 Preview")
        self.resize(980, 820)
        self.document: QPdfDocument | None = None  # None where Qt PDF is missing
        self.view: QPdfView | None = None
        self.outline: QTreeView | None = None

        self.open_button = QPushButton("Open in System Viewer", self)
        self.open_button.setObjectName("primary")
        self.open_button.setToolTip("Open the PDF in the viewer your desktop uses for PDF files")
        self.open_button.clicked.connect(lambda: open_in_system_viewer(self.path))
        self.folder_button = QPushButton("Show in Folder", self)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent))))
        close = QPushButton("Close", self)
        close.clicked.connect(self.close)
        close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        self.note = QLabel(note, self)
        self.note.setObjectName("fieldName")
        self.page_label = QLabel(self)
        self.page_label.setObjectName("fieldName")

        bar = QHBoxLayout()
        bar.setContentsMargins(10, 8, 10, 8)
        bar.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        if HAVE_QTPDF:
            body: QWidget = self._build_pdf_view(bar)
            self._update_page_label()
        else:
            message = QLabel("The in-app preview needs Qt PDF (the PySide6 add-ons), which is not installed. "
                             "The briefing was saved; open it in your PDF viewer.", self)
            message.setWordWrap(True)
            message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            message.setContentsMargins(40, 40, 40, 40)
            bar.addWidget(self.note, 1)
            body = message
        bar.addStretch(0)
        bar.addWidget(self.folder_button)
        bar.addWidget(self.open_button)
        bar.addWidget(close)
        strip = QWidget(self)
        strip.setObjectName("toolbarStrip")
        strip.setLayout(bar)
        layout.addWidget(strip)
        layout.addWidget(body, 1)

    def _build_pdf_view(self, bar: QHBoxLayout) -> QWidget:
        """The outline beside the pages, with the zoom buttons and the page number put on the bar."""
        self.document = document = QPdfDocument(self)
        self.view = view = QPdfView(self)
        view.setObjectName("pdfView")
        view.setDocument(document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setPageSpacing(12)
        self.bookmarks = QPdfBookmarkModel(self)
        self.bookmarks.setDocument(document)
        self.outline = outline = QTreeView(self)
        outline.setObjectName("pdfOutline")
        outline.setModel(self.bookmarks)
        outline.setHeaderHidden(True)
        outline.setUniformRowHeights(True)
        outline.activated.connect(self._jump)
        outline.clicked.connect(self._jump)
        document.load(str(self.path))
        outline.expandAll()
        view.pageNavigator().currentPageChanged.connect(lambda _page: self._update_page_label())
        for text, tip, slot in (("\u2212", "Zoom out", lambda: self._zoom(1 / ZOOM_STEP)),
                                ("+", "Zoom in", lambda: self._zoom(ZOOM_STEP))):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        fit_width = QToolButton(self)
        fit_width.setText("Fit Width")
        fit_width.clicked.connect(lambda: view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        fit_page = QToolButton(self)
        fit_page.setText("Fit Page")
        fit_page.clicked.connect(lambda: view.setZoomMode(QPdfView.ZoomMode.FitInView))
        bar.addWidget(fit_width)
        bar.addWidget(fit_page)
        bar.addSpacing(12)
        bar.addWidget(self.page_label)
        bar.addSpacing(12)
        bar.addWidget(self.note, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(outline)
        split.addWidget(view)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 750])
        return split

    # -- reading it back (for tests and the status bar) -----------------------------------------
    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    @property
    def loaded(self) -> bool:
        return self.document is not None and self.document.status() == QPdfDocument.Status.Ready

    def bookmark_titles(self) -> list[str]:
        if self.document is None:
            return []
        titles: list[str] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.bookmarks.rowCount(parent)):
                index = self.bookmarks.index(row, 0, parent)
                titles.append(str(index.data(Qt.ItemDataRole.DisplayRole)))
                walk(index)

        walk(QModelIndex())
        return titles

    # -- slots -----------------------------------------------------------------------------------
    def _jump(self, index: QModelIndex) -> None:
        page = index.data(int(QPdfBookmarkModel.Role.Page))
        if page is None or self.view is None:
            return
        location = index.data(int(QPdfBookmarkModel.Role.Location))
        self.view.pageNavigator().jump(int(page), location if isinstance(location, QPointF) else QPointF(),
                                       self.view.zoomFactor())

    def _zoom(self, factor: float) -> None:
        if self.view is None:
            return
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    def _update_page_label(self) -> None:
        if self.view is None or not self.page_count:
            self.page_label.setText("")
            return
        page = self.view.pageNavigator().currentPage() + 1
        self.page_label.setText(f"Page {page} of {self.page_count}")

    def closeEvent(self, event) -> None:
        if self.document is not None:
            self.document.close()  # let go of the file
        super().closeEvent(event)
