"""Runs one import at a time for a window: the worker thread plus its progress dialog."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from dossier.domain.records import ImportResult
from dossier.services.documents import DocumentService
from dossier.ui.dialogs.import_dialogs import ImportProgressDialog
from dossier.ui.workers import ImportJob


class ImportController(QObject):
    started = Signal(object)  # the ImportJob, before its thread starts
    finished = Signal(list, str, bool, int)  # results, error ("" if none), cancelled, files asked for

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._job: ImportJob | None = None
        self._dialog: ImportProgressDialog | None = None
        self._total = 0

    @property
    def job(self) -> ImportJob | None:
        return self._job

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self, documents: DocumentService, paths: Sequence[Path | str]) -> ImportJob:
        if self._job is not None:
            raise RuntimeError("an import is already running")
        job = ImportJob(documents, paths, self)
        dialog = ImportProgressDialog(self._window)
        job.worker.progress.connect(self._on_progress)
        dialog.canceled.connect(self.cancel)
        job.done.connect(self._on_done)
        self._job, self._dialog, self._total = job, dialog, 0
        self.started.emit(job)
        job.start()
        return job

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            if self._dialog is not None:
                self._dialog.show_cancelling()

    def shutdown(self) -> None:
        """The window is closing: stop after the current file and wait for the thread."""
        if self._job is not None:
            self._job.stop_and_wait()

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self._total = total
        if self._dialog is not None:
            self._dialog.update_progress(done, total, name)

    def _on_done(self, results: list[ImportResult], error: str, cancelled: bool) -> None:
        job, dialog = self._job, self._dialog
        self._job = self._dialog = None
        if dialog is not None:
            dialog.finish()
        if job is not None:
            job.deleteLater()
        self.finished.emit(results, error, cancelled, max(self._total, len(results)))
