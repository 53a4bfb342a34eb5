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
from sqlalchemy.orm import Session, sessionmaker

from dossier.db.migrate import migrate

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


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    return engine


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (SQLite would create it 0644)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
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
    except BaseException:
        engine.dispose()
        raise
    return Dossier(path, engine, sessionmaker(engine, expire_on_commit=False))
