"""Full-text index. The one module that holds SQLite-only SQL (FTS5).

The index is an FTS5 table with external content over `documents` (title and text), kept in step
by the repository inside the same transaction as the data it indexes, so search is never stale.
On another back end these functions do nothing yet; the PostgreSQL back end will use tsvector.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

FTS_TABLE = "documents_fts"


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
