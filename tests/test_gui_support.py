"""Helpers shared by the GUI tests (no tests here): letters written by the tests, isolated settings, waiting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from dossier.ui.main_window import MainWindow
from dossier.ui.settings import UiSettings

IMPORT_TIMEOUT_MS = 60_000


def letter(date_line: str, body: str, *, greeting: str = "Dear Ms Smith,") -> str:
    return (f"{date_line}\n\n{greeting}\n\n{body}\n\n"
            "Yours sincerely,\n\nJohn Brown\nDirector\n")


LETTERS = {
    "budget.txt": letter("12 January 2015", "I write about the budget for the coming year."),
    "staffing.txt": letter("3 March 2016", "Thank you for your letter about staffing levels."),
    "inspection.txt": letter("20 February 2014", "The inspection will take place in the spring."),
}


def write_letters(folder: Path, letters: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (letters or LETTERS).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def ui_settings(folder: Path) -> UiSettings:
    """Settings in an ini file of the test's own, never the user's."""
    return UiSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


def run_import(qtbot, window: MainWindow, paths: list[Path]) -> list:
    """Import through the window's own method and wait for the summary."""
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS) as blocker:
        job = window.import_paths(paths)
        assert job is not None
    return blocker.args[0]


def close_summary(window: MainWindow) -> None:
    if window.summary_dialog is not None:
        window.summary_dialog.accept()


def file_letters(dossier: Path, folder: Path, letters: dict[str, str]) -> dict[str, int]:
    """File letters written by the test into a dossier through the services; file name -> document id."""
    from dossier.services import open_services

    write_letters(folder, letters)
    services = open_services(dossier)
    try:
        results = services.documents.file_paths([folder / name for name in letters])
        return {Path(r.path).name: r.document_id for r in results if r.document_id is not None}
    finally:
        services.close()


def span_of(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    """The offsets [start, end) of the nth occurrence of `words` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)
