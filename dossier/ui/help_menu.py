"""Help ▸ Keyboard Shortcuts and Help ▸ User Guide.

The shortcuts are read from the window's own QActions each time the dialog opens, so the list
cannot drift from what the keys do. The guide is a Markdown file shipped inside the package and
shown in a QTextBrowser: nothing is fetched from anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

GUIDE_FILE = "guide.md"
OTHER = "Elsewhere in the window"


@dataclass(frozen=True)
class Shortcut:
    menu: str  # "File", "Actor ▸ Kind", or OTHER for an action in no menu
    command: str  # the action's text without its mnemonic ("Open…")
    keys: str  # the platform's own spelling ("Ctrl+O"); several joined by ", "


def plain_text(text: str) -> str:
    """An action's text as shown: no "&" mnemonic marker ("&&" is a literal "&"), no tab-separated key."""
    return text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def keys_text(action: QAction) -> str:
    return ", ".join(seq.toString(QKeySequence.SequenceFormat.NativeText)
                     for seq in action.shortcuts() if not seq.isEmpty())


def shortcuts(window: QMainWindow) -> list[Shortcut]:
    """Every shortcut the window's actions carry: menu by menu in menu order, then the rest."""
    rows: list[Shortcut] = []
    seen: set[int] = set()

    def add(menu: str, action: QAction) -> None:
        seen.add(id(action))
        keys = keys_text(action)
        if keys and not action.isSeparator():
            rows.append(Shortcut(menu, plain_text(action.text()), keys))

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{title} ▸ {plain_text(action.text())}")
            else:
                add(title, action)

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain_text(top.text()))
    extra = {(r.command, r.keys) for r in rows}
    for action in window.findChildren(QAction):
        if id(action) in seen or not keys_text(action):
            continue
        row = Shortcut(_place(window, action), plain_text(action.text()) or action.toolTip(), keys_text(action))
        if (row.command, row.keys) not in extra:  # one key that several views each bind is listed once
            extra.add((row.command, row.keys))
            rows.append(row)
    return rows


def _place(window: QMainWindow, action: QAction) -> str:
    """Where an action in no menu works: the view (a tab of the window's workspace) that holds it."""
    owner = action.parent()
    tabs = getattr(window, "workspace", None)
    if isinstance(owner, QWidget) and isinstance(tabs, QTabWidget):
        for n in range(tabs.count()):
            page = tabs.widget(n)
            if page is not None and (page is owner or page.isAncestorOf(owner)):
                return f"{plain_text(tabs.tabText(n))} view"
    return OTHER


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard Shortcuts")
        self.rows = shortcuts(window)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Command", "Shortcut"])
        self.tree.setRootIsDecorated(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for row in self.rows:
            group = groups.get(row.menu)
            if group is None:
                group = groups[row.menu] = QTreeWidgetItem(self.tree, [row.menu])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
            QTreeWidgetItem(group, [row.command, row.keys])
        self.tree.expandAll()
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 620)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.tree.resizeColumnToContents(0)  # measured once shown, in the font the style gives it
        self.tree.setColumnWidth(0, self.tree.columnWidth(0) + self.tree.indentation())

    def listed(self) -> list[tuple[str, str, str]]:
        """What the dialog shows: (menu, command, keys) per row."""
        out = []
        for n in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(n)
            for m in range(group.childCount() if group is not None else 0):
                item = group.child(m) if group is not None else None
                if group is not None and item is not None:
                    out.append((group.text(0), item.text(0), item.text(1)))
        return out


def guide_text() -> str:
    return resources.files("dossier.ui").joinpath(GUIDE_FILE).read_text(encoding="utf-8")


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Dossier User Guide")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(False)  # offline: the guide links only to itself
        self.browser.setMarkdown(guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(680, 720)


@dataclass(frozen=True)
class HelpActions:
    shortcuts: QAction
    guide: QAction


def install_help_actions(window: QMainWindow, help_menu: QMenu, *, show_guide: Callable[[], object],
                         show_shortcuts: Callable[[], object]) -> HelpActions:
    """Help ▸ User Guide (F1) and Help ▸ Keyboard Shortcuts, above About."""
    guide = QAction("&User Guide", window)
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.setStatusTip("A short guide to Dossier's views and commands")
    guide.triggered.connect(lambda _checked=False: show_guide())
    keys = QAction("&Keyboard Shortcuts", window)
    keys.setStatusTip("Every shortcut in this window")
    keys.triggered.connect(lambda _checked=False: show_shortcuts())
    first = help_menu.actions()[0] if help_menu.actions() else None
    if first is None:
        help_menu.addActions([guide, keys])
    else:
        help_menu.insertActions(first, [guide, keys])
        help_menu.insertSeparator(first)
    return HelpActions(keys, guide)
