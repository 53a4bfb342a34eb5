"""The search box (Ctrl+K) and hit stepping (F3 / Shift+F3) in the real window over real dossiers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_gui_support import ui_settings

from dossier.domain.dates import PartialDate
from dossier.domain.query import HIT_END, HIT_START, SearchHit
from dossier.domain.records import ParagraphSpan
from dossier.services import Services, open_services
from dossier.services.sample import build_sample
from dossier.ui.main_window import MainWindow
from dossier.ui.views.hit_navigator import CURRENT_BG, HIT_BG, HitNavigator
from dossier.ui.views.paragraph_text import ParagraphTextEdit
from dossier.ui.views.search_panel import HtmlRole, SearchPanel, hit_html, install_search, snippet_html

NEWS_ARTICLE = "004_e71f9937f2b5a2c7.txt"


@pytest.fixture
def sample_path(dossier_path: Path, sample_dir: Path) -> Path:
    services = open_services(dossier_path)
    try:
        build_sample(services.documents, sample_dir)
    finally:
        services.close()
    return dossier_path


@pytest.fixture
def sample(sample_path: Path):
    services = open_services(sample_path)
    yield services
    services.close()


@pytest.fixture
def panel(qtbot, sample: Services) -> SearchPanel:
    p = SearchPanel(source=sample.search)
    qtbot.addWidget(p)
    p.resize(600, 400)
    p.show()
    return p


def test_snippets_become_escaped_rich_text() -> None:
    html = snippet_html(f"a <b>&amp; {HIT_START}<i>hit</i>{HIT_END} and\n  {HIT_START}more{HIT_END}")
    assert "<b>" not in html and "&lt;b&gt;&amp;amp;" in html
    assert html.count("<span") == 2
    assert '">&lt;i&gt;hit&lt;/i&gt;</span>' in html and '">more</span>' in html
    hit = SearchHit(1, "Title <x>", "f.txt", PartialDate.parse_iso("2014-05-23"), "plain", 1.0, "note")
    assert "Title &lt;x&gt;" in hit_html(hit) and "23 May 2014" in hit_html(hit) and "in a note" in hit_html(hit)


def test_typing_searches_after_a_pause_and_the_keys_choose(qtbot, panel: SearchPanel, sample: Services) -> None:
    qtbot.keyClicks(panel.line, '"inspection of progress"')
    qtbot.waitUntil(lambda: len(panel.hits) == 2, timeout=3000)
    assert panel.count.text() == "2 documents"
    assert panel.current_row == 0
    html = panel.model.index(0, 0).data(HtmlRole)
    assert '<span style="background-color' in html and "inspection of progress</span>" in html
    qtbot.keyClick(panel.line, Qt.Key.Key_Down)
    assert panel.current_row == 1
    qtbot.keyClick(panel.line, Qt.Key.Key_Down)
    assert panel.current_row == 1  # stays on the last
    qtbot.keyClick(panel.line, Qt.Key.Key_Up)
    assert panel.current_row == 0
    qtbot.keyClick(panel.line, Qt.Key.Key_Down)
    second = panel.hits[1].document_id
    with qtbot.waitSignal(panel.open_hit, timeout=2000) as blocker:
        qtbot.keyClick(panel.line, Qt.Key.Key_Return)
    assert blocker.args == [second, '"inspection of progress"']
    assert not panel.isVisible()


def test_enter_before_the_pause_searches_and_opens_the_first(qtbot, panel: SearchPanel) -> None:
    panel.line.setText("Ofsted")
    with qtbot.waitSignal(panel.open_hit, timeout=2000) as blocker:
        qtbot.keyClick(panel.line, Qt.Key.Key_Return)
    assert blocker.args[0] == panel.hits[0].document_id and blocker.args[1] == "Ofsted"


def test_a_bad_query_is_explained_inline(qtbot, panel: SearchPanel) -> None:
    qtbot.keyClicks(panel.line, "kind:poem")
    qtbot.waitUntil(lambda: panel.message.isVisible(), timeout=3000)
    assert panel.message.text().startswith("kind:poem is not a kind of document")
    assert panel.hits == () and panel.model.rowCount() == 0
    panel.line.clear()
    qtbot.keyClicks(panel.line, '"inspection of progress')  # forgiven: the quote is closed
    qtbot.waitUntil(lambda: len(panel.hits) == 2, timeout=3000)
    assert not panel.message.isVisible()
    panel.line.setText("zzzqqq")
    panel.run_search()
    assert panel.count.text() == "No documents found" and not panel.message.isVisible()


def test_escape_closes(qtbot, panel: SearchPanel) -> None:
    qtbot.keyClick(panel.line, Qt.Key.Key_Escape)
    assert not panel.isVisible()


# -- hits in the reader ---------------------------------------------------------------------------

def test_navigator_highlights_every_hit_and_steps_with_wrapping(qtbot) -> None:
    text = "😀 one budget.\n\n𝒜 two budget, three budget."
    edit = ParagraphTextEdit()
    qtbot.addWidget(edit)
    edit.set_document(text, (ParagraphSpan(1, 0, 14), ParagraphSpan(2, 16, len(text))))
    navigator = HitNavigator(edit)
    spans = [(i, i + 6) for i in range(len(text)) if text.startswith("budget", i)]
    assert len(spans) == 3
    navigator.set_hits(spans)
    layer = edit.highlight_layer("hits")
    assert len(layer) == 3
    assert [s.cursor.selectedText() for s in layer] == ["budget"] * 3
    assert [s.format.background().color() for s in layer] == [CURRENT_BG, HIT_BG, HIT_BG]
    assert navigator.current == 0 and edit.selected_span() == spans[0]
    navigator.next()
    navigator.next()
    assert navigator.current == 2 and edit.selected_span() == spans[2]
    navigator.next()  # wraps to the first
    assert navigator.current == 0
    navigator.previous()  # and back to the last
    assert navigator.current == 2 and edit.textCursor().selectedText() == "budget"
    assert [s.format.background().color() for s in edit.highlight_layer("hits")] == [HIT_BG, HIT_BG, CURRENT_BG]
    edit.mentions.set_mentions([])  # other layers leave the hits alone
    assert len(edit.highlight_layer("hits")) == 3
    edit.set_document(text, (ParagraphSpan(1, 0, 14), ParagraphSpan(2, 16, len(text))))  # shown again
    assert navigator.count == 3 and len(edit.highlight_layer("hits")) == 3
    edit.set_document("Another document.", (ParagraphSpan(1, 0, 17),))
    assert navigator.count == 0 and edit.highlight_layer("hits") == []
    assert not navigator.next()


@pytest.fixture
def window(qtbot, tmp_path: Path, sample_path: Path) -> MainWindow:
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    w.show()
    assert w.open_dossier(sample_path)
    return w


def test_ctrl_k_opens_a_result_at_its_hits_and_f3_steps_through_them(qtbot, window: MainWindow) -> None:
    controller = window.search  # installed by the window itself
    panel, navigator = controller.panel, controller.navigator
    assert controller.action.shortcut().toString() == "Ctrl+K"
    window.activateWindow()
    controller.action.trigger()
    assert panel.isVisible() and QApplication.focusWidget() is panel.line
    qtbot.keyClicks(panel.line, "Ofsted")
    qtbot.waitUntil(lambda: len(panel.hits) > 0, timeout=3000)
    first = panel.hits[0].document_id
    qtbot.keyClick(panel.line, Qt.Key.Key_Return)
    assert not panel.isVisible()
    assert window.reader.document_id == first
    text = window.reader.text.stored_text
    expected = [(i, i + 6) for i in range(len(text)) if text[i:i + 6].lower() == "ofsted"]
    assert navigator.hits == tuple(expected) and len(expected) > 1
    assert len(window.reader.text.highlight_layer("hits")) == len(expected)
    assert window.reader.text.selected_span() == expected[0]
    mentions = window.reader.text.mentions.mentions
    assert len(window.reader.text.highlight_layer("mentions")) == len(mentions)  # a layer of their own
    navigator.next_action.trigger()  # F3
    assert window.reader.text.selected_span() == expected[1]
    for _ in range(len(expected) - 1):
        navigator.next_action.trigger()
    assert window.reader.text.selected_span() == expected[0]  # wrapped
    navigator.previous_action.trigger()  # Shift+F3
    assert window.reader.text.selected_span() == expected[-1]
    assert navigator.next_action.shortcut().toString() == "F3"
    assert navigator.previous_action.shortcut().toString() == "Shift+F3"


def test_f3_keys_reach_the_navigator(qtbot, window: MainWindow, sample: Services) -> None:
    controller = window.search  # installed by the window itself
    files = {r.file_name: r.id for r in sample.documents.rows(sample.documents.ids())}
    controller.panel.open_hit.emit(files[NEWS_ARTICLE], "Birmingham")
    reader = window.reader.text
    assert window.reader.document_id == files[NEWS_ARTICLE]
    assert controller.navigator.count >= 3
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_F3)
    assert controller.navigator.current == 1
    qtbot.keyClick(reader, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert controller.navigator.current == 0
    # another document from the table: its text is not the hits' text, so they go
    other = next(i for f, i in files.items() if f != NEWS_ARTICLE)
    window.open_passage(other)
    assert controller.navigator.count == 0 and reader.highlight_layer("hits") == []


def test_a_result_found_by_its_note_opens_without_text_hits(qtbot, window: MainWindow, sample: Services) -> None:
    from dossier.domain.annotations import AnnotationFields

    files = {r.file_name: r.id for r in sample.documents.rows(sample.documents.ids())}
    sample.annotations.create_at_quote(files[NEWS_ARTICLE], "Birmingham", AnnotationFields(note="quokka"))
    controller = window.search  # installed by the window itself
    messages: list[str] = []
    window.context.status_message.connect(messages.append)
    controller.panel.line.setText("quokka")
    assert [h.where for h in controller.panel.run_search()] == ["note"]
    controller.panel.open_current()
    assert window.reader.document_id == files[NEWS_ARTICLE]
    assert controller.navigator.count == 0
    assert messages[-1].endswith("matched in a note")


def test_no_dossier_no_search(qtbot, tmp_path: Path) -> None:
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    controller = install_search(w)
    assert not controller.action.isEnabled()
    controller.action.trigger()
    assert not controller.panel.isVisible()
