"""Filing and reading files off the GUI thread: a worker QObject moved to a QThread, with progress
and cancel."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from dossier.domain.changes import Changes
from dossier.domain.errors import DossierError
from dossier.domain.records import FileCopy, ImportResult
from dossier.services.documents import DocumentService
from dossier.services.suggestions import SuggestionService


def failure_line(exc: BaseException, name: str = "") -> str:
    """What went wrong in work off the GUI thread, on one line for the user: a DossierError in its
    own words (they are written for the user), anything else as its type and message, after
    `name` (the file, say) when one is given. Never a traceback."""
    text = str(exc) if isinstance(exc, DossierError) else f"{type(exc).__name__}: {exc}"
    if name and not isinstance(exc, DossierError):
        text = f"{name}: {text}"
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


class CancellableWorker(QObject):
    """A worker run on another thread that the GUI thread may ask to stop (thread-safe). What a stop
    means (before the next file, after the transaction under way, ...) each worker's run says."""

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class ImportWorker(CancellableWorker):
    """Runs DocumentService.file_paths; lives in a worker thread while it runs. A cancel stops it
    before the next file; files already filed stay filed."""

    progress = Signal(int, int, str)  # files done, files in all, current file name
    finished = Signal(list)  # list[ImportResult], also after a cancel (what was filed is kept)
    failed = Signal(str)  # an unexpected error: the whole import stopped

    def __init__(self, documents: DocumentService, paths: Sequence[Path | str]) -> None:
        super().__init__()
        self._documents = documents
        self._paths = [Path(p) for p in paths]

    @property
    def paths(self) -> list[Path]:
        return list(self._paths)

    @Slot()
    def run(self) -> None:
        try:
            results = self._documents.file_paths(
                self._paths, progress=self.progress.emit, cancelled=self._cancel.is_set)
        except Exception as exc:  # reported to the user in the summary, never swallowed
            self.failed.emit(failure_line(exc))
            return
        self.finished.emit(results)


class ThreadJob(QObject):
    """Long work off the GUI thread: owns a QThread and a worker object (with `run` and `cancel`)
    moved onto it. Subclasses connect the worker's signals and say when the work is over."""

    def __init__(self, worker: QObject, thread_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.worker_thread = QThread()
        self.worker_thread.setObjectName(thread_name)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)  # type: ignore[attr-defined]  # each worker has run()
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        self._running = True
        self.worker_thread.start()

    def cancel(self) -> None:
        self.worker.cancel()  # type: ignore[attr-defined]  # each worker has cancel()

    def stop_and_wait(self, ms: int = 60_000) -> bool:
        """Cancel, then block until the worker thread ends (when the window closes mid-work)."""
        self.worker.cancel()  # type: ignore[attr-defined]  # each worker has cancel()
        self.worker_thread.quit()  # the thread's event loop ends as soon as the worker's run returns
        return self.worker_thread.wait(ms)


class ImportJob(ThreadJob):
    """One import: owns the thread and the worker, and tells the window when it is over.

    `done` is emitted in the GUI thread with (results, error message or "", cancelled).
    """

    done = Signal(list, str, bool)
    worker: ImportWorker

    def __init__(self, documents: DocumentService, paths: Sequence[Path | str],
                 parent: QObject | None = None) -> None:
        super().__init__(ImportWorker(documents, paths), "dossier-import", parent)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self._results: list[ImportResult] = []
        self._error = ""

    @Slot(list)
    def _on_finished(self, results: list[ImportResult]) -> None:
        self._finish(results, "")

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish([], message)

    def _finish(self, results: list[ImportResult], error: str) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        self._running = False
        self.done.emit(results, error, self.worker.is_cancelled())


class ReadCopyWorker(CancellableWorker):
    """Reads a better copy of a document (DocumentService.read_copy) in a worker thread. A file is
    read in one go: a cancelled read runs to its end, and what it read is dropped."""

    finished = Signal(object)  # FileCopy
    failed = Signal(str)  # why it cannot be read, one line naming the file
    cancelled = Signal()

    def __init__(self, documents: DocumentService, path: Path) -> None:
        super().__init__()
        self._documents = documents
        self.path = path

    @Slot()
    def run(self) -> None:
        try:
            copy = self._documents.read_copy(self.path)
        except Exception as exc:  # shown to the user, never swallowed
            self.failed.emit(failure_line(exc, self.path.name))
            return
        if self._cancel.is_set():
            self.cancelled.emit()
        else:
            self.finished.emit(copy)


class ReadCopyJob(ThreadJob):
    """One read for a re-file. `done(copy | None, error, cancelled)` in the GUI thread."""

    done = Signal(object, str, bool)
    worker: ReadCopyWorker

    def __init__(self, documents: DocumentService, doc_id: int, path: Path, parent: QObject | None = None) -> None:
        super().__init__(ReadCopyWorker(documents, path), "dossier-refile", parent)
        self.documents, self.doc_id, self.path = documents, doc_id, path
        # slots of this object, which lives in the GUI thread: the worker's signals are queued to it
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self.worker.cancelled.connect(self._on_cancelled)

    @Slot(object)
    def _on_finished(self, copy: FileCopy) -> None:
        self._finish(copy, "", False)

    @Slot(str)
    def _on_failed(self, error: str) -> None:
        self._finish(None, error, False)

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish(None, "", True)

    def _finish(self, copy: FileCopy | None, error: str, cancelled: bool) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        self._running = False
        self.done.emit(copy, error, cancelled)


class AcceptAllWorker(CancellableWorker):
    """Runs SuggestionService.accept_all (short transactions); lives in a worker thread while it runs.
    A cancel stops it after the transaction under way; what was accepted stays accepted."""

    progress = Signal(int, int)  # suggestions done, in all
    finished = Signal(list)  # list[AcceptRecord], also after a cancel (what was accepted is kept)
    failed = Signal(str)  # nothing was accepted

    def __init__(self, suggestions: SuggestionService, kind: str | None) -> None:
        super().__init__()
        self.suggestions = suggestions
        self.kind = kind
        self.changes = Changes.none()  # what the run changed, as the service said (read after `finished`)

    @Slot()
    def run(self) -> None:
        try:
            done = self.suggestions.accept_all(self.kind, on_progress=self.progress.emit,
                                               cancelled=self._cancel.is_set)
        except Exception as exc:  # said in one line to the user, never swallowed
            self.failed.emit(failure_line(exc))
            return
        self.changes = done.changes
        self.finished.emit(done.value)


class AcceptAllJob(ThreadJob):
    """Accepting every pending suggestion (of a kind) across the dossier, off the GUI thread.

    `done` is emitted in the GUI thread with (records, error message or "", cancelled).
    """

    done = Signal(list, str, bool)
    worker: AcceptAllWorker

    def __init__(self, suggestions: SuggestionService, kind: str | None, parent: QObject | None = None) -> None:
        super().__init__(AcceptAllWorker(suggestions, kind), "dossier-accept", parent)
        self.worker.finished.connect(lambda records: self._finish(records, ""))
        self.worker.failed.connect(lambda message: self._finish([], message))

    def _finish(self, records: list, error: str) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        self._running = False
        self.done.emit(records, error, self.worker.is_cancelled())
