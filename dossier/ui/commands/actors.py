"""Undoable edits of the actor register: tag, new actor, merge, split an alias, rename, kind, delete."""

from __future__ import annotations

from dossier.domain.findings import ActorKind
from dossier.domain.register import ActorSnapshot, MergeRecord, TagRecord
from dossier.services.actors import ActorService
from dossier.ui.commands.base import ACTIONS, ACTORS, DOCUMENTS, MENTIONS, Notify, ServiceCommand

REGISTER = frozenset({ACTORS, MENTIONS, ACTIONS, DOCUMENTS})  # parties, owners and mentions name actors


class TagCommand(ServiceCommand):
    """Tag a span of a document as naming an actor: tag / untag(record)."""

    scope = frozenset({ACTORS, MENTIONS})

    def __init__(self, actors: ActorService, notify: Notify, document_id: int, start: int, end: int, *,
                 actor_id: int | None, name: str, kind: ActorKind) -> None:
        super().__init__(f"Tag “{name}” in D{document_id}", notify)
        self._actors = actors
        self.document_id, self.start, self.end = document_id, start, end
        self.actor_id, self.name, self.kind = actor_id, name, kind
        self.record: TagRecord | None = None

    def run(self) -> None:
        self.record = self._actors.tag(self.document_id, self.start, self.end, actor_id=self.actor_id,
                                       name=self.name, kind=self.kind)

    def revert(self) -> None:
        if self.record is not None:
            self._actors.untag(self.record)
            self.record = None


class NewActorCommand(ServiceCommand):
    """create / delete."""

    scope = frozenset({ACTORS})

    def __init__(self, actors: ActorService, notify: Notify, name: str, kind: ActorKind) -> None:
        super().__init__(f"New actor “{name}”", notify)
        self._actors = actors
        self.name, self.kind = name, kind
        self.actor_id: int | None = None

    def run(self) -> None:
        self.actor_id = self._actors.create(self.name, self.kind)

    def revert(self) -> None:
        if self.actor_id is not None:
            self._actors.delete(self.actor_id)


class MergeCommand(ServiceCommand):
    """merge(keep, drop) / unmerge(record)."""

    scope = REGISTER

    def __init__(self, actors: ActorService, notify: Notify, keep_id: int, drop_id: int, text: str) -> None:
        super().__init__(text, notify)
        self._actors = actors
        self.keep_id, self.drop_id = keep_id, drop_id
        self.record: MergeRecord | None = None

    def run(self) -> None:
        self.record = self._actors.merge(self.keep_id, self.drop_id)

    def revert(self) -> None:
        if self.record is not None:
            self._actors.unmerge(self.record)


class SplitAliasCommand(ServiceCommand):
    """split_alias(actor, alias) / merge(actor, the new actor)."""

    scope = REGISTER

    def __init__(self, actors: ActorService, notify: Notify, actor_id: int, alias: str) -> None:
        super().__init__(f"Split “{alias}” off", notify)
        self._actors = actors
        self.actor_id, self.alias = actor_id, alias
        self.new_id: int | None = None

    def run(self) -> None:
        self.new_id = self._actors.split_alias(self.actor_id, self.alias)

    def revert(self) -> None:
        if self.new_id is not None:
            self._actors.merge(self.actor_id, self.new_id)


class RenameCommand(ServiceCommand):
    """rename(actor, new) / rename(actor, old)."""

    scope = REGISTER

    def __init__(self, actors: ActorService, notify: Notify, actor_id: int, name: str) -> None:
        super().__init__(f"Rename to “{name}”", notify)
        self._actors = actors
        self.actor_id, self.name = actor_id, name
        self.old_name: str | None = None

    def run(self) -> None:
        self.old_name = self._actors.rename(self.actor_id, self.name)

    def revert(self) -> None:
        if self.old_name is not None:
            self._actors.rename(self.actor_id, self.old_name)


class SetKindCommand(ServiceCommand):
    """set_kind(actor, new) / set_kind(actor, old)."""

    scope = frozenset({ACTORS, MENTIONS})

    def __init__(self, actors: ActorService, notify: Notify, actor_id: int, kind: ActorKind, name: str) -> None:
        super().__init__(f"Make “{name}” {'an organisation' if kind is ActorKind.ORGANISATION else 'a person'}",
                         notify)
        self._actors = actors
        self.actor_id, self.kind = actor_id, kind
        self.old_kind: ActorKind | None = None

    def run(self) -> None:
        self.old_kind = self._actors.set_kind(self.actor_id, self.kind)

    def revert(self) -> None:
        if self.old_kind is not None:
            self._actors.set_kind(self.actor_id, self.old_kind)


class DeleteActorCommand(ServiceCommand):
    """delete / restore(snapshot)."""

    scope = REGISTER

    def __init__(self, actors: ActorService, notify: Notify, actor_id: int, name: str) -> None:
        super().__init__(f"Delete “{name}”", notify)
        self._actors = actors
        self.actor_id = actor_id
        self.snapshot: ActorSnapshot | None = None

    def run(self) -> None:
        self.snapshot = self._actors.delete(self.actor_id)

    def revert(self) -> None:
        if self.snapshot is not None:
            self._actors.restore(self.snapshot)
