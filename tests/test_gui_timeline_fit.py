"""The timeline on a case with one letter misdated years before the rest: Fit shows the bulk of the
entries across the width and counts the outlier at the edge; what is painted over the lanes (axis
labels, the undated note, the "As at" badge, the markers) never overprints; empty lanes are hidden;
the date filter starts from the case's own range.

The letters are invented here and filed into a real dossier file.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_gui_support import file_letters, ui_settings

from dossier.domain.chronology import EntryFields, EntryKind
from dossier.ui.main_window import MainWindow
from dossier.ui.views.timeline_items import GUTTER, LEFT_PAD
from dossier.ui.views.timeline_scale import bulk_span


def letter(day: str, to: str, body: str) -> str:
    return (f"{to}\nHarbour Trust of Kellow Sound\n\n{day}\n\nDear {to},\n\n{body}\n\n"
            "Yours sincerely,\n\nOswin Tarrant\nMinister for Harbours\n")


LETTERS = {
    "a.txt": letter("3 February 2021", "Ms Ines Valcourt", "The dredging survey of the eastern channel begins soon."),
    "b.txt": letter("19 May 2021", "Mr Teodor Blom", "Thank you for the survey of the eastern channel."),
    "c.txt": letter("8 September 2021", "Ms Ines Valcourt", "The trust will publish the channel survey."),
    "d.txt": letter("22 November 2021", "Mr Teodor Blom", "The channel works are paused for the winter storms."),
    "e.txt": letter("14 March 2022", "Ms Ines Valcourt", "The channel works resume with a second dredger."),
    "f.txt": letter("30 June 2022", "Mr Teodor Blom", "The channel is open to shipping again."),
    "old.txt": letter("5 April 1996", "Ms Ines Valcourt", "The harbour trust keeps its charter."),
}


@pytest.fixture
def window(qtbot, tmp_path: Path, dossier_path: Path) -> MainWindow:
    file_letters(dossier_path, tmp_path / "letters", LETTERS)
    from dossier.services import open_services

    services = open_services(dossier_path)
    try:
        services.chronology.add_entry(EntryFields(None, "Ask the pilots about the buoys", EntryKind.OWN))
    finally:
        services.close()
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    assert w.open_dossier(dossier_path)
    w.view_actions[3].trigger()  # View ▸ Chronology
    w.resize(1280, 820)
    w.show()
    qtbot.waitExposed(w)
    page = w.chronology_page
    page.splitter.setSizes([640, 640])
    qtbot.waitUntil(lambda: abs(page.timeline.viewport().width() - 640) < 40)
    page.timeline.fit_all()
    return w


def visible_bars(timeline) -> list:
    sx, width = timeline.horizontalScrollBar().value(), timeline.viewport().width()
    return [i for i in timeline.entry_items() if i.bar_rect.right() > sx + GUTTER and i.bar_rect.left() < sx + width]


def test_bulk_span_leaves_out_an_outlier_years_away() -> None:
    d = dt.date
    months = [(d(2021, m, 1), d(2021, m, 28), 2) for m in range(1, 13)]
    assert bulk_span([(d(1996, 4, 1), d(1996, 4, 30), 1), *months]) == (1, 12)
    assert bulk_span([*months, (d(2049, 1, 1), d(2049, 1, 31), 1)]) == (0, 11)
    assert bulk_span(months) == (0, 11)  # nothing far away: everything
    # an old letter and the event it dates a month later: two groups, left out together
    old_letter = [(d(1996, 3, 12), d(1996, 3, 12), 1), (d(1996, 4, 1), d(1996, 4, 30), 1)]
    assert bulk_span([*old_letter, *months]) == (2, 13)
    # but not when they are more than a tenth of the entries
    assert bulk_span([*old_letter, *months[:6]]) == (0, 7)
    # two entries far apart are the whole case, not an outlier and a bulk
    assert bulk_span([(d(2020, 3, 1), d(2020, 3, 31), 1), (d(2021, 8, 1), d(2021, 8, 31), 1)]) == (0, 1)


def test_fit_spreads_the_bulk_across_the_width_and_counts_the_outlier(qtbot, window: MainWindow) -> None:
    timeline = window.chronology_page.timeline
    width = timeline.viewport().width()
    bars = visible_bars(timeline)
    sx = timeline.horizontalScrollBar().value()
    bulk = [i.bar_rect.center().x() for i in bars if timeline.time_scale.day_at(i.bar_rect.left()).year >= 2021]
    assert len(bulk) == 6
    spread = (max(bulk) - min(bulk)) / (width - LEFT_PAD)
    assert spread > 0.6, spread  # 2021-2022 across most of the width, not squeezed by 1996
    assert len(bars) == 6  # the 1996 letter is beyond the left edge
    assert timeline.beyond() == (1, 0)
    marker = next(o for o in timeline.overlays() if o.kind == "earlier")
    assert marker.text == "◀ 1 earlier (1996)"
    assert marker.rect.left() >= GUTTER  # at the left edge, clear of the lane names
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=marker.rect.center().toPoint())
    assert timeline.horizontalScrollBar().value() < sx  # scrolled to the earlier entry
    assert any(timeline.time_scale.day_at(i.bar_rect.left()).year == 1996 for i in visible_bars(timeline))
    assert timeline.beyond()[0] == 0


def test_nothing_painted_over_the_lanes_overprints(qtbot, window: MainWindow) -> None:
    page = window.chronology_page
    timeline = page.timeline
    seen: set[str] = set()

    def check() -> None:
        overlays = timeline.overlays()
        seen.update(o.kind for o in overlays)
        for a, b in itertools.combinations(overlays, 2):
            assert not a.rect.intersects(b.rect), (a, b)

    for day in (dt.date(2021, 1, 20), dt.date(2021, 9, 10), dt.date(2022, 6, 29)):  # the badge near each edge
        page.timeline_panel.set_as_at(day)
        timeline.fit_all()
        check()
        timeline.select_key(timeline.entry_items()[0].key)
        for _ in range(8):  # zoomed in to days: the month header sticks to the left
            timeline.zoom_in()
            check()
            bar = timeline.horizontalScrollBar()
            for value in range(bar.minimum(), bar.maximum(), max(1, (bar.maximum() - bar.minimum()) // 9)):
                bar.setValue(value)
                check()
    assert {"upper", "lower", "corner", "note", "as_at", "earlier", "later"} <= seen
    page.splitter.setSizes([1000, 280])  # a narrow timeline: the markers and the badge still keep apart
    qtbot.waitUntil(lambda: timeline.viewport().width() < 320)
    for day in (dt.date(2021, 1, 20), dt.date(2021, 11, 1)):
        page.timeline_panel.set_as_at(day)
        timeline.fit_all()
        for _ in range(4):
            timeline.zoom_in()
            check()


def test_empty_lanes_are_hidden(window: MainWindow) -> None:
    timeline = window.chronology_page.timeline
    labels = [lane.label for lane in timeline.lanes()]
    assert "Documents" in labels and "Own entries" not in labels  # the own entry is undated: not drawn
    assert all(lane.count for lane in timeline.lanes())


def test_the_date_filter_starts_from_the_case_range(window: MainWindow) -> None:
    page = window.chronology_page
    filters = page.filters
    assert filters.date_from.date().toPython() == dt.date(1996, 4, 5)
    assert filters.date_to.date().toPython() == dt.date(2022, 6, 30)
    before = page.model.id_count
    filters.date_range.setChecked(True)
    assert page.model.id_count == before - 1  # every dated entry is kept: only the undated one goes
