"""The lazy documents model over a real dossier of 1,000 documents: rows are fetched in blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dossier.services import Services
from dossier.ui.models.documents_model import BLOCK_SIZE, DATE, TITLE, UNDATED, DocumentIdRole, DocumentsModel
from dossier.ui.views.documents_panel import DocumentsPanel

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
COUNT = 1000


@pytest.fixture(scope="module")
def big_dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,000 small letters filed through the services once for this module; the file is copied per test."""
    from dossier.services import open_services

    folder = tmp_path_factory.mktemp("many")
    for n in range(COUNT):
        date = f"{n % 28 + 1} {MONTHS[n % 12]} {2000 + n % 20}" if n % 10 else "Some day"
        (folder / f"letter{n:04d}.txt").write_text(
            f"{date}\n\nDear Ms Smith,\n\nThis is letter number {n}.\n\nYours sincerely,\n\nJohn Brown\nDirector\n",
            encoding="utf-8")
    path = tmp_path_factory.mktemp("db") / "many.dossier"
    services = open_services(path)
    try:
        results = services.documents.file_paths([folder])
        assert sum(r.document_id is not None for r in results) == COUNT
    finally:
        services.close()
    return path


@pytest.fixture
def many(big_dossier: Path) -> Services:
    from dossier.services import open_services

    s = open_services(big_dossier)
    yield s
    s.close()


def test_model_fetches_rows_in_blocks(qtbot, many: Services) -> None:
    model = DocumentsModel()
    model.set_service(many.documents)
    assert model.rowCount() == COUNT
    assert model.columnCount() == 6  # date, kind, title, from, to, reviewed
    assert model.cached_row_count == 0  # opening fetched ids only

    first = model.data(model.index(0, DATE))
    assert first != UNDATED
    assert model.cached_row_count == BLOCK_SIZE
    model.data(model.index(10, TITLE))
    assert model.cached_row_count == BLOCK_SIZE  # same block, no new fetch
    model.data(model.index(COUNT - 1, DATE))
    assert model.cached_row_count == BLOCK_SIZE + (COUNT - 3 * BLOCK_SIZE)
    assert model.cached_row_count < COUNT
    assert model.data(model.index(COUNT - 1, DATE)) == UNDATED  # undated sort last
    assert model.data(model.index(COUNT - 1, DATE), Qt.ItemDataRole.ForegroundRole) is not None
    assert isinstance(model.data(model.index(5, 0), DocumentIdRole), int)


def test_sort_requery_forgets_the_cache(qtbot, many: Services) -> None:
    model = DocumentsModel()
    model.set_service(many.documents)
    ascending_first = model.id_at(0)
    model.data(model.index(0, DATE))
    model.sort(DATE, Qt.SortOrder.DescendingOrder)
    assert model.cached_row_count == 0
    assert model.id_at(0) != ascending_first
    assert model.data(model.index(0, DATE)) == "28 Dec 2019"
    assert model.data(model.index(COUNT - 1, DATE)) == UNDATED  # undated stay last
    model.set_filter("letter0999")
    assert model.rowCount() == 1
    row = model.document_row(0)
    assert row is not None and row.file_name == "letter0999.txt"


def test_table_view_asks_only_for_visible_rows(qtbot, many: Services) -> None:
    model = DocumentsModel()
    panel = DocumentsPanel(model)
    qtbot.addWidget(panel)
    panel.resize(700, 500)
    model.set_service(many.documents)
    panel.show()
    qtbot.waitExposed(panel)
    panel.table.viewport().repaint()  # painted now: the rows it shows are asked for (no waiting on a timer)
    assert model.rowCount() == COUNT
    assert 0 < model.cached_row_count <= BLOCK_SIZE
    panel.table.scrollToBottom()
    panel.table.viewport().repaint()
    assert model.cached_row_count <= 2 * BLOCK_SIZE
