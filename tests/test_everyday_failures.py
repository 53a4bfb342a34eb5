"""Every failure in one line, nothing lost: bad dates in a query, dossiers that are folders or
read-only, a closed dossier that is one file, folder entries passed over, names that are not UTF-8,
and a disk that fills."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

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
    assert code == 0 and "search index" not in out + capsys.readouterr().err
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
        code, _out = run("--dossier", str(path), "check")
        assert "search index" not in capsys.readouterr().out
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
