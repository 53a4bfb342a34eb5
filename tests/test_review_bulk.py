"""Review in bulk across the dossier: accept and reject all, by kind and by document, in short
transactions, each audited; the CLI's accept --all / reject --all. Invented letters."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import event
from test_reliability_support import cli_env  # noqa: F401  (a fixture)

from dossier.cli import main
from dossier.domain.errors import DossierError
from dossier.domain.findings import ActionStatus
from dossier.services import Services, open_services
from dossier.services import suggestions as suggestions_module

ASKS = """Marsh Valley Council
Civic Centre
Marsh Valley MV1 4QT

5 May 2022

Priya Calder
Director
Fenwick Housing Trust

Dear Priya,

I am writing about the tenancy audit. The trust must send its revised repairs plan to my officers by 30 June 2022. Please also provide a report on void properties by the end of July 2022.

Yours sincerely,

Tomas Ingleby
Head of Housing
"""

REPORTS = """Fenwick Housing Trust
Trust Offices
Marsh Valley MV3 8LP

2 August 2022

Tomas Ingleby
Head of Housing
Marsh Valley Council

Dear Tomas,

Thank you for your letter of 5 May. The trust sent its revised repairs plan to your officers on 20 June. The deadline for the report on void properties is now 30 September 2022.

Yours sincerely,

Priya Calder
Director
"""

OTHER = """Marsh Valley Council
Civic Centre
Marsh Valley MV1 4QT

9 May 2022

Ruth Okafor
Chair
Lantern Residents Group

Dear Ruth,

The group must send its survey of stairwell lighting to my officers by 15 July 2022.

Yours sincerely,

Tomas Ingleby
Head of Housing
"""


def _file(services: Services, tmp_path: Path, name: str, text: str) -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = services.documents.file_path(path).document_id
    assert doc is not None
    return doc


def _cli(path: Path, *argv: str) -> str:
    out = io.StringIO()
    assert main(["--dossier", str(path), *argv], out=out) == 0
    return out.getvalue()


def _kinds(services: Services, doc: int | None = None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in services.suggestions.pending(doc):
        counts[s.kind] = counts.get(s.kind, 0) + 1
    return counts


def test_accept_all_of_one_kind_across_the_dossier(services: Services, tmp_path: Path) -> None:
    first = _file(services, tmp_path, "asks.txt", ASKS)
    other = _file(services, tmp_path, "other.txt", OTHER)
    before = _kinds(services)
    assert before.get("actor") and before.get("action")
    assert {s.document_id for s in services.suggestions.pending(kind="actor")} == {first, other}
    assert services.suggestions.pending_counts() == before

    records = services.suggestions.accept_all("actor").value

    assert len(records) == before["actor"]
    assert _kinds(services) == {"action": before["action"]}  # every actor accepted, in both letters; no action
    assert services.actions.ids() == []
    names = {r.name for r in services.actors.whos_who()}
    assert {"Priya Calder", "Ruth Okafor"} <= names


def test_reject_all_of_one_kind_in_one_document(services: Services, tmp_path: Path) -> None:
    first = _file(services, tmp_path, "asks.txt", ASKS)
    other = _file(services, tmp_path, "other.txt", OTHER)
    in_first = _kinds(services, first)
    in_other = _kinds(services, other)

    rejected = services.suggestions.reject_all("action", first).value

    assert len(rejected) == in_first["action"]
    assert _kinds(services, first) == {"actor": in_first["actor"]}
    assert _kinds(services, other) == in_other  # the other letter's suggestions wait still
    services.suggestions.unreject_many(rejected)  # the undo
    assert _kinds(services, first) == in_first


def test_an_unknown_kind_is_one_clear_error(services: Services) -> None:
    with pytest.raises(DossierError, match="kinds are actor, action, status"):
        services.suggestions.pending(kind="event")


def test_a_long_acceptance_commits_between_short_transactions_and_lets_another_writer_in(
        services: Services, tmp_path: Path, dossier_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _file(services, tmp_path, "asks.txt", ASKS)
    _file(services, tmp_path, "other.txt", OTHER)
    doc = services.documents.ids()[0]
    total = len(services.suggestions.pending())
    monkeypatch.setattr(suggestions_module, "BATCH_S", 0.0)  # one suggestion a transaction
    commits: list[int] = []
    event.listen(services.dossier.engine, "commit", lambda _conn: commits.append(1))
    second = open_services(dossier_path)  # another window, on its own connection
    edits: list[str] = []
    try:
        def between(done: int, _total: int) -> None:  # the write lock is free here: an edit gets in
            second.documents.edit_metadata(doc, {"title": f"Checked after {done}"})
            edits.append(second.documents.get(doc).row.title or "")

        records = services.suggestions.accept_all(on_progress=between).value
    finally:
        second.close()
    assert len(records) == total
    assert len(edits) == total and edits[-1] == f"Checked after {total}"
    assert len(commits) >= total
    assert services.suggestions.pending(kind="actor") == []


def test_a_stopped_acceptance_leaves_each_suggestion_whole(services: Services, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _file(services, tmp_path, "asks.txt", ASKS)
    _file(services, tmp_path, "other.txt", OTHER)
    total = len(services.suggestions.pending())
    monkeypatch.setattr(suggestions_module, "BATCH_S", 0.0)
    asked = []

    def cancelled() -> bool:  # stopped after three transactions, as a kill between them would leave it
        asked.append(1)
        return len(asked) > 3

    records = services.suggestions.accept_all(cancelled=cancelled).value

    assert len(records) == 3
    assert len(services.suggestions.pending()) == total - 3
    with services.dossier.sessions() as session:
        for record in records:
            status = session.connection().exec_driver_sql(
                "SELECT status FROM suggestions WHERE id = ?", (record.suggestion_id,)).scalar()
            assert status == "accepted"
            for table, row_id in record.created:  # all it made is there
                assert session.connection().exec_driver_sql(
                    f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).scalar() == 1


def test_a_failure_part_way_undoes_what_the_call_accepted(services: Services, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    first = _file(services, tmp_path, "asks.txt", ASKS)
    monkeypatch.setattr(suggestions_module, "BATCH_S", 0.0)  # the actors are committed one by one first
    pending = services.suggestions.pending(first)
    register = services.actors.whos_who()
    ids = [s.id for s in pending if s.kind == "actor"] + [max(s.id for s in pending) + 100]
    with pytest.raises(DossierError, match="There is no suggestion"):
        services.suggestions.accept_many(ids)
    assert {s.id for s in services.suggestions.pending(first)} == {s.id for s in pending}  # nothing accepted
    assert services.actors.whos_who() == register


def _audited(services: Services, suggestion_id: int) -> list[tuple[str, object]]:
    return [(e.op, {c.field: c.new for c in e.changes}.get("status")) for e in reversed(services.audit.history())
            if e.table == "suggestions" and e.row_id == suggestion_id]


def test_accepting_and_rejecting_each_kind_is_audited(services: Services, tmp_path: Path) -> None:
    first = _file(services, tmp_path, "asks.txt", ASKS)
    services.audit.set_user("Nell Arden")
    actor = services.suggestions.pending(first, "actor")[0]
    action = services.suggestions.pending(first, "action")[0]
    services.suggestions.accept_document(first)
    second = _file(services, tmp_path, "reports.txt", REPORTS)
    statuses = services.suggestions.pending(second, "status")
    done = next(s for s in statuses if s.payload["status"] == "done")
    moved = next(s for s in statuses if s.payload["status"] != "done")
    services.suggestions.accept(done.id)
    services.suggestions.reject(moved.id)
    [rejected_actor] = services.suggestions.reject_all("actor", second).value[:1]

    for s in (actor, action, done):
        assert _audited(services, s.id) == [("update", "accepted")], s.kind
    assert _audited(services, moved.id) == [("update", "rejected")]
    assert _audited(services, rejected_actor) == [("update", "rejected")]
    entries = services.audit.history()
    assert any(e.table == "rejections" and e.op == "insert" for e in entries)
    assert all(e.who == "Nell Arden" for e in entries if e.table in ("suggestions", "rejections"))
    # the action accepted carries the letter's deadline: the chronology entry's change is logged
    carried = [e for e in entries if e.table == "chronology_entries" and e.op == "update"]
    assert any(c.field == "carried" and c.new in (1, True) for e in carried for c in e.changes)
    assert services.actions.rows([done.payload["action_id"]])[0].status is ActionStatus.DONE


def test_cli_accept_and_reject_all_by_kind_and_document(tmp_path: Path) -> None:
    path = tmp_path / "case.dossier"
    for name, text in (("asks.txt", ASKS), ("other.txt", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    imported = _cli(path, "import", str(tmp_path / "asks.txt"), str(tmp_path / "other.txt"))
    services = open_services(path)
    try:
        counts = services.suggestions.pending_counts()
        first, other = services.documents.ids(sort="date")
    finally:
        services.close()
    total = sum(counts.values())
    assert f"{total} suggestions wait for review ({counts['actor']} actors, {counts['action']} actions)" in imported

    assert _cli(path, "suggestions", "--kind", "actor").endswith(f"\n{counts['actor']} pending suggestions\n")
    listed = _cli(path, "actions")
    assert "0 actions as at" in listed
    assert f"{counts['action']} proposed actions await review" in listed

    out = _cli(path, "reject", "--all", "--kind", "action", "--document", str(other))
    services = open_services(path)
    try:
        in_other = _kinds(services, other)
        assert "action" not in in_other and in_other.get("actor")
        assert _kinds(services, first).get("action")
        rejected = counts["action"] - _kinds(services, first)["action"]
    finally:
        services.close()
    assert out == f"{rejected} suggestions rejected; they will not be made again\n"

    out = _cli(path, "accept", "--all", "--kind", "actor")
    assert out.startswith(f"{counts['actor']} suggestions accepted\n")
    services = open_services(path)
    try:
        assert services.suggestions.pending_counts() == {"action": counts["action"] - rejected}
    finally:
        services.close()
    out = _cli(path, "accept", "--all")
    assert out.startswith(f"{counts['action'] - rejected} suggestions accepted\n")
    assert "proposed action" not in _cli(path, "actions")


def test_cli_accept_or_reject_with_nothing_named_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "case.dossier"
    for command in ("accept", "reject"):
        assert main(["--dossier", str(path), command], out=io.StringIO()) == 2
        assert "or give --all" in capsys.readouterr().err


def _accepted(path: Path) -> int:
    """Suggestions accepted so far, read without writing (0 while the file cannot be read)."""
    import sqlite3

    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM suggestions WHERE status = 'accepted'").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_accept_all_killed_part_way_leaves_whole_acceptances_and_carries_on(tmp_path: Path, cli_env) -> None:  # noqa: F811
    """`dossier accept --all` SIGKILLed once some of its transactions have committed: the dossier is
    sound, and accepting the rest gives the register an uninterrupted run gives."""
    import os
    import shutil
    import signal
    import subprocess

    from test_reliability_support import ROOT, dossier_command, integrity, wait_for

    from benchmarks.generate import generate

    papers = tmp_path / "papers"
    generate(papers, 40, ("txt",), 3)
    (papers / "truth.json").unlink()
    base = tmp_path / "base.dossier"
    services = open_services(base)
    try:
        services.documents.file_paths(sorted(papers.iterdir()))
        total = len(services.suggestions.pending())
    finally:
        services.close()
    killed, whole = tmp_path / "killed.dossier", tmp_path / "whole.dossier"
    for target in (killed, whole):
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{base}{suffix}").exists():
                shutil.copyfile(f"{base}{suffix}", f"{target}{suffix}")

    process = subprocess.Popen(dossier_command("--dossier", str(killed), "accept", "--all"), cwd=ROOT, env=cli_env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_for(lambda: _accepted(killed) > 0 or process.poll() is not None, timeout=120, step=0.01)
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    finally:
        process.communicate(timeout=60)
    assert integrity(killed) == []
    part = _accepted(killed)
    assert 0 < part < total  # some transactions committed before the kill, not all

    _cli(killed, "accept", "--all")  # the rest
    _cli(whole, "accept", "--all")
    assert _accepted(killed) == _accepted(whole) == total
    for listing in (["actors", "--json"], ["actions", "--json"]):
        assert _cli(killed, *listing) == _cli(whole, *listing), listing
