"""Preferences: who you are (the author of your annotations and reviewed marks)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from dossier.services.annotations import system_user
from dossier.ui.dialogs.host import ok_cancel
from dossier.ui.settings import UiSettings

AUTHOR_KEY = "review/author"


class PreferencesDialog(QDialog):
    def __init__(self, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(420)
        self._settings = settings
        self.author = QLineEdit(self)
        self.author.setPlaceholderText(system_user())
        self.author.setText(settings.text(AUTHOR_KEY))
        hint = QLabel("Your annotations and reviewed marks carry this name. Left empty, your login name is used.",
                      self)
        hint.setObjectName("fieldName")
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Your name", self.author)
        form.addRow("", hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, "Save"))
        self.accepted.connect(self._save)

    def _save(self) -> None:
        self._settings.set_text(AUTHOR_KEY, " ".join(self.author.text().split()))
