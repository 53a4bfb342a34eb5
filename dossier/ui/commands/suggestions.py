"""Undoable decisions on what the machine suggested: accept_many / unaccept, reject / unreject."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.domain.changes import Changes
from dossier.domain.register import AcceptRecord
from dossier.services.suggestions import SuggestionService
from dossier.ui.commands.base import Notify, ServiceCommand


class AcceptCommand(ServiceCommand):
    """Accept one or more suggestions (one transaction): accept_many / unaccept(records)."""

    def __init__(self, suggestions: SuggestionService, notify: Notify, ids: Sequence[int], text: str) -> None:
        super().__init__(text, notify)
        self._suggestions = suggestions
        self.ids = tuple(ids)
        self.records: list[AcceptRecord] = []

    def run(self) -> Changes:
        done = self._suggestions.accept_many(list(self.ids))
        self.records = done.value
        return done.changes

    def revert(self) -> Changes:
        changes = self._suggestions.unaccept(self.records).changes
        self.records = []
        return changes


class RejectCommand(ServiceCommand):
    """Reject one suggestion (remembered, never made again): reject / unreject."""

    def __init__(self, suggestions: SuggestionService, notify: Notify, suggestion_id: int, label: str) -> None:
        super().__init__(f"Reject “{label}”", notify)
        self._suggestions = suggestions
        self.suggestion_id = suggestion_id

    def run(self) -> Changes:
        return self._suggestions.reject(self.suggestion_id).changes

    def revert(self) -> Changes:
        return self._suggestions.unreject(self.suggestion_id).changes


class AcceptedCommand(AcceptCommand):
    """Suggestions already accepted off the GUI thread (AcceptAllJob): the first redo is the work
    done; undo is unaccept(records), a later redo accept_many(the same ids)."""

    def __init__(self, suggestions: SuggestionService, notify: Notify, records: Sequence[AcceptRecord],
                 text: str, changes: Changes) -> None:
        super().__init__(suggestions, notify, [r.suggestion_id for r in records], text)
        self.records = list(records)
        self._first = changes  # what the work done said it changed

    def first_run(self) -> None:
        self._ran = True


class RejectManyCommand(ServiceCommand):
    """Reject many suggestions at once (across the dossier, say): reject_many / unreject_many."""

    def __init__(self, suggestions: SuggestionService, notify: Notify, ids: Sequence[int], text: str) -> None:
        super().__init__(text, notify)
        self._suggestions = suggestions
        self.ids = tuple(ids)
        self.rejected: list[int] = []

    def run(self) -> Changes:
        done = self._suggestions.reject_many(list(self.ids))
        self.rejected = done.value
        return done.changes

    def revert(self) -> Changes:
        return self._suggestions.unreject_many(self.rejected).changes
