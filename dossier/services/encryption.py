"""Encryption at rest, as the GUI and the command line see it.

A dossier created with a password is encrypted (SQLCipher); it opens only with that password, which
is never stored. `open_services(path, password)` opens one; it raises PasswordNeeded (encrypted,
no password given), WrongPassword, or NotEncrypted (a password given for a plain dossier: refused,
so nobody believes a plain file is protected).
"""

from __future__ import annotations

from pathlib import Path

from dossier.db.cipher import looks_encrypted
from dossier.domain.errors import NotEncrypted, PasswordNeeded, WrongPassword

__all__ = ["NotEncrypted", "PasswordNeeded", "WrongPassword", "is_encrypted"]


def is_encrypted(path: Path | str) -> bool:
    """Whether the file looks like an encrypted dossier (it has no SQLite header; see db.cipher)."""
    return looks_encrypted(Path(path).expanduser())
