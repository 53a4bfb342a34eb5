"""Conflicts between entries: the candidates (by date window and actor) found and the pairs the
domain's rule (domain.conflicts) flags stored; and the conflicts a person marked resolved."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import (
    and_,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from dossier.db.chronology.fields import (
    chunks,
    fields_of,
    split_actors,
)
from dossier.db.models import (
    Actor,
    ChronologyEntry,
    ConflictResolution,
    DocumentParty,
    EntryConflict,
)
from dossier.db.models import EntrySource as SourceRow
from dossier.domain.chronology import (
    EntryKind,
)
from dossier.domain.conflicts import (
    CONFLICT_BATCH_DAYS,
    Account,
    may_conflict,
    one_event_dated_differently,
    search_window,
)
from dossier.domain.dates import PartialDate


def refresh_conflicts(session: Session, entry_ids: Iterable[int]) -> None:
    """Recompute the conflicts of some entries against the whole chronology.

    Whether two events are one event dated differently is a domain rule
    (domain.conflicts); here the candidates are found by date window and actor, with
    the documents and writers of each, so this stays cheap on a large dossier.
    """
    ids = list(set(entry_ids))
    if not ids:
        return
    session.flush()
    session.execute(update(ChronologyEntry).where(ChronologyEntry.id.in_(ids), ChronologyEntry.conflicts_stale.is_(True))
                    .values(conflicts_stale=False))
    session.execute(delete(EntryConflict).where(or_(EntryConflict.entry_a.in_(ids), EntryConflict.entry_b.in_(ids))))
    mine: list[tuple[ChronologyEntry, PartialDate, set[str]]] = []
    for e in session.scalars(select(ChronologyEntry).where(ChronologyEntry.id.in_(ids))):
        date, names = fields_of(e).date, split_actors(e.actors)
        if date is not None and may_conflict(e.kind, date, names):
            mine.append((e, date, names))
    found: set[tuple[int, int]] = set()
    mine.sort(key=lambda m: m[1].earliest())
    chunk: list[tuple[ChronologyEntry, PartialDate, set[str]]] = []
    for item in [*mine, None]:
        if item is not None and (not chunk or (item[1].earliest() - chunk[0][1].earliest()).days <= CONFLICT_BATCH_DAYS):
            chunk.append(item)
            continue
        if chunk:
            found |= _conflicts_in_window(session, chunk)
        chunk = [item] if item is not None else []
    if found:
        session.execute(insert(EntryConflict), [{"entry_a": a, "entry_b": b} for a, b in sorted(found)])


def _accounts(session: Session, entries: Sequence[ChronologyEntry]) -> dict[int, Account]:
    """Entries as accounts of events: with the documents they come from and those documents' senders."""
    ids = [e.id for e in entries]
    docs: dict[int, set[int]] = defaultdict(set)
    writers: dict[int, set[str]] = defaultdict(set)
    for chunk in chunks(ids):
        for entry_id, doc_id, sender in session.execute(
                select(SourceRow.entry_id, SourceRow.document_id, Actor.name)
                .outerjoin(DocumentParty, and_(DocumentParty.document_id == SourceRow.document_id,
                                               DocumentParty.role == "sender"))
                .outerjoin(Actor, Actor.id == DocumentParty.actor_id)
                .where(SourceRow.entry_id.in_(chunk))):
            docs[entry_id].add(doc_id)
            if sender:
                writers[entry_id].add(sender)
    out = {}
    for e in entries:
        date = fields_of(e).date
        if date is not None:
            out[e.id] = Account(date, e.description, frozenset(split_actors(e.actors)), frozenset(docs[e.id]),
                                frozenset(writers[e.id]), e.event_kind or "")
    return out


def _conflicts_in_window(session: Session, mine: list[tuple[ChronologyEntry, PartialDate, set[str]]]
                         ) -> set[tuple[int, int]]:
    """Conflicts of some events close in time: one query for the candidates of all of them."""
    lo, hi = (d.isoformat() for d in search_window([d for _, d, _ in mine]))
    all_names = set().union(*(names for _, _, names in mine))
    candidates = list(session.scalars(select(ChronologyEntry).where(
        ChronologyEntry.kind == EntryKind.EVENT.value, ChronologyEntry.date_sort.between(lo, hi),
        or_(*[ChronologyEntry.actors.contains(n, autoescape=True) for n in all_names]))))
    accounts = _accounts(session, [*candidates, *(e for e, _, _ in mine)])
    found = set()
    for e, _, _ in mine:
        for c in candidates:
            if c.id != e.id and c.id in accounts and one_event_dated_differently(accounts[e.id], accounts[c.id]):
                found.add((min(e.id, c.id), max(e.id, c.id)))
    return found


def conflicts_of(session: Session, entry_ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for a, b in session.execute(select(EntryConflict.entry_a, EntryConflict.entry_b).where(
            or_(EntryConflict.entry_a.in_(entry_ids), EntryConflict.entry_b.in_(entry_ids)))):
        out[a].append(f"entry:{b}")
        out[b].append(f"entry:{a}")
    return out


def resolutions(session: Session, keys: Sequence[str]) -> dict[tuple[str, str], str]:
    """The notes of resolved conflicts that involve some of these keys."""
    return {(a, b): note for a, b, note in session.execute(
        select(ConflictResolution.key_a, ConflictResolution.key_b, ConflictResolution.note)
        .where(or_(ConflictResolution.key_a.in_(keys), ConflictResolution.key_b.in_(keys))))}


def resolve_conflict(session: Session, key: str, other: str, note: str, now: str) -> None:
    a, b = sorted((key, other))
    if session.scalar(select(ConflictResolution.id).where(ConflictResolution.key_a == a,
                                                          ConflictResolution.key_b == b)) is None:
        session.add(ConflictResolution(key_a=a, key_b=b, note=note, resolved_at=now))


def unresolve_conflict(session: Session, key: str, other: str) -> None:
    a, b = sorted((key, other))
    session.execute(delete(ConflictResolution).where(ConflictResolution.key_a == a, ConflictResolution.key_b == b))
