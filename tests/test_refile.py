"""Re-filing a document from a better copy: its title stays, the file it was first filed as is kept
beside the new one, its reviewed mark is cleared ("changed since reviewed"), an annotation moved onto
different words is flagged for a check, and the history gets one line for the moves, not one per field."""

from __future__ import annotations

import io
import json
from pathlib import Path

from dossier.cli import main
from dossier.domain.annotations import AnnotationFields
from dossier.services import Services

LETTER = ("4 April 2023\n\nDear Ms Rowan Tilley,\n\nThe harbour wall at Lowmere must be rebuilt by the end of June, "
          "and the board asks for the survey of the north section first.\n\nThe ferry steps will close "
          "while the works go on.\n\nYours sincerely,\n\nPetra Quillon\n")
BETTER = ("4 April 2023\n\nDear Ms Rowan Tilley,\n\nA first paragraph the scanned copy had lost, about the "
          "weather at Lowmere this spring.\n\nThe harbour wall at Lowmere must be rebuilt by the end of July, "
          "and the board asks for the survey of the north section first.\n\nThe ferry steps will close "
          "while the works go on.\n\nYours sincerely,\n\nPetra Quillon\n")


def _filed(services: Services, tmp_path: Path) -> int:
    (tmp_path / "scan.txt").write_text(LETTER, encoding="utf-8")
    doc = services.documents.file_path(tmp_path / "scan.txt").document_id
    assert doc is not None
    return doc


def _better(tmp_path: Path) -> Path:
    (tmp_path / "clean.txt").write_text(BETTER, encoding="utf-8")
    return tmp_path / "clean.txt"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_refiling_keeps_the_title_and_the_first_file_name(services: Services, tmp_path: Path) -> None:
    doc = _filed(services, tmp_path)
    services.documents.edit_metadata(doc, {"title": "Harbour wall works"})
    old = services.documents.current_copy(doc)
    services.documents.refile(doc, _better(tmp_path))
    row = services.documents.get(doc).row
    assert row.title == "Harbour wall works" and row.label == "Harbour wall works"
    assert (row.file_name, row.first_file_name) == ("clean.txt", "scan.txt")
    services.documents.refile_copy(doc, old)  # the undo: the first file is back, nothing beside it
    row = services.documents.get(doc).row
    assert (row.file_name, row.first_file_name) == ("scan.txt", None)


def test_refiling_clears_the_reviewed_mark_and_says_changed_since_reviewed(services: Services,
                                                                           tmp_path: Path) -> None:
    doc = _filed(services, tmp_path)
    services.annotations.set_reviewed(doc, True, by="Nia Corder")
    old = services.documents.current_copy(doc)
    report = services.documents.refile(doc, _better(tmp_path)).value
    assert report.review_cleared is not None and report.review_cleared.reviewed_by == "Nia Corder"
    row = services.documents.get(doc).row
    assert not row.reviewed and row.review_label == "changed since reviewed"
    assert services.annotations.review_status(doc) is None
    # the undo puts the mark back as it was
    services.documents.refile_copy(doc, old, review=report.review_cleared)
    row = services.documents.get(doc).row
    assert row.reviewed_by == "Nia Corder" and row.changed_since_review is None
    # reviewing again after a re-file clears "changed since reviewed"
    services.documents.refile(doc, _better(tmp_path))
    services.annotations.set_reviewed(doc, True, by="Nia Corder")
    assert services.documents.get(doc).row.review_label == "Nia Corder"


def test_an_annotation_moved_onto_different_words_is_flagged(services: Services, tmp_path: Path) -> None:
    doc = _filed(services, tmp_path)
    same = services.annotations.create_at_quote(doc, "The ferry steps will close", AnnotationFields(note="same")).value
    changed = services.annotations.create_at_quote(doc, "rebuilt by the end of June", AnnotationFields(note="when")).value
    report = services.documents.refile(doc, _better(tmp_path)).value
    assert [a.id for a in report.changed_words] == [changed.id]
    moved = services.annotations.get(changed.id)
    assert moved.needs_check and not moved.orphan and "July" in moved.quote
    assert not services.annotations.get(same.id).needs_check
    # once the user has looked at it and saved it, the flag goes
    services.annotations.update(changed.id, AnnotationFields(note="when: now July"))
    assert not services.annotations.get(changed.id).needs_check


def test_refiling_logs_one_line_for_the_moves_not_one_per_offset(services: Services, tmp_path: Path) -> None:
    doc = _filed(services, tmp_path)
    for quote in ("The ferry steps will close", "rebuilt by the end of June", "survey of the north section"):
        services.annotations.create_at_quote(doc, quote, AnnotationFields())
    services.annotations.set_reviewed(doc, True, by="Nia Corder")
    before = services.audit.history(document_id=doc)[0].id
    services.documents.refile(doc, _better(tmp_path))
    entries = [e for e in services.audit.history(document_id=doc) if e.id > before]
    assert sorted((e.table, e.row_id) for e in entries) == [("annotations", None), ("documents", doc)]
    [summary] = [e for e in entries if e.table == "annotations"]
    assert {c.field: c.new for c in summary.changes} == {"reanchored": 3, "changed_words": 1, "orphaned": 0}
    [document] = [e for e in entries if e.table == "documents"]
    fields = {c.field: (c.old, c.new) for c in document.changes}
    assert fields["file_name"] == ("scan.txt", "clean.txt") and fields["first_file_name"] == (None, "scan.txt")
    assert fields["changed_since_review"] == (None, "Nia Corder")


def test_cli_refile_says_what_to_check_and_lists_it(tmp_path: Path, dossier_path: Path) -> None:
    (tmp_path / "scan.txt").write_text(LETTER, encoding="utf-8")
    d = str(dossier_path)
    run("--dossier", d, "import", str(tmp_path / "scan.txt"))
    run("--dossier", d, "annotate", "1", "--quote", "rebuilt by the end of June")
    run("--dossier", d, "review", "1", "--by", "Nia Corder")
    code, text = run("--dossier", d, "refile", "1", str(_better(tmp_path)))
    assert code == 0 and "check 1: now on different words" in text
    assert "changed since reviewed by Nia Corder" in text
    code, text = run("--dossier", d, "annotations")
    assert "(check: re-filing moved it onto different words)" in text
    code, text = run("--dossier", d, "show", "1")
    assert "first filed as scan.txt" in text and "reviewed:   changed since reviewed" in text
    code, text = run("--dossier", d, "show", "1", "--json")
    shown = json.loads(text)
    assert shown["first_file"] == "scan.txt" and shown["changed_since_review"] is True
