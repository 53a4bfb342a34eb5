"""Accepting and rejecting what the machine suggested. Curated data only grows through here.

Accepting an actor joins it to an actor already in the dossier where its name or an alias
matches, so aliases are resolved across the dossier as well as within a document.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from dossier.analysis.actors import match_actor, refers_to, shorter_forms_of
from dossier.analysis.actors_orgs import organisation_name
from dossier.analysis.post_titles import normalise_post
from dossier.db import actions_repo, actors_repo
from dossier.db import repositories as docs_repo
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionStatus, ActionType, ActorKind
from dossier.domain.register import AcceptRecord, ActionFields, MergeRecord, SuggestionRow
from dossier.services.documents import utc_now
from dossier.services.posts import Updated, apply_posts

Created = list[tuple[str, int]]


def resolve_actor(session: Session, name: str, kind: ActorKind, on: PartialDate | None, created: Created) -> int:
    """The actor a name refers to: by name or alias, by alias matching, by post holder, or new."""
    actor_id = actors_repo.find_actor(session, name)
    if actor_id is None:
        known = {n: i for i, n, k in actors_repo.all_names(session) if k == kind.value}
        match = match_actor(name, list(known))
        if match is None and kind is ActorKind.ORGANISATION:
            match = refers_to(name, list(known))
        actor_id = known[match] if match else None
    if actor_id is None and (post := normalise_post(name)) is not None:
        actor_id = actors_repo.holder_on(session, post.key, on)
    if actor_id is None:
        actor_id = actors_repo.create_actor(session, name, kind, utc_now())
        created.append(("actors", actor_id))
    return actor_id


def _absorb_shorter_forms(session: Session, actor_id: int, kind: ActorKind) -> list[MergeRecord]:
    """Merge actors that are only shorter forms of this one ("Roe" into "Ann Roe")."""
    known = {n: i for i, n, k in actors_repo.all_names(session) if k == kind.value}
    name = next(n for n, i in known.items() if i == actor_id)
    merges = []
    for short in shorter_forms_of(name, list(known), organisation=kind is ActorKind.ORGANISATION):
        snap, added = actors_repo.merge(session, actor_id, known[short], utc_now())
        merges.append(MergeRecord(keep_id=actor_id, dropped=snap, added_alias_ids=added))
    return merges


def _accept_actor(session: Session, s: SuggestionRow, on: PartialDate | None, created: Created,
                  updated: Updated) -> int:
    p = s.payload
    kind = ActorKind(p["kind"])
    actor_id = resolve_actor(session, p["name"], kind, on, created)
    for form in p["forms"]:
        alias_id = actors_repo.add_alias(session, actor_id, form, s.document_id)
        if alias_id:
            created.append(("actor_aliases", alias_id))
    for start, end, text in p["mentions"]:
        mention_id = actors_repo.add_mention(session, s.document_id, actor_id, start, end, text)
        if mention_id:
            created.append(("mentions", mention_id))
    apply_posts(session, actor_id, p["posts"], p.get("tenures", ()), on, s.document_id, created, updated,
                lambda org: resolve_actor(session, org, ActorKind.ORGANISATION, on, created), [p["name"], *p["forms"]])
    return actor_id


def _accept_action(session: Session, s: SuggestionRow, on: PartialDate | None, created: Created) -> None:
    p = s.payload
    owner = resolve_actor(session, p["owner"], _kind_of(p["owner"]), on, created) if p["owner"] else None
    addressed = (resolve_actor(session, p["addressed_to"], _kind_of(p["addressed_to"]), on, created)
                 if p.get("addressed_to") else None)
    fields = ActionFields(
        type=ActionType(p["type"]), summary=p["summary"], owner_id=owner, addressed_to_id=addressed,
        due=PartialDate.from_json(p["due"]), set_date=on, status=ActionStatus.OPEN, status_note=None,
        status_document_id=None,
    )
    action_id = actions_repo.create_action(session, fields, document_id=s.document_id, start=p["start"],
                                           end=p["end"], now=utc_now())
    created.append(("actions", action_id))


def _kind_of(name: str) -> ActorKind:
    return ActorKind.ORGANISATION if organisation_name(name) else ActorKind.PERSON


class SuggestionService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def pending(self, document_id: int | None = None) -> list[SuggestionRow]:
        with self._sessions() as session:
            return actions_repo.suggestions(session, document_id)

    def accept(self, suggestion_id: int) -> AcceptRecord:
        return self.accept_many([suggestion_id])[0]

    def accept_document(self, document_id: int) -> list[AcceptRecord]:
        """Accept all of a document's pending suggestions: actors first, so actions find owners."""
        ids = [s.id for s in sorted(self.pending(document_id), key=lambda s: s.kind != "actor")]
        return self.accept_many(ids)

    def accept_many(self, suggestion_ids: list[int]) -> list[AcceptRecord]:
        records = []
        with self._sessions.begin() as session:
            for suggestion_id in suggestion_ids:
                s = actions_repo.suggestion(session, suggestion_id)
                if s.status != "pending":
                    continue
                on = docs_repo.metadata_of(session, s.document_id)[0].date
                created: Created = []
                updated: Updated = []
                merges: list[MergeRecord] = []
                if s.kind == "actor":
                    actor_id = _accept_actor(session, s, on, created, updated)
                    merges = _absorb_shorter_forms(session, actor_id, ActorKind(s.payload["kind"]))
                else:
                    _accept_action(session, s, on, created)
                actions_repo.set_suggestion_status(session, s.id, "accepted", utc_now())
                records.append(AcceptRecord(suggestion_id=s.id, created=tuple(created), merges=tuple(merges),
                                            updated=tuple(updated)))
        return records

    def unaccept(self, records: list[AcceptRecord]) -> None:
        """Undo acceptances: what they created goes, and the suggestions are pending again."""
        with self._sessions.begin() as session:
            for record in reversed(records):
                for merge in reversed(record.merges):
                    actors_repo.delete_by_ids(session, "actor_aliases", merge.added_alias_ids)
                    actors_repo.restore(session, merge.dropped)
                for table, row_id, old in reversed(record.updated):
                    actors_repo.update_rows(session, table, row_id, old)
                for table, row_id in reversed(record.created):
                    actors_repo.delete_by_ids(session, table, [row_id])
                actions_repo.set_suggestion_status(session, record.suggestion_id, "pending", utc_now())

    def reject(self, suggestion_id: int) -> None:
        """Reject a suggestion; it is remembered and never made again in this dossier."""
        with self._sessions.begin() as session:
            actions_repo.set_suggestion_status(session, suggestion_id, "rejected", utc_now())

    def unreject(self, suggestion_id: int) -> None:
        with self._sessions.begin() as session:
            actions_repo.set_suggestion_status(session, suggestion_id, "pending", utc_now())
