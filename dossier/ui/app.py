"""Start the desktop app: QApplication, theme, main window, the dossier to open, event loop."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from dossier import __version__
from dossier.paths import APP_NAME, ORG_NAME
from dossier.ui.main_window import MainWindow
from dossier.ui.settings import UiSettings
from dossier.ui.style import icons
from dossier.ui.style.theme import apply_theme


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


def run_gui(path: Path | None) -> int:
    app = application()
    window = build_window(path, show=True)
    status = app.exec()
    del window
    return status
