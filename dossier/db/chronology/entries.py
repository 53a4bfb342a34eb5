"""Writing the entries analysis finds (machine entries), and which deadlines an action carries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    and_,
    case,
    delete,
    exists,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from dossier.db.chronology.conflicts import refresh_conflicts
from dossier.db.chronology.fields import (
    chunks,
    field_values,
    split_actors,
)
from dossier.db.models import (
    Action,
    ChronologyEntry,
)
from dossier.db.models import EntrySource as SourceRow
from dossier.domain.chronology import (
    EntryFields,
    EntryKind,
)
from dossier.domain.conflicts import (
    same_event,
)
from dossier.domain.findings import DateRole


def replace_machine_entries(session: Session, document_id: int, references: Sequence[Any], now: str, *,
                            refresh: bool = True) -> set[int]:
    """Refresh what analysis found in one document. Entries a person edited are left alone.

    Each reference joins an entry another document already gives for the same event (same kind and
    date, and a similar description, a passage one quotes from the other, or two actors in common),
    else it becomes an entry of its own.
    Returns the entries touched; with refresh=False the caller refreshes their conflicts later
    (a batch import does it once for many documents).
    """
    old = list(session.scalars(select(SourceRow.entry_id).where(
        SourceRow.document_id == document_id, SourceRow.machine.is_(True))))
    if old:
        session.execute(delete(SourceRow).where(SourceRow.document_id == document_id, SourceRow.machine.is_(True)))
        orphans = select(ChronologyEntry.id).where(
            ChronologyEntry.id.in_(old), ChronologyEntry.user_set.is_(False),
            ~exists().where(SourceRow.entry_id == ChronologyEntry.id))
        session.execute(delete(ChronologyEntry).where(ChronologyEntry.id.in_(orphans)))
    if not references:
        refresh_carried(session, documents=[document_id], entries=old)  # old: if another still gives them
        return set()
    wanted = []
    for ref in references:
        kind = EntryKind.DEADLINE if ref.found.role is DateRole.DEADLINE else EntryKind.EVENT
        description = getattr(ref, "description", "") or " ".join(ref.found.sentence.split())
        wanted.append((ref, kind, description[:2000]))
    # entries other documents give for the same kinds and dates: candidates to join, in one query
    candidates: dict[tuple[str, str | None, str | None], list[list[Any]]] = defaultdict(list)
    values = {ref.found.date.value for ref, _, _ in wanted}
    for entry_id, row_kind, value, precision, description, actors in session.execute(
            select(ChronologyEntry.id, ChronologyEntry.kind, ChronologyEntry.date_value,
                   ChronologyEntry.date_precision, ChronologyEntry.description, ChronologyEntry.actors)
            .where(ChronologyEntry.date_value.in_(values),
                   ~exists().where(SourceRow.entry_id == ChronologyEntry.id,
                                   SourceRow.document_id == document_id))):
        candidates[(row_kind, value, precision)].append([entry_id, description, split_actors(actors)])
    joined: list[tuple[Any, int]] = []  # (reference, existing entry id)
    fresh: list[tuple[Any, dict[str, Any]]] = []  # (reference, new entry row)
    named: dict[int, str] = {}  # existing entries joined: their actors, with this letter's added
    for ref, kind, description in wanted:
        found, names = ref.found, set(ref.actors)
        same = next((c for c in candidates[(kind.value, found.date.value, found.date.precision.value)]
                     if same_event(description, names, c[1], c[2])), None)
        if same is None:
            row = field_values(EntryFields(found.date, description, kind, tuple(ref.actors)))
            row["event_kind"] = getattr(ref, "event_kind", "") or ""
            # with refresh=False, marked for the batch's refresh as it is written (crash-safe)
            fresh.append((ref, row | {"created_at": now, "user_set": False, "carried": False,
                                      "conflicts_stale": not refresh}))
        else:
            same[2] |= names
            named[same[0]] = "; ".join(sorted(same[2]))
            joined.append((ref, same[0]))
    if named:  # one statement for them all
        session.execute(update(ChronologyEntry), [{"id": i, "actors": names, "conflicts_stale": True}
                                                  if not refresh else {"id": i, "actors": names}
                                                  for i, names in named.items()])
    if fresh:
        ids = session.execute(insert(ChronologyEntry).returning(ChronologyEntry.id, sort_by_parameter_order=True),
                              [row for _, row in fresh]).scalars().all()
        joined += [(ref, entry_id) for (ref, _), entry_id in zip(fresh, ids, strict=True)]
    session.execute(insert(SourceRow), [
        {"entry_id": entry_id, "document_id": document_id, "start": ref.found.sentence_start,
         "end": ref.found.sentence_end, "machine": True} for ref, entry_id in joined])
    touched = {entry_id for _, entry_id in joined}
    if session.scalar(select(exists().where(Action.document_id == document_id))):
        # (a document with no action can neither carry its deadlines nor stop carrying others':
        # so a letter being filed, whose actions are still suggestions, costs nothing here)
        refresh_carried(session, documents=[document_id], entries=old)
    if refresh:
        refresh_conflicts(session, touched)
    # else every entry touched was marked stale as it was written, so a crash before the batch's
    # refresh loses nothing
    return touched


def stale_entries(session: Session) -> set[int]:
    """Entries whose conflicts a batch import left to refresh (after a crash, say)."""
    return set(session.scalars(select(ChronologyEntry.id).where(ChronologyEntry.conflicts_stale.is_(True))))


def refresh_carried(session: Session, *, documents: Iterable[int | None] = (), entries: Iterable[int] = ()) -> None:
    """Mark which deadlines an action carries (the same document and due date, and passages that
    overlap), among the entries with a source in these documents and these entries. The listing
    shows a carried deadline once, as the action. Every write that moves an action, a source or an
    entry's date calls this for what it touched."""
    session.flush()
    carried = case((and_(ChronologyEntry.kind == EntryKind.DEADLINE.value, exists().where(
        SourceRow.entry_id == ChronologyEntry.id, Action.document_id == SourceRow.document_id,
        Action.due_value == ChronologyEntry.date_value, Action.start <= SourceRow.end,
        Action.end >= SourceRow.start)), True), else_=False)
    doc_ids = sorted({d for d in documents if d is not None})
    entry_ids = sorted(set(entries))
    for chunk in chunks(doc_ids):
        session.execute(update(ChronologyEntry).where(ChronologyEntry.id.in_(
            select(SourceRow.entry_id).where(SourceRow.document_id.in_(chunk)))).values(carried=carried)
            .execution_options(synchronize_session=False))
    for chunk in chunks(entry_ids):
        session.execute(update(ChronologyEntry).where(ChronologyEntry.id.in_(chunk)).values(carried=carried)
                        .execution_options(synchronize_session=False))
