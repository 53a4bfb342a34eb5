"""A person's edits of the chronology: own entries, edits, merges and splits, and what undoing
a deletion or a merge puts back."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import (
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from dossier.db.chronology.conflicts import refresh_conflicts
from dossier.db.chronology.entries import refresh_carried
from dossier.db.chronology.fields import (
    entry_of,
    field_values,
    fields_of,
    set_fields,
    split_actors,
)
from dossier.db.models import (
    ChronologyEntry,
)
from dossier.db.models import EntrySource as SourceRow
from dossier.domain.chronology import (
    EntryFields,
)
from dossier.domain.errors import NotFound
from dossier.domain.snapshots import EntryMerge, EntrySnapshot, PassageSaved


def add_entry(session: Session, fields: EntryFields, now: str) -> str:
    entry = ChronologyEntry(created_at=now, user_set=True)
    set_fields(entry, fields)
    session.add(entry)
    session.flush()
    return f"entry:{entry.id}"


def edit_entry(session: Session, key: str, fields: EntryFields) -> EntryFields:
    entry = entry_of(session, key)
    before = fields_of(entry)
    set_fields(entry, fields)
    entry.user_set = True
    refresh_carried(session, entries=[entry.id])
    refresh_conflicts(session, [entry.id])
    return before


def entry_snapshot(session: Session, key: str) -> EntrySnapshot:
    """An entry as it is, with its sources (its actors in the order stored)."""
    entry = entry_of(session, key)
    sources = tuple(PassageSaved(s.id, s.document_id, s.start, s.end, machine=s.machine) for s in session.scalars(
        select(SourceRow).where(SourceRow.entry_id == entry.id).order_by(SourceRow.id)))
    fields = replace(fields_of(entry), actors=tuple(n for n in entry.actors.split("; ") if n))
    return EntrySnapshot(entry.id, fields, entry.user_set, entry.created_at, entry.event_kind or "", sources)


def delete_entry(session: Session, key: str) -> EntrySnapshot:
    snapshot = entry_snapshot(session, key)
    session.execute(delete(ChronologyEntry).where(ChronologyEntry.id == snapshot.id))
    return snapshot


def restore_entry(session: Session, snapshot: EntrySnapshot) -> None:
    """Put an entry back as it was, with the same id, and its sources onto it."""
    if session.get(ChronologyEntry, snapshot.id) is None:
        session.execute(insert(ChronologyEntry).values(
            id=snapshot.id, created_at=snapshot.created_at, user_set=snapshot.user_set,
            event_kind=snapshot.event_kind, carried=False, conflicts_stale=False,
            **field_values(snapshot.fields)))  # carried and conflicts: refreshed below
    for source in snapshot.sources:
        if session.get(SourceRow, source.id) is None:
            session.execute(insert(SourceRow).values(id=source.id, entry_id=snapshot.id,
                                                     document_id=source.document_id, start=source.start,
                                                     end=source.end, machine=source.machine))
        else:
            session.execute(update(SourceRow).where(SourceRow.id == source.id).values(entry_id=snapshot.id))
    session.expire_all()
    refresh_carried(session, entries=[snapshot.id])
    refresh_conflicts(session, [snapshot.id])


def merge_entries(session: Session, keep: str, other: str) -> EntryMerge:
    kept, gone = entry_of(session, keep), entry_of(session, other)
    record = EntryMerge(kept=entry_snapshot(session, keep), merged=entry_snapshot(session, other))
    session.execute(update(SourceRow).where(SourceRow.entry_id == gone.id).values(entry_id=kept.id))
    kept.actors = "; ".join(sorted(split_actors(kept.actors) | split_actors(gone.actors)))
    kept.user_set = True
    session.delete(gone)
    session.flush()
    refresh_carried(session, entries=[kept.id])
    refresh_conflicts(session, [kept.id])
    return record


def unmerge(session: Session, record: EntryMerge) -> None:
    restore_entry(session, record.merged)
    kept = entry_of(session, record.kept.key)
    set_fields(kept, record.kept.fields)
    kept.user_set = record.kept.user_set
    refresh_carried(session, entries=[kept.id, record.merged.id])
    refresh_conflicts(session, [kept.id, record.merged.id])


def split_source(session: Session, key: str, document_id: int, now: str) -> str:
    entry = entry_of(session, key)
    moving = list(session.scalars(select(SourceRow).where(SourceRow.entry_id == entry.id,
                                                          SourceRow.document_id == document_id)))
    if not moving:
        raise NotFound(f"{key} has no source in D{document_id}.")
    new_key = add_entry(session, fields_of(entry), now)
    for source in moving:
        source.entry_id = int(new_key.split(":")[1])
    entry.user_set = True
    session.flush()
    refresh_carried(session, entries=[entry.id, int(new_key.split(":")[1])])
    refresh_conflicts(session, [entry.id, int(new_key.split(":")[1])])
    return new_key
