"""Where the document-date rules look and how they read a line: the head, the foot, the label and
heading zones of a page, a date at the end of a line, a labelled value, a stamp. With the Page the
rules read and the Hit they return."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dossier.analysis.dates import date_spans, parse_date_line
from dossier.analysis.parties import Layout, is_prose
from dossier.domain.dates import PartialDate, Precision
from dossier.domain.records import DocumentKind

DATELINE_LINES = 8  # an article's dateline may follow its headline and standfirst
TAIL_DATE_LINES = 10  # a date may sit under the signature
LABEL_LINES = 25  # how far down a labelled date ("Date:", "Published") is read
HEADING_LINES = 16  # how far down a heading or title is read
SCAN_CHARS = 600  # how much of one (perhaps paragraph-long) line a heading rule reads

_COLUMNS = re.compile(r"\s{2,}|\t")
_LOWER_WORD = re.compile(r"[a-z]+,?")
TERMINAL = (".", "!", "?", ":", ";")

# labels that name the document's own date ("Date:", "Dated", "Decision date:", "Sent on", "Answered on")
OWN_LABEL = re.compile(  # longest first: "Date of decision:" before "Date"
    r"^(?:date\s+(?:of|sent|issued|signed)(?:\s+(?:the\s+|this\s+)?(?:letter|issue|decision|report|notice|"
    r"judge?ment|order|determination|response|reply|meeting|hand[\s-]?down))?"
    r"|(?:decision|letter|report|issue|notice|determination|judge?ment|response|meeting)\s+date"
    r"|(?:decision|determination|judge?ment)\s+(?:given|issued|made|taken|promulgated|sent)(?:\s+on)?|promulgated"
    r"|handed\s+down(?:\s+on)?"
    r"|sent(?:\s+on)?|(?:this\s+(?:question|statement)\s+was\s+)?answered(?:\s+on)?|made(?:\s+on)?"
    r"|signed(?:\s+on)?|written\s+on|delivered(?:\s+on)?|dated|date)\b\s*[:.\-–]?\s*", re.IGNORECASE)
# labels that give the day it was published: the document's date unless a date line says otherwise
PUBLISHED_LABEL = re.compile(
    r"^(?:(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|issued(?:\s+on)?|released(?:\s+on)?"
    r"|date\s+(?:of\s+)?(?:publi(?:cation|shed)|release)|(?:publication|publish(?:ed|ing)?|release)\s+date)\b\s*[:.\-–]?\s*",
    re.IGNORECASE)
# a page's own stamp: only when nothing better states the date
UPDATED_LABEL = re.compile(
    r"^(?:(?:this\s+)?page\s+(?:was\s+)?)?(?:last\s+)?(?:updated|modified|reviewed)(?:\s+on)?\b\s*[:.\-–]?\s*",
    re.IGNORECASE)
_FIELD_BAR = re.compile(r"\s[|•·]\s+|\S\s{2,}(?=\S)")  # bars, bullets or a wide gap between fields
PAPER_REF = r"(?:(?=\S*[A-Za-z])(?=\S*\d)[A-Z0-9][\w()/.:-]*\s+)?"  # "WPC(19)M04 " before a heading
DOC_NOUN = (r"(?:bulletin|newsletter|letter|statement|briefing|update|report|minutes|notice|memo(?:randum)?|note"
             r"|circular|release|submission|response|reply|decision|judge?ment)")
_RANGE_BEFORE = re.compile(  # "1 April 2015 – 31 March 2016", "from ... to 3 May 2016": a range, not a date
    r"(?:\d(?:st|nd|rd|th)?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?)\s*[–—-]\s*$"
    r"|\b(?:to|and|until|till|between|from|through)\s+$",
    re.IGNORECASE)
# a printed stamp: a numeric date with a clock time ("04/03/2019, 10:15"), as a browser prints on each page
_NUMERIC_STAMP = re.compile(r"^[\d/.\-]+$")
EVENT_FIELD = re.compile(r"(?:time|venue|location|place|where)\s*:", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^[,\s]*(?:at\s+)?\d{1,2}[:.]\d\d")
_LEADERS = re.compile(r"^(?:[\s.\-–—:]+|\d{1,2}[:.]\d\d(?![.:/\d])\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC)?\s*[,|]?\s*)")
_TIME_TAIL = re.compile(  # a clock time after a date: "6.00 pm", "at 7pm", "(19:00)", "10:30 BST"
    r"^[,\s]*(?:at\s+|\()?\d{1,2}(?:[:.]\d\d\s*(?:[ap]\.?m\b\.?)?|\s*[ap]\.?m\b\.?)\s*(?:GMT|BST|UTC)?\)?",
    re.IGNORECASE)
# a web page's furniture after a headline's date: share and print buttons, comment counts, reading time
_FURNITURE_TAIL = re.compile(
    r"^(?:[\s|•·–—-]*(?:share(?:\s+(?:this|on\s+\w+))?|print|email|tweet|save|comments?|\d+\s+comments?|no\s+comments"
    r"|leave\s+a\s+(?:comment|reply)|\d+\s+min(?:ute)?s?(?:\s+read)?|read\s+more)\b)+[\s|•·]*$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:[–—-]|to\b|until\b|till\b|and\b)", re.IGNORECASE)
# the column before a date column that makes it another letter's date ("Your letter dated      3 May 2016")
# or a reference that looks like a date ("Our ref:      12/05/16")
_NOT_OURS = re.compile(r"\b(?:your|their|his|her)\b|\b(?:of|on|dated|received|heard|printed|ref|reference|no"
                       r"|number|case|file)\s*[:.]?\s*$", re.IGNORECASE)



# ---- helpers -------------------------------------------------------------------------------------
def is_continuation(layout: Layout, i: int) -> bool:
    """A date line that is really the tail of a wrapped sentence ("... by" / "June 2014.")."""
    lines = layout.lines
    prev = lines[i - 1] if i > 0 else ""
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    if prev and not prev.endswith(TERMINAL) and (_LOWER_WORD.fullmatch(prev.split()[-1]) or is_prose(prev)):
        return True
    return bool(nxt) and nxt[0].islower()


def date_in_line(line: str) -> PartialDate | None:
    """A line that is a date (perhaps with a note: "4 March 2019 (by email)"), or whose last column is
    one ("Our ref: AB/1        14 September 2021")."""
    found = parse_date_line(line)
    if found is None and ("  " in line or "\t" in line):
        columns = _COLUMNS.split(line)
        if len(columns) > 1 and not _NOT_OURS.search(columns[-2]):
            found = parse_date_line(columns[-1])
    if found is None and line[:1].isalnum():  # "Thursday 4th March 2019 at 7.30pm in the Village Hall"
        spans = date_spans(line[:80])
        if spans and spans[0][1] == 0 and is_day(spans[0][0]) and _TIME_TAIL.match(line[spans[0][2]:]) \
                and not is_prose(line):
            found = spans[0][0]
    if found is None and line.endswith(")"):  # "4 March 2019 (by email)"
        cut = line.rfind("(")
        found = parse_date_line(line[:cut]) if cut > 0 and ")" not in line[:cut] else None
    return found


def hit_at(date: PartialDate, line: str, i: int, after: int = 0) -> Hit:
    """A hit whose span is where the date's words stand in the line (else the whole line)."""
    at = line.find(date.text, after) if date.text else -1
    if at < 0:
        words = date.text.split()
        m = re.search(r"\s+".join(map(re.escape, words)), line[after:]) if words else None
        if m is None:
            return Hit(date, i, 0, len(line))
        return Hit(date, i, after + m.start(), after + m.end())
    return Hit(date, i, at, at + len(date.text))


def is_day(date: PartialDate) -> bool:
    return date.precision is Precision.DAY


def head_zone(layout: Layout) -> list[int]:
    """A letter's head and the two lines after its salutation; else the first lines of the text (an
    article's dateline may follow its headline and standfirst)."""
    zone = [i for i in layout.nonblank if i < layout.head_end]
    if layout.salutation is not None:  # a letter: not its body
        zone += [i for i in layout.nonblank if i > layout.salutation.index][:2]
    else:
        zone += [i for i in layout.nonblank[:DATELINE_LINES] if i >= layout.head_end]
    return sorted(set(zone))


def label_zone(layout: Layout) -> list[int]:
    """The first lines; in a letter, its head and the two lines after the salutation, not its body
    (a "Date: ... Time: ... Venue: ..." block there is an event's) nor its foot (the foot rules')."""
    zone = list(layout.nonblank[:LABEL_LINES])
    if layout.salutation is not None:
        at = layout.salutation.index
        zone = [i for i in zone if i <= at] + [i for i in layout.nonblank if i > at][:2]
    return zone


def foot_zone(layout: Layout) -> list[int]:
    """The last lines, below the head (a short page's lines may be in both its head and its foot)."""
    return [i for i in layout.nonblank[-TAIL_DATE_LINES:] if i >= layout.head_end]


def heading_zone(layout: Layout) -> list[int]:
    """Headings and titles: the lines down to the first line of prose, before any salutation."""
    stop = layout.salutation.index if layout.salutation is not None else len(layout.lines)
    return [i for i in layout.nonblank[:HEADING_LINES] if i <= layout.head_end and i < stop]


def labelled_hits(page: Page, label: re.Pattern[str], zone: list[int]) -> Iterator[Hit]:
    """A line opening with `label` and holding a date (or a label alone, with the date on the next line)."""
    layout = page.layout
    for i in zone:
        line = layout.lines[i]
        m = label.match(line)
        at = m.end() if m is not None else -1
        if m is None or (label is not UPDATED_LABEL and UPDATED_LABEL.match(line)):
            at = next(_fields(line, label), -1) if _FIELD_BAR.search(line) and not EVENT_FIELD.search(line) else -1
            if at < 0:
                continue
        j = layout.next_nonblank(i, max_gap=2)
        if i > layout.head_end and j is not None and EVENT_FIELD.match(layout.lines[j]):
            continue  # "Date: ... / Time: ... / Venue: ..." in the body: an event's date
        rest = line[at:]
        if not rest.strip():  # "First published:" / "25 September 2014"
            found = date_in_line(layout.lines[j]) if j is not None else None
            if found is not None and j is not None:
                yield hit_at(found, layout.lines[j], j)
            continue
        found = label_value(rest)
        if found is not None:
            yield hit_at(found, line, i, at)


def _fields(line: str, label: re.Pattern[str]) -> Iterator[int]:
    """Where the value starts of a later field that opens with `label`, in a line of fields set apart
    by bars or bullets ("Last updated 5 May 2016 | Published 3 May 2016")."""
    for bar in _FIELD_BAR.finditer(line):
        m = label.match(line[bar.end():])
        if m is not None:
            yield bar.end() + m.end()


def label_value(rest: str) -> PartialDate | None:
    """The date a label gives: all of the rest of the line, its first column, or a date opening it
    ("13 November 2018 by Ann Roe"; after a time "13:04, 13 November 2018" or dotted leaders "- - 4 May
    2019"), not the start of a range."""
    rest = _LEADERS.sub("", rest)
    found = parse_date_line(rest) or (parse_date_line(_COLUMNS.split(rest)[0]) if _COLUMNS.search(rest) else None)
    if found is not None:
        return found
    spans = date_spans(rest[:80])
    if spans and spans[0][1] == 0 and not _RANGE_AFTER.match(rest[spans[0][2]:]):
        return spans[0][0]
    return None


def is_stamp(date: PartialDate, line: str) -> bool:
    """A numeric date with a clock time after it: a print or system stamp, not a date line."""
    if not _NUMERIC_STAMP.match(date.text):
        return False
    at = line.find(date.text)
    return at >= 0 and bool(_CLOCK_AFTER.match(line[at + len(date.text):]))


def is_labelled(line: str) -> bool:
    return bool(OWN_LABEL.match(line) or PUBLISHED_LABEL.match(line) or UPDATED_LABEL.match(line))


def date_ending(line: str) -> tuple[PartialDate, int, int] | None:
    """The full date that ends `line` (a full stop after it allowed), not the end of a range."""
    spans = date_spans(line[-SCAN_CHARS:]) if len(line) > SCAN_CHARS else date_spans(line)
    if not spans:
        return None
    offset = max(len(line) - SCAN_CHARS, 0)
    date, start, end = spans[-1]
    tail = _TIME_TAIL.sub("", line[offset + end:], count=1)  # "Board – Tuesday 3 May 2016 6.00 pm"
    if tail.lstrip().startswith(")") and line[:offset + start].rstrip().endswith("("):  # "Title (3 May 2016)"
        tail = tail.lstrip()[1:]
    tail = _FURNITURE_TAIL.sub("", tail)  # "... – 3 May 2016 | Share | 2 comments"
    if tail.strip(" .") or _RANGE_BEFORE.search(line[:offset + start]):
        return None
    return date, offset + start, offset + end


@dataclass(frozen=True, slots=True)
class Page:
    """What the rules read: the text, its layout (lines stripped, salutation, head) and its kind."""

    text: str
    layout: Layout
    kind: DocumentKind
    header: str | None = None  # the Date/Sent value of the email's headers, if any
    printed: bool = False  # those headers are printed in the text (else they came with the file)
    file_date: str | None = None  # the date the file itself records (a web page's publication time)


@dataclass(frozen=True, slots=True)
class Hit:
    """A candidate: the date, the layout line it was read from (-1: an email header) and the span in that line."""

    date: PartialDate
    line: int
    start: int
    end: int
