"""How fast the window opens a big dossier, and each view after it (Qt offscreen).

    python -m benchmarks.bench_gui --letters 20000

Fills a dossier with `--letters` documents, actors, mentions, actions and chronology entries
straight through the repository (not timed), then, in a fresh process so nothing is cached in
Python, times: the window built and the dossier opened to a usable Documents view (the first
rows fetched and painted), and switching to Who's Who, Actions, Chronology and Annotations for
the first time. Target: a usable window in at most 1.5 s for 20,000 letters.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import open_fresh


def fill(path: Path, letters: int, seed: int = 0) -> None:
    """A dossier with `letters` documents and the register and chronology that go with them."""
    from benchmarks.bench_chronology import _fill_entries
    from benchmarks.bench_register import _fill

    services = open_fresh(path)
    try:
        _fill(services, letters, max(50, letters // 20), seed)
        _fill_entries(services, letters, seed=seed)
        from dossier.db import search

        with services.dossier.sessions.begin() as session:  # index the texts, as filing does
            from sqlalchemy import text

            session.execute(text(f"INSERT INTO {search.FTS_TABLE}({search.FTS_TABLE}) VALUES ('rebuild')"))
    finally:
        services.close()


def measure(path: Path) -> dict[str, float]:
    """Run in a fresh process: seconds to a usable window, then to each view."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from dossier.ui.main_window import MainWindow
    from dossier.ui.settings import UiSettings
    from dossier.ui.style.install import apply_theme

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    imported = time.perf_counter()
    settings_file = Path(tempfile.mkdtemp()) / "settings.ini"
    window = MainWindow(UiSettings(QSettings(str(settings_file), QSettings.Format.IniFormat)))
    window.resize(1400, 900)
    window.show()
    assert window.open_dossier(path)
    app.processEvents()
    window.repaint()
    usable = time.perf_counter()
    figures = {"qt_and_imports": imported - start, "window_usable": usable - imported,
               "documents_rows": float(window.model.rowCount())}
    for n in range(1, window.workspace.count()):
        t = time.perf_counter()
        window.workspace.setCurrentIndex(n)
        app.processEvents()
        window.repaint()
        figures[f"view_{window.workspace.tabText(n)}"] = time.perf_counter() - t
    figures.update(_chronology_filters(app, window))
    window.close()
    return figures


CHRONOLOGY_FILTERS = (  # as bench_chronology times them in the service
    ("one actor", {"actor": "Person 00042"}),
    ("deadlines only", {"kinds": ["deadline"]}),
    ("one year", {"date_from": "2014-01-01", "date_to": "2014-12-31"}),
    ("text", {"text": "item 4242"}),
)


def _chronology_filters(app, window) -> dict[str, float]:
    """Each filter applied in the Chronology view: the time until the table and the timeline have
    been repainted (the rows the table shows are fetched as it paints them)."""
    import datetime as dt

    from dossier.domain.chronology import EntryKind
    from dossier.ui.views.chronology_page import ChronologyPage

    pages = [window.workspace.widget(n) for n in range(window.workspace.count())]
    page = next(p for p in pages if isinstance(p, ChronologyPage))
    window.workspace.setCurrentWidget(page)
    app.processEvents()
    figures = {}
    for label, given in CHRONOLOGY_FILTERS:
        f = {"actor": None, "kinds": None, "date_from": None, "date_to": None, "text": ""} | given
        f["kinds"] = [EntryKind(k) for k in f["kinds"]] if f["kinds"] else None
        for bound in ("date_from", "date_to"):
            f[bound] = dt.date.fromisoformat(f[bound]) if f[bound] else None
        t = time.perf_counter()
        page.model.set_filters(**f)
        app.processEvents()  # the reset, the timeline's rebuild, and the paint of both
        figures[f"filter_{label}"] = time.perf_counter() - t
        assert page.model.cached_row_count or not page.model.id_count, "the table was not painted"
        page.model.set_filters(actor=None, kinds=None, date_from=None, date_to=None, text="")
        app.processEvents()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=20_000)
    parser.add_argument("--dossier", type=Path, help="use (and keep) this dossier; filled if it does not exist")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = args.dossier or Path(tmp) / "gui.dossier"
        if not path.exists():
            t = time.perf_counter()
            fill(path, args.letters)
            print(f"filled {args.letters:,} letters in {time.perf_counter() - t:.1f} s (not timed)")
        run = subprocess.run([sys.executable, "-m", "benchmarks.bench_gui", "--measure", str(path)],
                             capture_output=True, text=True, check=True)
        figures = json.loads(run.stdout.strip().splitlines()[-1])
        report(figures)


def report(figures: dict[str, float]) -> None:
    print(f"Qt and Dossier imported        {figures['qt_and_imports'] * 1000:8.0f} ms")
    usable = figures["window_usable"]
    print(f"window usable ({figures['documents_rows']:,.0f} documents) {usable * 1000:8.0f} ms   "
          f"target <= 1500 ms {'ok' if usable <= 1.5 else 'MISSED'}")
    for key, value in figures.items():
        if key.startswith("view_"):
            print(f"  first switch to {key[5:]:<14}{value * 1000:8.0f} ms")
    for key, value in figures.items():
        if key.startswith("filter_"):
            print(f"  chronology filter: {key[7:]:<15}{value * 1000:6.0f} ms, table and timeline repainted   "
                  f"target <= 100 ms {'ok' if value <= 0.1 else 'MISSED'}")


if __name__ == "__main__":
    main()
