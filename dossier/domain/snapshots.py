"""What undoing a deletion or a merge puts back: typed records of what was there, with the ids it
had, so redo and undo meet the same rows. The database layer takes them and gives them back;
nothing above it reads tables or columns."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.domain.chronology import EntryFields
from dossier.domain.register import ActionFields


@dataclass(frozen=True, slots=True)
class PassageSaved:
    """Where a chronology entry or an action came from: a document, and a passage of it."""

    id: int
    document_id: int
    start: int | None
    end: int | None
    machine: bool = False  # an entry's source analysis found (a person's edits keep it)
    created_at: str = ""  # an action's source: when it was recorded


@dataclass(frozen=True, slots=True)
class EntrySnapshot:
    """A chronology entry as it was, with its sources."""

    id: int
    fields: EntryFields
    user_set: bool
    created_at: str
    event_kind: str
    sources: tuple[PassageSaved, ...]

    @property
    def key(self) -> str:
        return f"entry:{self.id}"


@dataclass(frozen=True, slots=True)
class EntryMerge:
    """What undoing a merge of two entries needs: the entry kept as it was, and the one merged into it."""

    kept: EntrySnapshot
    merged: EntrySnapshot


@dataclass(frozen=True, slots=True)
class ActionSnapshot:
    """An action as it was: its fields, the passage that set it, and its other sources."""

    id: int
    fields: ActionFields
    document_id: int | None
    start: int | None
    end: int | None
    created_at: str
    updated_at: str
    sources: tuple[PassageSaved, ...]
