"""Alembic migrations shipped in the package, run when a dossier is opened.

Like calibre's schema upgrades and Anki's SCHEMA_MAX_VERSION: the upgrade runs in one
transaction, the file is backed up first, and a file written by a newer version is refused.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from dossier.domain.errors import DossierError, NewerSchemaError

SCRIPT_LOCATION = "dossier.db:migrations"


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


def backup_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite file consistently (online backup API); the copy is owner-only."""
    if not target.exists():
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def migrate(engine: Engine, path: Path, target: str = "head") -> str | None:
    """Bring the file to `target` (the head revision). Returns the path of the backup made, if any."""
    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head() if target == "head" else target
    current = current_revision(engine)
    if current == head:
        return None
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:  # alembic raises several kinds for an unknown id
            raise NewerSchemaError(
                f"{path.name} was written by a newer version of Dossier (schema {current}); "
                f"this version reads schema {head} and older. Update Dossier to open it."
            ) from exc
    else:
        tables = set(inspect(engine).get_table_names())
        if tables:
            raise DossierError(f"{path.name} is not a Dossier file (it holds other tables).")
    backup = None
    if current is not None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = str(backup_file(path, path.with_name(f"{path.name}.before-{head}-{stamp}.bak")))
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup
