"""Actions and suggestions. SQL stops here."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, case, delete, func, insert, select, update
from sqlalchemy.orm import Session, aliased

from dossier.db.chronology.entries import refresh_carried
from dossier.db.models import Action, ActionSource, Actor, Document, Paragraph, Rejection, Suggestion
from dossier.domain.dates import PartialDate, Precision, Qualifier
from dossier.domain.errors import NotFound
from dossier.domain.findings import ActionStatus, ActionType
from dossier.domain.register import ActionFields, ActionRow, ActionSourceRef, SuggestionRow
from dossier.domain.snapshots import ActionSnapshot, PassageSaved

ACTION_SORT_KEYS = ("due", "owner", "type", "status", "set")


def _date(value: str | None, precision: str | None, qualifier: str | None = None,
          text: str | None = None) -> PartialDate | None:
    if not value or not precision:
        return None
    return PartialDate(value, Precision(precision), Qualifier(qualifier) if qualifier else None, text or "")


def _action(session: Session, action_id: int) -> Action:
    action = session.get(Action, action_id)
    if action is None:
        raise NotFound(f"There is no action {action_id} in this dossier.")
    return action


# -- actions -------------------------------------------------------------------------------------

def fields_of(session: Session, action_id: int) -> ActionFields:
    a = _action(session, action_id)
    return ActionFields(
        type=ActionType(a.type), summary=a.summary, owner_id=a.owner_id, addressed_to_id=a.addressed_to_id,
        due=_date(a.due_value, a.due_precision, a.due_qualifier, a.due_text),
        set_date=_date(a.set_value, a.set_precision, None, a.set_text),
        status=ActionStatus(a.status), status_note=a.status_note, status_document_id=a.status_document_id,
    )


def _apply(a: Action, f: ActionFields, now: str) -> None:
    a.type = f.type.value
    a.summary = f.summary
    a.owner_id = f.owner_id
    a.addressed_to_id = f.addressed_to_id
    a.due_value = f.due.value if f.due else None
    a.due_precision = f.due.precision.value if f.due else None
    a.due_qualifier = f.due.qualifier.value if f.due and f.due.qualifier else None
    a.due_text = f.due.text if f.due else None
    a.due_latest = f.due.latest().isoformat() if f.due else None
    a.set_value = f.set_date.value if f.set_date else None
    a.set_precision = f.set_date.precision.value if f.set_date else None
    a.set_text = f.set_date.text if f.set_date else None
    a.status = f.status.value
    a.status_note = f.status_note
    a.status_document_id = f.status_document_id
    a.updated_at = now


def create_action(session: Session, fields: ActionFields, *, document_id: int | None, start: int | None,
                  end: int | None, now: str) -> int:
    a = Action(document_id=document_id, start=start, end=end, created_at=now)
    _apply(a, fields, now)
    session.add(a)
    session.flush()
    refresh_carried(session, documents=[document_id])
    return a.id


def insert_action(session: Session, fields: ActionFields, *, document_id: int | None, start: int | None,
                  end: int | None, now: str) -> int:
    """`create_action` in one INSERT, leaving the carried deadlines to the caller: call
    `refresh_carried` for the actions' documents before the transaction ends."""
    a = Action(document_id=document_id, start=start, end=end, created_at=now)
    _apply(a, fields, now)
    values = {c.key: getattr(a, c.key) for c in Action.__table__.columns if c.key != "id"}
    table = Action.__table__
    return session.execute(insert(table).returning(table.c.id), values).scalar_one()


def refresh_carried_for(session: Session, action_ids: Sequence[int]) -> None:
    """Mark the deadlines these actions carry (see `refresh_carried`), their documents at once."""
    ids = sorted(set(action_ids))
    documents: set[int] = set()
    for first in range(0, len(ids), 500):
        documents.update(d for d in session.scalars(select(Action.document_id).where(
            Action.id.in_(ids[first:first + 500]))) if d is not None)
    refresh_carried(session, documents=documents)


def write_fields(session: Session, action_id: int, fields: ActionFields, now: str) -> None:
    action = _action(session, action_id)
    _apply(action, fields, now)
    refresh_carried(session, documents=[action.document_id])


def action_snapshot(session: Session, action_id: int) -> ActionSnapshot:
    """An action as it is, with its sources: what undoing its deletion puts back."""
    a = _action(session, action_id)
    sources = tuple(PassageSaved(s.id, s.document_id, s.start, s.end, created_at=s.created_at)
                    for s in session.scalars(select(ActionSource).where(ActionSource.action_id == action_id)
                                             .order_by(ActionSource.id)))
    return ActionSnapshot(a.id, fields_of(session, action_id), a.document_id, a.start, a.end, a.created_at,
                          a.updated_at, sources)


def delete_action(session: Session, action_id: int) -> None:
    document_id = session.scalar(select(Action.document_id).where(Action.id == action_id))
    session.execute(delete(Action).where(Action.id == action_id))
    refresh_carried(session, documents=[document_id])


def restore_action(session: Session, snapshot: ActionSnapshot) -> None:
    """Put an action back as it was, with the same id and its sources."""
    if session.get(Action, snapshot.id) is None:
        a = Action(id=snapshot.id, document_id=snapshot.document_id, start=snapshot.start, end=snapshot.end,
                   created_at=snapshot.created_at)
        _apply(a, snapshot.fields, snapshot.updated_at)
        session.add(a)
        session.flush()
        if snapshot.sources:
            session.execute(insert(ActionSource), [
                {"id": s.id, "action_id": snapshot.id, "document_id": s.document_id, "start": s.start,
                 "end": s.end, "created_at": s.created_at} for s in snapshot.sources])
        refresh_carried(session, documents=[snapshot.document_id])


# -- one action, several sources -------------------------------------------------------------------

def restatable(session: Session, owner_id: int, due: PartialDate) -> list[tuple[int, str, int | None, int | None]]:
    """The open actions a restated deadline may be: the same owner and due date.
    (id, summary, document id, start) of each."""
    stmt = (select(Action.id, Action.summary, Action.document_id, Action.start)
            .where(Action.owner_id == owner_id, Action.due_value == due.value,
                   Action.due_precision == due.precision.value, Action.status == ActionStatus.OPEN.value)
            .order_by(Action.id))
    return [(r[0], r[1], r[2], r[3]) for r in session.execute(stmt)]


def has_source(session: Session, action_id: int, document_id: int, start: int | None) -> bool:
    """Whether the action already cites this passage (as its own or as a further source)."""
    own = session.scalar(select(Action.id).where(Action.id == action_id, Action.document_id == document_id,
                                                 Action.start == start))
    if own is not None:
        return True
    return session.scalar(select(ActionSource.id).where(
        ActionSource.action_id == action_id, ActionSource.document_id == document_id,
        ActionSource.start == start)) is not None


def add_source(session: Session, action_id: int, document_id: int, start: int | None, end: int | None,
               now: str) -> int:
    """Cite a further document for an action; its id."""
    source = ActionSource(action_id=action_id, document_id=document_id, start=start, end=end, created_at=now)
    session.add(source)
    session.flush()
    action = session.get(Action, action_id)
    if action is not None:
        action.updated_at = now
    return source.id


def delete_sources(session: Session, ids: Sequence[int]) -> None:
    session.execute(delete(ActionSource).where(ActionSource.id.in_(ids)))


def further_sources(session: Session, action_ids: Iterable[int]) -> dict[int, list[tuple[int, int | None, str | None]]]:
    """action id -> (document id, start, title) of each further source, oldest first."""
    ids = sorted(set(action_ids))
    out: dict[int, list[tuple[int, int | None, str | None]]] = {}
    for first in range(0, len(ids), 500):
        chunk = ids[first:first + 500]
        stmt = (select(ActionSource.action_id, ActionSource.document_id, ActionSource.start, Document.title,
                       Document.file_name)
                .join(Document, Document.id == ActionSource.document_id)
                .where(ActionSource.action_id.in_(chunk)).order_by(ActionSource.action_id, ActionSource.id))
        for action_id, doc_id, start, title, file_name in session.execute(stmt):
            out.setdefault(action_id, []).append((doc_id, start, title or file_name))
    return out


def _overdue(as_at: str):
    return (Action.status == ActionStatus.OPEN.value) & (Action.due_latest < as_at)


def action_ids(
    session: Session,
    *,
    as_at: str,
    statuses: Iterable[ActionStatus] | None = None,
    owner_id: int | None = None,
    due_from: str | None = None,
    due_to: str | None = None,
    document_id: int | None = None,
    text_filter: str = "",
    sort: str = "due",
    descending: bool = False,
    overdue_only: bool = False,
    dated_only: bool = False,
) -> list[int]:
    """Action ids, overdue first (as at `as_at`, an ISO day), then by the sort key."""
    if sort not in ACTION_SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    owner = aliased(Actor)
    stmt: Select = select(Action.id).outerjoin(owner, owner.id == Action.owner_id)
    if statuses is not None:
        stmt = stmt.where(Action.status.in_([s.value for s in statuses]))
    if owner_id is not None:
        stmt = stmt.where(Action.owner_id == owner_id)
    if due_from:
        stmt = stmt.where(Action.due_latest >= due_from)
    if due_to:
        stmt = stmt.where(Action.due_value <= due_to)
    if document_id is not None:
        stmt = stmt.where(Action.document_id == document_id)
    if overdue_only:
        stmt = stmt.where(_overdue(as_at))
    if dated_only:
        stmt = stmt.where(Action.due_value.is_not(None))
    for word in text_filter.split():
        like = f"%{word.casefold()}%"
        stmt = stmt.where(Action.summary.ilike(like) | owner.name_key.like(like))
    column = {"due": Action.due_value, "owner": owner.name_key, "type": Action.type, "status": Action.status,
              "set": Action.set_value}[sort]
    overdue_first = case((_overdue(as_at), 0), else_=1)
    nulls_last = case((column.is_(None), 1), else_=0)
    stmt = stmt.order_by(overdue_first, nulls_last, column.desc() if descending else column.asc(), Action.id)
    return list(session.scalars(stmt))


def paragraph_finder(session: Session, document_ids: Iterable[int | None]):
    """A function (document id, offset) -> the number of the paragraph holding that offset, with the
    documents' paragraph starts read in one query (not one query per row)."""
    wanted = sorted({d for d in document_ids if d is not None})
    starts: dict[int, tuple[list[int], list[int]]] = {}
    for first in range(0, len(wanted), 500):
        chunk = wanted[first:first + 500]
        for doc_id, start, number in session.execute(
                select(Paragraph.document_id, Paragraph.start, Paragraph.number)
                .where(Paragraph.document_id.in_(chunk)).order_by(Paragraph.document_id, Paragraph.start)):
            offsets, numbers = starts.setdefault(doc_id, ([], []))
            offsets.append(start)
            numbers.append(number)

    def find(doc_id: int, offset: int) -> int | None:
        offsets, numbers = starts.get(doc_id, ([], []))
        n = bisect_right(offsets, offset) - 1
        return numbers[n] if n >= 0 else None

    return find


def action_rows(session: Session, ids: Sequence[int], as_at: str) -> list[ActionRow]:
    if not ids:
        return []
    owner, addressed = aliased(Actor), aliased(Actor)
    stmt = (select(Action, owner.name, addressed.name, Document.heading, Document.file_name)
            .outerjoin(owner, owner.id == Action.owner_id)
            .outerjoin(addressed, addressed.id == Action.addressed_to_id)
            .outerjoin(Document, Document.id == Action.document_id)
            .where(Action.id.in_(ids)))
    found = {r[0].id: r for r in session.execute(stmt)}
    further = further_sources(session, found)
    paragraphs = paragraph_finder(session, {r[0].document_id for r in found.values() if r[0].start is not None}
                                  | {d for more in further.values() for d, _s, _t in more})
    rows = []
    for action_id in ids:
        r = found.get(action_id)
        if r is None:
            continue
        a, owner_name, addressed_name, title, file_name = r
        para = paragraphs(a.document_id, a.start) if a.document_id is not None and a.start is not None else None
        sources: tuple[ActionSourceRef, ...] = ((ActionSourceRef(a.document_id, para, title or file_name, a.start),)
                   if a.document_id is not None else ())
        sources += tuple(ActionSourceRef(d, paragraphs(d, s) if s is not None else None, t, s)
                         for d, s, t in further.get(a.id, ()))
        rows.append(ActionRow(
            id=a.id, type=ActionType(a.type), summary=a.summary, owner_id=a.owner_id, owner=owner_name,
            addressed_to_id=a.addressed_to_id, addressed_to=addressed_name,
            set_date=_date(a.set_value, a.set_precision, None, a.set_text),
            due=_date(a.due_value, a.due_precision, a.due_qualifier, a.due_text),
            status=ActionStatus(a.status), status_note=a.status_note, status_document_id=a.status_document_id,
            document_id=a.document_id, document_title=title or None, document_file=file_name, paragraph=para, start=a.start,
            end=a.end, overdue=a.status == ActionStatus.OPEN.value and a.due_latest is not None
            and a.due_latest < as_at, sources=sources,
        ))
    return rows


# -- suggestions ---------------------------------------------------------------------------------

def rejected_keys(session: Session) -> set[str]:
    return set(session.scalars(select(Rejection.key)))


def replace_pending(session: Session, document_id: int, items: Sequence[tuple[str, str, str, dict[str, Any]]],
                    *, new: bool = False) -> int:
    """Replace a document's pending suggestions with `items` (kind, key, label, payload).

    Accepted and rejected suggestions stay; a key a person rejected anywhere is never made again.
    A document filed in this same transaction (`new`) has no suggestions yet to replace.
    """
    skip = rejected_keys(session)
    if not new:
        session.execute(delete(Suggestion).where(Suggestion.document_id == document_id,
                                                 Suggestion.status == "pending"))
        skip |= set(session.scalars(select(Suggestion.key).where(Suggestion.document_id == document_id)))
    return insert_suggestions(session, document_id, items, skip)


def insert_suggestions(session: Session, document_id: int, items: Sequence[tuple[str, str, str, dict[str, Any]]],
                       skip: set[str]) -> int:
    """Write `items` as a document's pending suggestions, each key once, none whose key is in `skip`;
    how many were written."""
    rows = []
    for kind, key, label, payload in items:
        if key in skip:
            continue
        skip.add(key)
        rows.append({"document_id": document_id, "kind": kind, "key": key, "label": label[:500],
                     "payload": json.dumps(payload, ensure_ascii=False), "status": "pending"})
    if rows:
        session.execute(insert(Suggestion), rows)
    return len(rows)


def _suggestion_row(s: Suggestion) -> SuggestionRow:
    return SuggestionRow(id=s.id, document_id=s.document_id, kind=s.kind, label=s.label, status=s.status,
                         payload=json.loads(s.payload))


def suggestions(session: Session, document_id: int | None = None, status: str | None = "pending",
                kind: str | None = None) -> list[SuggestionRow]:
    stmt = select(Suggestion).order_by(Suggestion.document_id, Suggestion.kind, Suggestion.id)
    if document_id is not None:
        stmt = stmt.where(Suggestion.document_id == document_id)
    if kind is not None:
        stmt = stmt.where(Suggestion.kind == kind)
    if status is not None:
        stmt = stmt.where(Suggestion.status == status)
    return [_suggestion_row(s) for s in session.scalars(stmt)]


def suggestion(session: Session, suggestion_id: int) -> SuggestionRow:
    s = session.get(Suggestion, suggestion_id)
    if s is None:
        raise NotFound(f"There is no suggestion {suggestion_id}.")
    return _suggestion_row(s)


def suggestions_by_id(session: Session, suggestion_ids: Sequence[int]) -> dict[int, SuggestionRow]:
    """Suggestions by id, read in a few statements however many there are (missing ids are left out)."""
    ids = sorted(set(suggestion_ids))
    out: dict[int, SuggestionRow] = {}
    for first in range(0, len(ids), 500):
        for s in session.scalars(select(Suggestion).where(Suggestion.id.in_(ids[first:first + 500]))):
            out[s.id] = _suggestion_row(s)
    return out


def set_suggestions_accepted(session: Session, suggestion_ids: Sequence[int]) -> None:
    """Mark suggestions accepted (and forget any rejection of their keys): one UPDATE and one DELETE
    a chunk, as `set_suggestion_status(..., "accepted", ...)` one by one would leave them."""
    ids = sorted(set(suggestion_ids))
    for first in range(0, len(ids), 500):
        chunk = ids[first:first + 500]
        session.execute(update(Suggestion).where(Suggestion.id.in_(chunk)).values(status="accepted"))
        session.execute(delete(Rejection).where(Rejection.key.in_(select(Suggestion.key).where(
            Suggestion.id.in_(chunk)))))


def pending_counts(session: Session) -> dict[str, int]:
    """How many suggestions wait, by kind."""
    return {kind: n for kind, n in session.execute(
        select(Suggestion.kind, func.count()).where(Suggestion.status == "pending").group_by(Suggestion.kind))}


def set_suggestions_rejected(session: Session, suggestion_ids: Sequence[int], now: str) -> list[int]:
    """Reject pending suggestions (their keys remembered, as `set_suggestion_status` does one by
    one), a chunk a statement; the ids that were pending and are rejected now."""
    ids = sorted(set(suggestion_ids))
    done: list[int] = []
    for first in range(0, len(ids), 500):
        chunk = [i for i in session.scalars(select(Suggestion.id).where(
            Suggestion.id.in_(ids[first:first + 500]), Suggestion.status == "pending"))]
        if not chunk:
            continue
        session.execute(update(Suggestion).where(Suggestion.id.in_(chunk)).values(status="rejected"))
        known = set(session.scalars(select(Rejection.key).where(Rejection.key.in_(
            select(Suggestion.key).where(Suggestion.id.in_(chunk))))))
        keys = sorted(set(session.scalars(select(Suggestion.key).where(Suggestion.id.in_(chunk)))) - known)
        if keys:
            session.execute(insert(Rejection), [{"key": k, "rejected_at": now} for k in keys])
        done.extend(chunk)
    return done


def set_suggestions_pending(session: Session, suggestion_ids: Sequence[int]) -> None:
    """Put rejected suggestions back to pending and forget the rejections of their keys."""
    ids = sorted(set(suggestion_ids))
    for first in range(0, len(ids), 500):
        chunk = ids[first:first + 500]
        session.execute(delete(Rejection).where(Rejection.key.in_(select(Suggestion.key).where(
            Suggestion.id.in_(chunk)))))
        session.execute(update(Suggestion).where(Suggestion.id.in_(chunk)).values(status="pending"))


def set_suggestion_status(session: Session, suggestion_id: int, status: str, now: str) -> None:
    s = session.get(Suggestion, suggestion_id)
    if s is None:
        raise NotFound(f"There is no suggestion {suggestion_id}.")
    s.status = status
    if status == "rejected":
        if session.scalar(select(Rejection.id).where(Rejection.key == s.key)) is None:
            session.add(Rejection(key=s.key, rejected_at=now))
    else:
        session.execute(delete(Rejection).where(Rejection.key == s.key))
    session.flush()
