"""File > Back Up… and Tools > Check Dossier…: a consistent copy of the open dossier, and a check of
its pages, documents, stored originals and search index, with what was found.

`install_maintenance_actions(window, file_menu, tools_menu)` adds both actions to a MainWindow's
menus and returns the MaintenanceActions that run them. Backup and check run off the GUI thread
(a check reads every stored original); the window stays usable, and may even be filing, meanwhile.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier.paths import DOSSIER_SUFFIX
from dossier.services.maintenance import BackupResult, CheckReport, Finding, MaintenanceService, Severity
from dossier.ui.style import icons, theme
from dossier.ui.workers import failure_line

SEVERITY_LABEL = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.NOTE: "Note"}
SEVERITY_COLOUR = {Severity.ERROR: theme.DANGER, Severity.WARNING: theme.WARNING, Severity.NOTE: theme.MUTED}


class Task(QThread):
    """One call off the GUI thread. `succeeded(result)` or `failed(message)` arrive in the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # one line for the user, never a traceback
            self.failed.emit(failure_line(exc))
            return
        self.succeeded.emit(result)


class CheckDialog(QDialog):
    """What a check found: a headline, then each finding with its severity. Double-clicking a finding
    about a document opens it; when only the search index is out of step, Repair rebuilds it."""

    repair_requested = Signal()
    document_requested = Signal(int)

    def __init__(self, report: CheckReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check Dossier")
        self.setMinimumWidth(760)
        self.headline = QLabel(self)
        self.headline.setFont(theme.scaled(self.font(), 1.15, bold=True))
        self.headline.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setObjectName("fieldName")
        self.detail.setWordWrap(True)
        self.findings = QTreeWidget(self)
        self.findings.setColumnCount(3)
        self.findings.setHeaderLabels(["Severity", "Where", "Finding"])
        self.findings.setRootIsDecorated(False)
        self.findings.setAlternatingRowColors(True)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.findings.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.findings.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.findings.header().setStretchLastSection(True)
        self.findings.itemDoubleClicked.connect(self._open_document)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.repair_button = QPushButton("Repair Search Index", self)
        self.repair_button.setToolTip("Rebuild the search index from the documents (nothing else changes)")
        self.buttons.addButton(self.repair_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.repair_button.clicked.connect(self.repair_requested)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.buttons)
        self.report = report
        self.show_report(report)

    def show_report(self, report: CheckReport, note: str = "") -> None:
        self.report = report
        self.headline.setText(report.summary())
        lines = [note] if note else []
        if report.ok:
            lines.append("The file's pages are intact, every document is complete and the search index is in step.")
        elif report.errors:
            lines.append("Restore the dossier from a backup (File > Back Up… makes one; "
                         "`dossier restore BACKUP` puts one back).")
        elif report.repairable:
            lines.append("The documents themselves are intact: Repair rebuilds the search index from them.")
        self.detail.setText(" ".join(lines))
        self.detail.setVisible(bool(lines))
        self.findings.clear()
        for finding in report.findings:
            self.findings.addTopLevelItem(self._item(finding))
        self.findings.setVisible(bool(report.findings))
        self.repair_button.setVisible(report.repairable)
        self.resize(self.width(), 420 if report.findings else 160)

    def rows(self) -> list[tuple[str, str, str]]:
        """(severity, where, finding) per row, as listed."""
        items = (self.findings.topLevelItem(n) for n in range(self.findings.topLevelItemCount()))
        return [(item.text(0), item.text(1), item.text(2)) for item in items if item is not None]

    def _item(self, finding: Finding) -> QTreeWidgetItem:
        item = QTreeWidgetItem([SEVERITY_LABEL[finding.severity], finding.area, finding.message])
        item.setIcon(0, icons.dot_icon(SEVERITY_COLOUR[finding.severity].name()))
        item.setToolTip(2, finding.message)
        item.setData(0, Qt.ItemDataRole.UserRole, finding.document_id)
        return item

    def _open_document(self, item: QTreeWidgetItem) -> None:
        doc_id = item.data(0, Qt.ItemDataRole.UserRole)
        if doc_id is not None:
            self.document_requested.emit(int(doc_id))


class MaintenanceActions(QObject):
    """The Back Up… and Check Dossier… actions of one window, and the work they run."""

    backup_finished = Signal(object)  # BackupResult, or None if it failed
    check_finished = Signal(object)  # CheckReport, or None if the check could not run

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.backup_action = QAction("&Back Up…", window)
        self.backup_action.setStatusTip("Copy this dossier to another file (safe while it is in use)")
        self.backup_action.triggered.connect(lambda _checked=False: self.backup_dialog())
        self.check_action = QAction("&Check Dossier…", window)
        self.check_action.setStatusTip("Check the file, its documents, their stored originals and the search index")
        self.check_action.triggered.connect(lambda _checked=False: self.check())
        self.check_dialog: CheckDialog | None = None
        self.message: QMessageBox | None = None
        self._tasks: set[Task] = set()  # every thread started (waited for when the window closes)
        self._running: set[Task] = set()  # those whose work is not over
        context = getattr(window, "context", None)
        if context is not None:
            context.services_changed.connect(lambda _services: self.update_enabled())
        window.installEventFilter(self)  # a closing window waits for a backup or check to end
        self.update_enabled()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.wait()
        return False

    # -- state -------------------------------------------------------------------------------------
    def _service(self) -> MaintenanceService | None:
        services = getattr(self._window, "services", None)
        if services is None:
            return None
        return getattr(services, "maintenance", None) or MaintenanceService(services.path)

    @property
    def running(self) -> bool:
        return bool(self._running)

    def update_enabled(self) -> None:
        has_dossier = getattr(self._window, "services", None) is not None
        self.backup_action.setEnabled(has_dossier)
        self.check_action.setEnabled(has_dossier and not self.running)

    def wait(self, ms: int = 60_000) -> bool:
        """Block until the work in progress ends (the window is closing)."""
        return all(task.wait(ms) for task in list(self._tasks) if _alive(task))

    # -- backup ------------------------------------------------------------------------------------
    def default_backup_path(self) -> Path:
        service = self._service()
        source = service.path if service else Path(f"Dossier{DOSSIER_SUFFIX}")
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H%M")
        return source.with_name(f"{source.stem} backup {stamp}{DOSSIER_SUFFIX}")

    def backup_dialog(self) -> Task | None:
        if self._service() is None:
            return None
        name, _ = QFileDialog.getSaveFileName(self._window, "Back Up Dossier", str(self.default_backup_path()),
                                              f"Dossier files (*{DOSSIER_SUFFIX});;All files (*)")
        if not name:
            return None
        return self.backup_to(Path(name))

    def backup_to(self, out: Path) -> Task | None:
        service = self._service()
        if service is None:
            return None
        self._status(f"Backing up to {out.name}…")
        return self._start(lambda: service.backup(out), self._backup_done, self._backup_failed)

    def _backup_done(self, result: BackupResult) -> None:
        size = result.size / 1024 / 1024
        self._status(f"Backed up to {result.path.name}")
        self._show(QMessageBox.Icon.Information, "Backup made",
                   f"{result.source.name} was backed up to {result.path.name} ({size:.1f} MB).", str(result.path))
        self.backup_finished.emit(result)

    def _backup_failed(self, message: str) -> None:
        self._show(QMessageBox.Icon.Warning, "The backup was not made", message)
        self.backup_finished.emit(None)

    # -- check -------------------------------------------------------------------------------------
    def check(self) -> Task | None:
        service = self._service()
        if service is None or self.running:
            return None
        self._status("Checking the dossier…")
        return self._start(service.check, self._check_done, self._check_failed)

    def repair(self) -> Task | None:
        service = self._service()
        if service is None or self.running:
            return None
        self._status("Rebuilding the search index…")
        return self._start(service.repair_search_index,
                           lambda report: self._check_done(report, "The search index was rebuilt."),
                           self._check_failed)

    def _check_done(self, report: CheckReport, note: str = "") -> None:
        self._status(report.summary())
        if self.check_dialog is None:
            dialog = CheckDialog(report, self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
            dialog.repair_requested.connect(self.repair)
            dialog.document_requested.connect(self._open_document)
            self.check_dialog = dialog
            dialog.open()
        self.check_dialog.show_report(report, note)
        self.check_finished.emit(report)

    def _check_failed(self, message: str) -> None:
        self._show(QMessageBox.Icon.Warning, "The dossier could not be checked", message)
        self.check_finished.emit(None)

    def _forget(self, dialog: CheckDialog) -> None:
        if self.check_dialog is dialog:
            self.check_dialog = None

    def _open_document(self, doc_id: int) -> None:
        context = getattr(self._window, "context", None)
        if context is not None:
            context.open_passage(doc_id)

    # -- plumbing ----------------------------------------------------------------------------------
    def _start(self, work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[str], None]) -> Task:
        task = Task(work, self)
        # the work is over when its result arrives (the thread ends a moment later)

        def succeeded(result: object) -> None:
            self._over(task)
            done(result)

        def failed_with(message: str) -> None:
            self._over(task)
            failed(message)

        def finished() -> None:
            self._tasks.discard(task)
            task.deleteLater()

        task.succeeded.connect(succeeded)
        task.failed.connect(failed_with)
        task.finished.connect(finished)
        self._tasks.add(task)
        self._running.add(task)
        self.update_enabled()
        task.start()
        return task

    def _over(self, task: Task) -> None:
        self._running.discard(task)
        self.update_enabled()

    def _status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 8000)

    def _show(self, icon: QMessageBox.Icon, title: str, text: str, detail: str = "") -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window)
        if detail:
            box.setInformativeText(detail)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result, b=box: setattr(self, "message", None) if self.message is b else None)
        self.message = box
        box.open()


def _alive(task: Task) -> bool:
    """Whether the Qt object behind a task still exists (a finished thread is deleted later)."""
    try:
        task.isRunning()
    except RuntimeError:  # its C++ object was deleted
        return False
    return True


def install_maintenance_actions(window: QMainWindow, file_menu: QMenu, tools_menu: QMenu) -> MaintenanceActions:
    """Add File > Back Up… and Tools > Check Dossier… to a window's menus.

    Back Up… goes before the file menu's last separator (above Quit) when there is one.
    """
    actions = MaintenanceActions(window)
    separators = [a for a in file_menu.actions() if a.isSeparator()]
    if separators:
        file_menu.insertAction(separators[-1], actions.backup_action)
    else:
        file_menu.addAction(actions.backup_action)
    tools_menu.addAction(actions.check_action)
    return actions
