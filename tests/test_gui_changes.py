"""Views refresh from the Changes a service reported: an edit made through a service and notified
updates the view showing it, and leaves alone a view that shows nothing it changed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_gui_support import file_letters, letter, span_of, ui_settings

from dossier.domain.annotations import AnnotationFields
from dossier.domain.changes import Changes, Kind
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionStatus, ActionType
from dossier.domain.register import ActionFields
from dossier.ui.main_window import MainWindow
from dossier.ui.models.actions_model import SUMMARY

SURVEY = letter("3 March 2022", "Ms Oriel Vantongeren will survey the slipway by 30 April 2022.",
                greeting="Dear Mr Pellingham,")
MINUTES = letter("9 May 2022", "The slipway survey reached the Trust today.", greeting="Dear Mr Pellingham,")


@pytest.fixture
def window(qtbot, tmp_path: Path, dossier_path: Path) -> MainWindow:
    file_letters(dossier_path, tmp_path / "letters", {"survey.txt": SURVEY, "minutes.txt": MINUTES})
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    assert w.open_dossier(dossier_path)
    return w


def summaries(window: MainWindow) -> list[str]:
    model = window.actions_page.model
    return [model.data(model.index(r, SUMMARY), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]


def test_an_edit_notified_with_its_changes_updates_the_actions_row(qtbot, window: MainWindow) -> None:
    services = window.services
    fields = ActionFields(type=ActionType.REPORT_DUE, summary="survey the slipway", owner_id=None,
                          addressed_to_id=None, due=PartialDate.of(2022, 4, 30), set_date=PartialDate.of(2022, 3, 3),
                          status=ActionStatus.OPEN, status_note=None, status_document_id=None)
    created = services.actions.create(fields)
    window.context.notify(created.changes)
    window.view_actions[2].trigger()  # View ▸ Actions
    assert summaries(window) == ["survey the slipway"]

    edited = services.actions.update(created.value, dataclasses.replace(fields, summary="survey the slipway again"))
    assert summaries(window) == ["survey the slipway"]  # the view holds what it read until it is told
    window.context.notify(edited.changes)
    assert summaries(window) == ["survey the slipway again"]


def test_changes_to_annotations_alone_do_not_reload_the_documents_list(qtbot, window: MainWindow) -> None:
    services = window.services
    page, model = window.documents_page, window.documents_page.model
    doc = services.documents.ids()[0]
    assert window.documents_panel.select_document(doc)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    start, end = span_of(services.documents.get(doc).text, "survey the slipway")
    done = services.annotations.create(doc, start, end, AnnotationFields(note="who pays?"))
    assert done.changes.kinds == {Kind.ANNOTATIONS}
    window.context.notify(done.changes)
    assert resets == []  # the list keeps its rows (and its scroll)
    assert [a.id for a in page.annotations_pane.rows] == [done.value.id]  # the reader's pane shows it

    window.context.notify(Changes.of(Kind.DOCUMENTS, [doc]))  # a change to the documents does reload it
    assert resets == [1]
