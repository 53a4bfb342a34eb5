"""Rich Text Format letters (.rtf): paragraphs as the word processor made them, title, parties."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.domain.errors import UnreadableFile
from dossier.domain.records import DocumentKind
from dossier.ingest import SUPPORTED_SUFFIXES, read_document
from dossier.services import Services

LETTER = r"""{\rtf1\ansi\ansicpg1252\deff0\nouicompat{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\fnil\fcharset2 Symbol;}}
{\colortbl ;\red0\green0\blue255;}
{\info{\title Millrace bridge: repairs}{\author Ambrose Tillet}{\creatim\yr2031\mo5\dy14\hr9\min30}}
{\*\generator Riched20 10.0.19041}\viewkind4\uc1
\pard\sa200\sl276\slmult1\f0\fs22\lang9 Wexcombe District Council\line Highways Department\line 3 Mill Lane\par
14 May 2031\par
Ms Ottilie Marchbank\line 12 Orchard Row\line Wexcombe WX2 9CD\par
Dear Ms Marchbank,\par
Thank you for your letter of 2 May. The council\rquote s engineers will report to the cabinet by
 30 July 2031; the estimated cost is \'a340,000 \endash  not \u8364?50,000 as the {\i Courier} said.\par
{\pntext\f1\'B7\tab}{\*\pn\pnlvlblt\pnf1\pnindent0{\pntxtb\'B7}}\fi-360\li720 the road will stay open;\par
{\listtext\f1 \'b7\tab}the footpath will close for two weeks.\par
\pard\sa200\sl276\slmult1 Yours sincerely,\par
Ambrose Tillet\line Director of Highways\par
cc: Councillor Perpetua Quill\par
}
"""


def paragraphs(name: str, data: bytes) -> list[str]:
    extracted = read_document(name, data)
    return [extracted.text[span.start:span.end] for span in extracted.paragraphs]


def test_rtf_is_supported() -> None:
    assert ".rtf" in SUPPORTED_SUFFIXES


def test_each_par_is_a_paragraph_and_each_line_break_a_line() -> None:
    assert paragraphs("letter.rtf", LETTER.encode("ascii")) == [
        "Wexcombe District Council\nHighways Department\n3 Mill Lane",
        "14 May 2031",
        "Ms Ottilie Marchbank\n12 Orchard Row\nWexcombe WX2 9CD",
        "Dear Ms Marchbank,",
        "Thank you for your letter of 2 May. The council’s engineers will report to the cabinet by 30 July 2031; "
        "the estimated cost is £40,000 – not €50,000 as the Courier said.",
        "• the road will stay open;",
        "• the footpath will close for two weeks.",
        "Yours sincerely,",
        "Ambrose Tillet\nDirector of Highways",
        "cc: Councillor Perpetua Quill",
    ]


def test_the_title_comes_from_the_information_group() -> None:
    extracted = read_document("letter.rtf", LETTER.encode("ascii"))
    assert extracted.title == "Millrace bridge: repairs"
    assert extracted.media_type == "application/rtf"
    assert "Arial" not in extracted.text and "Riched20" not in extracted.text and "2031\n" not in extracted.title


def test_the_files_code_page_is_used() -> None:
    rtf = rb"{\rtf1\ansi\ansicpg1250 Pan Dvo\'f8\'e1k \'e8eka.\par}"
    assert paragraphs("note.rtf", rtf) == ["Pan Dvořák čeka."]


@pytest.mark.parametrize(("data", "reason"), [
    (b"Dear Ms Marchbank, this is plain text saved with the wrong name.", "not an RTF file"),
    (b"PK\x03\x04" + bytes(range(256)), "not an RTF file"),
    (b"{\\rtf1 " + bytes(range(1, 32)) * 40 + b"}", "cannot read RTF (binary content)"),
])
def test_a_broken_file_is_refused_in_one_line(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_document("broken.rtf", data)
    assert str(caught.value) == f"broken.rtf: {reason}"


def test_a_filed_letter_has_its_date_parties_and_title(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "bridge letter.rtf"
    path.write_text(LETTER, encoding="ascii")
    [result] = services.documents.file_paths([path])
    metadata = services.documents.get(result.document_id).metadata
    assert metadata.kind is DocumentKind.LETTER
    assert metadata.date is not None and metadata.date.value == "2031-05-14"
    assert metadata.sender == "Ambrose Tillet"
    assert metadata.recipients == ("Ottilie Marchbank",)
    assert metadata.cc == ("Perpetua Quill",)
    assert metadata.title == "Millrace bridge: repairs"


@pytest.mark.parametrize("damage", [rb"\u99999999999?", rb"\uc "])
def test_control_words_striprtf_cannot_take_are_one_line_too(damage: bytes) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_document("damaged.rtf", b"{\\rtf1\\ansi Dear Ann," + damage + b" thanks.\\par}")
    assert caught.value.reason == "cannot read RTF (damaged file)"
