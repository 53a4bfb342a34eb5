"""The chronology: documents, dated references, actions and own entries, in date order. SQL stops here."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, exists, func, insert, null, or_, select, update
from sqlalchemy.orm import Session

from dossier.db.actors_repo import row_dict
from dossier.db.models import (
    Action,
    Actor,
    ChronologyEntry,
    ConflictResolution,
    Document,
    DocumentParty,
    EntryConflict,
    Paragraph,
)
from dossier.db.models import EntrySource as SourceRow
from dossier.domain.chronology import ChronologyRow, EntryFields, EntryKind, EntrySource
from dossier.domain.dates import PartialDate, Precision
from dossier.domain.errors import NotFound
from dossier.domain.findings import DateRole

RANK = {Precision.YEAR.value: 0, Precision.MONTH.value: 1, Precision.DAY.value: 2}
KIND_ORDER = {EntryKind.DOCUMENT: 0, EntryKind.EVENT: 1, EntryKind.DEADLINE: 2, EntryKind.OWN: 3}
CONFLICT_WINDOW_DAYS = 7  # two dates this close for one event are a misdating, not two events
_WORD = re.compile(r"[a-z]{4,}")


def _earliest(value: str) -> str:
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value


def _date(value, precision, qualifier=None, text=None, end_value=None) -> PartialDate | None:
    if not value or not precision:
        return None
    return PartialDate(value, precision, qualifier, text or "", end_value)


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def similar(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _names(actors: str) -> set[str]:
    return {n for n in actors.split("; ") if n}


def _entry(session: Session, key: str) -> ChronologyEntry:
    if not key.startswith("entry:"):
        raise ValueError(f"{key} is not an entry that can be edited")
    entry = session.get(ChronologyEntry, int(key.split(":")[1]))
    if entry is None:
        raise NotFound(f"There is no chronology entry {key}.")
    return entry


def _set_fields(entry: ChronologyEntry, fields: EntryFields) -> None:
    d = fields.date
    entry.kind = fields.kind.value
    entry.date_value = d.value if d else None
    entry.date_precision = d.precision.value if d else None
    entry.date_qualifier = d.qualifier.value if d and d.qualifier else None
    entry.date_text = d.text if d else None
    entry.date_end_value = d.end_value if d else None
    entry.date_sort = d.earliest().isoformat() if d else None
    entry.date_rank = RANK[d.precision.value] if d else None
    entry.description = fields.description
    entry.actors = "; ".join(fields.actors)


def fields_of(entry: ChronologyEntry) -> EntryFields:
    return EntryFields(
        date=_date(entry.date_value, entry.date_precision, entry.date_qualifier, entry.date_text,
                   entry.date_end_value),
        description=entry.description, kind=EntryKind(entry.kind), actors=tuple(sorted(_names(entry.actors))),
    )


# -- machine entries ----------------------------------------------------------------------------

def replace_machine_entries(session: Session, document_id: int, references: Sequence[Any], now: str, *,
                            refresh: bool = True) -> set[int]:
    """Refresh what analysis found in one document. Entries a person edited are left alone.

    Each reference joins an entry another document already gives for the same event (same kind and
    date, and a similar description or two actors in common), else it becomes an entry of its own.
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
        return set()
    wanted = []
    for ref in references:
        kind = EntryKind.DEADLINE if ref.found.role is DateRole.DEADLINE else EntryKind.EVENT
        wanted.append((ref, kind, " ".join(ref.found.sentence.split())[:2000]))
    # entries other documents give for the same kinds and dates: candidates to join, in one query
    candidates: dict[tuple[str, str, str], list[list[Any]]] = defaultdict(list)
    values = {ref.found.date.value for ref, _, _ in wanted}
    for entry_id, kind, value, precision, description, actors in session.execute(
            select(ChronologyEntry.id, ChronologyEntry.kind, ChronologyEntry.date_value,
                   ChronologyEntry.date_precision, ChronologyEntry.description, ChronologyEntry.actors)
            .where(ChronologyEntry.date_value.in_(values),
                   ~exists().where(SourceRow.entry_id == ChronologyEntry.id,
                                   SourceRow.document_id == document_id))):
        candidates[(kind, value, precision)].append([entry_id, description, _names(actors)])
    joined: list[tuple[Any, int]] = []  # (reference, existing entry id)
    fresh: list[tuple[Any, dict[str, Any]]] = []  # (reference, new entry row)
    columns = [c.key for c in ChronologyEntry.__table__.columns if c.key != "id"]
    for ref, kind, description in wanted:
        found, names = ref.found, set(ref.actors)
        same = next((c for c in candidates[(kind.value, found.date.value, found.date.precision.value)]
                     if similar(description, c[1]) >= 0.5 or len(names & c[2]) >= 2), None)
        if same is None:
            entry = ChronologyEntry(created_at=now, user_set=False)
            _set_fields(entry, EntryFields(found.date, description, kind, tuple(ref.actors)))
            fresh.append((ref, {c: getattr(entry, c) for c in columns}))
        else:
            same[2] |= names
            session.execute(update(ChronologyEntry).where(ChronologyEntry.id == same[0])
                            .values(actors="; ".join(sorted(same[2]))))
            joined.append((ref, same[0]))
    if fresh:
        ids = session.execute(insert(ChronologyEntry).returning(ChronologyEntry.id, sort_by_parameter_order=True),
                              [row for _, row in fresh]).scalars().all()
        joined += [(ref, entry_id) for (ref, _), entry_id in zip(fresh, ids, strict=True)]
    session.execute(insert(SourceRow), [
        {"entry_id": entry_id, "document_id": document_id, "start": ref.found.sentence_start,
         "end": ref.found.sentence_end, "machine": True} for ref, entry_id in joined])
    touched = {entry_id for _, entry_id in joined}
    if refresh:
        refresh_conflicts(session, touched)
    return touched


# -- listing --------------------------------------------------------------------------------------

def chronology_keys(session: Session, *, actor: str | None = None, kinds: Iterable[EntryKind] | None = None,
                    date_from: dt.date | None = None, date_to: dt.date | None = None, text: str = "") -> list[str]:
    """Every entry's key, in order: earliest bound, then precision, then kind; undated last."""
    kinds = {EntryKind(k) for k in kinds} if kinds is not None else set(EntryKind)
    lo = date_from.isoformat() if date_from else None
    hi = date_to.isoformat() if date_to else None
    like = f"%{actor.casefold()}%" if actor else None
    words = [f"%{w.casefold()}%" for w in text.split()]
    items: list[tuple[str, int, int, str]] = []
    conn = session.connection()  # Core rows: these queries return tens of thousands of keys

    if EntryKind.DOCUMENT in kinds:
        doc_sort = _earliest_sql(Document.date_value)
        stmt = select(Document.id, doc_sort, Document.date_precision)
        if like:
            stmt = stmt.where(exists().where(DocumentParty.document_id == Document.id,
                                             DocumentParty.actor_id == Actor.id, Actor.name_key.like(like)))
        for w in words:
            stmt = stmt.where(or_(func.lower(Document.title).like(w), func.lower(Document.file_name).like(w)))
        if lo:
            stmt = stmt.where(doc_sort >= lo)
        if hi:
            stmt = stmt.where(doc_sort <= hi)
        items.extend((sort or "9999", RANK.get(precision or "", 3), 0, f"doc:{doc_id}")
                     for doc_id, sort, precision in conn.execute(stmt))

    entry_kinds = [k.value for k in kinds if k is not EntryKind.DOCUMENT]
    if entry_kinds:
        stmt = select(ChronologyEntry.id, ChronologyEntry.date_sort, ChronologyEntry.date_rank,
                      ChronologyEntry.kind).where(ChronologyEntry.kind.in_(entry_kinds))
        # a deadline an accepted action already carries is shown once, as the action
        stmt = stmt.where(~exists().where(
            SourceRow.entry_id == ChronologyEntry.id, Action.document_id == SourceRow.document_id,
            Action.due_value == ChronologyEntry.date_value, Action.start <= SourceRow.end,
            Action.end >= SourceRow.start))
        if like:
            stmt = stmt.where(func.lower(ChronologyEntry.actors).like(like))
        for w in words:
            stmt = stmt.where(func.lower(ChronologyEntry.description).like(w))
        if lo:
            stmt = stmt.where(ChronologyEntry.date_sort >= lo)
        if hi:
            stmt = stmt.where(ChronologyEntry.date_sort <= hi)
        for entry_id, sort, rank, kind in conn.execute(stmt):
            items.append((sort or "9999", rank if rank is not None else 3, KIND_ORDER[EntryKind(kind)],
                          f"entry:{entry_id}"))

    if EntryKind.DEADLINE in kinds:  # when each action is due
        items.extend(_action_keys(conn, Action.due_value, Action.due_precision, "due", like, words, lo, hi))
    if EntryKind.EVENT in kinds:  # when each action was set
        items.extend(_action_keys(conn, Action.set_value, Action.set_precision, "set", like, words, lo, hi))
    items.sort()
    return [i[3] for i in items]


def _earliest_sql(value: Any) -> Any:
    """The earliest bound of a partial ISO value in SQL: "2014" -> "2014-01-01", "2014-03" -> "2014-03-01"."""
    return value + func.substr("-01-01", func.length(value) - 3)


def _action_keys(conn: Any, value: Any, precision: Any, part: str, like: str | None, words: list[str],
                 lo: str | None, hi: str | None) -> list[tuple[str, int, int, str]]:
    """Sort items for one of an action's dates ("due" or "set"), filtered like the other entries."""
    sort_value = _earliest_sql(value)
    stmt = select(Action.id, sort_value, precision).where(value.is_not(None))
    if like:
        stmt = stmt.where(exists().where(Actor.id == Action.owner_id, Actor.name_key.like(like)))
    for w in words:
        stmt = stmt.where(func.lower(Action.summary).like(w))
    if lo:
        stmt = stmt.where(sort_value >= lo)
    if hi:
        stmt = stmt.where(sort_value <= hi)
    order = KIND_ORDER[EntryKind.DEADLINE if part == "due" else EntryKind.EVENT]
    return [(sort, RANK[p], order, f"action:{action_id}:{part}") for action_id, sort, p in conn.execute(stmt)]


def _sources(session: Session, pairs: Sequence[tuple[int, int | None, int | None]],
             titles: dict[int, tuple[str, str | None]] | None = None) -> list[EntrySource]:
    out = []
    for doc_id, start, end in pairs:
        doc = titles.get(doc_id) if titles is not None else session.execute(
            select(Document.file_name, Document.title).where(Document.id == doc_id)).first()
        if doc is None:
            continue
        para = page = None
        if start is not None:
            row = session.execute(select(Paragraph.number, Paragraph.page).where(
                Paragraph.document_id == doc_id, Paragraph.start <= start).order_by(Paragraph.start.desc())
                .limit(1)).first()
            if row:
                para, page = row
        out.append(EntrySource(doc_id, doc[0], doc[1] or doc[0], para, page, start, end))
    return out


def chronology_rows(session: Session, keys: Sequence[str]) -> list[ChronologyRow]:
    rows: dict[str, ChronologyRow] = {}
    doc_ids = [int(k[4:]) for k in keys if k.startswith("doc:")]
    entry_ids = [int(k[6:]) for k in keys if k.startswith("entry:")]
    action_ids = [int(k.split(":")[1]) for k in keys if k.startswith("action:")]
    if doc_ids:
        parties: dict[int, list[str]] = defaultdict(list)
        for doc_id, name in session.execute(
                select(DocumentParty.document_id, Actor.name).join(Actor, Actor.id == DocumentParty.actor_id)
                .where(DocumentParty.document_id.in_(doc_ids)).order_by(DocumentParty.position)):
            parties[doc_id].append(name)
        for d in session.scalars(select(Document).where(Document.id.in_(doc_ids))):
            date = _date(d.date_value, d.date_precision, d.date_qualifier, d.date_text)
            title = d.title or d.file_name
            rows[f"doc:{d.id}"] = ChronologyRow(
                key=f"doc:{d.id}", date=date, description=f"{d.kind.capitalize()}: {title}",
                kind=EntryKind.DOCUMENT, actors=tuple(parties[d.id]),
                sources=(EntrySource(d.id, d.file_name, title),))
    if entry_ids:
        sources: dict[int, list[tuple[int, int | None, int | None]]] = defaultdict(list)
        for entry_id, doc_id, start, end in session.execute(
                select(SourceRow.entry_id, SourceRow.document_id, SourceRow.start, SourceRow.end)
                .where(SourceRow.entry_id.in_(entry_ids)).order_by(SourceRow.document_id)):
            sources[entry_id].append((doc_id, start, end))
        entries = list(session.scalars(select(ChronologyEntry).where(ChronologyEntry.id.in_(entry_ids))))
        doc_ids_needed = {d for pairs in sources.values() for d, _, _ in pairs}
        titles = {i: (f, t) for i, f, t in session.execute(
            select(Document.id, Document.file_name, Document.title).where(Document.id.in_(doc_ids_needed)))}
        conflicts = _conflicts(session, entry_ids)
        resolved = _resolutions(session)
        for e in entries:
            key = f"entry:{e.id}"
            others = tuple(k for k in conflicts.get(e.id, ()) if tuple(sorted((key, k))) not in resolved)
            notes = [resolved[tuple(sorted((key, k)))] for k in conflicts.get(e.id, ())
                     if tuple(sorted((key, k))) in resolved]
            f = fields_of(e)
            rows[key] = ChronologyRow(
                key=key, date=f.date, description=e.description, kind=f.kind, actors=f.actors,
                sources=tuple(_sources(session, sources[e.id], titles)), conflict=bool(others),
                conflict_with=others,
                conflict_note="; ".join(n for n in notes if n) or None, editable=True)
    if action_ids:
        for a, owner in session.execute(select(Action, Actor.name).outerjoin(Actor, Actor.id == Action.owner_id)
                                        .where(Action.id.in_(action_ids))):
            srcs = tuple(_sources(session, [(a.document_id, a.start, a.end)]) if a.document_id else [])
            actors = (owner,) if owner else ()
            due_key, set_key = f"action:{a.id}:due", f"action:{a.id}:set"
            rows[due_key] = ChronologyRow(
                key=due_key, date=_date(a.due_value, a.due_precision, a.due_qualifier, a.due_text),
                description=f"Due ({a.type}, {a.status}): {a.summary}", kind=EntryKind.DEADLINE,
                actors=actors, sources=srcs)
            rows[set_key] = ChronologyRow(
                key=set_key, date=_date(a.set_value, a.set_precision, None, a.set_text),
                description=f"{a.type.capitalize()} set: {a.summary}", kind=EntryKind.EVENT,
                actors=actors, sources=srcs)
    return [rows[k] for k in keys if k in rows]


CONFLICT_SEARCH_DAYS = 31 + CONFLICT_WINDOW_DAYS  # a month-precision date, plus the window


def refresh_conflicts(session: Session, entry_ids: Iterable[int]) -> None:
    """Recompute the conflicts of some entries against the whole chronology.

    Two events conflict when they look like one event (two actors in common, or one and similar
    words), come from different documents, and are dated apart by no more than a week. Candidates
    are found by date window and actor, so this stays cheap on a large dossier.
    """
    ids = list(set(entry_ids))
    if not ids:
        return
    session.flush()
    session.execute(delete(EntryConflict).where(or_(EntryConflict.entry_a.in_(ids), EntryConflict.entry_b.in_(ids))))
    mine: list[tuple[ChronologyEntry, PartialDate, set[str]]] = []
    for e in session.scalars(select(ChronologyEntry).where(ChronologyEntry.id.in_(ids))):
        date, names = fields_of(e).date, _names(e.actors)
        if e.kind == EntryKind.EVENT.value and date is not None and date.precision is not Precision.YEAR and names:
            mine.append((e, date, names))
    found: list[tuple[int, int]] = []
    mine.sort(key=lambda m: m[1].earliest())
    chunk: list[tuple[ChronologyEntry, PartialDate, set[str]]] = []
    for item in [*mine, None]:
        if item is not None and (not chunk or (item[1].earliest() - chunk[0][1].earliest()).days <= 62):
            chunk.append(item)
            continue
        if chunk:
            found += _conflicts_in_window(session, chunk)
        chunk = [item] if item is not None else []
    if not found:
        return
    # events from the same document are not a conflict: one query for every source involved
    involved = list({i for pair in found for i in pair})
    docs: dict[int, set[int]] = defaultdict(set)
    for entry_id, doc_id in session.execute(select(SourceRow.entry_id, SourceRow.document_id)
                                            .where(SourceRow.entry_id.in_(involved))):
        docs[entry_id].add(doc_id)
    pairs = {(min(a, b), max(a, b)) for a, b in found if not docs[a] & docs[b]}
    if pairs:
        session.execute(insert(EntryConflict), [{"entry_a": a, "entry_b": b} for a, b in sorted(pairs)])


def _conflicts_in_window(session: Session, mine: list[tuple[ChronologyEntry, PartialDate, set[str]]]
                         ) -> list[tuple[int, int]]:
    """Conflicts of some events close in time: one query for the candidates of all of them."""
    lo = (min(d.earliest() for _, d, _ in mine) - dt.timedelta(days=CONFLICT_SEARCH_DAYS)).isoformat()
    hi = (max(d.latest() for _, d, _ in mine) + dt.timedelta(days=CONFLICT_SEARCH_DAYS)).isoformat()
    all_names = set().union(*(names for _, _, names in mine))
    candidates = [(c, fields_of(c).date, _names(c.actors)) for c in session.scalars(select(ChronologyEntry).where(
        ChronologyEntry.kind == EntryKind.EVENT.value, ChronologyEntry.date_sort.between(lo, hi),
        or_(*[ChronologyEntry.actors.contains(n, autoescape=True) for n in all_names])))]
    found = []
    for e, date, names in mine:
        for c, theirs, their_names in candidates:
            if c.id == e.id or theirs is None or _overlap(date, theirs) \
                    or _gap_days(date, theirs) > CONFLICT_WINDOW_DAYS:
                continue
            shared = len(names & their_names)
            if shared >= 2 or (shared == 1 and similar(e.description, c.description) >= 0.3):
                found.append((e.id, c.id))
    return found


def _conflicts(session: Session, entry_ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for a, b in session.execute(select(EntryConflict.entry_a, EntryConflict.entry_b).where(
            or_(EntryConflict.entry_a.in_(entry_ids), EntryConflict.entry_b.in_(entry_ids)))):
        out[a].append(f"entry:{b}")
        out[b].append(f"entry:{a}")
    return out


def _overlap(a: PartialDate, b: PartialDate) -> bool:
    return a.earliest() <= b.latest() and b.earliest() <= a.latest()


def _gap_days(a: PartialDate, b: PartialDate) -> int:
    first, second = (a, b) if a.earliest() <= b.earliest() else (b, a)
    return (second.earliest() - first.latest()).days


def _resolutions(session: Session) -> dict[tuple[str, str], str]:
    return {(r.key_a, r.key_b): r.note for r in session.scalars(select(ConflictResolution))}


def actor_names(session: Session) -> list[str]:
    names: set[str] = set()
    for (actors,) in session.execute(select(ChronologyEntry.actors).distinct()):
        names |= _names(actors)
    names |= set(session.scalars(select(Actor.name)))
    return sorted(names, key=str.casefold)


# -- editing --------------------------------------------------------------------------------------

def add_entry(session: Session, fields: EntryFields, now: str) -> str:
    entry = ChronologyEntry(created_at=now, user_set=True)
    _set_fields(entry, fields)
    session.add(entry)
    session.flush()
    return f"entry:{entry.id}"


def edit_entry(session: Session, key: str, fields: EntryFields) -> EntryFields:
    entry = _entry(session, key)
    before = fields_of(entry)
    _set_fields(entry, fields)
    entry.user_set = True
    refresh_conflicts(session, [entry.id])
    return before


def entry_snapshot(session: Session, key: str) -> dict[str, Any]:
    entry = _entry(session, key)
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
    refresh_conflicts(session, [entry_id])


def merge_entries(session: Session, keep: str, other: str) -> dict[str, Any]:
    kept, gone = _entry(session, keep), _entry(session, other)
    snapshot = {"keep": keep, "keep_fields": row_dict(kept), **entry_snapshot(session, other)}
    session.execute(update(SourceRow).where(SourceRow.entry_id == gone.id).values(entry_id=kept.id))
    kept.actors = "; ".join(sorted(_names(kept.actors) | _names(gone.actors)))
    kept.user_set = True
    session.delete(gone)
    session.flush()
    refresh_conflicts(session, [kept.id])
    return snapshot


def unmerge(session: Session, record: dict[str, Any]) -> None:
    restore_entry(session, record)
    kept = _entry(session, record["keep"])
    for key, value in record["keep_fields"].items():
        setattr(kept, key, value)
    refresh_conflicts(session, [kept.id, record["entry"]["id"]])


def split_source(session: Session, key: str, document_id: int, now: str) -> str:
    entry = _entry(session, key)
    moving = list(session.scalars(select(SourceRow).where(SourceRow.entry_id == entry.id,
                                                          SourceRow.document_id == document_id)))
    if not moving:
        raise NotFound(f"{key} has no source in D{document_id}.")
    new_key = add_entry(session, fields_of(entry), now)
    for source in moving:
        source.entry_id = int(new_key.split(":")[1])
    entry.user_set = True
    session.flush()
    refresh_conflicts(session, [entry.id, int(new_key.split(":")[1])])
    return new_key


def resolve_conflict(session: Session, key: str, other: str, note: str, now: str) -> None:
    a, b = sorted((key, other))
    if session.scalar(select(ConflictResolution.id).where(ConflictResolution.key_a == a,
                                                          ConflictResolution.key_b == b)) is None:
        session.add(ConflictResolution(key_a=a, key_b=b, note=note, resolved_at=now))


def unresolve_conflict(session: Session, key: str, other: str) -> None:
    a, b = sorted((key, other))
    session.execute(delete(ConflictResolution).where(ConflictResolution.key_a == a, ConflictResolution.key_b == b))


def document_references(session: Session, document_id: int) -> list[tuple[str, PartialDate]]:
    """(kind, date) of the entries a document is a source of."""
    stmt = (select(ChronologyEntry).join(SourceRow, SourceRow.entry_id == ChronologyEntry.id)
            .where(SourceRow.document_id == document_id))
    return [(e.kind, fields_of(e).date) for e in session.scalars(stmt) if e.date_value]


def chronology_dates(session: Session, keys: Sequence[str]) -> list[PartialDate | None]:
    """Only the dates of some entries, in the order given (what grouping by month needs)."""
    found: dict[str, PartialDate | None] = {}
    by_kind: dict[str, list[int]] = defaultdict(list)
    for key in keys:
        kind, _, rest = key.partition(":")
        number, _, part = rest.partition(":")
        by_kind[f"{kind}:{part}" if part else kind].append(int(number))
    queries = {
        "doc": (Document.id, Document.date_value, Document.date_precision, Document.date_qualifier,
                Document.date_text, None),
        "entry": (ChronologyEntry.id, ChronologyEntry.date_value, ChronologyEntry.date_precision,
                  ChronologyEntry.date_qualifier, ChronologyEntry.date_text, ChronologyEntry.date_end_value),
        "action:due": (Action.id, Action.due_value, Action.due_precision, Action.due_qualifier, Action.due_text,
                       None),
        "action:set": (Action.id, Action.set_value, Action.set_precision, null(), Action.set_text, None),
    }
    conn = session.connection()
    for kind, ids in by_kind.items():
        columns = [c for c in queries[kind] if c is not None]
        for i in range(0, len(ids), 900):
            for row in conn.execute(select(*columns).where(columns[0].in_(ids[i:i + 900]))):
                prefix, _, part = kind.partition(":")
                key = f"{prefix}:{row[0]}" + (f":{part}" if part else "")
                found[key] = _date(*row[1:])
    return [found.get(k) for k in keys]
