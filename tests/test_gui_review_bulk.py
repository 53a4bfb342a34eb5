"""The window reviews in bulk: Accept All and Reject All in Dossier, by kind, from the Suggestions
tab (accepting off the GUI thread, one undo step), and the import summary says how many
suggestions wait and opens them. Invented letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_gui_support import IMPORT_TIMEOUT_MS, close_summary, run_import, ui_settings
from test_review_bulk import ASKS, OTHER

from dossier.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path, dossier_path: Path) -> MainWindow:
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    assert w.open_dossier(dossier_path)
    return w


def _import(qtbot, window: MainWindow, tmp_path: Path) -> list:
    paths = []
    for name, text in (("asks.txt", ASKS), ("other.txt", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    return run_import(qtbot, window, paths)


def _pending(window: MainWindow) -> dict[str, int]:
    return window.services.suggestions.pending_counts()


def test_the_import_summary_says_what_waits_and_opens_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    _import(qtbot, window, tmp_path)
    counts = _pending(window)
    dialog = window.summary_dialog
    assert dialog is not None and dialog.review_button is not None
    assert dialog.waiting.text().startswith(f"{sum(counts.values())} suggestions wait for review")
    window.workspace.setCurrentWidget(window.actors_page)
    dialog.review_button.click()
    page = window.documents_page
    assert window.workspace.currentWidget() is page
    assert page.bottom_tabs.currentWidget() is page.suggestions
    assert page.suggestions.rows  # the document shown has suggestions waiting
    assert window.summary_dialog is None


def test_accept_all_in_dossier_of_one_kind_then_undo(qtbot, window: MainWindow, tmp_path: Path) -> None:
    _import(qtbot, window, tmp_path)
    close_summary(window)
    panel = window.documents_page.suggestions
    counts = _pending(window)
    assert panel.dossier_label.text() == f"Whole dossier: {sum(counts.values())} waiting"
    panel.dossier_kind.setCurrentIndex(panel.dossier_kind.findData("actor"))
    assert panel.dossier_kind.currentText() == f"Actors ({counts['actor']})"

    panel.accept_dossier_button.click()
    assert window.documents_page.accept_job is not None  # accepting, off the GUI thread
    qtbot.waitUntil(lambda: window.documents_page.accept_job is None, timeout=IMPORT_TIMEOUT_MS)

    assert _pending(window) == {"action": counts["action"]}  # every actor, in both letters
    assert window.undo_stack.undoText() == f"Accept {counts['actor']} actor suggestions"
    assert panel.dossier_label.text() == f"Whole dossier: {counts['action']} waiting"
    window.undo_stack.undo()
    assert _pending(window) == counts
    window.undo_stack.redo()
    assert _pending(window) == {"action": counts["action"]}


def test_reject_all_in_dossier_then_undo(qtbot, window: MainWindow, tmp_path: Path) -> None:
    _import(qtbot, window, tmp_path)
    close_summary(window)
    panel = window.documents_page.suggestions
    counts = _pending(window)
    panel.dossier_kind.setCurrentIndex(panel.dossier_kind.findData("action"))
    panel.reject_dossier_button.click()
    assert _pending(window) == {"actor": counts["actor"]}
    assert panel.dossier_label.text() == f"Whole dossier: {counts['actor']} waiting"
    window.undo_stack.undo()
    assert _pending(window) == counts
    panel.dossier_kind.setCurrentIndex(panel.dossier_kind.findData(None))
    panel.reject_dossier_button.click()
    assert _pending(window) == {}
    assert not panel.accept_dossier_button.isEnabled() and not panel.reject_dossier_button.isEnabled()
