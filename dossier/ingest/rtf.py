"""Rich Text Format (.rtf): a letter saved from a word processor, read with striprtf (BSD-3-Clause).

Each \\par ends a paragraph, as a Word paragraph does; a \\line break stays a line break inside
its paragraph (an address or a signature block). Fonts, colours, pictures, fields' instructions
and the document's information group are left out of the text; a list item's bullet becomes
"• ". The title is the \\title of the information group, if the file has one. Characters are read
in the code page the file names (\\ansicpg1252), and \\u escapes as Unicode.
"""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from dossier.domain.records import Extracted
from dossier.ingest.base import ReadError
from dossier.ingest.normalise import BULLET, normalise_paragraphs
from dossier.ingest.text import decode_lenient, looks_binary

MEDIA_TYPE = "application/rtf"

_SIGNATURE = re.compile(rb"\s*\{\\rtf", re.ASCII)
_CODE_PAGE = re.compile(r"\\ansicpg(\d{3,5})")
# \line (not \linex, \linebetcol ...): a line break inside the paragraph, kept apart from \par
_LINE = re.compile(r"\\line(?![A-Za-z])(?:-?\d+)? ?")
_TITLE = re.compile(r"\{\\title\b ?((?:[^{}\\]|\\[^{}])*)\}")
_LIST_MARK = re.compile("^[·\uf0b7\uf0a7o§-]\t")


def read_rtf(data: bytes) -> Extracted:
    lines, title = rtf_lines(data)
    text, spans = normalise_paragraphs(lines)
    return Extracted(text=text, paragraphs=spans, media_type=MEDIA_TYPE, title=title)


def rtf_lines(data: bytes) -> tuple[list[str], str | None]:
    """The paragraphs of an RTF document (line breaks inside them as U+2028) and its title."""
    if not _SIGNATURE.match(data[:64]):
        raise ReadError("not an RTF file")
    source = data.decode("latin-1")
    page = _CODE_PAGE.search(source[:4096])
    encoding = f"cp{page.group(1)}" if page else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    source = decode_lenient(data, encoding)
    try:
        # an old-style list item's bullet ({\pntext ...}) read like a new-style one ({\listtext ...})
        marked = _LINE.sub(r"\\u8232?", source).replace("{\\pntext", "{\\listtext")
        text = rtf_to_text(marked, encoding=encoding, errors="replace")
        title = _title(source, encoding)
    except (ValueError, TypeError, IndexError, LookupError, OverflowError) as exc:  # striprtf on bad input
        raise ReadError("cannot read RTF (damaged file)") from exc
    if looks_binary(text):
        raise ReadError("cannot read RTF (binary content)")
    return [_LIST_MARK.sub(BULLET, line) for line in text.split("\n")], title


def _title(source: str, encoding: str) -> str | None:
    found = _TITLE.search(source)
    if not found:
        return None
    title = rtf_to_text("{\\rtf1 " + found.group(1) + "}", encoding=encoding, errors="replace")
    return " ".join(title.split()) or None
