"""The audit trail: an append-only log of every change, written in the same transaction as the change.

How: SQLite triggers. Each connection gets TEMP triggers on the tables people change (documents,
their parties, actors, aliases, posts, actions, chronology entries (whether an action carries a
deadline included), annotations, reviews, suggestions accepted or rejected...). A
trigger writes one row per inserted, updated or deleted row: when, who, which table and row, the
document / actor / action it belongs to, and the old and new values (as JSON, large text left out).
So no service can forget to log, and the log commits or rolls back with the change itself.

Who: a one-row TEMP table holds the name of the person using this dossier, set at the start of
every transaction from the `AuditContext` the services share. While documents are filed the
context is "quiet": the document itself is logged as filed, but not the dozens of rows analysis
derives from it (parties, chronology entries...).

The log cannot be changed: permanent triggers on `audit_log` refuse UPDATE and DELETE.

Like `search.py`, this module holds SQLite-only SQL (triggers, json_object); a PostgreSQL back end
will put the same rows in place with its own trigger functions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import event, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from dossier.db.models import Action, Actor, AuditRecord, Paragraph, Post
from dossier.domain.audit import AuditEntry, Change
from dossier.domain.audit_words import ACTOR_FIELDS, Names

# table -> (columns recorded, link columns: document, actor, action as SQL over the row ("{row}."))
_LEFT_OUT = {"documents": {"text", "sender_sort", "recipient_sort", "heading"}, "annotations": {"prefix", "suffix"},
             "chronology_entries": {"conflicts_stale"},  # bookkeeping, not a change anyone made
             "suggestions": {"payload"}}  # what the machine read, large; the label says what it is
TRACKED: dict[str, dict[str, str | None]] = {
    "documents": {"document": "{row}.id", "actor": None, "action": None},
    "document_parties": {"document": "{row}.document_id", "actor": "{row}.actor_id", "action": None},
    "document_reviews": {"document": "{row}.document_id", "actor": None, "action": None},
    "actors": {"document": None, "actor": "{row}.id", "action": None},
    "actor_aliases": {"document": "{row}.document_id", "actor": "{row}.actor_id", "action": None},
    "posts": {"document": None, "actor": "{row}.organisation_id", "action": None},
    "post_holders": {"document": "{row}.document_id", "actor": "{row}.actor_id", "action": None},
    "mentions": {"document": "{row}.document_id", "actor": "{row}.actor_id", "action": None},
    "actions": {"document": "{row}.document_id", "actor": "{row}.owner_id", "action": "{row}.id"},
    "action_sources": {"document": "{row}.document_id", "actor": None, "action": "{row}.action_id"},
    "chronology_entries": {"document": None, "actor": None, "action": None},
    "conflict_resolutions": {"document": None, "actor": None, "action": None},
    "annotations": {"document": "{row}.document_id", "actor": None, "action": None},
    "annotation_tags": {"document": "(SELECT document_id FROM annotations WHERE id = {row}.annotation_id)",
                        "actor": None, "action": None},
    # accepting or rejecting what the machine suggested (the status), and the rejections remembered
    "suggestions": {"document": "{row}.document_id", "actor": None, "action": None},
    "rejections": {"document": None, "actor": None, "action": None},
}
LOUD_WHEN_QUIET = {"documents"}  # while filing, only the document itself is logged

SYSTEM = "Dossier"  # who, for changes no person made (none today: filing is done by the user)


def install_log(connection: Connection) -> None:
    """Permanent triggers that keep the log append-only (the migration that adds the log)."""
    if connection.dialect.name != "sqlite":
        return
    for op in ("UPDATE", "DELETE"):
        connection.execute(text(
            f"CREATE TRIGGER IF NOT EXISTS audit_log_no_{op.lower()} BEFORE {op} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END"))


def uninstall_log(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        for op in ("update", "delete"):
            connection.execute(text(f"DROP TRIGGER IF EXISTS audit_log_no_{op}"))


@dataclass
class AuditContext:
    """Who is making changes in this open dossier, and whether filing is under way (quiet)."""

    who: str = SYSTEM


def _columns(connection, table: str) -> list[str]:
    rows = connection.exec_driver_sql(f"PRAGMA main.table_info({table})").fetchall()
    return [r[1] for r in rows if r[1] not in _LEFT_OUT.get(table, set())]


def _json(columns: Sequence[str], row: str) -> str:
    return "json_object(" + ", ".join(f"'{c}', {row}.\"{c}\"" for c in columns) + ")"


def _link(expr: str | None, row: str) -> str:
    return expr.format(row=row) if expr else "NULL"


def _install_temp(connection) -> None:
    """The TEMP table naming who is at work, and the TEMP triggers that log changes (per connection)."""
    connection.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS audit_context (id INTEGER PRIMARY KEY, who TEXT NOT NULL, "
        "quiet INTEGER NOT NULL)")
    existing = {r[0] for r in connection.exec_driver_sql("SELECT name FROM main.sqlite_master WHERE type='table'")}
    for table, links in TRACKED.items():
        if table not in existing:
            continue
        columns = _columns(connection, table)
        if not columns:
            continue
        loud = table in LOUD_WHEN_QUIET
        when_quiet = "" if loud else "AND (SELECT quiet FROM temp.audit_context WHERE id = 1) = 0"
        for op, row_ref, old, new in (("INSERT", "NEW", "NULL", _json(columns, "NEW")),
                                      ("UPDATE", "NEW", _json(columns, "OLD"), _json(columns, "NEW")),
                                      ("DELETE", "OLD", _json(columns, "OLD"), "NULL")):
            condition = f"WHEN 1 {when_quiet}"
            if op == "UPDATE":
                changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns)
                condition += f" AND ({changed})"
            row_id = f"{row_ref}.id" if "id" in columns else "NULL"
            connection.exec_driver_sql(
                f"CREATE TEMP TRIGGER IF NOT EXISTS audit_{table}_{op.lower()} AFTER {op} ON main.{table} "
                f"{condition} BEGIN INSERT INTO audit_log "
                "(at, who, table_name, op, row_id, document_id, actor_id, action_id, old, new) VALUES ("
                "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                "COALESCE((SELECT who FROM temp.audit_context WHERE id = 1), 'Dossier'), "
                f"'{table}', '{op.lower()}', {row_id}, {_link(links['document'], row_ref)}, "
                f"{_link(links['actor'], row_ref)}, {_link(links['action'], row_ref)}, {old}, {new}); END")


def install(sessions: sessionmaker[Session], context: AuditContext) -> None:
    """Log the changes made through these sessions, in their own transactions, as `context.who`."""

    def began(_session: Session, _transaction, connection: Connection) -> None:
        if connection.dialect.name != "sqlite":
            return
        info = connection.connection.info
        if not info.get("audit_triggers"):
            if not connection.exec_driver_sql(
                    "SELECT 1 FROM main.sqlite_master WHERE type='table' AND name='audit_log'").first():
                return  # a file not yet migrated: nothing to log into
            _install_temp(connection)
            info["audit_triggers"] = True
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO temp.audit_context (id, who, quiet) VALUES (1, ?, 0)", (context.who or SYSTEM,))

    event.listen(sessions, "after_begin", began)


def quiet(session: Session) -> None:
    """For the rest of this transaction, log documents filed but not the rows derived from them."""
    connection = session.connection()
    if connection.dialect.name == "sqlite" and connection.connection.info.get("audit_triggers"):
        connection.exec_driver_sql("UPDATE temp.audit_context SET quiet = 1 WHERE id = 1")


def note(session: Session, table: str, document_id: int, summary: dict[str, object]) -> None:
    """Log one line summing up many rows of `table` changed together (say, the annotations a re-file
    moved), in this transaction, where the rows themselves are not logged (quiet)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite" or not connection.connection.info.get("audit_triggers"):
        return
    connection.exec_driver_sql(
        "INSERT INTO audit_log (at, who, table_name, op, row_id, document_id, actor_id, action_id, old, new) "
        "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
        "COALESCE((SELECT who FROM temp.audit_context WHERE id = 1), 'Dossier'), ?, 'update', NULL, ?, NULL, NULL, "
        "NULL, ?)", (table, document_id, json.dumps(summary)))


# -- reading ---------------------------------------------------------------------------------------

def _changes(op: str, old: str | None, new: str | None) -> tuple[Change, ...]:
    before = json.loads(old) if old else {}
    after = json.loads(new) if new else {}
    names = list(dict.fromkeys([*before, *after]))
    if op == "update":
        return tuple(Change(n, before.get(n), after.get(n)) for n in names if before.get(n) != after.get(n))
    return tuple(Change(n, before.get(n), after.get(n)) for n in names
                 if (before.get(n) if op == "delete" else after.get(n)) not in (None, ""))


def history(session: Session, *, document_id: int | None = None, actor_id: int | None = None,
            action_id: int | None = None, since: str | None = None, limit: int | None = None) -> list[AuditEntry]:
    """Log rows, newest first, for a document, an actor or an action (or everything)."""
    q = select(AuditRecord)
    links = []
    if document_id is not None:
        links.append(AuditRecord.document_id == document_id)
    if actor_id is not None:
        links.append(AuditRecord.actor_id == actor_id)
    if action_id is not None:
        links.append(AuditRecord.action_id == action_id)
    if links:
        q = q.where(or_(*links))
    if since:
        q = q.where(AuditRecord.at >= since)
    q = q.order_by(AuditRecord.id.desc())
    if limit:
        q = q.limit(limit)
    return [entry(r) for r in session.scalars(q)]


def entry(r: AuditRecord) -> AuditEntry:
    """One log row as the domain reads it."""
    return AuditEntry(r.id, r.at, r.who, r.table_name, r.op, r.row_id, r.document_id, r.actor_id, r.action_id,
                      _changes(r.op, r.old, r.new), _values(r.old if r.op == "delete" else r.new))


def _values(stored: str | None) -> tuple[tuple[str, object], ...]:
    return tuple(json.loads(stored).items()) if stored else ()


def names_for(session: Session, entries: Sequence[AuditEntry]) -> Names:
    """The actors' names, documents' paragraphs and actions' summaries these entries speak of."""
    actor_ids: set[int] = set()
    doc_ids: set[int] = set()
    action_ids: set[int] = set()
    post_ids: set[int] = set()
    for e in entries:
        row = dict(e.values)
        pairs = [*row.items(), *((c.field, c.old) for c in e.changes), *((c.field, c.new) for c in e.changes)]
        for name, v in pairs:
            if isinstance(v, int) and not isinstance(v, bool):
                if name in ACTOR_FIELDS:
                    actor_ids.add(v)
                elif name == "document_id":
                    doc_ids.add(v)
                elif name == "action_id":
                    action_ids.add(v)
                elif name == "post_id":
                    post_ids.add(v)
        if e.table == "actors" and e.row_id is not None:
            actor_ids.add(e.row_id)
        if e.action_id is not None:
            action_ids.add(e.action_id)
    actors: dict[int, str] = {i: name for i, name in session.execute(
        select(Actor.id, Actor.name).where(Actor.id.in_(actor_ids)))} if actor_ids else {}
    gone = actor_ids - set(actors)
    if gone:  # deleted (merged into another): the name they had, from their last logged row
        for row_id, old, new in session.execute(
                select(AuditRecord.row_id, AuditRecord.old, AuditRecord.new)
                .where(AuditRecord.table_name == "actors", AuditRecord.row_id.in_(gone)).order_by(AuditRecord.id)):
            name = json.loads(old or new or "{}").get("name")
            if name and row_id is not None:
                actors[row_id] = name
    paragraphs: dict[int, list[tuple[int, int, int]]] = {}
    if doc_ids:
        for doc_id, start, end, number in session.execute(
                select(Paragraph.document_id, Paragraph.start, Paragraph.end, Paragraph.number)
                .where(Paragraph.document_id.in_(doc_ids)).order_by(Paragraph.document_id, Paragraph.number)):
            paragraphs.setdefault(doc_id, []).append((start, end, number))
    actions = {i: summary for i, summary in session.execute(
        select(Action.id, Action.summary).where(Action.id.in_(action_ids)))} if action_ids else {}
    posts = {i: title for i, title in session.execute(select(Post.id, Post.title).where(Post.id.in_(post_ids)))} \
        if post_ids else {}
    return Names(actors=actors, paragraphs={d: tuple(p) for d, p in paragraphs.items()}, actions=actions,
                 posts=posts)


def utc_day(stamp: str) -> str:
    try:
        return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp
