"""Undoable edits of the chronology: add / delete (then restore on redo), delete / restore, edit / edit(before),
merge / unmerge, split a source / merge it back, resolve a conflict / unresolve it."""

from __future__ import annotations

from dossier.domain.changes import Changes
from dossier.domain.chronology import EntryFields
from dossier.domain.snapshots import EntryMerge, EntrySnapshot
from dossier.services.chronology import ChronologyService
from dossier.ui.commands.base import Notify, ServiceCommand


def short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


class AddEntryCommand(ServiceCommand):
    def __init__(self, chronology: ChronologyService, notify: Notify, fields: EntryFields) -> None:
        super().__init__(f"Add entry “{short(fields.description)}”", notify)
        self._chronology = chronology
        self.fields = fields
        self.key: str | None = None
        self.snapshot: EntrySnapshot | None = None  # the entry as it was when undone, for redo

    def run(self) -> Changes:
        if self.snapshot is None:
            done = self._chronology.add_entry(self.fields)
            self.key = done.value
            return done.changes
        # a redo brings back the same entry (same key), not a new one
        return self._chronology.restore_entry(self.snapshot).changes

    def revert(self) -> Changes:
        if self.key is not None:
            done = self._chronology.delete_entry(self.key)
            self.snapshot = done.value
            return done.changes
        return Changes.none()


class DeleteEntryCommand(ServiceCommand):
    def __init__(self, chronology: ChronologyService, notify: Notify, key: str, description: str) -> None:
        super().__init__(f"Delete entry “{short(description)}”", notify)
        self._chronology = chronology
        self.key = key
        self.snapshot: EntrySnapshot | None = None

    def run(self) -> Changes:
        done = self._chronology.delete_entry(self.key)
        self.snapshot = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.snapshot is not None:
            return self._chronology.restore_entry(self.snapshot).changes
        return Changes.none()


class EditEntryCommand(ServiceCommand):
    def __init__(self, chronology: ChronologyService, notify: Notify, key: str, fields: EntryFields,
                 what: str = "entry") -> None:
        super().__init__(f"Edit {what} of “{short(fields.description)}”", notify)
        self._chronology = chronology
        self.key, self.fields = key, fields
        self.before: EntryFields | None = None

    def run(self) -> Changes:
        done = self._chronology.edit_entry(self.key, self.fields)
        self.before = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.before is not None:
            return self._chronology.edit_entry(self.key, self.before).changes
        return Changes.none()


class MergeEntriesCommand(ServiceCommand):
    def __init__(self, chronology: ChronologyService, notify: Notify, keep: str, other: str, description: str) -> None:
        super().__init__(f"Merge entries into “{short(description)}”", notify)
        self._chronology = chronology
        self.keep, self.other = keep, other
        self.record: EntryMerge | None = None

    def run(self) -> Changes:
        done = self._chronology.merge_entries(self.keep, self.other)
        self.record = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.record is not None:
            return self._chronology.unmerge(self.record).changes
        return Changes.none()


class SplitSourceCommand(ServiceCommand):
    def __init__(self, chronology: ChronologyService, notify: Notify, key: str, document_id: int,
                 citation: str) -> None:
        super().__init__(f"Split {citation} off an entry", notify)
        self._chronology = chronology
        self.key, self.document_id = key, document_id
        self.new_key: str | None = None

    def run(self) -> Changes:
        done = self._chronology.split_source(self.key, self.document_id)
        self.new_key = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.new_key is not None:
            return self._chronology.merge_entries(self.key, self.new_key).changes
        return Changes.none()


class ResolveConflictCommand(ServiceCommand):
    def __init__(self, chronology: ChronologyService, notify: Notify, key: str, other: str, note: str) -> None:
        super().__init__(f"Mark the dates resolved: “{short(note)}”", notify)
        self._chronology = chronology
        self.key, self.other, self.note = key, other, note

    def run(self) -> Changes:
        return self._chronology.resolve_conflict(self.key, self.other, self.note).changes

    def revert(self) -> Changes:
        return self._chronology.unresolve_conflict(self.key, self.other).changes
