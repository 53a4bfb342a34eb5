"""Help ▸ User Guide and Help ▸ Keyboard Shortcuts; the window's title and icon; an error nobody caught."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QMenu, QMessageBox
from test_gui_support import ui_settings

from dossier import startup
from dossier.paths import APP_NAME, resources_dir
from dossier.ui.app import install_error_hook
from dossier.ui.help_menu import OTHER, GuideDialog, ShortcutsDialog, plain_text, shortcuts
from dossier.ui.main_window import MainWindow

NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    return w


def help_menu(window: MainWindow) -> QMenu:
    menu = window.menuBar().actions()[-1].menu()
    assert isinstance(menu, QMenu) and plain_text(window.menuBar().actions()[-1].text()) == "Help"
    return menu


def test_the_help_menu_has_the_guide_the_shortcuts_and_about(window: MainWindow) -> None:
    texts = [plain_text(a.text()) for a in help_menu(window).actions() if not a.isSeparator()]
    assert texts == ["User Guide", "Keyboard Shortcuts", "About Dossier"]
    assert window.help_actions.guide.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


def test_keyboard_shortcuts_lists_the_windows_own_actions(qtbot, window: MainWindow) -> None:
    window.help_actions.shortcuts.trigger()
    dialogs = [d for d in window.findChildren(ShortcutsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    listed = dialogs[0].listed()
    open_keys = QKeySequence(QKeySequence.StandardKey.Open).toString(NATIVE)
    assert ("File", "Open…", open_keys) in listed
    assert ("Edit", "History…", QKeySequence("Ctrl+Shift+H").toString(NATIVE)) in listed
    assert ("View", "Documents", QKeySequence("Ctrl+1").toString(NATIVE)) in listed
    assert ("Help", "User Guide", QKeySequence(QKeySequence.StandardKey.HelpContents).toString(NATIVE)) in listed
    # an action in no menu is listed under the view that holds it
    delete = QKeySequence(QKeySequence.StandardKey.Delete).toString(NATIVE)
    assert ("Annotations view", "Delete Annotation", delete) in listed
    # every action in a menu that has a key is listed under that menu
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if not action.shortcut().isEmpty() and action.menu() is None:
                assert any(row[0] == plain_text(top.text()) and row[1] == plain_text(action.text())
                           for row in listed), action.text()
    assert all(row[2] for row in listed) and len(listed) == len(set(listed))
    dialogs[0].close()


def test_a_new_shortcut_is_listed_without_editing_the_dialog(qtbot, window: MainWindow) -> None:
    """The list is read from the actions, so it cannot drift from what the keys do."""
    before = shortcuts(window)
    extra = QAction("&Invented Command", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+Shift+J"))
    window.action_menu.addAction(extra)
    hidden = QAction("Invented Hidden Command", window)
    hidden.setShortcut(QKeySequence("Ctrl+Alt+Shift+K"))
    window.addAction(hidden)
    after = shortcuts(window)
    assert len(after) == len(before) + 2
    rows = {(r.menu, r.command) for r in after}
    assert ("Action", "Invented Command") in rows and (OTHER, "Invented Hidden Command") in rows
    dialog = window.show_shortcuts()
    assert ("Action", "Invented Command", QKeySequence("Ctrl+Alt+Shift+J").toString(NATIVE)) in dialog.listed()
    dialog.close()


def test_the_user_guide_opens_offline(qtbot, window: MainWindow) -> None:
    window.help_actions.guide.trigger()
    dialogs = [d for d in window.findChildren(GuideDialog) if d.isVisible()]
    assert len(dialogs) == 1
    browser = dialogs[0].browser
    text = browser.toPlainText()
    assert "Dossier: a short guide" in text and "dossier --help" in text and "Keyboard Shortcuts" in text
    assert not browser.openExternalLinks()
    assert "http" not in browser.toMarkdown()
    dialogs[0].close()


def test_the_guide_ships_inside_the_package() -> None:
    import dossier.ui

    assert (Path(dossier.ui.__file__).parent / "guide.md").is_file()


def test_the_title_names_the_dossier_then_dossier_once(qtbot, window: MainWindow, tmp_path: Path) -> None:
    assert window.windowTitle() == APP_NAME
    assert window.open_dossier(tmp_path / "sample.dossier")
    title = window.windowTitle()
    assert title == f"sample — {APP_NAME}"
    # Qt adds the application's name to a title that does not already end with it
    assert title.endswith(APP_NAME) and title.count(APP_NAME) == 1


def test_the_window_icon_is_the_shipped_icon(window: MainWindow) -> None:
    svg, png = resources_dir() / "icons" / "dossier.svg", resources_dir() / "icons" / "dossier.png"
    assert QSvgRenderer(str(svg)).isValid()
    image = QImage(str(png))
    assert not image.isNull() and image.width() == image.height() >= 256
    icon = window.windowIcon()
    assert not icon.isNull()
    # the first line on the letter in the folder, a light blue the old drawn mark did not have
    pixel = icon.pixmap(256, 256).toImage().scaled(256, 256).pixelColor(110, 82)
    assert abs(pixel.red() - 0x9B) < 12 and abs(pixel.green() - 0xB3) < 12 and abs(pixel.blue() - 0xDE) < 12


def test_the_desktop_file_starts_the_gui_script_with_the_icon() -> None:
    entry = (resources_dir() / "dossier.desktop").read_text(encoding="utf-8").splitlines()
    assert entry[0] == "[Desktop Entry]"
    fields = dict(line.split("=", 1) for line in entry[1:] if "=" in line and not line.startswith("#"))
    assert fields["Type"] == "Application" and fields["Name"] == APP_NAME
    assert fields["Exec"].split()[0] == "dossier-gui"
    assert fields["Icon"] == "dossier" and (resources_dir() / "icons" / "dossier.svg").is_file()
    assert fields["Terminal"] == "false"


def test_an_uncaught_error_is_one_message_and_a_traceback_in_the_log(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    assert startup.setup_logging() is not None
    try:
        hook = install_error_hook(window)
        assert sys.excepthook is hook
        for _ in range(2):  # a second error while the message is open adds no second message
            try:
                raise RuntimeError("an invented fault in the Harbrook view")
            except RuntimeError as exc:
                sys.excepthook(type(exc), exc, exc.__traceback__)
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) == 1
        shown = boxes[0].text() + boxes[0].informativeText()
        assert "an invented fault in the Harbrook view" in shown and "Traceback" not in shown
        assert str(tmp_path / "logs" / "dossier.log") in shown
        log_text = (tmp_path / "logs" / "dossier.log").read_text(encoding="utf-8")
        assert "Traceback" in log_text and "RuntimeError: an invented fault in the Harbrook view" in log_text
        boxes[0].accept()
    finally:
        startup.stop_logging()


@pytest.mark.qt_no_exception_capture
def test_an_error_raised_in_a_slot_reaches_the_hook(qtbot, window: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    assert startup.setup_logging() is not None
    try:
        install_error_hook(window)
        failing = QAction("Invented Failing Command", window)

        def fail() -> None:
            raise ValueError("an invented failure in a slot")

        failing.triggered.connect(fail)
        failing.trigger()
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) == 1 and "an invented failure in a slot" in boxes[0].text()
        assert "ValueError: an invented failure in a slot" in (
            tmp_path / "logs" / "dossier.log").read_text(encoding="utf-8")
        boxes[0].accept()
    finally:
        startup.stop_logging()
