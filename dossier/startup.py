"""What the app sets up before anything else runs: a log file, a crash trace, and whether a window can open.

No Qt here: the display check must run before Qt is imported (Qt aborts the process when it finds no
display), and the log is the same for the window and the command line.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import re
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

import platformdirs

from dossier import __version__
from dossier.paths import APP_NAME

LOG_NAME = "dossier.log"
CRASH_NAME = "crash.log"  # faulthandler writes a fatal error's Python stack here (a segfault, an abort)
CLI_HINT = "the command line works without one: dossier --help"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3

log = logging.getLogger("dossier")
_handler: logging.Handler | None = None
_crash_file: IO[str] | None = None  # kept open: faulthandler writes to its descriptor when the process dies


def log_dir() -> Path:
    """$DOSSIER_LOG_DIR if set, else the platform's log folder (e.g. ~/.local/state/Dossier/log)."""
    env = os.environ.get("DOSSIER_LOG_DIR")
    return Path(env).expanduser() if env else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_NAME


def setup_logging(directory: Path | None = None) -> Path | None:
    """Log to a rotating file in `directory` (default: log_dir()), turn faulthandler on writing there,
    and send uncaught exceptions (in any thread) to the log. Returns the log file, or None when the folder cannot be
    written (the app runs on without a log rather than refuse to start). Calling it again is harmless."""
    global _handler, _crash_file
    directory = Path(directory) if directory is not None else log_dir()
    path = directory / LOG_NAME
    if _handler is not None and Path(getattr(_handler, "baseFilename", "")) == path:
        return path
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                                       encoding="utf-8")
        crash_file = open(directory / CRASH_NAME, "a", encoding="utf-8")  # noqa: SIM115 - held for the process
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
    _handler = handler
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = crash_file
    faulthandler.enable(file=crash_file, all_threads=True)
    sys.excepthook = log_uncaught
    threading.excepthook = _log_uncaught_in_thread
    log.info("Dossier %s started (Python %s, %s)", __version__, sys.version.split()[0], sys.platform)
    return path


def log_uncaught(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook: the traceback goes to the log; the user sees one line on stderr, if there is one."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    log.critical("uncaught exception", exc_info=(kind, exc, tb))
    if sys.stderr is not None:
        first = (str(exc).strip().splitlines() or [kind.__name__])[0]
        print(f"dossier: unexpected error: {first} (details in {log_file()})", file=sys.stderr)


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "a thread"
    log.critical("uncaught exception in %s", name, exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


_LOCAL_X_DISPLAY = re.compile(r"^(?:unix)?:(\d+)(?:\.\d+)?$")


def x_display_reachable(display: str) -> bool | None:
    """Whether an X server answers at a display on this machine (":0", "unix:1.0"); None when it cannot be
    told without the network (a display on another host, such as ssh's "localhost:10.0")."""
    match = _LOCAL_X_DISPLAY.match(display)
    if match is None or not hasattr(socket, "AF_UNIX"):
        return None
    path = f"/tmp/.X11-unix/X{match.group(1)}"
    addresses = ("\0" + path, path) if sys.platform.startswith("linux") else (path,)  # abstract, then the file
    for address in addresses:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(1.0)
            try:
                probe.connect(address)
            except OSError:
                continue
            return True
    return False


def display_problem(environ: os._Environ[str] | dict[str, str] | None = None, platform: str | None = None,
                    reachable: Callable[[str], bool | None] = x_display_reachable) -> str | None:
    """Why the window cannot open here, or None. On Linux and the BSDs Qt needs X11 (DISPLAY) or
    Wayland (WAYLAND_DISPLAY), unless QT_QPA_PLATFORM names another platform (e.g. offscreen); Qt
    aborts the process when the X server of a DISPLAY on this machine does not answer, so that is checked."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    if environ.get("QT_QPA_PLATFORM") or environ.get("WAYLAND_DISPLAY"):
        return None
    display = environ.get("DISPLAY")
    if not display:
        return ("dossier: there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
                f"{CLI_HINT}")
    if reachable(display) is False:
        return f"dossier: no display answers at DISPLAY={display}, so the window cannot open; {CLI_HINT}"
    return None


def stop_logging() -> None:
    """Undo setup_logging (for tests, which share one process): close the files, give faulthandler
    back to stderr and the exception hooks back to Python's own."""
    global _handler, _crash_file
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
        _handler = None
    if _crash_file is not None:
        if sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__)
        else:  # no console (pythonw): nowhere to write a crash to
            faulthandler.disable()
        _crash_file.close()
        _crash_file = None
    if sys.excepthook is log_uncaught:
        sys.excepthook = sys.__excepthook__
    if threading.excepthook is _log_uncaught_in_thread:
        threading.excepthook = threading.__excepthook__
