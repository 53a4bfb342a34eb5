"""The CLI does what the window does: correct a document's metadata, change an action's status,
merge and split actors, through the services the window uses. Invented letters."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.domain.findings import ActionStatus
from dossier.services import open_services

LETTER = """Marsh Valley Council
Civic Centre
Marsh Valley MV1 4QT

5 May 2022

Priya Calder
Director
Fenwick Housing Trust

Dear Priya,

The trust must send its revised repairs plan to my officers by 30 June 2022.

Yours sincerely,

Tomas Ingleby
Head of Housing
"""


def _run(path: Path, *argv: str) -> str:
    out = io.StringIO()
    assert main(["--dossier", str(path), *argv], out=out) == 0, out.getvalue()
    return out.getvalue()


@pytest.fixture
def filed(tmp_path: Path) -> Path:
    path = tmp_path / "case.dossier"
    (tmp_path / "letter.txt").write_text(LETTER, encoding="utf-8")
    _run(path, "import", str(tmp_path / "letter.txt"))
    return path


def test_edit_corrects_metadata_as_the_window_does(filed: Path) -> None:
    out = _run(filed, "edit", "D1", "--title", "Repairs plan", "--date", "6 May 2022", "--sender", "Tomas Ingleby",
               "--to", "Priya Calder", "--to", "Board of Fenwick Housing Trust", "--cc", "Ola Brandt")
    assert out.startswith("D1 corrected: title, sender, date, to, cc\n")
    [doc] = json.loads(_run(filed, "documents", "--json"))
    assert doc["title"] == "Repairs plan"
    assert doc["date"]["value"] == "2022-05-06"
    assert doc["recipients"] == ["Priya Calder", "Board of Fenwick Housing Trust"]
    assert doc["cc"] == ["Ola Brandt"]
    shown = json.loads(_run(filed, "show", "1", "--json"))
    assert {"title", "date", "sender", "recipients", "cc"} <= set(shown["user_set"])  # analysis keeps off them
    services = open_services(filed)
    try:
        [edit] = [e for e in services.audit.history(document_id=1) if e.table == "documents" and e.op == "update"]
        assert {c.field for c in edit.changes} >= {"title", "date_value"}
    finally:
        services.close()


def test_edit_with_nothing_to_change_or_a_bad_date_is_one_line(filed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dossier", str(filed), "edit", "1"], out=io.StringIO()) == 2
    assert "say what to change" in capsys.readouterr().err
    assert main(["--dossier", str(filed), "edit", "1", "--date", "the day after"], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert err.startswith("dossier: cannot read the date") and err.count("\n") == 1
    assert main(["--dossier", str(filed), "edit", "9", "--title", "x"], out=io.StringIO()) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_action_status_is_changed_and_shown(filed: Path) -> None:
    _run(filed, "accept", "--all")
    [action] = json.loads(_run(filed, "actions", "--json"))
    assert action["status"] == "open"
    out = _run(filed, "action", str(action["id"]), "--status", "done", "--note", "Plan received", "--by", "D1")
    assert out == f"action {action['id']}: open -> done\n"
    [action] = json.loads(_run(filed, "actions", "--json"))
    assert (action["status"], action["status_note"]) == ("done", "Plan received")
    services = open_services(filed)
    try:
        assert services.actions.fields(action["id"]).status_document_id == 1
        assert services.actions.fields(action["id"]).status is ActionStatus.DONE
    finally:
        services.close()
    _run(filed, "action", str(action["id"]), "--status", "open")
    [action] = json.loads(_run(filed, "actions", "--json"))
    assert (action["status"], action["status_note"]) == ("open", None)


def _actor(path: Path, name: str) -> dict:
    return next(a for a in json.loads(_run(path, "actors", "--json")) if a["name"] == name)


def test_actors_merge_and_split_by_name_or_id(filed: Path) -> None:
    _run(filed, "accept", "--all", "--kind", "actor")
    keep, drop = _actor(filed, "Tomas Ingleby"), _actor(filed, "Priya Calder")
    out = _run(filed, "actors", "merge", f"A{keep['id']}", "Priya Calder")
    assert out == "Priya Calder merged into Tomas Ingleby\n"
    names = {a["name"] for a in json.loads(_run(filed, "actors", "--json"))}
    assert "Priya Calder" not in names
    assert "Priya Calder" in _actor(filed, "Tomas Ingleby")["aliases"]

    out = _run(filed, "actors", "split", "Tomas Ingleby", "Priya Calder")
    assert out.startswith("Priya Calder is now an actor of its own")
    assert "Priya Calder" not in _actor(filed, "Tomas Ingleby")["aliases"]
    assert _actor(filed, "Priya Calder")["id"] not in (keep["id"], drop["id"])  # a new actor
    assert "actors" in _run(filed, "actors")  # the who's who, as before


def test_actors_merge_of_an_unknown_actor_is_one_line(filed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dossier", str(filed), "actors", "merge", "Nobody Known", "Tomas Ingleby"], out=io.StringIO()) == 2
    assert "there is no actor 'Nobody Known'" in capsys.readouterr().err
