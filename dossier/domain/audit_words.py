"""The audit trail in words: "Mention of 'J. Smith' in D3 ¶4 linked to John Smith (was: Smith)".

One describer per table names the row changed (documents by label, actors by name, paragraphs by
number) and one phrase per field says what became of it, old and new values resolved. The names come
from `Names`, which the services look up; nothing here reads the dossier.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from dossier.domain.audit import AuditEntry

Values = Mapping[str, object]

# fields whose values are actors, and documents
ACTOR_FIELDS = {"actor_id", "owner_id", "addressed_to_id", "organisation_id"}
DOCUMENT_FIELDS = {"document_id", "copy_of", "status_document_id"}
# fields that say nothing to a reader, or that another field already says (a date's precision goes with its value)
HIDDEN = {"id", "end", "name_key", "alias_key", "title_key", "date_precision", "date_qualifier", "date_end_value",
          "set_precision", "due_precision", "due_qualifier", "due_latest", "date_sort", "date_rank", "sha256",
          "size", "updated_at", "created_at", "changed_at", "heading", "user_set", "position", "prefix", "suffix"}
# field -> what it is called
LABELS = {
    "date_value": "date", "date_text": "date as written", "due_value": "due date", "due_text": "due as written",
    "set_value": "set on", "set_text": "set as written", "file_name": "file", "first_file_name": "first filed as",
    "media_type": "type", "page_count": "pages", "copy_of": "copy of", "not_a_copy": "not a copy",
    "changed_since_review": "changed since reviewed by", "owner_id": "owner", "addressed_to_id": "addressed to",
    "status_document_id": "status from", "status_note": "status note", "organisation_id": "organisation",
    "start_value": "from", "end_value": "to", "end_inferred": "end inferred", "reviewed_by": "reviewed by",
    "reviewed_at": "reviewed at", "needs_check": "to check", "document_id": "document", "actor_id": "actor",
}
# (table, field) -> the phrase before the new value, where "<label>:" would read badly
PHRASES = {("mentions", "actor_id"): "linked to", ("actor_aliases", "actor_id"): "moved to",
           ("post_holders", "actor_id"): "held by", ("document_parties", "actor_id"): "now",
           ("post_holders", "document_id"): "now from", ("actor_aliases", "document_id"): "now from",
           ("actions", "owner_id"): "owner now", ("actions", "status"): "now"}


@dataclass(frozen=True)
class Names:
    """What the services looked up for a page of entries."""

    actors: Mapping[int, str] = field(default_factory=dict)
    # document id -> (start, end, number) of its paragraphs, in order
    paragraphs: Mapping[int, tuple[tuple[int, int, int], ...]] = field(default_factory=dict)
    actions: Mapping[int, str] = field(default_factory=dict)  # action id -> summary
    posts: Mapping[int, str] = field(default_factory=dict)  # post id -> title

    def post(self, post_id: object) -> str:
        return quoted(self.posts[post_id]) if isinstance(post_id, int) and post_id in self.posts else f"post {post_id}"

    def actor(self, actor_id: object) -> str:
        if actor_id in (None, ""):
            return "no one"
        return self.actors.get(actor_id, f"actor {actor_id}") if isinstance(actor_id, int) else str(actor_id)

    def action(self, action_id: object) -> object:
        """The action's summary, or the id itself when it is not known."""
        return self.actions.get(action_id, action_id) if isinstance(action_id, int) else action_id

    def paragraph(self, doc_id: object, offset: object) -> int | None:
        if not isinstance(doc_id, int) or not isinstance(offset, int):
            return None
        for start, end, number in self.paragraphs.get(doc_id, ()):
            if start <= offset < end:
                return number
        return None

    def place(self, doc_id: object, offset: object) -> str:
        """e.g. "D3 ¶4" (or "D3" where the paragraph is not known)."""
        if doc_id in (None, ""):
            return ""
        n = self.paragraph(doc_id, offset)
        return f"D{doc_id} ¶{n}" if n else f"D{doc_id}"


def quoted(value: object, limit: int = 60) -> str:
    text = " ".join(str(value or "").split())
    return "'" + (text if len(text) <= limit else text[:limit - 1] + "…") + "'"


def _in(names: Names, v: Values) -> str:
    place = names.place(v.get("document_id"), v.get("start"))
    return f" in {place}" if place else ""


# table -> who or what the row is, from its values
SUBJECTS: dict[str, Callable[[Names, Values, AuditEntry], str]] = {
    "documents": lambda n, v, e: f"D{e.row_id}",
    "document_parties": lambda n, v, e: f"{str(v.get('role') or 'party').capitalize()} of D{v.get('document_id')}",
    "document_reviews": lambda n, v, e: f"Reviewed mark on D{v.get('document_id')}",
    "actors": lambda n, v, e: f"{str(v.get('kind') or 'actor').capitalize()} {v.get('name') or n.actor(e.row_id)}",
    "actor_aliases": lambda n, v, e: f"Alias {quoted(v.get('alias'))} of {n.actor(v.get('actor_id'))}",
    "posts": lambda n, v, e: f"Post {quoted(v.get('title'))}",
    "post_holders": lambda n, v, e: f"Tenure of {n.actor(v.get('actor_id'))} as {n.post(v.get('post_id'))}",
    "mentions": lambda n, v, e: f"Mention of {quoted(v.get('text'))}{_in(n, v)}",
    "actions": lambda n, v, e: f"Action {quoted(v.get('summary') or n.actions.get(e.row_id or 0, e.row_id))}"
                               f"{_in(n, v)}",
    "action_sources": lambda n, v, e: f"Source of action {quoted(n.action(v.get('action_id')))}"
                                      f"{_in(n, v)}",
    "chronology_entries": lambda n, v, e: f"Chronology entry {quoted(v.get('description'))}",
    "conflict_resolutions": lambda n, v, e: "Conflict between two chronology entries",
    "annotations": lambda n, v, e: f"Annotation on {quoted(v.get('quote'))}{_in(n, v)}",
    "annotation_tags": lambda n, v, e: f"Tag {quoted(v.get('tag'))} on annotation {v.get('annotation_id')}",
    "suggestions": lambda n, v, e: f"Suggested {v.get('kind') or 'item'} {quoted(v.get('label'))}"
                                   f" from D{v.get('document_id')}",
    "rejections": lambda n, v, e: f"Rejection of {quoted(v.get('key'))}",
}
# what became of a suggestion, by its new status
SUGGESTION_OUTCOMES = {"accepted": "accepted", "rejected": "rejected", "pending": "put back for review"}
VERBS = {"insert": "added", "delete": "deleted"}


def value(names: Names, name: str, v: object) -> str:
    """A field's value for a reader: actors by name, documents by label, nothing as "none"."""
    if name in ACTOR_FIELDS:
        return names.actor(v) if v not in (None, "") or name != "organisation_id" else "none"
    if v in (None, ""):
        return "none"
    if name in DOCUMENT_FIELDS:
        return f"D{v}"
    if isinstance(v, bool) or name in ("not_a_copy", "needs_check", "end_inferred", "user_set", "machine"):
        return "yes" if v else "no"
    if isinstance(v, str):
        return quoted(v)
    return str(v)


def change(names: Names, table: str, entry: AuditEntry, name: str, old: object, new: object,
           row: Values) -> str | None:
    """One changed field in words, e.g. "linked to John Smith (was: Smith)" (None: not worth saying)."""
    if name == "start":  # a span moved: say where to, by paragraph
        doc = row.get("document_id", entry.document_id)
        was, now = names.place(doc, old), names.place(doc, new)
        if new is None:
            return "no longer placed in the text"
        return f"moved to {now} (was: {was})" if was != now else "moved within " + now
    if name in HIDDEN:
        return None
    phrase = PHRASES.get((table, name)) or LABELS.get(name, name.replace("_", " "))
    return f"{phrase} {value(names, name, new)} (was: {value(names, name, old)})"


def _summary(names: Names, entry: AuditEntry) -> str:
    """The one line a re-file writes for the annotations it moved."""
    got = {c.field: c.new for c in entry.changes}
    parts = [f"{got.get('reanchored', 0)} moved with the new text"]
    if got.get("changed_words"):
        parts.append(f"{got['changed_words']} onto different words (to check)")
    if got.get("orphaned"):
        parts.append(f"{got['orphaned']} could not be placed")
    return f"Annotations of D{entry.document_id} re-anchored after a re-file: " + ", ".join(parts)


def describe(entry: AuditEntry, names: Names) -> str:
    """One audited change in words."""
    table = entry.table
    if table == "annotations" and entry.row_id is None:
        return _summary(names, entry)
    row = dict(entry.values)
    subject_of = SUBJECTS.get(table)
    subject = subject_of(names, row, entry) if subject_of else f"{table.replace('_', ' ')} {entry.row_id}"
    if table == "documents" and entry.op == "insert":
        return f"{subject} filed from {row.get('file_name') or 'a file'}" + (
            f", a copy of D{row['copy_of']}" if row.get("copy_of") else "")
    if table == "documents" and entry.op == "update" and any(c.field == "file_name" for c in entry.changes):
        old = next(c.old for c in entry.changes if c.field == "file_name")
        said = [f"{subject} re-filed from {row.get('file_name')} (was: {old})"]
        for c in entry.changes:
            if c.field == "changed_since_review" and c.new:
                said.append(f"reviewed mark by {c.new} cleared: changed since reviewed")
            elif c.field == "changed_since_review" and c.old:
                said.append(f"reviewed mark by {c.old} put back")
        return "; ".join(said)
    if table == "documents" and entry.op == "update" and {c.field for c in entry.changes} <= {"copy_of", "not_a_copy"}:
        was = next((c.old for c in entry.changes if c.field == "copy_of"), None)
        if row.get("copy_of"):
            return f"{subject} shown as a copy of D{row['copy_of']} again"
        return f"{subject} said not to be a copy" + (f" of D{was}" if was else "")
    if table == "document_reviews" and entry.op != "update":
        by = row.get("reviewed_by")
        return f"D{row.get('document_id')} marked reviewed by {by}" if entry.op == "insert" else \
            f"D{row.get('document_id')} no longer marked reviewed (was: by {by})"
    if table == "document_parties" and entry.op != "update":
        who = names.actor(row.get("actor_id"))
        role = row.get("role") or "party"
        return f"{who} {'added as' if entry.op == 'insert' else 'no longer'} {role} of D{row.get('document_id')}"
    if table == "suggestions" and entry.op == "update" and any(c.field == "status" for c in entry.changes):
        status = str(row.get("status"))
        return f"{subject} {SUGGESTION_OUTCOMES.get(status, status)}"
    if table == "rejections":
        return (f"Suggestion {quoted(row.get('key'))} rejected: it will not be made again" if entry.op == "insert"
                else f"Suggestion {quoted(row.get('key'))} may be made again")
    if table == "mentions" and entry.op == "insert":
        return f"{subject} linked to {names.actor(row.get('actor_id'))}"
    if entry.op in VERBS:
        return f"{subject} {VERBS[entry.op]}"
    said = [s for c in entry.changes if (s := change(names, table, entry, c.field, c.old, c.new, row))]
    if not said:
        return f"{subject} changed"
    # "Mention of … linked to …" reads on; "D3: title …" needs its colon
    verb = said[0].startswith((*PHRASES.values(), "moved", "no longer"))
    return f"{subject}{' ' if verb else ': '}" + "; ".join(said)
