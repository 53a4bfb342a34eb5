"""The history in words: each audited change says what changed with labels, names and paragraph
numbers ("Mention of 'H. Voss' in D1 ¶3 linked to Harlan Voss (was: Voss)"), never row ids and
field names, in the service, in `dossier history` and in the window's History dialog."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from dossier.cli import main
from dossier.domain.annotations import AnnotationFields
from dossier.domain.audit import AuditEntry, Change
from dossier.domain.audit_words import Names, describe
from dossier.domain.dates import PartialDate
from dossier.services import Services, open_services

LETTER = ("2 February 2024\n\nDear Ms Ines Calloway,\n\nThank you for your note about the marsh path.\n\n"
          "H. Voss of the rangers will walk the path with you on 9 February and report by 1 March.\n\n"
          "Yours sincerely,\n\nDorian Pell\n")


def _filed(services: Services, tmp_path: Path) -> int:
    (tmp_path / "path.txt").write_text(LETTER, encoding="utf-8")
    doc = services.documents.file_path(tmp_path / "path.txt").document_id
    assert doc is not None
    return doc


def _words(services: Services, **which: int) -> list[str]:
    return list(services.audit.describe(services.audit.history(**which)))


def _relinked(services: Services, doc: int) -> None:
    text = services.documents.get(doc).text
    start = text.index("H. Voss")
    voss = services.actors.create("Voss").value
    harlan = services.actors.create("Harlan Voss").value
    services.actors.tag(doc, start, start + len("H. Voss"), actor_id=voss)
    services.actors.merge(harlan, voss)


def test_a_mention_linked_to_another_actor_is_said_with_names_and_paragraph(services: Services,
                                                                            tmp_path: Path) -> None:
    doc = _filed(services, tmp_path)
    _relinked(services, doc)
    paragraph = next(p.number for p in services.documents.get(doc).paragraphs
                     if "H. Voss" in services.documents.get(doc).text[p.start:p.end])
    words = _words(services, document_id=doc)
    assert f"Mention of 'H. Voss' in D{doc} ¶{paragraph} linked to Harlan Voss (was: Voss)" in words
    assert f"Mention of 'H. Voss' in D{doc} ¶{paragraph} linked to Voss" in words  # the tag itself
    assert not any("actor_id" in w or "→" in w for w in words)


def test_metadata_annotations_and_reviews_in_words(services: Services, tmp_path: Path) -> None:
    doc = _filed(services, tmp_path)
    services.documents.edit_metadata(doc, {"title": "The marsh path", "date": PartialDate.from_date(dt.date(2024, 2, 3))})
    note = services.annotations.create_at_quote(doc, "walk the path", AnnotationFields(note="who else?")).value
    services.annotations.update(note.id, AnnotationFields(note="ask the rangers"))
    services.annotations.set_reviewed(doc, True, by="Ola Brede")
    words = _words(services, document_id=doc)
    assert f"D{doc} filed from path.txt" in words
    edit = next(w for w in words if w.startswith(f"D{doc}: "))
    assert "title 'The marsh path' (was: none)" in edit and "date '2024-02-03' (was: '2024-02-02')" in edit
    assert any(w.startswith("Annotation on 'walk the path' in D") and ": note 'ask the rangers' (was: 'who else?')" in w
               for w in words)
    assert f"D{doc} marked reviewed by Ola Brede" in words


def test_a_refile_is_one_line_for_the_document_and_one_for_its_annotations(services: Services,
                                                                           tmp_path: Path) -> None:
    doc = _filed(services, tmp_path)
    services.annotations.create_at_quote(doc, "report by 1 March", AnnotationFields())
    services.annotations.set_reviewed(doc, True, by="Ola Brede")
    (tmp_path / "clean.txt").write_text(LETTER.replace("Thank you", "A lost first line.\n\nThank you")
                                        .replace("1 March", "8 March"), encoding="utf-8")
    old = services.documents.current_copy(doc)
    report = services.documents.refile(doc, tmp_path / "clean.txt").value
    words = _words(services, document_id=doc)
    assert words[0] == (f"Annotations of D{doc} re-anchored after a re-file: 1 moved with the new text, "
                        "1 onto different words (to check)")
    assert words[1] == (f"D{doc} re-filed from clean.txt (was: path.txt); reviewed mark by Ola Brede cleared: "
                        "changed since reviewed")
    services.documents.refile_copy(doc, old, review=report.review_cleared)  # the window's undo
    assert (f"D{doc} re-filed from path.txt (was: clean.txt); reviewed mark by Ola Brede put back"
            in _words(services, document_id=doc)[:2])


def test_describers_name_an_action_and_fall_back_for_an_unknown_table() -> None:
    names = Names(actors={7: "Ines Calloway"}, paragraphs={3: ((0, 10, 1), (10, 40, 2))})
    moved = AuditEntry(1, "2024-02-03T10:00:00Z", "kim", "actions", "update", 5, 3, 7, 5,
                       (Change("owner_id", None, 7), Change("status", "open", "done")),
                       (("summary", "Walk the marsh path"), ("document_id", 3), ("start", 12), ("owner_id", 7)))
    assert describe(moved, names) == ("Action 'Walk the marsh path' in D3 ¶2 owner now Ines Calloway (was: no one); "
                                      "now 'done' (was: 'open')")
    odd = AuditEntry(2, "2024-02-03T10:00:00Z", "kim", "widgets", "update", 9, None, None, None,
                     (Change("colour", "red", "blue"),), ())
    assert describe(odd, names) == "widgets 9: colour 'blue' (was: 'red')"


def test_cli_history_speaks_in_words(tmp_path: Path, dossier_path: Path) -> None:
    services = open_services(dossier_path)
    try:
        doc = _filed(services, tmp_path)
        _relinked(services, doc)
    finally:
        services.close()
    out = io.StringIO()
    assert main(["--dossier", str(dossier_path), "history", "--document", f"D{doc}"], out=out) == 0
    text = out.getvalue()
    assert "linked to Harlan Voss (was: Voss)" in text and "actor_id" not in text
    out = io.StringIO()
    assert main(["--dossier", str(dossier_path), "history", "--document", f"D{doc}", "--json"], out=out) == 0
    assert any("linked to Harlan Voss (was: Voss)" in e["description"] for e in json.loads(out.getvalue()))


def test_the_history_dialog_shows_the_words(qtbot, services: Services, tmp_path: Path) -> None:
    from dossier.ui.dialogs.history_dialog import HistoryDialog

    doc = _filed(services, tmp_path)
    _relinked(services, doc)
    entries = services.audit.history(document_id=doc)
    dialog = HistoryDialog(f"History of D{doc}", entries, services.audit.to_csv(entries),
                           descriptions=services.audit.describe(entries))
    qtbot.addWidget(dialog)
    shown = [dialog.tree.topLevelItem(i).text(2) for i in range(dialog.tree.topLevelItemCount())]
    assert any("linked to Harlan Voss (was: Voss)" in s for s in shown)


def test_a_tenure_is_said_with_the_post_title_and_the_letter_it_comes_from() -> None:
    names = Names(actors={4: "Ines Calloway"}, posts={2: "Harbour Master"})
    entry = AuditEntry(3, "2024-02-03T10:00:00Z", "kim", "post_holders", "update", 8, 6, 4, None,
                       (Change("document_id", 5, 6),), (("post_id", 2), ("actor_id", 4), ("document_id", 6)))
    assert describe(entry, names) == "Tenure of Ines Calloway as 'Harbour Master' now from D6 (was: D5)"


def test_accepting_and_rejecting_a_suggestion_is_told_in_words() -> None:
    from dossier.domain.audit import AuditEntry, Change
    from dossier.domain.audit_words import Names, describe

    row = (("id", 7), ("document_id", 3), ("kind", "action"), ("key", "action:x"), ("label", "Ada Quill to call"),
           ("status", "accepted"))
    accepted = AuditEntry(1, "2026-01-02T10:00:00Z", "me", "suggestions", "update", 7, 3, None, None,
                          (Change("status", "pending", "accepted"),), row)
    assert describe(accepted, Names()) == "Suggested action 'Ada Quill to call' from D3 accepted"
    remembered = AuditEntry(2, "2026-01-02T10:00:00Z", "me", "rejections", "insert", 1, None, None, None,
                            (), (("id", 1), ("key", "actor:ada quill")))
    assert describe(remembered, Names()) == "Suggestion 'actor:ada quill' rejected: it will not be made again"
