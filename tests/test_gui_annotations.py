"""The reviewer's workflow in the real window: select, annotate, step, review, find again."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtGui import QTextCursor

from dossier.domain.annotations import Colour
from dossier.ui.main_window import MainWindow
from dossier.ui.models.documents_model import REVIEWED
from tests.test_gui_support import file_letters, letter, span_of, ui_settings

LETTERS = {
    "a.txt": letter("12 January 2015", "The budget for the outreach service is overspent. "
                                       "The budget must be reset before the spring."),
    "b.txt": letter("3 March 2016", "Thank you for your letter about staffing levels in the east."),
    "c.txt": letter("20 February 2014", "The inspection will take place in the spring."),
}


def _window(qtbot, dossier: Path, tmp_path: Path) -> MainWindow:
    window = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.open_dossier(dossier)
    return window


def _select(window: MainWindow, words: str, nth: int = 0) -> tuple[int, int]:
    """Select words in the reader the way a mouse drag does: through the view's own text cursor."""
    text = window.reader.text
    start, end = span_of(text.stored_text, words, nth)
    cursor = text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    return start, end


def _open(window: MainWindow, doc_id: int) -> None:
    assert window.documents_panel.show_document(doc_id)
    assert window.reader.document_id == doc_id


def test_annotation_survives_closing_and_reopening(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    _open(window, ids["a.txt"])
    start, end = _select(window, "The budget must be reset")
    assert page.annotate_action.isEnabled()
    page.annotate_action.trigger()  # Ctrl+E
    dialog = page.dialog
    assert dialog is not None
    dialog.note.setPlainText("Reset to what?\nAsk the finance director.")
    dialog.tags.setText("funding, unidentified risk")
    dialog.set_colour(Colour.GREEN)
    dialog.accept()
    [row] = page.annotations_pane.rows
    assert (row.start, row.end, row.colour, row.tags) == (start, end, Colour.GREEN, ("funding", "unidentified risk"))
    assert len(window.reader.text.highlight_layer("annotations")) == 1
    window.close()

    again = _window(qtbot, dossier_path, tmp_path / "again")
    _open(again, ids["a.txt"])
    [kept] = again.documents_page.annotations_pane.rows
    assert again.reader.text.stored_text[kept.start:kept.end] == "The budget must be reset"
    assert kept.note == "Reset to what?\nAsk the finance director."
    # the highlight sits on those words in the view
    [selection] = again.reader.text.highlight_layer("annotations")
    assert selection.cursor.selectedText() == "The budget must be reset"


def test_annotate_undo_redo_edit_delete(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    _open(window, ids["a.txt"])
    _select(window, "overspent")
    page.annotate_selection().accept()
    [made] = page.annotations_pane.rows
    window.undo_stack.undo()
    assert page.annotations_pane.rows == []
    window.undo_stack.redo()
    assert [r.id for r in page.annotations_pane.rows] == [made.id]  # the same annotation back
    dialog = page.edit_annotation(made)
    dialog.note.setPlainText("edited")
    dialog.accept()
    assert page.annotations_pane.rows[0].note == "edited"
    window.undo_stack.undo()
    assert page.annotations_pane.rows[0].note == ""
    assert page.delete_annotation(page.annotations_pane.rows[0])
    assert page.annotations_pane.rows == []
    window.undo_stack.undo()
    assert [r.id for r in page.annotations_pane.rows] == [made.id]


def test_next_and_previous_annotation_from_the_keyboard(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    _open(window, ids["a.txt"])
    for words in ("overspent", "The budget", "before the spring"):
        _select(window, words)
        page.annotate_selection().accept()
    text = window.reader.text
    text.moveCursor(QTextCursor.MoveOperation.Start)
    page.annotations_pane.view.clearSelection()
    page.annotations_pane.view.setCurrentIndex(page.annotations_pane.model.index(-1))
    order = []
    for _ in range(4):
        page.next_annotation_action.trigger()  # Ctrl+]
        order.append(text.textCursor().selectedText())
    assert order == ["The budget", "overspent", "before the spring", "The budget"]
    page.previous_annotation_action.trigger()
    assert text.textCursor().selectedText() == "before the spring"


def test_review_progress_and_next_unreviewed(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    order = window.model.ids()
    _open(window, order[0])
    assert window.review_label.text() == "0 of 3 reviewed"
    page.reviewed_next_action.trigger()  # Ctrl+Return: mark reviewed, then the next unreviewed
    assert window.reader.document_id == order[1]
    assert window.review_label.text() == "1 of 3 reviewed"
    assert window.model.data(window.model.index(0, REVIEWED)) == "✓"
    _open(window, order[0])
    assert not window.reader.header.review.isHidden()
    page.next_unreviewed_action.trigger()  # F8
    assert window.reader.document_id == order[1]
    window.undo_stack.undo()
    assert window.review_label.text() == "0 of 3 reviewed"
    assert window.model.data(window.model.index(0, REVIEWED)) == ""


def test_all_annotations_view_filters_and_jumps_to_the_source(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    for name, words, tags in (("a.txt", "overspent", "funding"), ("b.txt", "staffing levels", "people"),
                              ("c.txt", "inspection", "funding")):
        _open(window, ids[name])
        _select(window, words)
        dialog = page.annotate_selection()
        dialog.tags.setText(tags)
        dialog.accept()
    view = window.annotations_page
    window.workspace.setCurrentWidget(view)
    assert view.model.rowCount() == 3
    view.set_tag("funding")
    assert sorted(r.quote for r in view.model.rows) == ["inspection", "overspent"]
    view.filter_edit.setText("inspect")
    view.filter_edit.apply_now()
    [row] = view.model.rows
    view.table.setCurrentIndex(view.model.index(0, 0))
    assert view.open_selected()
    assert window.workspace.currentWidget() is window.documents_page
    assert window.reader.document_id == ids["c.txt"]
    assert window.reader.text.textCursor().selectedText() == "inspection"
    assert page.annotations_pane.current().id == row.id


def test_hovering_an_annotation_shows_its_note(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    _open(window, ids["b.txt"])
    start, _end = _select(window, "staffing levels")
    dialog = page.annotate_selection()
    dialog.note.setPlainText("Which teams? <b>not bold</b>")
    dialog.accept()
    row = page.annotation_layer.at(start + 2)
    assert row is not None
    assert "&lt;b&gt;not bold&lt;/b&gt;" in page.annotation_layer.tooltip(row)
    assert page.annotation_layer.at(0) is None


def test_author_comes_from_preferences(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    dialog = window.show_preferences()
    dialog.author.setText("  Kim   Lowe ")
    dialog.accept()
    page = window.documents_page
    _open(window, ids["a.txt"])
    _select(window, "overspent")
    page.annotate_selection().accept()
    assert page.annotations_pane.rows[0].author == "Kim Lowe"
    page.toggle_reviewed()
    assert window.services.annotations.review_status(ids["a.txt"]).reviewed_by == "Kim Lowe"


def test_refile_in_the_window_is_undoable_and_orphans_come_back(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    doc = ids["a.txt"]
    _open(window, doc)
    _select(window, "The budget must be reset")
    page.annotate_selection().accept()
    better = tmp_path / "better.txt"
    better.write_text(letter("12 January 2015", "The budget for the outreach service is overspent."),
                      encoding="utf-8")
    documents, readers = window.services.documents, []
    read_copy = documents.read_copy

    def spy(path):
        readers.append(threading.get_ident())
        return read_copy(path)

    documents.read_copy = spy
    job = page.refile(doc, better)
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=10_000):
        pass
    assert readers and readers[0] != threading.get_ident()  # read off the GUI thread
    assert page.refile_job is None
    command = window.undo_stack.command(window.undo_stack.index() - 1)
    assert command.report is not None and len(command.report.orphans) == 1
    [orphan] = page.annotations_pane.rows
    assert orphan.orphan and page.annotations_pane.heading.text().endswith("1 orphan")
    assert window.reader.text.highlight_layer("annotations") == []
    window.undo_stack.undo()
    [back] = page.annotations_pane.rows
    assert not back.orphan
    assert window.reader.text.stored_text[back.start:back.end] == "The budget must be reset"
    assert window.services.documents.get(doc).row.file_name == "a.txt"


def test_refile_from_a_file_that_cannot_be_read_changes_nothing(qtbot, tmp_path: Path, dossier_path: Path,
                                                                  monkeypatch) -> None:
    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    doc = ids["a.txt"]
    before = window.services.documents.get(doc)
    shown: list[str] = []
    monkeypatch.setattr(page.context, "message", lambda icon, title, text, detail="": shown.append(text))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 this is not a PDF at all")
    job = page.refile(doc, broken)
    with qtbot.waitSignal(job.done, timeout=10_000):
        pass
    assert len(shown) == 1 and shown[0].startswith(f"D{doc} was not re-filed: ") and "broken.pdf" in shown[0]
    assert window.services.documents.get(doc) == before
    assert window.undo_stack.count() == 0


def test_a_cancelled_refile_read_is_dropped(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    doc = ids["a.txt"]
    before = window.services.documents.get(doc)
    better = tmp_path / "better.txt"
    better.write_text(letter("12 January 2015", "Something else entirely."), encoding="utf-8")
    job = page.refile(doc, better)
    assert page.refile(doc, better) is None  # one at a time
    job.cancel()
    with qtbot.waitSignal(job.done, timeout=10_000) as blocker:
        pass
    copy, error, cancelled = blocker.args
    assert (copy, error) == (None, "") and cancelled
    assert window.services.documents.get(doc) == before and window.undo_stack.count() == 0


def test_a_refile_read_for_a_dossier_since_closed_is_dropped(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    other = tmp_path / "other.dossier"
    file_letters(other, tmp_path / "in2", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    doc = ids["a.txt"]
    better = tmp_path / "better.txt"
    better.write_text(letter("12 January 2015", "Something else entirely."), encoding="utf-8")
    job = page.refile(doc, better)
    assert window.open_dossier(other)  # before the read is taken up
    with qtbot.waitSignal(job.done, timeout=10_000):
        pass
    assert window.undo_stack.count() == 0
    assert window.services.documents.get(doc).row.file_name == "a.txt"


def test_history_shows_who_changed_the_document(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    prefs = window.show_preferences()
    prefs.author.setText("Kim Lowe")
    prefs.accept()
    _open(window, ids["b.txt"])
    assert window.documents_page.apply_edit(ids["b.txt"], {"title": "Staffing in the east"})
    dialog = window.history_of_selection()
    assert dialog is not None
    top = dialog.tree.topLevelItem(0)
    assert top.text(1) == "Kim Lowe" and top.text(2).startswith(f"D{ids['b.txt']}: ")
    assert "title 'Staffing in the east' (was: " in top.text(2)  # in words, not field names
    fields = {top.child(n).text(2): top.child(n).text(4) for n in range(top.childCount())}
    assert fields["title"] == "Staffing in the east"
    assert dialog.export(tmp_path / "history.csv")
    assert "Kim Lowe" in (tmp_path / "history.csv").read_text(encoding="utf-8")


def test_annotation_cards_paint_without_error(qtbot, tmp_path: Path, dossier_path: Path) -> None:
    """A card's size and painting (a delegate's errors would only show as a blank pane)."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    _open(window, ids["a.txt"])
    for words in ("overspent", "The budget for the outreach service is overspent. The budget must be reset"):
        _select(window, words)
        dialog = page.annotate_selection()
        dialog.note.setPlainText("A note\nover two lines")
        dialog.tags.setText("funding")
        dialog.accept()
    pane = page.annotations_pane
    delegate = pane.view.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(pane.view)
    option.rect.setWidth(260)
    heights = {pane.model.rows[n].quote: delegate.sizeHint(option, pane.model.index(n)).height() for n in range(2)}
    assert heights[max(heights, key=len)] > heights["overspent"]  # the long quote takes a second line
    image = QImage(260, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        for n in range(2):
            option.rect.setRect(0, n * 120, 260, 120)
            delegate.paint(painter, option, pane.model.index(n))
    finally:
        painter.end()


def test_annotating_and_reviewing_repaint_rows_without_requerying_the_list(qtbot, tmp_path: Path,
                                                                          dossier_path: Path) -> None:
    """On 100,000 documents a re-query costs a noticeable pause; an annotation changes no row's place."""
    ids = file_letters(dossier_path, tmp_path / "in", LETTERS)
    window = _window(qtbot, dossier_path, tmp_path)
    page = window.documents_page
    _open(window, ids["a.txt"])
    queries: list[int] = []
    query_ids = window.model.query_ids
    window.model.query_ids = lambda: queries.append(1) or query_ids()  # type: ignore[method-assign]
    _select(window, "overspent")
    page.annotate_selection().accept()
    page.toggle_reviewed()
    assert queries == []
    row = window.model.row_of(ids["a.txt"])
    assert window.model.data(window.model.index(row, REVIEWED)) == "✓"
