"""Alembic migrations shipped in the package, run when a dossier is opened.

Like calibre's schema upgrades and Anki's SCHEMA_MAX_VERSION: the upgrade runs in one
transaction, the file is backed up first, and a file written by a newer version is refused.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from dossier.db import cipher
from dossier.domain.clock import SYSTEM_CLOCK, Clock, file_stamp
from dossier.domain.errors import DossierError, NewerSchemaError

SCRIPT_LOCATION = "dossier.db:migrations"

# Alembic keeps the running migration in module globals (`alembic.op`, `alembic.context`), so two
# upgrades at once in one process would run each other's steps on the wrong file. They take turns.
_UPGRADING = threading.Lock()


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_file(source: Path, target: Path, password: str | None = None) -> Path:
    """Copy a live SQLite file consistently (online backup API); the copy is owner-only.

    The copy of an encrypted dossier is encrypted with the same password."""
    if not target.exists():
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    src = cipher.connect(source, password)
    dst = cipher.connect(target, password)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def migrate(engine: Engine, path: Path, target: str = "head", *, password: str | None = None,
            clock: Clock = SYSTEM_CLOCK) -> str | None:
    """Bring the file to `target` (the head revision). Returns the path of the backup made, if any.

    `password` is the encrypted dossier's (the backup made first is encrypted with it); the backup's
    name carries the time `clock` gives."""
    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head() if target == "head" else target
    current = current_revision(engine)
    if current == head:
        return None
    _refuse_newer(script, current, head, path)
    if current is None and inspect(engine).get_table_names() and current_revision(engine) is None:
        raise DossierError(f"{path.name} is not a Dossier file (it holds other tables).")
    backup = None
    if current is not None:
        stamp = file_stamp(clock)
        backup = str(backup_file(path, path.with_name(f"{path.name}.before-{head}-{stamp}.bak"), password))
    cfg = _config()
    with _UPGRADING, engine.connect() as conn, _upgrade_transaction(conn):
        # another window or command may have upgraded the file while this one waited for the lock
        now = MigrationContext.configure(conn).get_current_revision()
        if now != head:
            _refuse_newer(script, now, head, path)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    return backup


def refuse_newer(current: str | None, path: Path) -> None:
    """NewerSchemaError if `current` is a revision this version does not know."""
    _refuse_newer(ScriptDirectory.from_config(_config()), current, head_revision(), path)


def _refuse_newer(script: ScriptDirectory, current: str | None, head: str | None, path: Path) -> None:
    if current is None:
        return
    try:
        script.get_revision(current)
    except Exception as exc:  # alembic raises several kinds for an unknown id
        raise NewerSchemaError(
            f"{path.name} was written by a newer version of Dossier (schema {current}); "
            f"this version reads schema {head} and older. Update Dossier to open it."
        ) from exc


@contextmanager
def _upgrade_transaction(conn: Connection) -> Iterator[None]:
    """One transaction for the whole upgrade, holding the write lock from its start.

    pysqlite runs each CREATE or ALTER in a transaction of its own, so a crash part-way through
    an upgrade would leave half a schema behind, and two windows opening one file could both
    start upgrading it. Here SQLite's own BEGIN IMMEDIATE ... COMMIT wraps the upgrade: it is
    all or nothing, and a second window waits (busy timeout) and then finds the work done.
    """
    if conn.dialect.name != "sqlite":
        with conn.begin():
            yield
        return
    raw: Any = conn.connection.driver_connection  # the sqlite3 (or sqlcipher3) connection
    level = raw.isolation_level
    raw.isolation_level = None  # pysqlite issues no BEGIN or COMMIT of its own: ours hold
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    finally:
        raw.isolation_level = level
