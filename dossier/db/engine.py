"""Engine, sessions and opening a dossier file (migrating it first).

One `sessionmaker(engine, expire_on_commit=False)` is built when a dossier is opened and passed to
the services, which open `with sessions.begin()` for each user action.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, ExceptionContext
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, SessionTransaction, SessionTransactionOrigin, sessionmaker

from dossier.db.migrate import migrate
from dossier.domain.errors import DossierError, DossierInUse

BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class Dossier:
    """An open dossier: its file, engine and session factory."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    def close(self) -> None:
        self.engine.dispose()


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _is_locked(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "database is locked" in str(exc)


def _in_use_errors(path: Path):
    """Another window or command held the write lock past the busy timeout: say so plainly."""
    def handle(context: ExceptionContext) -> None:
        original = context.original_exception
        if _is_locked(original):
            raise DossierInUse(
                f"{path.name} is in use: another Dossier window or command has held it for "
                f"{BUSY_TIMEOUT_MS / 1000:g} seconds, so this change was not made. Try again when it has finished."
            ) from original
    return handle


def _write_lock_first(_session: Session, transaction: SessionTransaction, connection: Connection) -> None:
    """A `sessions.begin()` block (a change) takes the write lock before anything else.

    In WAL mode a transaction that has read and then writes cannot wait for another writer: SQLite
    refuses at once, since the snapshot it read may be stale. Taking the lock first (BEGIN
    IMMEDIATE) is where the busy timeout applies, so a second window or command waits its turn.
    Reads (a plain `sessions()` block) still never wait.
    """
    if transaction.origin is not SessionTransactionOrigin.BEGIN or transaction.nested:
        return
    if connection.dialect.name != "sqlite":
        return
    raw = connection.connection.driver_connection
    if raw is not None and not raw.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    sessions = sessionmaker(engine, expire_on_commit=False)
    event.listen(sessions, "after_begin", _write_lock_first)
    return sessions


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "handle_error", _in_use_errors(path))
    return engine


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (SQLite would create it 0644)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:  # another window or command created it a moment ago
        return
    os.close(fd)


def open_dossier(path: Path | str) -> Dossier:
    """Open (creating if need be) a dossier file, back it up and migrate it if it is older.

    Raises NewerSchemaError for a file written by a newer Dossier, and DossierError for a file
    that is not a dossier.
    """
    path = Path(path).expanduser().resolve()
    if not path.exists():
        _create_private_file(path)
    engine = make_engine(path)
    try:
        migrate(engine, path)
    except DatabaseError as exc:  # not SQLite at all, or damaged where opening reads
        engine.dispose()
        if isinstance(exc.orig, sqlite3.OperationalError) and "malformed" not in str(exc.orig):
            raise
        raise DossierError(f"{path.name} is damaged or is not a Dossier file ({exc.orig}). "
                           "`dossier check` says what is wrong; `dossier restore` puts back a backup.") from exc
    except BaseException:
        engine.dispose()
        raise
    return Dossier(path, engine, make_sessions(engine))
