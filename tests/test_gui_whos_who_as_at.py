"""The Who's Who page as at a date shows the post each actor held then, remembers the date, and
lists the selected person's tenures with their start and end (invented letters, a real dossier)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_gui_support import ui_settings
from test_posts_service import accept_documents, file_case

from dossier.services import open_services
from dossier.ui.main_window import MainWindow
from dossier.ui.models.actors_model import NAME, POSTS
from dossier.ui.views.actions_filters import to_qdate
from dossier.ui.views.actors_page import AS_AT_KEY


@pytest.fixture
def filed(dossier_path: Path, tmp_path: Path) -> Path:
    services = open_services(dossier_path)
    try:
        case = file_case(services, tmp_path / "letters")
        accept_documents(services, list(case.values()))
    finally:
        services.close()
    return dossier_path


def posts_column(window: MainWindow) -> dict[str, str]:
    model = window.actors_page.model
    return {model.data(model.index(r, NAME)): model.data(model.index(r, POSTS)) for r in range(model.rowCount())}


def test_the_posts_column_shows_the_post_held_on_the_as_at_date(qtbot, tmp_path, filed):
    settings = ui_settings(tmp_path)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.open_dossier(filed)
    page = window.actors_page

    page.as_at_edit.setDate(to_qdate(dt.date(2014, 3, 20)))
    assert posts_column(window)["Ann Roe"] == "Head of Planning"
    assert posts_column(window)["Tom Bell"] == "Director of Place"
    assert page.model.headerData(POSTS, Qt.Orientation.Horizontal) == "Post on 20 Mar 2014"
    assert settings.text(AS_AT_KEY) == "2014-03-20"

    page.as_at_edit.setDate(to_qdate(dt.date(2014, 6, 10)))
    assert posts_column(window)["Ann Roe"] == "Director of Place"
    assert posts_column(window)["Tom Bell"] == ""

    assert page.show_actor(window.services.actors.find("Ann Roe"))
    facts = page.detail.facts.text()
    assert "Tenures" in facts
    assert "Head of Planning, 10 Jan 2014 (first letter) – 31 Mar 2014" in facts
    assert "Director of Place, from 1 Apr 2014" in facts

    page.today_button.click()
    assert page.as_at() == dt.date.today() and settings.text(AS_AT_KEY) == ""


def test_the_as_at_date_is_remembered(qtbot, tmp_path, filed):
    settings = ui_settings(tmp_path)
    settings.set_text(AS_AT_KEY, "2014-02-01")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.open_dossier(filed)
    assert window.actors_page.as_at() == dt.date(2014, 2, 1)
    assert posts_column(window)["Ann Roe"] == "Head of Planning"
    assert posts_column(window)["Tom Bell"] == ""  # his post is first named in a letter of March
