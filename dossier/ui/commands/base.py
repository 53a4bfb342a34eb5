"""The shape of every undoable edit: one service call to redo it, one to undo it.

A command keeps plain data only (ids, names, and the records the service returned). The first
redo is the call the window already made through UiContext.push (so errors are reported before
anything lands on the stack); later redos call the service again. After each step the command
tells the views what the service said it changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from dossier.domain.changes import Changes

Notify = Callable[[Changes], None]


class ServiceCommand(QUndoCommand):
    def __init__(self, text: str, notify: Notify) -> None:
        super().__init__(text)
        self._notify = notify
        self._ran = False
        self._first = Changes.none()

    def run(self) -> Changes:
        """The one service call that makes the edit; what it changed, as the service says."""
        raise NotImplementedError

    def revert(self) -> Changes:
        """The one service call that takes it back; what it changed."""
        raise NotImplementedError

    def first_run(self) -> None:
        self._first = self.run()
        self._ran = True

    def redo(self) -> None:
        if self._ran:
            self._ran = False
            changes = self._first
        else:
            changes = self.run()
        self._notify(changes)

    def undo(self) -> None:
        self._notify(self.revert())
