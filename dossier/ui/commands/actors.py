"""Undoable edits of the actor register: tag, new actor, merge, split an alias, rename, kind, delete."""

from __future__ import annotations

from dossier.domain.changes import Changes
from dossier.domain.findings import ActorKind
from dossier.domain.register import ActorSnapshot, MergeRecord, TagRecord
from dossier.services.actors import ActorService
from dossier.ui.commands.base import Notify, ServiceCommand


class TagCommand(ServiceCommand):
    """Tag a span of a document as naming an actor: tag / untag(record)."""

    def __init__(self, actors: ActorService, notify: Notify, document_id: int, start: int, end: int, *,
                 actor_id: int | None, name: str, kind: ActorKind) -> None:
        super().__init__(f"Tag “{name}” in D{document_id}", notify)
        self._actors = actors
        self.document_id, self.start, self.end = document_id, start, end
        self.actor_id, self.name, self.kind = actor_id, name, kind
        self.record: TagRecord | None = None

    def run(self) -> Changes:
        done = self._actors.tag(self.document_id, self.start, self.end, actor_id=self.actor_id,
                                name=self.name, kind=self.kind)
        self.record = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.record is not None:
            changes = self._actors.untag(self.record).changes
            self.record = None
            return changes
        return Changes.none()


class NewActorCommand(ServiceCommand):
    """create / delete."""

    def __init__(self, actors: ActorService, notify: Notify, name: str, kind: ActorKind) -> None:
        super().__init__(f"New actor “{name}”", notify)
        self._actors = actors
        self.name, self.kind = name, kind
        self.actor_id: int | None = None

    def run(self) -> Changes:
        done = self._actors.create(self.name, self.kind)
        self.actor_id = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.actor_id is not None:
            return self._actors.delete(self.actor_id).changes
        return Changes.none()


class MergeCommand(ServiceCommand):
    """merge(keep, drop) / unmerge(record)."""

    def __init__(self, actors: ActorService, notify: Notify, keep_id: int, drop_id: int, text: str) -> None:
        super().__init__(text, notify)
        self._actors = actors
        self.keep_id, self.drop_id = keep_id, drop_id
        self.record: MergeRecord | None = None

    def run(self) -> Changes:
        done = self._actors.merge(self.keep_id, self.drop_id)
        self.record = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.record is not None:
            return self._actors.unmerge(self.record).changes
        return Changes.none()


class SplitAliasCommand(ServiceCommand):
    """split_alias(actor, alias) / merge(actor, the new actor)."""

    def __init__(self, actors: ActorService, notify: Notify, actor_id: int, alias: str) -> None:
        super().__init__(f"Split “{alias}” off", notify)
        self._actors = actors
        self.actor_id, self.alias = actor_id, alias
        self.new_id: int | None = None

    def run(self) -> Changes:
        done = self._actors.split_alias(self.actor_id, self.alias)
        self.new_id = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.new_id is not None:
            return self._actors.merge(self.actor_id, self.new_id).changes
        return Changes.none()


class RenameCommand(ServiceCommand):
    """rename(actor, new) / rename(actor, old)."""

    def __init__(self, actors: ActorService, notify: Notify, actor_id: int, name: str) -> None:
        super().__init__(f"Rename to “{name}”", notify)
        self._actors = actors
        self.actor_id, self.name = actor_id, name
        self.old_name: str | None = None

    def run(self) -> Changes:
        done = self._actors.rename(self.actor_id, self.name)
        self.old_name = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.old_name is not None:
            return self._actors.rename(self.actor_id, self.old_name).changes
        return Changes.none()


class SetKindCommand(ServiceCommand):
    """set_kind(actor, new) / set_kind(actor, old)."""

    def __init__(self, actors: ActorService, notify: Notify, actor_id: int, kind: ActorKind, name: str) -> None:
        super().__init__(f"Make “{name}” {'an organisation' if kind is ActorKind.ORGANISATION else 'a person'}",
                         notify)
        self._actors = actors
        self.actor_id, self.kind = actor_id, kind
        self.old_kind: ActorKind | None = None

    def run(self) -> Changes:
        done = self._actors.set_kind(self.actor_id, self.kind)
        self.old_kind = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.old_kind is not None:
            return self._actors.set_kind(self.actor_id, self.old_kind).changes
        return Changes.none()


class DeleteActorCommand(ServiceCommand):
    """delete / restore(snapshot)."""

    def __init__(self, actors: ActorService, notify: Notify, actor_id: int, name: str) -> None:
        super().__init__(f"Delete “{name}”", notify)
        self._actors = actors
        self.actor_id = actor_id
        self.snapshot: ActorSnapshot | None = None

    def run(self) -> Changes:
        done = self._actors.delete(self.actor_id)
        self.snapshot = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.snapshot is not None:
            return self._actors.restore(self.snapshot).changes
        return Changes.none()
