"""Undoable edits of the chronology: add / delete (then restore on redo), delete / restore, edit / edit(before),
merge / unmerge, split a source / merge it back, resolve a conflict / unresolve it."""

from __future__ import annotations

from dossier.domain.chronology import EntryFields
from dossier.domain.snapshots import EntryMerge, EntrySnapshot
from dossier.services.chronology import ChronologyService
from dossier.ui.commands.base import CHRONOLOGY, Notify, ServiceCommand

SCOPE = frozenset({CHRONOLOGY})


def short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


class AddEntryCommand(ServiceCommand):
    scope = SCOPE

    def __init__(self, chronology: ChronologyService, notify: Notify, fields: EntryFields) -> None:
        super().__init__(f"Add entry “{short(fields.description)}”", notify)
        self._chronology = chronology
        self.fields = fields
        self.key: str | None = None
        self.snapshot: EntrySnapshot | None = None  # the entry as it was when undone, for redo

    def run(self) -> None:
        if self.snapshot is None:
            self.key = self._chronology.add_entry(self.fields)
        else:  # a redo brings back the same entry (same key), not a new one
            self._chronology.restore_entry(self.snapshot)

    def revert(self) -> None:
        if self.key is not None:
            self.snapshot = self._chronology.delete_entry(self.key)


class DeleteEntryCommand(ServiceCommand):
    scope = SCOPE

    def __init__(self, chronology: ChronologyService, notify: Notify, key: str, description: str) -> None:
        super().__init__(f"Delete entry “{short(description)}”", notify)
        self._chronology = chronology
        self.key = key
        self.snapshot: EntrySnapshot | None = None

    def run(self) -> None:
        self.snapshot = self._chronology.delete_entry(self.key)

    def revert(self) -> None:
        if self.snapshot is not None:
            self._chronology.restore_entry(self.snapshot)


class EditEntryCommand(ServiceCommand):
    scope = SCOPE

    def __init__(self, chronology: ChronologyService, notify: Notify, key: str, fields: EntryFields,
                 what: str = "entry") -> None:
        super().__init__(f"Edit {what} of “{short(fields.description)}”", notify)
        self._chronology = chronology
        self.key, self.fields = key, fields
        self.before: EntryFields | None = None

    def run(self) -> None:
        self.before = self._chronology.edit_entry(self.key, self.fields)

    def revert(self) -> None:
        if self.before is not None:
            self._chronology.edit_entry(self.key, self.before)


class MergeEntriesCommand(ServiceCommand):
    scope = SCOPE

    def __init__(self, chronology: ChronologyService, notify: Notify, keep: str, other: str, description: str) -> None:
        super().__init__(f"Merge entries into “{short(description)}”", notify)
        self._chronology = chronology
        self.keep, self.other = keep, other
        self.record: EntryMerge | None = None

    def run(self) -> None:
        self.record = self._chronology.merge_entries(self.keep, self.other)

    def revert(self) -> None:
        if self.record is not None:
            self._chronology.unmerge(self.record)


class SplitSourceCommand(ServiceCommand):
    scope = SCOPE

    def __init__(self, chronology: ChronologyService, notify: Notify, key: str, document_id: int,
                 citation: str) -> None:
        super().__init__(f"Split {citation} off an entry", notify)
        self._chronology = chronology
        self.key, self.document_id = key, document_id
        self.new_key: str | None = None

    def run(self) -> None:
        self.new_key = self._chronology.split_source(self.key, self.document_id)

    def revert(self) -> None:
        if self.new_key is not None:
            self._chronology.merge_entries(self.key, self.new_key)


class ResolveConflictCommand(ServiceCommand):
    scope = SCOPE

    def __init__(self, chronology: ChronologyService, notify: Notify, key: str, other: str, note: str) -> None:
        super().__init__(f"Mark the dates resolved: “{short(note)}”", notify)
        self._chronology = chronology
        self.key, self.other, self.note = key, other, note

    def run(self) -> None:
        self._chronology.resolve_conflict(self.key, self.other, self.note)

    def revert(self) -> None:
        self._chronology.unresolve_conflict(self.key, self.other)
