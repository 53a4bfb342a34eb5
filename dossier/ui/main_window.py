"""The main window: four views (Documents, Who's Who, Actions, Chronology) over one open dossier.

The window owns one Services for the open dossier (or none) and shares it with the views through
a UiContext. Edits go through the one undo stack; imports run on a worker thread (importing.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from dossier import __version__
from dossier.domain.changes import Changes
from dossier.domain.errors import DossierError
from dossier.domain.records import ImportOutcome, ImportResult
from dossier.paths import DOSSIER_SUFFIX
from dossier.services import Services
from dossier.services.annotations import system_user
from dossier.services.suggestions import waiting_line
from dossier.ui.actions import add_menu, build_menus, menu_of
from dossier.ui.briefing import install_briefing_action
from dossier.ui.context import UiContext, one_line
from dossier.ui.dialogs import password_dialog
from dossier.ui.dialogs.history_dialog import HistoryDialog
from dossier.ui.dialogs.import_dialogs import ImportSummaryDialog
from dossier.ui.dialogs.maintenance_dialogs import install_maintenance_actions
from dossier.ui.dialogs.preferences import AUTHOR_KEY, PreferencesDialog
from dossier.ui.help_menu import GuideDialog, ShortcutsDialog, install_help_actions
from dossier.ui.importing import ImportController
from dossier.ui.settings import UiSettings
from dossier.ui.style import icons
from dossier.ui.views.actions_page import ActionsPage
from dossier.ui.views.actors_page import ActorsPage
from dossier.ui.views.annotations_page import AnnotationsPage
from dossier.ui.views.chronology_page import ChronologyPage
from dossier.ui.views.document_status import IMPORT_FILTER
from dossier.ui.views.documents_page import DocumentsPage
from dossier.ui.views.empty_state import EmptyState
from dossier.ui.views.search_panel import install_search
from dossier.ui.workers import ImportJob

APP_TITLE = "Dossier"
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
        self.context = UiContext(self, self.undo_stack, self.settings)
        self.summary_dialog: ImportSummaryDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self.setWindowIcon(icons.app_icon())
        self.setAcceptDrops(True)

        self.empty_state = EmptyState(self)
        self.documents_page = DocumentsPage(self.context, self)
        self.actors_page = ActorsPage(self.context, self)
        self.actions_page = ActionsPage(self.context, self)
        self.chronology_page = ChronologyPage(self.context, self)
        self.annotations_page = AnnotationsPage(self.context, self)
        page = self.documents_page  # the names the window has always had for its parts
        self.splitter, self.reader_splitter = page, page.reader_splitter
        self.model, self.documents_panel, self.reader, self.editor = (
            page.model, page.documents_panel, page.reader, page.editor)
        self.workspace = QTabWidget(self)
        self.workspace.setObjectName("workspace")
        self.workspace.tabBar().setObjectName("workspaceTabs")
        self.workspace.setDocumentMode(True)
        self.workspace.addTab(self.documents_page, icons.documents_icon(), "Documents")
        self.workspace.addTab(self.actors_page, icons.people_icon(), "Who's Who")
        self.workspace.addTab(self.actions_page, icons.actions_icon(), "Actions")
        self.workspace.addTab(self.chronology_page, icons.chronology_icon(), "Chronology")
        self.workspace.addTab(self.annotations_page, icons.annotations_icon(), "Annotations")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)

        self.path_label = QLabel(self)
        self.counts_label = QLabel(self)
        self.statusBar().addWidget(self.path_label, 1)
        self.review_label = QLabel(self)
        self.review_label.setObjectName("reviewProgress")
        self.review_label.setToolTip("Documents marked reviewed (Document ▸ Mark Reviewed, Ctrl+Shift+M)")
        self.statusBar().addPermanentWidget(self.review_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().setSizeGripEnabled(False)

        self.importer = ImportController(self)
        self.importer.started.connect(self.import_started)
        self.importer.finished.connect(self._on_import_finished)
        self.search = install_search(self)  # Ctrl+K; F3 / Shift+F3 step through the hits
        self.actions_ = build_menus(
            self, self.undo_stack, new=self.new_dossier_dialog, open_=self.open_dossier_dialog,
            open_path=self.open_recent, recent=self.settings.recent_files, clear_recent=self._clear_recent,
            import_files=self.import_files_dialog, import_folder=self.import_folder_dialog,
            find=self.focus_filter, about=self.show_about, more_menus=self._view_menus)
        self.briefing_action = install_briefing_action(self)
        self.new_encrypted_action = password_dialog.install_new_encrypted_action(
            self, menu_of(self.menuBar().actions()[0]), lambda: self.new_dossier_dialog(encrypted=True))
        # File > Back Up… and Tools > Check Dossier… (the Tools menu goes before Help)
        self.tools_menu = QMenu("&Tools", self)
        self.menuBar().insertMenu(self.menuBar().actions()[-1], self.tools_menu)
        self.maintenance = install_maintenance_actions(self, menu_of(self.menuBar().actions()[0]), self.tools_menu)
        self.help_actions = install_help_actions(self, menu_of(self.menuBar().actions()[-1]),
                                                 show_guide=self.show_guide, show_shortcuts=self.show_shortcuts)

        self.context.changed.connect(lambda _changes: self.refresh_status())
        self.context.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.context.passage_requested.connect(self.open_passage)
        self.context.actor_requested.connect(self.show_actor)
        self.documents_page.action_requested.connect(self.actions_page.new)
        self.annotations_page.open_requested.connect(self.open_annotation)
        self.workspace.currentChanged.connect(self._on_view_changed)
        self.empty_state.new_requested.connect(self.new_dossier_dialog)
        self.empty_state.open_requested.connect(self.open_dossier_dialog)
        self.empty_state.recent_requested.connect(self.open_recent)
        self._restore_layout()
        self._show_no_dossier()

    def _view_menus(self, bar: QMenuBar) -> None:
        self.view_actions: list[QAction] = []
        for n in range(self.workspace.count()):
            action = QAction(self.workspace.tabText(n), self)
            action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, i=n: self.workspace.setCurrentIndex(i))
            self.view_actions.append(action)
        self.preferences_action = QAction("&Preferences…", self)
        self.preferences_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(lambda _checked=False: self.show_preferences())
        edit_menu = next(menu_of(a) for a in bar.actions() if a.text() == "&Edit")
        self.history_action = QAction("&History…", self)
        self.history_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.history_action.setStatusTip("Who changed the selected document, actor or action, and when")
        self.history_action.triggered.connect(lambda _checked=False: self.history_of_selection())
        edit_menu.addAction(self.history_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        self.view_menu = add_menu(bar, "&View", list(self.view_actions))
        docs, actors, actions = self.documents_page, self.actors_page, self.actions_page
        self.document_menu = add_menu(bar, "&Document", [
            docs.annotate_action, docs.tag_action, docs.new_action_action, None, docs.next_annotation_action,
            docs.previous_annotation_action, docs.edit_annotation_action, docs.delete_annotation_action,
            docs.place_annotation_action, None, docs.reviewed_action, docs.reviewed_next_action,
            docs.next_unreviewed_action, None, self.search.action, self.search.navigator.next_action,
            self.search.navigator.previous_action, None, docs.accept_all_action, docs.refile_action,
            docs.not_a_copy_action])
        self.actor_menu = add_menu(bar, "Ac&tor", [actors.new_action, None, actors.merge_action, actors.split_action,
                                                   actors.rename_action, actors.kind_menu, None, actors.delete_action])
        self.action_menu = add_menu(bar, "&Action", [actions.new_action, actions.edit_action, actions.done_action,
                                                     actions.source_action, None, actions.delete_action])
        chron = self.chronology_page
        self.chronology_menu = add_menu(bar, "&Chronology", [
            chron.add_action, None, chron.source_action, chron.compare_action, None, chron.edit_date_action,
            chron.edit_event_action, chron.merge_action, chron.split_menu, None, chron.delete_action])

    # -- dossiers --------------------------------------------------------------------------------
    def open_dossier(self, path: Path | str, password: str | None = None) -> bool:
        """Open (creating if need be) a dossier file. On failure, keep what was open and say why.

        An encrypted dossier's password is asked for (again after a wrong one); Cancel gives up
        quietly. With `password`, a new file is created encrypted."""
        if self.importer.running:
            self.statusBar().showMessage("Wait for the import to finish before opening another dossier.", 5000)
            return False
        path = Path(path)
        try:
            services = password_dialog.open_asking_password(self, path, password)
            if services is None:  # the person cancelled the password
                return False
        except DossierError as exc:  # e.g. NewerSchemaError: its message says what to do
            self.show_message(QMessageBox.Icon.Critical, "Cannot open the dossier", one_line(exc), str(path))
            return False
        except Exception as exc:  # not SQLite, unreadable, no permission...
            self.show_message(QMessageBox.Icon.Critical, "Cannot open the dossier",
                              f"{path.name} is not a Dossier file, or it cannot be read.",
                              f"{path}\n{one_line(exc)}")
            if not path.exists():
                self.settings.remove_recent(path)
            return False
        self._close_services()
        self.services = services
        services.audit.set_user(self.user_name())
        self.undo_stack.clear()
        self.context.set_services(services)  # every view shows the new dossier
        self.settings.add_recent(services.path)
        # the name once, at the end: Qt appends the application's name to a title that does not end with it
        self.setWindowTitle(f"{services.path.stem} — {APP_TITLE}")
        self.path_label.setText(str(services.path))
        if services.dossier.read_only:  # a read-only file or folder: reading works, each change is refused
            self.path_label.setText(f"{services.path}  (read-only)")
        self.stack.setCurrentWidget(self.workspace)
        self.actions_.set_busy(False, True)
        self._set_view_actions_enabled(True)
        self.refresh_status()
        self.dossier_changed.emit(services.path)
        return True

    def new_dossier_dialog(self, *, encrypted: bool = False) -> None:
        start = str(Path(self.settings.last_folder() or Path.home()) / f"Untitled{DOSSIER_SUFFIX}")
        title = "New Encrypted Dossier" if encrypted else "New Dossier"
        name, _ = QFileDialog.getSaveFileName(self, title, start, DOSSIER_FILTER)
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
        password = password_dialog.ask_new_password(self, path.name) if encrypted else None
        if encrypted and not password:
            return
        self.open_dossier(path, password)

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
            self.context.set_services(None)
            self.services.close()
            self.services = None

    def _show_no_dossier(self) -> None:
        self.setWindowTitle(APP_TITLE)
        self.path_label.setText("No dossier open")
        self.counts_label.clear()
        self.review_label.clear()
        self.empty_state.set_recent(self.settings.recent_files())
        self.stack.setCurrentWidget(self.empty_state)
        self.actions_.set_busy(False, False)
        self._set_view_actions_enabled(False)

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
        self.context.notify(Changes.everything())  # new documents, their parties and suggestions
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
        waiting = waiting_line(self.services.suggestions.pending_counts()) if self.services is not None else ""
        dialog = ImportSummaryDialog(results, cancelled=cancelled, error=error, total=total, waiting=waiting,
                                     parent=self)
        dialog.review_requested.connect(lambda: self.review_suggestions(results))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._forget_summary(d))
        self.summary_dialog = dialog
        dialog.open()
        return dialog

    def review_suggestions(self, results: Sequence[ImportResult] = ()) -> int | None:
        """Open the Suggestions tab on a document with suggestions waiting: one just filed if it has
        some, else the first that has. Returns the document shown."""
        if self.services is None:
            return None
        pending = self.services.suggestions.pending()
        waiting = {s.document_id for s in pending}
        filed = [r.document_id for r in results if r.outcome is ImportOutcome.FILED and r.document_id in waiting]
        doc_id = filed[0] if filed else (pending[0].document_id if pending else None)
        if doc_id is None:
            return None
        self.workspace.setCurrentWidget(self.documents_page)
        self.documents_page.open_suggestions(doc_id)
        return doc_id

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

    # -- views ---------------------------------------------------------------------------------
    def apply_edit(self, doc_id: int, changes: dict[str, Any]) -> bool:
        """Make one metadata edit as one undoable step (see DocumentsPage.apply_edit)."""
        return self.documents_page.apply_edit(doc_id, changes)

    def open_passage(self, doc_id: int, start: int = -1, end: int = -1) -> bool:
        """Switch to the Documents view with the document selected and the span selected in the reader."""
        self.workspace.setCurrentWidget(self.documents_page)
        return self.documents_page.open_passage(doc_id, start, end)

    def open_annotation(self, doc_id: int, ann_id: int) -> bool:
        self.workspace.setCurrentWidget(self.documents_page)
        return self.documents_page.show_annotation(doc_id, ann_id)

    def show_actor(self, actor_id: int) -> bool:
        self.workspace.setCurrentWidget(self.actors_page)
        return self.actors_page.show_actor(actor_id)

    def focus_filter(self) -> None:
        if self.services is None:
            return
        current = self.workspace.currentWidget()
        if current is self.actors_page:
            self.actors_page.focus_filter()
        elif current is self.actions_page:
            self.actions_page.focus_filter()
        elif current is self.chronology_page:
            self.chronology_page.focus_filter()
        elif current is self.annotations_page:
            self.annotations_page.focus_filter()
        else:
            self.documents_panel.focus_filter()

    def _on_view_changed(self, index: int) -> None:
        for n, action in enumerate(self.view_actions):
            action.setChecked(n == index)
        self.settings.set_number("window/view", index)

    def _set_view_actions_enabled(self, enabled: bool) -> None:
        for menu in (self.view_menu, self.document_menu, self.actor_menu, self.action_menu, self.chronology_menu):
            menu.setEnabled(enabled)

    def refresh_status(self) -> None:
        if self.services is None:
            return
        stats = self.services.documents.stats()
        text = f"{plural(stats.documents, 'document')} · {plural(stats.actors, 'actor')}"
        if stats.no_text_layer:
            text += f" · {stats.no_text_layer:,} need{'s' if stats.no_text_layer == 1 else ''} OCR"
        pending = len(self.services.suggestions.pending())
        if pending:
            text += f" · {plural(pending, 'suggestion')}"

        self.counts_label.setText(text)
        progress = self.services.annotations.progress()
        self.review_label.setText(str(progress) if progress.total else "")
        self.review_label.setVisible(bool(progress.total))
        self.documents_panel.update_count()

    # -- messages --------------------------------------------------------------------------------
    def show_message(self, icon: QMessageBox.Icon, title: str, text: str, detail: str = "") -> QMessageBox:
        """A window-modal message that does not block the caller (opened with open())."""
        return self.context.message(icon, title, text, detail)

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self)  # read from the actions now, so it lists what the keys do today
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_guide(self) -> GuideDialog:
        dialog = GuideDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.services.audit.set_user(self.user_name()) if self.services else None)
        dialog.open()
        return dialog

    def user_name(self) -> str:
        """The name on annotations, reviewed marks and the audit log (Preferences, else the login name)."""
        return self.settings.text(AUTHOR_KEY) or system_user()

    def show_history(self, title: str, *, document_id: int | None = None, actor_id: int | None = None,
                     action_id: int | None = None) -> HistoryDialog | None:
        if self.services is None:
            return None
        audit = self.services.audit
        entries = audit.history(document_id=document_id, actor_id=actor_id, action_id=action_id, limit=5000)
        dialog = HistoryDialog(title, entries, audit.to_csv(entries), self, descriptions=audit.describe(entries))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.history_dialog = dialog
        return dialog

    def history_of_selection(self) -> HistoryDialog | None:
        """The history of what the current view has selected: a document, an actor or an action."""
        current = self.workspace.currentWidget()
        if current is self.actors_page:
            rows = self.actors_page.selected_rows()
            if rows:
                return self.show_history(f"History of {rows[0].name}", actor_id=rows[0].id)
        elif current is self.actions_page:
            row = self.actions_page.selected_row()
            if row is not None:
                return self.show_history(f"History of action {row.id}", action_id=row.id)
        elif self.documents_page.document_id is not None:
            doc_id = self.documents_page.document_id
            return self.show_history(f"History of D{doc_id}", document_id=doc_id)
        self.statusBar().showMessage("Select a document, an actor or an action to see its history.", 5000)
        return None

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
        documents, reader = int(width * 0.40), int(width * 0.40)  # the list shows From and To
        self.splitter.setSizes([documents, reader, width - documents - reader])
        self.reader_splitter.setSizes([height - 240, 200])
        self.actors_page.splitter.setSizes([int(height * 0.55), height - int(height * 0.55)])
        self.chronology_page.splitter.setSizes([int(width * 0.5), width - int(width * 0.5)])
        s = self.settings
        for key, restore in (("window/geometry", self.restoreGeometry), ("window/state", self.restoreState),
                             ("window/documents_splitter", self.splitter.restoreState),
                             ("window/reader_splitter", self.reader_splitter.restoreState),
                             ("window/table_header", self.documents_panel.table.horizontalHeader().restoreState),
                             ("window/actors_splitter", self.actors_page.splitter.restoreState),
                             ("window/actors_header", self.actors_page.table.horizontalHeader().restoreState),
                             ("window/actions_header", self.actions_page.table.horizontalHeader().restoreState),
                             ("window/chronology_splitter", self.chronology_page.splitter.restoreState),
                             ("window/chronology_header",
                              self.chronology_page.table.horizontalHeader().restoreState)):
            value = s.bytes(key)
            if value is not None:
                restore(value)
        self.workspace.setCurrentIndex(max(0, min(s.number("window/view", 0), self.workspace.count() - 1)))
        self._on_view_changed(self.workspace.currentIndex())

    def save_layout(self) -> None:
        s = self.settings
        s.set_bytes("window/geometry", self.saveGeometry())
        s.set_bytes("window/state", self.saveState())
        s.set_bytes("window/documents_splitter", self.splitter.saveState())
        s.set_bytes("window/reader_splitter", self.reader_splitter.saveState())
        header: QByteArray = self.documents_panel.table.horizontalHeader().saveState()
        s.set_bytes("window/table_header", header)
        s.set_bytes("window/actors_splitter", self.actors_page.splitter.saveState())
        s.set_bytes("window/actors_header", self.actors_page.table.horizontalHeader().saveState())
        s.set_bytes("window/actions_header", self.actions_page.table.horizontalHeader().saveState())
        s.set_bytes("window/chronology_splitter", self.chronology_page.splitter.saveState())
        s.set_bytes("window/chronology_header", self.chronology_page.table.horizontalHeader().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.importer.shutdown()
        self.documents_page.shutdown()
        self.save_layout()
        self._close_services()
        super().closeEvent(event)

