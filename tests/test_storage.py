"""The dossier file: migrations, backups, refusal of newer files, pragmas, permissions."""

import sqlite3
import stat

import pytest
from sqlalchemy import text

from dossier.db import search
from dossier.db.engine import make_engine, open_dossier
from dossier.db.migrate import current_revision, head_revision, migrate
from dossier.domain.errors import DossierError, NewerSchemaError


def test_new_dossier_is_migrated_private_and_in_wal_mode(dossier_path):
    d = open_dossier(dossier_path)
    try:
        assert current_revision(d.engine) == head_revision()
        assert stat.S_IMODE(dossier_path.stat().st_mode) == 0o600
        with d.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        d.close()


def test_reopening_a_current_file_makes_no_backup(dossier_path):
    open_dossier(dossier_path).close()
    open_dossier(dossier_path).close()
    assert list(dossier_path.parent.glob("*.bak")) == []


def test_an_older_file_is_backed_up_upgraded_and_indexed(dossier_path):
    engine = make_engine(dossier_path)
    migrate(engine, dossier_path, target="0001")  # a dossier made before the search index existed
    engine.dispose()
    con = sqlite3.connect(dossier_path)
    con.execute(
        "INSERT INTO documents (id, sha256, file_name, media_type, size, kind, status, text, user_set, filed_at)"
        " VALUES (1, 'abc', 'old.txt', 'text/plain', 3, 'letter', 'ok', 'an unusual word: quinquennial', '', 'now')"
    )
    con.commit()
    con.close()

    d = open_dossier(dossier_path)
    try:
        assert current_revision(d.engine) == head_revision()
        with d.sessions() as session:
            assert search.match_ids(session, "quinquennial") == [1]
    finally:
        d.close()
    backups = list(dossier_path.parent.glob("case.dossier.before-*.bak"))
    assert len(backups) == 1
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert con.execute("SELECT file_name FROM documents").fetchall() == [("old.txt",)]
    con.close()


def test_a_file_from_a_newer_version_is_refused_with_a_clear_message(dossier_path):
    open_dossier(dossier_path).close()
    con = sqlite3.connect(dossier_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    with pytest.raises(NewerSchemaError) as info:
        open_dossier(dossier_path)
    assert "case.dossier was written by a newer version of Dossier" in str(info.value)
    assert "\n" not in str(info.value)


def test_a_foreign_sqlite_file_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE something (x)")
    con.execute("INSERT INTO something VALUES (1)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DossierError, match="not a Dossier file"):
        open_dossier(path)
    assert path.read_bytes() == before  # not switched to WAL, nor touched at all
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()


def test_migrations_build_exactly_the_schema_the_models_describe(dossier_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from dossier.db.models import Base

    d = open_dossier(dossier_path)
    try:
        with d.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        d.close()
    # the FTS5 tables are created by dossier.db.search, outside the models
    fts = ("documents_fts", "annotations_fts", "actors_fts")
    diffs = [x for x in diffs if not (x[0] == "remove_table" and x[1].name.startswith(fts))]
    assert diffs == []


def test_dossiers_opened_at_once_from_several_threads_are_each_migrated(tmp_path):
    """Alembic keeps its running migration in module globals, so two upgrades in one process at
    once ran each other's steps on the wrong file (found by CI's kill test, which reopens its
    killed dossiers from a thread pool). Upgrades in one process now take turns."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    lanes = 6
    start = threading.Barrier(lanes)

    def open_new(n: int) -> str | None:
        start.wait()
        d = open_dossier(tmp_path / f"d{n}.dossier")
        try:
            return current_revision(d.engine)
        finally:
            d.close()

    with ThreadPoolExecutor(lanes) as pool:
        revisions = list(pool.map(open_new, range(lanes)))
    assert revisions == [head_revision()] * lanes
    for n in range(lanes):
        con = sqlite3.connect(tmp_path / f"d{n}.dossier")
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'document_parties'").fetchone()[0] == 1
        con.close()
