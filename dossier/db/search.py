"""Full-text index. The one module that holds SQLite-only SQL (FTS5).

The index is an FTS5 table with external content over `documents` (title and text), kept in step
by the repository inside the same transaction as the data it indexes, so search is never stale.
On another back end these functions do nothing yet; the PostgreSQL back end will use tsvector.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

FTS_TABLE = "documents_fts"
# Annotations and actors are small, so their indexes keep their own copy of the text (a plain FTS5
# table, rowid = the annotation's or actor's id): a row is replaced without knowing its old values.
NOTES_TABLE = "annotations_fts"
NAMES_TABLE = "actors_fts"


def _is_sqlite(bind: Connection | Session) -> bool:
    return bind.get_bind().dialect.name == "sqlite" if isinstance(bind, Session) else bind.dialect.name == "sqlite"


def install(connection: Connection) -> None:
    """Create the index (used by the migration that introduces it) and fill it from existing rows."""
    if not _is_sqlite(connection):
        return
    connection.execute(text(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        "title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    ))
    connection.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))


def uninstall(connection: Connection) -> None:
    if _is_sqlite(connection):
        connection.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))


def index_document(session: Session, doc_id: int, title: str | None, body: str) -> None:
    if _is_sqlite(session):
        session.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (:id, :title, :body)"),
                        {"id": doc_id, "title": title or "", "body": body})


def unindex_document(session: Session, doc_id: int, title: str | None, body: str) -> None:
    """Remove a row; external-content FTS5 needs the values that were indexed."""
    if _is_sqlite(session):
        session.execute(
            text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text) VALUES ('delete', :id, :title, :body)"),
            {"id": doc_id, "title": title or "", "body": body},
        )


def reindex_title(session: Session, doc_id: int, old_title: str | None, new_title: str | None, body: str) -> None:
    unindex_document(session, doc_id, old_title, body)
    index_document(session, doc_id, new_title, body)


def indexed_ids(session: Session) -> set[int]:
    """Ids of documents that have index entries (for consistency checks)."""
    if not _is_sqlite(session):
        return set()
    rows = session.execute(text(f"SELECT rowid FROM {FTS_TABLE}_docsize"))
    return {r[0] for r in rows}


def match_ids(session: Session, query: str) -> list[int]:
    """Document ids matching an FTS5 query, best first. The search issue builds the query language."""
    if not _is_sqlite(session):
        return []
    rows = session.execute(
        text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY bm25({FTS_TABLE})"), {"q": query}
    )
    return [r[0] for r in rows]


def integrity_ok(session: Session) -> bool:
    if not _is_sqlite(session):
        return True
    try:
        session.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"))
    except Exception:  # FTS5 reports a corrupt index by raising
        return False
    return True


# -- annotations and actors ------------------------------------------------------------------------

def install_notes_and_names(connection: Connection) -> None:
    """Create the annotation and actor indexes (the migration that introduces them) and fill them."""
    if not _is_sqlite(connection):
        return
    connection.execute(text(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {NOTES_TABLE} USING fts5("
        "quote, note, tags, tokenize='unicode61 remove_diacritics 2')"
    ))
    connection.execute(text(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {NAMES_TABLE} USING fts5("
        "names, tokenize='unicode61 remove_diacritics 2')"
    ))
    connection.execute(text(
        f"INSERT INTO {NOTES_TABLE}(rowid, quote, note, tags) "
        "SELECT a.id, a.quote, a.note, COALESCE((SELECT group_concat(t.tag, ' ; ') FROM annotation_tags t "
        "WHERE t.annotation_id = a.id), '') FROM annotations a"
    ))
    connection.execute(text(
        f"INSERT INTO {NAMES_TABLE}(rowid, names) "
        "SELECT a.id, a.name || COALESCE((SELECT ' ; ' || group_concat(l.alias, ' ; ') FROM actor_aliases l "
        "WHERE l.actor_id = a.id), '') FROM actors a"
    ))


def uninstall_notes_and_names(connection: Connection) -> None:
    if _is_sqlite(connection):
        connection.execute(text(f"DROP TABLE IF EXISTS {NOTES_TABLE}"))
        connection.execute(text(f"DROP TABLE IF EXISTS {NAMES_TABLE}"))


def index_annotation(session: Session, annotation_id: int, quote: str, note: str, tags: Sequence[str]) -> None:
    """Add or replace an annotation's index row (call in the transaction that writes it)."""
    if _is_sqlite(session):
        unindex_annotation(session, annotation_id)
        session.execute(text(f"INSERT INTO {NOTES_TABLE}(rowid, quote, note, tags) VALUES (:id, :q, :n, :t)"),
                        {"id": annotation_id, "q": quote, "n": note, "t": " ; ".join(tags)})


def unindex_annotation(session: Session, annotation_id: int) -> None:
    if _is_sqlite(session):
        session.execute(text(f"DELETE FROM {NOTES_TABLE} WHERE rowid = :id"), {"id": annotation_id})


def index_actor(session: Session, actor_id: int, names: Sequence[str]) -> None:
    """Add or replace an actor's index row: its name and aliases."""
    if _is_sqlite(session):
        unindex_actor(session, actor_id)
        session.execute(text(f"INSERT INTO {NAMES_TABLE}(rowid, names) VALUES (:id, :n)"),
                        {"id": actor_id, "n": " ; ".join(names)})


def unindex_actor(session: Session, actor_id: int) -> None:
    if _is_sqlite(session):
        session.execute(text(f"DELETE FROM {NAMES_TABLE} WHERE rowid = :id"), {"id": actor_id})
