"""Starting Dossier: no display, the log file and crash trace, the entry points."""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier import cli, startup

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "logs"
    monkeypatch.setenv("DOSSIER_LOG_DIR", str(folder))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back whatever pytest had
    yield folder
    startup.stop_logging()



def test_logging_stops_cleanly_without_a_console(log_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the window started with no console (pythonw) has no stderr: the crash trace has nowhere to go back to
    assert startup.setup_logging() is not None
    monkeypatch.setattr(sys, "__stderr__", None)
    monkeypatch.setattr(sys, "stderr", None)
    startup.stop_logging()
    assert not faulthandler.is_enabled()
    monkeypatch.undo()
    faulthandler.enable(file=sys.__stderr__)

def scrubbed_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A desktop-less login: no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8",
           "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_STATE_HOME": str(home / "state"), "XDG_RUNTIME_DIR": str(home)}
    env.update(extra)
    return env


# -- no display -----------------------------------------------------------------------------------

@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="a desktop always has a display there")
@pytest.mark.parametrize("command", [[], ["gui"], ["demo"]])
def test_the_window_without_a_display_says_so_in_one_line(tmp_path: Path, command: list[str]) -> None:
    target = tmp_path / "case.dossier"
    result = subprocess.run([sys.executable, "-m", "dossier", "--dossier", str(target), *command],
                            capture_output=True, text=True, env=scrubbed_env(tmp_path), cwd=tmp_path, check=False)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display" in lines[0] and "dossier --help" in lines[0]
    assert result.stdout == ""
    assert not target.exists()  # nothing was made or changed


def test_the_command_line_needs_no_display(tmp_path: Path) -> None:
    target = tmp_path / "case.dossier"
    result = subprocess.run([sys.executable, "-m", "dossier", "--dossier", str(target), "documents"],
                            capture_output=True, text=True, env=scrubbed_env(tmp_path), cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("0 documents")


def test_display_problem_rules() -> None:
    def answers(_display: str) -> bool:
        return True

    assert startup.display_problem({}, "linux", answers) is not None
    assert startup.display_problem({"DISPLAY": ":0"}, "linux", answers) is None
    assert startup.display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", answers) is None
    assert startup.display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", answers) is None
    assert startup.display_problem({}, "freebsd14", answers) is not None
    assert startup.display_problem({}, "win32", answers) is None
    assert startup.display_problem({}, "darwin", answers) is None
    silent = startup.display_problem({"DISPLAY": ":7"}, "linux", lambda _display: False)
    assert silent is not None and "DISPLAY=:7" in silent and "dossier --help" in silent
    assert startup.display_problem({"DISPLAY": "far-host:10.0"}, "linux", lambda _display: None) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="abstract sockets are Linux's")
def test_a_local_x_display_is_reachable_only_when_a_server_listens() -> None:
    import socket

    number = 4000 + os.getpid() % 1000
    assert startup.x_display_reachable(f":{number}") is False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{number}")  # abstract: no file is made
        server.listen(1)
        assert startup.x_display_reachable(f":{number}") is True
        assert startup.x_display_reachable(f"unix:{number}.0") is True
    assert startup.x_display_reachable("far-host:0") is None
    assert startup.x_display_reachable("localhost:10.0") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 displays are checked on Linux")
def test_a_display_that_does_not_answer_is_one_line_not_an_abort(tmp_path: Path) -> None:
    number = 5000 + os.getpid() % 1000
    assert not Path(f"/tmp/.X11-unix/X{number}").exists()
    target = tmp_path / "case.dossier"
    result = subprocess.run([sys.executable, "-m", "dossier", "--dossier", str(target)], capture_output=True,
                            text=True, env=scrubbed_env(tmp_path, DISPLAY=f":{number}"), cwd=tmp_path, check=False)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"dossier: no display answers at DISPLAY=:{number}, so the window cannot open; "
        "the command line works without one: dossier --help"]
    assert not target.exists()


# -- the log file and the crash trace -------------------------------------------------------------

def test_the_log_file_is_written_in_the_folder_given(log_dir: Path) -> None:
    path = startup.setup_logging()
    assert path == log_dir / "dossier.log"
    startup.log.warning("an invented warning about the Wexcombe letters")
    text = path.read_text(encoding="utf-8")
    assert "Dossier" in text and "started" in text
    assert "an invented warning about the Wexcombe letters" in text
    assert (log_dir / "crash.log").exists()
    assert startup.setup_logging() == path  # again: one handler, not two
    assert sum(h is startup._handler for h in startup.log.handlers) == 1


def test_the_log_rotates(log_dir: Path) -> None:
    path = startup.setup_logging()
    assert path is not None
    for n in range(3 * startup.LOG_BYTES // 1000):
        startup.log.info("line %d %s", n, "x" * 1000)
    assert path.stat().st_size <= startup.LOG_BYTES
    assert (log_dir / "dossier.log.1").exists()
    assert not (log_dir / f"dossier.log.{startup.LOG_BACKUPS + 1}").exists()


def test_an_error_nobody_caught_in_a_thread_goes_to_the_log(log_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = startup.setup_logging()
    assert path is not None

    def fail() -> None:
        raise LookupError("an invented failure off the main thread")

    worker = threading.Thread(target=fail, name="invented-worker")
    worker.start()
    worker.join()
    text = path.read_text(encoding="utf-8")
    assert "uncaught exception in invented-worker" in text
    assert "LookupError: an invented failure off the main thread" in text


def test_a_folder_that_cannot_be_written_leaves_no_log_and_no_error(tmp_path: Path, log_dir: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert startup.setup_logging(blocker / "logs") is None


def test_the_window_sets_up_the_log(log_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dossier.ui.app

    opened: list[Path | None] = []
    monkeypatch.setattr(dossier.ui.app, "run_gui", lambda path: opened.append(path) or 0)
    assert cli.main(["--dossier", str(tmp_path / "case.dossier"), "gui"]) == 0
    assert opened == [tmp_path / "case.dossier"]
    assert "started" in (log_dir / "dossier.log").read_text(encoding="utf-8")


def test_a_crash_leaves_a_trace_in_the_log_folder(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    code = ("import faulthandler\nfrom dossier import startup\nstartup.setup_logging()\n"
            "startup.log.info('about to stop')\nfaulthandler._sigsegv()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                            env=scrubbed_env(tmp_path, DOSSIER_LOG_DIR=str(logs)))
    assert result.returncode != 0
    assert "about to stop" in (logs / "dossier.log").read_text(encoding="utf-8")
    crash = (logs / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error" in crash and "File " in crash


def test_an_uncaught_error_is_one_line_for_the_user_and_a_traceback_in_the_log(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    code = ("from dossier import startup\nstartup.setup_logging()\n"
            "raise ValueError('an invented failure in the Tarrow file')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                            env=scrubbed_env(tmp_path, DOSSIER_LOG_DIR=str(logs)))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"dossier: unexpected error: an invented failure in the Tarrow file (details in {logs / 'dossier.log'})"]
    text = (logs / "dossier.log").read_text(encoding="utf-8")
    assert "Traceback" in text and "ValueError: an invented failure in the Tarrow file" in text


# -- entry points ---------------------------------------------------------------------------------

def test_the_entry_point_calls_freeze_support(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: calls.append(1))
    assert cli.main(["--dossier", str(tmp_path / "case.dossier"), "documents"]) == 0
    assert calls == [1]
    assert "freeze_support()" in (ROOT / "main.py").read_text(encoding="utf-8")


def test_the_gui_script_runs_without_a_console(log_dir: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """pythonw on Windows: no stdout, no stderr. Nothing may write to None."""
    import dossier.ui.app

    monkeypatch.setattr(dossier.ui.app, "run_gui", lambda path: 0)
    monkeypatch.setattr(sys, "argv", ["dossier-gui", "--dossier", str(tmp_path / "case.dossier")])
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert cli.gui_main() == 0
    assert sys.stdout is not None and sys.stderr is not None


def test_pyproject_declares_the_gui_script() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"]["dossier-gui"] == "dossier.cli:gui_main"
    assert project["scripts"]["dossier"] == "dossier.cli:main"


def test_the_licence_file_and_pyproject_agree() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"text": "MIT"}
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def test_the_changelog_keeps_its_shape() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n") and "## [Unreleased]" in text and "### Added" in text
