"""Engine, sessions and opening a dossier file (migrating it first).

One `sessionmaker(engine, expire_on_commit=False)` is built when a dossier is opened and passed to
the services, which open `with sessions.begin()` for each user action.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, ExceptionContext
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, SessionTransaction, SessionTransactionOrigin, sessionmaker
from sqlalchemy.pool import QueuePool

from dossier.db import cipher
from dossier.db.migrate import migrate
from dossier.domain.clock import SYSTEM_CLOCK, Clock
from dossier.domain.errors import DiskFull, DossierError, DossierInUse, DossierReadOnly

BUSY_TIMEOUT_MS = 10_000
LOCK_POLL_S = 0.001  # how often a change waiting for the write lock tries again


@dataclass(frozen=True)
class Dossier:
    """An open dossier: its file, engine and session factory (and, for an encrypted dossier, its
    password: kept in memory only, for the backups and checks that open their own connections)."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    password: str | None = field(default=None, repr=False, compare=False)
    read_only: bool = False  # a read-only file or folder: opened for reading, every change refused

    @property
    def encrypted(self) -> bool:
        return self.password is not None

    def close(self) -> None:
        """Fold the write-ahead log into the file, then close every connection: a closed dossier is
        one self-contained file, even while another window still has it open (or a connection of
        this process lingers), so copying the file alone, or losing its `-wal`, loses nothing."""
        if not self.read_only:
            checkpoint(self.engine)
        self.engine.dispose()


CHECKPOINT_WAIT_MS = 200  # a close waits this long at most for another window's write or read to end


def checkpoint(engine: Engine) -> None:
    """Copy every committed change from the WAL into the file and empty the WAL (TRUNCATE).

    It waits briefly, never the full busy timeout: while another window writes or holds an older
    snapshot the WAL stays as it is, and that window's own close (the last) folds it in."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception:  # busy, full or gone: the WAL stays and SQLite reads it as before
        pass


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _is_locked(exc: BaseException) -> bool:
    return isinstance(exc, cipher.error_types("OperationalError")) and "database is locked" in str(exc)


def _in_use_errors(path: Path):
    """Another window or command held the write lock past the busy timeout, the file is read-only or
    the disk is full: say so plainly."""
    def handle(context: ExceptionContext) -> None:
        original = context.original_exception
        if is_disk_full(original):
            raise DiskFull(f"The disk holding {path.name} is full, so this change was not made. "
                           "Free some space and try again.") from original
        if isinstance(original, cipher.error_types("OperationalError")) and "readonly database" in str(original):
            raise DossierReadOnly(f"{path.name} is read-only here, so this change was not made.") from original
        if _is_locked(original):
            raise DossierInUse(
                f"{path.name} is in use: another Dossier window or command has held it for "
                f"{BUSY_TIMEOUT_MS / 1000:g} seconds, so this change was not made. Try again when it has finished."
            ) from original
    return handle


def is_disk_full(exc: BaseException) -> bool:
    """SQLite's SQLITE_FULL: the disk (or the file's size limit) left no room for the change."""
    return isinstance(exc, cipher.error_types("OperationalError")) and "database or disk is full" in str(exc)


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
        _begin_immediate(connection, raw)


def _begin_immediate(connection: Connection, raw: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, waiting up to the busy timeout while another window or command writes.

    SQLite's own wait backs off to one try every 100 ms. A batch import commits a letter every few
    milliseconds and begins the next at once, so those tries almost never fell between its
    transactions, and an edit in the window could wait seconds. This wait tries every
    millisecond; the batch, for its part, leaves the lock free now and then (`WriterPace`).
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    raw.execute("PRAGMA busy_timeout=0")
    try:
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except cipher.error_types("OperationalError") as exc:
                if not _is_locked(exc) or time.monotonic() >= deadline:
                    break
            time.sleep(LOCK_POLL_S)
        # the last try goes through SQLAlchemy, which reports a failure as it reports any other
        # (the lock held past the timeout: "in use")
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


class WriterPace:
    """Called after each transaction of a long run of changes (a batch import): every
    `every` seconds it leaves the write lock free for `gap` seconds, long enough for a change
    waiting in another window or command (which tries every `LOCK_POLL_S`) to take its turn."""

    def __init__(self, every: float = 0.1, gap: float = 0.004) -> None:
        self.every, self.gap = every, gap
        self._since = time.monotonic()

    def __call__(self) -> None:
        if time.monotonic() - self._since >= self.every:
            time.sleep(self.gap)
            self._since = time.monotonic()


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    sessions = sessionmaker(engine, expire_on_commit=False)
    event.listen(sessions, "after_begin", _write_lock_first)
    return sessions


def make_engine(path: Path, password: str | None = None, *, read_only: bool = False) -> Engine:
    """The engine of a dossier file; with a password, every connection is SQLCipher's, keyed first.
    `read_only` opens the file for reading only (`read_only_uri`)."""
    if read_only:
        uri = read_only_uri(path)

        def connect_ro() -> object:
            return cipher.connect(uri, password, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

        module = {} if password is None else {"module": cipher.sqlcipher()}
        engine = create_engine("sqlite://", creator=connect_ro, poolclass=QueuePool, **module)
    elif password is None:
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    else:
        cipher.key_statement(password)  # refuse an empty password before any file is touched

        def connect() -> object:
            return cipher.connect(path, password, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

        # the same pool and threading a file URL gets from the pysqlite dialect; `module` makes
        # SQLAlchemy wrap sqlcipher3's exceptions as it does sqlite3's
        engine = create_engine("sqlite://", creator=connect, module=cipher.sqlcipher(), poolclass=QueuePool)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "handle_error", _in_use_errors(path))
    return engine


def read_only_uri(path: Path) -> str:
    """A `file:` URI that reads `path` and never writes it. In a folder that cannot be written the
    WAL's companion files cannot be made either, so the file is read as immutable (it can change
    only through a WAL, and one left with changes in it is still read, as far as SQLite can)."""
    wal = Path(f"{path}-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    immutable = not pending and not os.access(path.parent, os.W_OK)
    return f"{path.as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def writable(path: Path) -> bool:
    """Whether this user may change the dossier: write the file and make its companions beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (SQLite would create it 0644)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:  # another window or command created it a moment ago
        return
    os.close(fd)


def _refuse_foreign(path: Path) -> None:
    """Refuse an SQLite file that holds tables but no Dossier schema, reading it only: a dossier's
    connections switch the file to WAL mode as they open, which would change another program's
    database before it could be refused. (What is not SQLite at all, or cannot be read here, is
    left to the opening that follows, which says so.)"""
    if path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return
    if tables and "alembic_version" not in tables:
        raise DossierError(f"{path.name} is not a Dossier file (it holds other tables).")


def open_dossier(path: Path | str, password: str | None = None, *, read_only: bool | None = None,
                 clock: Clock = SYSTEM_CLOCK) -> Dossier:
    """Open (creating if need be) a dossier file, back it up and migrate it if it is older.

    With a password, a new file is created encrypted (SQLCipher) and an existing one must be
    encrypted with that password. Raises PasswordNeeded for an encrypted file opened without a
    password, WrongPassword for a wrong one, NotEncrypted for a password given to a plain file (it is
    refused, not ignored: the user should not believe the file is protected), NewerSchemaError for
    a file written by a newer Dossier, and DossierError for a file that is not a dossier (or is a folder).

    A file this user cannot change (a read-only file, or one in a read-only folder) is opened for
    reading (`read_only`, unless given): what reads works, every change is refused in one line.
    """
    path = Path(path).expanduser().resolve()
    if path.is_dir():
        raise DossierError(f"{path.name} is a folder, not a dossier file; give the dossier's own file.")
    if password is not None:
        cipher.key_statement(password)  # an empty password is refused before anything is created
    if not path.exists():
        try:
            _create_private_file(path)
        except OSError as exc:
            raise DossierError(f"Cannot create {path.name} in {path.parent}: "
                               f"{(exc.strerror or type(exc).__name__).lower()}.") from None
    if read_only is None:
        read_only = not writable(path)
    try:
        cipher.check_password(path, password)  # reads only: a refused file is left as it was
    except PermissionError:
        raise DossierError(f"Cannot read {path.name}: permission denied.") from None
    if password is None:
        _refuse_foreign(path)
    engine = make_engine(path, password, read_only=read_only)
    try:
        if read_only:
            _refuse_stale(engine, path)
        else:
            migrate(engine, path, password=password, clock=clock)
    except DatabaseError as exc:  # not SQLite at all, or damaged where opening reads
        engine.dispose()
        if isinstance(exc.orig, cipher.error_types("OperationalError")) and "malformed" not in str(exc.orig):
            raise
        raise DossierError(f"{path.name} is damaged or is not a Dossier file ({exc.orig}). "
                           "`dossier check` says what is wrong; `dossier restore` puts back a backup.") from exc
    except BaseException:
        engine.dispose()
        raise
    return Dossier(path, engine, make_sessions(engine), password, read_only)


def _refuse_stale(engine: Engine, path: Path) -> None:
    """A dossier opened read-only cannot be upgraded: it must already be at this version's schema."""
    from dossier.db.migrate import current_revision, head_revision, refuse_newer

    try:
        current = current_revision(engine)
    except DatabaseError as exc:
        if "unable to open" not in str(exc.orig):
            raise
        raise DossierError(f"Cannot read {path.name}: it is read-only here and its folder cannot be "
                           "written either. Copy it to a folder you can write and open the copy.") from None
    if current == head_revision():
        return
    refuse_newer(current, path)
    raise DossierReadOnly(f"{path.name} is read-only here and must be upgraded (or set up) before it can be "
                          "opened; make it writable, or open a writable copy.")
