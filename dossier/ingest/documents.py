"""Which files to read, and reading one: dispatch on the suffix, every failure one short line."""

from __future__ import annotations

import errno
import importlib
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath

from dossier.domain.errors import UnreadableFile
from dossier.domain.records import Extracted
from dossier.ingest.base import ReadError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# suffix -> (module, function). Imported when first needed: pypdf and python-docx take a few
# hundred milliseconds to import, which the window should not pay for at start-up.
_READERS: dict[str, tuple[str, str]] = {
    ".txt": ("dossier.ingest.text", "read_text"),
    ".text": ("dossier.ingest.text", "read_text"),
    ".md": ("dossier.ingest.text", "read_text"),
    ".pdf": ("dossier.ingest.pdf", "read_pdf"),
    ".docx": ("dossier.ingest.docx", "read_docx"),
    ".eml": ("dossier.ingest.eml", "read_eml"),
    ".html": ("dossier.ingest.html", "read_html"),
    ".htm": ("dossier.ingest.html", "read_html"),
    ".rtf": ("dossier.ingest.rtf", "read_rtf"),
    ".msg": ("dossier.ingest.msg", "read_msg"),
}
SUPPORTED_SUFFIXES = frozenset(_READERS)


def _reader(suffix: str) -> Callable[[bytes], Extracted] | None:
    found = _READERS.get(suffix)
    return getattr(importlib.import_module(found[0]), found[1]) if found else None


@dataclass(frozen=True, slots=True)
class PassedOver:
    """An entry of a folder that is not filed, with the one-line reason. `failed`: it has a
    document's suffix but cannot be read as one (a link to nothing, a pipe named like a letter);
    otherwise it is no document by design (another file type, a hidden file, an empty folder)."""

    path: str
    reason: str
    failed: bool = False


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given (whatever their suffix, even if missing); folders recursively, sorted.

    Inside folders only files with a supported suffix are kept; hidden files and folders
    (".DS_Store", ".git") and Word's lock files ("~$letter.docx") are skipped. A file met twice
    is listed once. `scan_paths` also says what was passed over, and why.
    """
    return scan_paths(paths)[0]


def scan_paths(paths: Iterable[Path | str]) -> tuple[list[Path], list[PassedOver]]:
    """The files to read (as `expand_paths`), and every entry of the folders passed over, with its
    reason: other file types, hidden files, links to nothing, link loops, pipes and devices, empty
    folders. A link to a folder is not followed (it may lead anywhere, or back to itself)."""
    found: dict[Path, None] = {}
    passed: list[PassedOver] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files: list[Path] = []
            _walk(path, files, passed, frozenset({os.path.realpath(path)}))
            found.update(dict.fromkeys(files))
        else:
            found[path] = None
    return list(found), passed


def read_path(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, Extracted]:
    """Read a file and its text. Raises UnreadableFile(str(path), reason)."""
    name = str(path)
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(name, "not a file")
        if info.st_size > max_bytes:
            raise UnreadableFile(name, _too_large(max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableFile(name, _os_reason(exc)) from exc
    if len(data) > max_bytes:  # it grew since we looked
        raise UnreadableFile(name, _too_large(max_bytes))
    return data, read_document(name, data, max_bytes=max_bytes)


def read_document(name: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Extracted:
    """Text of a document by the suffix of `name`. Raises UnreadableFile(name, reason)."""
    suffix = PurePath(name).suffix.lower()
    reader = _reader(suffix)
    if reader is None:
        raise UnreadableFile(name, f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)")
    if len(data) > max_bytes:
        raise UnreadableFile(name, _too_large(max_bytes))
    if not data:
        raise UnreadableFile(name, "empty file")
    try:
        return reader(data)
    except ReadError as exc:
        raise UnreadableFile(name, exc.reason) from exc
    except MemoryError as exc:
        raise UnreadableFile(name, "not enough memory to read the file") from exc
    except RecursionError as exc:
        raise UnreadableFile(name, "cannot read file (nested too deeply)") from exc
    except Exception as exc:  # a reader bug or a library's surprise: still one line for the user
        raise UnreadableFile(name, f"cannot read file (unexpected {type(exc).__name__})") from exc


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"))


def _walk(folder: Path, files: list[Path], passed: list[PassedOver], above: frozenset[str]) -> None:
    """A folder's files, then its folders, each in name order (as os.walk gave them)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        detail = (exc.strerror or type(exc).__name__).lower()
        passed.append(PassedOver(str(folder), f"cannot read folder ({detail})", failed=True))
        return
    if not entries:
        passed.append(PassedOver(str(folder), "empty folder"))
        return
    folders: list[Path] = []
    for entry in entries:
        path = Path(entry.path)
        wanted = PurePath(entry.name).suffix.lower() in SUPPORTED_SUFFIXES
        if entry.name.startswith("~$"):
            passed.append(PassedOver(str(path), "a Word lock file, not a document"))
            continue
        if entry.name.startswith("."):
            passed.append(PassedOver(str(path), "hidden folder" if _is_dir(entry) else "hidden file"))
            continue
        try:
            info = path.stat()  # through a link to what it points at
        except OSError as exc:
            passed.append(PassedOver(str(path), _link_reason(exc) if entry.is_symlink() else _os_reason(exc),
                                     failed=wanted))
            continue
        if stat.S_ISDIR(info.st_mode):
            if entry.is_symlink():
                loop = os.path.realpath(path) in above
                passed.append(PassedOver(str(path), "link loop (a link to a folder that holds it)" if loop
                                         else "a link to a folder (not followed)"))
            else:
                folders.append(path)
        elif stat.S_ISREG(info.st_mode):
            if wanted:
                files.append(path)
            else:
                suffix = PurePath(entry.name).suffix.lower()
                passed.append(PassedOver(str(path), f"unsupported file type {suffix}" if suffix
                                         else "unsupported file type (no extension)"))
        else:
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
            passed.append(PassedOver(str(path), f"not a file ({kind})", failed=wanted))
    for sub in folders:
        _walk(sub, files, passed, above | {os.path.realpath(sub)})


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _link_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return "a link to a file that is not there"
    if exc.errno == errno.ELOOP:
        return "link loop (the link leads back to itself)"
    return _os_reason(exc)


def _too_large(max_bytes: int) -> str:
    return f"file is larger than the {_size(max_bytes)} limit"


def _size(n: int) -> str:
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} bytes"


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return "file not found"
    if isinstance(exc, PermissionError):
        return "cannot read file (permission denied)"
    if isinstance(exc, IsADirectoryError):
        return "not a file"
    detail = (exc.strerror or type(exc).__name__).lower()
    return f"cannot read file ({detail})"
