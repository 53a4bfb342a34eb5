"""The Import and Re-file dialogs offer every kind of file Dossier reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from dossier.ingest import SUPPORTED_SUFFIXES
from dossier.ui.main_window import MainWindow
from tests.test_gui_support import file_letters, letter, ui_settings


def _offered(file_filter: str) -> set[str]:
    return set(file_filter.split(";;")[0].split("(")[1].rstrip(")").split())


def test_both_dialogs_offer_every_supported_suffix(qtbot, tmp_path: Path, dossier_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    ids = file_letters(dossier_path, tmp_path / "in", {"a.txt": letter("12 January 2031", "The bridge is closed.")})
    window = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.open_dossier(dossier_path)
    asked: list[str] = []

    def one(parent, caption, folder, file_filter):
        asked.append(file_filter)
        return "", ""

    def many(parent, caption, folder, file_filter):
        asked.append(file_filter)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(one))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(many))
    assert window.documents_panel.show_document(ids["a.txt"])
    window.documents_page.refile_dialog()
    window.import_files_dialog()
    assert len(asked) == 2
    for file_filter in asked:
        assert _offered(file_filter) == {f"*{suffix}" for suffix in SUPPORTED_SUFFIXES}
