"""The Chronology view over real dossier files: entries in date order under year and month headers,
filters, jumping to the passage, own entries and inline edits (undoable), conflicts, merge and split,
and the timeline beside the table (zoom, precision spans, lanes, selection in step with the table).

The letters are invented here; the chronology entries come from filing them. Only the pure time
axis (TimeScale) and the group runs (runs_of_groups) are tested without widgets.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from test_gui_support import file_letters, span_of, ui_settings

from dossier.domain.changes import Changes, Kind
from dossier.domain.chronology import EntryFields, EntryKind, ListingGroup
from dossier.domain.dates import PartialDate, Precision
from dossier.ui.dialogs.chronology_dialogs import AddEntryDialog, CompareDialog
from dossier.ui.main_window import MainWindow
from dossier.ui.models.chronology_groups import UNDATED_GROUP, GroupLayout, group_of, runs_of_groups
from dossier.ui.models.chronology_model import DATE, EVENT, KIND, SOURCE, ConflictRole, HeaderRole, KindRole
from dossier.ui.views.timeline_items import BY_ACTOR, EntryItem
from dossier.ui.views.timeline_scale import DAY, MONTH, YEAR, TimeScale

AUDIT = """Dr Helena Marchetti
Director of Water Quality
Fenmarsh District Council

14 September 2021

Dear Dr Marchetti,

I wrote to you on 2 August about the testing backlog at the Fenmarsh reservoir. In July, Helena Marchetti and Rupert Ashdown presented the sampling audit to the water board.

By 30 November I expect your recovery plan.

Yours sincerely,

Lionel Pembury
Minister for Water
"""

THANKS = """Mr Rupert Ashdown
Chief Inspector
Fenmarsh Water Board

1 October 2021

Dear Mr Ashdown,

Thank you for the sampling audit, which Helena Marchetti and Rupert Ashdown presented to the water board in June.

The board will meet again in December 2021.

Yours sincerely,

Lionel Pembury
Minister for Water
"""

PETITION = """Ms Priya Raman
Fenmarsh Residents' Association

12 January 2022

Dear Ms Raman,

The inquiry into the reservoir opened in March 2020. I will reply to your petition in full by 28 February 2022.

Yours sincerely,

Lionel Pembury
Minister for Water
"""

WROTE = "I wrote to you on 2 August about the testing backlog at the Fenmarsh reservoir."
WROTE_STATEMENT = "Lionel Pembury wrote to Helena Marchetti about the testing backlog at the Fenmarsh reservoir"


@pytest.fixture
def case(dossier_path: Path, tmp_path: Path) -> dict[str, int]:
    return file_letters(dossier_path, tmp_path / "letters",
                        {"audit.txt": AUDIT, "thanks.txt": THANKS, "petition.txt": PETITION})


@pytest.fixture
def window(qtbot, tmp_path: Path, dossier_path: Path, case: dict[str, int]) -> MainWindow:
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    assert w.open_dossier(dossier_path)
    w.view_actions[3].trigger()  # View ▸ Chronology (Ctrl+4)
    assert w.workspace.currentWidget() is w.chronology_page
    return w


@pytest.fixture
def shown(qtbot, window: MainWindow) -> MainWindow:
    """On screen (offscreen), with a timeline about 500 pixels wide."""
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    page = window.chronology_page
    page.splitter.setSizes([760, 520])
    qtbot.waitUntil(lambda: abs(page.timeline.viewport().width() - 520) < 40)
    page.timeline.fit_all()
    return window


def listing(window: MainWindow) -> list[str]:
    """The table as a reader sees it: "# year", "## month", and "date | first words" for each entry."""
    model = window.chronology_page.model
    out = []
    for row in range(model.rowCount()):
        level = model.data(model.index(row, 0), HeaderRole)
        if level is not None:
            out.append(("# " if level == 0 else "## ") + model.data(model.index(row, 0)))
        else:
            words = " ".join(model.data(model.index(row, EVENT)).split()[:4])
            out.append(f"{model.data(model.index(row, DATE))} | {words}")
    return out


def entries(window: MainWindow) -> list[str]:
    return [line for line in listing(window) if not line.startswith("#")]


def key_of(window: MainWindow, date_text: str) -> str:
    model = window.chronology_page.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, 0), HeaderRole) is None and model.data(model.index(row, DATE)) == date_text:
            return model.id_at(row)
    raise AssertionError(f"no entry dated {date_text}")


def cell(window: MainWindow, key: str, column: int, role: int = Qt.ItemDataRole.DisplayRole):
    model = window.chronology_page.model
    return model.data(model.index(model.row_of(key), column), role)


def test_entries_in_date_order_under_year_and_month_headers(window: MainWindow, case: dict[str, int]) -> None:
    assert listing(window) == [
        "# 2020", "## March 2020", "Mar 2020 | The inquiry into the",
        "# 2021", "## June 2021", "Jun 2021 | Helena Marchetti and Rupert",
        "## July 2021", "Jul 2021 | Helena Marchetti and Rupert",
        "## August 2021", "2 Aug 2021 | Lionel Pembury wrote to",
        "## September 2021", "14 Sep 2021 | Letter from Lionel Pembury",
        "## October 2021", "1 Oct 2021 | Letter from Lionel Pembury",
        "## November 2021", "by 30 Nov 2021 | Lionel Pembury expects Helena",
        "## December 2021", "Dec 2021 | The board will meet",
        "# 2022", "## January 2022", "12 Jan 2022 | Letter from Lionel Pembury",
        "## February 2022", "by 28 Feb 2022 | Lionel Pembury will reply",
    ]
    page = window.chronology_page
    assert page.count_label.text() == "10 entries"
    wrote = key_of(window, "2 Aug 2021")
    assert cell(window, wrote, SOURCE) == f"[D{case['audit.txt']} ¶4]"
    assert cell(window, wrote, KIND, KindRole) is EntryKind.EVENT
    assert cell(window, key_of(window, "by 30 Nov 2021"), KIND, KindRole) is EntryKind.DEADLINE
    assert cell(window, key_of(window, "14 Sep 2021"), KIND, KindRole) is EntryKind.DOCUMENT
    assert cell(window, wrote, KIND, Qt.ItemDataRole.DecorationRole) is not None  # the kind marker
    assert cell(window, wrote, KIND, Qt.ItemDataRole.ToolTipRole) == "Event: letter"
    # a header spans the row and cannot be selected
    header_row = page.model.header_rows()[0]
    assert page.table.columnSpan(header_row, 0) == page.model.columnCount()
    assert not page.model.flags(page.model.index(header_row, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert page.model.header_at(header_row).count == 1

    # the two dates for the audit's presentation conflict: marked, with the other entry named
    june, july = key_of(window, "Jun 2021"), key_of(window, "Jul 2021")
    assert cell(window, june, KIND, ConflictRole) is True and cell(window, july, KIND, ConflictRole) is True
    assert cell(window, wrote, KIND, ConflictRole) is False
    assert cell(window, june, DATE, Qt.ItemDataRole.DecorationRole) is not None
    tip = cell(window, june, DATE, Qt.ItemDataRole.ToolTipRole)
    assert "Other sources date this differently: Jul 2021 — Helena Marchetti and Rupert" in tip


def test_undated_entries_come_last_under_undated(window: MainWindow) -> None:
    page = window.chronology_page
    page.add_entry()
    dialog = page.dialog
    assert isinstance(dialog, AddEntryDialog)
    dialog.description.setPlainText("A note kept without a date")
    dialog.accept()
    assert listing(window)[-2:] == ["# Undated", "Undated | A note kept without"]
    key = page.selected_keys()[0]
    assert cell(window, key, DATE, Qt.ItemDataRole.ForegroundRole).name() == "#9aa1ab"  # grey
    assert page.count_label.text() == "11 entries  ·  1 undated"


def test_filters_by_actor_kind_date_range_and_words(qtbot, window: MainWindow) -> None:
    page = window.chronology_page
    filters = page.filters
    assert "Helena Marchetti" in filters._names.stringList()  # the completion list

    filters.actor.lineEdit().setFocus()
    qtbot.keyClicks(filters.actor.lineEdit(), "Helena Marchetti")
    qtbot.keyClick(filters.actor.lineEdit(), Qt.Key.Key_Return)
    assert page.model.actor == "Helena Marchetti"
    # (the letter written to her, and her deadline, name her once "you" is put in the third person)
    assert entries(window) == ["Jun 2021 | Helena Marchetti and Rupert", "Jul 2021 | Helena Marchetti and Rupert",
                               "2 Aug 2021 | Lionel Pembury wrote to", "14 Sep 2021 | Letter from Lionel Pembury",
                               "by 30 Nov 2021 | Lionel Pembury expects Helena"]
    filters.actor.lineEdit().clear()  # clearing the box shows everyone's entries again
    assert page.model.actor is None and len(entries(window)) == 10

    filters.kind_buttons[EntryKind.DEADLINE].click()  # from "all", one kind alone
    assert filters.kinds() == frozenset({EntryKind.DEADLINE}) and not filters.all_kinds.isChecked()
    assert entries(window) == ["by 30 Nov 2021 | Lionel Pembury expects Helena", "Dec 2021 | The board will meet",
                               "by 28 Feb 2022 | Lionel Pembury will reply"]
    filters.kind_buttons[EntryKind.DOCUMENT].click()  # and another
    assert [line.split(" | ")[0] for line in entries(window)] == [
        "14 Sep 2021", "1 Oct 2021", "by 30 Nov 2021", "Dec 2021", "12 Jan 2022", "by 28 Feb 2022"]
    filters.kind_buttons[EntryKind.DOCUMENT].click()
    filters.kind_buttons[EntryKind.DEADLINE].click()  # the last one stays on
    assert filters.kind_buttons[EntryKind.DEADLINE].isChecked()
    filters.all_kinds.click()
    assert filters.kinds() is None and len(entries(window)) == 10

    filters.date_range.setChecked(True)
    filters.date_from.setDate(QDate(2021, 7, 1))
    filters.date_to.setDate(QDate(2021, 10, 31))
    assert page.model.date_range == (dt.date(2021, 7, 1), dt.date(2021, 10, 31))
    assert listing(window) == ["# 2021", "## July 2021", "Jul 2021 | Helena Marchetti and Rupert",
                               "## August 2021", "2 Aug 2021 | Lionel Pembury wrote to",
                               "## September 2021", "14 Sep 2021 | Letter from Lionel Pembury",
                               "## October 2021", "1 Oct 2021 | Letter from Lionel Pembury"]
    filters.date_range.setChecked(False)
    assert len(entries(window)) == 10

    filters.filter_edit.setText("reservoir")
    filters.filter_edit.apply_now()
    assert entries(window) == ["Mar 2020 | The inquiry into the", "2 Aug 2021 | Lionel Pembury wrote to"]
    qtbot.waitUntil(lambda: page.timeline.lanes() != [])
    # the timeline shows the same two, in the one lane that has entries (empty lanes are hidden)
    assert [(lane.label, lane.count) for lane in page.timeline.lanes()] == [("Events", 2)]


def test_filter_by_an_annotation_tag(window: MainWindow, case: dict[str, int]) -> None:
    from dossier.domain.annotations import AnnotationFields

    page, services = window.chronology_page, window.services
    combo = page.filters.tag
    assert not combo.isEnabled() and combo.currentText() == "No tags"
    text = services.documents.get(case["thanks.txt"]).text
    start = text.index("presented to the water board")
    note = services.annotations.create(case["thanks.txt"], start, start + 28, AnnotationFields(tags=("audit",))).value
    page.context.notify(Changes.of(Kind.ANNOTATIONS))  # what an annotation edit tells the views
    assert combo.isEnabled() and [combo.itemText(i) for i in range(combo.count())] == ["Any tag", "audit"]

    combo.setCurrentIndex(1)
    combo.activated.emit(1)  # picked from the list
    assert page.model.tag == "audit"
    assert entries(window) == ["Jun 2021 | Helena Marchetti and Rupert", "1 Oct 2021 | Letter from Lionel Pembury"]
    assert page.count_label.text() == "2 entries"

    services.annotations.delete(note.id)  # the last annotation with the tag goes: the filter goes too
    page.context.notify(Changes.of(Kind.ANNOTATIONS))
    assert page.model.tag is None and combo.currentText() == "No tags" and len(entries(window)) == 10


def test_double_click_opens_the_passage_in_the_reader(qtbot, window: MainWindow, case: dict[str, int]) -> None:
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    page = window.chronology_page
    wrote = key_of(window, "2 Aug 2021")
    index = page.model.index(page.model.row_of(wrote), EVENT)
    page.table.scrollTo(index)
    point = page.table.visualRect(index).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)  # a double-click starts
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)  # with a press
    assert window.workspace.currentWidget() is window.documents_page
    assert window.documents_panel.current_id == case["audit.txt"]
    cursor = window.reader.text.textCursor()
    assert cursor.selectedText() == WROTE
    text = window.services.documents.get(case["audit.txt"]).text
    assert (cursor.selectionStart(), cursor.selectionEnd()) == span_of(text, WROTE)

    window.view_actions[3].trigger()  # a document opens at the top, nothing selected
    assert page.open_source(key_of(window, "1 Oct 2021"))
    assert window.documents_panel.current_id == case["thanks.txt"]
    assert not window.reader.text.textCursor().hasSelection()


def test_add_an_entry_then_undo_and_redo(window: MainWindow) -> None:
    page = window.chronology_page
    assert page.add_action.shortcut().toString() == "Ins"
    page.add_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, AddEntryDialog)
    dialog.date.line.setText("5/5/2021")
    dialog.date.line.textEdited.emit("5/5/2021")
    dialog.description.setPlainText("Site visit to the reservoir pumping station")
    dialog.actors.setText("Rupert Ashdown")
    dialog.accept()
    key = page.selected_keys()[0]
    assert key.startswith("entry:")
    assert "## May 2021" in listing(window)
    assert cell(window, key, DATE) == "5 May 2021" and cell(window, key, KIND, KindRole) is EntryKind.OWN
    assert window.services.chronology.rows([key])[0].actors == ("Rupert Ashdown",)
    assert window.undo_stack.undoText() == "Add entry “Site visit to the reservoir pumping sta…”"

    window.actions_.undo.trigger()
    assert window.services.chronology.rows([key]) == []
    assert "## May 2021" not in listing(window) and len(entries(window)) == 10
    window.actions_.redo.trigger()  # the same entry comes back
    assert cell(window, key, DATE) == "5 May 2021"
    assert window.services.chronology.rows([key])[0].description == "Site visit to the reservoir pumping station"

    page.select_key(key)
    assert page.delete_action.isEnabled()
    page.delete_action.trigger()
    assert window.services.chronology.rows([key]) == []
    window.actions_.undo.trigger()
    assert cell(window, key, EVENT) == "Site visit to the reservoir pumping station"


def test_add_dialog_refuses_an_unreadable_date(window: MainWindow) -> None:
    page = window.chronology_page
    dialog = page.add_entry()
    dialog.date.line.setText("the thirty-first of nowhere")
    dialog.date.line.textEdited.emit("the thirty-first of nowhere")
    dialog.description.setPlainText("Something")
    dialog.accept()
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert "Cannot read this date" in dialog.error.text()
    assert window.undo_stack.count() == 0


def test_inline_edits_of_words_and_date_are_undoable(qtbot, window: MainWindow) -> None:
    page = window.chronology_page
    model = page.model
    wrote = key_of(window, "2 Aug 2021")
    assert model.flags(model.index(model.row_of(wrote), EVENT)) & Qt.ItemFlag.ItemIsEditable
    doc = key_of(window, "14 Sep 2021")
    assert not model.flags(model.index(model.row_of(doc), EVENT)) & Qt.ItemFlag.ItemIsEditable

    # typed into the cell's editor, as a user would (F2)
    window.show()
    qtbot.waitExposed(window)
    page.select_key(wrote)
    index = model.index(model.row_of(wrote), EVENT)
    page.table.setCurrentIndex(index)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.findChild(QLineEdit)
    assert editor is not None and editor.text() == WROTE_STATEMENT
    editor.selectAll()
    qtbot.keyClicks(editor, "Wrote about the testing backlog")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits a moment later
    qtbot.waitUntil(lambda: cell(window, wrote, EVENT) == "Wrote about the testing backlog")
    assert window.undo_stack.undoText() == "Edit words of “Wrote about the testing backlog”"
    window.actions_.undo.trigger()
    assert cell(window, wrote, EVENT) == WROTE_STATEMENT

    # a date keeps the precision it was typed with, and moves the entry to its month
    assert model.setData(model.index(model.row_of(wrote), DATE), "March 2021")
    row = window.services.chronology.rows([wrote])[0]
    assert (row.date.value, row.date.precision) == ("2021-03", Precision.MONTH)
    assert "## March 2021" in listing(window) and "## August 2021" not in listing(window)
    assert page.selected_keys() == [wrote]  # still selected after the move
    window.actions_.undo.trigger()
    assert window.services.chronology.rows([wrote])[0].date.value == "2021-08-02"

    # a qualified date, as written in letters
    assert model.setData(model.index(model.row_of(wrote), DATE), "by end December 2021")
    assert cell(window, wrote, DATE) == "end Dec 2021"
    window.actions_.undo.trigger()
    assert cell(window, wrote, DATE) == "2 Aug 2021"

    # an unreadable date is refused quietly: no dialog, no undo step, a note in the status bar
    messages: list[str] = []
    window.context.status_message.connect(messages.append)
    steps = window.undo_stack.count()
    assert not model.setData(model.index(model.row_of(wrote), DATE), "31/02/2021")
    assert window.undo_stack.count() == steps
    assert messages and "Cannot read this date" in messages[-1]
    assert QApplication.activeModalWidget() is None


def test_compare_conflicting_entries_and_mark_resolved(window: MainWindow, case: dict[str, int]) -> None:
    page = window.chronology_page
    june, july = key_of(window, "Jun 2021"), key_of(window, "Jul 2021")
    before = window.services.chronology.rows([july])[0]
    assert page.edit_entry(july, EntryFields(before.date, "Audit presented to the board", before.kind,
                                             before.actors))
    page.select_key(june)
    assert page.compare_action.isEnabled()
    page.compare_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, CompareDialog)
    assert dialog.left.date.text() == "Jun 2021" and dialog.right.date.text() == "Jul 2021"
    assert dialog.other_key() == july
    assert dialog.left.description.text() == (
        "Helena Marchetti and Rupert Ashdown presented the sampling audit to the water board")
    assert dialog.right.description.text() == "Audit presented to the board"
    assert dialog.left.sources[0].text().startswith(f"<b>[D{case['thanks.txt']} ¶4]</b> Letter from Lionel Pembury")
    # its passage, as written, is quoted beside the statement
    assert "“Thank you for the sampling audit, which Helena Marchetti" in dialog.left.sources[0].text()
    assert dialog.right.sources[0].text().startswith(f"<b>[D{case['audit.txt']} ¶4]</b> Letter from Lionel Pembury")
    assert ("“In July, Helena Marchetti and Rupert Ashdown presented the sampling audit to the water board.”"
            in dialog.right.sources[0].text())  # the sentence the edited entry came from
    assert not dialog.resolve_button.isEnabled()
    dialog.note.setText("The board minutes put the presentation in June.")
    dialog.resolve_button.click()
    assert not dialog.isVisible()
    assert cell(window, june, KIND, ConflictRole) is False
    assert "Resolved: The board minutes put the presentation in June." in cell(
        window, june, DATE, Qt.ItemDataRole.ToolTipRole)
    window.actions_.undo.trigger()
    assert cell(window, june, KIND, ConflictRole) is True


def test_merge_two_entries_and_split_a_source_off(window: MainWindow, case: dict[str, int]) -> None:
    page = window.chronology_page
    june, july = key_of(window, "Jun 2021"), key_of(window, "Jul 2021")
    page.select_keys([june, july])
    assert page.merge_action.isEnabled()
    assert page.merge_selected()
    merged = window.services.chronology.rows([june])[0]
    assert sorted(s.document_id for s in merged.sources) == sorted([case["audit.txt"], case["thanks.txt"]])
    assert cell(window, june, SOURCE) == f"[D{case['audit.txt']} ¶4] [D{case['thanks.txt']} ¶4]"
    assert page.model.row_of(july) is None and len(entries(window)) == 9

    page.select_key(june)
    assert page.split_action.isEnabled()
    new_key = page.split_selected(case["audit.txt"])
    assert new_key is not None and page.selected_keys() == [new_key]
    assert [s.document_id for s in window.services.chronology.rows([new_key])[0].sources] == [case["audit.txt"]]
    assert len(entries(window)) == 10
    window.actions_.undo.trigger()  # the split
    assert page.model.row_of(new_key) is None
    window.actions_.undo.trigger()  # the merge
    assert page.model.row_of(july) is not None
    assert cell(window, june, SOURCE) == f"[D{case['thanks.txt']} ¶4]"


def test_timeline_zoom_changes_the_axis_from_years_to_months_to_days(qtbot, shown: MainWindow) -> None:
    timeline = shown.chronology_page.timeline
    assert timeline.tick_unit == YEAR
    assert timeline.axis_labels()[:3] == ["2020", "2021", "2022"]
    assert set(timeline.axis_labels()) <= {"2020", "2021", "2022", "2023"}
    fitted = timeline.zoom_level
    timeline.zoom_out()  # the whole chronology is in view already
    assert timeline.zoom_level == pytest.approx(fitted)

    timeline.zoom_in()
    assert timeline.zoom_level == pytest.approx(fitted * 1.6)
    assert timeline.tick_unit == MONTH
    labels = timeline.axis_labels()
    assert set(labels) <= {"Jan", "Apr", "Jul", "Oct"} and len(labels) >= 4  # quarters
    assert "2021" in timeline.upper_labels()

    viewport = timeline.viewport()
    x = viewport.width() * 0.6
    day_before = timeline.time_scale.day_at(timeline.horizontalScrollBar().value() + x)
    while timeline.tick_unit != DAY:  # the wheel zooms around the cursor
        event = QWheelEvent(QPointF(x, 100), QPointF(viewport.mapToGlobal(QPoint(int(x), 100))), QPoint(0, 0),
                            QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)
    assert timeline.zoom_level >= 5
    day_after = timeline.time_scale.day_at(timeline.horizontalScrollBar().value() + x)
    assert abs((day_after - day_before).days) <= 1
    labels = timeline.axis_labels()
    assert labels and all(label.isdigit() and 1 <= int(label) <= 31 for label in labels)
    assert any(label.endswith(str(day_before.year)) for label in timeline.upper_labels())  # "March 2021"


def test_dragging_the_timeline_pans_it(qtbot, shown: MainWindow) -> None:
    timeline = shown.chronology_page.timeline
    timeline.zoom_in()
    timeline.zoom_in()
    bar = timeline.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    start = bar.value()
    viewport = timeline.viewport()
    y = viewport.height() - 30  # below the lanes: empty, so the press pans rather than selects
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(400, y), QPointF(viewport.mapToGlobal(QPoint(400, y))),
                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, press)
    for x in (380, 350, 300):
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(x, y), QPointF(viewport.mapToGlobal(QPoint(x, y))),
                           Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, move)
    release = QMouseEvent(QEvent.Type.MouseButtonRelease, QPointF(300, y),
                          QPointF(viewport.mapToGlobal(QPoint(300, y))), Qt.MouseButton.LeftButton,
                          Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, release)
    assert bar.value() == start + 100  # dragged left by 100 pixels: later dates come into view
    assert timeline.selected_keys() == []


def test_timeline_bars_span_their_precision(qtbot, shown: MainWindow) -> None:
    page = shown.chronology_page
    timeline = page.timeline
    june, wrote = key_of(shown, "Jun 2021"), key_of(shown, "2 Aug 2021")
    timeline.zoom_to(dt.date(2021, 6, 1), dt.date(2021, 8, 31))
    ppd = timeline.zoom_level
    month_bar, day_bar = timeline.bar_for(june), timeline.bar_for(wrote)
    assert isinstance(month_bar, EntryItem) and isinstance(day_bar, EntryItem)
    assert month_bar.bar_rect.width() == pytest.approx(30 * ppd)  # June has 30 days
    assert month_bar.bar_rect.left() == pytest.approx(timeline.time_scale.x_of(dt.date(2021, 6, 1)))
    assert day_bar.bar_rect.width() == pytest.approx(max(ppd, 5.0))
    timeline.zoom_in()
    timeline.zoom_in()
    timeline.select_key(june)  # brings it back into view
    ppd = timeline.zoom_level
    assert ppd > 5
    assert timeline.bar_for(june).bar_rect.width() == pytest.approx(30 * ppd)
    timeline.select_key(wrote)
    assert timeline.bar_for(wrote).bar_rect.width() == pytest.approx(ppd)
    deadline = timeline.bar_for(key_of(shown, "by 30 Nov 2021"))
    assert deadline is None or deadline.is_deadline  # not necessarily in view at this zoom
    timeline.fit_all()
    deadline = timeline.bar_for(key_of(shown, "by 30 Nov 2021"))
    assert deadline is not None and deadline.is_deadline  # drawn with its diamond


def test_selection_follows_between_table_and_timeline(qtbot, shown: MainWindow) -> None:
    page = shown.chronology_page
    timeline = page.timeline
    wrote, dec = key_of(shown, "2 Aug 2021"), key_of(shown, "Dec 2021")
    page.select_key(wrote)
    assert timeline.selected_keys() == [wrote]
    assert timeline.bar_for(wrote).isSelected()

    bar = timeline.bar_for(dec)
    point = timeline.mapFromScene(bar.bar_rect.center())
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert timeline.selected_keys() == [dec]
    assert page.selected_keys() == [dec]
    assert page.table.currentIndex().row() == page.model.row_of(dec)

    qtbot.mouseDClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=point)  # opens the passage
    assert shown.workspace.currentWidget() is shown.documents_page
    assert shown.reader.text.textCursor().selectedText() == "The board will meet again in December 2021."


def test_timeline_lanes_by_kind_or_by_actor(qtbot, shown: MainWindow) -> None:
    page = shown.chronology_page
    timeline = page.timeline
    assert [(lane.label, lane.count) for lane in timeline.lanes()] == [
        ("Documents", 3), ("Events", 4), ("Deadlines", 3)]  # no own entries: no lane for them
    page.timeline_panel.by_actor.click()
    assert timeline.lanes_by == BY_ACTOR
    lanes = {lane.label: lane.count for lane in timeline.lanes()}
    # two events, the letter to her, and the entries that name her once "you" is put in the third person
    assert lanes["Helena Marchetti"] == 5
    assert lanes["Rupert Ashdown"] == 3
    assert lanes["No actor"] >= 1


def test_as_at_is_shared_with_the_actions_view(shown: MainWindow) -> None:
    page = shown.chronology_page
    shown.actions_page.set_as_at(dt.date(2021, 12, 1))
    assert page.timeline.as_at == dt.date(2021, 12, 1)
    assert page.timeline_panel.as_at.date() == QDate(2021, 12, 1)
    page.timeline_panel.as_at.setDate(QDate(2021, 10, 15))  # and back the other way
    assert shown.actions_page.filters.as_at_date() == dt.date(2021, 10, 15)
    assert shown.actions_page.model.as_at == dt.date(2021, 10, 15)


def test_filters_lanes_and_splitter_are_remembered(qtbot, tmp_path: Path, dossier_path: Path,
                                                  window: MainWindow) -> None:
    page = window.chronology_page
    page.filters.kind_buttons[EntryKind.EVENT].click()
    page.filters.set_date_range(dt.date(2021, 1, 1), dt.date(2021, 12, 31), emit=True)
    page.timeline_panel.by_actor.click()
    window.resize(1280, 820)
    page.splitter.setSizes([700, 580])
    sizes = page.splitter.sizes()
    window.close()

    again = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(again)
    assert again.open_dossier(dossier_path)
    assert again.workspace.currentWidget() is again.chronology_page
    restored = again.chronology_page
    assert restored.filters.kinds() == frozenset({EntryKind.EVENT})
    assert restored.filters.date_bounds() == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert restored.model.kinds == frozenset({EntryKind.EVENT})
    assert restored.model.date_range == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    assert restored.timeline.lanes_by == BY_ACTOR
    assert restored.splitter.sizes() == sizes
    assert [line.split(" | ")[0] for line in entries(again)] == ["Jun 2021", "Jul 2021", "2 Aug 2021"]


def test_a_hidden_view_catches_up_when_shown(qtbot, window: MainWindow) -> None:
    window.resize(1280, 820)
    window.view_actions[0].trigger()
    window.show()
    qtbot.waitExposed(window)
    key = window.services.chronology.add_entry(
        EntryFields(PartialDate.of(2021, 5, 20), "Meeting with the residents", EntryKind.OWN)).value
    window.context.notify(Changes.of(Kind.CHRONOLOGY))
    assert window.chronology_page.model.row_of(key) is None  # not queried again while out of sight
    window.view_actions[3].trigger()
    assert window.chronology_page.model.row_of(key) is not None
    assert "## May 2021" in listing(window)


# -- pure pieces -------------------------------------------------------------------------------

def test_time_scale_maps_days_to_x_and_picks_tick_units() -> None:
    scale = TimeScale(dt.date(2021, 1, 1), 2.0, offset=100.0)
    assert scale.x_of(dt.date(2021, 1, 1)) == 100.0
    assert scale.x_of(dt.date(2021, 1, 11)) == 120.0
    assert scale.day_at(121.0) == dt.date(2021, 1, 11)
    assert scale.span(PartialDate.of(2021, 2)) == (100.0 + 31 * 2, 100.0 + 59 * 2)  # February 2021
    assert scale.span(PartialDate.of(2021, 2, 3)) == (100.0 + 33 * 2, 100.0 + 34 * 2)
    assert scale.span(PartialDate.of(2021)) == (100.0, 100.0 + 365 * 2)
    assert scale.unit == MONTH
    assert [t.label for t in scale.ticks(100, scale.x_of(dt.date(2021, 4, 30)))] == ["Jan", "Feb", "Mar", "Apr"]
    scale.ppd = 0.1
    assert scale.unit == YEAR and scale.step == 2
    assert [t.label for t in scale.ticks(scale.x_of(dt.date(2020, 6, 1)), scale.x_of(dt.date(2025, 1, 1)))] == [
        "2020", "2022", "2024"]
    scale.ppd = 15.0
    assert scale.unit == DAY and scale.step == 2
    assert [t.label for t in scale.ticks(100, scale.x_of(dt.date(2021, 1, 6)))] == ["1", "3", "5"]
    assert [t.label for t in scale.upper_ticks(100, scale.x_of(dt.date(2021, 2, 2)))] == [
        "January 2021", "February 2021"]


def test_group_runs_come_from_the_listing_counts() -> None:
    groups = ([ListingGroup("2019", 700), ListingGroup("2019-03", 8400)]
              + [ListingGroup(f"2020-{m:02d}", 2500) for m in range(1, 13)] + [ListingGroup(None, 40)])
    values = [None] * sum(g.count for g in groups)
    runs = runs_of_groups(groups)
    assert [(r.group, r.count) for r in runs] == [((2019, 0), 700), ((2019, 3), 8400)] + [
        ((2020, m), 2500) for m in range(1, 13)] + [(UNDATED_GROUP, 40)]
    assert [r.start for r in runs[:3]] == [0, 700, 9100]
    assert group_of(PartialDate.parse_iso("2019-03-27")) == runs[1].group
    assert group_of(PartialDate.parse_iso("2019")) == runs[0].group
    layout = GroupLayout(runs, len(values))
    assert [h.label for h in layout.headers[:4]] == ["2019", "March 2019", "2020", "January 2020"]
    assert layout.headers[-1].label == "Undated"
    assert layout.headers[0].count == 9100
    for position in (0, 699, 700, 9099, 9100, len(values) - 1):
        row = layout.row_of_position(position)
        assert layout.position_at(row) == position
    assert layout.header_at(0).label == "2019" and layout.position_at(1) == 0
    assert layout.header_at(701).label == "March 2019"


def test_a_bar_is_labelled_with_a_short_summary_of_its_entry(qtbot) -> None:
    from PySide6.QtGui import QFont, QFontMetricsF

    from dossier.domain.chronology import ChronologyRow
    from dossier.ui.views.timeline_items import MAX_LABEL, SUMMARY_CHARS, bar_label, entry_tooltip

    fm = QFontMetricsF(QFont())
    long = ChronologyRow("entry:1", PartialDate.of(2021, 7), "The   board met. " * 200, EntryKind.EVENT, (), ())
    text, width = bar_label(long, fm)
    assert text == "The board met." and width < MAX_LABEL  # the first sentence only
    one = ChronologyRow("entry:3", PartialDate.of(2021, 7), "Wilhelmina Oakes asked the harbour trust about the"
                        " dredging of the eastern channel and the cost of the survey", EntryKind.EVENT, (), ())
    text, width = bar_label(one, fm)
    assert text == "Wilhelmina Oakes asked the harbour trust about…"  # cut at a word
    assert " ".join(entry_tooltip(one).split()).endswith("and the cost of the survey")  # the whole of it in the tooltip
    assert len(text) <= SUMMARY_CHARS + 1 and width <= MAX_LABEL
    short = ChronologyRow("entry:2", PartialDate.of(2021, 7), "The board\nmet.", EntryKind.EVENT, (), ())
    text, width = bar_label(short, fm)
    assert text == "The board met." and 0 < width < MAX_LABEL
