"""The Actions view over real dossier files: overdue as at a date, mark done with the document that
did it, edit, new from the reader's selection, delete, and the source passage; all undoable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from test_gui_support import file_letters, letter, span_of, ui_settings

from dossier.domain.dates import PartialDate, Qualifier
from dossier.domain.findings import ActionStatus, ActionType, ActorKind
from dossier.domain.register import ActionFields
from dossier.services import open_services
from dossier.ui.dialogs.action_dialogs import ActionDialog, MarkDoneDialog, parse_due
from dossier.ui.main_window import MainWindow
from dossier.ui.models.actions_model import (
    DAYS_LATE,
    DUE,
    OWNER,
    SOURCE,
    STATUS,
    SUMMARY,
    OverdueRole,
    StatusRole,
)
from dossier.ui.style import theme

REVIEW = letter("14 February 2019",
                "I have asked Professor Tobias Quennell to chair the review.\n\n"
                "Quennell will report to me by 30 June 2019. The Council will publish its plan by the end of "
                "September 2019.",
                greeting="Dear Dr Achterberg,")
REPORT = letter("2 July 2019", "The review by Tobias Quennell reached me today.", greeting="Dear Minister,")


def fields(summary: str, due: PartialDate | None, owner: int | None = None,
           action_type: ActionType = ActionType.REPORT_DUE) -> ActionFields:
    return ActionFields(type=action_type, summary=summary, owner_id=owner, addressed_to_id=None, due=due,
                        set_date=PartialDate.of(2019, 2, 14), status=ActionStatus.OPEN, status_note=None,
                        status_document_id=None)


@pytest.fixture
def case(dossier_path: Path, tmp_path: Path) -> dict[str, int]:
    """Two letters, two actors and two actions set by the first letter."""
    docs = file_letters(dossier_path, tmp_path / "letters", {"review.txt": REVIEW, "report.txt": REPORT})
    services = open_services(dossier_path)
    try:
        review = docs["review.txt"]
        text = services.documents.get(review).text
        quennell = services.actors.create("Tobias Quennell", ActorKind.PERSON).value
        council = services.actors.create("Wessex County Council", ActorKind.ORGANISATION).value
        start, end = span_of(text, "Quennell will report to me by 30 June 2019.")
        report = services.actions.create(fields("report on the review", PartialDate.of(2019, 6, 30, qualifier="by"),
                                                quennell), document_id=review, start=start, end=end).value
        start, end = span_of(text, "The Council will publish its plan")
        plan = services.actions.create(fields("publish the plan", PartialDate.of(2019, 9, qualifier="end"), council,
                                              ActionType.COMMITMENT), document_id=review, start=start, end=end).value
        return {**docs, "quennell": quennell, "council": council, "report": report, "plan": plan}
    finally:
        services.close()


@pytest.fixture
def window(qtbot, tmp_path: Path, dossier_path: Path, case: dict[str, int]) -> MainWindow:
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    assert w.open_dossier(dossier_path)
    w.view_actions[2].trigger()  # View ▸ Actions
    assert w.workspace.currentWidget() is w.actions_page
    return w


def column(window: MainWindow, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    model = window.actions_page.model
    return [model.data(model.index(r, col), role) for r in range(model.rowCount())]


def select(window: MainWindow, action_id: int) -> None:
    assert window.actions_page.select_action(action_id)


def test_as_at_decides_what_is_overdue(qtbot, window: MainWindow, tmp_path: Path, dossier_path: Path) -> None:
    page = window.actions_page
    page.set_as_at(dt.date(2019, 7, 1))
    assert page.filters.as_at_date() == dt.date(2019, 7, 1)
    assert column(window, SUMMARY) == ["report on the review", "publish the plan"]
    assert column(window, DUE) == ["by 30 Jun 2019", "end Sep 2019"]
    assert column(window, DUE, OverdueRole) == [True, False]
    # overdue is a "Days late" column and a status pill, not a fill on the row
    assert column(window, DAYS_LATE) == ["1", ""]
    assert [column(window, c, Qt.ItemDataRole.BackgroundRole) for c in range(page.model.columnCount())] == \
        [[None, None]] * page.model.columnCount()
    assert column(window, STATUS) == ["Overdue", "Open"]
    assert column(window, STATUS, StatusRole) == ["overdue", "open"]
    assert column(window, DUE, Qt.ItemDataRole.ForegroundRole)[0] == QColor(theme.DANGER)
    assert column(window, DUE, Qt.ItemDataRole.DecorationRole)[0] is not None  # the red marker
    assert column(window, DUE, Qt.ItemDataRole.DecorationRole)[1] is None
    assert "1 overdue" in page.count_label.text()

    # the filter's own date edit: a later day makes the September deadline overdue too
    page.filters.as_at.setDate(page.filters.as_at.date().addMonths(3))  # 1 Oct 2019
    assert page.model.as_at == dt.date(2019, 10, 1)
    assert column(window, DUE, OverdueRole) == [True, True]
    assert column(window, DAYS_LATE) == ["93", "1"]  # 30 Jun and 30 Sep 2019, as at 1 Oct 2019
    assert "2 overdue" in page.count_label.text()
    page.set_as_at(dt.date(2019, 6, 30))  # the day itself is not late
    assert column(window, DUE, OverdueRole) == [False, False]
    assert "overdue" not in page.count_label.text()

    page.set_as_at(dt.date(2019, 10, 1))
    window.close()  # the date is remembered
    again = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(again)
    assert again.open_dossier(dossier_path)
    assert again.actions_page.filters.as_at_date() == dt.date(2019, 10, 1)
    assert again.actions_page.model.as_at == dt.date(2019, 10, 1)


def test_mark_done_with_the_document_that_did_it(qtbot, window: MainWindow, case: dict[str, int]) -> None:
    page = window.actions_page
    page.set_as_at(dt.date(2019, 7, 10))
    window.documents_panel.select_document(case["report.txt"])  # the letter being read is offered first
    select(window, case["report"])
    assert page.done_action.isEnabled()
    page.done_action.trigger()  # Action ▸ Mark Done…
    dialog = page.dialog
    assert isinstance(dialog, MarkDoneDialog)
    assert dialog.document_id() == case["report.txt"]
    assert dialog.document.currentText().startswith(f"D{case['report.txt']}  ·  2 Jul 2019  ·  ")
    dialog.set_document(case["review.txt"])  # choose another, then back: the combo lists every document
    assert dialog.document_id() == case["review.txt"]
    dialog.document.setCurrentIndex(dialog.documents.row_of(case["report.txt"]))
    dialog.note.setPlainText("Report received.")
    dialog.accept()

    row = window.services.actions.rows([case["report"]])[0]
    assert (row.status, row.status_document_id, row.status_note) == (
        ActionStatus.DONE, case["report.txt"], "Report received.")
    assert column(window, SUMMARY) == ["publish the plan"]  # the Open filter hides it now
    page.filters.status.setCurrentIndex(page.filters.status.findText("Done"))
    page.filters.status.activated.emit(page.filters.status.currentIndex())
    assert column(window, SUMMARY) == ["report on the review"]
    assert column(window, STATUS) == ["Done"]
    assert column(window, DUE, OverdueRole) == [False]
    assert window.undo_stack.undoText() == "Mark “report on the review” done"

    window.actions_.undo.trigger()
    row = window.services.actions.rows([case["report"]])[0]
    assert (row.status, row.status_document_id, row.status_note) == (ActionStatus.OPEN, None, None)
    assert column(window, SUMMARY) == []
    page.filters.set_status_index(0)
    page.filters.status.activated.emit(0)
    assert column(window, SUMMARY) == ["report on the review", "publish the plan"]
    assert column(window, DUE, OverdueRole) == [True, False]


def test_edit_an_action_and_undo(qtbot, window: MainWindow, case: dict[str, int]) -> None:
    page = window.actions_page
    page.set_as_at(dt.date(2019, 7, 10))
    select(window, case["plan"])
    page.edit_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, ActionDialog)
    assert dialog.owner.text() == "Wessex County Council"
    assert dialog.due.text() == "Sep 2019" and dialog.qualifier.currentData() == Qualifier.END

    dialog.owner.setText("Nobody Known")
    dialog.accept()  # refused: the owner must be someone in the who's who
    assert page.dialog is dialog and not dialog.error.isHidden()
    assert "Nobody Known" in dialog.error.text()

    dialog.owner.setText("Tobias Quennell")
    dialog.summary.setPlainText("publish the improvement plan")
    dialog.due.setText("early June 2019")
    dialog.qualifier.setCurrentIndex(0)  # "—": the words typed give the qualifier
    dialog.accept()
    assert page.dialog is None
    select(window, case["plan"])
    row = page.selected_row()
    assert row is not None
    assert (row.summary, row.owner, row.due.display(), row.overdue) == (
        "publish the improvement plan", "Tobias Quennell", "early Jun 2019", True)
    # both overdue as at 10 Jul now; early June (a month) sorts before 30 June (a day)
    assert column(window, SUMMARY) == ["publish the improvement plan", "report on the review"]
    assert column(window, OWNER) == ["Tobias Quennell", "Tobias Quennell"]
    assert column(window, DUE, OverdueRole) == [True, True]

    window.actions_.undo.trigger()
    row = window.services.actions.rows([case["plan"]])[0]
    assert (row.summary, row.owner, row.due.display()) == ("publish the plan", "Wessex County Council",
                                                            "end Sep 2019")


def test_parse_due_reads_qualifiers() -> None:
    assert parse_due("by the end of May 2014", None) == PartialDate("2014-05", "month", Qualifier.END,
                                                                    "by the end of May 2014")
    assert parse_due("22/07/2014", Qualifier.BY).display() == "by 22 Jul 2014"
    assert parse_due("", None) is None
    with pytest.raises(ValueError):
        parse_due("soon", None)


def test_new_action_from_the_reader_then_source_and_delete(qtbot, window: MainWindow, case: dict[str, int]) -> None:
    window.view_actions[0].trigger()
    review = case["review.txt"]
    assert window.documents_panel.select_document(review)
    text = window.reader.text
    start, _end = span_of(text.stored_text, "The Council will publish its plan")
    cursor = text.cursor_for(start + 4, start + 4)  # no selection: the sentence around the cursor is taken
    text.setTextCursor(cursor)
    page = window.documents_page
    assert page.new_action_action in window.document_menu.actions()
    page.new_action_action.trigger()
    dialog = window.actions_page.dialog
    assert isinstance(dialog, ActionDialog)
    assert dialog.summary.toPlainText() == "The Council will publish its plan by the end of September 2019."
    dialog.type.setCurrentIndex(dialog.type.findData(ActionType.COMMITMENT))
    dialog.owner.setText("Wessex County Council")
    dialog.due.setText("by the end of September 2019")
    dialog.accept()

    actions = window.services.actions
    new_ids = set(actions.ids(statuses=None)) - {case["report"], case["plan"]}
    assert len(new_ids) == 1
    new_id = new_ids.pop()
    row = actions.rows([new_id])[0]
    sentence_end = text.stored_text.index("2019.", start) + len("2019.")
    assert (row.document_id, row.start, row.end, row.owner) == (review, start, sentence_end, "Wessex County Council")
    assert row.due == PartialDate("2019-09", "month", Qualifier.END, "by the end of September 2019")
    assert row.set_date is not None and row.set_date.value == "2019-02-14"  # set by the letter it came from

    # the source opens the passage: switch to Actions, double-click the Source cell
    window.view_actions[2].trigger()
    actions_page = window.actions_page
    actions_page.set_as_at(dt.date(2019, 3, 1))
    select(window, new_id)
    model = actions_page.model
    r = model.row_of(new_id)
    assert model.data(model.index(r, SOURCE)) == f"D{review} ¶{row.paragraph}"
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    rect = actions_page.table.visualRect(model.index(r, SOURCE))
    qtbot.mouseClick(actions_page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(actions_page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.currentWidget() is window.documents_page
    assert window.documents_panel.current_id == review
    assert text.selected_span() == (start, sentence_end)

    # delete it, then undo
    window.view_actions[2].trigger()
    select(window, new_id)
    actions_page.delete_action.trigger()
    assert new_id not in model.ids()
    window.actions_.undo.trigger()
    assert new_id in model.ids()
    assert actions.rows([new_id])[0].summary == "The Council will publish its plan by the end of September 2019."
    window.actions_.undo.trigger()  # and undo the creation
    assert new_id not in model.ids()
    assert actions.rows([new_id]) == []


def test_owner_and_due_filters(qtbot, window: MainWindow, case: dict[str, int]) -> None:
    filters = window.actions_page.filters
    filters.owner.setText("Tobias Quennell")
    filters.owner.editingFinished.emit()
    assert column(window, SUMMARY) == ["report on the review"]
    filters.owner.setText("Someone Else")
    filters.owner.editingFinished.emit()
    assert filters.owner.property("invalid") is True
    assert column(window, SUMMARY) == ["report on the review"]  # an unknown name changes nothing
    filters.owner.clear()
    assert column(window, SUMMARY) == ["report on the review", "publish the plan"]

    filters.set_as_at(dt.date(2019, 9, 15))  # the unused range follows the "as at" date
    assert (filters.due_from.date().toString("yyyy-MM-dd"), filters.due_to.date().toString("yyyy-MM-dd")) == (
        "2019-08-15", "2019-10-15")
    filters.due_range.setChecked(True)
    assert column(window, SUMMARY) == ["publish the plan"]  # due end Sep; the June report is before the range
    filters.due_from.setDate(filters.due_from.date().addMonths(-3))  # from 15 May
    assert column(window, SUMMARY) == ["report on the review", "publish the plan"]
    filters.due_to.setDate(filters.due_to.date().addMonths(-3))  # to 15 Jul
    assert column(window, SUMMARY) == ["report on the review"]
    filters.due_range.setChecked(False)
    assert column(window, SUMMARY) == ["report on the review", "publish the plan"]
