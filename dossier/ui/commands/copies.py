"""Say a document found to be a copy of an earlier one is not (undo puts the copy mark back)."""

from __future__ import annotations

from dossier.services.copies import CopyService, CopyState
from dossier.ui.commands.base import DOCUMENTS, Notify, ServiceCommand


class NotACopyCommand(ServiceCommand):
    scope = frozenset({DOCUMENTS})

    def __init__(self, copies: CopyService, notify: Notify, doc_id: int) -> None:
        super().__init__(f"D{doc_id} Is Not a Copy", notify)
        self._copies = copies
        self.doc_id = doc_id
        self.before: CopyState | None = None

    def run(self) -> None:
        before, _ = self._copies.not_a_copy(self.doc_id)
        self.before = self.before or before

    def revert(self) -> None:
        if self.before is not None:
            self._copies.restore(self.before)
