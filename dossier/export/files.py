"""Writing an exported file safely: the target holds either its old content or the whole new one."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import stat
import tempfile
from pathlib import Path

from dossier.domain.errors import DossierError

_TEMP_MIDDLE = re.compile(r"[a-z0-9_]{6,16}")


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is used up"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "you do not have permission to write there"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno == errno.ENOENT:
        return "the folder does not exist"
    if exc.errno == errno.ENOTDIR:
        return "part of the path is not a folder"
    if exc.errno == errno.EISDIR:
        return "that is a folder"
    return exc.strerror or str(exc)


def write_atomically(target: Path, data: bytes, what: str = "the file") -> None:
    """Write bytes to `target` by way of a temporary file beside it, synced, then renamed into place.

    On any failure the temporary file is removed and `target` is left as it was; one that a killed
    earlier write left behind is removed by the next. A new file is readable by its owner only,
    like a dossier; a file replaced keeps its permissions.
    """
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o600
    _sweep(target)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise DossierError(f"Cannot write {what} to {target}: {_reason(exc)}.") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _sync_folder(target.parent)


def _sweep(target: Path) -> None:
    """Remove the temporary files an earlier write of this target left: a process killed between
    writing one and renaming it (a SIGKILL, a power cut) cannot remove its own."""
    prefix = f".{target.name}."
    for left in target.parent.glob(f"{glob.escape(prefix)}*.part"):
        # the middle is what mkstemp adds: letters, digits and "_" (so ".a.b.x1y2z3w4.part",
        # a temporary file of "a.b", is not taken for one of "a")
        if _TEMP_MIDDLE.fullmatch(left.name[len(prefix):-len(".part")]):
            with contextlib.suppress(OSError):
                left.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
