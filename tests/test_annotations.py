"""Annotations: anchoring, re-anchoring after re-extraction, the service, reviewed status."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from dossier.analysis.anchoring import anchor_at, find_quote, reanchor
from dossier.domain.annotations import Anchor, AnnotationFields, AnnotationFilter, Colour
from dossier.domain.errors import DossierError
from dossier.services import Services, open_services
from dossier.services.annotations import QuoteNotFound

LETTER = """Department for Testing
12 March 2021

Dear Ms Harper,

Thank you for your letter about the funding of the outreach service. I share your concern that the
service has not improved quickly enough.

I would like a report on the recovery plan by the end of April. The board must also publish its
minutes in full.

Yours sincerely,
Alan Marsh
"""


def _file(services: Services, tmp_path: Path, text: str = LETTER, name: str = "letter.txt") -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = services.documents.file_path(path)
    assert result.document_id is not None
    return result.document_id


# -- anchoring (pure) ------------------------------------------------------------------------------

def test_anchor_keeps_the_quote_and_context() -> None:
    text = "one two three four five"
    a = anchor_at(text, 8, 13)
    assert (a.quote, a.prefix, a.suffix) == ("three", "one two ", " four five")


def test_reanchor_same_offsets_is_not_a_move() -> None:
    text = "alpha beta gamma"
    placed = reanchor(text, anchor_at(text, 6, 10))
    assert placed is not None and (placed.start, placed.end, placed.moved) == (6, 10, False)


def test_reanchor_chooses_the_occurrence_whose_context_matches() -> None:
    old = "the plan is late. Ask about the plan today. The plan was agreed."
    start = old.index("the plan today")
    anchor = anchor_at(old, start, start + len("the plan"))
    new = "PREFACE. the plan is late. Ask about the plan today. The plan was agreed."
    placed = reanchor(new, anchor)
    assert placed is not None
    assert new[placed.start:placed.end] == "the plan"
    assert new[placed.start:].startswith("the plan today")


def test_reanchor_survives_rewrapped_lines() -> None:
    old = "We expect the council to publish its improvement plan within three months of this letter."
    s = old.index("publish its improvement plan")
    anchor = anchor_at(old, s, s + len("publish its improvement plan"))
    new = "Header\n\nWe expect the council to publish its\nimprovement plan within three months of this letter."
    placed = reanchor(new, anchor)
    assert placed is not None
    assert new[placed.start:placed.end] == "publish its\nimprovement plan"


def test_reanchor_fuzzy_when_a_word_was_mended() -> None:
    old = "The commissioner will reprot on progress to the secretary of state by the autumn."
    s = old.index("will reprot on progress")
    anchor = anchor_at(old, s, s + len("will reprot on progress to the secretary"))
    new = "The commissioner will report on progress to the secretary of state by the autumn."
    placed = reanchor(new, anchor)
    assert placed is not None
    assert new[placed.start:placed.end] == "will report on progress to the secretary"


def test_reanchor_fuzzy_when_the_words_were_retyped_and_the_context_rewritten() -> None:
    # no 8-character piece of the quote and nothing of its context survives: only a search of the
    # whole text for the most similar window finds it
    quote = "The trust must send its revised staffing figures to the board before the next review."
    old = f"Minutes of the panel. {quote} Other business followed."
    s = old.index(quote)
    anchor = anchor_at(old, s, s + len(quote))
    retyped = "The trsut must sned its revsied staffnig figuers to the baord before hte next reveiw."
    new = f"Notes from a meeting held later. {retyped} Nothing else was discussed at length."
    placed = reanchor(new, anchor)
    assert placed is not None
    assert new[placed.start:placed.end] == retyped


def test_reanchor_gives_up_when_the_words_are_gone() -> None:
    anchor = Anchor(10, 30, "entirely different words", "some prefix text ", " and a suffix")
    assert reanchor("Nothing of the kind is said here at all, in any form.", anchor) is None


def test_find_quote_occurrence() -> None:
    assert find_quote("a b a b a", "a", 3) == (8, 9)
    assert find_quote("a b a", "a", 3) is None


# -- the service -----------------------------------------------------------------------------------

def test_create_list_update_delete_restore(services: Services, tmp_path: Path) -> None:
    doc = _file(services, tmp_path)
    text = services.documents.get(doc).text
    s = text.index("recovery plan")
    ann = services.annotations.create(doc, s, s + len("recovery plan"),
                                      AnnotationFields(Colour.GREEN, "Ask when", ("funding", " Funding ", "risk")),
                                      author="reviewer").value
    assert ann.quote == "recovery plan" and ann.tags == ("funding", "risk") and ann.author == "reviewer"
    assert ann.paragraph is not None and ann.document_date
    assert services.annotations.list(AnnotationFilter(tag="FUNDING"))[0].id == ann.id
    assert services.annotations.list(AnnotationFilter(colour=Colour.BLUE)) == ()
    before, after = services.annotations.update(ann.id, AnnotationFields(Colour.PINK, "Chase\nby phone", ("risk",))).value
    assert before.note == "Ask when" and after.note == "Chase\nby phone" and after.tags == ("risk",)
    assert services.annotations.tags() == (("risk", 1),)
    removed = services.annotations.delete(ann.id).value
    assert services.annotations.for_document(doc) == ()
    services.annotations.restore(removed)
    back = services.annotations.for_document(doc)
    assert len(back) == 1 and back[0].id == ann.id and back[0].note == "Chase\nby phone"


def test_selection_whitespace_is_trimmed_and_empty_refused(services: Services, tmp_path: Path) -> None:
    doc = _file(services, tmp_path)
    text = services.documents.get(doc).text
    s = text.index("Thank you")
    ann = services.annotations.create(doc, s - 2, s + len("Thank you") + 1, AnnotationFields()).value
    assert ann.quote == "Thank you"
    with pytest.raises(DossierError):
        services.annotations.create(doc, s - 2, s - 1, AnnotationFields())


def test_create_at_quote_and_missing_occurrence(services: Services, tmp_path: Path) -> None:
    doc = _file(services, tmp_path)
    ann = services.annotations.create_at_quote(doc, "the service", AnnotationFields(note="n"), occurrence=1).value
    assert ann.quote == "the service"
    with pytest.raises(QuoteNotFound, match="occurs only 1 time"):
        services.annotations.create_at_quote(doc, "the service", AnnotationFields(), occurrence=2)


def test_annotations_survive_closing_the_dossier(dossier_path: Path, tmp_path: Path) -> None:
    first = open_services(dossier_path)
    doc = _file(first, tmp_path)
    first.annotations.create_at_quote(doc, "publish its", AnnotationFields(note="kept"))
    first.close()
    again = open_services(dossier_path)
    try:
        [ann] = again.annotations.for_document(doc)
        text = again.documents.get(doc).text
        assert text[ann.start:ann.end] == "publish its" and ann.note == "kept"
    finally:
        again.close()


def _pdf(path: Path, lines: list[str]) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = 800
    for line in lines:
        c.drawString(60, y, line)
        y -= 16
    c.save()
    return path


def test_refiling_moves_annotations_and_lists_orphans(services: Services, tmp_path: Path) -> None:
    doc = _file(services, tmp_path)
    keep = services.annotations.create_at_quote(doc, "recovery plan", AnnotationFields(note="moves")).value
    gone = services.annotations.create_at_quote(doc, "publish its minutes in full", AnnotationFields(note="lost")).value
    # the better copy: a new first paragraph shifts everything, and the minutes sentence is gone
    better = _pdf(tmp_path / "better.pdf", [
        "Department for Testing", "", "12 March 2021", "", "Dear Ms Harper,", "",
        "A new opening paragraph that was missing from the first copy of this letter.", "",
        "Thank you for your letter about the funding of the outreach service.",
        "I would like a report on the recovery plan by the end of April.", "",
        "Yours sincerely,", "Alan Marsh"])
    report = services.documents.refile(doc, better).value
    assert report.moved == 1 and report.kept == 0
    assert [o.id for o in report.orphans] == [gone.id]
    text = services.documents.get(doc).text
    moved = services.annotations.get(keep.id)
    assert text[moved.start:moved.end] == "recovery plan" and moved.note == "moves"
    orphan = services.annotations.get(gone.id)
    assert orphan.orphan and orphan.note == "lost" and "minutes" in orphan.quote
    assert [o.id for o in services.annotations.orphans()] == [gone.id]
    assert services.documents.get(doc).row.file_name == "better.pdf"


def test_the_copy_a_refile_replaces_puts_the_document_back_as_it_was(services: Services, tmp_path: Path) -> None:
    doc = _file(services, tmp_path)
    note = services.annotations.create_at_quote(doc, "recovery plan", AnnotationFields(note="stays")).value
    before = services.documents.get(doc)
    original = services.documents.original(doc)
    old = services.documents.current_copy(doc)  # what an undo puts back, read from the dossier
    better = _pdf(tmp_path / "better.pdf", ["A new first paragraph.", "", "I would like a report on the recovery plan."])
    services.documents.refile(doc, better)
    assert services.documents.get(doc).text != before.text
    services.documents.refile_copy(doc, old)
    after = services.documents.get(doc)
    assert (after.text, after.paragraphs, after.media_type) == (before.text, before.paragraphs, before.media_type)
    assert (after.row.file_name, after.row.status, after.row.page_count) == (
        before.row.file_name, before.row.status, before.row.page_count)
    assert services.documents.original(doc) == original
    back = services.annotations.get(note.id)
    assert after.text[back.start:back.end] == "recovery plan" and not back.orphan


def test_refiling_with_an_unreadable_file_changes_nothing(services: Services, tmp_path: Path) -> None:
    doc = _file(services, tmp_path)
    before = services.documents.get(doc)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(DossierError, match=r"broken\.pdf"):
        services.documents.refile(doc, bad)
    assert services.documents.get(doc) == before


def test_reviewed_status_and_next_unreviewed(services: Services, tmp_path: Path) -> None:
    ids = [_file(services, tmp_path, LETTER.replace("Harper", name), f"{name}.txt")
           for name in ("Ames", "Baker", "Cole")]
    assert str(services.annotations.progress()) == "0 of 3 reviewed"
    before, after = services.annotations.set_reviewed(ids[1], True, by="kim").value
    assert before is None and after is not None and after.reviewed_by == "kim"
    assert services.documents.rows([ids[1]])[0].reviewed_by == "kim"
    assert str(services.annotations.progress()) == "1 of 3 reviewed"
    assert services.annotations.next_unreviewed(ids, ids[0]) == ids[2]
    services.annotations.set_reviewed(ids[2], True)
    assert services.annotations.next_unreviewed(ids, ids[2]) == ids[0]
    services.annotations.restore_review(ids[1], None)
    assert services.annotations.review_status(ids[1]) is None
