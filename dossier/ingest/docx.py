"""Word (.docx) files: the archive is checked first, then python-docx parses it.

Before any XML is parsed, the zip is refused if it would expand past 200 MB or a member expands
more than 100-fold past 1 MB (a zip bomb), or if an XML part declares a DOCTYPE or entities.

Text is the body in order: paragraphs (tracked insertions in, deletions out), list items ("• "
for bullets; numbered items carry their number as Word shows it, "1.", "(a)"), table rows (one
paragraph each, non-empty cells joined with " | ") and content controls. Headers, footers,
comments, footnotes and text boxes are not read.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.oxml.ns import qn
from lxml.etree import _Element

from dossier.domain.records import Extracted
from dossier.ingest.base import ReadError
from dossier.ingest.normalise import BULLET, clean_text, normalise_paragraphs

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

MAX_EXPANDED = 200 * 1024 * 1024
MAX_RATIO = 100  # for members that expand past RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024

_CORRUPT = "not a valid Word file (corrupt or missing parts)"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc files and password-protected .docx files
_XML_PARTS = (".xml", ".rels")
_DECLARATIONS = tuple(  # as written in every encoding an XML parser detects by itself
    marker.encode(codec) for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)

_P, _TBL, _TR, _TC, _R, _T = (qn(f"w:{tag}") for tag in ("p", "tbl", "tr", "tc", "r", "t"))
_BLOCK_CONTAINERS = frozenset(qn(f"w:{tag}") for tag in ("sdt", "sdtContent", "customXml"))
_INLINE_CONTAINERS = frozenset(
    qn(f"w:{tag}")
    for tag in ("hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "customXml", "sdt", "sdtContent", "dir", "bdo")
)
_RUN_SYMBOLS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_VAL = qn("w:val")


def read_docx(data: bytes) -> Extracted:
    _check_archive(data)
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = list(_blocks(document.element.body, _Numbering(document)))
        title = document.core_properties.title or ""
    except MemoryError:
        raise
    except Exception as exc:  # python-docx and lxml fail on damaged parts in many ways
        raise ReadError(_CORRUPT) from exc
    text, spans = normalise_paragraphs(paragraphs)
    return Extracted(text=text, paragraphs=spans, media_type=MEDIA_TYPE,
                     title=" ".join(clean_text(title).split()) or None)


def _check_archive(data: bytes) -> None:
    """Refuse what is not a zip, a zip bomb, or XML declaring entities; before parsing any XML."""
    if data.startswith(_OLE):
        raise ReadError("not a valid Word file (old .doc format or password-protected)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ReadError("not a valid Word file (not a zip archive)") from exc
    with archive:
        members = archive.infolist()
        if _expands_too_far(members):
            raise ReadError("refused: archive expands too far (possible zip bomb)")
        try:
            declares = any(
                _declares_entities(archive.read(member))
                for member in members if member.filename.lower().endswith(_XML_PARTS)
            )
        except MemoryError:
            raise
        except Exception as exc:  # bad CRC, unsupported compression, encrypted member ...
            raise ReadError(_CORRUPT) from exc
    if declares:
        raise ReadError("refused: XML entity declarations in Word file")


def _expands_too_far(members: list[zipfile.ZipInfo]) -> bool:
    if sum(member.file_size for member in members) > MAX_EXPANDED:
        return True
    return any(m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * m.compress_size for m in members)


def _declares_entities(xml: bytes) -> bool:
    return any(marker in xml for marker in _DECLARATIONS)


# -- body ----------------------------------------------------------------------------------------


def _blocks(container: _Element, numbering: _Numbering) -> Iterator[str]:
    for child in container.iterchildren():
        if child.tag == _P:
            yield numbering.marker(child) + _inline_text(child)
        elif child.tag == _TBL:
            yield from _table_rows(child)
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _blocks(child, numbering)


def _inline_text(element: _Element) -> str:
    parts: list[str] = []
    for child in element.iterchildren():
        if child.tag == _R:
            parts.extend(node.text or "" if node.tag == _T else _RUN_SYMBOLS.get(node.tag, "")
                         for node in child.iterchildren())
        elif child.tag in _INLINE_CONTAINERS:
            parts.append(_inline_text(child))
    return "".join(parts)


def _table_rows(table: _Element) -> Iterator[str]:
    for row in table.iterchildren(_TR):
        cells = (_cell_text(cell) for cell in row.iterchildren(_TC))
        if line := " | ".join(cell for cell in cells if cell):
            yield line


def _cell_text(cell: _Element) -> str:
    """A cell's paragraphs (nested tables included) on one line."""
    return " ".join(text for p in cell.iter(_P) if (text := " ".join(_inline_text(p).split())))


# -- list numbering ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Level:
    format: str = "decimal"  # Word's numFmt: bullet, decimal, lowerLetter, upperRoman, none ...
    text: str = "%1."  # Word's lvlText: %1 is level 0's counter, %2 level 1's ...
    start: int = 1


class _Numbering:
    """List markers as Word shows them: "• " for bullets, "1. ", "(a) " ... for numbered items."""

    def __init__(self, document: Document) -> None:
        self._levels = _level_definitions(document)
        self._styles = _style_numbering(document)
        self._counters: dict[str, dict[int, int]] = {}

    def marker(self, paragraph: _Element) -> str:
        reference = self._reference(paragraph)
        if reference is None:
            return ""
        num_id, ilvl = reference
        levels = self._levels.get(num_id, {})
        level = levels.get(ilvl)
        if level is None or level.format == "bullet":
            return BULLET
        if level.format == "none":
            return ""
        counters = self._counters.setdefault(num_id, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def counter(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            of = levels.get(at, _Level())
            return _format_number(counters.get(at, of.start), of.format)

        return re.sub(r"%([1-9])", counter, level.text) + " "

    def _reference(self, paragraph: _Element) -> tuple[str, int] | None:
        """The paragraph's (numId, level), from its own properties or its style's."""
        properties = paragraph.find(qn("w:pPr"))
        if properties is None:
            return None
        style = _val(properties, "w:pStyle")
        style_num, style_level = self._styles.get(style or "", (None, None))
        own = properties.find(qn("w:numPr"))
        num_id = (_val(own, "w:numId") if own is not None else None) or style_num
        level = (_val(own, "w:ilvl") if own is not None else None) or style_level
        if num_id is None or num_id == "0":
            return None
        return num_id, _int(level, 0)


def _level_definitions(document: Document) -> dict[str, dict[int, _Level]]:
    """numId -> level -> how Word numbers that level."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract = {
        definition.get(qn("w:abstractNumId")): {
            _int(level.get(qn("w:ilvl")), 0): _Level(
                _val(level, "w:numFmt") or "decimal", _val(level, "w:lvlText") or "", _int(_val(level, "w:start"), 1)
            )
            for level in definition.iterchildren(qn("w:lvl"))
        }
        for definition in root.iterchildren(qn("w:abstractNum"))
    }
    return {num.get(qn("w:numId")): abstract.get(_val(num, "w:abstractNumId"), {})
            for num in root.iterchildren(qn("w:num"))}


def _style_numbering(document: Document) -> dict[str, tuple[str | None, str | None]]:
    """styleId -> (numId, level) for paragraph styles that number their paragraphs."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        numbering = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numbering is not None:
            found[style.get(qn("w:styleId")) or ""] = (_val(numbering, "w:numId"), _val(numbering, "w:ilvl"))
    return found


def _val(element: _Element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return child.get(_VAL) if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(value)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _letters(value: int) -> str:
    """Word's letter numbering: a ... z, aa ... zz, aaa ..."""
    if value < 1:
        return str(value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    out = []
    for amount, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)
