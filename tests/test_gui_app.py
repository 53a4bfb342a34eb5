"""Starting the app: which dossier opens, errors about the file, recent files, remembered layout."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from test_gui_support import ui_settings

from dossier.services import open_services
from dossier.ui.app import build_window, dossier_to_open
from dossier.ui.main_window import MainWindow
from dossier.ui.settings import MAX_RECENT


def visible_messages(window: MainWindow) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_opens_the_path_given(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    window = build_window(dossier_path, ui_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.services is not None
    assert window.services.path == dossier_path.resolve()
    assert window.windowTitle() == "case — Dossier"


def test_without_a_path_opens_the_last_dossier(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    settings = ui_settings(tmp_path)
    first = build_window(dossier_path, settings)
    qtbot.addWidget(first)
    first.close()
    assert dossier_to_open(None, settings) == dossier_path.resolve()
    again = build_window(None, settings)
    qtbot.addWidget(again)
    assert again.services is not None and again.services.path == dossier_path.resolve()


def test_without_any_dossier_shows_the_empty_state(qtbot, tmp_path: Path) -> None:
    window = build_window(None, ui_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.services is None
    assert window.stack.currentWidget() is window.empty_state
    assert window.empty_state.title.text() == "Open or create a dossier"
    assert not window.actions_.import_files.isEnabled()
    assert window.path_label.text() == "No dossier open"


def test_a_newer_dossier_is_refused_with_its_message(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    open_services(dossier_path).close()
    with sqlite3.connect(dossier_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    window = build_window(dossier_path, ui_settings(tmp_path), show=True)
    qtbot.addWidget(window)
    assert window.services is None
    assert window.stack.currentWidget() is window.empty_state
    boxes = visible_messages(window)
    assert len(boxes) == 1
    assert "newer version of Dossier" in boxes[0].text()
    assert "\n" not in boxes[0].text()
    boxes[0].accept()


def test_recent_files_keep_the_last_eight(qtbot, tmp_path: Path) -> None:
    settings = ui_settings(tmp_path)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    paths = [tmp_path / f"case{n}.dossier" for n in range(MAX_RECENT + 2)]
    for path in paths:
        assert window.open_dossier(path)
    recent = settings.recent_files()
    assert len(recent) == MAX_RECENT == 8
    assert recent[0] == paths[-1].resolve()
    assert paths[0].resolve() not in recent
    menu = window.actions_.recent_menu
    menu.aboutToShow.emit()
    names = [a.text() for a in menu.actions() if a.text()]
    assert names[0] == f"&1  {paths[-1].name}"
    assert names[-1] == "Clear Menu"
    assert len(names) == MAX_RECENT + 1
    window.open_dossier(paths[3])  # reopening moves it to the top, without a duplicate
    assert settings.recent_files()[0] == paths[3].resolve()
    assert len(settings.recent_files()) == MAX_RECENT


def test_layout_is_remembered(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    settings = ui_settings(tmp_path)
    window = build_window(dossier_path, settings, show=True)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    window.resize(720, 600)  # smaller than the offscreen screen, so the geometry is kept as is
    qtbot.waitUntil(lambda: window.width() == 720)
    window.splitter.setSizes([260, 300, 160])
    window.documents_panel.table.set_user_width(2, 222)  # as a drag on the header's edge does
    window.close()
    assert settings.bytes("window/geometry") is not None
    again = build_window(dossier_path, settings, show=True)
    qtbot.addWidget(again)
    qtbot.waitExposed(again)
    assert again.size() == window.size()
    assert again.splitter.sizes() == window.splitter.sizes()
    assert again.documents_panel.table.columnWidth(2) == 222


def test_a_recent_file_that_has_gone_is_dropped_not_recreated(qtbot, tmp_path: Path) -> None:
    settings = ui_settings(tmp_path)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    gone = tmp_path / "gone.dossier"
    assert window.open_dossier(gone)
    assert window.open_dossier(tmp_path / "kept.dossier")  # closes gone.dossier
    gone.unlink()
    assert not window.open_recent(gone.resolve())
    assert not gone.exists()
    assert [p.name for p in settings.recent_files()] == ["kept.dossier"]
    boxes = visible_messages(window)
    assert len(boxes) == 1 and "gone.dossier" in boxes[0].text()
    boxes[0].accept()
