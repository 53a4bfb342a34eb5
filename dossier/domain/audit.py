"""The audit trail as plain records: who changed what, when, from which value to which."""

from __future__ import annotations

from dataclasses import dataclass

# what a table's rows are, for people
SUBJECTS = {
    "documents": "document", "document_parties": "party", "document_reviews": "reviewed mark",
    "actors": "actor", "actor_aliases": "alias", "posts": "post", "post_holders": "post holder",
    "mentions": "mention", "actions": "action", "chronology_entries": "chronology entry",
    "conflict_resolutions": "conflict resolution", "annotations": "annotation", "annotation_tags": "annotation tag",
    "suggestions": "suggestion", "rejections": "rejection",
}
VERBS = {"insert": "added", "update": "changed", "delete": "deleted"}


@dataclass(frozen=True)
class Change:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str  # ISO 8601 UTC
    who: str
    table: str
    op: str  # insert, update or delete
    row_id: int | None
    document_id: int | None
    actor_id: int | None
    action_id: int | None
    changes: tuple[Change, ...] = ()
    values: tuple[tuple[str, object], ...] = ()  # the row as it stands after the change (before, for a delete)

    @property
    def what(self) -> str:
        """e.g. "document 3 changed", "annotation 12 added"."""
        subject = SUBJECTS.get(self.table, self.table)
        if self.table == "documents" and self.op == "insert":
            return f"document D{self.row_id} filed"
        number = f" {self.row_id}" if self.row_id is not None else ""
        if self.table == "documents":
            number = f" D{self.row_id}"
        return f"{subject}{number} {VERBS.get(self.op, self.op)}"
