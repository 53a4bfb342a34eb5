"""The window shows a letter without a subject line by its heading (kind, parties, date), never by
its file name: in the documents table, the reader's header, and after the sender is corrected."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_gui_support import close_summary, run_import, ui_settings, write_letters

from dossier.ui.main_window import MainWindow
from dossier.ui.models.documents_model import TITLE

LETTER = """Wessex County Council
County Hall
Wessex WX1 2AB

3 March 2019

Sam Doe
Chief Executive
Wessex Children's Trust

Dear Sam,

I am writing about the buses that serve the county's schools and the changes we propose to make.

Yours sincerely,

Ann Roe
Director of Children's Services
"""
FILE = "000_3f9a0c1d2e4b5a6c.txt"


@pytest.fixture
def window(qtbot, tmp_path: Path, dossier_path: Path) -> MainWindow:
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    assert w.open_dossier(dossier_path)
    return w


def test_table_and_reader_show_the_heading(qtbot, window: MainWindow, tmp_path: Path) -> None:
    run_import(qtbot, window, [write_letters(tmp_path / "letters", {FILE: LETTER})])
    close_summary(window)
    heading = "Letter from Ann Roe to Sam Doe, 3 Mar 2019"
    assert window.model.data(window.model.index(0, TITLE)) == heading
    window.documents_panel.select_row(0)
    qtbot.waitUntil(lambda: window.reader.header.title.text() == heading)
    assert FILE not in window.reader.header.subtitle.text()

    editor = window.editor  # the heading follows a corrected sender
    editor.sender_edit.setText("Kit Lee")
    editor.sender_edit.textEdited.emit("Kit Lee")
    editor.apply_button.click()
    assert window.model.data(window.model.index(0, TITLE)) == "Letter from Kit Lee to Sam Doe, 3 Mar 2019"
    qtbot.waitUntil(lambda: window.reader.header.title.text() == "Letter from Kit Lee to Sam Doe, 3 Mar 2019")
    window.actions_.undo.trigger()
    assert window.model.data(window.model.index(0, TITLE)) == heading


def test_the_chronology_gives_the_heading_without_its_date_twice(qtbot, window: MainWindow, tmp_path: Path) -> None:
    run_import(qtbot, window, [write_letters(tmp_path / "letters", {FILE: LETTER})])
    close_summary(window)
    services = window.context.services
    [row] = [r for r in services.chronology.rows(services.chronology.keys()) if r.key.startswith("doc:")]
    assert row.description == "Letter from Ann Roe to Sam Doe"  # the date is in its own column
    assert row.date is not None and row.date.display() == "3 Mar 2019"
