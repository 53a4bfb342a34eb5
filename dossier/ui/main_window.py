"""The main window: documents table | reader above the metadata editor.

The window owns one Services for the open dossier (or none) and talks only to it. Edits go through
the undo stack; imports run on a worker thread (see importing.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from dossier import __version__
from dossier.domain.errors import DossierError
from dossier.domain.records import ImportOutcome, ImportResult
from dossier.paths import DOSSIER_SUFFIX
from dossier.services import Services, open_services
from dossier.ui.actions import build_menus
from dossier.ui.commands.metadata import EditMetadataCommand
from dossier.ui.dialogs.import_dialogs import ImportSummaryDialog
from dossier.ui.importing import ImportController
from dossier.ui.models.documents_model import DocumentsModel
from dossier.ui.settings import UiSettings
from dossier.ui.style import icons
from dossier.ui.views.documents_panel import DocumentsPanel
from dossier.ui.views.empty_state import EmptyState
from dossier.ui.views.metadata_editor import MetadataEditor
from dossier.ui.views.reader import ReaderView
from dossier.ui.workers import ImportJob

APP_TITLE = "Dossier"
IMPORT_FILTER = "Documents (*.pdf *.docx *.eml *.txt);;All files (*)"
DOSSIER_FILTER = f"Dossier files (*{DOSSIER_SUFFIX})"
DEFAULT_SIZE = (1280, 800)


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


class MainWindow(QMainWindow):
    import_started = Signal(object)  # ImportJob, before its thread starts
    import_finished = Signal(list)  # list[ImportResult], after the table is refreshed
    dossier_changed = Signal(object)  # Path | None

    def __init__(self, settings: UiSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or UiSettings()
        self.services: Services | None = None
        self.undo_stack = QUndoStack(self)
        self.model = DocumentsModel(self)
        self.summary_dialog: ImportSummaryDialog | None = None
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)

        self.empty_state = EmptyState(self)
        self.documents_panel = DocumentsPanel(self.model, self)
        self.reader = ReaderView(self)
        self.editor = MetadataEditor(self)
        self.reader_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.reader_splitter.addWidget(self.reader)
        self.reader_splitter.addWidget(self.editor)
        self.reader_splitter.setChildrenCollapsible(False)
        self.reader_splitter.setStretchFactor(0, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.documents_panel)
        self.splitter.addWidget(self.reader_splitter)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        self.path_label = QLabel(self)
        self.counts_label = QLabel(self)
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().setSizeGripEnabled(False)

        self.importer = ImportController(self)
        self.importer.started.connect(self.import_started)
        self.importer.finished.connect(self._on_import_finished)
        self.actions_ = build_menus(
            self, self.undo_stack, new=self.new_dossier_dialog, open_=self.open_dossier_dialog,
            open_path=self.open_recent, recent=self.settings.recent_files, clear_recent=self._clear_recent,
            import_files=self.import_files_dialog, import_folder=self.import_folder_dialog,
            find=self.focus_filter, about=self.show_about)

        self.documents_panel.current_document_changed.connect(self._show_document)
        self.editor.apply_requested.connect(self.apply_edit)
        self.empty_state.new_requested.connect(self.new_dossier_dialog)
        self.empty_state.open_requested.connect(self.open_dossier_dialog)
        self.empty_state.recent_requested.connect(self.open_recent)
        self._restore_layout()
        self._show_no_dossier()

    # -- dossiers --------------------------------------------------------------------------------
    def open_dossier(self, path: Path | str) -> bool:
        """Open (creating if need be) a dossier file. On failure, keep what was open and say why."""
        if self.importer.running:
            self.statusBar().showMessage("Wait for the import to finish before opening another dossier.", 5000)
            return False
        path = Path(path)
        try:
            services = open_services(path)
        except DossierError as exc:  # e.g. NewerSchemaError: its message says what to do
            self.show_message(QMessageBox.Icon.Critical, "Cannot open the dossier", _one_line(exc), str(path))
            return False
        except Exception as exc:  # not SQLite, unreadable, no permission...
            self.show_message(QMessageBox.Icon.Critical, "Cannot open the dossier",
                              f"{path.name} is not a Dossier file, or it cannot be read.",
                              f"{path}\n{_one_line(exc)}")
            if not path.exists():
                self.settings.remove_recent(path)
            return False
        self._close_services()
        self.services = services
        self.undo_stack.clear()
        self.documents_panel.clear_filter()
        self.model.set_service(services.documents)
        self.settings.add_recent(services.path)
        self.setWindowTitle(f"{APP_TITLE} — {services.path.name}")
        self.path_label.setText(str(services.path))
        self.stack.setCurrentWidget(self.splitter)
        self.actions_.set_busy(False, True)
        self.refresh_status()
        if self.model.rowCount():
            self.documents_panel.select_row(0)
        else:
            self.reader.show_placeholder("No documents yet. Use File ▸ Import, or drop files here.")
        self.dossier_changed.emit(services.path)
        return True

    def new_dossier_dialog(self) -> None:
        start = str(Path(self.settings.last_folder() or Path.home()) / f"Untitled{DOSSIER_SUFFIX}")
        name, _ = QFileDialog.getSaveFileName(self, "New Dossier", start, DOSSIER_FILTER)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != DOSSIER_SUFFIX:
            path = path.with_name(path.name + DOSSIER_SUFFIX)
        if path.exists() and path.stat().st_size > 0:
            self.show_message(QMessageBox.Icon.Warning, "The file already exists",
                              f"{path.name} already exists. Choose another name, or use Open to open it.")
            return
        self.settings.set_last_folder(path.parent)
        self.open_dossier(path)

    def open_dossier_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open Dossier", self.settings.last_folder(),
                                              f"{DOSSIER_FILTER};;All files (*)")
        if name:
            self.settings.set_last_folder(Path(name).parent)
            self.open_dossier(Path(name))

    def open_recent(self, path: Path) -> bool:
        """Open a file from the recent list; one that has gone is dropped from it, not re-created."""
        if not Path(path).exists():
            self.settings.remove_recent(path)
            self.empty_state.set_recent(self.settings.recent_files())
            self.show_message(QMessageBox.Icon.Warning, "The dossier is not there any more",
                              f"{Path(path).name} has been moved or deleted.", str(path))
            return False
        return self.open_dossier(path)

    def _close_services(self) -> None:
        if self.services is not None:
            self.model.set_service(None)
            self.services.close()
            self.services = None

    def _show_no_dossier(self) -> None:
        self.setWindowTitle(APP_TITLE)
        self.path_label.setText("No dossier open")
        self.counts_label.clear()
        self.empty_state.set_recent(self.settings.recent_files())
        self.stack.setCurrentWidget(self.empty_state)
        self.actions_.set_busy(False, False)

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self.empty_state.set_recent([])

    # -- importing -------------------------------------------------------------------------------
    def import_paths(self, paths: Iterable[Path | str]) -> ImportJob | None:
        """File files and folders off the GUI thread. Menus and drag-and-drop all come here."""
        paths = [Path(p) for p in paths]
        if not paths:
            return None
        if self.services is None:
            self.show_message(QMessageBox.Icon.Information, "No dossier is open",
                              "Open or create a dossier first, then import documents into it.")
            return None
        if self.importer.running:
            self.statusBar().showMessage("An import is already running.", 5000)
            return None
        self.actions_.set_busy(True, True)
        return self.importer.start(self.services.documents, paths)

    def import_files_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Import Files", self.settings.last_folder(), IMPORT_FILTER)
        if names:
            self.settings.set_last_folder(Path(names[0]).parent)
            self.import_paths(names)

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import Folder", self.settings.last_folder())
        if folder:
            self.settings.set_last_folder(Path(folder))
            self.import_paths([folder])

    def _on_import_finished(self, results: list[ImportResult], error: str, cancelled: bool, total: int) -> None:
        self.actions_.set_busy(False, self.services is not None)
        if self.services is None:
            return
        self.undo_stack.clear()  # an import cannot be undone, so no earlier step may be redone over it
        self.model.reload()
        self.refresh_status()
        if self.documents_panel.current_id is None:
            filed = [r.document_id for r in results if r.outcome is ImportOutcome.FILED and r.document_id]
            if not (filed and self.documents_panel.select_document(filed[0])) and self.model.rowCount():
                self.documents_panel.select_row(0)
        self.show_import_summary(results, cancelled=cancelled, error=error, total=total)
        self.import_finished.emit(results)

    def show_import_summary(self, results: Sequence[ImportResult], *, cancelled: bool = False, error: str = "",
                            total: int | None = None) -> ImportSummaryDialog:
        """Open the summary without blocking (tests read `summary_dialog` and close it)."""
        if self.summary_dialog is not None:
            self.summary_dialog.close()
        dialog = ImportSummaryDialog(results, cancelled=cancelled, error=error, total=total, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._forget_summary(d))
        self.summary_dialog = dialog
        dialog.open()
        return dialog

    def _forget_summary(self, dialog: ImportSummaryDialog) -> None:
        if self.summary_dialog is dialog:
            self.summary_dialog = None

    # -- drag and drop ---------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(u.isLocalFile() for u in urls) and self.services is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- reading and editing ---------------------------------------------------------------------
    def _show_document(self, doc_id: int | None) -> None:
        if doc_id is None or self.services is None:
            self.reader.show_placeholder("Select a document to read it" if self.model.rowCount()
                                         else "No documents match the filter" if self.model.text_filter
                                         else "No documents yet. Use File ▸ Import, or drop files here.")
            self.editor.load(None)
            return
        detail = self.services.documents.get(doc_id)
        self.reader.show_document(detail)
        self.editor.load(detail)

    def apply_edit(self, doc_id: int, changes: dict[str, Any]) -> bool:
        """Make one metadata edit and push it on the undo stack (the first redo reuses it)."""
        if self.services is None or not changes:
            return False
        documents = self.services.documents
        try:
            edit = documents.edit_metadata(doc_id, changes)
        except (ValueError, TypeError, DossierError) as exc:
            self.editor.show_error(_one_line(exc))
            return False
        self.undo_stack.push(EditMetadataCommand(documents, edit, changes, self._document_changed))
        return True

    def _document_changed(self, doc_id: int) -> None:
        if self.services is None:
            return
        self.model.refresh_documents([doc_id])
        if self.documents_panel.current_id == doc_id:
            detail = self.services.documents.get(doc_id)
            self.reader.show_document(detail, keep_position=True)
            self.editor.load(detail)
        self.refresh_status()

    def focus_filter(self) -> None:
        if self.services is not None:
            self.documents_panel.focus_filter()

    def refresh_status(self) -> None:
        if self.services is None:
            return
        stats = self.services.documents.stats()
        text = f"{plural(stats.documents, 'document')} · {plural(stats.actors, 'actor')}"
        if stats.no_text_layer:
            text += f" · {stats.no_text_layer:,} need{'s' if stats.no_text_layer == 1 else ''} OCR"
        self.counts_label.setText(text)
        self.editor.set_actor_names(self.services.documents.actor_names())
        self.documents_panel.update_count()

    # -- messages --------------------------------------------------------------------------------
    def show_message(self, icon: QMessageBox.Icon, title: str, text: str, detail: str = "") -> QMessageBox:
        """A window-modal message that does not block the caller (opened with open())."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        if detail:
            box.setInformativeText(detail)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def show_about(self) -> None:
        self.show_message(QMessageBox.Icon.NoIcon, "About Dossier",
                          f"Dossier {__version__}",
                          "Keeps the papers of a long-running case in one offline file: their real "
                          "dates, the people in them, and a reader to review them.")

    # -- window state ----------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        width, height = DEFAULT_SIZE
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and not screen.isEmpty():  # a small screen: 92 % of it
            width, height = min(width, int(screen.width() * 0.92)), min(height, int(screen.height() * 0.92))
        self.resize(width, height)
        self.splitter.setSizes([int(width * 0.47), width - int(width * 0.47)])
        self.reader_splitter.setSizes([height - 240, 200])
        s = self.settings
        for key, restore in (("window/geometry", self.restoreGeometry), ("window/state", self.restoreState),
                             ("window/splitter", self.splitter.restoreState),
                             ("window/reader_splitter", self.reader_splitter.restoreState),
                             ("window/table_header", self.documents_panel.table.horizontalHeader().restoreState)):
            value = s.bytes(key)
            if value is not None:
                restore(value)

    def save_layout(self) -> None:
        s = self.settings
        s.set_bytes("window/geometry", self.saveGeometry())
        s.set_bytes("window/state", self.saveState())
        s.set_bytes("window/splitter", self.splitter.saveState())
        s.set_bytes("window/reader_splitter", self.reader_splitter.saveState())
        header: QByteArray = self.documents_panel.table.horizontalHeader().saveState()
        s.set_bytes("window/table_header", header)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.importer.shutdown()
        self.save_layout()
        self._close_services()
        super().closeEvent(event)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
