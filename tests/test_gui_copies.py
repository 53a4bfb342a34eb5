"""The window shows copies ("copy of D1"), says "not a copy" undoably, and shows what a re-file did:
"changed since reviewed" in the list and the reader, and annotations to check."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from dossier.domain.annotations import AnnotationFields
from dossier.services import open_services
from dossier.ui.main_window import MainWindow
from dossier.ui.models.documents_model import REVIEWED, TITLE
from tests.test_gui_support import ui_settings

LETTER = ("6 June 2023\n\nDear Mr Arlo Venn,\n\nThe reading room at Fenwick Cross will close for repairs from "
          "1 July until the end of August, and the lending desk will move to the hall next door.\n\nWe will "
          "write again when the roof has been inspected and the date of reopening is known.\n\nYours "
          "sincerely,\n\nMira Ostrow\n")


def _window(qtbot, dossier: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.open_dossier(dossier)
    return window


def _cell(window: MainWindow, doc_id: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    model = window.documents_page.model
    row = model.row_of(doc_id)
    assert row is not None
    return model.data(model.index(row, column), role)


def test_a_copy_is_shown_and_not_a_copy_is_undoable(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    (tmp_path / "a.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LETTER + "\nSent again at your request.\n", encoding="utf-8")
    services = open_services(dossier_path)
    first, second = (r.document_id for r in services.documents.file_paths([tmp_path / "a.txt", tmp_path / "b.txt"]))
    services.close()
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    assert _cell(window, second, TITLE).endswith(f"· copy of D{first}")
    assert window.documents_panel.show_document(second)
    assert f"copy of D{first}" in window.reader.header.subtitle.text()
    assert page.not_a_copy_action.isEnabled()
    page.not_a_copy_action.trigger()
    assert "copy of" not in _cell(window, second, TITLE)
    assert not page.not_a_copy_action.isEnabled()
    window.undo_stack.undo()
    assert _cell(window, second, TITLE).endswith(f"· copy of D{first}")
    assert page.not_a_copy_action.isEnabled()
    assert window.documents_panel.show_document(first)
    assert not page.not_a_copy_action.isEnabled()


def test_a_refile_shows_changed_since_reviewed_and_annotations_to_check(qtbot, tmp_path: Path,
                                                                        dossier_path: Path) -> None:
    (tmp_path / "scan.txt").write_text(LETTER, encoding="utf-8")
    services = open_services(dossier_path)
    doc = services.documents.file_path(tmp_path / "scan.txt").document_id
    services.annotations.create_at_quote(doc, "until the end of August", AnnotationFields(note="how long?"))
    services.annotations.set_reviewed(doc, True, by="Lena Ruud")
    services.close()
    better = tmp_path / "clean.txt"
    better.write_text(LETTER.replace("end of August", "end of September"), encoding="utf-8")
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    assert window.documents_panel.show_document(doc)
    assert _cell(window, doc, REVIEWED) == "✓"
    command = page.apply_refile(doc, window.services.documents.read_copy(better))
    assert command is not None
    assert _cell(window, doc, REVIEWED) == "↻"
    assert "Changed since reviewed" in _cell(window, doc, REVIEWED, Qt.ItemDataRole.ToolTipRole)
    header = window.reader.header
    assert header.review.isVisibleTo(header) and header.review.text() == "↻ Changed since reviewed"
    assert "clean.txt, first filed as scan.txt" in header.subtitle.text()
    assert page.annotations_pane.heading.text().endswith("1 to check")
    annotations = window.annotations_page
    annotations.reload()
    assert "1 to check" in annotations.count.text()
    quote = annotations.model.data(annotations.model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    assert quote.endswith("· check") or any(
        "· check" in str(annotations.model.data(annotations.model.index(0, c), Qt.ItemDataRole.DisplayRole))
        for c in range(annotations.model.columnCount()))
    window.undo_stack.undo()  # the old copy, and the reviewed mark, come back
    assert _cell(window, doc, REVIEWED) == "✓"
    assert header.review.text() == "✓ Reviewed"
    assert window.services.documents.get(doc).row.file_name == "scan.txt"
