"""Outlook messages (.msg): parties, date, subject and body, from files the tests build.

tests/fixtures/outlook_msg.py writes the files (a small Compound File writer and the MAPI
layout); tests/fixtures/sample.msg is its sample message, invented, shipped with the project.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import olefile
import pytest
from compressed_rtf import compress

from dossier.domain.errors import UnreadableFile
from dossier.domain.records import DocumentKind, MessageHeaders
from dossier.ingest import SUPPORTED_SUFFIXES, read_document
from dossier.services import Services
from tests.fixtures.outlook_msg import compound_file, outlook_message, sample

SAMPLE = Path(__file__).parent / "fixtures" / "sample.msg"
SENDER = ("Tillet, Ambrose", "ambrose.tillet@wexcombe.example.gov.uk")
TO = [("Ottilie Marchbank", "ottilie.marchbank@example.org")]


def texts(name: str, data: bytes) -> list[str]:
    extracted = read_document(name, data)
    return [extracted.text[span.start:span.end] for span in extracted.paragraphs]


def reason(data: bytes) -> str:
    with pytest.raises(UnreadableFile) as caught:
        read_document("broken.msg", data)
    assert str(caught.value).startswith("broken.msg: ")
    return caught.value.reason


def test_msg_is_supported_and_the_shipped_sample_is_what_the_generator_writes() -> None:
    assert ".msg" in SUPPORTED_SUFFIXES
    assert SAMPLE.read_bytes() == sample()
    assert olefile.isOleFile(data=sample())


def test_the_sample_gives_parties_date_subject_and_body() -> None:
    extracted = read_document("reply.msg", SAMPLE.read_bytes())
    assert extracted.headers == MessageHeaders(
        sender="Tillet, Ambrose <ambrose.tillet@wexcombe.example.gov.uk>",
        to=("Ottilie Marchbank <ottilie.marchbank@example.org>",),
        cc=("Perpetua Quill <p.quill@wexcombe.example.gov.uk>", "Hobart Fenwick <hobart@example.org>"),
        date="Wed, 14 May 2031 08:45:00 +0000",
        subject="RE: Millrace bridge – revised timetable",
    )
    assert extracted.title == "RE: Millrace bridge – revised timetable"
    assert extracted.media_type == "application/vnd.ms-outlook"
    paragraphs = [extracted.text[span.start:span.end] for span in extracted.paragraphs]
    assert paragraphs[:3] == [
        "Dear Ms Marchbank,",
        "The engineers will report to the cabinet by 30 July 2031. The footpath will close for two weeks "
        "from 2 June.",
        "Regards,\nAmbrose Tillet\nDirector of Highways",
    ]
    assert paragraphs[-1] == "Attachments: timetable.pdf"
    # the earlier message is kept but flagged, as in an .eml
    assert [span.quoted for span in extracted.paragraphs] == [False, False, False, True, True, False]
    assert "never read" not in extracted.text


def test_transport_headers_are_read_as_an_eml_reads_them() -> None:
    headers = ("Received: by mail.example.org\r\nFrom: =?utf-8?q?Zo=C3=AB_Pellow?= <zoe@example.org>\r\n"
               "To: Ottilie Marchbank <ottilie.marchbank@example.org>\r\nDate: Tue, 13 May 2031 17:02:00 +0100\r\n"
               "Subject: Footpath closure\r\n\r\n")
    data = outlook_message(subject="Footpath closure", sender=("Zoë Pellow", "zoe@example.org"), to=TO,
                           cc=[("Hobart Fenwick", "hobart@example.org")], body="Noted.",
                           sent=dt.datetime(2031, 5, 13, 16, 2, 30, tzinfo=dt.UTC), transport_headers=headers)
    extracted = read_document("headers.msg", data)
    assert extracted.headers == MessageHeaders(
        sender="Zoë Pellow <zoe@example.org>", to=("Ottilie Marchbank <ottilie.marchbank@example.org>",),
        cc=("Hobart Fenwick <hobart@example.org>",),  # not in the headers: from the recipient table
        date="Tue, 13 May 2031 17:02:00 +0100", subject="Footpath closure",
    )


def test_without_a_recipient_table_the_display_lists_name_the_parties() -> None:
    data = outlook_message(subject="Note", sender=("Tillet, Ambrose", ""), to=[], body="Agreed.")
    ole = compound_file({"__substg1.0_0E04001F": "Ottilie Marchbank; Quill, Perpetua".encode("utf-16-le"),
                         "__substg1.0_0E03001F": "Hobart Fenwick".encode("utf-16-le"),
                         "__substg1.0_1000001F": "Agreed.".encode("utf-16-le"),
                         "__substg1.0_0037001E": b"Caf\xe9 menu",  # an 8-bit string, Windows-1252
                         "__properties_version1.0": b"\0" * 32})
    assert read_document("names.msg", data).headers.sender == "Tillet, Ambrose"
    assert read_document("lists.msg", ole).headers == MessageHeaders(
        sender=None, to=("Ottilie Marchbank", "Quill, Perpetua"), cc=("Hobart Fenwick",), subject="Café menu")


def test_an_html_body_reads_as_a_web_page_does() -> None:
    html = ("<html><head><meta charset='utf-8'><style>p {color: red}</style></head><body><p>Dear Ottilie,</p>"
            "<p>The timetable is attached.</p><blockquote><p>Any news?</p></blockquote></body></html>")
    data = outlook_message(subject="Timetable", sender=SENDER, to=TO, html=html)
    assert texts("html.msg", data) == ["Dear Ottilie,", "The timetable is attached.", "Any news?"]


def test_a_compressed_rtf_body_reads_as_an_rtf_file_does() -> None:
    rtf = rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Calibri;}}\f0 Dear Ottilie,\par\par The cost is \'a340,000 \'96 agreed.\par}"
    data = outlook_message(subject="Cost", sender=SENDER, to=TO, rtf=compress(rtf))
    assert texts("rtf.msg", data) == ["Dear Ottilie,", "The cost is £40,000 – agreed."]


def test_broken_files_are_refused_in_one_line() -> None:
    assert reason(b"From: someone\r\n\r\nA text file named .msg") == "not an Outlook message"
    assert reason(compound_file({"WordDocument": b"x" * 100})) == "not an Outlook message (another kind of Office file)"
    assert reason(sample()[:2000]) == "cannot read Outlook message (damaged or incomplete file)"
    bad_rtf = outlook_message(subject="S", sender=SENDER, to=TO, rtf=b"not compressed RTF at all")
    assert reason(bad_rtf) == "cannot read Outlook message (damaged RTF body)"
    not_rtf = outlook_message(subject="S", sender=SENDER, to=TO, rtf=compress(b"plain words, not RTF"))
    assert reason(not_rtf) == "cannot read Outlook message (damaged RTF body)"


def test_a_filed_message_has_its_parties_date_and_subject(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "reply.msg"
    path.write_bytes(sample())
    [result] = services.documents.file_paths([path])
    metadata = services.documents.get(result.document_id).metadata
    assert metadata.kind is DocumentKind.EMAIL
    assert metadata.date is not None and metadata.date.value == "2031-05-14"
    assert metadata.title == "RE: Millrace bridge – revised timetable"
    assert (metadata.sender, metadata.recipients, metadata.cc) == (
        "Ambrose Tillet", ("Ottilie Marchbank",), ("Perpetua Quill", "Hobart Fenwick"))
    again = services.documents.reanalyse(result.document_id).value  # reads the original's properties again
    assert (again.sender, again.recipients, again.cc) == (metadata.sender, metadata.recipients, metadata.cc)
