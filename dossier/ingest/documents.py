"""Which files to read, and reading one: dispatch on the suffix, every failure one short line."""

from __future__ import annotations

import importlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
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


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given (whatever their suffix, even if missing); folders recursively, sorted.

    Inside folders only files with a supported suffix are kept; hidden files and folders
    (".DS_Store", ".git") and Word's lock files ("~$letter.docx") are skipped. A file met twice
    is listed once.
    """
    found: dict[Path, None] = {}
    for given in paths:
        path = Path(given)
        found.update(dict.fromkeys(_folder_files(path) if path.is_dir() else [path]))
    return list(found)


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


def _folder_files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file_name in sorted(files):
            path = Path(root, file_name)
            if _wanted(file_name) and path.is_file():
                yield path


def _wanted(file_name: str) -> bool:
    hidden = file_name.startswith((".", "~$"))
    return not hidden and PurePath(file_name).suffix.lower() in SUPPORTED_SUFFIXES


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
