"""Backups and checks of a dossier file: the SQLite-only maintenance SQL (with `search.py`).

Backups use SQLite's online backup API. The copy is taken inside one read transaction, so it is
consistent while another window or command is writing (WAL readers never block the writer). It is
written to a hidden owner-only file beside the target and renamed into place only when complete,
so a crash never leaves a half-written backup under the target's name.

Checks never change the file and never create it. They report `Problem`s: facts found, with
SQLite's own words where it gives them. The service layer judges how serious each is and says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from dossier.db import cipher, search
from dossier.db.engine import read_only_uri, writable
from dossier.db.migrate import SCRIPT_LOCATION
from dossier.db.models import Document, DocumentBlob, Paragraph

BUSY_TIMEOUT_S = 10.0
INTEGRITY_LINES = 50  # SQLite stops listing damage after this many lines
_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing a check found. `code` says what kind (see the check functions); `detail` is one line."""

    code: str
    detail: str
    document_id: int | None = None
    file_name: str | None = None


# -- files ---------------------------------------------------------------------------------------

def create_private(path: Path) -> None:
    """Create an empty file readable and writable by its owner only (whatever the umask)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)  # O_CREAT's mode is masked by the umask, which may only take bits away


def _uri(path: Path, mode: str = "rw") -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


def connect_existing(path: Path, timeout: float = BUSY_TIMEOUT_S, password: str | None = None, *,
                     read_only: bool = False) -> sqlite3.Connection:
    """A connection to a file that must already exist (SQLite would create a missing one); keyed
    with `password` for an encrypted dossier (WrongPassword if it does not open it)."""
    uri = read_only_uri(path.resolve()) if read_only else _uri(path)
    con = cipher.connect(uri, password, uri=True, timeout=timeout)
    if password is not None:
        try:
            cipher.verify(con, path)
        except BaseException:
            con.close()
            raise
    return con


def _remove_quietly(path: Path) -> None:
    for name in (path, *(Path(f"{path}{suffix}") for suffix in _COMPANIONS)):
        with contextlib.suppress(FileNotFoundError):
            name.unlink()


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup(source: Path, target: Path, *, timeout: float = BUSY_TIMEOUT_S, password: str | None = None) -> int:
    """Copy the dossier `source` to `target` (replacing it) with the online backup API.

    The copy is one self-contained file (rollback journal, not WAL), owner-only. The copy of an
    encrypted dossier is encrypted with the same password. Returns its size.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    create_private(temp)
    try:
        src = connect_existing(source, timeout, password, read_only=not writable(source))  # a read-only one too
        try:
            dst = cipher.connect(temp, password)
            try:
                src.backup(dst)  # every page in one step: one read transaction, one snapshot
                dst.execute("PRAGMA journal_mode=DELETE")  # a WAL source makes a WAL copy; one file is simpler
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(temp)
        os.replace(temp, target)
        _fsync(target.parent)
    except BaseException:
        _remove_quietly(temp)
        raise
    return target.stat().st_size


def restore_into(backup_path: Path, target: Path, *, timeout: float = BUSY_TIMEOUT_S,
                 password: str | None = None) -> None:
    """Write a backup's pages into `target` through the backup API, in one transaction of the target.

    Other connections see the old contents or the new, never a mix; a crash part-way leaves the old.
    """
    src = connect_existing(backup_path, timeout, password)
    try:
        dst = connect_existing(target, timeout, password)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def replace_with_copy(backup_path: Path, target: Path, password: str | None = None) -> None:
    """Put a copy of a backup where `target` is, when the target cannot be opened at all (damaged).

    The target's own WAL and shared-memory files go first: replayed over another file they would
    damage it.
    """
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    backup(backup_path, temp, password=password)
    for suffix in _COMPANIONS:
        with contextlib.suppress(FileNotFoundError):
            Path(f"{target}{suffix}").unlink()
    os.replace(temp, target)
    _fsync(target.parent)


def copy_bytes(source: Path, target: Path) -> None:
    """A byte-for-byte owner-only copy of a file and its WAL (for a file too damaged to open)."""
    for suffix in ("", "-wal"):
        src = Path(f"{source}{suffix}")
        if not src.exists():
            continue
        dst = Path(f"{target}{suffix}")
        create_private(dst)
        with src.open("rb") as reader, dst.open("wb") as writer:
            while chunk := reader.read(1024 * 1024):
                writer.write(chunk)


def in_use(path: Path, password: str | None = None) -> bool:
    """Whether another connection (another window or command) has the dossier open.

    An exclusive lock is refused while any other connection has a WAL-mode file open.
    """
    try:
        con = cipher.connect(_uri(path), password, uri=True, timeout=0.2, isolation_level=None)
    except cipher.error_types("Error"):
        return False
    try:
        con.execute("PRAGMA locking_mode=EXCLUSIVE")
        con.execute("BEGIN EXCLUSIVE")
        con.execute("ROLLBACK")
    except cipher.error_types("OperationalError") as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    except cipher.error_types("DatabaseError"):
        return False
    finally:
        con.close()
    return False


# -- checks --------------------------------------------------------------------------------------

@contextlib.contextmanager
def checking_session(path: Path, timeout: float = BUSY_TIMEOUT_S, password: str | None = None, *,
                     read_only: bool = False) -> Iterator[Session]:
    """A session on an existing file that sets nothing on it (no WAL switch, no migration)."""
    module = {} if password is None else {"module": cipher.sqlcipher()}  # errors wrapped as sqlite3's are
    engine: Engine = create_engine("sqlite://", creator=lambda: connect_existing(path, timeout, password,
                                                                                 read_only=read_only),
                                   poolclass=NullPool, **module)
    session = Session(engine)
    try:
        yield session
    finally:
        session.rollback()  # a check writes nothing; FTS5's integrity command opened a transaction
        session.close()
        engine.dispose()


def sqlite_header_ok(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def revision_state(revision: str) -> str:
    """"current", "older" (upgraded when next opened) or "newer" (written by a newer Dossier)."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    script = ScriptDirectory.from_config(config)
    if revision == script.get_current_head():
        return "current"
    try:
        script.get_revision(revision)
    except Exception:  # alembic raises several kinds for an unknown id
        return "newer"
    return "older"


def schema_revision(session: Session) -> tuple[str, str | None]:
    """What the file holds: "dossier" (with the revision it records), "nothing" (no tables yet: a
    new dossier that was never set up) or "other" (tables, but not Dossier's)."""
    tables = {r[0] for r in session.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
    if "alembic_version" not in tables:
        return ("other" if tables else "nothing"), None
    return "dossier", session.execute(text("SELECT version_num FROM alembic_version")).scalar()


def integrity_problems(session: Session) -> list[Problem]:
    """SQLite's own check of every page, index and constraint (`integrity`), and of foreign keys."""
    rows = [r[0] for r in session.execute(text(f"PRAGMA integrity_check({INTEGRITY_LINES})"))]
    found = [Problem("integrity", line) for line in rows if line != "ok"]
    for table, rowid, parent, _fk in session.execute(text("PRAGMA foreign_key_check")):
        found.append(Problem("foreign_key", f"row {rowid} of {table} points at a missing row of {parent}"))
    return found


def search_index_problems(session: Session) -> list[Problem]:
    """The documents' full-text index: FTS5's own check against the documents table, then which
    documents have no index entry (`unindexed`) and which entries have no document (`stale_index`)."""
    found = []
    intact = search.integrity_ok(session)  # FTS5's check is a write statement: it takes the write lock,
    session.rollback()  # so give the lock back at once (it changed nothing)
    if intact is False:  # None: not checked (the file is read-only here)
        found.append(Problem("index_damaged", "the full-text index does not match the documents"))
    names = dict(session.execute(select(Document.id, Document.file_name)).all())
    indexed = search.indexed_ids(session)
    found += [Problem("unindexed", "no full-text index entry", doc_id, names[doc_id])
              for doc_id in sorted(set(names) - indexed)]
    found += [Problem("stale_index", f"an index entry for document {doc_id}, which does not exist", doc_id)
              for doc_id in sorted(indexed - set(names))]
    return found


def rebuild_search_index(session: Session) -> None:
    """Rebuild the documents' full-text index from the documents (in the caller's transaction)."""
    search.install(session.connection())


def document_problems(session: Session) -> list[Problem]:
    """Parts of documents that are missing: paragraphs of a document with text (`no_paragraphs`),
    paragraphs outside the text (`bad_paragraph`), a stored original (`no_original`)."""
    found = []
    has_paragraph = select(Paragraph.id).where(Paragraph.document_id == Document.id).exists()
    for doc_id, name in session.execute(
            select(Document.id, Document.file_name).where(Document.text != "", ~has_paragraph).order_by(Document.id)):
        found.append(Problem("no_paragraphs", "its text has no paragraphs", doc_id, name))
    outside = (Paragraph.start < 0) | (Paragraph.start > Paragraph.end) | (Paragraph.end > func.length(Document.text))
    for doc_id, name, number in session.execute(
            select(Document.id, Document.file_name, Paragraph.number).join(Paragraph, Paragraph.document_id == Document.id)
            .where(outside).order_by(Document.id, Paragraph.number)):
        found.append(Problem("bad_paragraph", f"paragraph {number} lies outside the text", doc_id, name))
    has_blob = select(DocumentBlob.document_id).where(DocumentBlob.document_id == Document.id).exists()
    for doc_id, name in session.execute(select(Document.id, Document.file_name).where(~has_blob).order_by(Document.id)):
        found.append(Problem("no_original", "no stored original", doc_id, name))
    return found


def original_problems(session: Session) -> tuple[list[Problem], int]:
    """Each stored original against its sha256 and size (`original_changed`). Returns the problems
    and how many originals were checked. Originals are read one at a time (memory stays flat)."""
    found = []
    checked = 0
    rows = session.execute(
        select(Document.id, Document.file_name, Document.sha256, Document.size)
        .join(DocumentBlob, DocumentBlob.document_id == Document.id).order_by(Document.id)).all()
    for doc_id, name, sha256, size in rows:
        data = session.scalar(select(DocumentBlob.data).where(DocumentBlob.document_id == doc_id))
        checked += 1
        if data is None:
            continue
        if not isinstance(data, bytes):  # a value of another type: written by something else than Dossier
            found.append(Problem("original_changed", "the stored original is not binary data", doc_id, name))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != sha256:
            found.append(Problem("original_changed",
                                 f"the stored original does not match its sha256 ({digest[:12]}… for {sha256[:12]}…)",
                                 doc_id, name))
        elif len(data) != size:
            found.append(Problem("original_changed", f"the stored original is {len(data)} bytes, not {size}",
                                 doc_id, name))
    return found, checked


def document_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Document)) or 0


def _sqlite_error(exc: BaseException) -> BaseException:
    return exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc


def database_error(exc: BaseException) -> str | None:
    """SQLite's words for an error that means the file is damaged or not a database, else None."""
    original = _sqlite_error(exc)
    if not isinstance(original, cipher.error_types("DatabaseError")) or is_locked(exc):
        return None
    if isinstance(original, cipher.error_types("OperationalError")) and "malformed" not in str(original):
        return None
    return str(original)


def is_locked(exc: BaseException) -> bool:
    """Whether an error means another connection held the file for longer than the busy timeout."""
    original = _sqlite_error(exc)
    return isinstance(original, cipher.error_types("OperationalError")) and (
        "locked" in str(original) or "busy" in str(original))
