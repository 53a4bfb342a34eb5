"""The dialogs of an import: progress with Cancel while filing, then a summary of what happened."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.records import ImportOutcome, ImportResult
from dossier.domain.safe_text import safe_text
from dossier.ui.dialogs.progress import WorkProgressDialog
from dossier.ui.style import theme

MAX_NAME = 64


class ImportProgressDialog(WorkProgressDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Preparing to file…", "Filing documents", parent, width=440)

    def update_progress(self, done: int, total: int, name: str) -> None:
        name = safe_text(name)  # a file name need not be UTF-8
        if name and len(name) > MAX_NAME:
            name = f"{name[:MAX_NAME // 2 - 1]}…{name[-(MAX_NAME // 2):]}"
        self.show_progress(done, total, f"Filing file {done + 1} of {total}: {name}" if name else "")

    def show_cancelling(self) -> None:
        self.setLabelText("Cancelling after the current file…")


def counts_line(results: Sequence[ImportResult]) -> str:
    filed = sum(r.outcome is ImportOutcome.FILED for r in results)
    duplicate = sum(r.outcome is ImportOutcome.DUPLICATE for r in results)
    failed = sum(r.outcome is ImportOutcome.FAILED for r in results)
    skipped = sum(r.outcome is ImportOutcome.SKIPPED for r in results)
    passed = f" · {skipped} skipped (not documents)" if skipped else ""
    return f"{filed} filed · {duplicate} already filed · {failed} failed{passed}"


def failure_reason(result: ImportResult) -> str:
    """The one-line reason, without the path the message may start with."""
    message = result.message.splitlines()[0] if result.message else "unknown error"
    for prefix in (f"{result.path}: ", f"{Path(result.path).name}: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


class ImportSummaryDialog(QDialog):
    """Counts, then each failed file with its reason. Opened with open(), so it never blocks."""

    review_requested = Signal()  # the user asked to see the suggestions waiting

    def __init__(self, results: Sequence[ImportResult], *, cancelled: bool = False, error: str = "",
                 total: int | None = None, waiting: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import finished" if not (cancelled or error) else "Import stopped")
        self.setMinimumWidth(520)
        self.results = list(results)
        self.failures = [r for r in self.results if r.outcome is ImportOutcome.FAILED]
        self.skipped = [r for r in self.results if r.outcome is ImportOutcome.SKIPPED]  # listed after the failures

        headline = QLabel(self._headline(cancelled, error), self)
        headline.setFont(theme.scaled(self.font(), 1.15, bold=True))
        headline.setWordWrap(True)
        self.counts = QLabel(counts_line(self.results), self)
        self.counts.setObjectName("fieldName")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(headline)
        layout.addWidget(self.counts)
        attempted = len(self.results) - len(self.skipped)  # entries skipped as no document are no files to file
        if cancelled and total is not None and total > attempted:
            skipped = total - attempted
            note = QLabel(f"Cancelled: {skipped} file{'s' if skipped != 1 else ''} not filed. "
                          "What was filed before the cancel is kept.", self)
            note.setWordWrap(True)
            layout.addWidget(note)
        if error:
            message = QLabel(error, self)
            message.setObjectName("inlineError")
            message.setWordWrap(True)
            layout.addWidget(message)

        self.failure_list = QTreeWidget(self)
        self.failure_list.setColumnCount(2)
        self.failure_list.setHeaderLabels(["File", "Why it was not filed"])
        self.failure_list.setRootIsDecorated(False)
        self.failure_list.setAlternatingRowColors(True)
        self.failure_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.failure_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.failure_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.failure_list.header().setStretchLastSection(True)
        for r in [*self.failures, *self.skipped]:
            reason = failure_reason(r) if r.outcome is ImportOutcome.FAILED else f"skipped, {failure_reason(r)}"
            item = QTreeWidgetItem([safe_text(Path(r.path).name), safe_text(reason)])  # a name may not be UTF-8
            item.setToolTip(0, safe_text(r.path))
            item.setToolTip(1, safe_text(r.message))
            self.failure_list.addTopLevelItem(item)
        self.failure_list.setVisible(bool(self.failures or self.skipped))
        layout.addWidget(self.failure_list, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        self.waiting = QLabel(waiting, self)  # "12 suggestions wait for review (5 actors, 7 actions)"
        self.waiting.setWordWrap(True)
        self.waiting.setVisible(bool(waiting))
        layout.addWidget(self.waiting)
        self.review_button = None
        if waiting:
            self.review_button = buttons.addButton("Review Suggestions", QDialogButtonBox.ButtonRole.ActionRole)
            self.review_button.setToolTip("Open the Suggestions tab of the first document with suggestions waiting")
            self.review_button.clicked.connect(self._review)
        layout.addWidget(buttons)
        if self.failures or self.skipped:
            self.resize(640, 360)

    def _review(self) -> None:
        self.accept()
        self.review_requested.emit()

    def _headline(self, cancelled: bool, error: str) -> str:
        if error:
            return "The import stopped because of an error."
        filed = sum(r.outcome is ImportOutcome.FILED for r in self.results)
        noun = "document" if filed == 1 else "documents"
        if cancelled:
            return f"Import cancelled after filing {filed} {noun}."
        if self.failures:
            n = len(self.failures)
            return f"Filed {filed} {noun}; {n} file{'s' if n != 1 else ''} could not be filed."
        if self.skipped:
            n = len(self.skipped)
            return f"Filed {filed} {noun}; {n} entr{'ies' if n != 1 else 'y'} skipped (not documents)."
        return f"Filed {filed} {noun}."

    def failed_files(self) -> list[tuple[str, str]]:
        """(file name, reason) per failed file, as listed."""
        return [(Path(r.path).name, failure_reason(r)) for r in self.failures]

    def skipped_files(self) -> list[tuple[str, str]]:
        """(name, reason) per folder entry passed over as no document, as listed after the failures."""
        return [(Path(r.path).name, failure_reason(r)) for r in self.skipped]
