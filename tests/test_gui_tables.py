"""The big tables fit their columns, hide the empty ones and keep the user's widths; the Actions and
Annotations views show a status pill and a detail pane (the source passage and the history)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from test_gui_support import file_letters, letter, span_of, ui_settings

from dossier.domain.annotations import AnnotationFields
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionStatus, ActionType, ActorKind
from dossier.domain.register import ActionFields
from dossier.services import open_services
from dossier.ui.commands.actions import SetStatusCommand
from dossier.ui.main_window import DEFAULT_SIZE, MainWindow
from dossier.ui.models.actions_model import ADDRESSED, DAYS_LATE, OWNER, STATUS, SUMMARY
from dossier.ui.models.documents_model import RECIPIENTS, SENDER, TITLE
from dossier.ui.views.actions_filters import STATUS_FILTERS
from dossier.ui.views.annotations_page import NOTE, QUOTE, TAGS

# invented names, long enough that a 150-pixel column would cut them
LONG_OWNER = "Professor Wilhelmina Fairweather-Castellanos"
LONG_ADDRESSEE = "Lower Ambridge and Upper Pennington Joint Water Board"
HARBOUR = letter("4 March 2021",
                 "The harbour wall was inspected on Tuesday.\n\n"
                 "The Board will send its repair schedule to the Committee by 30 April 2021. "
                 "Costs will follow later.\n\n"
                 "Nothing else needs doing this spring.",
                 greeting="Dear Councillor Pemberton-Ruiz,")
FERRY = letter("9 June 2021", "The ferry timetable is unchanged for the summer.", greeting="Dear Mr Okafor,")
PLAN_SENTENCE = "The Board will send its repair schedule to the Committee by 30 April 2021."


def fields(summary: str, due: PartialDate | None, owner: int | None, addressed: int | None = None) -> ActionFields:
    return ActionFields(type=ActionType.REPORT_DUE, summary=summary, owner_id=owner, addressed_to_id=addressed,
                        due=due, set_date=PartialDate.of(2021, 3, 4), status=ActionStatus.OPEN, status_note=None,
                        status_document_id=None)


@pytest.fixture
def case(dossier_path: Path, tmp_path: Path) -> dict[str, int]:
    docs = file_letters(dossier_path, tmp_path / "letters", {"harbour.txt": HARBOUR, "ferry.txt": FERRY})
    services = open_services(dossier_path)
    try:
        harbour = docs["harbour.txt"]
        text = services.documents.get(harbour).text
        owner = services.actors.create(LONG_OWNER, ActorKind.PERSON).value
        start, end = span_of(text, PLAN_SENTENCE)
        schedule = services.actions.create(fields("send the repair schedule", PartialDate.of(2021, 4, 30), owner),
                                           document_id=harbour, start=start, end=end).value
        costs = services.actions.create(fields("send the costs", PartialDate.of(2021, 12, 31), owner)).value
        return {**docs, "owner": owner, "schedule": schedule, "costs": costs}
    finally:
        services.close()


@pytest.fixture
def unclamped(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window at its default size: no (small, offscreen) screen to shrink it to."""
    monkeypatch.setattr(MainWindow, "screen", lambda _self: None)


def open_window(qtbot, tmp_path: Path, dossier_path: Path, view: int | None = None) -> MainWindow:
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_dossier(dossier_path)
    if view is not None:
        w.view_actions[view].trigger()
    return w


def actions_window(qtbot, tmp_path: Path, dossier_path: Path) -> MainWindow:
    w = open_window(qtbot, tmp_path, dossier_path, 2)  # View ▸ Actions
    page = w.actions_page
    page.filters.set_status_index(0)
    page.set_as_at(dt.date(2021, 5, 10))
    return w


def visible_in_viewport(table, column: int) -> bool:
    x = table.columnViewportPosition(column)
    return not table.isColumnHidden(column) and x >= 0 and x + table.columnWidth(column) <= table.viewport().width()


# -- columns that fit ---------------------------------------------------------------------------------

def test_a_long_name_is_shown_whole_not_cut_to_a_fixed_width(qtbot, tmp_path: Path, dossier_path: Path,
                                                             case: dict[str, int], unclamped: None) -> None:
    w = actions_window(qtbot, tmp_path, dossier_path)
    table, model = w.actions_page.table, w.actions_page.model
    row = model.row_of(case["schedule"])
    assert model.data(model.index(row, OWNER)) == LONG_OWNER  # the whole name, not 25 characters of it
    needed = table.fontMetrics().horizontalAdvance(LONG_OWNER)
    assert table.columnWidth(OWNER) >= needed
    assert visible_in_viewport(table, OWNER) and visible_in_viewport(table, SUMMARY)
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to


def test_a_column_no_row_fills_is_hidden_until_one_does(qtbot, tmp_path: Path, dossier_path: Path,
                                                        case: dict[str, int], unclamped: None) -> None:
    w = actions_window(qtbot, tmp_path, dossier_path)
    table = w.actions_page.table
    assert table.isColumnHidden(ADDRESSED)  # no action is addressed to anyone
    assert not table.isColumnHidden(OWNER)
    services = w.services
    board = services.actors.create(LONG_ADDRESSEE, ActorKind.ORGANISATION).value
    services.actions.update(case["costs"], fields("send the costs", PartialDate.of(2021, 12, 31), case["owner"],
                                                  board))
    w.actions_page.model.reload()
    assert not table.isColumnHidden(ADDRESSED)
    assert table.columnWidth(ADDRESSED) >= table.fontMetrics().horizontalAdvance(LONG_ADDRESSEE)


def test_the_field_counts_come_from_the_database(services, tmp_path: Path, dossier_path: Path,
                                                 case: dict[str, int]) -> None:
    counts = services.actions.field_counts()
    assert (counts.total, counts.count("owner"), counts.count("addressed_to")) == (2, 2, 0)
    assert counts.empty("addressed_to") and not counts.empty("owner")
    documents = services.documents.field_counts()
    assert documents.total == 2 and not documents.empty("sender")


def test_the_documents_list_shows_from_and_to_at_the_default_size(qtbot, tmp_path: Path, dossier_path: Path,
                                                                  case: dict[str, int], unclamped: None) -> None:
    w = open_window(qtbot, tmp_path, dossier_path, 0)
    assert (w.width(), w.height()) == DEFAULT_SIZE
    table = w.documents_panel.table
    for column in (SENDER, RECIPIENTS, TITLE):
        assert visible_in_viewport(table, column), column
    assert table.columnWidth(TITLE) >= 100  # the title keeps room to be read
    assert table.horizontalScrollBar().maximum() == 0


def test_a_width_the_user_drags_is_kept_and_remembered(qtbot, tmp_path: Path, dossier_path: Path,
                                                       case: dict[str, int], unclamped: None) -> None:
    w = actions_window(qtbot, tmp_path, dossier_path)
    table = w.actions_page.table
    header = table.horizontalHeader()
    fitted = table.columnWidth(OWNER)
    edge = header.sectionViewportPosition(OWNER) + header.sectionSize(OWNER) - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge - 60, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge - 60, y))
    dragged = table.columnWidth(OWNER)
    assert dragged < fitted
    assert table.user_widths() == {"Owner": dragged}
    w.actions_page.model.reload()  # a reload fits the other columns again, not this one
    assert table.columnWidth(OWNER) == dragged
    w.close()

    again = open_window(qtbot, tmp_path, dossier_path, 2)  # the same settings file
    assert again.actions_page.table.columnWidth(OWNER) == dragged


# -- the Actions view ---------------------------------------------------------------------------------

def test_overdue_is_days_late_and_a_pill_not_a_pink_row(qtbot, tmp_path: Path, dossier_path: Path,
                                                        case: dict[str, int], unclamped: None) -> None:
    w = actions_window(qtbot, tmp_path, dossier_path)
    page, model = w.actions_page, w.actions_page.model
    late, later = model.row_of(case["schedule"]), model.row_of(case["costs"])
    assert model.data(model.index(late, DAYS_LATE)) == "10"  # due 30 Apr, as at 10 May 2021
    assert model.data(model.index(later, DAYS_LATE)) == ""
    assert model.data(model.index(late, STATUS)) == "Overdue"
    assert model.data(model.index(later, STATUS)) == "Open"
    page.table.clearSelection()
    image = page.table.viewport().grab().toImage()
    rect = page.table.visualRect(model.index(late, SUMMARY))
    pink = QColor("#fdecea")
    colours = {image.pixelColor(x, rect.center().y()).name() for x in range(rect.left() + 1, rect.right())}
    assert pink.name() not in colours
    pill = page.table.visualRect(model.index(late, STATUS))
    assert QColor("#c0392b").name() in {image.pixelColor(x, pill.center().y()).name()
                                        for x in range(pill.left(), pill.right())}


def test_the_detail_pane_shows_the_source_passage_and_history(qtbot, tmp_path: Path, dossier_path: Path,
                                                              case: dict[str, int], unclamped: None) -> None:
    w = actions_window(qtbot, tmp_path, dossier_path)
    page = w.actions_page
    assert page.detail.detail is None
    assert page.select_action(case["schedule"])
    pane = page.detail
    assert pane.title.text() == "send the repair schedule"
    assert pane.source.text().startswith(f"D{case['harbour.txt']} ¶")
    assert PLAN_SENTENCE in pane.passage.toPlainText()
    assert "Costs will follow later." in pane.passage.toPlainText()  # the paragraph, not only the sentence
    assert any("·  Action '" in line and line.endswith("added") for line in pane.history_lines())

    page.filters.set_status_index(len(STATUS_FILTERS) - 1)  # All: a done action stays listed
    page.model.set_statuses(None)
    assert page.select_action(case["schedule"])
    assert w.context.push(SetStatusCommand(w.services.actions, w.context.notify, case["schedule"],
                                           ActionStatus.DONE, note="sent", document_id=None, summary="send"))
    assert page.selected_row().id == case["schedule"]  # still selected; the pane follows the edit
    assert any("now 'done' (was: 'open')" in line for line in pane.history_lines())

    with qtbot.waitSignal(w.context.passage_requested) as blocker:
        pane.open_button.click()
    start, end = span_of(w.services.documents.get(case["harbour.txt"]).text, PLAN_SENTENCE)
    assert blocker.args == [case["harbour.txt"], start, end]

    assert page.select_action(case["costs"])  # recorded by hand: no passage
    assert pane.title.text() == "send the costs"
    assert pane.passage.toPlainText() == ""
    assert not pane.open_button.isEnabled()


def test_the_same_pane_shows_an_annotation_in_context(qtbot, tmp_path: Path, dossier_path: Path,
                                                      case: dict[str, int], unclamped: None) -> None:
    services = open_services(dossier_path)
    try:
        ann = services.annotations.create_at_quote(case["ferry.txt"], "ferry timetable",
                                                   AnnotationFields(tags=("boats",)), author="R. Vane").value
    finally:
        services.close()
    w = open_window(qtbot, tmp_path, dossier_path, 4)  # View ▸ Annotations
    page = w.annotations_page
    assert page.table.isColumnHidden(NOTE)  # no annotation has a note
    assert not page.table.isColumnHidden(TAGS) and not page.table.isColumnHidden(QUOTE)
    assert type(page.detail) is type(w.actions_page.detail)
    assert page.detail.detail is None
    page.table.selectRow(0)
    pane = page.detail
    assert pane.title.text() == "“ferry timetable”"
    assert "The ferry timetable is unchanged for the summer." in pane.passage.toPlainText()
    assert pane.source.text().startswith(f"D{case['ferry.txt']} ¶")
    lines = pane.history_lines()
    assert any("·  Annotation on" in line and line.endswith("added") for line in lines)
    assert any("Tag 'boats'" in line and line.endswith("added") for line in lines)
    with qtbot.waitSignal(page.open_requested) as blocker:
        pane.open_button.click()
    assert blocker.args == [case["ferry.txt"], ann.id]


def test_filtering_does_not_make_the_columns_jump(qtbot, tmp_path: Path, dossier_path: Path,
                                                  case: dict[str, int], unclamped: None) -> None:
    services = open_services(dossier_path)
    try:
        services.annotations.create_at_quote(case["ferry.txt"], "ferry timetable",
                                             AnnotationFields(tags=("boats",)))
        services.annotations.create_at_quote(case["harbour.txt"], "harbour wall",
                                             AnnotationFields(tags=("sea defences and their upkeep",)))
    finally:
        services.close()
    w = open_window(qtbot, tmp_path, dossier_path, 4)  # View ▸ Annotations
    page = w.annotations_page
    wide = page.table.columnWidth(TAGS)
    assert wide >= page.table.fontMetrics().horizontalAdvance("sea defences and their upkeep")
    page.set_tag("boats")
    assert page.model.rowCount() == 1
    assert page.table.columnWidth(TAGS) == wide  # the short tag alone does not shrink it
