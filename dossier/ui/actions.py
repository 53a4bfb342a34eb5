"""The window's menus and actions, with the platform's standard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class WindowActions:
    new: QAction
    open: QAction
    recent_menu: QMenu
    import_files: QAction
    import_folder: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    about: QAction

    def set_busy(self, busy: bool, has_dossier: bool) -> None:
        """While an import runs, nothing may open another dossier or start a second import."""
        for action in (self.new, self.open):
            action.setEnabled(not busy)
        self.recent_menu.setEnabled(not busy)
        for action in (self.import_files, self.import_folder):
            action.setEnabled(has_dossier and not busy)
        self.find.setEnabled(has_dossier)


def _action(window: QMainWindow, text: str, slot: Callable[[], object], shortcut: Key | None = None,
            tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window: QMainWindow, undo_stack: QUndoStack, *, new: Callable[[], object],
                open_: Callable[[], object], open_path: Callable[[Path], object],
                recent: Callable[[], list[Path]], clear_recent: Callable[[], object],
                import_files: Callable[[], object], import_folder: Callable[[], object],
                find: Callable[[], object], about: Callable[[], object],
                more_menus: Callable[[QMenuBar], object] | None = None) -> WindowActions:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    new_action = _action(window, "&New Dossier…", new, Key.New, "Create an empty dossier file")
    open_action = _action(window, "&Open…", open_, Key.Open, "Open a dossier file")
    file_menu.addAction(new_action)
    file_menu.addAction(open_action)
    recent_menu = file_menu.addMenu("Open &Recent")

    def fill_recent() -> None:
        recent_menu.clear()
        paths = recent()
        for n, path in enumerate(paths, start=1):
            item = recent_menu.addAction(f"&{n}  {path.name}")
            item.setToolTip(str(path))
            item.setStatusTip(str(path))
            item.triggered.connect(lambda _checked=False, p=path: open_path(p))
        if paths:
            recent_menu.addSeparator()
        clear = recent_menu.addAction("Clear Menu")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(lambda _checked=False: clear_recent())

    recent_menu.aboutToShow.connect(fill_recent)
    fill_recent()
    file_menu.addSeparator()
    import_files_action = _action(window, "&Import Files…", import_files, tip="File documents into this dossier")
    import_folder_action = _action(window, "Import &Folder…", import_folder,
                                   tip="File every document in a folder and its subfolders")
    file_menu.addAction(import_files_action)
    file_menu.addAction(import_folder_action)
    file_menu.addSeparator()
    quit_action = _action(window, "&Quit", window.close, Key.Quit)
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(quit_action)

    edit_menu = bar.addMenu("&Edit")
    undo = undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence(Key.Undo))
    redo = undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcut(QKeySequence(Key.Redo))
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    find_action = _action(window, "&Find", find, Key.Find, "Filter what the current view lists")
    edit_menu.addAction(find_action)

    if more_menus is not None:  # the views' menus go between Edit and Help
        more_menus(bar)

    help_menu = bar.addMenu("&Help")
    about_action = _action(window, "&About Dossier", about)
    about_action.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(about_action)
    return WindowActions(new_action, open_action, recent_menu, import_files_action, import_folder_action,
                         quit_action, undo, redo, find_action, about_action)


def menu_of(action: QAction) -> QMenu:
    """The menu a menu bar's action opens (Qt types QAction.menu() as a plain QObject)."""
    menu = action.menu()
    if not isinstance(menu, QMenu):
        raise TypeError(f"{action.text()!r} opens no menu")
    return menu


def add_menu(bar: QMenuBar, title: str, items: list[QAction | QMenu | None]) -> QMenu:
    """A menu of existing actions (None for a separator)."""
    menu = bar.addMenu(title)
    for item in items:
        if item is None:
            menu.addSeparator()
        elif isinstance(item, QMenu):
            menu.addMenu(item)
        else:
            menu.addAction(item)
    return menu
