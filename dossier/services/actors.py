"""Use cases over the actor register: who's who, tagging, merging, splitting, deleting.

Each method is one transaction and returns plain records; what an undo needs comes back with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session, sessionmaker

from dossier.analysis.post_titles import normalise_post
from dossier.db import actors_repo as repo
from dossier.db import documents_repo as docs_repo
from dossier.db import mentions_repo
from dossier.domain.changes import Changed, Changes, Kind
from dossier.domain.clock import Clock, stamp
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActorKind
from dossier.domain.register import (
    ActorDetail,
    ActorRow,
    ActorSnapshot,
    DocumentMention,
    MergeRecord,
    TagRecord,
)


class ActorService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self.clock = clock

    # -- reading ---------------------------------------------------------------------------------
    def ids(self, *, sort: str = "name", descending: bool = False, text_filter: str = "",
            kind: ActorKind | None = None) -> list[int]:
        with self._sessions() as session:
            return repo.actor_ids(session, sort=sort, descending=descending, text_filter=text_filter, kind=kind)

    def rows(self, ids: Sequence[int], as_at: dt.date | None = None) -> list[ActorRow]:
        """Rows of the who's who; each row's posts are those held on `as_at` (None: those not ended)."""
        with self._sessions() as session:
            return repo.actor_rows(session, ids, as_at)

    def whos_who(self, as_at: dt.date | None = None, *, kind: ActorKind | None = None) -> list[ActorRow]:
        """Every actor, by name, with the posts held on `as_at`: a tenure covering the date, an open
        tenure started before it, or a post with no dates counted from the first letter naming it."""
        with self._sessions() as session:
            return repo.actor_rows(session, repo.actor_ids(session, kind=kind), as_at)

    def get(self, actor_id: int, as_at: dt.date | None = None) -> ActorDetail:
        """One actor, with every tenure (earliest first) and every mention; the row's posts as at `as_at`."""
        with self._sessions() as session:
            return repo.actor_detail(session, actor_id, as_at)

    def find(self, name: str) -> int | None:
        with self._sessions() as session:
            return repo.find_actor(session, name)

    def names(self) -> list[str]:
        with self._sessions() as session:
            return sorted({n for _, n, _ in repo.all_names(session)}, key=str.casefold)

    def document_mentions(self, document_id: int) -> list[DocumentMention]:
        with self._sessions() as session:
            return mentions_repo.document_mentions(session, document_id)

    # -- editing ---------------------------------------------------------------------------------
    def create(self, name: str, kind: ActorKind = ActorKind.PERSON) -> Changed[int]:
        with self._sessions.begin() as session:
            actor_id = repo.create_actor(session, name, kind, stamp(self.clock))
            return Changed(actor_id, Changes.of(Kind.ACTORS, [actor_id]))

    def tag(self, document_id: int, start: int, end: int, *, actor_id: int | None = None,
            name: str | None = None, kind: ActorKind = ActorKind.PERSON) -> Changed[TagRecord]:
        """Tag a span of a document as naming an actor (an existing one, or a new one by name).

        The selected words become an alias of the actor unless they are its name.
        """
        with self._sessions.begin() as session:
            text = docs_repo.document_text(session, document_id)
            if not 0 <= start < end <= len(text):
                raise ValueError("The selection is outside the document's text.")
            words = " ".join(text[start:end].split())
            created = False
            if actor_id is None:
                if not name or not name.strip():
                    raise ValueError("Give the actor a name.")
                actor_id = repo.find_actor(session, name)
                if actor_id is None:
                    actor_id = repo.create_actor(session, name, kind, stamp(self.clock))
                    created = True
            alias_id = repo.add_alias(session, actor_id, words, document_id)
            mention_id = mentions_repo.add_mention(session, document_id, actor_id, start, end, text[start:end])
            if mention_id is None:
                raise ValueError("That passage is already tagged with this actor.")
            record = TagRecord(mention_id=mention_id, actor_id=actor_id, created_actor=created,
                               added_alias_id=alias_id)
            return Changed(record, _tagged(record))

    def untag(self, record: TagRecord) -> Changed[None]:
        """Undo a tag: the mention goes, and the alias and actor if the tag made them."""
        with self._sessions.begin() as session:
            repo.delete_by_ids(session, "mentions", [record.mention_id])
            if record.added_alias_id:
                repo.delete_by_ids(session, "actor_aliases", [record.added_alias_id])
            if record.created_actor:
                repo.delete_by_ids(session, "actors", [record.actor_id])
            return Changed(None, _tagged(record))

    def merge(self, keep_id: int, drop_id: int) -> Changed[MergeRecord]:
        """Merge `drop` into `keep`: mentions, aliases, posts, parties and actions move across."""
        with self._sessions.begin() as session:
            snap, added = repo.merge(session, keep_id, drop_id, stamp(self.clock))
            return Changed(MergeRecord(keep_id=keep_id, dropped=snap, added_alias_ids=added),
                           register_changes(keep_id, drop_id))

    def unmerge(self, record: MergeRecord) -> Changed[None]:
        with self._sessions.begin() as session:
            if record.added_alias_ids:
                repo.delete_by_ids(session, "actor_aliases", record.added_alias_ids)
            repo.restore(session, record.dropped)
            return Changed(None, register_changes(record.keep_id, record.dropped.actor.id))

    def split_alias(self, actor_id: int, alias: str) -> Changed[int]:
        """Make an alias an actor of its own. Undo it with `merge(actor_id, new_id)`."""
        with self._sessions.begin() as session:
            new_id = repo.split_alias(session, actor_id, alias, stamp(self.clock))
            return Changed(new_id, register_changes(actor_id, new_id))

    def delete(self, actor_id: int) -> Changed[ActorSnapshot]:
        with self._sessions.begin() as session:
            return Changed(repo.delete_actor(session, actor_id), register_changes(actor_id))

    def restore(self, snapshot: ActorSnapshot) -> Changed[None]:
        with self._sessions.begin() as session:
            repo.restore(session, snapshot)
            return Changed(None, register_changes(snapshot.actor.id))

    def rename(self, actor_id: int, name: str) -> Changed[str]:
        """Rename an actor; returns the old name (for undo)."""
        with self._sessions.begin() as session:
            old = repo.actor_rows(session, [actor_id])[0].name
            repo.rename(session, actor_id, name)
            return Changed(old, register_changes(actor_id))

    def set_kind(self, actor_id: int, kind: ActorKind) -> Changed[ActorKind]:
        with self._sessions.begin() as session:
            old = repo.actor_rows(session, [actor_id])[0].kind
            repo.set_kind(session, actor_id, kind)
            return Changed(old, Changes.of(Kind.ACTORS, [actor_id]) | Changes.of(Kind.MENTIONS))

    def holder_on(self, post_title: str, on: PartialDate | None) -> int | None:
        """Who held a post on a date ("the Commissioner" in a letter of that date)."""
        post = normalise_post(post_title)
        if post is None:
            return None
        with self._sessions() as session:
            return repo.holder_on(session, post.key, on)


def register_changes(*actor_ids: int) -> Changes:
    """What an edit of who's who touches: the actors, and what names them (mentions, the parties
    of documents, the owners of actions, the chronology's actors)."""
    return (Changes.of(Kind.ACTORS, actor_ids)
            | Changes.kinds_of(Kind.MENTIONS, Kind.ACTIONS, Kind.METADATA, Kind.DOCUMENTS, Kind.CHRONOLOGY))


def _tagged(record: TagRecord) -> Changes:
    return Changes.of(Kind.ACTORS, [record.actor_id]) | Changes.of(Kind.MENTIONS, [record.mention_id])
