"""Sentences and paragraphs with their offsets in the document's text.

A sentence ends at . ! or ? followed by a space and a capital (or a quote, bullet or digit), unless
the word before the stop is an abbreviation or an initial; it also ends at a paragraph break (a
blank line), before a bullet line, after a line ending in a colon, and at a short line in a
letterhead. Spans are [start, end) with surrounding spaces trimmed. Standard library only.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

_BULLET_LINE = re.compile(r"^[ \t]*(?:[•·●▪◦‣∙○■□➢►*]|[-–—](?=\s)|\(?[a-z0-9]{1,3}[.)](?=\s))")
_STOP = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[•·●▪◦‣∙○■□➢►*A-Z0-9À-Þ]|\s*$)")
_PARA_BREAK = re.compile(r"\n[ \t\f\v\r]*\n\s*")
_LINE = re.compile(r"[^\n]*")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "no", "nos", "vol", "cf", "c", "ca", "approx",
    "e.g", "i.e", "eg", "ie", "viz", "al", "fig", "para", "paras", "p", "pp", "ref", "cllr", "rt", "hon",
    "gen", "col", "capt", "lt", "sgt", "rev", "revd", "co", "ltd", "inc", "dept", "govt", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sec", "s", "ss", "cl",
})
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start:self.end]


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def paragraphs(text: str) -> list[Span]:
    """Blocks separated by blank lines; a bullet line starts a block of its own."""
    return list(_paragraphs(text))


@lru_cache(maxsize=8)  # dates and actions split the same text one after the other
def _paragraphs(text: str) -> tuple[Span, ...]:
    out: list[Span] = []
    pos = 0
    for brk in _PARA_BREAK.finditer(text):
        before = text[pos:brk.start()].rstrip()
        after = text[brk.end():brk.end() + 1]
        if before and after.islower() and before[-1] not in ".:;!?":
            continue  # a page break in mid-sentence: the paragraph goes on
        out.extend(_split_bullets(text, pos, brk.start()))
        pos = brk.end()
    out.extend(_split_bullets(text, pos, len(text)))
    return tuple(out)


def _split_bullets(text: str, start: int, end: int) -> list[Span]:
    cuts = [start]
    for line in _LINE.finditer(text, start, end):
        if line.start() > start and _BULLET_LINE.match(line.group()):
            cuts.append(line.start())
    cuts.append(end)
    out = []
    for a, b in itertools.pairwise(cuts):
        span = _trimmed(text, a, b)
        if span:
            out.append(span)
    return out


def _line_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets inside a paragraph where a line on its own ends a sentence (letterheads, colons)."""
    cuts: list[int] = []
    lines = [m for m in _LINE.finditer(text, start, end) if m.group().strip()]
    for prev, nxt in itertools.pairwise(lines):
        before = prev.group().rstrip()
        after = nxt.group().lstrip()
        if not before or not after:
            continue
        if before.endswith(":") or (len(before) < 40 and (after[0].isupper() or after[0].isdigit())
                                    and not before.endswith((",", "-", "–", "and", "or", "of", "the"))):
            cuts.append(nxt.start())
    return cuts


def sentences(text: str) -> list[Span]:
    """Sentence spans over the whole text, in order."""
    return list(_sentences(text))


@lru_cache(maxsize=8)
def _sentences(text: str) -> tuple[Span, ...]:
    out: list[Span] = []
    for para in paragraphs(text):
        cuts = [para.start, *_line_breaks(text, para.start, para.end)]
        for stop in _STOP.finditer(text, para.start, para.end):
            word = _WORD_BEFORE.search(text, max(para.start, stop.start() - 12), stop.start())
            if word and stop.group().startswith(".") and "." not in stop.group()[1:]:
                token = word.group(1).lower()
                if token in _ABBREVIATIONS or (len(token) == 1 and word.group(1).isupper()):
                    continue
            cuts.append(stop.end())
        cuts = [*sorted(set(cuts)), para.end]
        for a, b in itertools.pairwise(cuts):
            span = _trimmed(text, a, b)
            if span:
                out.append(span)
    return tuple(out)


class SentenceIndex:
    """Sentence spans with a fast lookup of the sentence holding an offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentences(text)
        self._starts = [s.start for s in self.spans]

    def index_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.spans[i].start <= offset < max(self.spans[i].end, self.spans[i].start + 1):
            return i
        return None

    def at(self, offset: int) -> Span:
        i = self.index_at(offset)
        if i is None:  # between sentences (spaces): the line around it
            start = self.text.rfind("\n", 0, offset) + 1
            end = self.text.find("\n", offset)
            return Span(start, len(self.text) if end < 0 else end)
        return self.spans[i]
