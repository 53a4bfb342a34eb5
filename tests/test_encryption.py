"""Encryption at rest (issue #7, item 6): a dossier created with a password is a SQLCipher file. It
round-trips (documents and search), it is unreadable without the password, a wrong or missing
password is refused with a clear message and leaves the file as it was, and its backups (made by
hand or before a migration) are encrypted with the same password."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.db import cipher
from dossier.db.engine import make_engine, open_dossier
from dossier.db.migrate import migrate
from dossier.domain.errors import NotEncrypted, PasswordNeeded, WrongPassword
from dossier.services import open_services
from dossier.services.encryption import is_encrypted
from dossier.services.maintenance import backup_file, check_file, restore

# quotes, a backslash and non-ASCII: the key statement must carry them whole
PASSWORD = "corr'ect \"horse\" \\ £ battery"
SECRET_WORD = "zanzibarite"
LETTER = (
    "Ministry of Harbours\n\n3 March 2014\n\nDear Ms Roe,\n\n"
    f"The {SECRET_WORD} consignment reached the quay on 1 March 2014. Please confirm receipt by 20 March 2014.\n\n"
    "Yours sincerely,\nJohn Smith\nHarbour Master\n"
)


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "letters" / "harbour.txt"
    path.parent.mkdir()
    path.write_text(LETTER, encoding="utf-8")
    return path


@pytest.fixture
def encrypted(dossier_path: Path, letter: Path) -> Path:
    """An encrypted dossier holding one filed letter, closed."""
    services = open_services(dossier_path, PASSWORD)
    try:
        [result] = services.documents.file_paths([letter])
        assert result.document_id is not None
    finally:
        services.close()
    return dossier_path


def _files(path: Path) -> dict[str, bytes]:
    """The dossier and its companions (WAL, shared memory), byte for byte."""
    return {p.name: p.read_bytes() for p in sorted(path.parent.glob(f"{path.name}*"))}


def test_an_encrypted_dossier_round_trips_with_its_documents_and_search(dossier_path: Path, letter: Path) -> None:
    services = open_services(dossier_path, PASSWORD)
    try:
        assert services.dossier.encrypted
        [result] = services.documents.file_paths([letter])
        before_ids = services.documents.ids()
        before_hits = [h.document_id for h in services.search.search(SECRET_WORD)]
        assert before_hits == [result.document_id]
        # while it is open, the write-ahead log is encrypted too
        wal = Path(f"{dossier_path}-wal")
        if wal.exists():
            assert SECRET_WORD.encode() not in wal.read_bytes()
    finally:
        services.close()

    services = open_services(dossier_path, PASSWORD)
    try:
        assert services.documents.ids() == before_ids
        assert services.documents.get(result.document_id).text.count(SECRET_WORD) == 1
        assert [h.document_id for h in services.search.search(SECRET_WORD)] == before_hits
        assert [h.document_id for h in services.search.search("consign*")] == before_hits
        assert services.search.search("nosuchwordanywhere") == ()
        assert services.maintenance.check().ok
        assert services.audit.history(document_id=result.document_id)  # the audit triggers ran too
    finally:
        services.close()


def test_an_encrypted_dossier_is_unreadable_without_its_password(encrypted: Path) -> None:
    raw = encrypted.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for word in (SECRET_WORD, "Harbour Master", "documents", "CREATE TABLE"):
        assert word.encode() not in raw, word
    assert stat.S_IMODE(encrypted.stat().st_mode) == 0o600
    assert is_encrypted(encrypted)
    con = sqlite3.connect(encrypted)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        con.close()


def test_a_wrong_password_is_refused_clearly_and_changes_nothing(encrypted: Path) -> None:
    before = _files(encrypted)
    with pytest.raises(WrongPassword) as caught:
        open_dossier(encrypted, "not the password")
    assert str(caught.value) == "The password for case.dossier is not right."
    assert _files(encrypted) == before
    with pytest.raises(WrongPassword):
        check_file(encrypted, PASSWORD + "x")
    assert _files(encrypted) == before


def test_no_password_is_refused_as_encrypted_not_as_junk(encrypted: Path) -> None:
    before = _files(encrypted)
    with pytest.raises(PasswordNeeded, match=r"case\.dossier is encrypted and needs its password"):
        open_services(encrypted)
    assert _files(encrypted) == before


def test_a_password_for_a_plain_dossier_is_refused(dossier_path: Path) -> None:
    open_services(dossier_path).close()
    before = _files(dossier_path)
    with pytest.raises(NotEncrypted, match="is not encrypted: open it without a password"):
        open_services(dossier_path, PASSWORD)
    assert _files(dossier_path) == before
    assert not is_encrypted(dossier_path)
    open_services(dossier_path).close()  # it still opens as it always did


def test_an_empty_password_is_refused_before_any_file_is_made(tmp_path: Path) -> None:
    target = tmp_path / "new.dossier"
    with pytest.raises(Exception, match="empty"):
        open_services(target, "")
    assert not target.exists()


def test_errors_never_carry_the_password(encrypted: Path) -> None:
    for attempt in (lambda: open_dossier(encrypted, PASSWORD + "!"), lambda: open_dossier(encrypted)):
        with pytest.raises(Exception) as caught:
            attempt()
        assert "horse" not in str(caught.value) and "horse" not in repr(caught.value)
        assert caught.value.__cause__ is None or "horse" not in str(caught.value.__cause__)
    services = open_services(encrypted, PASSWORD)
    try:
        assert "horse" not in repr(services.dossier) and "horse" not in repr(services.dossier.engine.url)
    finally:
        services.close()


def test_a_backup_of_an_encrypted_dossier_is_encrypted_and_opens_with_the_same_password(
        encrypted: Path, tmp_path: Path) -> None:
    services = open_services(encrypted, PASSWORD)
    try:
        result = services.maintenance.backup(tmp_path / "copy.dossier")
    finally:
        services.close()
    copy = result.path
    raw = copy.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and SECRET_WORD.encode() not in raw
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with pytest.raises(PasswordNeeded):
        open_services(copy)
    report = check_file(copy, PASSWORD)
    assert report.ok and report.documents == 1
    unchecked = check_file(copy)  # without the password: says what it may be
    assert not unchecked.ok and any("encrypted" in f.message for f in unchecked.findings)
    reopened = open_services(copy, PASSWORD)
    try:
        assert [h.file_name for h in reopened.search.search(SECRET_WORD)] == ["harbour.txt"]
    finally:
        reopened.close()


def test_an_encrypted_dossier_is_restored_from_its_encrypted_backup(encrypted: Path, tmp_path: Path) -> None:
    copy = backup_file(encrypted, tmp_path / "copy.dossier", PASSWORD).path
    later = tmp_path / "later.txt"
    later.write_text("Dear Sir,\n\nA second letter, filed after the backup.\n\nYours,\nAnn Roe\n", encoding="utf-8")
    services = open_services(encrypted, PASSWORD)
    try:
        services.documents.file_paths([later])
        assert len(services.documents.ids()) == 2
    finally:
        services.close()
    result = restore(copy, encrypted, PASSWORD)
    assert result.documents == 1 and result.safety_copy is not None
    assert not result.safety_copy.read_bytes().startswith(b"SQLite format 3")
    services = open_services(encrypted, PASSWORD)
    try:
        assert len(services.documents.ids()) == 1
        assert [h.file_name for h in services.search.search(SECRET_WORD)] == ["harbour.txt"]
    finally:
        services.close()


def test_the_backup_before_a_migration_is_encrypted_too(dossier_path: Path) -> None:
    dossier_path.touch(mode=0o600)
    engine = make_engine(dossier_path, PASSWORD)
    migrate(engine, dossier_path, target="0001", password=PASSWORD)  # an encrypted dossier of an old schema
    engine.dispose()
    open_dossier(dossier_path, PASSWORD).close()  # backs it up, then upgrades it
    [backup] = dossier_path.parent.glob("case.dossier.before-*.bak")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(PasswordNeeded):
        open_dossier(backup)
    con = cipher.connect(backup, PASSWORD)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    finally:
        con.close()


def test_a_plain_dossier_never_loads_sqlcipher(tmp_path: Path) -> None:
    code = ("import sys; from dossier.services import open_services; s = open_services(sys.argv[1]); "
            "s.search.search('anything'); s.close(); print('sqlcipher3' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "plain.dossier")],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- the command line ----------------------------------------------------------------------------

def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(argv), out=out)
    return code, out.getvalue(), err.getvalue()


def test_the_command_line_creates_and_opens_an_encrypted_dossier(
        dossier_path: Path, letter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOSSIER_PASSWORD", raising=False)
    secret = tmp_path / "password.txt"
    secret.write_text(PASSWORD + "\nthe second line is not part of it\n", encoding="utf-8")
    d = str(dossier_path)
    code, out, err = _run("--dossier", d, "--password-file", str(secret), "import", str(letter))
    assert code == 0, err
    assert is_encrypted(dossier_path) and SECRET_WORD.encode() not in dossier_path.read_bytes()

    code, out, err = _run("--dossier", d, "--password-file", str(secret), "search", SECRET_WORD, "--json")
    assert code == 0 and [h["file"] for h in json.loads(out)] == ["harbour.txt"]

    monkeypatch.setenv("DOSSIER_PASSWORD", PASSWORD)
    code, out, err = _run("--dossier", d, "check")
    assert code == 0, out + err
    backup = tmp_path / "copy.dossier"
    assert _run("--dossier", d, "backup", str(backup))[0] == 0
    assert is_encrypted(backup)

    monkeypatch.setenv("DOSSIER_PASSWORD", "wrong")
    code, out, err = _run("--dossier", d, "documents")
    assert (code, err.strip()) == (2, "dossier: The password for case.dossier is not right.")

    monkeypatch.delenv("DOSSIER_PASSWORD")  # stdin is not a terminal here, so nobody is asked
    code, out, err = _run("--dossier", d, "documents")
    assert code == 2 and "encrypted and needs its password" in err
    code, out, err = _run("--dossier", d, "check")  # a check reports what it can tell without it
    assert code == 1 and "If case.dossier is an encrypted dossier, check it with its password." in out


def test_the_command_line_asks_at_a_terminal_without_echo(
        encrypted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOSSIER_PASSWORD", raising=False)
    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return PASSWORD

    monkeypatch.setattr("dossier.cli.getpass.getpass", fake_getpass)
    monkeypatch.setattr(sys, "stdin", type("Tty", (io.StringIO,), {"isatty": lambda self: True})())
    code, out, err = _run("--dossier", str(encrypted), "documents")
    assert code == 0 and "1 documents" in out
    assert asked == ["Password for case.dossier: "]
    assert "horse" not in out + err


def test_an_empty_password_file_is_refused(dossier_path: Path, tmp_path: Path) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text("\n", encoding="utf-8")
    code, _out, err = _run("--dossier", str(dossier_path), "--password-file", str(secret), "documents")
    assert code == 2 and "no password on its first line" in err
    assert not dossier_path.exists()
