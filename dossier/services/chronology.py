"""Use cases over the case chronology: list, filter, edit, merge, split, resolve conflicts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from dossier.db import chronology_repo as repo
from dossier.domain.chronology import ChronologyRow, DateProposal, EntryFields, EntryKind
from dossier.domain.dates import PartialDate, Qualifier
from dossier.services.documents import utc_now


class ChronologyService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def keys(self, *, actor: str | None = None, kinds: Iterable[EntryKind] | None = None,
             date_from: dt.date | None = None, date_to: dt.date | None = None, text: str = "") -> list[str]:
        """Every entry in order (earliest bound, then precision); undated entries last."""
        with self._sessions() as session:
            return repo.chronology_keys(session, actor=actor, kinds=kinds, date_from=date_from, date_to=date_to,
                                        text=text)

    def rows(self, keys: Sequence[str]) -> list[ChronologyRow]:
        with self._sessions() as session:
            return repo.chronology_rows(session, keys)

    def dates(self, keys: Sequence[str]) -> list[PartialDate | None]:
        """Only the dates of some entries, in the order given: cheap, for grouping by month."""
        with self._sessions() as session:
            return repo.chronology_dates(session, keys)

    def actor_names(self) -> list[str]:
        with self._sessions() as session:
            return repo.actor_names(session)

    def add_entry(self, fields: EntryFields) -> str:
        """Add the user's own entry; returns its key."""
        with self._sessions.begin() as session:
            return repo.add_entry(session, fields, utc_now())

    def edit_entry(self, key: str, fields: EntryFields) -> EntryFields:
        """Edit an entry (re-analysis leaves it alone afterwards); returns the fields before."""
        with self._sessions.begin() as session:
            return repo.edit_entry(session, key, fields)

    def delete_entry(self, key: str) -> dict[str, Any]:
        with self._sessions.begin() as session:
            return repo.delete_entry(session, key)

    def restore_entry(self, snapshot: dict[str, Any]) -> None:
        with self._sessions.begin() as session:
            repo.restore_entry(session, snapshot)

    def merge_entries(self, keep: str, other: str) -> dict[str, Any]:
        """Merge two entries into one with the sources of both."""
        with self._sessions.begin() as session:
            return repo.merge_entries(session, keep, other)

    def unmerge(self, record: dict[str, Any]) -> None:
        with self._sessions.begin() as session:
            repo.unmerge(session, record)

    def split_source(self, key: str, document_id: int) -> str:
        """Make one source of an entry an entry of its own; undo with merge_entries(key, new_key)."""
        with self._sessions.begin() as session:
            return repo.split_source(session, key, document_id, utc_now())

    def resolve_conflict(self, key: str, other: str, note: str) -> None:
        with self._sessions.begin() as session:
            repo.resolve_conflict(session, key, other, note, utc_now())

    def unresolve_conflict(self, key: str, other: str) -> None:
        with self._sessions.begin() as session:
            repo.unresolve_conflict(session, key, other)

    def propose_date(self, document_id: int) -> DateProposal:
        """A date range for an undated document: after the latest past event it refers to, and
        before the earliest deadline it sets."""
        with self._sessions() as session:
            refs = repo.document_references(session, document_id)
        events = [d for kind, d in refs if kind == EntryKind.EVENT.value]
        deadlines = [d for kind, d in refs if kind == EntryKind.DEADLINE.value]
        after = max(events, key=lambda d: d.latest(), default=None)
        before = min(deadlines, key=lambda d: d.earliest(), default=None)
        reasons = []
        if after:
            reasons.append(f"it refers to {after.display()} as past (\u201c{after.text}\u201d)")
        if before:
            reasons.append(f"it sets a deadline of {before.display()} (\u201c{before.text}\u201d)")
        return DateProposal(document_id, after, before, tuple(reasons))


def proposal_as_date(proposal: DateProposal) -> PartialDate | None:
    """The proposal as one partial date a user can accept: between, after or before."""
    a, b = proposal.after, proposal.before
    if a and b and a.latest() <= b.earliest():
        return PartialDate(a.value, a.precision, Qualifier.BETWEEN, "", b.value)
    if a:
        return PartialDate(a.value, a.precision, Qualifier.AFTER, "")
    if b:
        return PartialDate(b.value, b.precision, Qualifier.BEFORE, "")
    return None
