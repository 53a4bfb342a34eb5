"""A person's edits of the chronology: own entries, edits, merges and splits, and what undoing
a deletion or a merge puts back."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from dossier.db.actors_repo import row_dict
from dossier.db.chronology.conflicts import refresh_conflicts
from dossier.db.chronology.entries import refresh_carried
from dossier.db.chronology.fields import (
    entry_of,
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


def entry_snapshot(session: Session, key: str) -> dict[str, Any]:
    entry = entry_of(session, key)
    sources = [row_dict(s) for s in session.scalars(select(SourceRow).where(SourceRow.entry_id == entry.id))]
    return {"entry": row_dict(entry), "sources": sources}


def delete_entry(session: Session, key: str) -> dict[str, Any]:
    snapshot = entry_snapshot(session, key)
    session.execute(delete(ChronologyEntry).where(ChronologyEntry.id == snapshot["entry"]["id"]))
    return snapshot


def restore_entry(session: Session, snapshot: dict[str, Any]) -> None:
    entry_id = snapshot["entry"]["id"]
    if session.get(ChronologyEntry, entry_id) is None:
        session.execute(insert(ChronologyEntry).values(**snapshot["entry"]))
    for source in snapshot["sources"]:
        if session.get(SourceRow, source["id"]) is None:
            session.execute(insert(SourceRow).values(**source))
        else:
            session.execute(update(SourceRow).where(SourceRow.id == source["id"]).values(entry_id=entry_id))
    session.expire_all()
    refresh_carried(session, entries=[entry_id])
    refresh_conflicts(session, [entry_id])


def merge_entries(session: Session, keep: str, other: str) -> dict[str, Any]:
    kept, gone = entry_of(session, keep), entry_of(session, other)
    snapshot = {"keep": keep, "keep_fields": row_dict(kept), **entry_snapshot(session, other)}
    session.execute(update(SourceRow).where(SourceRow.entry_id == gone.id).values(entry_id=kept.id))
    kept.actors = "; ".join(sorted(split_actors(kept.actors) | split_actors(gone.actors)))
    kept.user_set = True
    session.delete(gone)
    session.flush()
    refresh_carried(session, entries=[kept.id])
    refresh_conflicts(session, [kept.id])
    return snapshot


def unmerge(session: Session, record: dict[str, Any]) -> None:
    restore_entry(session, record)
    kept = entry_of(session, record["keep"])
    for key, value in record["keep_fields"].items():
        setattr(kept, key, value)
    refresh_carried(session, entries=[kept.id, record["entry"]["id"]])
    refresh_conflicts(session, [kept.id, record["entry"]["id"]])


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
