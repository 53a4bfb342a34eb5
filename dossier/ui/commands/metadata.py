"""Undoable metadata edits. Each redo/undo is one service call; the command keeps plain data only."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from PySide6.QtGui import QUndoCommand

from dossier.domain.changes import Changed, Changes
from dossier.domain.records import EDITABLE_FIELDS
from dossier.services.documents import DocumentService, MetadataEdit


def describe(doc_id: int, names: list[str]) -> str:
    """The undo text, e.g. "Edit date and title of D3" (fields in their usual order)."""
    names = sorted(names, key=lambda n: EDITABLE_FIELDS.index(n) if n in EDITABLE_FIELDS else len(EDITABLE_FIELDS))
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Edit {listed} of D{doc_id}"


class EditMetadataCommand(QUndoCommand):
    """Set some metadata fields of one document.

    `edit` is the result of the edit the window already made (so the first redo does not write
    again); later redos call edit_metadata, undos call restore_metadata with the values before.
    `changed(doc_id, changes)` tells the window to refresh what shows that document, and what
    else the service said it changed.
    """

    def __init__(self, documents: DocumentService, done: Changed[MetadataEdit], changes: Mapping[str, Any],
                 changed: Callable[[int, Changes], None]) -> None:
        edit = done.value
        super().__init__(describe(edit.document_id, list(changes)))
        self._documents = documents
        self._changed = changed
        self.document_id = edit.document_id
        self.changes = MappingProxyType(dict(changes))
        self.before = edit.before
        self.before_user_set = edit.before_user_set
        self._done = True  # the edit has already been made once
        self._first = done.changes

    def redo(self) -> None:
        if self._done:
            self._done = False
            written = self._first
        else:
            written = self._documents.edit_metadata(self.document_id, self.changes).changes
        self._changed(self.document_id, written)

    def undo(self) -> None:
        written = self._documents.restore_metadata(self.document_id, self.before, self.before_user_set).changes
        self._changed(self.document_id, written)
