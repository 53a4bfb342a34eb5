"""Word: body order, lists, tables, tracked changes, and archives refused before parsing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from dossier.domain.errors import UnreadableFile
from dossier.domain.records import Extracted
from dossier.ingest import docx as word
from dossier.ingest import read_document
from tests.badinput import EXPECTED_REASONS, docx_bytes, make_bad_inputs

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def texts(extracted: Extracted) -> list[str]:
    return [extracted.text[span.start:span.end] for span in extracted.paragraphs]


def build_letter(document: Document) -> None:
    document.core_properties.title = "  Review of  services "
    document.add_heading("Review of services", level=1)
    document.add_paragraph("Dear Minister,")
    document.add_paragraph("")  # an empty paragraph is no paragraph
    document.add_paragraph("The panel asks you to:")
    for item in ("assess the plans;", "consider the options; and", "advise on next steps."):
        document.add_paragraph(item, style="List Bullet")
    for item in ("First numbered point.", "Second numbered point."):
        document.add_paragraph(item, style="List Number")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, [("Name", "Role", "Since"), ("Anselm Wray", "", "2014"),
                                        ("Isolde Tremayne", "Chief Social Worker", "2013")], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    address = document.add_paragraph("Sanctuary Buildings")
    address.add_run().add_break()
    address.add_run("London SW1P 3BT")
    document.add_paragraph("Yours sincerely,\tEdwin Thorley")


def test_a_letter_reads_in_body_order_with_bullets_numbers_and_table_rows() -> None:
    extracted = read_document("letter.docx", docx_bytes(build_letter))
    assert texts(extracted) == [
        "Review of services",
        "Dear Minister,",
        "The panel asks you to:",
        "• assess the plans;",
        "• consider the options; and",
        "• advise on next steps.",
        "1. First numbered point.",
        "2. Second numbered point.",
        "Name | Role | Since",
        "Anselm Wray | 2014",
        "Isolde Tremayne | Chief Social Worker | 2013",
        "Sanctuary Buildings\nLondon SW1P 3BT",
        "Yours sincerely,\tEdwin Thorley",
    ]
    assert (extracted.title, extracted.media_type, extracted.page_count) == ("Review of services", MEDIA_TYPE, None)
    assert all(span.page is None and not span.quoted for span in extracted.paragraphs)


def add_raw_paragraph(document: Document, body_xml: str) -> None:
    document.element.body.append(parse_xml(f"<w:p {nsdecls('w')}>{body_xml}</w:p>"))


def test_tracked_insertions_count_and_deletions_do_not() -> None:
    def build(document: Document) -> None:
        add_raw_paragraph(
            document,
            "<w:r><w:t xml:space='preserve'>The panel </w:t></w:r>"
            "<w:del><w:r><w:delText>rejected</w:delText></w:r></w:del>"
            "<w:ins><w:r><w:t>accepted</w:t></w:r></w:ins>"
            "<w:hyperlink><w:r><w:t xml:space='preserve'> the report</w:t></w:r></w:hyperlink>"
            "<w:r><w:noBreakHyphen/><w:t>in full.</w:t></w:r>",
        )

    assert texts(read_document("tracked.docx", docx_bytes(build))) == ["The panel accepted the report-in full."]


def test_a_paragraph_numbered_directly_uses_its_level_format() -> None:
    def build(document: Document) -> None:
        add_raw_paragraph(document, "<w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr></w:pPr>"
                                    "<w:r><w:t>Bulleted by numbering.</w:t></w:r>")

    assert texts(read_document("numbered.docx", docx_bytes(build))) == ["• Bulleted by numbering."]


def test_empty_title_and_empty_body_read_as_empty() -> None:
    extracted = read_document("blank.docx", docx_bytes(lambda document: None))
    assert extracted == Extracted(text="", paragraphs=(), media_type=MEDIA_TYPE)


def test_word_numbers_format_as_word_shows_them() -> None:
    assert [word._format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert [word._format_number(n, "upperRoman") for n in (4, 9, 14, 1994)] == ["IV", "IX", "XIV", "MCMXCIV"]
    assert word._format_number(3, "decimalZero") == "03"
    assert word._format_number(7, "ordinalText") == "7"


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Plain text, not a zip.", "not a valid Word file (not a zip archive)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "not a valid Word file (old .doc format or password-protected)"),
        (zip_of({"hello.txt": b"a zip, but no Word parts"}), "not a valid Word file (corrupt or missing parts)"),
        (zip_of({"word/document.xml": "<?xml version='1.0' encoding='UTF-16'?><!DOCTYPE x []><x/>".encode("utf-16")}),
         "refused: XML entity declarations in Word file"),
    ],
    ids=["not-zip", "ole", "zip-without-parts", "utf16-doctype"],
)
def test_bad_word_files_name_their_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_document("bad.docx", data)
    assert caught.value.reason == reason


def test_an_archive_expanding_past_the_total_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word, "MAX_EXPANDED", 10_000)
    data = zip_of({"word/document.xml": b"<w/>", "word/media/image1.png": bytes(range(256)) * 40})
    with pytest.raises(UnreadableFile) as caught:
        read_document("big.docx", data)
    assert caught.value.reason == "refused: archive expands too far (possible zip bomb)"


@pytest.mark.parametrize("case", ["docx_zip_bomb", "docx_entities", "docx_not_zip"])
def test_the_bad_input_word_files_are_refused_before_parsing(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_parsing(*_args: object) -> None:
        raise AssertionError("python-docx must not see this file")

    data = make_bad_inputs(tmp_path)[case].read_bytes()
    monkeypatch.setattr(word.docx, "Document", no_parsing)
    with pytest.raises(UnreadableFile) as caught:
        read_document("bad.docx", data)
    assert caught.value.reason == EXPECTED_REASONS[case]
