"""File > Export Briefing…: the dialog, the export on a worker thread with progress and Cancel, then
the preview.

`install_briefing_action(window, menu)` is all a window needs to call. The export runs
`BriefingService.export` off the GUI thread, like the import: the service opens its own short
sessions, so the worker shares the window's Services safely.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from dossier.domain.briefing import BriefingOptions, ExportResult, long_date
from dossier.domain.errors import DossierError
from dossier.services import Services
from dossier.services.briefing import SCALE, ExportCancelled
from dossier.ui.dialogs.briefing_dialog import BriefingChoices, BriefingDialog, suggested_file_name
from dossier.ui.dialogs.progress import WorkProgressDialog
from dossier.ui.views.pdf_preview import PdfPreview
from dossier.ui.workers import CancellableWorker, ThreadJob, failure_line

SHORTCUT = "Ctrl+Shift+E"
FOLDER_KEY = "briefing/last_folder"


class BriefingWorker(CancellableWorker):
    """Runs BriefingService.export; lives in a worker thread while it runs. A cancel stops it at the
    next step, and nothing is written."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # ExportResult
    failed = Signal(str)  # the one-line reason
    cancelled = Signal()

    def __init__(self, services: Services, options: BriefingOptions, path: Path) -> None:
        super().__init__()
        self._services = services
        self.options = options
        self.path = Path(path)

    @Slot()
    def run(self) -> None:
        try:
            result = self._services.briefing.export(self.options, self.path, progress=self.progress.emit,
                                                    cancelled=self._cancel.is_set).value
        except ExportCancelled:
            self.cancelled.emit()
            return
        except Exception as exc:  # shown to the user, never swallowed
            self.failed.emit(failure_line(exc))
            return
        self.finished.emit(result)


class BriefingJob(ThreadJob):
    """One export: owns the thread and the worker. `done(result | None, error, cancelled)` in the GUI thread."""

    done = Signal(object, str, bool)
    worker: BriefingWorker

    def __init__(self, services: Services, options: BriefingOptions, path: Path,
                 parent: QObject | None = None) -> None:
        super().__init__(BriefingWorker(services, options, path), "dossier-briefing", parent)
        self.worker.finished.connect(lambda result: self._finish(result, "", False))
        self.worker.failed.connect(lambda error: self._finish(None, error, False))
        self.worker.cancelled.connect(lambda: self._finish(None, "", True))

    def _finish(self, result: ExportResult | None, error: str, cancelled: bool) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        self._running = False
        self.done.emit(result, error, cancelled)


def choices_for(services: Services) -> BriefingChoices:
    """What the dialog's scope offers, read from the dossier."""
    actors = services.actors
    people = tuple((r.id, r.name) for r in actors.rows(actors.ids(sort="name")))
    docs = services.documents
    papers = []
    for r in docs.rows(docs.ids(sort="date")):
        date = r.date.display() if r.date else "undated"
        papers.append((r.id, f"D{r.id}  \u00b7  {date}  \u00b7  {r.label}"))
    last = services.briefing.last_export()
    line = ""
    if last is not None:
        ref = f" ({last.reference})" if last.reference else ""
        line = (f"Last briefing: \u201c{last.title}\u201d{ref}, as at {long_date(last.as_at)}, saved as "
                f"{last.file_name}.")
    return BriefingChoices(actors=people, tags=tuple(services.briefing.tags()), documents=tuple(papers),
                           last_export=line)


class BriefingExporter(QObject):
    """The window's briefing export: one dialog, one job and one progress dialog at a time."""

    started = Signal(object)  # the BriefingJob, before its thread starts
    finished = Signal(object, str, bool)  # ExportResult | None, error, cancelled (after the preview opens)

    def __init__(self, window: QWidget, services: Callable[[], Services | None]) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self.dialog: BriefingDialog | None = None
        self.job: BriefingJob | None = None
        self.progress: WorkProgressDialog | None = None
        self.preview: PdfPreview | None = None
        window.installEventFilter(self)

    @property
    def running(self) -> bool:
        return self.job is not None

    # -- the dialog ------------------------------------------------------------------------------
    def open_dialog(self) -> BriefingDialog | None:
        services = self._services()
        if services is None:
            QMessageBox.information(self._window, "Export Briefing", "Open a dossier first.")
            return None
        if self.job is not None:
            return None
        # the draft, as at its own date; with no draft, as at the latest paper's date (like the command line)
        options = services.briefing.starting_options()
        dialog = BriefingDialog(options, choices_for(services), self._default_path(services, options), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.save_draft_requested.connect(lambda o: self._save_draft(o))
        dialog.accepted.connect(lambda d=dialog: self._on_accepted(d))
        dialog.finished.connect(lambda _r, d=dialog: self._forget_dialog(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _default_path(self, services: Services, options: BriefingOptions) -> Path:
        folder = self._folder_setting()
        if not folder or not Path(folder).is_dir():
            folder = str(services.path.parent)
        return Path(folder) / suggested_file_name(options)

    def _settings(self):
        settings = getattr(self._window, "settings", None)
        return getattr(settings, "qsettings", None)

    def _folder_setting(self) -> str:
        qsettings = self._settings()
        value = qsettings.value(FOLDER_KEY, "") if qsettings is not None else ""
        return str(value or "")

    def _save_draft(self, options: BriefingOptions) -> None:
        services = self._services()
        if services is None:
            return
        try:
            services.briefing.save_draft(options)
        except DossierError as exc:
            self._message(QMessageBox.Icon.Warning, "The draft was not saved", str(exc))

    def _forget_dialog(self, dialog: BriefingDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _on_accepted(self, dialog: BriefingDialog) -> None:
        options, path = dialog.options(), dialog.out_path()
        self._save_draft(options)
        qsettings = self._settings()
        if qsettings is not None:
            qsettings.setValue(FOLDER_KEY, str(path.parent))
        self.start(options, path)

    # -- the export ------------------------------------------------------------------------------
    def start(self, options: BriefingOptions, path: Path) -> BriefingJob | None:
        services = self._services()
        if services is None or self.job is not None:
            return None
        job = BriefingJob(services, options, path, self)
        progress = WorkProgressDialog("Gathering the briefing…", "Exporting the Briefing", self._window,
                                      maximum=SCALE)
        progress.setValue(0)
        progress.canceled.connect(self.cancel)
        job.worker.progress.connect(self._on_progress)
        job.done.connect(self._on_done)
        self.job, self.progress = job, progress
        self.started.emit(job)
        job.start()
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            if self.progress is not None:
                self.progress.setLabelText("Cancelling…")

    def shutdown(self) -> None:
        """The window is closing: stop the export (nothing is written) and wait for the thread."""
        if self.job is not None:
            self.job.stop_and_wait()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self.progress is not None:
            self.progress.show_progress(done, total, label)

    def _on_done(self, result: ExportResult | None, error: str, cancelled: bool) -> None:
        job, progress = self.job, self.progress
        self.job = self.progress = None
        if progress is not None:
            progress.finish()
        if job is not None:
            job.deleteLater()
        if result is not None:
            self.show_preview(Path(result.path), result)
            self._status(f"Briefing exported: {result.path} ({result.pages} pages)")
        elif error:
            self._message(QMessageBox.Icon.Warning, "The briefing was not exported", error)
        elif cancelled:
            self._status("Export cancelled; nothing was written.")
        self.finished.emit(result, error, cancelled)

    def show_preview(self, path: Path, result: ExportResult | None = None) -> PdfPreview:
        if self.preview is not None:
            self.preview.close()
        note = f"{result.pages} pages, saved as {path}" if result else str(path)
        preview = PdfPreview(path, self._window, note=note)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(lambda _obj=None, p=preview: self._forget_preview(p))
        self.preview = preview
        preview.show()
        return preview

    def _forget_preview(self, preview: PdfPreview) -> None:
        if self.preview is preview:
            self.preview = None

    # -- messages --------------------------------------------------------------------------------
    def _status(self, text: str) -> None:
        bar = self._window.statusBar() if isinstance(self._window, QMainWindow) else None
        if bar is not None:
            bar.showMessage(text, 8000)

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box


def _file_menu(window: QMainWindow) -> QMenu:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "") == "File":
            return menu
    return window.menuBar().addMenu("&File")


def install_briefing_action(window: QMainWindow, menu: QMenu | None = None,
                            services: Callable[[], Services | None] | None = None) -> QAction:
    """Add File > Export Briefing… (Ctrl+Shift+E) to a window; returns the action.

    `menu` defaults to the window's File menu, where the item goes after the import items (before
    Quit). `services` defaults to reading `window.services`. The exporter is `action.exporter`.
    """
    get_services = services or (lambda: getattr(window, "services", None))
    exporter = BriefingExporter(window, get_services)
    action = QAction("Export &Briefing\u2026", window)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setStatusTip("Export a briefing PDF: front sheet, key messages, open actions and the annexes")
    action.triggered.connect(lambda _checked=False: exporter.open_dialog())
    action.exporter = exporter  # type: ignore[attr-defined]  # kept with its action (and found by tests)
    menu = menu or _file_menu(window)
    actions = menu.actions()
    quit_at = next((i for i, a in enumerate(actions) if a.menuRole() == QAction.MenuRole.QuitRole), None)
    if quit_at is not None:
        before = actions[quit_at - 1] if quit_at > 0 and actions[quit_at - 1].isSeparator() else actions[quit_at]
        menu.insertAction(before, action)
    else:
        menu.addAction(action)

    def refresh() -> None:
        action.setEnabled(get_services() is not None and not exporter.running)

    menu.aboutToShow.connect(refresh)
    context = getattr(window, "context", None)
    if context is not None and hasattr(context, "services_changed"):
        context.services_changed.connect(lambda _services: refresh())
    exporter.started.connect(lambda _job: refresh())
    exporter.finished.connect(lambda *_args: refresh())
    refresh()
    return action
