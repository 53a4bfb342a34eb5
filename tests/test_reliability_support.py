"""Helpers for the reliability tests (issue #7): running `dossier` in a subprocess, generated letters,
and a snapshot of everything a dossier holds for each of its documents."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.generate import generate

ROOT = Path(__file__).resolve().parent.parent
CLI = "import sys; from dossier.cli import main; sys.exit(main())"
# columns that record when or by whom something happened: they differ between two filings of a file
VOLATILE = frozenset({"filed_at", "created_at", "updated_at", "changed_at", "at", "who"})
# an audit log's old and new values are copies of rows, timestamps and all: compare what changed, not values
AUDIT_VALUES = frozenset({"old", "new"})


def dossier_command(*args: str) -> list[str]:
    """`dossier ARGS...` run by this Python."""
    return [sys.executable, "-c", CLI, *args]


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for `dossier` subprocesses. Compiled bytecode is kept in a temporary folder
    (never beside the sources), so only the first subprocess pays for compiling Dossier."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path_factory.mktemp("pycache"))
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


@pytest.fixture(scope="session")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 generated text letters (one folder, shared by the reliability tests)."""
    folder = tmp_path_factory.mktemp("letters")
    generate(folder, 400, ("txt",))
    return folder


def letter_files(folder: Path) -> list[Path]:
    """The letters in the order `dossier import FOLDER` files them."""
    return sorted(p for p in folder.iterdir() if p.suffix == ".txt")


def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def document_count(path: Path) -> int:
    """Documents committed so far (0 if the file is not ready); reads without writing anything."""
    if not path.exists():
        return 0
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def integrity(path: Path) -> list[str]:
    """SQLite's integrity check and foreign-key check: [] when both pass."""
    con = sqlite3.connect(path)
    try:
        found = [r[0] for r in con.execute("PRAGMA integrity_check") if r[0] != "ok"]
        found += [f"foreign key: {r}" for r in con.execute("PRAGMA foreign_key_check")]
        return found
    finally:
        con.close()


def snapshot(path: Path) -> dict[int, dict[str, object]]:
    """Everything the dossier holds for each document, by document id: its row, the sha256 of its
    stored original, its rows in every table keyed by document_id, its chronology entries and
    whether the full-text index has it. Timestamps (and an audit log's copies of values) are left out."""
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' ORDER BY name")]
        out: dict[int, dict[str, object]] = {}
        columns = _columns(con, "documents")
        for row in con.execute(f"SELECT {', '.join(columns)} FROM documents ORDER BY id"):
            out[row[0]] = {"document": tuple(row)}
        for doc_id, data in con.execute("SELECT document_id, data FROM document_blobs"):
            out.setdefault(doc_id, {})["original_sha256"] = hashlib.sha256(data).hexdigest()
        for table in tables:
            if table in ("documents", "document_blobs") or "document_id" not in _columns(con, table, keep_all=True):
                continue
            cols = _columns(con, table)
            for row in con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {', '.join(cols)}"):
                record = dict(zip(cols, row, strict=True))
                if record["document_id"] is not None:  # (a log row about no document in particular)
                    out.setdefault(record["document_id"], {}).setdefault(table, []).append(tuple(row))
        for doc_id, kind, value, precision, description in con.execute(
                "SELECT s.document_id, e.kind, e.date_value, e.date_precision, e.description FROM entry_sources s "
                "JOIN chronology_entries e ON e.id = s.entry_id ORDER BY s.document_id, s.id"):
            out.setdefault(doc_id, {}).setdefault("entries", []).append((kind, value, precision, description))
        for (doc_id,) in con.execute("SELECT rowid FROM documents_fts_docsize"):
            out.setdefault(doc_id, {})["indexed"] = True
        return out
    finally:
        con.close()


def _columns(con: sqlite3.Connection, table: str, keep_all: bool = False) -> list[str]:
    names = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
    if keep_all:
        return names
    return [n for n in names if n not in VOLATILE and not ("audit" in table and n in AUDIT_VALUES)]
