"""File > Export Briefing… in the real window: the dialog from the saved draft, the export on its
worker thread with progress and Cancel, failures, and the preview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QKeySequence
from test_briefing_support import build_sample_dossier, copy_dossier, outline_items, sample_options
from test_gui_support import ui_settings

from dossier.domain.briefing import BriefingOptions, BriefingScope, Marking, Section
from dossier.services import open_services
from dossier.ui.briefing import BriefingExporter, install_briefing_action
from dossier.ui.dialogs.briefing_dialog import BriefingDialog
from dossier.ui.main_window import MainWindow

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "resources" / "sample"
EXPORT_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def sample_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("briefing-gui") / "sample.dossier"
    build_sample_dossier(path, SAMPLE_DIR)
    return path


@pytest.fixture
def dossier(tmp_path: Path, sample_source: Path) -> Path:
    return copy_dossier(sample_source, tmp_path / "case.dossier")


def _window(qtbot, tmp_path: Path) -> MainWindow:
    window = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(window)
    return window


def _exporter(action) -> BriefingExporter:
    return action.exporter


def test_the_menu_item_sits_before_quit_and_needs_a_dossier(qtbot, tmp_path, dossier):
    window = _window(qtbot, tmp_path)
    action = install_briefing_action(window)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert texts.index("Export &Briefing\u2026") < texts.index("&Quit")
    assert action.shortcut() == QKeySequence("Ctrl+Shift+E")
    assert not action.isEnabled()
    assert window.open_dossier(dossier)
    assert action.isEnabled()


def test_dialog_starts_from_the_draft_and_exports_on_a_worker(qtbot, tmp_path, dossier):
    services = open_services(dossier)
    try:
        services.briefing.save_draft(sample_options(
            as_at=dt.date(2014, 8, 1), summary="From the draft", scope=BriefingScope(tags=("Deadlines",)),
            sections=(Section.ACTIONS, Section.EXTRACTS)))
    finally:
        services.close()
    window = _window(qtbot, tmp_path)
    action = install_briefing_action(window)
    assert window.open_dossier(dossier)
    exporter = _exporter(action)
    action.trigger()
    dialog = exporter.dialog
    assert isinstance(dialog, BriefingDialog) and dialog.isVisible()
    # prefilled from the draft, as at the draft's date
    assert dialog.title.text() == "Children's services: progress of the intervention"
    assert dialog.summary.toPlainText() == "From the draft"
    assert dialog.tag_list.chosen() == ["Deadlines"]
    assert dialog.options().marking is Marking.OFFICIAL_SENSITIVE
    assert not dialog.section_boxes[Section.CHRONOLOGY].isChecked()
    assert dialog.section_boxes[Section.SOURCES].isChecked() and not dialog.section_boxes[Section.SOURCES].isEnabled()
    assert dialog.as_at.date().toPython() == dt.date(2014, 8, 1)
    assert dialog.issue.toPlainText() == sample_options().issue and dialog.due_within.value() == 4
    assert dialog.out_path().parent == dossier.parent and dialog.out_path().suffix == ".pdf"
    # the official edits it and exports
    dialog.as_at.setDate(dt.date(2014, 8, 1))
    dialog.title.setText("Weekly <note> & update")
    dialog.section_boxes[Section.CHRONOLOGY].setChecked(True)
    dialog.section_boxes[Section.KEY_MESSAGES].setChecked(True)
    dialog.key_messages.setPlainText("- First\n- Second")
    target = tmp_path / "weekly.pdf"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(exporter.finished, timeout=EXPORT_TIMEOUT_MS) as blocker:
        dialog.export_button.click()
    result, error, cancelled = blocker.args
    assert (error, cancelled) == ("", False)
    assert Path(result.path) == target and target.exists()
    reader = PdfReader(target)
    titles = [t for t, level, _ in outline_items(reader) if level == 0]
    assert titles == ["Weekly <note> & update", "Lines to take", "Open actions", "Annex A: Other open actions",
                      "Annex B: Chronology", "Annex C: Annotated extracts", "Annex D: Sources"]
    # the preview shows it
    preview = exporter.preview
    assert preview is not None and preview.isVisible()
    qtbot.waitUntil(lambda: preview.page_count == len(reader.pages), timeout=10_000)
    assert "Annex B: Chronology" in preview.bookmark_titles()
    assert preview.open_button.text() == "Open in System Viewer"
    # the draft now holds what was exported
    services = open_services(dossier)
    try:
        draft = services.briefing.load_draft()
        assert draft.title == "Weekly <note> & update" and draft.key_messages == "- First\n- Second"
        assert services.briefing.last_export().file_name == "weekly.pdf"
    finally:
        services.close()
    preview.close()


def test_save_draft_without_exporting(qtbot, tmp_path, dossier):
    window = _window(qtbot, tmp_path)
    action = install_briefing_action(window)
    assert window.open_dossier(dossier)
    dialog = _exporter(action).open_dialog()
    dialog.title.setText("Kept")
    dialog.lines_to_take.setPlainText("1. Say this")
    dialog.draft_button.click()
    assert "Draft saved" in dialog.last_export.text()
    dialog.reject()
    draft = window.services.briefing.load_draft()
    assert (draft.title, draft.lines_to_take) == ("Kept", "1. Say this")


def test_the_dialog_will_not_export_without_a_title_or_a_folder(qtbot, tmp_path, dossier):
    window = _window(qtbot, tmp_path)
    action = install_briefing_action(window)
    assert window.open_dossier(dossier)
    dialog = _exporter(action).open_dialog()
    dialog.title.setText("  ")
    dialog.tabs.setCurrentIndex(3)
    dialog.export_button.click()
    assert dialog.isVisible() and dialog.error.text() == "Give the briefing a title."
    assert dialog.tabs.currentIndex() == 0
    dialog.title.setText("Fine")
    dialog.path.setText(str(tmp_path / "missing" / "b.pdf"))
    dialog.export_button.click()
    assert dialog.isVisible() and "does not exist" in dialog.error.text()
    assert _exporter(action).job is None


def test_cancel_stops_the_export_and_writes_nothing(qtbot, tmp_path, dossier):
    window = _window(qtbot, tmp_path)
    action = install_briefing_action(window)
    assert window.open_dossier(dossier)
    exporter = _exporter(action)
    exporter.started.connect(lambda job: job.cancel())  # before its thread even starts
    target = tmp_path / "cancelled.pdf"
    with qtbot.waitSignal(exporter.finished, timeout=EXPORT_TIMEOUT_MS) as blocker:
        job = exporter.start(sample_options(), target)
        assert job is not None and exporter.progress is not None
        assert not action.isEnabled()  # one export at a time
    result, error, cancelled = blocker.args
    assert (result, error, cancelled) == (None, "", True)
    assert not target.exists() and [p.name for p in tmp_path.glob("*.part")] == []
    assert exporter.job is None and exporter.progress is None
    assert window.services.briefing.last_export() is None


def test_a_failed_export_says_why(qtbot, tmp_path, dossier, monkeypatch):
    window = _window(qtbot, tmp_path)
    action = install_briefing_action(window)
    assert window.open_dossier(dossier)
    exporter = _exporter(action)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(exporter, "_message", lambda icon, title, text: shown.append((title, text)))
    target = tmp_path / "gone" / "briefing.pdf"
    with qtbot.waitSignal(exporter.finished, timeout=EXPORT_TIMEOUT_MS) as blocker:
        exporter.start(sample_options(), target)
    result, error, cancelled = blocker.args
    assert result is None and not cancelled
    assert str(target) in error and "does not exist" in error
    assert shown == [("The briefing was not exported", error)]
    assert exporter.preview is None


def test_closing_the_window_mid_export_stops_it(qtbot, tmp_path, dossier):
    window = _window(qtbot, tmp_path)
    action = install_briefing_action(window)
    assert window.open_dossier(dossier)
    exporter = _exporter(action)
    job = exporter.start(sample_options(), tmp_path / "b.pdf")
    thread = job.worker_thread
    window.close()
    assert thread.isFinished() or thread.wait(10_000)


def test_the_dialog_sets_the_issue_the_recommendation_and_the_weeks_ahead(qtbot, tmp_path):
    from dossier.ui.dialogs.briefing_dialog import BriefingChoices

    options = sample_options(issue="Whether to act now.", recommendation="That you agree.", due_within_weeks=6)
    dialog = BriefingDialog(options, BriefingChoices(), tmp_path / "b.pdf")
    qtbot.addWidget(dialog)
    assert dialog.issue.toPlainText() == "Whether to act now."
    assert dialog.recommendation.toPlainText() == "That you agree."
    assert dialog.due_within.value() == 6 and dialog.due_within.suffix() == " weeks"
    dialog.issue.setPlainText("  Whether to write to the board.  ")
    dialog.recommendation.setPlainText("")
    dialog.due_within.setValue(0)
    assert dialog.due_within.text() == "Overdue only"
    chosen = dialog.options()
    assert (chosen.issue, chosen.recommendation, chosen.due_within_weeks) == ("Whether to write to the board.", "", 0)
    dialog.due_within.setValue(99)  # held to a year
    assert dialog.options().due_within_weeks == 52
    # a briefing with no date of its own shows the day it will be as at
    undated = BriefingDialog(BriefingOptions(as_at=dt.date(2021, 5, 20)), BriefingChoices(), tmp_path / "c.pdf")
    qtbot.addWidget(undated)
    assert undated.as_at.date().toPython() == dt.date(2021, 5, 20)
    assert undated.options().due_within_weeks == 4


def test_the_dialog_starts_as_at_the_latest_paper_without_a_draft(qtbot, tmp_path, dossier):
    window = _window(qtbot, tmp_path)
    action = install_briefing_action(window)
    assert window.open_dossier(dossier)
    dialog = _exporter(action).open_dialog()
    assert dialog.as_at.date().toPython() == dt.date(2014, 5, 23)  # the sample's latest letter
    dialog.reject()
