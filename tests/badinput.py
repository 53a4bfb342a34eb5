"""The bad-input set: files Dossier must refuse with a precise one-line reason, or read safely.

`make_bad_inputs(folder)` writes every case into `folder` and returns {case name: path}. The
contents are the same on every run (seeded junk, ReportLab's invariant mode, fixed zip dates);
only the password-protected PDF's file identifier is random (pypdf draws it when encrypting).

`EXPECTED_REASONS[case]` is the reason `UnreadableFile` must carry. Two cases need care:
    "oversize"    fails only when read with max_bytes=OVERSIZE_MAX_BYTES (it is 2 KB of text);
    "unreadable"  is only made where permissions stop this process reading (never as root).
"vanished" names a file that does not exist and "directory" a folder named like a text file.
The cases in READABLE must be read without error; tests check what comes out.
"""

from __future__ import annotations

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
    "eml_not_email": "not an email message",
    "oversize": "file is larger than the 1 KB limit",
    "undecodable_txt": "cannot decode text",
    "unknown_extension": "unsupported file type .xyz",
    "directory": "not a file",
    "unreadable": "cannot read file (permission denied)",
    "vanished": "file not found",
}

READABLE = frozenset({"hostile_pdf", "no_text_pdf", "long_paragraph", "control_rtl_emoji"})

HOSTILE_PDF_TEXT = "Visible text of a hostile PDF."
HOSTILE_PDF_PAYLOAD = b"EMBEDDED PAYLOAD THAT MUST NOT BE READ"
LONG_PARAGRAPH_LINES = 10_000
CONTROL_RTL_EMOJI = (
    "Hello\x07 world\x1b.\r\n\r\nمرحبا بالعالم\u200f\r\n\r\nThumbs up 👍🏽 and family 👨\u200d👩\u200d👧 done\x00.\r\n"
)
# What the control/RTL/emoji file reads as: controls gone, the rest kept as written.
CONTROL_RTL_EMOJI_TEXT = "Hello world.\n\nمرحبا بالعالم\u200f\n\nThumbs up 👍🏽 and family 👨\u200d👩\u200d👧 done."


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
    "no_text_pdf": ("scan.pdf", _no_text_pdf),
    "long_paragraph": ("long.txt", _long_paragraph),
    "control_rtl_emoji": ("mixed.txt", lambda: CONTROL_RTL_EMOJI.encode("utf-8")),
}
