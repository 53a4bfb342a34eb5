"""Errors that cross layers. Each carries a message fit to show a user in one line."""

from __future__ import annotations


class DossierError(Exception):
    """Base class for errors a user may see."""


class UnreadableFile(DossierError):
    """A file Dossier cannot file. The message is one line and says why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NewerSchemaError(DossierError):
    """The dossier was written by a newer version of Dossier."""


class DossierInUse(DossierError):
    """Another Dossier holds a write lock on this file for too long."""


class NotFound(DossierError):
    pass


class PasswordNeeded(DossierError):
    """The dossier is encrypted and no password was given."""


class WrongPassword(DossierError):
    """The password given does not open the encrypted dossier."""


class NotEncrypted(DossierError):
    """A password was given for a dossier that is not encrypted (it is refused, not ignored)."""


class DossierReadOnly(DossierError):
    """The dossier can be read but not changed here (a read-only file or folder)."""


class DiskFull(DossierError):
    """The disk holding the dossier (or a backup) is full: the change in hand was not made."""


class AlreadyStored(DossierError):
    """A row with the same key was written by another window between a check and a write
    (raised by db/ in place of the database's own integrity error)."""


class IndexRefused(DossierError):
    """The search index refused a query, or there is no index to ask (raised by db/ in place of
    the database's own operational error)."""
