"""The progress dialog of work done off the GUI thread: filing, reading a better copy, exporting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_PROGRESS_AFTER_MS = 300  # work done sooner shows no progress dialog


class WorkProgressDialog(QProgressDialog):
    """Window-modal, with Cancel, shown only once the work has taken SHOW_PROGRESS_AFTER_MS. It stays
    until the work reports it has ended (`finish`), not when the bar reaches its end."""

    def __init__(self, label: str, title: str, parent: QWidget | None, *, maximum: int = 0,
                 width: int = 420) -> None:
        super().__init__(label, "Cancel", 0, maximum, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(width)

    def show_progress(self, done: int, total: int, label: str = "") -> None:
        if self.wasCanceled():
            return
        self.setMaximum(max(total, 1))
        self.setValue(min(done, max(total, 1)))
        if label:
            self.setLabelText(label)

    def finish(self) -> None:
        self.reset()
        self.hide()
        self.deleteLater()
