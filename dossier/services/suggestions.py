"""Accepting and rejecting what the machine suggested. Curated data only grows through here.

Accepting an actor joins it to an actor already in the dossier where its name or an alias
matches, so aliases are resolved across the dossier as well as within a document.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from dossier.analysis.actors_orgs import organisation_name
from dossier.analysis.name_matching import NameIndex, match_actor, refers_to, shorter_forms_of
from dossier.analysis.post_titles import normalise_post
from dossier.analysis.statements import same_what
from dossier.db import actions_repo, actors_repo, mentions_repo, progress_repo
from dossier.db import documents_repo as docs_repo
from dossier.db.engine import WriterPace
from dossier.domain.changes import Changed, Changes, Kind
from dossier.domain.clock import Clock, stamp
from dossier.domain.dates import PartialDate
from dossier.domain.errors import DossierError, NotFound
from dossier.domain.findings import ActionStatus, ActionType, ActorKind
from dossier.domain.register import AcceptRecord, ActionFields, MergeRecord, SuggestionRow, alias_forms
from dossier.services import progress
from dossier.services.posts import Updated, apply_posts

Created = list[tuple[str, int]]


class KnownActors:
    """The dossier's actors' names, by kind, while a batch of suggestions is accepted: read once,
    kept up to date as actors are made and merged away, and indexed (`NameIndex`) so that
    matching a name compares it with the few known names that can match, not with all of them.
    Each kind's names are in the order of their actors' ids, as reading them afresh gives."""

    def __init__(self, session: Session) -> None:
        self._names: dict[int, tuple[str, str]] = {i: (n, k) for i, n, k in sorted(actors_repo.all_names(session))}
        self._kinds: dict[str, tuple[dict[str, int], NameIndex]] = {}

    def of(self, kind: ActorKind) -> tuple[dict[str, int], NameIndex]:
        """Name -> actor id (the latest actor of a name shared), and the names' index."""
        if kind.value not in self._kinds:
            known = {n: i for i, (n, k) in self._names.items() if k == kind.value}
            self._kinds[kind.value] = (known, NameIndex(list(known)))
        return self._kinds[kind.value]

    def name_of(self, actor_id: int) -> str:
        return self._names[actor_id][0]

    def created(self, actor_id: int, name: str, kind: ActorKind) -> None:
        name = " ".join(name.split())  # as the register stores it
        self._names[actor_id] = (name, kind.value)
        if kind.value in self._kinds:
            known, index = self._kinds[kind.value]
            known[name] = actor_id
            index.add(name)

    def dropped(self, actor_id: int) -> None:
        name, kind = self._names.pop(actor_id)
        if kind not in self._kinds:
            return
        if any(n == name and k == kind for n, k in self._names.values()):
            del self._kinds[kind]  # another actor has the name: read the kind's names again when needed
            return
        known, index = self._kinds[kind]
        known.pop(name, None)
        index.remove(name)


def resolve_actor(session: Session, name: str, kind: ActorKind, on: PartialDate | None, created: Created,
                  actors: KnownActors | None = None, *, now: str) -> int:
    """The actor a name refers to: by name or alias, by alias matching, by post holder, or new."""
    actors = actors or KnownActors(session)
    actor_id = actors_repo.find_actor(session, name)
    if actor_id is None:
        known, index = actors.of(kind)
        match = match_actor(name, list(known), index)
        if match is None and kind is ActorKind.ORGANISATION:
            match = refers_to(name, list(known), index)
        actor_id = known[match] if match else None
    if actor_id is None and (post := normalise_post(name)) is not None:
        actor_id = actors_repo.holder_on(session, post.key, on)
    if actor_id is None:
        actor_id = actors_repo.create_actor(session, name, kind, now)
        actors.created(actor_id, name, kind)
        created.append(("actors", actor_id))
    return actor_id


def _absorb_shorter_forms(session: Session, actor_id: int, kind: ActorKind, actors: KnownActors,
                          now: str) -> list[MergeRecord]:
    """Merge actors that are only shorter forms of this one ("Roe" into "Ann Roe")."""
    known, index = actors.of(kind)
    name = actors.name_of(actor_id)
    if known.get(name) != actor_id:
        name = next(n for n, i in known.items() if i == actor_id)
    merges = []
    for short in shorter_forms_of(name, known, organisation=kind is ActorKind.ORGANISATION, index=index):
        drop_id = known[short]
        snap, added = actors_repo.merge(session, actor_id, drop_id, now)
        actors.dropped(drop_id)
        merges.append(MergeRecord(keep_id=actor_id, dropped=snap, added_alias_ids=added))
    return merges


def _accept_actor(session: Session, s: SuggestionRow, on: PartialDate | None, created: Created,
                  updated: Updated, actors: KnownActors, now: str) -> int:
    p = s.payload
    kind = ActorKind(p["kind"])
    actor_id = resolve_actor(session, p["name"], kind, on, created, actors, now=now)
    created.extend(("actor_aliases", i) for i in actors_repo.add_aliases(session, actor_id, alias_forms(p["forms"]),
                                                                                    s.document_id))
    created.extend(("mentions", i) for i in mentions_repo.add_mentions(
        session, s.document_id, actor_id, [(start, end, text) for start, end, text in p["mentions"]]))
    apply_posts(session, actor_id, p["posts"], p.get("tenures", ()), on, s.document_id, created, updated,
                lambda org: resolve_actor(session, org, ActorKind.ORGANISATION, on, created, actors, now=now),
                [p["name"], *p["forms"]])
    return actor_id


def _accept_action(session: Session, s: SuggestionRow, on: PartialDate | None, created: Created,
                   actors: KnownActors, now: str) -> None:
    p = s.payload
    owner = (resolve_actor(session, p["owner"], _kind_of(p["owner"]), on, created, actors, now=now)
             if p["owner"] else None)
    addressed = (resolve_actor(session, p["addressed_to"], _kind_of(p["addressed_to"]), on, created, actors, now=now)
                 if p.get("addressed_to") else None)
    due = PartialDate.from_json(p["due"])
    if owner is not None and due is not None:
        # the same deadline restated (the same owner and due date, the same thing to do): one more source
        for action_id, summary, _doc, _start in actions_repo.restatable(session, owner, due):
            if same_what(summary, p["summary"]):
                if not actions_repo.has_source(session, action_id, s.document_id, p["start"]):
                    source_id = actions_repo.add_source(session, action_id, s.document_id, p["start"], p["end"],
                                                        now)
                    created.append(("action_sources", source_id))
                return
    fields = ActionFields(
        type=ActionType(p["type"]), summary=p["summary"], owner_id=owner, addressed_to_id=addressed,
        due=due, set_date=on, status=ActionStatus.OPEN, status_note=None,
        status_document_id=None,
    )
    action_id = actions_repo.insert_action(session, fields, document_id=s.document_id, start=p["start"],
                                           end=p["end"], now=now)
    created.append(("actions", action_id))


def _accept_status(session: Session, s: SuggestionRow, now: str) -> tuple[int, ActionFields]:
    """A later letter reports an action done, or moves its deadline: set the action's status, with
    the passage as its note and the letter as its evidence. Returns the action's fields before."""
    p = s.payload
    try:
        before = actions_repo.fields_of(session, p["action_id"])
    except NotFound as exc:
        raise DossierError(f"The action this suggestion is about (“{p.get('summary', '')}”) is no longer in the "
                           "dossier; reject the suggestion.") from exc
    after = ActionFields(
        type=before.type, summary=before.summary, owner_id=before.owner_id, addressed_to_id=before.addressed_to_id,
        due=before.due, set_date=before.set_date, status=ActionStatus(p["status"]), status_note=p["quote"][:1000],
        status_document_id=s.document_id)
    actions_repo.write_fields(session, p["action_id"], after, now)
    return p["action_id"], before


def _new_actions(records: list[AcceptRecord]) -> list[int]:
    return [row_id for r in records for table, row_id in r.created if table == "actions"]


def _kind_of(name: str) -> ActorKind:
    return ActorKind.ORGANISATION if organisation_name(name) else ActorKind.PERSON


def _known_actors(session: Session, known: list) -> KnownActors:
    """The actors' names as the last transaction of this run left them, where no one else has
    written to the dossier since (`known` holds them and the mark they were read at); else read
    afresh. Reading them, and indexing them, is most of a short transaction's work otherwise."""
    mark = actors_repo.others_mark(session)
    if mark is None or known[0] is None or known[1] != mark:
        known[0] = KnownActors(session)
    known[1] = mark
    return known[0]


ORDER = {"actor": 0, "action": 1, "status": 2}  # actors first so actions find owners; an action's status last
KINDS = tuple(ORDER)
BATCH_S = 0.1  # the work one transaction of a long acceptance does before it commits and lets others write
READ_AHEAD = 32  # suggestions read at once while accepting
UNDO_CHUNK = 100  # acceptances undone a transaction
REJECT_CHUNK = 2000  # suggestions rejected a transaction


def in_order(rows: list[SuggestionRow]) -> list[int]:
    """The ids of suggestions in the order they are accepted."""
    return [s.id for s in sorted(rows, key=lambda s: ORDER.get(s.kind, 1))]


def waiting_line(counts: dict[str, int]) -> str:
    """"12 suggestions wait for review (5 actors, 7 actions)", or "" when none wait."""
    total = sum(counts.values())
    if not total:
        return ""
    names = {"actor": ("actor", "actors"), "action": ("action", "actions"),
             "status": ("progress on an action", "progress on actions")}
    parts = [f"{counts[k]} {names[k][counts[k] != 1]}" for k in names if counts.get(k)]
    return (f"{total} suggestion{'' if total == 1 else 's'} wait{'s' if total == 1 else ''} for review "
            f"({', '.join(parts)})")


class SuggestionService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self.clock = clock

    def pending(self, document_id: int | None = None, kind: str | None = None) -> list[SuggestionRow]:
        if kind is not None and kind not in ORDER:
            raise DossierError(f"there is no kind of suggestion {kind!r}; the kinds are {', '.join(KINDS)}")
        with self._sessions() as session:
            return actions_repo.suggestions(session, document_id, kind=kind)

    def pending_counts(self) -> dict[str, int]:
        """How many suggestions wait across the dossier, by kind (a kind with none is left out)."""
        with self._sessions() as session:
            return actions_repo.pending_counts(session)

    def accept(self, suggestion_id: int) -> Changed[AcceptRecord]:
        done = self.accept_many([suggestion_id])
        return Changed(done.value[0], done.changes)

    def accept_document(self, document_id: int) -> Changed[list[AcceptRecord]]:
        """Accept all of a document's pending suggestions: actors first, so actions find owners, and
        an action's status last."""
        return self.accept_many(in_order(self.pending(document_id)))

    def accept_all(self, kind: str | None = None, document_id: int | None = None, *,
                   on_progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Changed[list[AcceptRecord]]:
        """Accept every pending suggestion across the dossier (or of one kind, or of one document),
        in the order `accept_document` uses. See `accept_many` for the short transactions."""
        return self.accept_many(in_order(self.pending(document_id, kind)), on_progress=on_progress, cancelled=cancelled)

    def accept_many(self, suggestion_ids: list[int], *, on_progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> Changed[list[AcceptRecord]]:
        """Accept suggestions in order: the same register as accepting them one by one, with what every
        acceptance reads again (the actors' names, the suggestions, the documents' dates) read once
        a transaction and the suggestions' new status written at once.

        A long run is done in short transactions, each about `BATCH_S` of work, committing between
        them and leaving the write lock free a moment, so another window's edit or an import waits
        a fraction of a second rather than the whole run. Each suggestion is accepted whole within
        one transaction, so a run stopped part-way (killed, or `cancelled`) leaves every suggestion
        either accepted with all it made or still pending. Then the later letters are read for
        progress on the new actions, all at once (a run killed then misses some of those proposals;
        re-filing or re-reading a letter makes them). `on_progress(done, total)` is called after
        each transaction; `cancelled()` is asked between them and stops the run (what is accepted
        so far is returned). When a suggestion cannot be accepted, what this call accepted is undone
        and the error raised, as if the run had been one transaction."""
        records: list[AcceptRecord] = []
        accepted: set[int] = set()
        known: list = [None, None]  # the actors' names and the mark they were read at (see `_known_actors`)
        pace = WriterPace(every=0.0)
        position, total = 0, len(suggestion_ids)
        try:
            while position < total:
                if cancelled is not None and cancelled():
                    break
                with self._sessions.begin() as session:
                    position = self._accept_batch(session, suggestion_ids, position, accepted, records, known)
                if on_progress is not None:
                    on_progress(position, total)
                if position < total:
                    pace()
            self._propose_progress(_new_actions(records), pace)
        except Exception:  # not an interrupt (Ctrl+C): that stops the run, keeping what it accepted
            if records:
                self.unaccept(records)
            raise
        return Changed(records, accepted_changes(records))

    def _accept_batch(self, session: Session, suggestion_ids: list[int], position: int, accepted: set[int],
                      records: list[AcceptRecord], known: list) -> int:
        """Accept suggestions from `position` for about `BATCH_S` (at least one); where it stopped."""
        start = time.monotonic()
        now = stamp(self.clock)
        actors = _known_actors(session, known)
        dates: dict[int, PartialDate | None] = {}  # a document's date, read once however many it suggests
        rows: dict[int, SuggestionRow] = {}
        mine: list[AcceptRecord] = []
        with actors_repo.batch(session):
            while position < len(suggestion_ids):
                suggestion_id = suggestion_ids[position]
                if suggestion_id not in rows:  # read a few ahead at a time: a batch takes a few dozen
                    rows.update(actions_repo.suggestions_by_id(session, suggestion_ids[position:position + READ_AHEAD]))
                self._accept_one(session, suggestion_id, rows, actors, accepted, dates, mine, now)
                position += 1
                if time.monotonic() - start >= BATCH_S:
                    break
        actions_repo.set_suggestions_accepted(session, [r.suggestion_id for r in mine])
        # the deadlines the new actions carry, for all their documents at once
        actions_repo.refresh_carried_for(session, _new_actions(mine))
        records.extend(mine)
        return position

    def _propose_progress(self, action_ids: list[int], pace: WriterPace) -> None:
        """An action accepted after the later letter was filed still finds that letter: status
        suggestions from the later documents, for all the new actions at once (each document read
        once), a few documents a short transaction."""
        if not action_ids:
            return
        with self._sessions() as session:
            plan = sorted(progress.later_documents(session, action_ids).items())
        position = 0
        while position < len(plan):
            if position:
                pace()
            start = time.monotonic()
            with self._sessions.begin() as session:
                while position < len(plan):
                    doc_id, actions = plan[position]
                    progress.propose_in(session, doc_id, actions)
                    position += 1
                    if time.monotonic() - start >= BATCH_S:
                        break

    @staticmethod
    def _accept_one(session: Session, suggestion_id: int, rows: dict[int, SuggestionRow], actors: KnownActors,
                    accepted: set[int], dates: dict[int, PartialDate | None], records: list[AcceptRecord],
                    now: str) -> None:
        s = rows.get(suggestion_id)
        if s is None:
            raise NotFound(f"There is no suggestion {suggestion_id}.")
        if s.status != "pending" or s.id in accepted:
            return
        if s.document_id not in dates:
            dates[s.document_id] = docs_repo.metadata_of(session, s.document_id)[0].date
        on = dates[s.document_id]
        created: Created = []
        updated: Updated = []
        merges: list[MergeRecord] = []
        statuses: list[tuple[int, ActionFields]] = []
        if s.kind == "actor":
            actor_id = _accept_actor(session, s, on, created, updated, actors, now)
            merges = _absorb_shorter_forms(session, actor_id, ActorKind(s.payload["kind"]), actors, now)
        elif s.kind == "status":
            statuses.append(_accept_status(session, s, now))
        else:
            _accept_action(session, s, on, created, actors, now)
        accepted.add(s.id)
        records.append(AcceptRecord(suggestion_id=s.id, created=tuple(created), merges=tuple(merges),
                                    updated=tuple(updated), statuses=tuple(statuses)))

    def unaccept(self, records: list[AcceptRecord]) -> Changed[None]:
        """Undo acceptances, the latest first: what they created goes, and the suggestions are pending
        again. A long undo, like a long acceptance, commits every `UNDO_CHUNK` suggestions."""
        pace = WriterPace(every=0.0)
        remaining = list(records)
        while remaining:
            chunk, remaining = remaining[-UNDO_CHUNK:], remaining[:-UNDO_CHUNK]
            with self._sessions.begin() as session:
                self._unaccept(session, chunk, stamp(self.clock))
            if remaining:
                pace()
        return Changed(None, accepted_changes(records))

    @staticmethod
    def _unaccept(session: Session, records: list[AcceptRecord], now: str) -> None:
        progress_repo.drop_pending_status(session, _new_actions(records))
        for record in reversed(records):
            for action_id, before in reversed(record.statuses):
                actions_repo.write_fields(session, action_id, before, now)
            for merge in reversed(record.merges):
                actors_repo.delete_by_ids(session, "actor_aliases", merge.added_alias_ids)
                actors_repo.restore(session, merge.dropped)
            for table, row_id, old in reversed(record.updated):
                actors_repo.update_rows(session, table, row_id, old)
            for table, row_id in reversed(record.created):
                if table == "action_sources":
                    actions_repo.delete_sources(session, [row_id])
                else:
                    actors_repo.delete_by_ids(session, table, [row_id])
            actions_repo.set_suggestion_status(session, record.suggestion_id, "pending", now)

    def reject(self, suggestion_id: int) -> Changed[None]:
        """Reject a suggestion; it is remembered and never made again in this dossier."""
        with self._sessions.begin() as session:
            actions_repo.set_suggestion_status(session, suggestion_id, "rejected", stamp(self.clock))
            return Changed(None, Changes.of(Kind.SUGGESTIONS, [suggestion_id]))

    def unreject(self, suggestion_id: int) -> Changed[None]:
        with self._sessions.begin() as session:
            actions_repo.set_suggestion_status(session, suggestion_id, "pending", stamp(self.clock))
            return Changed(None, Changes.of(Kind.SUGGESTIONS, [suggestion_id]))

    def reject_all(self, kind: str | None = None, document_id: int | None = None) -> Changed[list[int]]:
        """Reject every pending suggestion across the dossier (or of one kind, or of one document);
        the ids rejected. Each is remembered and never made again."""
        return self.reject_many([s.id for s in self.pending(document_id, kind)])

    def reject_many(self, suggestion_ids: list[int]) -> Changed[list[int]]:
        """Reject suggestions, those still pending (the ids rejected), a chunk a transaction."""
        done: list[int] = []
        pace = WriterPace(every=0.0)
        for first in range(0, len(suggestion_ids), REJECT_CHUNK):
            if first:
                pace()
            with self._sessions.begin() as session:
                done.extend(actions_repo.set_suggestions_rejected(
                    session, suggestion_ids[first:first + REJECT_CHUNK], stamp(self.clock)))
        return Changed(done, Changes.of(Kind.SUGGESTIONS, done))

    def unreject_many(self, suggestion_ids: list[int]) -> Changed[None]:
        """Undo `reject_many`: the suggestions are pending again and their keys no longer refused."""
        for first in range(0, len(suggestion_ids), REJECT_CHUNK):
            with self._sessions.begin() as session:
                actions_repo.set_suggestions_pending(session, suggestion_ids[first:first + REJECT_CHUNK])
        return Changed(None, Changes.of(Kind.SUGGESTIONS, suggestion_ids))


def accepted_changes(records: list[AcceptRecord]) -> Changes:
    """What accepting suggestions writes (or taking them back undoes): the suggestions, and the
    actors, mentions and actions they made or changed."""
    return (Changes.of(Kind.SUGGESTIONS, [r.suggestion_id for r in records])
            | Changes.kinds_of(Kind.ACTORS, Kind.MENTIONS, Kind.ACTIONS))
