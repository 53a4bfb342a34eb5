"""Copies of one letter: the same letter filed as PDF and as Word, or re-sent with a new footer, is
found when filed (by its words, not its bytes), shown as "copy of D1", kept out of the changes since
the last briefing, and can be said not to be a copy."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from dossier.analysis import copies
from dossier.cli import main
from dossier.domain.briefing import BriefingOptions
from dossier.services import Services

PARAGRAPHS = [
    "3 May 2022",
    "Dear Mr Tamsin Oakes,",
    "Thank you for your letter about the repairs to the harbour wall at Lowmere.",
    "The board met last week and agreed that the survey of the north section should be finished before "
    "the winter storms begin. The contractor has been asked to report on the cost of the works by the end of June.",
    "We will write again once the survey is in hand and the board has seen the figures for the south section.",
    "Yours sincerely,",
    "Petra Quillon",
]
OTHER = [
    "9 May 2022",
    "Dear Ms Orla Brandt,",
    "I write about the opening hours of the library at Fenwick Cross, which the council plans to shorten.",
    "Residents have asked that the reading room stay open on Saturday mornings, and the friends of the "
    "library have offered volunteers for the desk. Please tell us whether the council will consider this.",
    "Yours faithfully,",
    "Ivo Marchetti",
]


def _docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    document.save(str(path))
    return path


def _pdf(path: Path, paragraphs: list[str]) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = 800
    for p in paragraphs:
        words, line = p.split(), ""
        for w in words:  # wrapped as a printed letter is
            if len(line) + len(w) > 80:
                c.drawString(60, y, line)
                y -= 16
                line = ""
            line = f"{line} {w}".strip()
        c.drawString(60, y, line)
        y -= 28
    c.save()
    return path


def _txt(path: Path, paragraphs: list[str]) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def _file(services: Services, path: Path) -> int:
    [result] = services.documents.file_paths([path])
    assert result.document_id is not None, result.message
    return result.document_id


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_the_same_letter_as_word_and_as_pdf_is_a_copy(services: Services, tmp_path: Path) -> None:
    first = _file(services, _docx(tmp_path / "letter.docx", PARAGRAPHS))
    [result] = services.documents.file_paths([_pdf(tmp_path / "letter.pdf", PARAGRAPHS)])
    assert result.message.endswith(f"a copy of D{first}")
    second = result.document_id
    rows = {r.id: r for r in services.documents.rows([first, second])}
    assert rows[first].copy_of is None
    assert rows[second].copy_of == first and rows[second].copy_label == f"copy of D{first}"


def test_a_resent_copy_with_a_new_footer_is_a_copy_and_a_copy_of_a_copy_points_to_the_first(
        services: Services, tmp_path: Path) -> None:
    first = _file(services, _txt(tmp_path / "a.txt", PARAGRAPHS))
    resent = [*PARAGRAPHS, "Sent again on 20 May 2022 at the request of the harbour office. Reference HB/22/14."]
    second = _file(services, _txt(tmp_path / "b.txt", resent))
    third = _file(services, _docx(tmp_path / "c.docx", resent))
    rows = {r.id: r for r in services.documents.rows([second, third])}
    assert rows[second].copy_of == first and rows[third].copy_of == first


def test_a_different_letter_in_the_same_form_is_no_copy(services: Services, tmp_path: Path) -> None:
    _file(services, _txt(tmp_path / "a.txt", PARAGRAPHS))
    other = _file(services, _txt(tmp_path / "b.txt", OTHER))
    # the same courtesies and the same subject, but another letter
    reply = [*PARAGRAPHS[:3], "The survey of the north section has been cancelled because the board has " "decided to rebuild the whole wall next spring with money from the county.", *PARAGRAPHS[5:]]
    third = _file(services, _txt(tmp_path / "c.txt", reply))
    assert [r.copy_of for r in services.documents.rows([other, third])] == [None, None]


def test_finding_copies_reads_only_the_candidates_texts(services: Services, tmp_path: Path) -> None:
    """The sketch lookup names only documents that share many shingles: unrelated letters are not read."""
    for n in range(30):
        _txt(tmp_path / f"o{n}.txt", [f"{n} June 2022", "Dear Mr Ansel Ward,",
                                      f"This is note number {n} about the ferry timetable for route {n * 7}.",
                                      "Please confirm that the changes can be made before the summer season.",
                                      "Yours sincerely,", "Gale Hartley"])
    services.documents.file_paths(sorted(tmp_path.glob("o*.txt")))
    first = _file(services, _txt(tmp_path / "a.txt", PARAGRAPHS))
    with services.dossier.sessions() as session:
        from dossier.db import copies_repo

        found = copies_repo.candidates(session, copies.sketch("\n".join(PARAGRAPHS)),
                                       at_least=copies.CANDIDATE_SHARED)
    assert [d for d, _ in found] == [first]


def test_not_a_copy_is_kept_and_undone(services: Services, tmp_path: Path) -> None:
    first = _file(services, _txt(tmp_path / "a.txt", PARAGRAPHS))
    second = _file(services, _pdf(tmp_path / "b.pdf", PARAGRAPHS))
    before, after = services.copies.not_a_copy(second).value
    assert before.copy_of == first and after.copy_of is None and after.not_a_copy
    assert services.documents.rows([second])[0].copy_of is None
    services.documents.reanalyse(second)  # analysing again does not make it a copy again
    assert services.documents.rows([second])[0].copy_of is None
    services.copies.restore(before)
    assert services.documents.rows([second])[0].copy_of == first


def test_a_copy_is_not_among_the_changes_since_the_last_briefing(services: Services, tmp_path: Path) -> None:
    _file(services, _txt(tmp_path / "a.txt", PARAGRAPHS))
    options = BriefingOptions(title="Harbour wall", as_at=dt.date(2022, 5, 10))
    services.briefing.export(options, tmp_path / "first.pdf")
    copy = _file(services, _docx(tmp_path / "b.docx", PARAGRAPHS))
    other = _file(services, _txt(tmp_path / "c.txt", OTHER))
    data = services.briefing.gather(options.with_changes(as_at=dt.date(2022, 5, 20)))
    filed = [c.citation.document_id for c in data.changes if c.what == "Filed" and c.citation]
    assert other in filed and copy not in filed


def test_cli_shows_the_copy_and_says_not_a_copy(tmp_path: Path, dossier_path: Path) -> None:
    _txt(tmp_path / "a.txt", PARAGRAPHS)
    _pdf(tmp_path / "b.pdf", PARAGRAPHS)
    code, text = run("--dossier", str(dossier_path), "import", str(tmp_path / "a.txt"), str(tmp_path / "b.pdf"),
                     "--json")
    assert code == 0 and [r["copy_of"] for r in json.loads(text)] == [None, 1]
    code, text = run("--dossier", str(dossier_path), "documents")
    assert "(copy of D1)" in text.splitlines()[2]
    code, text = run("--dossier", str(dossier_path), "show", "D2")
    assert "copy of:    D1" in text
    code, text = run("--dossier", str(dossier_path), "show", "D1")
    assert "copies:     D2 (the same letter, filed again)" in text
    code, text = run("--dossier", str(dossier_path), "show", "D1", "--json")
    assert json.loads(text)["copies"] == [2]
    code, text = run("--dossier", str(dossier_path), "documents", "--json")
    assert [d["copy_of"] for d in json.loads(text)] == [None, 1]
    code, text = run("--dossier", str(dossier_path), "not-a-copy", "D2")
    assert code == 0 and "D2: not a copy of D1" in text
    code, text = run("--dossier", str(dossier_path), "history", "--document", "D2")
    assert "D2 said not to be a copy of D1" in text and "D2 filed from b.pdf, a copy of D1" in text
    code, text = run("--dossier", str(dossier_path), "show", "D2", "--json")
    assert json.loads(text)["copy_of"] is None


def test_a_dossier_from_before_copies_gets_sketches_so_a_copy_of_an_old_letter_is_found(
        tmp_path: Path, dossier_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from dossier.db import migrate
    from dossier.services import open_services

    services = open_services(dossier_path)
    first = _file(services, _txt(tmp_path / "a.txt", PARAGRAPHS))
    services.close()
    engine = create_engine(f"sqlite:///{dossier_path}")
    with engine.begin() as conn:  # the dossier as the version before copies left it
        cfg = migrate._config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0016")
    engine.dispose()
    services = open_services(dossier_path)  # upgraded again: the letter filed before is sketched
    try:
        second = _file(services, _docx(tmp_path / "b.docx", PARAGRAPHS))
        assert services.documents.rows([second])[0].copy_of == first
    finally:
        services.close()


def test_not_a_copy_of_a_document_that_is_no_copy_is_one_clear_line(tmp_path: Path, dossier_path: Path,
                                                                       capsys) -> None:
    _txt(tmp_path / "a.txt", PARAGRAPHS)
    run("--dossier", str(dossier_path), "import", str(tmp_path / "a.txt"))
    code, _ = run("--dossier", str(dossier_path), "not-a-copy", "D1")
    err = capsys.readouterr().err
    assert code != 0 and err.strip() == "dossier: D1 is not marked as a copy of another document."
