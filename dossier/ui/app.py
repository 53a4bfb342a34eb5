"""Start the desktop app: QApplication, theme, main window, the dossier to open, event loop."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from dossier import __version__
from dossier.paths import APP_NAME, ORG_NAME
from dossier.startup import log_file, log_uncaught
from dossier.ui.context import one_line
from dossier.ui.main_window import MainWindow
from dossier.ui.settings import UiSettings
from dossier.ui.style import icons
from dossier.ui.style.install import apply_theme


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused if one exists already, e.g. under pytest-qt)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icons.app_icon())
    apply_theme(app)
    return app


def dossier_to_open(path: Path | None, settings: UiSettings) -> Path | None:
    """The file given, else the last one opened (if it still exists), else none."""
    if path is not None:
        return Path(path)
    last = settings.last_file()
    return last if last is not None and last.exists() else None


def build_window(path: Path | None, settings: UiSettings | None = None, *, show: bool = False) -> MainWindow:
    settings = settings or UiSettings()
    window = MainWindow(settings)
    if show:  # shown first, so an error about the file appears over the window
        window.show()
    target = dossier_to_open(path, settings)
    if target is not None:
        window.open_dossier(target)  # on failure it shows why, and the window stays empty
    return window


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_error_hook(window: MainWindow) -> ExceptHook:
    """An exception nobody caught (in a slot, say) goes to the log with its traceback; the person sees
    one message saying so, not a traceback, and the window carries on. One message at a time."""
    shown: list[QMessageBox] = []

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log_uncaught(kind, exc, tb)
        if issubclass(kind, KeyboardInterrupt) or shown:
            return
        box = window.show_message(
            QMessageBox.Icon.Critical, "Something went wrong",
            f"Dossier met an error it did not expect, and carried on: {one_line(exc)}",
            f"The details are in {log_file()}. Send that file with a note of what you were doing.")
        shown.append(box)
        box.finished.connect(lambda _result: shown.clear())

    sys.excepthook = hook
    return hook


def run_gui(path: Path | None) -> int:
    app = application()
    window = build_window(path, show=True)
    install_error_hook(window)
    status = app.exec()
    del window
    return status
