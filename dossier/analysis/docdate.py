"""The document's own date: a table of named rules and one chooser.

Each rule reads one layout in which a document states its own date (a date line in a letter's head,
a labelled "Date:" or "Published" line, a minutes heading, a heading or title that ends in the date,
a byline, a date under the signature, an email header) and yields candidate dates, each with the
character span it read. The chooser keeps the candidate of the rule with the highest weight (the
most telling cue), the earliest in the text among equals, and says which rule chose it.

A date inside running prose ("... we met on 3 May 2016 ...") is never a candidate, unless the layout
gives it the role (the opening line of minutes: "Minutes of the meeting held on ..."). A page's
"last updated" stamp is a candidate of last resort; print, download and hearing dates never are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dossier.analysis.dates import date_from_header, date_spans, parse_date_line, trailing_date
from dossier.analysis.docdate_lines import (
    DATELINE_LINES,
    DOC_NOUN,
    EVENT_FIELD,
    OWN_LABEL,
    PAPER_REF,
    PUBLISHED_LABEL,
    SCAN_CHARS,
    TERMINAL,
    UPDATED_LABEL,
    Hit,
    Page,
    date_ending,
    date_in_line,
    foot_zone,
    head_zone,
    heading_zone,
    hit_at,
    is_continuation,
    is_day,
    is_labelled,
    is_stamp,
    label_value,
    label_zone,
    labelled_hits,
)
from dossier.analysis.parties import Layout, is_prose
from dossier.domain.dates import PartialDate
from dossier.domain.findings import Evidence
from dossier.domain.records import DocumentKind

MINUTES_LINES = 3  # the opening lines of minutes
MINUTES_HELD_LINES = 6  # how far down a heading's "held on ..." line may come
# a form field run into one line: "REPORT NO: AB/06/12 DATE: 29 February 2012 REPORTING OFFICER: ..."
_FORM_DATE = re.compile(r"(?:^|(?<=\s))(?:DATE|Date)\s*:\s*")
_BAR_SPLIT = re.compile(r"\s+[|•·]\s+")
_NEXT_FIELD = re.compile(r"\s+(?:[A-Z][A-Za-z]*\s+){0,3}[A-Z][A-Za-z]*\s*:")  # " Public Authority:"
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "our", "your", "their", "his", "her", "new",
                          "same", "any", "no", "which", "what", "one", "each", "every", "another", "other"})
_QUALIFIED_DATE = frozenset({  # "Closing date:", "Date of birth" is not read: the word before "Date:"
    "closing", "start", "starting", "end", "ending", "review", "meeting", "next", "expiry", "due", "target",
    "hearing", "deadline", "effective", "commencement", "implementation", "completion", "inspection", "visit",
    "event", "receipt", "return", "payment", "delivery", "renewal", "termination", "revised", "proposed",
    "agreed", "response", "submission", "birth", "print", "printed", "download", "access", "upload", "expected",
})
_MINUTES_OPENING = re.compile(  # "Minutes of ...", "Ordinary Meeting held on", "Notes of a meeting"
    rf"^{PAPER_REF}(?:[A-Z][\w'’.&-]*\s+(?:(?:and|of|for|the|&)\s+)?){{0,6}}(?:[Mm]inutes|MINUTES|[Mm]eeting|MEETING|[Nn]otes?|NOTES?|[Rr]ecord|RECORD)\b"
    r"|^(?:[Hh]eld|HELD)\b")
_MINUTES_WORD = re.compile(rf"{PAPER_REF}(?:minutes|notes)\s+of\b", re.IGNORECASE)
_ON = re.compile(r"^(?:(?:held\s+)?on\s+|date\s*:\s*)", re.IGNORECASE)
_HELD = re.compile(r"\b(?:held|HELD|Held)\b")
_LIST_ITEM = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[•·*▪–-])\s")
_DOC_TITLE = re.compile(  # "Letter to ...", "Open letter from ...", "Written statement on ..."
    rf"^(?=[A-Z])(?:(?:Open|Joint|Written|Oral|Ministerial|Formal|Further)\s+)?(?i:{DOC_NOUN})s?\s+"
    r"(?:to|from|on|about|regarding|re|concerning|of|for|by)\b")
# a document's title naming its writer or addressee, then "of" and its date: "Letter from the Chair to the
# Leader of 4 March 2019" (not "Reply to the letter of ...", "... the consultation of ...": another thing's date)
_TITLE_OF = re.compile(r"(?P<word>[A-Z][\w'’&.-]*)\s+of\s+$")
_DOC_WORD = re.compile(rf"\b(?i:{DOC_NOUN}s?|meetings?|consultations?|requests?)\b")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")
_TITLE_DATE = re.compile(  # "Commissioner's bulletin 2 March 2016", "Briefing Note – 4 May 2019"
    rf"^(?:[A-Z0-9][\w'’&.-]*\s+){{0,6}}(?i:{DOC_NOUN})\s*[,:–—-]?\s*$"
    # a longer formal title, with "of"/"and"/"for" and a bracketed part: "Planning Act 2008 (Section 12) Decision
    # Notice", perhaps after a page number as a document site prints it
    r"|^(?:\d{1,3}\s+)?[A-Z][\w'’&.-]*\s+(?:(?:of|and|for|&)\s+|[A-Z0-9][\w'’&.-]*\s+|\([A-Z][\w ]{1,20}\)\s+){0,10}"
    rf"(?=[A-Z])(?i:{DOC_NOUN})\s*$")
_BYLINE = re.compile(r"^(?:By|BY|Written\s+by|Words\s+by)\s+[A-Z]")
# "by annroe on " / "Posted by Ann Roe on " just before a date that ends the line
_BY_ON = re.compile(r"(?:^|(?<=\s))(?:(?:[Pp]osted|[Ww]ritten)\s+)?[Bb]y\s+(?:[\w.@'’-]+\s+){1,3}on\s+$")
_AGENT_VERB = re.compile(r"[a-z]+(?:ed|en)|made|set|held|led|paid|sent|won|run|built|told|said|brought|found|put"
                         r"|cut|read|met|hit|signed|agreed|issued|is|are|was|were|be|been", re.IGNORECASE)
_SITE = re.compile(r"(?:https?://|www\.)\S+\s+(?:[|•·–—-]\s*)?$")
_SEPARATOR_BEFORE = re.compile(  # what may come between a heading and its closing date
    r"(?:(?P<sep>[,|–—:]|\s-)\s*|\s)(?P<cue>(?:made|laid|issued|published|signed|written|delivered|debated)"
    r"(?:\s+at\b[^,;]{0,12}?)?\s+on\s+|dated\s+)$"
    r"|(?P<bare>[,|–—:(]|\s-)\s*$", re.IGNORECASE)
# a label before a date that says the date is not the document's ("Heard on:", "Printed", "Closing date:")
_OTHER_LABEL = re.compile(
    r"\b(?:date|on|at|by|until|from|to|printed|downloaded|prepared|accessed|retrieved|updated|modified|reviewed"
    r"|generated|heard|received|submitted|due|deadline|expires|expiry|closes|closing"
    r"|ref|reference|no|number|tel|telephone|phone|fax|mobile|case|file|page|version)\s*[:.\-–]?\s*$"
    r"|\b(?:deadline|due|closing|closes|expires|expiry|until|hearing|heard|printed|downloaded|accessed|retrieved"
    r"|updated|modified|generated|received|submitted|next|birth|born|starts?|starting|commencing|ending|effective"
    r")\b[^\n]{0,40}$", re.IGNORECASE)
_HEADER_LABEL = re.compile(r"(?:to|cc|subject|from|re)\s*:", re.IGNORECASE)
# between a minutes keyword and a date with no "held": a name, not a sentence ("Meeting of the Board, 3 May")
_MINUTES_TITLE_GAP = re.compile(
    r"[\s,]*(?:(?:of|a|an|the|with|and|between|for|in|&|meeting|call|discussion)\s+|[A-Z][\w'’&.()-]*(?=[\s,]|$)[\s,]*)*[,:–—-]?\s*")
_PLACE = re.compile(r"(?:[A-Z][A-Za-z.'’ -]{1,30},\s*)?")  # "WEXCOMBE, " before a dateline
_LEAD_AFTER = re.compile(r"\s*(?:\([A-Z][\w ]{1,20}\)\s*)?[|•·–—-]\s*\S|\s+[Bb]y\s+[A-Z]")  # or "by Ann Roe"
_PERSON_WORDS = re.compile(r"\b(?:I|we|We|my|My|our|Our|you|You|your|Your|us)\b")


@dataclass(frozen=True, slots=True)
class DocDateRule:
    """One named rule: where it looks (`reads`), how it finds candidates, and how much its cue weighs."""

    name: str
    reads: str
    find: Callable[[Page], Iterator[Hit]]
    weight: int


@dataclass(frozen=True, slots=True)
class DocDate:
    """The document's date, the rule that chose it and the span it read, [start, end) in the text."""

    date: PartialDate
    rule: str
    start: int = -1
    end: int = -1

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.rule, self.start, self.end)


# ---- the rules -----------------------------------------------------------------------------------
def _email_header(page: Page) -> Iterator[Hit]:
    found = date_from_header(page.header) if page.header and not page.printed else None
    if found is not None:
        yield Hit(found, -1, -1, -1)


def _file_date(page: Page) -> Iterator[Hit]:
    found = date_from_header(page.file_date) if page.file_date else None
    if found is not None:
        yield Hit(found, -1, -1, -1)


def _printed_header(page: Page) -> Iterator[Hit]:
    found = date_from_header(page.header) if page.header and page.printed else None
    if found is None:
        return
    lines = page.layout.lines
    value = " ".join(page.header.split()) if page.header else ""
    for i in page.layout.nonblank[:40]:  # the printed "Sent:" / "Date:" line
        line = lines[i]
        if line[:5].lower() in ("sent:", "date:", "sent ", "date ") and value and value in " ".join(line.split()):
            m = re.search(r"\s+".join(map(re.escape, value.split())), line)
            if m:
                yield Hit(found, i, m.start(), m.end())
                return
    yield Hit(found, -1, -1, -1)


def _date_line(page: Page) -> Iterator[Hit]:
    layout = page.layout
    for i in head_zone(layout):
        line = layout.lines[i]
        if is_labelled(line):
            continue  # the label rules read it
        found = date_in_line(line)
        if found is None or is_continuation(layout, i):
            continue
        j = layout.next_nonblank(i, max_gap=2)
        if is_stamp(found, line) and not (j is not None and _HEADER_LABEL.match(layout.lines[j])):
            continue  # a print stamp, unless a message's own header lines follow ("To:", "Subject:")
        yield hit_at(found, line, i)


def _own_label(page: Page) -> Iterator[Hit]:
    yield from labelled_hits(page, OWN_LABEL, label_zone(page.layout))


def _published_label(page: Page) -> Iterator[Hit]:
    yield from labelled_hits(page, PUBLISHED_LABEL, label_zone(page.layout))


def _foot_label(page: Page) -> Iterator[Hit]:
    foot = foot_zone(page.layout)
    yield from labelled_hits(page, OWN_LABEL, foot)
    yield from labelled_hits(page, PUBLISHED_LABEL, foot)
    for i in foot:  # "Signed: Ann Roe     Date: 4 March 2019"
        yield from _form_hits(page.layout.lines[i], i)


def _updated_stamp(page: Page) -> Iterator[Hit]:
    yield from labelled_hits(page, UPDATED_LABEL, label_zone(page.layout) + foot_zone(page.layout))


def _form_hits(line: str, i: int) -> Iterator[Hit]:
    """"DATE: 29 February 2012" after other fields in one line (not "Closing date:", not prose)."""
    line = line[:SCAN_CHARS]
    for m in _FORM_DATE.finditer(line):
        if m.start() == 0:
            continue  # a line that opens with the label is the labelled rules'
        before = line[:m.start()].split()[-1:]
        word = before[0].strip(".,:;()").lower() if before else ""
        if word in _QUALIFIED_DATE:
            continue
        found = label_value(line[m.end():])
        if found is None:
            continue
        hit = hit_at(found, line, i, m.end())
        if word.isalpha() and before[0][:1].islower() and (word in _DETERMINERS or not _NEXT_FIELD.match(line, hit.end)):
            continue  # after a lower-case word only when another field follows ("notice Date: ... Authority:");
            # a value is no word ("Our ref: ab/12 Date: ...")
        yield hit


def _form_field(page: Page) -> Iterator[Hit]:
    """"DATE: 29 February 2012" among other fields run into one of the first lines."""
    layout = page.layout
    for i in layout.nonblank[:DATELINE_LINES]:
        if i > layout.head_end:
            break
        yield from _form_hits(layout.lines[i], i)


def _opens_with_date(line: str) -> bool:
    spans = date_spans(line[:60])
    return bool(spans) and spans[0][1] == 0


def _lead_dateline(page: Page) -> Iterator[Hit]:
    """A dateline opening the lead paragraph: "WEXCOMBE, 13 November 2018 – The council ..." or
    "13 November 2018 | Ann Roe"; not one of a list of dated entries."""
    layout = page.layout
    top = layout.nonblank[:DATELINE_LINES]
    for k, i in enumerate(top):
        line = layout.lines[i]
        spans = date_spans(line[:120])
        if not spans:
            continue
        date, start, end = spans[0]
        if not is_day(date) or not _PLACE.fullmatch(line[:start]) or not _LEAD_AFTER.match(line[end:]):
            continue
        near = [layout.lines[j] for j in layout.nonblank[max(k - 1, 0):k + 2] if j != i]
        if any(_opens_with_date(other) for other in near):
            continue  # a timeline: dated entries one under another
        yield Hit(date, i, start, end)
        return


def _minutes_heading(page: Page) -> Iterator[Hit]:
    """"Minutes of the meeting held on Tuesday 3 May 2016 at 7pm": the date after "held", else the first."""
    layout = page.layout
    stop = layout.salutation.index if layout.salutation is not None else len(layout.lines)
    for n, i in enumerate(layout.nonblank[:MINUTES_HELD_LINES]):
        line = layout.lines[i][:SCAN_CHARS]
        minutes_opening = _MINUTES_OPENING.match(line)
        if i >= stop or not minutes_opening:
            continue
        if n >= MINUTES_LINES and not (_HELD.match(line) or (_HELD.search(line) and _MINUTES_WORD.match(line))):
            continue  # further down, only a heading's "held on ..." line or "Minutes of ... held ..."
        held = _HELD.search(line)
        shift = held.end() if held else minutes_opening.end()
        spans = date_spans(line[shift:])
        if not spans:  # "Minutes of the Annual Meeting" / "Monday 4th March 2019 at 7.30pm in the Hall"
            j = layout.next_nonblank(i, max_gap=2)
            below = layout.lines[j][:SCAN_CHARS] if j is not None and j < stop else ""
            opening = date_spans(_ON.sub("", below, count=1)[:80])
            if opening and opening[0][1] == 0 and j is not None:
                yield hit_at(opening[0][0], below, j)
            continue
        date, start, end = spans[0]
        if held is None and not line.lower().startswith("minutes") and \
                not _MINUTES_TITLE_GAP.fullmatch(line[shift:shift + start]):
            continue  # "Meeting on 3 May will decide ...": a headline, not a heading
        yield Hit(date, i, shift + start, shift + end)


def _minutes_opening(page: Page) -> Iterator[Hit]:
    """In minutes or a note, a full date anywhere in the first lines."""
    if page.kind not in (DocumentKind.MINUTES, DocumentKind.NOTE):
        return
    layout = page.layout
    for i in layout.nonblank[:MINUTES_LINES]:
        spans = date_spans(layout.lines[i][:SCAN_CHARS])
        if spans:
            date, start, end = spans[0]
            yield Hit(date, i, start, end)


def _heading_tail(page: Page) -> Iterator[Hit]:
    """A heading that ends in its date: "Letter to the Chair of the Audit Committee, 4 March 2019",
    "... written statement – made on 2 June 2010"."""
    layout = page.layout
    for i in heading_zone(layout):
        line = layout.lines[i]
        if _LIST_ITEM.match(line) or len(line) > 240:
            continue
        ending = date_ending(line)
        if ending is None or not is_day(ending[0]):
            continue
        date, start, end = ending
        before = line[:start]
        sep = _SEPARATOR_BEFORE.search(before)
        cued = sep is not None and sep.group("cue") is not None  # "– made on", "dated", ": debated on"
        mark = (sep.group("sep") or sep.group("bare") or "") if sep is not None else ""
        if _PERSON_WORDS.search(before):
            continue  # someone's date ("Your letter dated ...")
        of = _TITLE_OF.search(before)
        title = _DOC_TITLE.match(line) if of is not None else None
        if of is not None and title and not _DOC_WORD.fullmatch(of.group("word")) \
                and not _SENTENCE_END.search(before) and not _DOC_WORD.search(before, title.end()):
            yield Hit(date, i, start, end)  # "Letter from the Chair to the Leader of 4 March 2019"
            continue
        if not cued and _OTHER_LABEL.search(before):
            continue  # another kind of date ("Closing date ...")
        if is_prose(line):  # a sentence: only a dash or bar sets the date apart, or a comma after a
            # title that names the document ("Letter to the Chair of the Parks Board, 4 March 2019")
            if mark not in ("–", "—", "|", " -") and not (mark == "," and _DOC_TITLE.match(line)
                                                          and not _SENTENCE_END.search(before)):
                continue
        elif sep is None:  # a title run straight into its date: words only ("Ann Roe 17 December 2014")
            words = before.split()
            if not words or (words[-1][:1].islower() and words[-1].isalpha()) or any(c.isdigit() for c in before):
                continue
        yield Hit(date, i, start, end)


def _title_date(page: Page) -> Iterator[Hit]:
    """A title naming the document's type, then its date: "Commissioner's bulletin 2 March 2016"."""
    layout = page.layout
    for i in heading_zone(layout):
        line = layout.lines[i][:SCAN_CHARS]
        if _LIST_ITEM.match(line):
            continue
        for date, start, end in date_spans(line)[:1]:
            if is_day(date) and _TITLE_DATE.match(line[:start]):
                yield Hit(date, i, start, end)


def _byline_date(page: Page) -> Iterator[Hit]:
    """"By Ann Roe, 13 November 2018" / "By Ann Roe | Political Editor | 13/11/2018", or a heading's
    tail as a blog prints it: "... by annroe on 13 November, 2018" (not "approved by the board on ...")."""
    layout = page.layout
    stop = layout.salutation.index if layout.salutation is not None else len(layout.lines)
    for i in layout.nonblank[:DATELINE_LINES]:
        line = layout.lines[i]
        if len(line) > 240 or i >= stop:
            continue
        ending = date_ending(line)
        if ending is None or not is_day(ending[0]):
            continue
        if _BYLINE.match(line) and len(line) <= 120:
            yield Hit(ending[0], i, ending[1], ending[2])
            continue
        by = _BY_ON.search(line[:ending[1]])
        if by is None or line.endswith(".") or _PERSON_WORDS.search(line[by.start():ending[1]]):
            continue
        word = line[:by.start()].split()[-1:]
        if word and (_AGENT_VERB.fullmatch(word[0]) or word[0].lower() in _DETERMINERS):
            continue  # "approved by ... on": the agent of a verb, not the writer
        yield Hit(ending[0], i, ending[1], ending[2])


def _site_dateline(page: Page) -> Iterator[Hit]:
    """A clipped news item: the site's address, then the date ("www.example-news.co.uk 13/11/2018")."""
    layout = page.layout
    for i in layout.nonblank[:3]:
        line = layout.lines[i][:SCAN_CHARS]
        if "www." not in line and "://" not in line:
            continue
        for date, start, end in date_spans(line):
            if is_day(date) and _SITE.search(line[:start]):
                yield Hit(date, i, start, end)
                break


def _head_trailing(page: Page) -> Iterator[Hit]:
    """A date run on from a contact or reference line in the head ("Tel: 0161 496 0000 3 May 2016")."""
    layout = page.layout
    for i in layout.nonblank:
        if i >= layout.head_end:
            break
        line = layout.lines[i]
        found = trailing_date(line) if not is_prose(line) else None
        if found is not None:
            hit = hit_at(found, line, i, max(len(line) - len(found.text) - 8, 0))
            if not _OTHER_LABEL.search(line[:hit.start]):
                yield hit


def _field_line(page: Page) -> Iterator[Hit]:
    """A page's line of short fields set apart by bars or bullets, one of them its date alone
    ("Ann Roe · 4 March 2019 · 3 min read"); not a list of dates, nor a date another field qualifies."""
    layout = page.layout
    for i in head_zone(layout)[:DATELINE_LINES]:
        line = layout.lines[i]
        if len(line) > 160 or not _BAR_SPLIT.search(line) or EVENT_FIELD.search(line):
            continue
        fields = _BAR_SPLIT.split(line)
        dated = [(k, parse_date_line(f)) for k, f in enumerate(fields)]
        found = [(k, d) for k, d in dated if d is not None]
        if len(found) != 1 or any(len(f) > 60 for f in fields):
            continue
        k, date = found[0]
        if not is_day(date) or is_stamp(date, fields[k]) or is_labelled(fields[k]) \
                or (k > 0 and _OTHER_LABEL.search(fields[k - 1])):
            continue
        at = sum(len(f) for f in fields[:k])  # a lower bound: the separators come on top
        yield hit_at(date, line, i, at)
        return


def _foot_date_line(page: Page) -> Iterator[Hit]:
    """A date alone on a line under the signature block ("12 June 2006", or a month: "March 2019"),
    not one of a list of dates."""
    layout = page.layout
    lines = layout.lines
    for i in foot_zone(layout):
        line = lines[i]
        if is_labelled(line):
            continue
        found = parse_date_line(line)
        if found is None or is_stamp(found, line):
            continue
        k = layout.nonblank.index(i)
        prev = lines[layout.nonblank[k - 1]] if k > 0 else ""
        nxt = lines[layout.nonblank[k + 1]] if k + 1 < len(layout.nonblank) else ""
        if not prev or is_prose(prev) or prev.endswith(":") or parse_date_line(prev):
            continue  # under a sentence or a label ("The meeting will be on:"), or one of a list
        if nxt and (parse_date_line(nxt) or is_prose(nxt)):
            continue  # one of a list, or in the body: prose follows
        if is_continuation(layout, i):
            continue
        yield hit_at(found, line, i)
        return


# a web page's navigation run on after the date: "previous page contents next page", "Back to top"
_NAV_TAIL = re.compile(r"^(?:\s*[|•·]?\s*(?:(?:previous|next|home|top\s+of(?:\s+the)?)\s+page|contents|back\s+to\s+top"
                       r"|return\s+to\s+top|top)\b)+[\s|•·]*$", re.IGNORECASE)


def _date_then_nav(line: str) -> PartialDate | None:
    """A line that is a date, or a date then only the page's navigation links."""
    found = parse_date_line(line)
    if found is None:
        spans = date_spans(line[:80])
        if spans and spans[0][1] == 0 and _NAV_TAIL.match(line[spans[0][2]:]):
            found = spans[0][0]
    return found


def _is_sentence(line: str) -> bool:
    return line.endswith(TERMINAL[:3]) and is_prose(line)


def _closing_date_line(page: Page) -> Iterator[Hit]:
    """A letter with no signature block as a web page prints it: the last paragraph, then the date alone
    on a line, then only the page's furniture (links, a copyright line, a "Prepared" stamp): no sentence
    and no other date line after it."""
    if page.kind is not DocumentKind.LETTER:
        return
    layout = page.layout
    lines = layout.lines
    foot = foot_zone(layout)
    for n, i in enumerate(foot):
        line = lines[i]
        if is_labelled(line):
            continue
        found = _date_then_nav(line)
        if found is None or is_stamp(found, line) or not is_day(found):
            continue
        k = layout.nonblank.index(i)
        prev = lines[layout.nonblank[k - 1]] if k > 0 else ""
        after = [lines[j] for j in foot[n + 1:]]
        if not _is_sentence(prev) or any(_is_sentence(a) or parse_date_line(a) for a in after):
            continue  # not after the last paragraph, or the body (or a list of dates) goes on
        yield hit_at(found, line, i)
        return


RULES: tuple[DocDateRule, ...] = (
    DocDateRule("email-header", "the Date header of an email file", _email_header, 100),
    DocDateRule("printed-header", "the Sent:/Date: line of From/To/Sent headers printed at the top of the text",
                _printed_header, 100),
    DocDateRule("file-date", "the publication date a web page's meta tags record (article:published_time,"
                " date, DC.date ...)", _file_date, 100),
    DocDateRule("labelled-date", "a line opening with an own-date label (Date:, Dated, Decision date, Date of"
                " decision, Decision given/taken on, Dated this 4th day of, Date of meeting, Sent on, Answered on, Made) in the first 25 lines"
                " (a letter: its head and the two lines after the salutation); not an event's Date/Time/Venue"
                " block in the body; or a later field of a line of fields set apart by bars, bullets or a wide gap",
                _own_label, 90),
    DocDateRule("minutes-heading", "a heading line opening with Minutes/Meeting/Notes (perhaps after the paper's"
                " reference: WPC(19)M07, or a body's name of up to 6 words: North Wessex Parks and Leisure Trust) in the first 3 lines (or a 'held on' or 'Minutes of ... held' line in the"
                " first 6): the date after 'held', else a date after the meeting's name (Board Meeting in Public),"
                " else a date opening the line below", _minutes_heading, 88),
    DocDateRule("form-date-field", "a DATE: field among other fields run into one line of the head (not Closing"
                " date:, Review date: ...; after a lower-case word only if another field follows)", _form_field, 85),
    DocDateRule("date-line", "a line that is only a date (or ends in a date column, or has a note after it, or"
                " opens with a date and its clock time: Thursday 4th March 2019 at 7.30pm in the Hall) in a"
                " letter's head or the two lines after its salutation, else in the first 8 lines; not a print"
                " stamp", _date_line, 80),
    DocDateRule("published-date", "a line opening with Published, First published, Publish date, Posted, Issued in the first"
                " 25 lines (a letter: its head), or such a field after a bar or bullet ('Last updated ... |"
                " Published ...')", _published_label, 78),
    DocDateRule("byline-date", "a byline in the first 8 lines ending in a date: By Ann Roe, 13 November 2018;"
                " or a line ending 'by annroe on 13 November, 2018' (not the agent of a verb: 'approved by')",
                _byline_date, 75),
    DocDateRule("lead-dateline", "a date opening one of the first 8 lines, then a dash or bar and more, or 'by Ann Roe'"
                " (WEXCOMBE, 13 November 2018 – ...), not one of a list of dated entries", _lead_dateline, 72),
    DocDateRule("heading-tail-date", "a heading (down to the first prose line) ending in a date (perhaps then a"
                " clock time: 6.00 pm, or a page's Share/Comments/min read furniture; or in brackets) after a comma, dash, bar, bracket, 'made on', 'debated on'"
                " or 'dated', or straight after a title's"
                " words; a long title naming the document (Letter to ..., 4 March 2019) after a comma; not another"
                " kind of date (deadline, hearing, printed) nor a range; a title naming the document, its writer or"
                " addressee then 'of' and the date (Letter from the Chair to the Leader of 4 March 2019)", _heading_tail, 70),
    DocDateRule("title-date", "a title naming the document's type followed by a date: Council bulletin 2 March"
                " 2016, or a longer formal title with of/and/for and a bracketed part, perhaps after a page number:"
                " Parks Act 2008 (Section 12) Decision Notice 3 May 2016 (not a numbered list of titles)", _title_date, 70),
    DocDateRule("field-line-date", "a date that is one whole field of a line of short fields set apart by bars or"
                " bullets in the first 8 lines (Ann Roe · 4 March 2019 · 3 min read); not a list of dates, not an"
                " event's Time/Venue line, not a field a label before it qualifies (Closing)", _field_line, 66),
    DocDateRule("site-dateline", "a web address followed by a date in the first 3 lines (clipped news)",
                _site_dateline, 65),
    DocDateRule("head-trailing-date", "a date run on to the end of a contact or reference line in the head",
                _head_trailing, 60),
    DocDateRule("minutes-opening-date", "in minutes or a note, a date anywhere in the first 3 lines",
                _minutes_opening, 50),
    DocDateRule("foot-date-line", "a date (or month) alone on a line under the signature block in the last 10"
                " lines: not under a sentence or a label, not before prose, not one of a list, not a print stamp",
                _foot_date_line, 45),
    DocDateRule("closing-date-line", "in a letter, a full date alone on a line (or then only the page's navigation: previous page"
                " contents next page) straight after its last paragraph"
                " (a sentence) in the last 10 lines, with no sentence and no other date line after it: only the"
                " page's furniture (links, copyright, a Prepared stamp)", _closing_date_line, 44),
    DocDateRule("foot-labelled-date", "a Date:/Dated/Published line, or a Date: field after a signature, in the"
                " last 10 lines", _foot_label, 40),
    DocDateRule("updated-stamp", "a Last updated / Updated / Page last reviewed line, only when nothing"
                " better states the date", _updated_stamp, 10),
)


# ---- the chooser ---------------------------------------------------------------------------------
def _line_start(text: str, lines: tuple[str, ...], index: int) -> int:
    """Where layout line `index` starts in `text` (lines are stripped and in order)."""
    pos = 0
    for i in range(index + 1):
        line = lines[i]
        if not line:
            continue
        at = text.find(line, pos)
        if at < 0:
            return -1
        if i == index:
            return at
        pos = at + len(line)
    return -1


def choose(hits: list[tuple[DocDateRule, Hit]], page: Page) -> DocDate | None:
    """The candidate of the weightiest rule, the earliest in the text among equals."""
    if not hits:
        return None
    rule, hit = min(hits, key=lambda rh: (-rh[0].weight, rh[1].line, rh[1].start))
    if hit.line < 0:
        return DocDate(hit.date, rule.name)
    base = _line_start(page.text, page.layout.lines, hit.line)
    if base < 0:
        return DocDate(hit.date, rule.name)
    return DocDate(hit.date, rule.name, base + hit.start, base + hit.end)


def document_date(text: str, layout: Layout, kind: DocumentKind, *, header: str | None = None,
                  printed: bool = False, file_date: str | None = None,
                  rules: tuple[DocDateRule, ...] = RULES) -> DocDate | None:
    """The document's own date, the rule that chose it and the span it read."""
    page = Page(text, layout, kind, header, printed, file_date)
    best = max((r.weight for r in rules), default=0)
    hits: list[tuple[DocDateRule, Hit]] = []
    for rule in sorted(rules, key=lambda r: -r.weight):
        if hits and rule.weight < best:
            break  # every later rule weighs less than one that has already found a date
        hits.extend((rule, hit) for hit in rule.find(page))
        best = rule.weight
    return choose(hits, page)
