"""What the views of one window share: the open dossier's services, the undo stack, and signals.

Views never reach for the window. They push undoable commands here, and listen to `changed`
(which says what an edit changed, as the service that made it said) to refresh themselves.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from dossier.domain.changes import Changes
from dossier.domain.errors import DossierError
from dossier.services import Services
from dossier.ui.commands.base import ServiceCommand
from dossier.ui.settings import UiSettings

__all__ = ["UiContext", "one_line"]


def one_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


class UiContext(QObject):
    changed = Signal(object)  # Changes: what an edit changed, as the service said
    services_changed = Signal(object)  # Services | None: another dossier was opened (or closed)
    passage_requested = Signal(int, int, int)  # document id, start, end: show it in the reader
    actor_requested = Signal(int)  # show this actor in the who's who
    status_message = Signal(str)  # a passing note for the status bar
    as_at_changed = Signal(object)  # dt.date: the "as at" day the Actions and Chronology views share

    def __init__(self, window: QWidget, undo_stack: QUndoStack, settings: UiSettings) -> None:
        super().__init__(window)
        self.window = window
        self.undo_stack = undo_stack
        self.settings = settings
        self._services: Services | None = None
        self.current_document_id: int | None = None  # the document in the reader (kept by the Documents view)

    @property
    def services(self) -> Services | None:
        return self._services

    def set_services(self, services: Services | None) -> None:
        self._services = services
        self.services_changed.emit(services)

    # -- edits -----------------------------------------------------------------------------------
    def push(self, command: ServiceCommand, *, quiet: bool = False) -> bool:
        """Make the edit once; if it worked, put it on the undo stack (whose first redo reuses it).

        A failure is shown in a message box, or (quiet, e.g. for an edit typed into a table cell)
        only in the status bar.
        """
        try:
            command.first_run()
        except (ValueError, DossierError) as exc:
            if quiet:
                self.status(f"The change was not made: {one_line(exc)}")
            else:
                self.error("The change was not made", one_line(exc))
            return False
        self.undo_stack.push(command)
        return True

    def push_all(self, text: str, commands: Iterable[ServiceCommand]) -> int:
        """Several commands as one undo step; returns how many were made."""
        made = 0
        self.undo_stack.beginMacro(text)
        try:
            for command in commands:
                made += self.push(command)
        finally:
            self.undo_stack.endMacro()
        if not made:  # an empty macro would leave a step that does nothing
            self.undo_stack.undo()
        return made

    def notify(self, changes: Changes) -> None:
        """Tell the views what an edit changed; each refreshes what shows it."""
        self.changed.emit(changes)

    # -- navigation and messages -----------------------------------------------------------------
    def open_passage(self, document_id: int, start: int | None = None, end: int | None = None) -> None:
        self.passage_requested.emit(document_id, -1 if start is None else start, -1 if end is None else end)

    def show_actor(self, actor_id: int) -> None:
        self.actor_requested.emit(actor_id)

    def status(self, text: str) -> None:
        self.status_message.emit(text)

    def error(self, title: str, text: str, detail: str = "") -> QMessageBox:
        return self.message(QMessageBox.Icon.Warning, title, text, detail)

    def message(self, icon: QMessageBox.Icon, title: str, text: str, detail: str = "") -> QMessageBox:
        """A window-modal message that does not block the caller (opened with open())."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        if detail:
            box.setInformativeText(detail)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
