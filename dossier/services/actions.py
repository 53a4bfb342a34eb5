"""Use cases over actions: the open commitments, as at any date. Overdue is computed, never stored."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy.orm import Session, sessionmaker

from dossier.db import actions_repo as repo
from dossier.db import detail_repo, progress_repo
from dossier.domain.changes import Changed, Changes, Kind
from dossier.domain.clock import Clock, stamp
from dossier.domain.detail import FieldCounts, ItemDetail
from dossier.domain.errors import NotFound
from dossier.domain.findings import ActionStatus
from dossier.domain.register import ActionFields, ActionRow
from dossier.domain.snapshots import ActionSnapshot
from dossier.services import progress
from dossier.services.audit import history_lines


def _day(as_at: dt.date | None, clock: Clock) -> str:
    return (as_at or clock.today()).isoformat()


class ActionService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self.clock = clock

    def ids(self, *, as_at: dt.date | None = None, statuses: Iterable[ActionStatus] | None = None,
            owner_id: int | None = None, due_from: dt.date | None = None, due_to: dt.date | None = None,
            document_id: int | None = None, text_filter: str = "", sort: str = "due",
            descending: bool = False, overdue_only: bool = False, dated_only: bool = False) -> list[int]:
        """Action ids: overdue (as at the date) first, then by `sort`. `dated_only`: the deadlines alone,
        not the decisions and intentions without a due date."""
        with self._sessions() as session:
            return repo.action_ids(
                session, as_at=_day(as_at, self.clock), statuses=statuses, owner_id=owner_id,
                due_from=due_from.isoformat() if due_from else None, due_to=due_to.isoformat() if due_to else None,
                document_id=document_id, text_filter=text_filter, sort=sort, descending=descending,
                overdue_only=overdue_only, dated_only=dated_only)

    def rows(self, ids: Sequence[int], *, as_at: dt.date | None = None) -> list[ActionRow]:
        with self._sessions() as session:
            return repo.action_rows(session, ids, _day(as_at, self.clock))

    def field_counts(self) -> FieldCounts:
        """How many actions there are, and how many name an owner and someone addressed (counted, not read)."""
        with self._sessions() as session:
            return detail_repo.action_counts(session)

    def detail(self, action_id: int) -> ItemDetail:
        """The passage that set the action (its paragraph, with the document's label) and its history."""
        with self._sessions() as session:
            rows = repo.action_rows(session, [action_id], _day(None, self.clock))
            if not rows:
                raise NotFound(f"There is no action {action_id}.")
            row = rows[0]
            found = (detail_repo.passage(session, row.document_id, row.start, row.end if row.end is not None
                                         else row.start)
                     if row.document_id is not None and row.start is not None else None)
            note = "" if found else ("Recorded by hand: no letter sets it." if row.document_id is None
                                     else f"Set by D{row.document_id}; the passage is not marked.")
            return ItemDetail(title=" ".join(row.summary.split()), passage=found,
                              history=history_lines(session, detail_repo.action_history(session, action_id)), note=note)

    def fields(self, action_id: int) -> ActionFields:
        with self._sessions() as session:
            return repo.fields_of(session, action_id)

    def create(self, fields: ActionFields, *, document_id: int | None = None, start: int | None = None,
               end: int | None = None) -> Changed[int]:
        with self._sessions.begin() as session:
            action_id = repo.create_action(session, fields, document_id=document_id, start=start, end=end,
                                           now=stamp(self.clock))
            progress.propose_for_actions(session, [action_id])  # a later letter may already report it done
            return Changed(action_id, _touched(action_id, suggestions=True))

    def update(self, action_id: int, fields: ActionFields) -> Changed[ActionFields]:
        """Write an action's fields; returns what they were (for undo)."""
        with self._sessions.begin() as session:
            before = repo.fields_of(session, action_id)
            repo.write_fields(session, action_id, fields, stamp(self.clock))
            return Changed(before, _touched(action_id))

    def set_status(self, action_id: int, status: ActionStatus, *, note: str | None = None,
                   document_id: int | None = None) -> Changed[ActionFields]:
        """Mark an action done, superseded or withdrawn, naming the document that did it."""
        with self._sessions.begin() as session:
            before = repo.fields_of(session, action_id)
            after = dataclasses.replace(before, status=status, status_note=note, status_document_id=document_id)
            repo.write_fields(session, action_id, after, stamp(self.clock))
            return Changed(before, _touched(action_id))

    def delete(self, action_id: int) -> Changed[ActionSnapshot]:
        """Delete an action; returns it as it was (for undo: restore)."""
        with self._sessions.begin() as session:
            snapshot = repo.action_snapshot(session, action_id)
            repo.delete_action(session, action_id)
            progress_repo.drop_pending_status(session, [action_id])
            return Changed(snapshot, _touched(action_id, suggestions=True))

    def restore(self, snapshot: ActionSnapshot) -> Changed[None]:
        with self._sessions.begin() as session:
            repo.restore_action(session, snapshot)
            progress.propose_for_actions(session, [snapshot.id])
            return Changed(None, _touched(snapshot.id, suggestions=True))


def _touched(action_id: int, *, suggestions: bool = False) -> Changes:
    """One action; with `suggestions`, the status suggestions made or dropped for it too."""
    changes = Changes.of(Kind.ACTIONS, [action_id])
    return changes | Changes.of(Kind.SUGGESTIONS) if suggestions else changes
