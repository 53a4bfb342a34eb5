"""What the life of an action reads and writes: open actions with their owners' names, a document's
parties with theirs, and status suggestions added beside a document's others. SQL stops here."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from dossier.db import actions_repo
from dossier.db.models import Action, Actor, ActorAlias, Document, DocumentParty, Rejection, Suggestion


def _names(session: Session, actor_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """actor id -> its name, aliases, and its organisation's name and aliases."""
    wanted = {i for i in actor_ids if i is not None}
    if not wanted:
        return {}
    rows = {i: (name, org) for i, name, org in session.execute(
        select(Actor.id, Actor.name, Actor.organisation_id).where(Actor.id.in_(wanted)))}
    orgs = {org for _, org in rows.values() if org is not None}
    org_names = {i: name for i, name in session.execute(select(Actor.id, Actor.name).where(Actor.id.in_(orgs)))} \
        if orgs else {}
    aliases: dict[int, list[str]] = defaultdict(list)
    for actor_id, alias in session.execute(
            select(ActorAlias.actor_id, ActorAlias.alias).where(ActorAlias.actor_id.in_(wanted | orgs))):
        aliases[actor_id].append(alias)
    out = {}
    for i, (name, org) in rows.items():
        names = [name, *aliases[i]]
        if org is not None and org in org_names:
            names += [org_names[org], *aliases[org]]
        out[i] = tuple(dict.fromkeys(names))
    return out


def open_actions(session: Session, *, set_before: str | None = None, ids: Sequence[int] | None = None,
                 exclude_document: int | None = None) -> list[tuple[int, str, int | None, str | None, str | None]]:
    """(id, summary, owner id, due value, set value) of open actions set before a date (or these ids)."""
    stmt = select(Action.id, Action.summary, Action.owner_id, Action.due_value, Action.set_value).where(
        Action.status == "open")
    if set_before is not None:
        stmt = stmt.where(Action.set_value.is_not(None), Action.set_value < set_before)
    if ids is not None:
        stmt = stmt.where(Action.id.in_(list(ids)))
    if exclude_document is not None:
        stmt = stmt.where((Action.document_id != exclude_document) | Action.document_id.is_(None))
    return [(i, summary, owner, due, set_) for i, summary, owner, due, set_ in session.execute(stmt.order_by(Action.id))]


def owner_names(session: Session, owner_ids: Iterable[int | None]) -> dict[int, tuple[str, ...]]:
    """owner id -> its name, aliases, and its organisation's name and aliases."""
    return _names(session, [i for i in owner_ids if i is not None])


def parties(session: Session, document_id: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A document's sender's names and its recipients' names (each with aliases and organisation)."""
    rows = list(session.execute(select(DocumentParty.role, DocumentParty.actor_id)
                                .where(DocumentParty.document_id == document_id)))
    names = _names(session, [actor_id for _, actor_id in rows])
    sender = tuple(n for role, i in rows if role == "sender" for n in names.get(i, ()))
    recipients = tuple(n for role, i in rows if role == "recipient" for n in names.get(i, ()))
    return sender, recipients


def document_date_value(session: Session, document_id: int) -> str | None:
    return session.scalar(select(Document.date_value).where(Document.id == document_id))


def date_values(session: Session, doc_ids: Iterable[int]) -> dict[int, str | None]:
    """document id -> its date's ISO partial value."""
    ids = sorted(set(doc_ids))
    out: dict[int, str | None] = {}
    for first in range(0, len(ids), 900):
        out.update((i, v) for i, v in session.execute(select(Document.id, Document.date_value)
                                                     .where(Document.id.in_(ids[first:first + 900]))))
    return out


def dated_after(session: Session, doc_ids: Iterable[int], after: str) -> list[int]:
    """Of these documents, those dated after an ISO partial date (and not within it)."""
    ids = sorted(set(doc_ids))
    out = []
    for first in range(0, len(ids), 900):
        for doc_id, value in session.execute(select(Document.id, Document.date_value)
                                             .where(Document.id.in_(ids[first:first + 900]))):
            if value and value > after and not value.startswith(after):
                out.append(doc_id)
    return out


def add_suggestions(session: Session, document_id: int, items: Sequence[tuple[str, str, str, dict[str, Any]]]) -> int:
    """Add suggestions to a document's others (a key already there, or rejected anywhere, is skipped)."""
    if not items:
        return 0
    skip = set(session.scalars(select(Rejection.key).where(Rejection.key.in_([k for _, k, _, _ in items]))))
    skip |= set(session.scalars(select(Suggestion.key).where(Suggestion.document_id == document_id)))
    return actions_repo.insert_suggestions(session, document_id, items, skip)


def drop_pending_status(session: Session, action_ids: Iterable[int]) -> None:
    """Pending status suggestions about actions that are gone (an acceptance undone, an action deleted)."""
    gone = set(action_ids)
    if not gone:
        return
    doomed = [i for i, payload in session.execute(
        select(Suggestion.id, Suggestion.payload).where(Suggestion.kind == "status", Suggestion.status == "pending"))
        if json.loads(payload).get("action_id") in gone]
    if doomed:
        session.execute(delete(Suggestion).where(Suggestion.id.in_(doomed)))
