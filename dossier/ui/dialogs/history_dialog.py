"""History: the audit trail of one document, actor or action, newest first, with CSV export."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.audit import AuditEntry
from dossier.domain.errors import DossierError
from dossier.services.audit import save_history_csv


def _value(value: object) -> str:
    if value in (None, ""):
        return "—"
    text = " ".join(str(value).split())
    return text if len(text) <= 200 else text[:199] + "…"


class HistoryDialog(QDialog):
    def __init__(self, title: str, entries: Sequence[AuditEntry], csv_text: str,
                 parent: QWidget | None = None, descriptions: Sequence[str] = ()) -> None:
        """`descriptions`: each change in words (AuditService.describe), shown as its "What"; the
        fields changed, old and new, stay one level down."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 520)
        self._csv = csv_text
        intro = QLabel(f"{len(entries):,} change{'' if len(entries) == 1 else 's'}, newest first. "
                       "The log is written with each change and cannot be edited.", self)
        intro.setObjectName("fieldName")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["When (UTC)", "Who", "What", "Old", "New"])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        for n, width in enumerate((150, 120, 220, 140)):
            self.tree.setColumnWidth(n, width)
        if descriptions:  # the words need the room the old and new values had
            self.resize(1100, 520)
            for n, width in enumerate((165, 100, 600, 100)):
                self.tree.setColumnWidth(n, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        words = list(descriptions) or [e.what for e in entries]
        for e, described in zip(entries, words, strict=True):
            item = QTreeWidgetItem([e.at[:19].replace("T", " "), e.who, described, "", ""])
            item.setToolTip(2, described)
            if descriptions:
                for c in e.changes:
                    child = QTreeWidgetItem(["", "", c.field, _value(c.old), _value(c.new)])
                    item.addChild(child)
            elif e.op == "update" and len(e.changes) == 1:
                c = e.changes[0]
                item.setText(2, f"{e.what}: {c.field}")
                item.setText(3, _value(c.old))
                item.setText(4, _value(c.new))
            else:
                for c in e.changes:
                    child = QTreeWidgetItem(["", "", c.field, _value(c.old), _value(c.new)])
                    child.setToolTip(3, str(c.old) if c.old is not None else "")
                    child.setToolTip(4, str(c.new) if c.new is not None else "")
                    item.addChild(child)
            self.tree.addTopLevelItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = buttons.addButton("Export CSV…", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export_dialog)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export History", "history.csv", "CSV files (*.csv)")
        if name:
            self.export(Path(name))

    def export(self, path: Path) -> bool:
        try:
            save_history_csv(path, self._csv)
        except DossierError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, "History not exported", str(exc))
            return False
        return True
