"""The audit trail: every change logged with who, when, old and new, in the same transaction."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from dossier.cli import main
from dossier.domain.annotations import AnnotationFields
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionStatus, ActionType
from dossier.domain.register import ActionFields
from dossier.services import Services

LETTER = "12 March 2021\n\nDear Ms Harper,\n\nPlease send the plan by 30 June 2021.\n\nYours sincerely,\nAlan Marsh\n"


def _file(services: Services, tmp_path: Path, name: str = "a.txt") -> int:
    (tmp_path / name).write_text(LETTER, encoding="utf-8")
    doc = services.documents.file_path(tmp_path / name).document_id
    assert doc is not None
    return doc


def test_filing_logs_the_document_and_nothing_derived_from_it(services: Services, tmp_path: Path) -> None:
    doc = _file(services, tmp_path)
    entries = services.audit.history()
    assert [e.what for e in entries] == [f"document D{doc} filed"]


def test_edit_is_logged_with_who_and_old_and_new(services: Services, tmp_path: Path) -> None:
    doc = _file(services, tmp_path)
    services.audit.set_user("  Kim   Lowe ")
    services.documents.edit_metadata(doc, {"title": "The plan",
                                           "date": PartialDate.from_date(dt.date(2021, 3, 13))})
    [edit] = [e for e in services.audit.history(document_id=doc) if e.op == "update"]
    assert edit.who == "Kim Lowe" and edit.table == "documents"
    changes = {c.field: (c.old, c.new) for c in edit.changes}
    assert changes["title"] == (None, "The plan")
    assert changes["date_value"] == ("2021-03-12", "2021-03-13")
    assert "text" not in changes


def test_a_change_that_fails_leaves_no_log(services: Services, tmp_path: Path) -> None:
    doc = _file(services, tmp_path)
    before = len(services.audit.history())
    with pytest.raises(RuntimeError), services.dossier.sessions.begin() as session:
        session.execute(text("UPDATE documents SET title = 'half' WHERE id = :id"), {"id": doc})
        raise RuntimeError("power cut")
    assert len(services.audit.history()) == before
    assert services.documents.get(doc).metadata.title != "half"


def test_the_log_cannot_be_changed(services: Services, dossier_path: Path, tmp_path: Path) -> None:
    _file(services, tmp_path)
    connection = sqlite3.connect(dossier_path)
    try:
        for statement in ("UPDATE audit_log SET who = 'someone else'", "DELETE FROM audit_log"):
            with pytest.raises(sqlite3.DatabaseError, match="cannot be changed"):
                connection.execute(statement)
    finally:
        connection.close()


def test_history_of_an_actor_and_of_an_action(services: Services, tmp_path: Path) -> None:
    _file(services, tmp_path)
    actor = services.actors.find("Alan Marsh")
    assert actor is not None
    services.actors.rename(actor, "Alan J. Marsh")
    action = services.actions.create(ActionFields(ActionType.REQUEST, "send the plan", actor, None, None, None,
                                                  ActionStatus.OPEN, None, None)).value
    services.actions.set_status(action, ActionStatus.DONE)
    renamed = [e for e in services.audit.history(actor_id=actor) if e.table == "actors" and e.op == "update"]
    assert renamed and {c.field: c.new for c in renamed[0].changes}["name"] == "Alan J. Marsh"
    statuses = [{c.field: (c.old, c.new) for c in e.changes}.get("status")
                for e in services.audit.history(action_id=action) if e.op == "update"]
    assert ("open", "done") in statuses


def test_annotation_edits_are_logged_and_exported_as_csv(services: Services, tmp_path: Path,
                                                         dossier_path: Path) -> None:
    doc = _file(services, tmp_path)
    ann = services.annotations.create_at_quote(doc, "the plan", AnnotationFields(note="first")).value
    services.annotations.update(ann.id, AnnotationFields(note="=second"))
    out = io.StringIO()
    assert main(["--dossier", str(dossier_path), "history", "--document", f"D{doc}", "--csv",
                 str(tmp_path / "h.csv")], out=out) == 0
    rows = list(csv.DictReader((tmp_path / "h.csv").open(encoding="utf-8")))
    notes = [r for r in rows if r["field"] == "note" and r["what"].startswith("annotation")]
    assert {"old": "first", "new": "'=second"}.items() <= notes[0].items()
