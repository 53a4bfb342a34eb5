"""One set of rules that turns extracted text into paragraphs, for every format.

Readers hand over raw text: a PDF's text layer (one string per page), a text file, an email body
(in sections, quoted or not) or Word paragraphs. Out comes the document text, its paragraphs
separated by exactly one blank line, and each paragraph's span, page and quoted flag.

Characters
    \\r\\n and \\r become \\n. NBSP and the other fixed-width spaces become a space. Control
    characters other than \\n and \\t are dropped (form feed and vertical tab end a line). Soft
    hyphens, zero-width spaces and BOMs are dropped; ligatures (ﬁ, ﬂ ...) are spelled out.
    Typographic quotes, right-to-left text, bidi marks, ZWJ and emoji are kept. An abbreviated
    title run into the name after it ("Rt Hon.Ann Roe", "Dr.Roe") gets its space back.
    Text that was mangled before it reached Dossier (UTF-8 read as Windows-1252 or Latin-1:
    "itâ€™s", "CafÃ©", "Â£5") is mended by ftfy ("it’s", "Café", "£5"), first of all and only
    where such a sequence occurs; nothing else ftfy could change (quotes, widths, HTML entities,
    Unicode normal form) is touched.
Lines
    Runs of spaces collapse to one space; lines are stripped.
Bullets
    •, ●, ▪, ◦, ■, ‣, ⁃, ∙, ○ (and Symbol-font private-use bullets) at a line start become "• ".
    -, *, – and — followed by a space do too when they open a block or follow a line that ends
    a sentence (a dash that merely wrapped to a line start is left alone). A glyph alone on its
    line takes the next line as its item. A bullet always starts a paragraph.
Blocks
    Blank lines and page breaks cut the text into blocks. A block boundary is a paragraph break
    unless the sentence visibly goes on: the line before does not end a sentence (. ! ? : ; …
    or "; and" / "; or", closing quotes and brackets ignored) and either the next line starts
    lower-case (a copy-list label such as "cc" or "bcc:", or "pp" before a signature, aside),
    or the line before ends on a word no paragraph ends on (the, of, with, Lord, Sir ...), or the
    line before is a full wrapped line.
Lines within a block
    A full wrapped line joins the next with a space. Otherwise a line that ends a sentence ends
    the paragraph (unless the next starts lower-case); a next line that starts lower-case, or a
    dangling line before it, joins; anything else (address and signature blocks) stays its own
    line inside the paragraph, joined with "\\n". A salutation ("Dear Tobias,") is always a
    paragraph of its own.
Wrapped lines
    Text is hard-wrapped when its 90th-percentile line length is 30-130 characters and at least
    40% of its lines reach 70% of it; its width is then its longest line up to 1.15 times that
    length. A line is full when the next line's first word would not have fitted after it within
    90% of the width; across a blank line, within 95% and only for a line of 85% of the width.
Hyphens at a line end
    Digits on either side, or an upper-case start of the second part, keep the hyphen (2013-14,
    Anglo-Saxon). Otherwise the rest of the document decides: a hyphenated spelling elsewhere
    keeps it, an unhyphenated one drops it. Failing that, the hyphen stays after a first part
    with inner capitals (UK-wide), a prefix (co, non, pre, post, re, self, well, long, short,
    half) or before a compound tail (term, based, led, wide ...); otherwise it goes
    ("improve-" + "ment" -> "improvement").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum, auto
from typing import Any

from dossier.domain.records import ParagraphSpan

Spans = tuple[ParagraphSpan, ...]

BULLET = "• "


@dataclass(frozen=True, slots=True)
class Section:
    """A run of raw text: one PDF page, a whole text file, or one quoted part of an email."""

    text: str
    page: int | None = None
    quoted: bool = False


def normalise_pages(pages: Sequence[str]) -> tuple[str, Spans]:
    """Text of a paged document (page 1 first); paragraphs may run on across a page break."""
    return _assemble(_paragraphs(Section(text, page) for page, text in enumerate(pages, 1)))


def normalise_text(text: str) -> tuple[str, Spans]:
    """Text without pages: a text file or an email body."""
    return _assemble(_paragraphs([Section(text)]))


def normalise_sections(sections: Iterable[Section]) -> tuple[str, Spans]:
    """Sections in order (pages, or an email's own and quoted parts); quoting never changes mid-paragraph."""
    return _assemble(_paragraphs(sections))


def normalise_paragraphs(paragraphs: Iterable[str]) -> tuple[str, Spans]:
    """Paragraphs whose boundaries are known (Word): each is tidied, empty ones dropped."""
    return _assemble(_Paragraph(text) for raw in paragraphs if (text := tidy_paragraph(raw)))


def tidy_paragraph(raw: str) -> str:
    """One paragraph's text: characters cleaned, lines stripped, bullets normalised."""
    lines = [line.strip() for line in _SPACES.sub(" ", clean_text(raw)).split("\n")]
    return "\n".join(line for line, _ in _bullets([line for line in lines if line]))


def clean_text(raw: str) -> str:
    """Line ends, spaces and invisible characters as described in the module docstring."""
    text = fix_mojibake(raw).replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad\n", "")
    return _GLUED_TITLE.sub(r"\1. ", _SPECIAL.sub(_replace_special, text))


# -- characters and lines ------------------------------------------------------------------------


def _mojibake_pattern() -> re.Pattern[str]:
    """A UTF-8 lead byte and as many continuation bytes as it announces, read as Windows-1252 or
    as Latin-1 ("Ã©" for "é", "â€™" for "’"; not "Zoë’s", which is right as it stands)."""
    continuation = {chr(byte) for byte in range(0x80, 0xC0)}
    for byte in range(0x80, 0xA0):
        try:
            continuation.add(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:  # five bytes Windows-1252 leaves undefined
            continue
    tail = f"[{''.join(re.escape(ch) for ch in sorted(continuation))}]"
    return re.compile(f"[\u00c2-\u00df]{tail}|[\u00e0-\u00ef]{tail}{{2}}|[\u00f0-\u00f4]{tail}{{3}}")


_MOJIBAKE = _mojibake_pattern()
_FIXER_OPTIONS: dict[str, Any] = {  # TextFixerConfig's fields (bools, and normalization None)
    "unescape_html": False, "remove_terminal_escapes": False,
    "fix_latin_ligatures": False, "fix_character_width": False, "uncurl_quotes": False,
    "fix_line_breaks": False, "remove_control_chars": False, "normalization": None,
}


def fix_mojibake(text: str) -> str:
    """Text with UTF-8 that was decoded as Windows-1252 or Latin-1 decoded again; else as it was."""
    if not _MOJIBAKE.search(text):
        return text  # the usual case: ftfy is not even imported
    import ftfy

    return ftfy.fix_text(text, ftfy.TextFixerConfig(explain=False, **_FIXER_OPTIONS))



def _character_table() -> dict[int, str | None]:
    table: dict[int, str | None] = dict.fromkeys((*range(0x20), *range(0x7F, 0xA0)))
    del table[0x09], table[0x0A]
    table.update({0x0B: "\n", 0x0C: "\n", 0x2028: "\n", 0x2029: "\n\n"})
    table.update(dict.fromkeys((0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000), " "))
    table.update(dict.fromkeys((0xAD, 0x200B, 0x2060, 0xFEFF)))
    table.update({0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"})
    return table


_CHARACTERS = _character_table()
# str.translate looks every character up; a regex finds the rare ones much faster.
_SPECIAL = re.compile("[" + "".join(re.escape(chr(code)) for code in _CHARACTERS) + "\ud800-\udfff]")


def _replace_special(match: re.Match[str]) -> str:
    return _CHARACTERS.get(ord(match.group()), "\ufffd") or ""  # unpaired surrogates: U+FFFD

_SPACES = re.compile(" {2,}")
# a text layer that lost the space after an abbreviated title: "Rt Hon.Ann Roe" -> "Rt Hon. Ann Roe"
_GLUED_TITLE = re.compile(r"(?<![^\s(])(Mr|Mrs|Ms|Dr|Hon|Rt|Revd|Rev|Cllr|Prof)\.(?=[A-Z][a-z])")

_GLYPH = re.compile("[•●▪◦■‣⁃∙○\uf0b7\uf0a7\uf0d8\uf076\uf0fc]\\s*")
_DASH = re.compile(r"[-–—*]\s+")

_CLOSERS = "\"'”’»)]"
_TERMINAL = frozenset(".!?:;…")
_LIST_END = re.compile(r";\s*(?:and|or)$")
_SALUTATION = re.compile(r"(?:dear|hi|hello|to whom it may concern)\b[^.!?]{0,60}$", re.IGNORECASE)
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "to", "and", "or", "nor", "but", "with", "without", "for", "in", "on", "at",
    "by", "from", "into", "onto", "upon", "as", "than", "that", "which", "who", "whom", "whose", "per",
    "via", "under", "over", "between", "about", "including", "is", "are", "was", "were", "be", "been",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "our", "your",
    "their", "his", "her", "its", "my", "this", "these", "those"
})
_TITLES = frozenset({
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Baroness", "Baron", "Professor",
    "Prof", "Councillor", "Cllr", "Rt", "Hon", "Rev", "Revd"
})


def _split_blocks(lines: list[str]) -> Iterator[list[str]]:
    block: list[str] = []
    for line in lines:
        if line:
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _bullets(lines: list[str]) -> list[tuple[str, bool]]:
    """Lines of one block with bullets normalised, each flagged as opening a bullet item."""
    marked: list[tuple[str, bool]] = []
    lone_glyph = False
    for line in lines:
        glyph = _GLYPH.match(line)
        dash = _DASH.match(line)
        if glyph and glyph.end() == len(line):
            lone_glyph = True
            continue
        if glyph:
            marked.append((BULLET + line[glyph.end():], True))
        elif lone_glyph:
            marked.append((BULLET + line, True))
        elif dash and (not marked or _ends_sentence(marked[-1][0])):
            marked.append((BULLET + line[dash.end():], True))
        else:
            marked.append((line, False))
        lone_glyph = False
    return marked


def _ends_sentence(line: str) -> bool:
    core = line.rstrip(_CLOSERS)
    return bool(core) and (core[-1] in _TERMINAL or _LIST_END.search(core) is not None)


def _dangles(line: str) -> bool:
    """Whether the line ends on a word no paragraph ends on ("the", "of", "Lord"; not "Annex A")."""
    word = line.rsplit(" ", 1)[-1]
    return word in _FUNCTION_WORDS or word in _TITLES


def _is_salutation(line: str) -> bool:
    return len(line) <= 70 and _SALUTATION.match(line) is not None


# -- wrapping ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Layout:
    width: int = 0  # wrap width in characters of hard-wrapped text; 0 when the text is not

    def full(self, line: str, following: str, *, strict: bool = False) -> bool:
        """Whether `line` was wrapped: the next line's first word would not have fitted after it.

        Proportional fonts make character counts loose, so "fitted" means within 90% of the
        width. Across a blank line, where a wrong join costs more, `strict` asks for 95% and a
        line of at least 85% of the width.
        """
        if not self.width or (strict and len(line) < 0.85 * self.width):
            return False
        slack = 0.95 if strict else 0.9
        return len(line) + 1 + len(following.split(" ", 1)[0]) > slack * self.width


def _measure(lines: list[str]) -> _Layout:
    """The wrap width: the longest line not far past the 90th-percentile length, if text is wrapped."""
    lengths = sorted(len(line) for line in lines)
    if len(lengths) < 3:
        return _Layout()
    typical = lengths[(len(lengths) - 1) * 9 // 10]
    if not 30 <= typical <= 130:
        return _Layout()
    near_full = len(lengths) - bisect_left(lengths, 0.7 * typical)
    if near_full < 0.4 * len(lengths):
        return _Layout()
    return _Layout(lengths[bisect_left(lengths, 1.15 * typical) - 1])


class _Break(Enum):
    PARAGRAPH = auto()
    LINE = auto()
    JOIN = auto()


def _break(prev: str, line: str, *, bullet: bool, new_block: bool, layout: _Layout) -> _Break:
    """What separates two consecutive lines: see "Blocks" and "Lines within a block" above."""
    if bullet or _is_salutation(prev):
        return _Break.PARAGRAPH
    lower = line[:1].islower() and not _OPENING_LABEL.match(line)
    continues = lower or _dangles(prev)
    if new_block:
        if _ends_sentence(prev):
            return _Break.PARAGRAPH
        return _Break.JOIN if continues or layout.full(prev, line, strict=True) else _Break.PARAGRAPH
    if layout.full(prev, line):
        return _Break.JOIN
    if _ends_sentence(prev):
        return _Break.JOIN if lower else _Break.PARAGRAPH
    return _Break.JOIN if continues else _Break.LINE


# "cc Ann Roe", "cc: ...", "bcc:", "c.c." open a copy list, and "pp Ann Roe" a signature: lower-case,
# yet no sentence goes on there
_OPENING_LABEL = re.compile(r"(?:b?cc|c\.c\.|p\.?p\.?)(?:\s*:|\s+(?=[A-Z]))")


# -- hyphens -------------------------------------------------------------------------------------

_HYPHEN_END = re.compile(r"(\w+)-$")
_LEADING_WORD = re.compile(r"[^\W\d_]+")
_PREFIXES = frozenset({"co", "non", "pre", "post", "re", "self", "well", "long", "short", "half"})
_COMPOUND_TAILS = frozenset({
    "term", "based", "led", "wide", "being", "making", "scale", "level", "year", "related", "specific",
    "owned"
})


def _keeps_hyphen(head: str, tail: str, corpus: str) -> bool:
    """Whether "head-" at a line end and "tail..." on the next line form a hyphenated word."""
    if not head.isalpha() or not tail.islower():
        return True
    if f"{head}-{tail}".lower() in corpus:
        return True
    if f"{head}{tail}".lower() in corpus:
        return False
    return head[1:] != head[1:].lower() or head.lower() in _PREFIXES or tail in _COMPOUND_TAILS


# -- building paragraphs -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Paragraph:
    text: str
    page: int | None = None
    quoted: bool = False


class _Builder:
    """Feeds lines block by block and decides, line by line, where paragraphs break."""

    def __init__(self, layout: _Layout, corpus: str) -> None:
        self._layout = layout
        self._corpus = corpus  # the whole text, lower-case: evidence for hyphenated spellings
        self._done: list[_Paragraph] = []
        self._pieces: list[str] = []  # the open paragraph, in pieces (joined once, at the end)
        self._page: int | None = None
        self._quoted = False
        self._prev = ""  # the previous physical line

    def add_block(self, lines: list[str], page: int | None, quoted: bool) -> None:
        for index, (line, bullet) in enumerate(_bullets(lines)):
            if self._pieces and quoted == self._quoted:
                brk = _break(self._prev, line, bullet=bullet, new_block=index == 0, layout=self._layout)
            else:
                brk = _Break.PARAGRAPH
            if brk is _Break.PARAGRAPH:
                self._flush()
                self._pieces.append(line)
                self._page, self._quoted = page, quoted
            elif brk is _Break.JOIN:
                self._join(line)
            else:
                self._pieces.append("\n" + line)
            self._prev = line

    def finish(self) -> list[_Paragraph]:
        self._flush()
        return self._done

    def _flush(self) -> None:
        if self._pieces:
            self._done.append(_Paragraph("".join(self._pieces), self._page, self._quoted))
            self._pieces.clear()

    def _join(self, line: str) -> None:
        last = self._pieces[-1]
        hyphen = _HYPHEN_END.search(last) if last.endswith("-") else None
        if not (hyphen and line[:1].isalnum()):
            self._pieces.append(" " + line)
            return
        tail = _LEADING_WORD.match(line)
        if tail and not _keeps_hyphen(hyphen.group(1), tail.group(), self._corpus):
            self._pieces[-1] = last[:-1]
        self._pieces.append(line)


def _paragraphs(sections: Iterable[Section]) -> list[_Paragraph]:
    blocks: list[tuple[list[str], Section]] = []
    for section in sections:
        section_lines = [line.strip() for line in _SPACES.sub(" ", clean_text(section.text)).split("\n")]
        blocks.extend((block, section) for block in _split_blocks(section_lines))
    lines = [line for block, _ in blocks for line in block]
    builder = _Builder(_measure(lines), "\n".join(lines).lower())
    for block, section in blocks:
        builder.add_block(block, section.page, section.quoted)
    return builder.finish()


def _assemble(paragraphs: Iterable[_Paragraph]) -> tuple[str, Spans]:
    parts: list[str] = []
    spans: list[ParagraphSpan] = []
    offset = 0
    for paragraph in paragraphs:
        if parts:
            offset += 2
        end = offset + len(paragraph.text)
        spans.append(ParagraphSpan(len(spans) + 1, offset, end, paragraph.page, paragraph.quoted))
        parts.append(paragraph.text)
        offset = end
    return "\n\n".join(parts), tuple(spans)
