"""Backing up, checking and restoring a dossier: what File > Back up…, Tools > Check dossier…,
`dossier backup`, `dossier check` and `dossier restore` call.

A check reads the file and changes nothing: it never creates or migrates it, so it also works on a
file too damaged to open. Each finding is one line fit to show a user, with a severity:
    error    something is damaged or missing (a page, a stored original, part of a document);
    warning  something can be rebuilt from what is intact (the search index: `repair_search_index`);
    note     worth knowing, nothing wrong (the file will be upgraded when next opened).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session

from dossier.db import cipher
from dossier.db import maintenance as db
from dossier.db.engine import writable
from dossier.domain.clock import SYSTEM_CLOCK, Clock, file_stamp
from dossier.domain.errors import DossierError, DossierInUse, NewerSchemaError


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    area: str  # "file", "integrity", "search index", "document", "original"
    message: str  # one line, naming the document where there is one
    document_id: int | None = None


@dataclass(frozen=True, slots=True)
class CheckReport:
    path: Path
    findings: tuple[Finding, ...]
    documents: int = 0  # documents in the file (0 if it could not be read)
    originals_checked: int = 0
    revision: str | None = None  # the schema revision the file records

    @property
    def ok(self) -> bool:
        """Nothing damaged, missing or out of step (notes do not count)."""
        return not any(f.severity is not Severity.NOTE for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def repairable(self) -> bool:
        """Whether every problem found is one `repair_search_index` mends."""
        return not self.ok and not self.errors and all(f.area == "search index" for f in self.warnings)

    def summary(self) -> str:
        if self.ok:
            return (f"No problems found in {self.path.name}: {self.documents:,} documents, "
                    f"{self.originals_checked:,} stored originals match their sha256.")
        parts = [f"{len(group)} {name}{'' if len(group) == 1 else 's'}"
                 for name, group in (("error", self.errors), ("warning", self.warnings)) if group]
        return f"{' and '.join(parts)} in {self.path.name}."


@dataclass(frozen=True, slots=True)
class BackupResult:
    source: Path
    path: Path
    size: int  # bytes


@dataclass(frozen=True, slots=True)
class RestoreResult:
    target: Path
    backup: Path
    documents: int
    safety_copy: Path | None  # where the dossier that was replaced was copied first
    revision: str | None  # the backup's schema revision (upgraded when the dossier is next opened)
    warnings: tuple[Finding, ...] = ()  # what the backup's check found that a repair mends


# -- the service ---------------------------------------------------------------------------------

class MaintenanceService:
    """Backup and check of one open dossier (the file may be in use by other windows too)."""

    def __init__(self, path: Path, password: str | None = None) -> None:
        self._path = Path(path)
        self._password = password  # an encrypted dossier's, in memory only

    @property
    def path(self) -> Path:
        return self._path

    def backup(self, out: Path | str) -> BackupResult:
        return backup_file(self._path, out, self._password)

    def check(self) -> CheckReport:
        return check_file(self._path, self._password)

    def repair_search_index(self) -> CheckReport:
        return repair_search_index(self._path, self._password)


def backup_file(source: Path | str, out: Path | str, password: str | None = None) -> BackupResult:
    """A consistent owner-only copy of a dossier, even while it is being written. The copy of an
    encrypted dossier (`password`) is encrypted with the same password."""
    source, out = Path(source).expanduser().resolve(), Path(out).expanduser().resolve()
    if not source.is_file():
        raise DossierError(f"{source.name}: there is no such dossier.")
    if out == source:
        raise DossierError("A backup must go to another file than the dossier itself.")
    if out.is_dir():
        raise DossierError(f"{out} is a folder; give the backup a file name.")
    try:
        size = db.backup(source, out, password=password)
    except OSError as exc:
        raise DossierError(f"Cannot write the backup {out.name}: {exc.strerror or exc}.") from exc
    except Exception as exc:
        if (full := _write_failure(exc)) is not None:
            raise DossierError(f"Cannot write the backup {out.name}: {full}; nothing was written. "
                               "Free some space, or back up to another disk.") from exc
        raise _plain(exc, source, "cannot be backed up") from exc
    return BackupResult(source, out, size)


def check_file(path: Path | str, password: str | None = None, *, read_only: bool | None = None) -> CheckReport:
    """Check a dossier file without changing it: its pages, its schema, its documents, their stored
    originals (against sha256) and the search index. Raises DossierError if there is no such file,
    NewerSchemaError for a file a newer Dossier wrote, and for an encrypted one PasswordNeeded
    (no `password`) or WrongPassword."""
    path = Path(path).expanduser().resolve()
    if path.is_dir():
        raise DossierError(f"{path.name} is a folder, not a dossier file.")
    if not path.is_file():
        raise DossierError(f"{path.name}: there is no such dossier.")
    if path.stat().st_size == 0:
        return CheckReport(path, (_empty(path),))
    if read_only is None:  # a file this user cannot write is read as such (its index check cannot run)
        read_only = not writable(path)
    if password is not None:
        cipher.check_password(path, password)  # WrongPassword, or NotEncrypted for a plain file
    elif not db.sqlite_header_ok(path):
        header_findings = [Finding(Severity.ERROR, "file", "The file is not a dossier, or its first page "
                                                     "is damaged (it has no SQLite header).")]
        if cipher.looks_encrypted(path):
            header_findings.append(Finding(Severity.NOTE, "file", f"If {path.name} is an encrypted dossier, "
                                                            "check it with its password."))
        return CheckReport(path, tuple(header_findings))
    findings: list[Finding] = []
    documents = checked = 0
    revision = None
    try:
        with db.checking_session(path, password=password, read_only=read_only) as session:
            holds, revision = db.schema_revision(session)
            if holds == "nothing":  # created, never set up (Dossier does that when it opens it)
                return CheckReport(path, (_empty(path),))
            if holds == "other":
                return CheckReport(path, (Finding(Severity.ERROR, "file", f"{path.name} is not a Dossier file."),))
            findings += _schema_findings(path, revision)
            # after damage, a part may be unreadable: each part is still checked as far as it can be
            for what, stage in (("", db.integrity_problems), ("the documents", db.document_problems),
                                ("the search index", db.search_index_problems)):
                findings += _guarded(what, partial(_findings_of, stage, session))

            def read_originals() -> list[Finding]:
                nonlocal checked
                problems, checked = db.original_problems(session)
                return [_finding(p) for p in problems]

            findings += _guarded("the stored originals", read_originals)
            documents = _count(session)
    except NewerSchemaError:
        raise
    except Exception as exc:
        if db.is_locked(exc):
            raise _in_use(path) from exc
        if (reason := db.database_error(exc)) is None:
            raise
        findings.append(Finding(Severity.ERROR, "file", f"The file is damaged and cannot be read: {reason}."))
    return CheckReport(path, tuple(findings), documents, checked, revision)


def repair_search_index(path: Path | str, password: str | None = None) -> CheckReport:
    """Rebuild the documents' search index from the documents, then check again."""
    path = Path(path).expanduser().resolve()
    report = check_file(path, password)
    if report.errors:
        raise DossierError(f"{path.name} has damage that rebuilding the search index cannot mend; "
                           "restore it from a backup.")
    try:
        with db.checking_session(path, password=password) as session:
            db.rebuild_search_index(session)
            session.commit()
    except Exception as exc:
        raise _plain(exc, path, "cannot be repaired") from exc
    return check_file(path, password)


def restore(backup: Path | str, target: Path | str, password: str | None = None, *,
            clock: Clock = SYSTEM_CLOCK) -> RestoreResult:
    """Put a backup's contents in place of a dossier.

    The backup is checked first and refused if anything in it is damaged or missing (a search index
    out of step is restored as it is, and said: `repair_search_index` mends it). The dossier it
    replaces is copied aside (`NAME.before-restore-TIME.bak`). A dossier open in another window or
    command is not touched: close it first. A backup of an older schema is restored as it is and upgraded when
    the dossier is next opened (after the usual copy aside). For an encrypted dossier, `password`
    opens both the backup and the dossier (a backup is encrypted with its dossier's password).
    """
    backup, target = Path(backup).expanduser().resolve(), Path(target).expanduser().resolve()
    if not backup.is_file():
        raise DossierError(f"{backup.name}: there is no such backup.")
    if backup == target:
        raise DossierError("The backup and the dossier are the same file.")
    report = check_file(backup, password)
    if report.revision is None:
        raise DossierError(f"{backup.name} is not a Dossier backup; nothing was restored.")
    if report.errors:  # (a search index out of step is no reason to refuse: `repair` rebuilds it)
        raise DossierError(f"{backup.name} is not a sound backup ({report.errors[0].message}); "
                           "nothing was restored.")
    if not target.exists() or target.stat().st_size == 0:
        target.unlink(missing_ok=True)
        db.backup(backup, target, password=password)
        return RestoreResult(target, backup, report.documents, None, report.revision, report.warnings)
    if db.in_use(target, password):
        raise DossierInUse(f"{target.name} is open in another Dossier window or command; close it, then restore.")
    stamp = file_stamp(clock)  # no dossier is open here: the clock of whoever calls, else the system's
    safety = target.with_name(f"{target.name}.before-restore-{stamp}.bak")
    try:
        db.backup(target, safety, password=password)
        db.restore_into(backup, target, password=password)
    except Exception as exc:
        if db.database_error(exc) is None:
            raise _plain(exc, target, "cannot be restored") from exc
        # the dossier is too damaged to take the backup's pages: keep its bytes, replace the file
        if not safety.exists():
            db.copy_bytes(target, safety)
        db.replace_with_copy(backup, target, password)
    return RestoreResult(target, backup, report.documents, safety, report.revision, report.warnings)


# -- findings ------------------------------------------------------------------------------------

_MESSAGES = {
    "integrity": (Severity.ERROR, "integrity", "Damaged: {detail}"),
    "foreign_key": (Severity.ERROR, "integrity", "Broken link: {detail}"),
    "index_damaged": (Severity.WARNING, "search index",
                      "The search index does not match the documents; searches may miss documents "
                      "(repair rebuilds it)."),
    "unindexed": (Severity.WARNING, "search index", "{doc} is missing from the search index (repair rebuilds it)."),
    "stale_index": (Severity.WARNING, "search index", "The search index has {detail} (repair rebuilds it)."),
    "no_paragraphs": (Severity.ERROR, "document", "{doc} is incomplete: {detail}."),
    "bad_paragraph": (Severity.ERROR, "document", "{doc} is damaged: {detail}."),
    "no_original": (Severity.ERROR, "original", "{doc} has no stored original."),
    "original_changed": (Severity.ERROR, "original", "{doc}: {detail} — it was altered or damaged."),
}


def _findings_of(stage: Callable[[Session], list[db.Problem]], session: Session) -> list[Finding]:
    return [_finding(p) for p in stage(session)]


def _finding(problem: db.Problem) -> Finding:
    severity, area, template = _MESSAGES.get(problem.code, (Severity.ERROR, "integrity", "{detail}"))
    doc = f"D{problem.document_id}" if problem.document_id is not None else "A document"
    if problem.file_name:
        doc += f" ({problem.file_name})"
    return Finding(severity, area, template.format(doc=doc, detail=problem.detail), problem.document_id)


def _schema_findings(path: Path, revision: str | None) -> list[Finding]:
    if revision is None:
        return [Finding(Severity.ERROR, "file", f"{path.name} records no schema version.")]
    state = db.revision_state(revision)
    if state == "newer":
        raise NewerSchemaError(f"{path.name} was written by a newer version of Dossier (schema {revision}); "
                               "update Dossier to check it.")
    if state == "older":
        return [Finding(Severity.NOTE, "file", f"{path.name} uses an older schema ({revision}); "
                                               "it will be upgraded when next opened.")]
    return []


def _guarded(what: str, run: Callable[[], list[Finding]]) -> list[Finding]:
    try:
        return run()
    except Exception as exc:
        if (reason := db.database_error(exc)) is None:
            raise
        if not what:
            return [Finding(Severity.ERROR, "integrity", f"Damaged: SQLite's integrity check stopped ({reason}).")]
        return [Finding(Severity.ERROR, "integrity", f"Could not read {what}: {reason}.")]


def _empty(path: Path) -> Finding:
    return Finding(Severity.NOTE, "file", f"{path.name} is empty: a new dossier, set up when it is first opened.")


def _count(session: Session) -> int:
    try:
        return db.document_count(session)
    except Exception as exc:  # unreadable after damage: the stages above said so
        if db.database_error(exc) is None:
            raise
        return 0


def _write_failure(exc: BaseException) -> str | None:
    """SQLite could not write the copy: the disk is full (SQLITE_FULL), or refused the write (an I/O
    error: a file size limit, a failing disk)."""
    if not isinstance(exc, cipher.error_types("OperationalError")):
        return None
    if "database or disk is full" in str(exc):
        return "the disk is full"
    if "disk I/O error" in str(exc):
        return "the disk refused the write (it may be full)"
    return None


def _plain(exc: BaseException, path: Path, doing: str) -> BaseException:
    """The error a user should see for a failure of SQLite on `path`."""
    if db.is_locked(exc):
        return _in_use(path)
    if (reason := db.database_error(exc)) is not None:
        return DossierError(f"{path.name} {doing}: it is damaged ({reason}). Run `dossier check` on it.")
    return exc


def _in_use(path: Path) -> DossierInUse:
    return DossierInUse(f"{path.name} is in use: another Dossier window or command is writing to it. "
                        "Try again in a moment.")
