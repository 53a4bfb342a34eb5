"""Privacy (issue #7, item 6): no socket is opened while Dossier imports, analyses, searches, exports,
backs up or checks; dossier files and backups are readable by their owner only; temporary files
are removed.

Sockets are watched with an audit hook (sys.addaudithook) installed by a `sitecustomize` module in
every Python process of the run, the import's worker processes included: each `socket.*` event
is written down and refused.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_reliability_support import (
    ROOT,
    cli_env,  # noqa: F401  (a fixture)
    letter_files,
    letters,  # noqa: F401  (a fixture)
)

from dossier.db.engine import open_dossier
from dossier.services import open_services
from dossier.services.maintenance import backup_file, restore

SITECUSTOMIZE = textwrap.dedent('''
    import os, sys

    _log = os.environ.get("DOSSIER_AUDIT_LOG")

    def _hook(event, args):
        if event.startswith("socket."):
            with open(_log, "a", encoding="utf-8") as log:
                log.write(f"{os.getpid()} {event} {args!r}\\n")
            raise PermissionError(f"no network in Dossier: {event}")

    if _log:
        with open(_log, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} watching\\n")
        sys.addaudithook(_hook)
''')

# Everything a user does with a dossier from the command line, in one process (with its workers).
SESSION = textwrap.dedent('''
    import io, sys, time
    from pathlib import Path
    from dossier.cli import build_parser, main

    folder, dossier, work = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    letter = sorted(folder.glob("*.txt"))[0]

    def run(*argv):
        started = time.monotonic()
        code = main(["--dossier", dossier, *argv], out=io.StringIO())
        print(" ".join(argv[:1]), code, round(time.monotonic() - started, 2), flush=True)
        assert code == 0, argv

    def offered(*argv):
        try:
            build_parser().parse_args(["--dossier", dossier, *argv])
        except SystemExit:
            return False
        return True

    run("import", str(folder))
    assert main(["analyse", str(letter), "--json"], out=io.StringIO()) == 0
    print("analyse 0", flush=True)
    run("documents", "--json")
    run("show", "1", "--json")
    run("actors", "--json")
    run("chronology", "--json")
    if offered("search", "letter"):
        run("search", "letter")
    if offered("export", "briefing", str(work / "briefing.pdf")):
        run("export", "briefing", str(work / "briefing.pdf"), "--title", "Privacy test")
    run("backup", str(work / "backup.dossier"))
    run("check")
''')


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_no_socket_is_opened_while_dossier_works(letters: Path, cli_env: dict[str, str],  # noqa: F811
                                                 tmp_path: Path) -> None:
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    folder = tmp_path / "letters"
    folder.mkdir()
    for path in letter_files(letters)[:16]:  # enough for the import to start its worker processes
        (folder / path.name).write_bytes(path.read_bytes())
    log = tmp_path / "audit.log"
    env = dict(cli_env, DOSSIER_AUDIT_LOG=str(log), PYTHONPATH=os.pathsep.join([str(hook), cli_env["PYTHONPATH"]]))
    work = tmp_path / "work"
    work.mkdir()
    done = subprocess.run([sys.executable, "-c", SESSION, str(folder), str(tmp_path / "case.dossier"), str(work)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    steps = [line.split()[0] for line in done.stdout.splitlines()]
    assert steps[:6] == ["import", "analyse", "documents", "show", "actors", "chronology"]
    assert steps[-2:] == ["backup", "check"]
    lines = log.read_text(encoding="utf-8").splitlines()
    watching = {line.split()[0] for line in lines if line.endswith(" watching")}
    assert len(watching) >= 2, lines  # the hook was in the worker processes too
    assert [line for line in lines if not line.endswith(" watching")] == []


def test_the_hook_would_see_a_socket(cli_env: dict[str, str], tmp_path: Path) -> None:  # noqa: F811
    """The watch above can fail: a socket opened under it is written down and refused."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "audit.log"
    env = dict(cli_env, DOSSIER_AUDIT_LOG=str(log), PYTHONPATH=str(hook))
    done = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 80), 0.1)"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "no network in Dossier" in done.stderr
    assert any("socket." in line for line in log.read_text(encoding="utf-8").splitlines())


@pytest.fixture
def open_umask():
    """A umask that would let everyone read new files: Dossier must not rely on the user's."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_dossier_files_and_backups_are_readable_by_their_owner_only(open_umask, letters: Path,  # noqa: F811
                                                                    tmp_path: Path) -> None:
    path = tmp_path / "case.dossier"
    services = open_services(path)
    try:
        services.documents.file_paths(letter_files(letters)[:3])
        assert mode(path) == 0o600
        for companion in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            assert companion.exists() and mode(companion) == 0o600  # SQLite gives them the file's mode
        backup = tmp_path / "backup.dossier"
        backup_file(path, backup)
        assert mode(backup) == 0o600
    finally:
        services.close()
    result = restore(backup, path)
    assert result.safety_copy is not None and mode(result.safety_copy) == 0o600 and mode(path) == 0o600
    fresh = tmp_path / "restored-new.dossier"
    restore(backup, fresh)
    assert mode(fresh) == 0o600
    open_dossier(tmp_path / "another.dossier").close()
    assert mode(tmp_path / "another.dossier") == 0o600
    others = [p.name for p in tmp_path.iterdir() if p.is_file() and mode(p) & 0o077]
    assert others == []


def test_temporary_files_are_removed_after_an_import(letters: Path, cli_env: dict[str, str],  # noqa: F811
                                                     tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    home = tmp_path / "dossiers"
    home.mkdir()
    env = dict(cli_env, TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    folder = tmp_path / "letters"
    folder.mkdir()
    for path in letter_files(letters)[:16]:  # with worker processes
        (folder / path.name).write_bytes(path.read_bytes())
    dossier = home / "case.dossier"
    done = subprocess.run([sys.executable, "-c", "import sys; from dossier.cli import main; sys.exit(main())",
                           "--dossier", str(dossier), "import", str(folder)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "16 filed, 0 already filed, 0 failed"
    assert list(temp.iterdir()) == []  # nothing left in the temporary folder
    assert [p.name for p in home.iterdir()] == ["case.dossier"]  # no -wal, -shm or journal left beside it
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in letter_files(letters)[:16])
