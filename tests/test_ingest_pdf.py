"""PDF: pages, paragraph gaps, running headers and footers, encryption, hostile content."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from dossier.domain.errors import UnreadableFile
from dossier.domain.records import Extracted
from dossier.ingest import read_document
from dossier.ingest.pdf import strip_running_lines
from tests.badinput import HOSTILE_PDF_PAYLOAD, HOSTILE_PDF_TEXT, make_bad_inputs

GAP = None  # in a page's line list: an empty line's height of white space


def letter_pdf(pages: list[list[str | None]], *, title: str | None = None, running: bool = True) -> bytes:
    """Lines 14 pt apart; "DEPARTMENT FOR TESTING" above and "Page N" below each page's text."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    if title:
        pdf.setTitle(title)
    for number, lines in enumerate(pages, 1):
        if running:
            pdf.setFont("Helvetica", 9)
            pdf.drawString(72, 800, "DEPARTMENT FOR TESTING")
        pdf.setFont("Helvetica", 10)
        for n, line in enumerate(lines):
            if line is not None:
                pdf.drawString(72, 760 - 14 * n, line)
        if running:
            pdf.setFont("Helvetica", 9)
            pdf.drawCentredString(297, 40, f"Page {number}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def texts(extracted: Extracted) -> list[str]:
    return [extracted.text[span.start:span.end] for span in extracted.paragraphs]


LETTER = [
    [
        "12 March 2014", GAP,
        "Dear Minister,", GAP,
        "Thank you for your letter of 3 March about the review of children's services in the",
        "city. The panel met twice in February and has now agreed the terms of reference for",
        "the work, which I enclose.", GAP,
        "The panel will report in September. Its members are drawn from the council, the",
        "health service and the police, and they will be supported by a small team of officials",
    ],
    [
        "Department officials, who will provide the secretariat and arrange the evidence sessions.",
        GAP,
        "Yours sincerely,", GAP, GAP,
        "Edward Example",
    ],
    [
        "Annex A", GAP,
        "The figures in this annex are provisional and will be revised before publication.",
    ],
]


def test_a_letter_keeps_pages_and_paragraphs_and_drops_running_headers_and_page_numbers() -> None:
    extracted = read_document("letter.pdf", letter_pdf(LETTER, title="Review of services"))
    assert texts(extracted) == [
        "12 March 2014",
        "Dear Minister,",
        "Thank you for your letter of 3 March about the review of children's services in the city. The panel "
        "met twice in February and has now agreed the terms of reference for the work, which I enclose.",
        "The panel will report in September. Its members are drawn from the council, the health service and "
        "the police, and they will be supported by a small team of officials Department officials, who will "
        "provide the secretariat and arrange the evidence sessions.",
        "Yours sincerely,",
        "Edward Example",
        "Annex A",
        "The figures in this annex are provisional and will be revised before publication.",
    ]
    assert [span.page for span in extracted.paragraphs] == [1, 1, 1, 1, 2, 2, 3, 3]
    assert "DEPARTMENT FOR TESTING" not in extracted.text
    assert "Page" not in extracted.text
    assert (extracted.page_count, extracted.has_text_layer, extracted.title) == (3, True, "Review of services")
    assert (extracted.media_type, extracted.headers) == ("application/pdf", None)


def test_a_sentence_running_on_in_lower_case_across_a_page_break_stays_one_paragraph() -> None:
    pages: list[list[str | None]] = [["Short opening line.", GAP, "The second paragraph breaks off at the end of"],
                                     ["the page and goes on here."]]
    extracted = read_document("two.pdf", letter_pdf(pages))
    assert texts(extracted) == [
        "Short opening line.",
        "The second paragraph breaks off at the end of the page and goes on here.",
    ]
    assert [span.page for span in extracted.paragraphs] == [1, 1]


def test_pieces_on_one_baseline_are_one_line() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for y, cells in ((760, ("Name", "Role", "Since")), (746, ("Anselm Wray", "DCS", "2014"))):
        for x, cell in zip((72, 250, 400), cells, strict=True):
            pdf.drawString(x, y, cell)
    pdf.save()
    assert texts(read_document("table.pdf", buffer.getvalue())) == ["Name Role Since\nAnselm Wray DCS 2014"]


@pytest.mark.parametrize("title", [None, "Microsoft Word - letter.docx", "  "])
def test_placeholder_titles_are_not_titles(title: str | None) -> None:
    assert read_document("a.pdf", letter_pdf([["Text."]], title=title)).title is None


def test_a_pdf_without_a_text_layer_is_not_an_error() -> None:
    pages: list[list[str | None]] = [[], []]
    extracted = read_document("scan.pdf", letter_pdf(pages, running=False))
    assert extracted == Extracted(text="", paragraphs=(), media_type="application/pdf", page_count=2,
                                  has_text_layer=False)


def test_pages_with_nothing_but_a_running_stamp_have_no_text_layer() -> None:
    extracted = read_document("stamped-scan.pdf", letter_pdf([[], [], []]))
    assert (extracted.text, extracted.has_text_layer, extracted.page_count) == ("", False, 3)


def encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(letter_pdf([["Minutes of the meeting."]], running=False)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_pdf_encrypted_without_a_user_password_is_read() -> None:
    assert read_document("locked.pdf", encrypted("")).text == "Minutes of the meeting."


def test_a_pdf_that_needs_a_password_is_refused() -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_document("secret.pdf", encrypted("secret"))
    assert caught.value.reason == "password-protected PDF"


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9, 0.99])
def test_a_truncated_pdf_is_refused(cut: float) -> None:
    whole = letter_pdf(LETTER)
    with pytest.raises(UnreadableFile) as caught:
        read_document("cut.pdf", whole[: int(len(whole) * cut)])
    assert caught.value.reason == "not a valid PDF (corrupt or truncated)"


def test_a_hostile_pdf_gives_its_text_and_nothing_else(tmp_path: Path) -> None:
    data = make_bad_inputs(tmp_path)["hostile_pdf"].read_bytes()
    assert b"/JavaScript" in data and b"/EmbeddedFile" in data
    extracted = read_document("hostile.pdf", data)
    assert texts(extracted) == [HOSTILE_PDF_TEXT]
    assert HOSTILE_PDF_PAYLOAD.decode() not in extracted.text


def test_pypdf_logs_nothing_for_a_damaged_pdf(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    with pytest.raises(UnreadableFile):
        read_document("cut.pdf", letter_pdf(LETTER)[:-200])
    odd_encoding = letter_pdf([["Hello there."]], running=False).replace(b"/WinAnsiEncoding", b"/WinAnsiEncodinX")
    assert read_document("odd.pdf", odd_encoding).text == "Hello there."  # pypdf copes, and says so as an error
    assert [record for record in caplog.records if record.name.startswith("pypdf")] == []


def test_running_lines_recurring_at_page_edges_are_dropped_and_the_body_kept() -> None:
    pages = [
        "OFFICIAL\nCase 2014/1 – page 1\nBody one.\nStill body.\n- 1 -",
        "OFFICIAL\nCase 2014/1 – page 2\nBody two.\nPage 2 of 3",
        "OFFICIAL\nCase 2014/1 – page 3\nOFFICIAL appears in the body here.\n3",
    ]
    assert strip_running_lines(pages) == [
        "Body one.\nStill body.",
        "Body two.",
        "OFFICIAL appears in the body here.",
    ]


def test_lines_recurring_on_too_few_pages_or_away_from_the_edges_are_kept() -> None:
    pages = ["Heading\nA\nB\nC\nD", "Other\nE\nHeading\nF\nG", "Third\nH\nI\nJ\nK", "Fourth\nL\nM\nN\nO"]
    assert strip_running_lines(pages) == pages
    assert strip_running_lines(["12\nOnly page.\n7"]) == ["Only page."]
