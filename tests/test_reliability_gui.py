"""File > Back Up… and Tools > Check Dossier… (issue #7, item 3) in the real main window.

The window's menus get the two actions from `install_maintenance_actions`; until the main window
wires them in, these tests do it (with a Tools menu of their own)."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from test_gui_support import ui_settings
from test_reliability_support import letter_files, letters  # noqa: F401  (a fixture)

from dossier.db import search
from dossier.services import open_services
from dossier.services.maintenance import check_file
from dossier.ui.dialogs.maintenance_dialogs import MaintenanceActions, install_maintenance_actions
from dossier.ui.main_window import MainWindow

TIMEOUT_MS = 30_000


@pytest.fixture
def window(qtbot, tmp_path: Path, dossier_path: Path, letters: Path) -> MainWindow:  # noqa: F811
    services = open_services(dossier_path)
    try:
        services.documents.file_paths(letter_files(letters)[:5])
    finally:
        services.close()
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    return w


def install(window: MainWindow) -> MaintenanceActions:
    """The window's own actions once main_window.py installs them; until then, installed here."""
    existing = getattr(window, "maintenance", None)
    if isinstance(existing, MaintenanceActions):
        return existing
    file_menu = window.menuBar().actions()[0].menu()
    tools = window.menuBar().addMenu("&Tools")
    return install_maintenance_actions(window, file_menu, tools)


def menu_named(window: MainWindow, title: str):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == title)


def test_the_actions_sit_in_the_menus_and_need_an_open_dossier(window: MainWindow, dossier_path: Path) -> None:
    actions = install(window)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    at = texts.index("&Back Up…")
    assert at > texts.index("Import &Folder…")  # with the dossier's own commands,
    assert file_menu.actions()[at + 1].isSeparator() and texts[at + 2:] == ["&Quit"]  # above Quit
    assert "&Check Dossier…" in [a.text() for a in menu_named(window, "&Tools").actions()]
    assert not actions.backup_action.isEnabled() and not actions.check_action.isEnabled()
    assert window.open_dossier(dossier_path)
    assert actions.backup_action.isEnabled() and actions.check_action.isEnabled()


def test_back_up_writes_a_private_copy_and_says_where(qtbot, window: MainWindow, dossier_path: Path,
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    actions = install(window)
    assert window.open_dossier(dossier_path)
    out = tmp_path / "copies" / "case backup.dossier"
    out.parent.mkdir()
    offered: list[str] = []

    def choose(_parent, _title, start, _filter):
        offered.append(start)
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    with qtbot.waitSignal(actions.backup_finished, timeout=TIMEOUT_MS) as blocker:
        actions.backup_action.trigger()
    assert blocker.args[0] is not None and blocker.args[0].path == out.resolve()
    assert Path(offered[0]).name.startswith("case backup ") and Path(offered[0]).suffix == ".dossier"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert check_file(out).documents == 5
    box = actions.message
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Backup made"
    assert box.text().startswith("case.dossier was backed up to case backup.dossier (")
    box.accept()


def test_a_failed_backup_is_explained(qtbot, window: MainWindow, dossier_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    actions = install(window)
    assert window.open_dossier(dossier_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(dossier_path), ""))
    with qtbot.waitSignal(actions.backup_finished, timeout=TIMEOUT_MS) as blocker:
        actions.backup_action.trigger()
    assert blocker.args[0] is None
    assert actions.message is not None and actions.message.windowTitle() == "The backup was not made"
    assert actions.message.text() == "A backup must go to another file than the dossier itself."
    actions.message.accept()


def test_check_lists_what_it_found_and_a_finding_opens_its_document(qtbot, window: MainWindow,
                                                                    dossier_path: Path) -> None:
    con = sqlite3.connect(dossier_path)
    con.execute("UPDATE document_blobs SET data = data || x'00' WHERE document_id = 4")
    con.execute("UPDATE document_blobs SET data = CAST(data AS BLOB) WHERE document_id = 4")
    con.commit()
    con.close()
    actions = install(window)
    assert window.open_dossier(dossier_path)
    with qtbot.waitSignal(actions.check_finished, timeout=TIMEOUT_MS) as blocker:
        actions.check_action.trigger()
    report = blocker.args[0]
    assert report is not None and not report.ok
    dialog = actions.check_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.headline.text() == "1 error in case.dossier."
    [(severity, where, finding)] = dialog.rows()
    assert (severity, where) == ("Error", "original")
    assert finding.startswith("D4 (") and "altered or damaged" in finding
    assert not dialog.repair_button.isVisible()
    dialog.findings.itemDoubleClicked.emit(dialog.findings.topLevelItem(0), 0)
    assert window.documents_panel.current_id == 4
    dialog.reject()
    qtbot.waitUntil(lambda: actions.check_dialog is None)


def test_check_offers_to_rebuild_an_index_out_of_step_and_does_it(qtbot, window: MainWindow,
                                                                  dossier_path: Path) -> None:
    services = open_services(dossier_path)
    try:
        detail = services.documents.get(2)
        with services.dossier.sessions.begin() as session:
            search.unindex_document(session, 2, detail.row.title, detail.text)
    finally:
        services.close()
    actions = install(window)
    assert window.open_dossier(dossier_path)
    with qtbot.waitSignal(actions.check_finished, timeout=TIMEOUT_MS):
        actions.check_action.trigger()
    dialog = actions.check_dialog
    assert dialog is not None
    assert [row[:2] for row in dialog.rows()] == [("Warning", "search index")] * len(dialog.rows())
    assert dialog.repair_button.isVisible()
    with qtbot.waitSignal(actions.check_finished, timeout=TIMEOUT_MS) as blocker:
        dialog.repair_button.click()
    assert blocker.args[0].ok
    assert dialog.headline.text().startswith("No problems found in case.dossier: 5 documents")
    assert dialog.detail.text().startswith("The search index was rebuilt.")
    assert dialog.rows() == [] and not dialog.repair_button.isVisible()
