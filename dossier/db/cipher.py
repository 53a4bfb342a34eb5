"""Encryption at rest: connections to a dossier file through SQLCipher (`sqlcipher3`), or plain SQLite.

A dossier made with a password is a SQLCipher database: every page, its WAL and its backups are
encrypted with a key SQLCipher derives from the password (its own KDF, PBKDF2-HMAC-SHA512). The
password is never stored: it lives only in memory, in the connection factory of the open dossier,
and is given to SQLCipher as the first statement of each connection (`PRAGMA key`).

`sqlcipher3` is imported only when a password is given, so plain dossiers never load it.

An encrypted file has no "SQLite format 3" header: its first 16 bytes are SQLCipher's random salt.
`looks_encrypted` tells it from a plain SQLite file, and from a file that is not a database at all
(a text file, an empty file), by that and by its size (a whole number of pages). A plain file whose
first page was wiped with random bytes would look encrypted too: there is no way to tell them apart
without the password.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from dossier.domain.errors import DossierError, NotEncrypted, PasswordNeeded, WrongPassword

SQLITE_HEADER = b"SQLite format 3\x00"
_MIN_PAGE = 512


def sqlcipher() -> ModuleType:
    """The `sqlcipher3` module, imported on first use."""
    try:
        import sqlcipher3
    except ImportError as exc:  # a broken install: say what is missing
        raise DossierError("Encrypted dossiers need the sqlcipher3 package (sqlcipher3-wheels), "
                           "which is not installed.") from exc
    return sqlcipher3


def error_types(name: str) -> tuple[type[BaseException], ...]:
    """sqlite3's exception class `name` ("OperationalError", "DatabaseError", "Error"), and
    sqlcipher3's if it is loaded (its classes do not derive from sqlite3's)."""
    found: list[type[BaseException]] = [getattr(sqlite3, name)]
    module = sys.modules.get("sqlcipher3.dbapi2")
    if module is not None:
        found.append(getattr(module, name))
    return tuple(found)


def key_statement(password: str) -> str:
    """`PRAGMA key = '...'` for a passphrase (SQLCipher derives the key from it)."""
    if not password:
        raise DossierError("The password is empty.")
    if "\x00" in password:
        raise DossierError("A password cannot hold a NUL character.")
    return "PRAGMA key = '" + password.replace("'", "''") + "'"


def looks_encrypted(path: Path) -> bool:
    """Whether a file looks like an encrypted dossier (see the module notes)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    if size < _MIN_PAGE or size % _MIN_PAGE or head == SQLITE_HEADER:
        return False
    return len(set(head)) >= 8  # random salt, not zeros or a repeated pattern


def is_plain_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def connect(database: str | Path, password: str | None, **kwargs: Any) -> Any:
    """A DB-API connection to `database` (a path, or a `file:` URI with uri=True): plain sqlite3
    without a password, else sqlcipher3 keyed with it. The key is not checked here (`verify`)."""
    if password is None:
        return sqlite3.connect(database, **kwargs)
    module = sqlcipher()
    con = module.connect(str(database), **kwargs)
    try:
        con.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher would print decryption failures to stderr
        con.execute(key_statement(password))
    except BaseException:
        con.close()
        raise
    return con


def verify(con: Any, path: Path) -> None:
    """Read the schema through a keyed connection: WrongPassword if the key does not open the file."""
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except error_types("DatabaseError") as exc:
        if isinstance(exc, error_types("OperationalError")) and "not a database" not in str(exc):
            raise
        raise WrongPassword(f"The password for {path.name} is not right.") from None


def check_password(path: Path, password: str | None) -> None:
    """Before a dossier is opened: refuse an encrypted file without a password (PasswordNeeded), a
    wrong password (WrongPassword) and a password for a plain file. Reads only; changes nothing."""
    if password is None:
        if looks_encrypted(path):
            raise PasswordNeeded(f"{path.name} is encrypted and needs its password "
                                 "(or it is not a Dossier file at all).")
        return
    if is_plain_sqlite(path):
        raise NotEncrypted(f"{path.name} is not encrypted: open it without a password.")
    if not path.exists() or path.stat().st_size == 0:
        return  # a new dossier: it is created encrypted with this password
    uri = f"{path.resolve().as_uri()}?mode=rw"  # never creates the file
    con = connect(uri, password, uri=True)
    try:
        verify(con, path)
    finally:
        con.close()
