"""Plain text: encodings, line ends, binary junk."""

from __future__ import annotations

import codecs

import pytest

from dossier.domain.errors import UnreadableFile
from dossier.domain.records import Extracted, ParagraphSpan
from dossier.ingest import read_document

LETTER = "Dear Ms Müller,\r\n\r\nThe “review” costs €5 – agreed.\r\n"
EXPECTED = "Dear Ms Müller,\n\nThe “review” costs €5 – agreed."


@pytest.mark.parametrize(
    "data",
    [
        LETTER.encode("utf-8"),
        LETTER.encode("utf-8-sig"),
        LETTER.encode("utf-16"),  # with BOM, native order
        codecs.BOM_UTF16_BE + LETTER.encode("utf-16-be"),
        LETTER.encode("utf-16-le"),  # no BOM: found by its NUL bytes
        LETTER.encode("utf-16-be"),
        LETTER.encode("utf-32"),
        LETTER.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-16-le-no-bom", "utf-16-be-no-bom", "utf-32", "cp1252"],
)
def test_text_is_decoded_whatever_its_encoding(data: bytes) -> None:
    assert read_document("letter.txt", data) == Extracted(
        text=EXPECTED,
        paragraphs=(ParagraphSpan(1, 0, 15), ParagraphSpan(2, 17, 48)),
        media_type="text/plain",
    )


def test_cp1252_punctuation_is_read_as_cp1252_not_latin1() -> None:
    assert read_document("x.txt", b"\x93Quoted\x94 \x96 it\x92s \x80 5").text == "“Quoted” – it’s € 5"


@pytest.mark.parametrize("name", ["notes.text", "README.md", "LETTER.TXT", "dir.v2/letter.Txt"])
def test_other_text_suffixes_and_any_case_are_read_as_text(name: str) -> None:
    extracted = read_document(name, b"Short note.")
    assert (extracted.text, extracted.media_type) == ("Short note.", "text/plain")


def test_a_text_of_only_whitespace_is_read_as_empty() -> None:
    extracted = read_document("blank.txt", b" \r\n\t\r\n")
    assert (extracted.text, extracted.paragraphs, extracted.has_text_layer) == ("", (), True)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (bytes(range(256)) * 8, "not a text file (binary content)"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 64, "not a text file (binary content)"),
        ("Truncated".encode("utf-16-le")[:-1], "cannot decode text"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8abc", "cannot decode text"),
        (b"Caf\xe9 \x81\x8d\x8f\x90\x9d", "cannot decode text"),
    ],
    ids=["empty", "all-bytes", "exe", "odd-length-utf16-no-bom", "bad-utf16", "undecodable"],
)
def test_unreadable_text_names_its_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_document("bad.txt", data)
    assert (caught.value.path, caught.value.reason) == ("bad.txt", reason)
    assert str(caught.value) == f"bad.txt: {reason}"
