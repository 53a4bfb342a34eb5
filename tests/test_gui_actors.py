"""Actors in the GUI, over real dossier files: tagging in the reader, highlights, the who's who
(merge, split, rename, kind, delete, all undoable), keyword in context, and suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip
from test_gui_support import file_letters, letter, span_of, ui_settings

from dossier.db import actions_repo
from dossier.domain.findings import ActorKind
from dossier.services import open_services
from dossier.ui.dialogs.actor_dialogs import ActorDialog, MergeDialog, RenameDialog, SplitAliasDialog
from dossier.ui.main_window import MainWindow
from dossier.ui.models.actors_model import ALIASES, DOCUMENTS, KIND, NAME
from dossier.ui.style import theme

REVIEW = letter("14 February 2019",
                "I have asked Professor Tobias Quennell to chair the review of Wessex County Council. "
                "Quennell will report to me by 30 June 2019.\n\n"
                "Dr Miriam Achterberg will support the review.",
                greeting="Dear Dr Achterberg,")
REPORT = letter("2 July 2019", "The review by Tobias Quennell reached me today. Quennell thanks your staff.",
                greeting="Dear Minister,")
LETTERS = {"review.txt": REVIEW, "report.txt": REPORT}


@pytest.fixture
def docs(dossier_path: Path, tmp_path: Path) -> dict[str, int]:
    return file_letters(dossier_path, tmp_path / "letters", LETTERS)


@pytest.fixture
def window(qtbot, tmp_path: Path, dossier_path: Path, docs: dict[str, int]) -> MainWindow:
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    assert w.open_dossier(dossier_path)
    return w


def select_in_reader(window: MainWindow, doc_id: int, words: str, nth: int = 0) -> tuple[int, int]:
    assert window.documents_panel.select_document(doc_id)
    text = window.reader.text
    start, end = span_of(text.stored_text, words, nth)
    text.setTextCursor(text.cursor_for(start, end))
    return start, end


def highlight_at(window: MainWindow, start: int, end: int) -> QColor | None:
    """The background of the mention highlight covering exactly [start, end), if there is one."""
    text = window.reader.text
    wanted = text.cursor_for(start, end)
    for selection in text.extraSelections():
        if (selection.cursor.selectionStart(), selection.cursor.selectionEnd()) == (
                wanted.selectionStart(), wanted.selectionEnd()):
            return selection.format.background().color()
    return None


def names(window: MainWindow) -> list[str]:
    model = window.actors_page.model
    return [model.data(model.index(r, NAME)) for r in range(model.rowCount())]


def row_texts(window: MainWindow) -> list[tuple[str, ...]]:
    model = window.actors_page.model
    return [tuple(model.data(model.index(r, c)) for c in range(model.columnCount())) for r in range(model.rowCount())]


def select_actors(window: MainWindow, *actor_ids: int) -> None:
    page = window.actors_page
    page.table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for actor_id in actor_ids:
        page.table.selectionModel().select(page.model.index(page.model.row_of(actor_id), 0), flags)


def test_tag_a_selection_highlights_it_and_lists_the_actor_then_undo(qtbot, window: MainWindow,
                                                                    docs: dict[str, int]) -> None:
    page = window.documents_page
    assert page.tag_action in window.document_menu.actions()
    assert page.tag_action.shortcut().toString() == "Ctrl+T"
    assert not page.tag_action.isEnabled()  # nothing selected yet
    start, end = select_in_reader(window, docs["review.txt"], "Tobias Quennell")
    assert page.tag_action.isEnabled()

    page.tag_action.trigger()  # Document ▸ Tag Actor… (the reader's context menu has the same action)
    dialog = page.dialog
    assert isinstance(dialog, ActorDialog)
    assert dialog.name_edit.text() == "Tobias Quennell"  # pre-filled with the selection
    assert dialog.name_edit.completer().model().rowCount() > 0  # completes over the dossier's names
    dialog.set_kind(ActorKind.PERSON)
    dialog.accept()

    actors = window.services.actors
    actor_id = actors.find("Tobias Quennell")
    assert actor_id is not None
    assert highlight_at(window, start, end) == QColor(theme.PERSON_BG)
    [mention] = window.reader.text.mentions.mentions
    assert (mention.start, mention.end, mention.actor_name) == (start, end, "Tobias Quennell")
    # hovering the mention shows who it is
    window.show()
    qtbot.waitExposed(window)
    text = window.reader.text
    rect = text.cursorRect(text.cursor_for(start + 3, start + 3))
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), text.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(text.viewport(), event)
    assert "<b>Tobias Quennell</b>" in QToolTip.text() and "Person" in QToolTip.text()
    QToolTip.hideText()
    assert "Tobias Quennell" in names(window)
    row = window.actors_page.model.row_of(actor_id)
    assert window.actors_page.model.data(window.actors_page.model.index(row, KIND)) == "Person"
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Tag “Tobias Quennell” in D1"

    window.actions_.undo.trigger()  # Edit ▸ Undo
    assert highlight_at(window, start, end) is None
    assert window.reader.text.extraSelections() == []
    assert actors.find("Tobias Quennell") is None
    assert "Tobias Quennell" not in names(window)

    window.actions_.redo.trigger()
    assert highlight_at(window, start, end) == QColor(theme.PERSON_BG)
    assert "Tobias Quennell" in names(window)


def test_tag_an_organisation_and_an_existing_actor(qtbot, window: MainWindow, docs: dict[str, int]) -> None:
    page = window.documents_page
    start, end = select_in_reader(window, docs["review.txt"], "Wessex County Council")
    page.tag_action.trigger()
    page.dialog.set_kind(ActorKind.ORGANISATION)
    page.dialog.accept()
    assert highlight_at(window, start, end) == QColor(theme.ORGANISATION_BG)
    assert QColor(theme.ORGANISATION_BG) != QColor(theme.PERSON_BG)

    # "Quennell" in the second letter, tagged as the person tagged before: the words become an alias
    select_in_reader(window, docs["review.txt"], "Tobias Quennell")
    page.tag_action.trigger()
    page.dialog.accept()
    q_start, q_end = select_in_reader(window, docs["report.txt"], "Quennell", nth=1)
    page.tag_action.trigger()
    dialog = page.dialog
    dialog.name_edit.setText("Tobias Quennell")
    assert not dialog.kind.isEnabled()  # an existing actor keeps its kind
    assert "already in the who's who" in dialog.hint.text()
    dialog.accept()
    actor_id = window.services.actors.find("Tobias Quennell")
    assert window.services.actors.get(actor_id).row.aliases == ("Quennell",)
    assert highlight_at(window, q_start, q_end) == QColor(theme.PERSON_BG)
    model = window.actors_page.model
    assert model.data(model.index(model.row_of(actor_id), ALIASES)) == "Quennell"
    assert model.data(model.index(model.row_of(actor_id), DOCUMENTS)) == "2"


@pytest.fixture
def two_quennells(dossier_path: Path, docs: dict[str, int]) -> tuple[int, int]:
    """Tobias Quennell (letter 1) and a separate "T. Quennell" (the bare "Quennell" of letter 2)."""
    services = open_services(dossier_path)
    try:
        text1, text2 = (services.documents.get(docs[n]).text for n in ("review.txt", "report.txt"))
        a = services.actors.tag(docs["review.txt"], *span_of(text1, "Tobias Quennell"), name="Tobias Quennell").value
        b = services.actors.tag(docs["report.txt"], *span_of(text2, "Quennell", 1), name="T. Quennell").value
        return a.actor_id, b.actor_id
    finally:
        services.close()


def test_merge_two_actors_then_undo_restores_the_rows(qtbot, two_quennells: tuple[int, int], window: MainWindow,
                                                      docs: dict[str, int]) -> None:
    keep, drop = two_quennells
    page = window.actors_page
    window.view_actions[1].trigger()  # View ▸ Who's Who
    assert window.workspace.currentWidget() is page
    before = row_texts(window)
    assert {"Tobias Quennell", "T. Quennell"} <= set(names(window))

    select_actors(window, keep, drop)
    assert page.merge_action.isEnabled()
    page.merge_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, MergeDialog)
    assert sorted(r.id for r in dialog.rows) == sorted([keep, drop])
    dialog.set_keep(keep)
    dialog.accept()

    assert "T. Quennell" not in names(window)
    assert len(row_texts(window)) == len(before) - 1
    row = page.model.row_of(keep)
    assert page.model.data(page.model.index(row, ALIASES)) == "Quennell, T. Quennell"
    assert page.model.data(page.model.index(row, DOCUMENTS)) == "2"
    assert page.table.selected_ids() == [keep]
    assert page.detail.name.text() == "Tobias Quennell"
    assert page.detail.kwic.rowCount() == 2
    assert window.undo_stack.undoText() == "Merge “T. Quennell” into “Tobias Quennell”"
    # the reader shows the merged actor's name on the second letter's mention
    window.documents_panel.select_document(docs["report.txt"])
    assert [m.actor_name for m in window.reader.text.mentions.mentions] == ["Tobias Quennell"]

    window.actions_.undo.trigger()
    assert row_texts(window) == before
    assert [m.actor_name for m in window.reader.text.mentions.mentions] == ["T. Quennell"]
    window.actions_.redo.trigger()
    assert "T. Quennell" not in names(window)


def test_split_rename_change_kind_and_delete_are_undoable(qtbot, window: MainWindow,
                                                          two_quennells: tuple[int, int]) -> None:
    keep, drop = two_quennells
    page = window.actors_page
    assert page.merge(keep, [drop]) == 1
    select_actors(window, keep)

    page.split_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, SplitAliasDialog)
    assert [dialog.alias.itemText(i) for i in range(dialog.alias.count())] == ["Quennell", "T. Quennell"]
    dialog.alias.setCurrentIndex(1)
    dialog.accept()
    assert "T. Quennell" in names(window)
    assert window.services.actors.get(keep).row.aliases == ("Quennell",)
    assert page.table.selected_ids() == [window.services.actors.find("T. Quennell")]  # the new actor is shown
    window.actions_.undo.trigger()
    assert "T. Quennell" not in names(window)
    assert set(window.services.actors.get(keep).row.aliases) == {"Quennell", "T. Quennell"}

    select_actors(window, keep)
    page.rename_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, RenameDialog)
    window.services.actors.create("Rosalind Featherstone")
    dialog.name_edit.setText("Rosalind Featherstone")  # someone else's name: refused, with a pointer to Merge
    dialog.accept()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and boxes[0].text() == "“Rosalind Featherstone” is already in the who's who."
    boxes[0].accept()
    assert window.services.actors.get(keep).row.name == "Tobias Quennell"
    assert not window.undo_stack.undoText().startswith("Rename")

    page.rename_action.trigger()
    dialog = page.dialog
    dialog.name_edit.setText("Sir Tobias Quennell")
    dialog.accept()
    assert "Sir Tobias Quennell" in names(window)
    window.actions_.undo.trigger()
    assert "Tobias Quennell" in names(window) and "Sir Tobias Quennell" not in names(window)

    select_actors(window, keep)
    page.kind_actions[ActorKind.ORGANISATION].trigger()
    row = page.model.row_of(keep)
    assert page.model.data(page.model.index(row, KIND)) == "Organisation"
    window.actions_.undo.trigger()
    assert page.model.data(page.model.index(page.model.row_of(keep), KIND)) == "Person"

    select_actors(window, keep)
    before = row_texts(window)
    page.delete_action.trigger()
    box = page.dialog
    assert isinstance(box, QMessageBox)
    assert box.text() == "Delete “Tobias Quennell” from the who's who?"
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    delete.click()
    assert "Tobias Quennell" not in names(window)
    window.actions_.undo.trigger()
    assert row_texts(window) == before


def test_kwic_double_click_opens_the_passage(qtbot, two_quennells: tuple[int, int], window: MainWindow,
                                             docs: dict[str, int]) -> None:
    keep, drop = two_quennells
    window.actors_page.merge(keep, [drop])
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.show_actor(keep)
    detail = window.actors_page.detail
    kwic = detail.kwic
    assert kwic.rowCount() == 2
    rows = [kwic.mention(r) for r in range(kwic.rowCount())]
    assert [(m.document_id, m.text) for m in rows] == [(docs["review.txt"], "Tobias Quennell"),
                                                        (docs["report.txt"], "Quennell")]
    assert kwic.data(kwic.index(1, 3)) == "Quennell"
    assert kwic.data(kwic.index(1, 2)).endswith("Tobias Quennell reached me today.")
    second = rows[1]

    index = kwic.index(1, 3)
    rect = detail.table.visualRect(index)
    qtbot.mouseClick(detail.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(detail.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert window.workspace.currentWidget() is window.documents_page
    assert window.documents_panel.current_id == docs["report.txt"]
    text = window.reader.text
    assert text.selected_span() == (second.start, second.end)
    assert text.textCursor().selectedText() == "Quennell"
    assert text.stored_text[second.start:second.end] == "Quennell"


def suggestion_items(window: MainWindow) -> list[tuple[str, str, dict]]:
    services = open_services(window.services.path)
    try:
        text = services.documents.get(1).text
    finally:
        services.close()
    a_start, a_end = span_of(text, "Miriam Achterberg")
    q_start, q_end = span_of(text, "Tobias Quennell")
    return [
        ("actor", "actor:person:miriam achterberg", "Miriam Achterberg",
         {"name": "Miriam Achterberg", "kind": "person", "forms": ["Dr Miriam Achterberg"], "posts": [],
          "mentions": [[a_start, a_end, "Miriam Achterberg"]]}),
        ("actor", "actor:person:tobias quennell", "Tobias Quennell",
         {"name": "Tobias Quennell", "kind": "person", "forms": ["Professor Tobias Quennell"], "posts": ["chair"],
          "mentions": [[q_start, q_end, "Tobias Quennell"]]}),
        ("action", "action:report due:2019-06-30:abc", "Report due: report to the Minister — due by 30 Jun 2019",
         {"type": "report due", "summary": "report to the Minister", "sentence": "Quennell will report to me.",
          "start": q_start, "end": q_end + 40, "owner": "Tobias Quennell", "addressed_to": None,
          "due": {"value": "2019-06-30", "precision": "day", "qualifier": "by", "text": "by 30 June 2019"},
          "due_text": "by 30 June 2019"}),
    ]


def replace_pending(window: MainWindow, doc_id: int, items: list) -> int:
    with window.services.dossier.sessions.begin() as session:
        return actions_repo.replace_pending(session, doc_id, items)


def test_accept_and_reject_suggestions(qtbot, window: MainWindow, docs: dict[str, int]) -> None:
    doc = docs["review.txt"]
    items = suggestion_items(window)
    replace_pending(window, doc, items)
    window.documents_panel.select_document(doc)
    page = window.documents_page
    panel = page.suggestions
    page.refresh_suggestions()
    assert page.bottom_tabs.tabText(1) == "Suggestions  3"
    assert [panel.tree.topLevelItem(n).text(0) for n in range(panel.tree.topLevelItemCount())] == [
        "Actors  ·  2", "Actions  ·  1"]
    assert [i.text(0) for i in panel.suggestion_items()] == [
        "Miriam Achterberg", "Tobias Quennell", "Report due: report to the Minister — due by 30 Jun 2019"]
    window.refresh_status()
    total = len(window.services.suggestions.pending())  # filing may have made some for the other letter
    assert total >= 3
    assert window.counts_label.text().endswith(f"· {total} suggestions")

    # accept Miriam Achterberg (the Accept button): highlighted in the reader, listed in the who's who
    achterberg = next(s for s in panel.rows if s.label == "Miriam Achterberg")
    panel.select([achterberg.id])
    assert panel.accept_button.isEnabled()
    panel.accept_button.click()
    a_start, a_end = span_of(window.reader.text.stored_text, "Miriam Achterberg")
    assert highlight_at(window, a_start, a_end) == QColor(theme.PERSON_BG)
    assert "Miriam Achterberg" in names(window)
    assert panel.suggestion_items()[0].text(0) == "Tobias Quennell"
    assert window.counts_label.text().endswith(f"· {total - 1} suggestions")

    # reject Tobias Quennell with the keyboard (Delete on the list)
    window.show()
    qtbot.waitExposed(window)
    page.bottom_tabs.setCurrentWidget(panel)
    quennell = next(s for s in panel.rows if s.label == "Tobias Quennell")
    panel.select([quennell.id])
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus, timeout=3000)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert [s.label for s in panel.rows] == [items[2][2]]
    assert window.undo_stack.undoText() == "Reject “Tobias Quennell”"

    # analysing again does not bring back what was decided: accepted here, rejected anywhere
    assert replace_pending(window, doc, items) == 1
    assert [s.label for s in window.services.suggestions.pending(doc)] == [items[2][2]]

    # undo the reject, then the accept
    window.actions_.undo.trigger()
    pending = {s.label for s in window.services.suggestions.pending(doc)}
    assert "Tobias Quennell" in pending
    window.actions_.undo.trigger()
    assert highlight_at(window, a_start, a_end) is None
    assert "Miriam Achterberg" not in names(window)
    assert "Miriam Achterberg" in {s.label for s in window.services.suggestions.pending(doc)}
    assert window.services.actors.find("Miriam Achterberg") is None


def test_accept_all_is_one_undo_step(qtbot, window: MainWindow, docs: dict[str, int]) -> None:
    doc = docs["review.txt"]
    replace_pending(window, doc, suggestion_items(window))
    window.documents_panel.select_document(doc)
    page = window.documents_page
    page.refresh_suggestions()
    assert page.accept_all_action.isEnabled()
    page.suggestions.accept_all_button.click()
    assert page.suggestions.rows == []
    assert page.bottom_tabs.tabText(1) == "Suggestions"
    assert {"Miriam Achterberg", "Tobias Quennell"} <= set(names(window))
    [action] = window.services.actions.rows(window.services.actions.ids())
    assert (action.summary, action.owner, action.document_id) == ("report to the Minister", "Tobias Quennell", doc)
    assert window.actions_page.model.rowCount() == 1
    assert len(window.reader.text.mentions.mentions) == 2
    assert window.undo_stack.count() == 1

    window.actions_.undo.trigger()
    assert len(page.suggestions.rows) == 3
    assert window.services.actions.ids() == []
    assert window.actions_page.model.rowCount() == 0
    assert window.reader.text.mentions.mentions == []


def test_whos_who_sorts_and_filters_by_requery(qtbot, two_quennells: tuple[int, int], window: MainWindow,
                                               docs: dict[str, int]) -> None:
    keep, drop = two_quennells
    window.actors_page.merge(keep, [drop])
    page = window.actors_page
    model, header = page.model, page.table.horizontalHeader()
    everyone = names(window)
    assert everyone == sorted(everyone, key=str.casefold)  # by name to start with
    page.table.sortByColumn(DOCUMENTS, Qt.SortOrder.AscendingOrder)
    counts = [int(model.data(model.index(r, DOCUMENTS))) for r in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)  # the service puts the most documents first
    assert counts[0] == 2 and "Tobias Quennell" in names(window)[:counts.count(2)]
    page.table.sortByColumn(ALIASES, Qt.SortOrder.AscendingOrder)  # not sortable: the sort stays
    assert header.sortIndicatorSection() == DOCUMENTS
    assert model.sort_column == DOCUMENTS

    page.filter_edit.setText("quenn")
    page.filter_edit.returnPressed.emit()
    assert names(window) == ["Tobias Quennell"]
    assert page.count_label.text() == "1 actor"
    page.filter_edit.setText("")
    page.filter_edit.returnPressed.emit()
    page.kind_filter.setCurrentIndex(2)  # Organisations
    page.kind_filter.activated.emit(2)
    assert names(window) == []
    page.kind_filter.setCurrentIndex(1)  # People
    page.kind_filter.activated.emit(1)
    assert "Tobias Quennell" in names(window)
