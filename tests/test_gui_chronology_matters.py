"""The chronology window's "Only events that matter" filter: courtesies and housekeeping left out,
the dossier keeping them, and the choice remembered in the settings. Invented letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_gui_support import file_letters, ui_settings

from dossier.ui.main_window import MainWindow
from dossier.ui.models.chronology_model import EVENT, HeaderRole
from dossier.ui.views.chronology_page import MATTERS_KEY

LETTER = """Sam Doe
Director of Housing
Wessex County Council

2 March 2020

Dear Sam,

Thank you for the call on Friday.

I wrote to you on 3 February about the state of the housing register.

Yours sincerely,

Ann Roe
Minister for Housing
"""


@pytest.fixture
def case(dossier_path: Path, tmp_path: Path) -> dict[str, int]:
    return file_letters(dossier_path, tmp_path / "letters", {"letter.txt": LETTER})


def open_window(qtbot, tmp_path: Path, dossier_path: Path) -> MainWindow:
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    assert w.open_dossier(dossier_path)
    w.view_actions[3].trigger()  # View ▸ Chronology
    return w


def descriptions(window: MainWindow) -> list[str]:
    model = window.chronology_page.model
    return [model.data(model.index(row, EVENT)) for row in range(model.rowCount())
            if model.data(model.index(row, 0), HeaderRole) is None]


def test_only_events_that_matter_hides_courtesies_and_is_remembered(qtbot, tmp_path: Path, dossier_path: Path,
                                                                     case: dict[str, int]) -> None:
    window = open_window(qtbot, tmp_path, dossier_path)
    page = window.chronology_page
    box = page.filters.matters
    assert box.text() == "Only events that matter" and not box.isChecked()
    everything = descriptions(window)
    assert any(d.startswith("Ann Roe thanked Sam Doe") for d in everything)

    box.click()
    assert page.model.matters_only
    shown = descriptions(window)
    assert not any(d.startswith("Ann Roe thanked") for d in shown)
    assert "Ann Roe wrote to Sam Doe about the state of the housing register" in shown
    assert len(shown) == len(everything) - 1
    assert window.settings.text(MATTERS_KEY, "") == "1"

    # a new window, with the same settings, starts with the filter on
    again = open_window(qtbot, tmp_path, dossier_path)
    assert again.chronology_page.filters.matters.isChecked() and again.chronology_page.model.matters_only
    assert descriptions(again) == shown

    again.chronology_page.filters.matters.click()  # and off again: everything, the courtesy too
    assert descriptions(again) == everything
    assert again.settings.text(MATTERS_KEY, "x") == ""


def test_an_event_s_kind_shows_in_its_kind_tooltip(qtbot, tmp_path: Path, dossier_path: Path,
                                                     case: dict[str, int]) -> None:
    from PySide6.QtCore import Qt

    from dossier.ui.models.chronology_model import KIND

    window = open_window(qtbot, tmp_path, dossier_path)
    model = window.chronology_page.model
    tips = {model.data(model.index(row, EVENT)): model.data(model.index(row, KIND), Qt.ItemDataRole.ToolTipRole)
            for row in range(model.rowCount()) if model.data(model.index(row, 0), HeaderRole) is None}
    assert tips["Ann Roe wrote to Sam Doe about the state of the housing register"] == "Event: letter"
    thanks = next(tip for text, tip in tips.items() if text.startswith("Ann Roe thanked"))
    assert thanks == "Event: courtesy (left out of “only events that matter”)"
