"""Backup, restore and check (issue #7, item 3): `dossier backup OUT` copies a dossier consistently
while it is in use, a backup (also the one made before a migration) restores, and `dossier check`
reports damage with clear findings and exit codes (0 none, 1 problems, 2 the check could not run)."""

from __future__ import annotations

import hashlib
import inspect
import io
import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from test_reliability_support import (
    ROOT,
    cli_env,  # noqa: F401  (a fixture)
    document_count,
    dossier_command,
    integrity,
    letter_files,
    letters,  # noqa: F401  (a fixture)
    snapshot,
    wait_for,
)

import dossier.cli
from dossier.cli import main
from dossier.cli import maintenance as cli_maintenance
from dossier.db import search
from dossier.db.engine import make_engine, open_dossier
from dossier.db.migrate import SCRIPT_LOCATION, head_revision, migrate
from dossier.domain.errors import DossierError, DossierInUse
from dossier.services import Services, open_services
from dossier.services.maintenance import Severity, check_file, restore

CLI_HAS_PATH_COMMANDS = "PATH_COMMANDS" in inspect.getsource(dossier.cli.main)
needs_path_commands = pytest.mark.skipif(
    not CLI_HAS_PATH_COMMANDS,
    reason="dossier/cli/__init__.py does not yet call PATH_COMMANDS (the patch is in the issue #7 report)")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def run_path_command(name: str, path: Path, *argv: str) -> tuple[int, str]:
    """A PATH command as `dossier --dossier PATH NAME ARGV` runs it (without opening the dossier)."""
    args = dossier.cli.build_parser().parse_args(["--dossier", str(path), name, *argv])
    out = io.StringIO()
    try:
        return cli_maintenance.PATH_COMMANDS[name](path, args, out), out.getvalue()
    except DossierError as exc:
        return 2, str(exc)


@pytest.fixture
def filed(services: Services, letters: Path) -> Services:  # noqa: F811
    results = services.documents.file_paths(letter_files(letters)[:8])
    assert [r.outcome.value for r in results] == ["filed"] * 8
    return services


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- backup ----------------------------------------------------------------------------------------

def test_backup_is_a_private_self_contained_copy(filed: Services, tmp_path: Path) -> None:
    out = tmp_path / "copies" / "case backup.dossier"
    code, text = run("--dossier", str(filed.path), "backup", str(out))
    assert code == 0, text
    assert text.startswith(f"backed up case.dossier to {out} (")
    assert mode(out) == 0o600
    assert sorted(p.name for p in out.parent.iterdir()) == ["case backup.dossier"]  # no -wal, no partial file
    con = sqlite3.connect(out)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    con.close()
    assert integrity(out) == []
    assert snapshot(out) == snapshot(filed.path)
    assert check_file(out).ok


def test_backup_replaces_an_older_copy_and_makes_it_private(filed: Services, tmp_path: Path) -> None:
    out = tmp_path / "backup.dossier"
    out.write_bytes(b"an old backup")
    out.chmod(0o644)
    assert run("--dossier", str(filed.path), "backup", str(out))[0] == 0
    assert mode(out) == 0o600 and check_file(out).documents == 8


def test_backup_refuses_to_overwrite_the_dossier_itself(filed: Services, capsys) -> None:
    assert run("--dossier", str(filed.path), "backup", str(filed.path))[0] == 2
    assert "dossier: A backup must go to another file than the dossier itself." in capsys.readouterr().err
    assert check_file(filed.path).documents == 8


def test_a_backup_taken_while_an_import_runs_is_consistent(letters: Path, cli_env, tmp_path: Path) -> None:  # noqa: F811
    dossier = tmp_path / "busy.dossier"
    open_dossier(dossier).close()
    process = subprocess.Popen(dossier_command("--dossier", str(dossier), "import", str(letters)), cwd=ROOT,
                               env=cli_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        assert wait_for(lambda: document_count(dossier) >= 10 or process.poll() is not None, timeout=120)
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        out = tmp_path / "backup.dossier"
        code, text = run("--dossier", str(dossier), "backup", str(out))
        assert code == 0, text
        live = check_file(dossier)  # a check during the import finds nothing either
        still_running = process.poll() is None
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=60)
    assert still_running  # the backup (and the check) happened while the import was writing
    assert live.ok, live.findings
    assert mode(out) == 0o600 and integrity(out) == []
    report = check_file(out)
    assert report.ok, report.findings
    assert 10 <= report.documents < 400
    copied, later = snapshot(out), snapshot(dossier)
    assert sorted(copied) == list(range(1, len(copied) + 1))
    assert all(copied[i] == later[i] for i in copied)  # whole documents, as the import filed them
    services = open_services(out)  # the backup opens as a dossier
    try:
        assert services.documents.stats().documents == report.documents
    finally:
        services.close()


# -- restore ---------------------------------------------------------------------------------------

def test_restore_puts_the_backup_back_and_keeps_what_it_replaced(filed: Services, letters: Path,  # noqa: F811
                                                                  tmp_path: Path) -> None:
    path = filed.path
    out = tmp_path / "backup.dossier"
    assert run("--dossier", str(path), "backup", str(out))[0] == 0
    at_backup = snapshot(path)
    filed.documents.edit_metadata(1, {"title": "Changed after the backup"})
    filed.documents.file_paths(letter_files(letters)[8:10])
    after = snapshot(path)

    with pytest.raises(DossierInUse, match=r"case\.dossier is open in another Dossier window or command"):
        restore(out, path)  # the fixture's services still have it open
    assert snapshot(path) == after  # and nothing changed
    filed.close()

    code, text = run_path_command("restore", path, str(out))
    assert code == 0, text
    assert text.endswith("restored case.dossier from backup.dossier (8 documents)\n")
    [safety] = list(tmp_path.glob("case.dossier.before-restore-*.bak"))
    assert f"kept as {safety}" in text
    assert mode(safety) == 0o600 and mode(path) == 0o600
    assert snapshot(path) == at_backup
    assert snapshot(safety) == after
    services = open_services(path)
    try:
        assert services.documents.get(1).row.title != "Changed after the backup"
        assert services.documents.stats().documents == 8
    finally:
        services.close()


def test_restore_refuses_an_unsound_backup_and_changes_nothing(filed: Services, tmp_path: Path) -> None:
    out = tmp_path / "backup.dossier"
    assert run("--dossier", str(filed.path), "backup", str(out))[0] == 0
    filed.close()
    con = sqlite3.connect(out)
    con.execute("UPDATE document_blobs SET data = zeroblob(length(data)) WHERE document_id = 2")
    con.commit()
    con.close()
    before = snapshot(filed.path)
    code, text = run_path_command("restore", filed.path, str(out))
    assert code == 2
    assert text.startswith("backup.dossier is not a sound backup (D2 (")
    assert text.endswith("nothing was restored.")
    assert snapshot(filed.path) == before and not list(tmp_path.glob("*.before-restore-*"))


def test_a_backup_whose_search_index_is_out_of_step_is_restored_and_said_so(filed: Services,
                                                                           tmp_path: Path) -> None:
    detail = filed.documents.get(2)
    with filed.dossier.sessions.begin() as session:
        search.unindex_document(session, 2, detail.row.title, detail.text)
    out = tmp_path / "backup.dossier"
    assert run("--dossier", str(filed.path), "backup", str(out))[0] == 0
    filed.close()
    code, text = run_path_command("restore", filed.path, str(out))
    assert code == 0
    assert text.splitlines()[-1] == "its search index is out of step: run `dossier check --repair` to rebuild it"
    assert run_path_command("check", filed.path)[0] == 1
    assert run_path_command("check", filed.path, "--repair")[0] == 0


def test_the_copy_made_before_a_migration_restores_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "old.dossier"
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    previous = ScriptDirectory.from_config(config).get_revision(head_revision()).down_revision
    assert isinstance(previous, str)
    engine = make_engine(path)
    migrate(engine, path, target=previous)  # a dossier written by the version before this one
    engine.dispose()
    text = "A letter filed before the upgrade, about quinquennial reviews."
    blob = text.encode()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO documents (id, sha256, file_name, media_type, size, kind, status, text, user_set,"
                " filed_at) VALUES (1, ?, 'old.txt', 'text/plain', ?, 'letter', 'ok', ?, '', 'then')",
                (hashlib.sha256(blob).hexdigest(), len(blob), text))
    con.execute("INSERT INTO document_blobs (document_id, data) VALUES (1, ?)", (blob,))
    con.execute('INSERT INTO paragraphs (document_id, number, start, "end", quoted) VALUES (1, 1, 0, ?, 0)',
                (len(text),))
    con.execute(f"INSERT INTO {search.FTS_TABLE}(rowid, title, text) VALUES (1, '', ?)", (text,))
    con.commit()
    con.close()
    before = snapshot(path)

    open_dossier(path).close()  # upgraded, after a copy aside
    [made] = list(tmp_path.glob(f"old.dossier.before-{head_revision()}-*.bak"))
    assert mode(made) == 0o600
    report = check_file(made)
    assert report.ok and report.revision == previous
    assert [f.severity for f in report.findings] == [Severity.NOTE]  # "will be upgraded when next opened"

    result = restore(made, path)
    assert result.revision == previous and result.documents == 1 and result.safety_copy is not None
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (previous,)
    con.close()
    assert snapshot(path) == before
    services = open_services(path)  # opened again: upgraded again
    try:
        assert services.documents.get(1).text == text
        with services.dossier.sessions() as session:
            assert search.match_ids(session, "quinquennial") == [1]
    finally:
        services.close()
    assert check_file(path).ok


# -- check -----------------------------------------------------------------------------------------

def test_check_of_a_sound_dossier_exits_0(filed: Services) -> None:
    code, text = run("--dossier", str(filed.path), "check")
    assert (code, text) == (0, "No problems found in case.dossier: 8 documents, 8 stored originals match "
                                "their sha256.\n")
    code, text = run("--dossier", str(filed.path), "check", "--json")
    data = json.loads(text)
    assert code == 0 and data["ok"] and data["findings"] == [] and data["documents"] == 8


def test_check_finds_a_tampered_original(filed: Services) -> None:
    name = filed.documents.get(3).row.file_name
    con = sqlite3.connect(filed.path)
    con.execute("UPDATE document_blobs SET data = CAST(replace(CAST(data AS TEXT), 'Dear', 'Deer') AS BLOB) "
                "WHERE document_id = 3")
    con.commit()
    con.close()
    code, text = run("--dossier", str(filed.path), "check")
    assert code == 1
    lines = text.splitlines()
    assert lines[0].startswith(f"error    original      D3 ({name}): the stored original does not match its sha256 (")
    assert lines[0].endswith("— it was altered or damaged.")
    assert lines[-1] == "1 error in case.dossier."
    data = json.loads(run("--dossier", str(filed.path), "check", "--json")[1])
    assert [(f["severity"], f["area"], f["document"]) for f in data["findings"]] == [("error", "original", 3)]


def test_check_finds_a_document_missing_from_the_search_index_and_repair_mends_it(filed: Services) -> None:
    detail = filed.documents.get(5)
    with filed.dossier.sessions.begin() as session:
        search.unindex_document(session, 5, detail.row.title, detail.text)
    code, text = run("--dossier", str(filed.path), "check")
    assert code == 1
    assert f"warning  search index  D5 ({detail.row.file_name}) is missing from the search index " \
           "(repair rebuilds it)." in text.splitlines()
    assert text.splitlines()[-1] == "Run `dossier check --repair` to rebuild the search index."
    code, text = run("--dossier", str(filed.path), "check", "--repair")
    assert code == 0, text
    assert text.splitlines()[0] == "repaired: the search index was rebuilt"
    with filed.dossier.sessions() as session:
        assert search.indexed_ids(session) == set(range(1, 9))
        assert search.integrity_ok(session)


def test_check_finds_a_corrupt_page(filed: Services) -> None:
    filed.close()
    path = filed.path
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'paragraphs'").fetchone()[0]
    con.close()
    with path.open("r+b") as handle:  # garbage over one page of the paragraphs table
        handle.seek((root - 1) * page_size)
        handle.write(random.Random(7).randbytes(page_size))
    code, text = run("--dossier", str(path), "check")
    assert code == 1
    assert text.splitlines()[0].startswith("error    integrity     Damaged: ")
    assert text.splitlines()[-1].startswith("1 error") or text.splitlines()[-1].startswith("2 errors")
    report = check_file(path)
    assert report.errors and all(f.severity is Severity.ERROR for f in report.findings)


def test_check_of_a_file_that_is_not_a_dossier_finds_so(tmp_path: Path) -> None:
    path = tmp_path / "junk.dossier"
    path.write_bytes(random.Random(3).randbytes(8192))
    code, text = run_path_command("check", path)
    assert (code, text.splitlines()[0]) == (1, "error    file          The file is not a dossier, or its first page "
                                                "is damaged (it has no SQLite header).")
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE something (x)")
    con.commit()
    con.close()
    assert run_path_command("check", other) == (1, "error    file          other.db is not a Dossier file.\n"
                                                   "1 error in other.db.\n")


def test_check_of_a_new_dossier_never_set_up_is_a_note(tmp_path: Path) -> None:
    """Killed after creating the file but before setting it up (which is all or nothing)."""
    empty, fresh = tmp_path / "empty.dossier", tmp_path / "fresh.dossier"
    empty.touch()
    con = sqlite3.connect(fresh)
    con.execute("PRAGMA journal_mode=WAL")  # what Dossier's first connection does, before the schema
    con.close()
    for path in (empty, fresh):
        code, text = run_path_command("check", path)
        assert (code, text.splitlines()[0]) == (0, f"note     file          {path.name} is empty: a new dossier, "
                                                   "set up when it is first opened."), text


def test_check_of_a_missing_file_exits_2_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "missing.dossier"
    assert run_path_command("check", path) == (2, "missing.dossier: there is no such dossier.")
    assert not path.exists()


@needs_path_commands
def test_the_command_line_checks_without_opening_the_dossier(tmp_path: Path, capsys) -> None:
    path = tmp_path / "missing.dossier"
    assert run("--dossier", str(path), "check")[0] == 2
    assert "dossier: missing.dossier: there is no such dossier." in capsys.readouterr().err
    assert not path.exists()
    path.write_bytes(b"not a database at all" * 100)
    code, text = run("--dossier", str(path), "check")
    assert code == 1 and "no SQLite header" in text


def test_opening_a_damaged_file_says_so_in_one_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "junk.dossier"
    path.write_bytes(b"not a database at all" * 100)
    assert run("--dossier", str(path), "documents")[0] == 2
    err = capsys.readouterr().err.strip()
    assert err == ("dossier: junk.dossier is damaged or is not a Dossier file (file is not a database). "
                   "`dossier check` says what is wrong; `dossier restore` puts back a backup.")


def test_a_backup_of_a_damaged_dossier_fails_cleanly(tmp_path: Path) -> None:
    from dossier.services.maintenance import backup_file

    path = tmp_path / "junk.dossier"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(DossierError, match=r"junk\.dossier cannot be backed up: it is damaged"):
        backup_file(path, tmp_path / "out.dossier")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.dossier"]  # no partial copy left behind


def test_the_kept_copy_of_a_dossier_too_damaged_to_open_is_its_bytes(filed: Services, tmp_path: Path) -> None:
    out = tmp_path / "backup.dossier"
    assert run("--dossier", str(filed.path), "backup", str(out))[0] == 0
    filed.close()
    with filed.path.open("r+b") as handle:
        handle.write(b"garbage over the header!")
    damaged = filed.path.read_bytes()
    result = restore(out, filed.path)
    assert result.safety_copy is not None and result.safety_copy.read_bytes() == damaged
    assert mode(result.safety_copy) == 0o600
    assert check_file(filed.path).ok and snapshot(filed.path) == snapshot(out)
