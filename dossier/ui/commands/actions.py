"""Undoable edits of actions: update / update(before), set_status / update(before), create / delete,
delete / restore(snapshot)."""

from __future__ import annotations

from dossier.domain.changes import Changes
from dossier.domain.findings import ActionStatus
from dossier.domain.register import ActionFields
from dossier.domain.snapshots import ActionSnapshot
from dossier.services.actions import ActionService
from dossier.ui.commands.base import Notify, ServiceCommand


class EditActionCommand(ServiceCommand):
    def __init__(self, actions: ActionService, notify: Notify, action_id: int, fields: ActionFields) -> None:
        super().__init__(f"Edit action “{_short(fields.summary)}”", notify)
        self._actions = actions
        self.action_id, self.fields = action_id, fields
        self.before: ActionFields | None = None

    def run(self) -> Changes:
        done = self._actions.update(self.action_id, self.fields)
        self.before = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.before is not None:
            return self._actions.update(self.action_id, self.before).changes
        return Changes.none()


class SetStatusCommand(ServiceCommand):
    def __init__(self, actions: ActionService, notify: Notify, action_id: int, status: ActionStatus, *,
                 note: str | None, document_id: int | None, summary: str = "") -> None:
        super().__init__(f"Mark “{_short(summary)}” {status.value}", notify)
        self._actions = actions
        self.action_id, self.status, self.note, self.document_id = action_id, status, note, document_id
        self.before: ActionFields | None = None

    def run(self) -> Changes:
        done = self._actions.set_status(self.action_id, self.status, note=self.note,
                                        document_id=self.document_id)
        self.before = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.before is not None:
            return self._actions.update(self.action_id, self.before).changes
        return Changes.none()


class NewActionCommand(ServiceCommand):
    def __init__(self, actions: ActionService, notify: Notify, fields: ActionFields, *,
                 document_id: int | None = None, start: int | None = None, end: int | None = None) -> None:
        super().__init__(f"New action “{_short(fields.summary)}”", notify)
        self._actions = actions
        self.fields, self.document_id, self.start, self.end = fields, document_id, start, end
        self.action_id: int | None = None

    def run(self) -> Changes:
        done = self._actions.create(self.fields, document_id=self.document_id, start=self.start,
                                    end=self.end)
        self.action_id = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.action_id is not None:
            return self._actions.delete(self.action_id).changes
        return Changes.none()


class DeleteActionCommand(ServiceCommand):
    def __init__(self, actions: ActionService, notify: Notify, action_id: int, summary: str) -> None:
        super().__init__(f"Delete action “{_short(summary)}”", notify)
        self._actions = actions
        self.action_id = action_id
        self.snapshot: ActionSnapshot | None = None

    def run(self) -> Changes:
        done = self._actions.delete(self.action_id)
        self.snapshot = done.value
        return done.changes

    def revert(self) -> Changes:
        if self.snapshot is not None:
            return self._actions.restore(self.snapshot).changes
        return Changes.none()


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
