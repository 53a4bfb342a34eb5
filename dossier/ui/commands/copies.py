"""Say a document found to be a copy of an earlier one is not (undo puts the copy mark back)."""

from __future__ import annotations

from dossier.domain.changes import Changes
from dossier.services.copies import CopyService, CopyState
from dossier.ui.commands.base import Notify, ServiceCommand


class NotACopyCommand(ServiceCommand):
    def __init__(self, copies: CopyService, notify: Notify, doc_id: int) -> None:
        super().__init__(f"D{doc_id} Is Not a Copy", notify)
        self._copies = copies
        self.doc_id = doc_id
        self.before: CopyState | None = None

    def run(self) -> Changes:
        done = self._copies.not_a_copy(self.doc_id)
        before, _ = done.value
        self.before = self.before or before
        return done.changes

    def revert(self) -> Changes:
        if self.before is not None:
            return self._copies.restore(self.before).changes
        return Changes.none()
