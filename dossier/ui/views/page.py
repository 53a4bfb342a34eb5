"""What the Who's Who, Actions and Chronology pages share: services, the open dialog, actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from dossier.services import Services
from dossier.ui.context import UiContext
from dossier.ui.dialogs.host import DialogSlot


class Page(QWidget):
    """A main view over the services of the open dossier (none while no dossier is open)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialogs = DialogSlot()

    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def services(self) -> Services | None:
        return self.context.services

    @property
    def dialog(self) -> QDialog | None:
        """The dialog the page has open, if any (tests fill it in and accept it)."""
        return self.dialogs.current
