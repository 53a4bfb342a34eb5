"""The real MainWindow over real dossier files: import, read, edit, undo, sort, filter, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from test_gui_support import IMPORT_TIMEOUT_MS, close_summary, letter, run_import, ui_settings, write_letters

from dossier.domain.dates import PartialDate
from dossier.services import open_services
from dossier.ui.main_window import MainWindow
from dossier.ui.models.documents_model import DATE, SENDER, TITLE


@pytest.fixture
def window(qtbot, tmp_path: Path, dossier_path: Path) -> MainWindow:
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    assert w.open_dossier(dossier_path)
    return w


def column_texts(window: MainWindow, column: int) -> list[str]:
    model = window.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_opens_a_dossier_with_its_title_and_status(window: MainWindow, dossier_path: Path) -> None:
    assert window.windowTitle() == "case — Dossier"
    assert window.counts_label.text() == "0 documents · 0 actors"
    assert window.path_label.text() == str(dossier_path.resolve())
    assert window.stack.currentWidget() is window.workspace
    assert window.model.rowCount() == 0


def test_import_folder_read_edit_undo_redo(qtbot, window: MainWindow, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_letters(tmp_path / "letters")
    # the File > Import Folder… action, with the folder chooser answered
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS):
        window.actions_.import_folder.trigger()

    model = window.model
    assert model.rowCount() == 3
    assert column_texts(window, DATE) == ["20 Feb 2014", "12 Jan 2015", "3 Mar 2016"]
    assert window.summary_dialog is not None
    assert window.summary_dialog.counts.text() == "3 filed · 0 already filed · 0 failed"
    assert window.summary_dialog.failed_files() == []
    close_summary(window)
    assert window.counts_label.text().startswith("3 documents · ")

    # select the 2015 letter: the reader shows its text verbatim, with numbered paragraphs
    window.documents_panel.select_row(1)
    doc_id = model.id_at(1)
    documents = window.services.documents
    detail = documents.get(doc_id)
    assert window.reader.document_id == doc_id
    assert window.reader.text.toPlainText() == detail.text
    assert "Dear Ms Smith," in window.reader.text.toPlainText()
    assert window.reader.header.values["Date"].text() == "12 Jan 2015"
    first = detail.paragraphs[0]
    block = window.reader.text.document().findBlock(first.start).blockNumber()
    assert window.reader.text.paragraph_label(block) == "¶1"

    # correct the date in the editor; Enter applies it as one undoable step
    editor = window.editor
    assert editor.document_id == doc_id
    editor.date.line.selectAll()
    qtbot.keyClicks(editor.date.line, "27/03/2014")
    assert editor.date.precision.currentText() == "Day"
    assert editor.apply_button.isEnabled()
    qtbot.keyClick(editor.date.line, Qt.Key.Key_Return)

    assert model.data(model.index(1, DATE)) == "27 Mar 2014"
    after = documents.get(doc_id)
    assert after.metadata.date is not None and after.metadata.date.value == "2014-03-27"
    assert "date" in after.user_set
    assert window.undo_stack.count() == 1
    assert window.actions_.undo.isEnabled()
    assert window.reader.header.values["Date"].text() == "27 Mar 2014"

    window.actions_.undo.trigger()  # Edit > Undo
    undone = documents.get(doc_id)
    assert undone.metadata.date is not None and undone.metadata.date.value == "2015-01-12"
    assert "date" not in undone.user_set
    assert model.data(model.index(1, DATE)) == "12 Jan 2015"
    assert editor.date.line.text() == "12 Jan 2015"

    window.actions_.redo.trigger()  # Edit > Redo
    redone = documents.get(doc_id)
    assert redone.metadata.date is not None and redone.metadata.date.value == "2014-03-27"
    assert "date" in redone.user_set
    assert model.data(model.index(1, DATE)) == "27 Mar 2014"

    # another dossier's services see the same file
    other = open_services(window.services.path)
    try:
        assert other.documents.get(doc_id).metadata.date == redone.metadata.date
    finally:
        other.close()


def test_sorting_by_date_descending_requeries(qtbot, window: MainWindow, tmp_path: Path) -> None:
    run_import(qtbot, window, [write_letters(tmp_path / "letters")])
    close_summary(window)
    table = window.documents_panel.table
    table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
    assert window.model.descending is True
    assert column_texts(window, DATE) == ["3 Mar 2016", "12 Jan 2015", "20 Feb 2014"]
    table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    assert column_texts(window, DATE) == ["20 Feb 2014", "12 Jan 2015", "3 Mar 2016"]


def test_selection_survives_a_sort(qtbot, window: MainWindow, tmp_path: Path) -> None:
    run_import(qtbot, window, [write_letters(tmp_path / "letters")])
    close_summary(window)
    window.documents_panel.select_row(0)
    chosen = window.model.id_at(0)
    window.documents_panel.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
    assert window.documents_panel.current_id == chosen
    assert window.model.id_at(2) == chosen
    assert window.reader.document_id == chosen


def test_filter_reduces_rows_after_a_pause(qtbot, window: MainWindow, tmp_path: Path) -> None:
    run_import(qtbot, window, [write_letters(tmp_path / "letters")])
    close_summary(window)
    panel = window.documents_panel
    assert panel.filter_edit.placeholderText() == "Filter documents"
    qtbot.keyClicks(panel.filter_edit, "staffing")
    assert window.model.rowCount() == 3  # debounced: nothing re-queried yet
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    assert window.model.data(window.model.index(0, DATE)) == "3 Mar 2016"
    assert panel.count_label.text() == "1 shown"
    panel.filter_edit.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=3000)


def test_find_focuses_the_filter_box(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.actions_.find.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.documents_panel.filter_edit, timeout=3000)


def test_failed_file_is_listed_in_the_summary(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = write_letters(tmp_path / "mixed", {"good.txt": letter("5 May 2015", "All is well.")})
    (folder / "broken.pdf").write_bytes(b"this is not a PDF at all")
    results = run_import(qtbot, window, [folder])
    assert len(results) == 2
    dialog = window.summary_dialog
    assert dialog is not None
    assert dialog.counts.text() == "1 filed · 0 already filed · 1 failed"
    failed = dialog.failed_files()
    assert [name for name, _reason in failed] == ["broken.pdf"]
    assert failed[0][1].strip()
    assert dialog.failure_list.topLevelItemCount() == 1
    assert window.model.rowCount() == 1
    close_summary(window)

    run_import(qtbot, window, [folder])  # again: the good file is already filed
    assert window.summary_dialog.counts.text() == "0 filed · 1 already filed · 1 failed"
    assert window.model.rowCount() == 1
    close_summary(window)


def test_cancel_keeps_what_was_filed(qtbot, window: MainWindow, tmp_path: Path) -> None:
    letters = {f"letter{n}.txt": letter(f"{n + 1} June 2015", f"Letter number {n}.") for n in range(6)}
    folder = write_letters(tmp_path / "six", letters)

    def cancel_on_third_file(job) -> None:
        worker = job.worker

        def on_progress(done: int, _total: int, name: str) -> None:
            if done == 2 and name:
                worker.cancel()  # runs in the worker thread, before the third file is filed

        worker.progress.connect(on_progress, Qt.ConnectionType.DirectConnection)

    window.import_started.connect(cancel_on_third_file)
    results = run_import(qtbot, window, [folder])
    assert len(results) == 3  # files 1-3 filed, then the cancel was seen
    assert window.model.rowCount() == 3
    assert window.services.documents.stats().documents == 3
    dialog = window.summary_dialog
    assert dialog is not None and dialog.windowTitle() == "Import stopped"
    assert dialog.counts.text() == "3 filed · 0 already filed · 0 failed"
    close_summary(window)
    assert window.actions_.import_folder.isEnabled()


def test_dropping_files_imports_them(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = write_letters(tmp_path / "dropped")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder / "budget.txt"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS):
        window.dropEvent(event)
    assert column_texts(window, DATE) == ["12 Jan 2015"]
    close_summary(window)


def test_edit_of_sender_shows_in_table(qtbot, window: MainWindow, tmp_path: Path) -> None:
    run_import(qtbot, window, [write_letters(tmp_path / "letters")])
    close_summary(window)
    window.documents_panel.select_row(0)
    editor = window.editor
    editor.sender_edit.setText("Jane Doe")
    editor.sender_edit.textEdited.emit("Jane Doe")
    editor.title.setText("Inspection in spring")
    editor.title.textEdited.emit("Inspection in spring")
    editor.apply_button.click()
    assert window.model.data(window.model.index(0, SENDER)) == "Jane Doe"
    assert window.model.data(window.model.index(0, TITLE)) == "Inspection in spring"
    assert window.undo_stack.count() == 1  # two fields, one step
    assert window.undo_stack.undoText() == f"Edit title and sender of D{window.model.id_at(0)}"
    window.actions_.undo.trigger()
    assert window.model.data(window.model.index(0, TITLE)) != "Inspection in spring"


def test_unreadable_date_shows_an_inline_error_and_edits_nothing(qtbot, window: MainWindow,
                                                                 tmp_path: Path) -> None:
    run_import(qtbot, window, [write_letters(tmp_path / "letters")])
    close_summary(window)
    window.documents_panel.select_row(0)
    editor = window.editor
    editor.date.line.selectAll()
    qtbot.keyClicks(editor.date.line, "sometime soon")
    assert not editor.date.is_valid()
    assert editor.error.text().startswith("Cannot read this date")
    assert not editor.apply_button.isEnabled()
    qtbot.keyClick(editor.date.line, Qt.Key.Key_Return)
    assert window.undo_stack.count() == 0
    assert window.model.data(window.model.index(0, DATE)) == "20 Feb 2014"


def test_precision_combo_makes_a_date_coarser(qtbot, window: MainWindow, tmp_path: Path) -> None:
    run_import(qtbot, window, [write_letters(tmp_path / "letters")])
    close_summary(window)
    window.documents_panel.select_row(0)
    editor = window.editor
    combo = editor.date.precision
    combo.setCurrentIndex(combo.findText("Month"))
    combo.activated.emit(combo.currentIndex())
    assert editor.date.line.text() == "Feb 2014"
    editor.apply()
    doc_id = window.model.id_at(0)
    date = window.services.documents.get(doc_id).metadata.date
    assert date == PartialDate("2014-02", "month", None, "Feb 2014")
    assert window.model.data(window.model.index(0, DATE)) == "Feb 2014"


def test_import_and_open_clear_the_undo_stack(qtbot, window: MainWindow, tmp_path: Path) -> None:
    run_import(qtbot, window, [write_letters(tmp_path / "letters")])
    close_summary(window)
    window.documents_panel.select_row(0)
    assert window.apply_edit(window.model.id_at(0), {"title": "A title"})
    assert window.undo_stack.count() == 1
    run_import(qtbot, window, [write_letters(tmp_path / "more", {"x.txt": letter("1 May 2017", "More.")})])
    close_summary(window)
    assert window.undo_stack.count() == 0
    assert window.apply_edit(window.model.id_at(0), {"title": "Another"})
    assert window.open_dossier(tmp_path / "second.dossier")
    assert window.undo_stack.count() == 0
    assert window.windowTitle() == "second — Dossier"
    assert window.model.rowCount() == 0


def test_a_file_that_is_not_a_dossier_is_refused(qtbot, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.dossier"
    bogus.write_bytes(b"just some text, not SQLite " * 100)
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    assert not w.open_dossier(bogus)
    assert w.services is None
    assert w.stack.currentWidget() is w.empty_state
    assert w.windowTitle() == "Dossier"
    boxes = [b for b in w.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and boxes[0].text().strip()
    boxes[0].accept()


def test_pdf_without_a_text_layer_is_marked(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(pdf))
    page.rect(100, 100, 300, 400, fill=1)  # a picture of a page: no text at all
    page.showPage()
    page.save()
    results = run_import(qtbot, window, [pdf])
    close_summary(window)
    assert [r.outcome.value for r in results] == ["filed"]
    model = window.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, TITLE), Qt.ItemDataRole.DecorationRole) is not None
    assert "no text layer (needs OCR)" in model.data(model.index(0, TITLE), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, DATE)) == "Undated"
    window.documents_panel.select_row(0)
    assert not window.reader.header.notice.isHidden()
    assert window.counts_label.text().endswith("· 1 needs OCR")


def test_standard_shortcuts(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    actions = window.actions_
    key = QKeySequence.StandardKey
    assert actions.open.shortcut() == QKeySequence(key.Open)
    assert actions.new.shortcut() == QKeySequence(key.New)
    assert actions.undo.shortcut() == QKeySequence(key.Undo)
    assert actions.redo.shortcut() == QKeySequence(key.Redo)
    assert actions.find.shortcut() == QKeySequence(key.Find)
    assert actions.quit.shortcut() == QKeySequence(key.Quit)
    assert actions.undo.text() == "&Undo" and not actions.undo.isEnabled()


def test_escape_clears_the_filter(qtbot, window: MainWindow, tmp_path: Path) -> None:
    run_import(qtbot, window, [write_letters(tmp_path / "letters")])
    close_summary(window)
    panel = window.documents_panel
    panel.filter_edit.setText("budget")
    panel.filter_edit.returnPressed.emit()
    assert window.model.rowCount() == 1
    window.show()
    qtbot.waitExposed(window)
    panel.focus_filter()
    qtbot.waitUntil(panel.filter_edit.hasFocus, timeout=3000)
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Escape)
    assert panel.filter_edit.text() == ""
    assert window.model.rowCount() == 3


def test_an_undated_document_gets_a_proposed_date_that_apply_saves_and_undo_removes(
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    text = ("Dear Colleague,\n\nThe panel met in January 2020 and again in March 2020. Please reply "
            "by the end of July 2020.\n\nYours faithfully,\n\nGideon Farrow\n")
    run_import(qtbot, window, [write_letters(tmp_path / "undated", {"undated.txt": text})])
    close_summary(window)
    window.documents_panel.select_row(0)
    editor = window.editor
    doc_id = window.model.id_at(0)
    assert editor.propose_button.isVisibleTo(editor)

    editor.propose_button.click()
    assert editor.date.line.text() == "Mar 2020 – Jul 2020"
    assert "refers to Mar 2020" in editor.date.line.toolTip()
    assert editor.apply_button.isEnabled()
    editor.apply_button.click()
    saved = window.services.documents.get(doc_id).row.date
    assert (saved.value, saved.qualifier.value, saved.end_value) == ("2020-03", "between", "2020-07")
    assert not editor.propose_button.isVisibleTo(editor)  # the document has a date now

    window.actions_.undo.trigger()
    assert window.services.documents.get(doc_id).row.date is None
