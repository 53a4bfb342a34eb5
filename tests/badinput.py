"""The bad-input set: files Dossier must refuse with a precise one-line reason, or read safely.

`make_bad_inputs(folder)` writes every case into `folder` and returns {case name: path}. The
contents are the same on every run (seeded junk, ReportLab's invariant mode, fixed zip dates);
only the password-protected PDF's file identifier is random (pypdf draws it when encrypting).

`EXPECTED_REASONS[case]` is the reason `UnreadableFile` must carry. Two cases need care:
    "oversize"    fails only when read with max_bytes=OVERSIZE_MAX_BYTES (it is 2 KB of text);
    "unreadable"  is only made where permissions stop this process reading (never as root).
"vanished" names a file that does not exist and "directory" a folder named like a text file.
The cases in READABLE must be read without error; tests check what comes out.

Hostile files (issue #7) are here too: a PDF with JavaScript and an embedded file, a PDF whose
content inflates without bound, Word files that are zip bombs or declare XML entities (in UTF-8 and
UTF-32), an HTML-only email full of remote references, an email with an attachment, a 10,000-line
paragraph, and control characters with right-to-left text and emoji. `big_attachment_email` builds
the 50 MB-attachment email on demand (too big to write for every test).
"""

from __future__ import annotations

import base64
import io
import os
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from pypdf import PdfWriter
from pypdf.actions import JavaScript, PageTrigger
from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

OVERSIZE_MAX_BYTES = 1024

EXPECTED_REASONS: dict[str, str] = {
    "empty": "empty file",
    "binary_txt": "not a text file (binary content)",
    "binary_pdf": "not a valid PDF (corrupt or truncated)",
    "truncated_pdf": "not a valid PDF (corrupt or truncated)",
    "password_pdf": "password-protected PDF",
    "docx_not_zip": "not a valid Word file (not a zip archive)",
    "docx_zip_bomb": "refused: archive expands too far (possible zip bomb)",
    "docx_entities": "refused: XML entity declarations in Word file",
    "docx_entities_utf32": "refused: XML entity declarations in Word file",
    "pdf_bomb": "refused: PDF content expands too far (possible decompression bomb)",
    "eml_not_email": "not an email message",
    "oversize": "file is larger than the 1 KB limit",
    "undecodable_txt": "cannot decode text",
    "unknown_extension": "unsupported file type .xyz",
    "directory": "not a file",
    "unreadable": "cannot read file (permission denied)",
    "vanished": "file not found",
}

READABLE = frozenset({"hostile_pdf", "no_text_pdf", "long_paragraph", "control_rtl_emoji", "html_only_eml",
                      "attachment_eml"})

HOSTILE_PDF_TEXT = "Visible text of a hostile PDF."
HOSTILE_PDF_PAYLOAD = b"EMBEDDED PAYLOAD THAT MUST NOT BE READ"
LONG_PARAGRAPH_LINES = 10_000
CONTROL_RTL_EMOJI = (
    "Hello\x07 world\x1b.\r\n\r\nمرحبا بالعالم\u200f\r\n\r\nThumbs up 👍🏽 and family 👨\u200d👩\u200d👧 done\x00.\r\n"
)
# What the control/RTL/emoji file reads as: controls gone, the rest kept as written.
CONTROL_RTL_EMOJI_TEXT = "Hello world.\n\nمرحبا بالعالم\u200f\n\nThumbs up 👍🏽 and family 👨\u200d👩\u200d👧 done."
PDF_BOMB_INFLATES_TO = 40 * 1024 * 1024  # spaces, in one content stream of a one-page PDF

# An HTML-only email that points at remote things in every way HTML can: none may be fetched.
REMOTE_HOST = "tracker.invalid"
HTML_ONLY_BODY = f"""<html><head><title>Pixel</title>
<link rel="stylesheet" href="https://{REMOTE_HOST}/style.css">
<style>@import url("https://{REMOTE_HOST}/more.css"); body {{ background: url(https://{REMOTE_HOST}/bg.png); }}</style>
<script src="https://{REMOTE_HOST}/run.js"></script><script>fetch("https://{REMOTE_HOST}/beacon")</script>
<meta http-equiv="refresh" content="0; url=https://{REMOTE_HOST}/go"></head>
<body><p>Dear Ms Lovelace,</p>
<p>Our <a href="https://{REMOTE_HOST}/report">report</a> is attached.<img src="https://{REMOTE_HOST}/pixel.gif"></p>
<iframe src="https://{REMOTE_HOST}/frame"></iframe><object data="https://{REMOTE_HOST}/object"></object>
<p>Yours sincerely,</p><p>Charles Babbage</p></body></html>"""
HTML_ONLY_TEXT = "Dear Ms Lovelace,\n\nOur report is attached.\n\nYours sincerely,\n\nCharles Babbage"
ATTACHMENT_EMAIL_TEXT = "Dear Ms Lovelace,\n\nThe figures are attached.\n\nCharles Babbage"
# as filed: the attachment's name is kept in the text; its body is never read
ATTACHMENT_EMAIL_FILED = ATTACHMENT_EMAIL_TEXT + "\n\nAttachments: figures.bin"
ATTACHMENT_MARKER = b"ATTACHMENT-BYTES-THAT-ARE-NEVER-READ"


def make_bad_inputs(folder: Path) -> dict[str, Path]:
    """Write every case into `folder` (created if needed); return {case name: path}."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, Path] = {}
    for case, (file_name, content) in _FILES.items():
        path = folder / file_name
        path.write_bytes(content())
        cases[case] = path
    cases["directory"] = folder / "folder.txt"
    cases["directory"].mkdir(exist_ok=True)
    cases["vanished"] = folder / "vanished.txt"
    unreadable = folder / "unreadable.txt"
    if unreadable.exists():  # made by an earlier call
        unreadable.chmod(0o600)
    unreadable.write_text("You may not read this.\n", encoding="utf-8")
    unreadable.chmod(0)
    if os.access(unreadable, os.R_OK):  # root: the mode stops nothing, so there is no such case
        unreadable.unlink()
    else:
        cases["unreadable"] = unreadable
    return cases


# -- builders ------------------------------------------------------------------------------------


def _junk(seed: int, size: int = 4096) -> bytes:
    return random.Random(seed).randbytes(size)


def _pdf(pages: list[list[str]], *, title: str | None = None) -> bytes:
    """A PDF drawn with ReportLab (invariant: the same bytes every run), one line list per page."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    if title:
        pdf.setTitle(title)
    for lines in pages:
        pdf.setFont("Helvetica", 11)
        for n, line in enumerate(lines):
            pdf.drawString(72, 760 - 14 * n, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _no_text_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for _ in range(2):
        pdf.rect(72, 400, 300, 200, fill=1)  # a "scan": marks, no text
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _writer_bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _password_pdf() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(_pdf([["Secret minutes of the meeting."]])))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    return _writer_bytes(writer)


def _hostile_pdf() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(_pdf([[HOSTILE_PDF_TEXT]])))
    writer.pages[0].add_action(PageTrigger("open"), JavaScript("app.alert('this must never run');"))
    writer.add_attachment("payload.txt", HOSTILE_PDF_PAYLOAD)
    return _writer_bytes(writer)


def _truncated_pdf() -> bytes:
    whole = _pdf([[f"Line {n} of page {page}." for n in range(20)] for page in range(3)])
    return whole[: len(whole) * 6 // 10]


def _zip(members: dict[str, bytes]) -> bytes:
    """A zip with fixed dates, so the same members give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2014, 3, 7, 0, 0, 0)), content,
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def docx_bytes(build: Callable[[WordDocument], object]) -> bytes:
    """A .docx from python-docx, repacked with fixed dates (python-docx stamps the current time)."""
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return _zip({name: archive.read(name) for name in archive.namelist()})


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _plain_docx() -> bytes:
    return docx_bytes(lambda document: document.add_paragraph("An ordinary letter."))


def _zip_bomb_docx() -> bytes:
    members = _members(_plain_docx())
    members["word/media/image1.png"] = bytes(32 * 1024 * 1024)  # 32 MB of zeros packs into ~32 KB
    return _zip(members)


def _entities_docx() -> bytes:
    members = _members(_plain_docx())
    body = members["word/document.xml"].split(b"?>", 1)[1]
    laughs = b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1)) * 10) for n in range(1, 10))
    doctype = b'<!DOCTYPE w:document [<!ENTITY lol0 "lol">' + laughs + b"]>"
    members["word/document.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + doctype
        + body.replace(b"An ordinary letter.", b"&lol9;")
    )
    return _zip(members)


def _pdf_bomb() -> bytes:
    """One page with a little text, plus a content stream that inflates to 40 MB (about 40 KB packed)."""
    writer = PdfWriter(clone_from=io.BytesIO(_pdf([["A page with a bomb in it."]])))
    page = writer.pages[0]
    stream = DecodedStreamObject()
    stream.set_data(b" " * PDF_BOMB_INFLATES_TO)
    page[NameObject("/Contents")] = ArrayObject([page.raw_get("/Contents"), writer._add_object(stream.flate_encode())])
    return _writer_bytes(writer)


def _entities_utf32_docx() -> bytes:
    """Entity declarations written in UTF-32, which lxml reads although few tools write it."""
    members = _members(_entities_docx())
    members["word/document.xml"] = members["word/document.xml"].decode("utf-8").replace(
        'encoding="UTF-8"', 'encoding="UTF-32"').encode("utf-32")
    return _zip(members)


def _email_head(subject: str, content_type: str) -> bytes:
    return (f"From: Charles Babbage <babbage@example.org>\r\nTo: Ada Lovelace <ada@example.org>\r\n"
            f"Date: Thu, 27 Mar 2014 10:00:00 +0000\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: {content_type}\r\n").encode("ascii")


def _html_only_email() -> bytes:
    return (_email_head("Report", 'text/html; charset="utf-8"') + b"Content-Transfer-Encoding: 8bit\r\n\r\n"
            + HTML_ONLY_BODY.replace("\n", "\r\n").encode("utf-8"))


def big_attachment_email(attachment_bytes: int, seed: int = 7) -> bytes:
    """A plain-text email with one base64 attachment of that many (random) bytes."""
    boundary = "=_dossier-attachment-boundary"
    payload = ATTACHMENT_MARKER + random.Random(seed).randbytes(max(0, attachment_bytes - len(ATTACHMENT_MARKER)))
    return b"".join([
        _email_head("Figures", f'multipart/mixed; boundary="{boundary}"'), b"\r\n",
        f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n".encode(),
        ATTACHMENT_EMAIL_TEXT.replace("\n", "\r\n").encode(), b"\r\n",
        f"--{boundary}\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
        f'Content-Disposition: attachment; filename="figures.bin"\r\n\r\n'.encode(),
        base64.encodebytes(payload).replace(b"\n", b"\r\n"),
        f"--{boundary}--\r\n".encode(),
    ])


def _long_paragraph() -> bytes:
    lines = (f"line {n:05d} of one very long paragraph that keeps going without a break" for n in range(LONG_PARAGRAPH_LINES))
    return "\n".join(lines).encode("utf-8")


_FILES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "empty": ("empty.txt", lambda: b""),
    "binary_txt": ("picture.txt", lambda: b"\x89PNG\r\n\x1a\n" + _junk(1)),
    "binary_pdf": ("junk.pdf", lambda: _junk(2)),
    "truncated_pdf": ("truncated.pdf", _truncated_pdf),
    "password_pdf": ("password.pdf", _password_pdf),
    "docx_not_zip": ("not-a-zip.docx", lambda: b"This is plain text pretending to be a Word document.\n"),
    "docx_zip_bomb": ("bomb.docx", _zip_bomb_docx),
    "docx_entities": ("entities.docx", _entities_docx),
    "eml_not_email": ("blank.eml", lambda: b"\n\n   \n\n"),
    "oversize": ("oversize.txt", lambda: b"A letter that is too long for a small limit.\n" * 46),
    "undecodable_txt": ("undecodable.txt", lambda: b"Caf\xe9 prices \x81\x8d\x8f\x90\x9d are undecodable.\n"),
    "unknown_extension": ("notes.xyz", lambda: b"Some notes in a format Dossier does not know.\n"),
    "hostile_pdf": ("hostile.pdf", _hostile_pdf),
    "pdf_bomb": ("inflates.pdf", _pdf_bomb),
    "docx_entities_utf32": ("entities-utf32.docx", _entities_utf32_docx),
    "html_only_eml": ("html-only.eml", _html_only_email),
    "attachment_eml": ("attachment.eml", lambda: big_attachment_email(1024 * 1024)),
    "no_text_pdf": ("scan.pdf", _no_text_pdf),
    "long_paragraph": ("long.txt", _long_paragraph),
    "control_rtl_emoji": ("mixed.txt", lambda: CONTROL_RTL_EMOJI.encode("utf-8")),
}
