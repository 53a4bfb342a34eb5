"""The shape of every undoable edit: one service call to redo it, one to undo it.

A command keeps plain data only (ids, names, and the records the service returned). The first
redo is the call the window already made through UiContext.push (so errors are reported before
anything lands on the stack); later redos call the service again. After each step the command
tells the views which kinds of data changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QUndoCommand

Notify = Callable[[Iterable[str]], None]

# What an edit can touch; views refresh what shows it.
DOCUMENTS, ACTORS, MENTIONS, SUGGESTIONS, ACTIONS = "documents", "actors", "mentions", "suggestions", "actions"
CHRONOLOGY = "chronology"
ANNOTATIONS, REVIEWS = "annotations", "reviews"
EVERYTHING = frozenset({DOCUMENTS, ACTORS, MENTIONS, SUGGESTIONS, ACTIONS, CHRONOLOGY, ANNOTATIONS, REVIEWS})


class ServiceCommand(QUndoCommand):
    scope: frozenset[str] = frozenset()

    def __init__(self, text: str, notify: Notify) -> None:
        super().__init__(text)
        self._notify = notify
        self._ran = False

    def run(self) -> None:
        """The one service call that makes the edit."""
        raise NotImplementedError

    def revert(self) -> None:
        """The one service call that takes it back."""
        raise NotImplementedError

    def first_run(self) -> None:
        self.run()
        self._ran = True

    def redo(self) -> None:
        if self._ran:
            self._ran = False
        else:
            self.run()
        self._notify(self.scope)

    def undo(self) -> None:
        self.revert()
        self._notify(self.scope)
