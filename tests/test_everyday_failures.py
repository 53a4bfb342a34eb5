"""Every failure in one line, nothing lost: bad dates in a query, dossiers that are folders or
read-only, a closed dossier that is one file, folder entries passed over, names that are not UTF-8,
and a disk that fills."""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from dossier.cli import main
from dossier.domain.errors import DossierError, DossierReadOnly
from dossier.domain.query import QueryError
from dossier.services import open_services
from dossier.services.maintenance import check_file

LETTER = """Ms Perdita Hollow
Fenwick Water Board

3 April 2019

Dear Ms Hollow,

The sluice at Marram Bridge will be repaired by 30 April 2019.

Yours sincerely,

Osric Tallow
"""

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def letter(folder: Path, name: str = "sluice.txt", text: str = LETTER) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- 18: a date no calendar has --------------------------------------------------------------------

@pytest.mark.parametrize("query", ["after:0000", "before:0000-01", "after:0000-01-01"])
def test_a_year_0_in_a_search_is_one_line(services, query):
    with pytest.raises(QueryError, match=r"(is not a valid date|needs a date)"):
        services.search.search(query)


def test_search_after_year_0_on_the_command_line(dossier_path, capsys):
    code, out = run("--dossier", str(dossier_path), "search", "after:0000")
    err = capsys.readouterr().err
    assert code == 2 and out == ""
    assert err.strip() == "dossier: after:0000 is not a valid date; write it like 2014, 2014-05 or 2014-05-23."


# -- 19: a dossier that is a folder, or read-only -----------------------------------------------------

@pytest.mark.parametrize("command", ["documents", "check", "import"])
def test_a_dossier_that_is_a_folder_is_one_line(tmp_path, command, capsys):
    folder = tmp_path / "case.dossier"
    folder.mkdir()
    args = [str(letter(tmp_path / "in"))] if command == "import" else []
    code, _out = run("--dossier", str(folder), command, *args)
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "case.dossier is a folder" in err
    assert list(folder.iterdir()) == []  # nothing was made inside it


def _filed(path: Path, tmp_path: Path) -> None:
    services = open_services(path)
    try:
        services.documents.file_path(letter(tmp_path / "in"))
    finally:
        services.close()


def test_a_read_only_dossier_reads_and_refuses_changes_in_one_line(dossier_path, tmp_path):
    _filed(dossier_path, tmp_path)
    before = dossier_path.read_bytes()
    services = open_services(dossier_path, read_only=True)
    try:
        assert services.dossier.read_only
        [row] = services.documents.rows(services.documents.ids())
        assert row.sender == "Osric Tallow"
        with pytest.raises(DossierReadOnly, match=r"case\.dossier is read-only here, so this change was not made"):
            services.documents.edit_metadata(row.id, {"title": "The sluice"})
    finally:
        services.close()
    assert dossier_path.read_bytes() == before


def test_a_read_only_dossier_must_already_be_at_this_version(dossier_path):
    dossier_path.write_bytes(b"")  # created, never set up: it needs writing
    with pytest.raises(DossierReadOnly, match=r"case\.dossier is read-only here"):
        open_services(dossier_path, read_only=True)


def test_check_of_a_read_only_dossier_finds_no_false_index_problem(dossier_path, tmp_path):
    _filed(dossier_path, tmp_path)
    report = check_file(dossier_path, read_only=True)
    assert report.ok and not report.warnings, report.summary()
    assert "No problems found" in report.summary()


def test_a_dossier_this_user_cannot_write_is_opened_read_only(dossier_path, tmp_path, monkeypatch, capsys):
    """What the user may write is the system's answer (os.access); here it says no, as it does for
    a read-only file or folder to anyone but root."""
    _filed(dossier_path, tmp_path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode & os.W_OK else real_access(p, mode, **kw))
    code, out = run("--dossier", str(dossier_path), "documents")
    assert code == 0 and "Osric Tallow" in out and "1 documents" in out
    code, out = run("--dossier", str(dossier_path), "check")
    assert code == 0 and out.startswith("No problems found in case.dossier"), capsys.readouterr().err
    code, _out = run("--dossier", str(dossier_path), "reject", "1")
    err = capsys.readouterr().err
    assert code == 2 and err.strip().endswith("case.dossier is read-only here, so this change was not made.")


@pytest.mark.skipif(ROOT, reason="root writes read-only files and folders")
def test_a_dossier_in_a_read_only_folder_lists_its_documents(tmp_path, capsys):
    folder = tmp_path / "shelf"
    folder.mkdir()
    path = folder / "case.dossier"
    _filed(path, tmp_path)
    folder.chmod(0o555)
    try:
        code, out = run("--dossier", str(path), "documents")
        assert code == 0 and "Osric Tallow" in out
        code, out = run("--dossier", str(path), "check")
        assert code == 0 and out.startswith("No problems found in case.dossier"), capsys.readouterr().err
    finally:
        folder.chmod(0o755)


def test_a_new_dossier_that_cannot_be_created_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    code, _out = run("--dossier", str(blocker / "case.dossier"), "documents")
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("dossier: Cannot create case.dossier") and err.count("\n") == 1


# -- 22: a closed dossier is one file -----------------------------------------------------------------

def test_a_closed_dossier_is_one_self_contained_file(dossier_path, tmp_path):
    """Another window still has the file open when this one closes: SQLite's own checkpoint at the
    last close does not run, so the work would live only in the -wal file."""
    services = open_services(dossier_path)
    other = sqlite3.connect(dossier_path)  # another window, reading
    other.execute("SELECT count(*) FROM documents").fetchone()
    try:
        services.documents.file_path(letter(tmp_path / "in"))
        services.close()
        copy = tmp_path / "copy" / "case.dossier"
        copy.parent.mkdir()
        shutil.copyfile(dossier_path, copy)  # the file alone, as a user copies "the dossier"
    finally:
        other.close()
    reopened = open_services(copy)
    try:
        [row] = reopened.documents.rows(reopened.documents.ids())
        assert row.sender == "Osric Tallow"
    finally:
        reopened.close()


def test_work_survives_losing_the_wal_of_a_closed_dossier(dossier_path, tmp_path):
    services = open_services(dossier_path)
    keeper = open_services(dossier_path)  # a second window on the same file stays open
    try:
        services.documents.file_path(letter(tmp_path / "in"))
        services.close()
        wal = Path(f"{dossier_path}-wal")
        assert not wal.exists() or wal.stat().st_size == 0
    finally:
        keeper.close()
    Path(f"{dossier_path}-wal").unlink(missing_ok=True)
    reopened = open_services(dossier_path)
    try:
        assert len(reopened.documents.ids()) == 1
    finally:
        reopened.close()


def test_a_folder_as_dossier_is_a_dossier_error(tmp_path):
    with pytest.raises(DossierError, match="is a folder"):
        open_services(tmp_path)


# -- 6: every entry a folder import passes over is said, with its reason ------------------------------

def _odd_folder(root: Path) -> Path:
    folder = root / "papers"
    letter(folder, "good.txt")
    (folder / "budget.xls").write_bytes(b"\xd0\xcf\x11\xe0 not a letter")
    (folder / "README").write_text("what is in this folder", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x00")
    (folder / "~$draft.docx").write_bytes(b"lock")
    (folder / "gone.pdf").symlink_to(folder / "nowhere.pdf")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "back").symlink_to(folder)
    os.mkfifo(folder / "pipe.txt")
    (folder / "x.pdf").mkdir()
    return folder


EXPECTED = {
    "budget.xls": ("skipped", "unsupported file type .xls"),
    "README": ("skipped", "unsupported file type (no extension)"),
    ".DS_Store": ("skipped", "hidden file"),
    "~$draft.docx": ("skipped", "a Word lock file, not a document"),
    "gone.pdf": ("failed", "a link to a file that is not there"),
    "self.txt": ("failed", "link loop (the link leads back to itself)"),
    "back": ("skipped", "link loop (a link to a folder that holds it)"),
    "pipe.txt": ("failed", "not a file (a named pipe)"),
    "x.pdf": ("skipped", "empty folder"),
}


def test_each_entry_passed_over_has_its_reason(services, tmp_path):
    folder = _odd_folder(tmp_path)
    results = {Path(r.path).name: r for r in services.documents.file_paths([folder])}
    assert results.pop("good.txt").outcome.value == "filed"
    got = {name: (r.outcome.value, r.message.removeprefix(f"{r.path}: ")) for name, r in results.items()}
    assert got == EXPECTED
    assert len(services.documents.ids()) == 1


def test_the_command_line_lists_them_and_fails_only_for_unreadable_documents(tmp_path, dossier_path):
    folder = _odd_folder(tmp_path)
    code, out = run("--dossier", str(dossier_path), "import", str(folder), "--json")
    rows = {Path(r["path"]).name: (r["outcome"], r["message"].removeprefix(f"{r['path']}: ")) for r in json.loads(out)}
    assert code == 1  # a link to nothing named like a PDF is a document that could not be filed
    assert {k: v for k, v in rows.items() if k != "good.txt"} == EXPECTED

    only_other_types = tmp_path / "mixed"
    letter(only_other_types, "note.txt", LETTER.replace("3 April", "4 April"))
    (only_other_types / "sheet.csv").write_text("a,b\n", encoding="utf-8")
    code, out = run("--dossier", str(dossier_path), "import", str(only_other_types))
    assert code == 0  # skipped by design: said, but not a failure
    assert f"skipped    {only_other_types / 'sheet.csv'}: unsupported file type .csv\n" in out
    assert out.endswith("1 filed, 0 already filed, 0 failed, 1 skipped (not documents)\n")


def test_a_file_that_vanishes_after_the_listing_is_failed_with_its_reason(services, tmp_path):
    folder = tmp_path / "papers"
    first = letter(folder, "a.txt")
    second = letter(folder, "b.txt", LETTER.replace("3 April", "5 April"))

    def progress(done: int, _total: int, _name: str) -> None:
        if done == 0:
            second.unlink()  # removed after the folder was listed, before it was read

    results = services.documents.file_paths([folder], progress=progress)
    assert [(Path(r.path).name, r.outcome.value) for r in results] == [("a.txt", "filed"), ("b.txt", "failed")]
    assert results[1].message == f"{second}: file not found"
    assert first.exists()


def test_the_window_summary_lists_the_entries_passed_over(qtbot, services, tmp_path):
    from dossier.ui.dialogs.import_dialogs import ImportSummaryDialog

    results = services.documents.file_paths([_odd_folder(tmp_path)])
    dialog = ImportSummaryDialog(results)
    qtbot.addWidget(dialog)
    assert dict(dialog.skipped_files()) == {k: v[1] for k, v in EXPECTED.items() if v[0] == "skipped"}
    assert dict(dialog.failed_files()) == {k: v[1] for k, v in EXPECTED.items() if v[0] == "failed"}
    assert dialog.failure_list.topLevelItemCount() == len(EXPECTED)
    assert dialog.counts.text() == "1 filed · 0 already filed · 3 failed · 6 skipped (not documents)"
    shown = [dialog.failure_list.topLevelItem(n).text(1) for n in range(dialog.failure_list.topLevelItemCount())]
    assert "skipped, unsupported file type .xls" in shown


# -- 16: names and arguments that are not UTF-8 ---------------------------------------------------------

def _dossier(*args: bytes | str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The real command, its arguments passed as bytes, as a shell passes them."""
    argv = [os.fsencode(sys.executable), b"-m", b"dossier", *(os.fsencode(a) if isinstance(a, str) else a
                                                             for a in args)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}
    return subprocess.run(argv, capture_output=True, cwd=cwd, env=env, check=False)


def test_a_file_name_that_is_not_utf8_is_filed_in_a_batch(services, tmp_path):
    folder = tmp_path / "unzipped"
    odd = letter(folder, os.fsdecode(b"caf\xe9 letter.txt"))
    letter(folder, "plain.txt", LETTER.replace("3 April", "6 April"))
    results = services.documents.file_paths([folder])
    assert [r.outcome.value for r in results] == ["filed", "filed"]
    names = sorted(r.file_name for r in services.documents.rows(services.documents.ids()))
    assert names == ["caf\ufffd letter.txt", "plain.txt"]
    assert odd.exists()
    again = services.documents.file_path(odd)  # the same bytes: found as already filed
    assert again.outcome.value == "duplicate"


def test_arguments_that_are_not_utf8_never_crash_the_command_line(tmp_path):
    folder = tmp_path / "unzipped"
    letter(folder, os.fsdecode(b"r\xe9sum\xe9.txt"))
    dossier = ["--dossier", str(tmp_path / "case.dossier")]

    done = _dossier(*dossier, "import", os.fsencode(folder), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert b"1 filed, 0 already filed, 0 failed" in done.stdout
    assert b"r\\udce9sum\\udce9.txt" in done.stdout  # the odd bytes escaped, not a crash

    runs = [
        ("search", b"sluice caf\xe9"),
        ("annotate", "1", "--quote", "The sluice", "--note", b"checked by the caf\xe9"),
        ("review", "1", "--by", b"Ren\xe9e"),
        ("export", "annotations", str(tmp_path / "record.md"), "--title", b"R\xe9view"),
    ]
    for argv in runs:
        done = _dossier(*dossier, *argv, cwd=tmp_path)
        assert b"Traceback" not in done.stderr, (argv, done.stderr.decode("utf-8", "replace"))
        assert done.returncode == 0, (argv, done.stderr)
    record = (tmp_path / "record.md").read_text(encoding="utf-8")
    assert "R\ufffdview" in record and "checked by the caf\ufffd" in record
    shown = _dossier(*dossier, "annotations", "--json", cwd=tmp_path)
    [note] = json.loads(shown.stdout)
    assert note["note"] == "checked by the caf\ufffd"


# -- 17: a full disk ---------------------------------------------------------------------------------

def _room_for(services, pages: int) -> None:
    """Let the dossier grow by `pages` pages only, on every connection: SQLite then fails each write
    beyond that with SQLITE_FULL ("database or disk is full"), as on a full disk."""
    engine = services.dossier.engine
    with engine.connect() as conn:
        used = conn.exec_driver_sql("PRAGMA page_count").scalar()
    engine.dispose()
    event.listen(engine, "connect", lambda con, _rec: con.execute(f"PRAGMA max_page_count={used + pages}"))


def _letters(folder: Path, n: int) -> list[Path]:
    return [letter(folder, f"{i:02}.txt", LETTER.replace("3 April", f"{i + 1} May") + "Remarks. " * 400 * (i + 1))
            for i in range(n)]


def test_a_full_disk_stops_an_import_keeps_what_was_filed_and_says_so(tmp_path, dossier_path, capsys):
    services = open_services(dossier_path)
    try:
        files = _letters(tmp_path / "in", 8)
        _room_for(services, 30)
        results = services.documents.file_paths([tmp_path / "in"])
        outcomes = [r.outcome.value for r in results]
        filed = outcomes.count("filed")
        assert 0 < filed < len(files) and outcomes == ["filed"] * filed + ["failed"] * (len(files) - filed)
        assert all(r.message.endswith("not filed: the disk holding the dossier is full") for r in results[filed:])
        assert len(services.documents.ids()) == filed
    finally:
        services.close()
    report = check_file(dossier_path)
    assert report.ok and not report.warnings, report.summary()
    reopened = open_services(dossier_path)
    try:
        assert len(reopened.documents.ids()) == filed
    finally:
        reopened.close()


def test_a_full_disk_on_the_command_line_prints_the_summary_and_one_line(tmp_path, dossier_path, capsys, monkeypatch):
    _letters(tmp_path / "in", 8)
    import dossier.services as services_module

    real_open = services_module.open_services

    def open_with_little_room(*args, **kwargs):
        opened = real_open(*args, **kwargs)
        _room_for(opened, 30)
        return opened

    monkeypatch.setattr(services_module, "open_services", open_with_little_room)
    code, out = run("--dossier", str(dossier_path), "import", str(tmp_path / "in"))
    err = capsys.readouterr().err
    assert code == 1
    lines = out.splitlines()
    filed = sum(line.startswith("filed") for line in lines)
    assert 0 < filed < 8
    assert lines[-1] == f"{filed} filed, 0 already filed, {8 - filed} failed"
    assert err.count("\n") == 1 and err.startswith("dossier: the disk holding case.dossier is full: the import "
                                                   f"stopped after filing {filed} document")


def test_a_backup_to_a_full_disk_is_one_line_and_leaves_nothing(tmp_path, dossier_path):
    _filed(dossier_path, tmp_path)
    target = tmp_path / "stick" / "case-backup.dossier"
    target.parent.mkdir()
    limit = dossier_path.stat().st_size // 2

    def small_disk() -> None:  # in the child: files may not grow past `limit` bytes
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run([sys.executable, "-m", "dossier", "--dossier", str(dossier_path), "backup", str(target)],
                          capture_output=True, text=True, preexec_fn=small_disk, check=False)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(
        "dossier: Cannot write the backup case-backup.dossier: the disk refused the write"), done.stderr
    assert list(target.parent.iterdir()) == []
    assert check_file(dossier_path).ok


# -- the window ------------------------------------------------------------------------------------------

def test_the_window_import_summary_lists_what_a_folder_import_passed_over(qtbot, tmp_path, dossier_path):
    from test_gui_support import close_summary, run_import, ui_settings

    from dossier.ui.main_window import MainWindow

    window = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.open_dossier(dossier_path)
    run_import(qtbot, window, [_odd_folder(tmp_path)])
    summary = window.summary_dialog
    assert summary is not None
    assert summary.counts.text() == "1 filed · 0 already filed · 3 failed · 6 skipped (not documents)"
    assert dict(summary.skipped_files())["budget.xls"] == "unsupported file type .xls"
    assert summary.failure_list.isVisibleTo(summary)
    close_summary(window)


def test_the_window_opens_a_dossier_it_cannot_write_read_only(qtbot, tmp_path, dossier_path, monkeypatch):
    from test_gui_support import ui_settings

    from dossier.ui.main_window import MainWindow

    _filed(dossier_path, tmp_path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode & os.W_OK else real_access(p, mode, **kw))
    window = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.open_dossier(dossier_path)
    assert window.services.dossier.read_only
    assert window.path_label.text().endswith("(read-only)")
    assert window.model.rowCount() == 1


def _in_read_only_folder(folder: Path, *commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Run dossier commands with `folder` mounted read-only (a private mount namespace: read-only
    for root too). Skips where the system does not allow it."""
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("unshare and mount are needed for a read-only mount")
    script = [f'mount --bind "{folder}" "{folder}" && mount -o remount,ro,bind "{folder}" || exit 99']
    script += [" ".join([f'"{sys.executable}"', "-m", "dossier", *(f'"{a}"' for a in argv)])
               + "; echo \"--rc=$?\"" for argv in commands]
    done = subprocess.run(["unshare", "-m", "sh", "-c", "\n".join(script)], capture_output=True, text=True,
                          check=False)
    if done.returncode == 99 or (done.returncode != 0 and "--rc=" not in done.stdout):
        pytest.skip(f"no read-only mount here: {done.stderr.strip()[:80]}")
    outs = done.stdout.split("--rc=")
    results = []
    for n, argv in enumerate(commands):
        code = int(outs[n + 1].split("\n", 1)[0])
        text = outs[n].split("\n", 1)[1] if n else outs[n]
        results.append(subprocess.CompletedProcess(argv, code, text, done.stderr))
    return results


def test_a_dossier_on_a_read_only_mount_reads_checks_and_backs_up(tmp_path):
    folder = tmp_path / "shelf"
    folder.mkdir()
    path = folder / "case.dossier"
    _filed(path, tmp_path)
    new = letter(tmp_path / "more", "later.txt", LETTER.replace("3 April", "9 April"))
    documents, check, backup, refused = _in_read_only_folder(
        folder, ["--dossier", str(path), "documents"], ["--dossier", str(path), "check"],
        ["--dossier", str(path), "backup", str(tmp_path / "copy.dossier")],
        ["--dossier", str(path), "import", str(new)])
    assert "Traceback" not in documents.stderr
    assert documents.returncode == 0 and "Osric Tallow" in documents.stdout
    assert check.returncode == 0 and check.stdout.startswith("No problems found in case.dossier")
    assert backup.returncode == 0 and (tmp_path / "copy.dossier").exists()
    assert refused.returncode == 2
    assert "dossier: case.dossier is read-only here, so this change was not made." in refused.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["case.dossier"]


def test_a_cancelled_import_counts_the_files_not_filed_without_the_entries_skipped(qtbot):
    from PySide6.QtWidgets import QLabel

    from dossier.domain.records import ImportOutcome, ImportResult
    from dossier.ui.dialogs.import_dialogs import ImportSummaryDialog

    results = [ImportResult("/in/a.txt", ImportOutcome.FILED, 1, "filed"),
               ImportResult("/in/b.txt", ImportOutcome.FILED, 2, "filed"),
               ImportResult("/in/c.xls", ImportOutcome.SKIPPED, message="/in/c.xls: unsupported file type .xls")]
    dialog = ImportSummaryDialog(results, cancelled=True, total=5)
    qtbot.addWidget(dialog)
    notes = [label.text() for label in dialog.findChildren(QLabel) if label.text().startswith("Cancelled:")]
    assert notes == ["Cancelled: 3 files not filed. What was filed before the cancel is kept."]


def test_an_encrypted_dossier_opens_read_only_with_its_password(dossier_path, tmp_path):
    services = open_services(dossier_path, "a long invented passphrase")
    try:
        services.documents.file_path(letter(tmp_path / "in"))
    finally:
        services.close()
    services = open_services(dossier_path, "a long invented passphrase", read_only=True)
    try:
        assert len(services.documents.ids()) == 1
        with pytest.raises(DossierReadOnly):
            services.documents.edit_metadata(1, {"title": "The sluice"})
    finally:
        services.close()
    assert check_file(dossier_path, "a long invented passphrase", read_only=True).ok
