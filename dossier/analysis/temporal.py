"""Dated references in a document's text, resolved against the document's own date (GUIDE §3).

`find_dates(text, document_date)` finds every dated reference ("on 3 September", "last November",
"by the end of May 2014", "early next month", "22/07/2014", "Q3 2014", "in the autumn" ...) and
resolves it to a PartialDate:

* A date written with its year is taken as written.
* A day or month without a year is placed in the year that fits the tense of its clause: a past
  clause ("published on 27 March", "rated inadequate in October") takes the latest occurrence not
  after the document's date, a future one ("By 14 September", "to report in October") the first one not
  before it; with no tense cue the occurrence nearest the document's date wins.
* "last/next/this" + month, week, year or quarter, "ago", "within", "yesterday", "tomorrow" and
  "the new year" count from the document's date.
* Cue words become qualifiers: by / no later than -> by; early, mid, late; (by) the end of -> end;
  around / c. -> about; before / until -> before; after / since -> after; between X and Y -> between.

Each kind of reference is one named rule in `RULES` (its pattern, its resolver, the words the scanner
looks for): adding a kind of date means adding a row there, with its tests. Every date found names
the rule that read it (`DateFound.rule`); "between-and" names a range joined from two references.
Some rules read several references in the same words ("6 and 7 November": two days; "within 28 days
of 3 April 2021": the last day and the day counted from); a year written once goes to the days or
months listed before it ("30 April and 1 May 2019").

Without a document date only references that carry their own year resolve. Dates that are not
references are skipped: a date on a line of its own in the letterhead (the document's own date),
years inside titles of legislation ("Education Act 1996"), phone numbers, page numbers, times.

Each reference gets a role: DEADLINE when something is to be done by then (a "by"-type cue, or a
future/obligation clause: "will report", "to report in", "I wish to see"), EVENT otherwise.
Only generic temporal vocabulary lives here.
"""

from __future__ import annotations

import re

from dossier.analysis import deadline_rules
from dossier.analysis.date_calendar import valid
from dossier.analysis.date_context import Hit
from dossier.analysis.date_patterns import (
    BACK,
    BETWEEN_JOIN,
    CHANGED_LINE,
    DIGITS,
    HEAD_LINES,
    LABEL_LINE,
    LEAD_WORD,
    LINE,
    LISTED,
    WRITTEN_YEAR,
    read_prefix,
)
from dossier.analysis.date_rules import ANCHOR_WORDS, LEAD_WORDS, SCANNER, resolve_match
from dossier.analysis.dates import parse_date_line
from dossier.analysis.sentences import SentenceIndex, Span
from dossier.domain.dates import PartialDate, Precision, Qualifier
from dossier.domain.findings import DateFound, DateRole


def _anchors(text: str) -> list[int]:
    """Offsets of digit runs and of the rules' anchor words (at a word's start); str.find is much
    faster than a regex."""
    low = text.lower()
    out = [m.start() for m in DIGITS.finditer(text)]
    for word in ANCHOR_WORDS:
        i = low.find(word)
        while i >= 0:
            if i == 0 or not low[i - 1].isalpha():
                out.append(i)
            i = low.find(word, i + 1)
    out.sort()
    return out


def _core_matches(text: str) -> list[re.Match[str]]:
    """The scanner's leftmost matches, tried only at the words that may open one near each anchor.

    The same matches a whole-text `finditer` gives (each holds an anchor), many times faster.
    """
    out: list[re.Match[str]] = []
    last_end = 0
    for anchor in _anchors(text):
        if anchor < last_end:
            continue
        for w in LEAD_WORD.finditer(text, max(last_end, anchor - BACK), anchor + 1):
            if w.start() != anchor and w.group().lower() not in LEAD_WORDS:
                continue
            m = SCANNER.match(text, w.start())
            if m is not None and m.end() > anchor:
                out.append(m)
                last_end = m.end()
                break
    return out


# -- the letterhead -------------------------------------------------------------------------------
def _skipped_ranges(text: str) -> list[tuple[int, int]]:
    """Lines that are the document's own date: alone on a line near the top, or labelled. Not a date
    and time under a quoted message's sender, after the prose of a reply ("Ann Roe / 12/03/2001 10:15 AM")."""
    out: list[tuple[int, int]] = []
    published: list[bool] = []
    prose = False
    for n, line in enumerate(LINE.finditer(text)):
        if n > 60:
            break
        s = line.group()
        if len(s) > 70:
            prose = prose or _PROSE.search(s, 0, 400) is not None
            continue
        if prose and _CLOCK.search(s) and not LABEL_LINE.match(s):
            continue
        if (n < HEAD_LINES and parse_date_line(s) is not None) or (LABEL_LINE.match(s) and parse_date_line(s)):
            if out and CHANGED_LINE.match(s):
                continue  # "Updated on: 3 May 2021" under the page's own date: the day it was changed, a reference
            out.append((line.start(), line.end()))
            published.append(_PUBLISHED_LINE.match(s) is not None)
    if len(out) > 1 and published[0] and not published[-1]:
        # a web page's "Published 3 May 2021" over the letter's own date line: the page's furniture, a reference
        out = [span for span, pub in zip(out, published, strict=True) if not pub]
    return out


_PUBLISHED_LINE = re.compile(r"\s*(?:first\s+)?(?:published|posted)\b", re.IGNORECASE)


_PROSE = re.compile(r"(?:[a-z]{2,}[,;]?\s+){6}[a-z]+[^.!?]{0,300}[.!?](?:\s|$)")  # a sentence of running text
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\b\.?)?", re.IGNORECASE)


# -- the finder -----------------------------------------------------------------------------------


def find_dates(text: str, document_date: PartialDate | None) -> list[DateFound]:
    """Every dated reference in `text`, resolved against `document_date` (see the module notes)."""
    if not text:
        return []
    index = SentenceIndex(text)
    skipped = _skipped_ranges(text)
    hits: list[Hit] = []
    for m in _core_matches(text):
        if any(a <= m.start() < b for a, b in skipped):
            continue
        pre = read_prefix(text, m.start())
        sentence = index.at(m.start())
        listed = bool(hits) and LISTED.fullmatch(text, hits[-1].end, m.start()) is not None
        hits.extend(resolve_match(text, m, pre, sentence, document_date, hits, listed=listed))
    hits = _share_years(text, _join_ranges(text, hits))
    out: list[DateFound] = []
    for hit in hits:
        sentence = index.at(hit.start)
        role = _role(text, hit, sentence, document_date)
        lo, hi = _clause_of(text, sentence, hit, hits)
        words = " ".join(text[lo:hi].split()).strip(" ,;")
        out.append(DateFound(
            text=" ".join(text[hit.start:hit.end].split()), start=hit.start, end=hit.end, date=hit.date,
            role=role, sentence=words[:1].upper() + words[1:] if lo > sentence.start else words,
            sentence_start=sentence.start, sentence_end=sentence.end, rule=hit.rule))
    return out


# where a sentence joins clauses with subjects of their own: "; ", ", and we ...", " but I ..."
_CLAUSE_JOINT = re.compile(r";\s+|,?\s+(?:and|but|while|whereas)\s+(?=(?:I|we|you|he|she|they|it|the|this|that|"
                           r"[A-Z][a-z]+)\s+(?:\w+\s+){0,2}?(?:will|would|shall|should|must|may|can|could|is|are|was|"
                           r"were|has|have|had|[a-z]+ed|expects?|intends?|plans?)\b)")


def _clause_of(text: str, sentence: Span, hit: Hit, hits: list[Hit]) -> tuple[int, int]:
    """The clause that carries a date, where its sentence joins clauses that carry other dates
    ("She will begin next week | and I expect her to report by the end of March"); else the
    whole sentence, which says what the date is about best."""
    others = [h for h in hits if h is not hit and sentence.start <= h.start < sentence.end]
    if not others:
        return sentence.start, sentence.end
    lo, hi = sentence.start, sentence.end
    for m in _CLAUSE_JOINT.finditer(text, sentence.start, sentence.end):
        if m.end() <= hit.start:
            lo = m.end()
        elif m.start() >= hit.end:
            hi = m.start()
            break
    if all(not lo <= h.start < hi for h in others) and len(text[lo:hi].split()) >= 4:
        return lo, hi
    return sentence.start, sentence.end

def _join_ranges(text: str, hits: list[Hit]) -> list[Hit]:
    """"between 3 June and 7 June 2014", "from May to July 2015": one reference with two bounds."""
    out: list[Hit] = []
    i = 0
    while i < len(hits):
        hit = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt is not None and hit.cue in ("between", "from") and hit.date.qualifier is None \
                and BETWEEN_JOIN.fullmatch(text, hit.end, nxt.start):
            first = hit.date
            if not WRITTEN_YEAR.search(text, hit.start, hit.end) and first.precision is not Precision.YEAR:
                first = _in_year_of(first, nxt.date)  # "from May to July 2015": May 2015
            if nxt.date.earliest() >= first.earliest():
                date = PartialDate(first.value, first.precision, Qualifier.BETWEEN,
                                   " ".join(text[hit.start:nxt.end].split()), nxt.date.value)
                out.append(Hit(hit.start, nxt.end, date, hit.cue, hit.direction, "between-and"))
                out.append(nxt)  # each end is a dated reference of its own too
                i += 2
                continue
        out.append(hit)
        i += 1
    return out


_OWN_YEAR_WORDS = re.compile(r"\b(?:last|next|this|coming|year)\b", re.IGNORECASE)  # "October last year"
_AND_JOIN = re.compile(r"\s*,?\s*(?:and|or|&)\s+|\s*,\s*", re.IGNORECASE)


def _share_years(text: str, hits: list[Hit]) -> list[Hit]:
    """ "30 April and 1 May 2019", "in March and April 2015": a year written once, for the
    days or months listed before it too; each such reference spans on to that year."""
    out = list(hits)
    for i in range(len(out) - 2, -1, -1):
        hit, nxt = out[i], out[i + 1]
        if not 0 <= nxt.start - hit.end <= 12 or not _AND_JOIN.fullmatch(text, hit.end, nxt.start):
            continue
        if hit.date.precision is Precision.YEAR or nxt.date.precision is Precision.YEAR \
                or hit.date.end_value is not None or WRITTEN_YEAR.search(text, hit.start, hit.end) \
                or _OWN_YEAR_WORDS.search(text, hit.start, hit.end) \
                or not WRITTEN_YEAR.search(text, nxt.start, nxt.end):
            continue
        moved = _in_year_of(hit.date, nxt.date)
        words = " ".join(text[hit.start:nxt.end].split())
        date = PartialDate(moved.value, moved.precision, hit.date.qualifier, words)
        out[i] = Hit(hit.start, nxt.end, date, hit.cue, hit.direction, hit.rule)
    return out


def _in_year_of(first: PartialDate, second: PartialDate) -> PartialDate:
    year = second.year if (first.month or 1) <= (second.month or 12) else second.year - 1
    if first.day is not None and not valid(year, first.month or 1, first.day):
        return first
    return PartialDate.of(year, first.month, first.day, text=first.text)


# -- role -----------------------------------------------------------------------------------------
def _role(text: str, hit: Hit, sentence: Span, doc: PartialDate | None) -> DateRole:
    """DEADLINE or EVENT: the first of the named rules in `deadline_rules.ROLE_RULES` that fires decides."""
    case = deadline_rules.Case(text, hit.start, hit.end, hit.date, hit.cue, hit.direction, sentence, doc)
    return deadline_rules.decide(case)[0]


