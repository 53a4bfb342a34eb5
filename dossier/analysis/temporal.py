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

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from dossier.analysis.dates import parse_date_line
from dossier.analysis.sentences import SentenceIndex, Span
from dossier.analysis.vocab import (
    MONTH_ABBREVIATIONS,
    MONTH_FULL_PATTERN,
    MONTH_PATTERN,
    MONTHS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_FULL_PATTERN,
    WEEKDAY_PATTERN,
    WEEKDAYS,
)
from dossier.domain.dates import PartialDate, Precision, Qualifier
from dossier.domain.findings import DateFound, DateRole

PAST, FUTURE = "past", "future"
AHEAD = "ahead"  # a day something is to be done by, told in any tense: the next one, unless it has just gone
HEAD_LINES = 25  # how far down a letterhead's date line may stand

# -- the patterns ---------------------------------------------------------------------------------
_MONTH = MONTH_PATTERN
_MONTH_FULL = MONTH_FULL_PATTERN
_WEEKDAY = WEEKDAY_PATTERN
_WEEKDAY_FULL = WEEKDAY_FULL_PATTERN
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:19|20)\d\d"
# st/nd/rd/th after a day, or set apart by one space as a PDF's text gives a superscript ("1 st January")
_ORD = r"(?: ?(?:st|nd|rd|th)\b)"
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2}
_COUNT = r"(?:a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"

# "of this year", "last year" after a day or a month: the year it is in
_REL_YEAR = r",?\s+(?:of\s+)?(?P<{}>this|last|next)\s+year\b"
# 6 and 7 November 2018, on 2, 8 and 15 July, the 3rd and 17th of June 2010: days that share a month
_P_DAY_LIST = (
    rf"(?<![\w/.\-£$€])(?:the\s+)?(?P<dl1>{_DAYNUM}){_ORD}?"
    rf"(?P<dlrest>(?:,\s*(?:the\s+)?{_DAYNUM}{_ORD}?)*,?\s+(?:and|&)\s+(?:the\s+)?{_DAYNUM}{_ORD}?)"
    rf"(?:\s+of)?\s+(?P<dlm>{_MONTH})(?:,?\s+(?P<dly>{_YEAR})(?![\w/]))?")
# June 3-5, 2014 / March 10 to 12: a span of days in American order
_P_MONTH_DAY_SPAN = (
    rf"(?P<mspm>{_MONTH})\s+(?P<msp1>{_DAYNUM})(?:st|nd|rd|th)?(?:\s*[-–—]\s*|\s+(?:to|until|till|through)\s+)"
    rf"(?P<msp2>{_DAYNUM})(?:st|nd|rd|th)?\b(?:,?\s+(?P<mspy>{_YEAR})\b)?(?![\w/]|[.:]\d)")
# last weekend, this weekend, over the weekend
_P_WEEKEND = r"\b(?P<wer>this|last|next|coming|the)\s+weekend\b"
# within 28 days of 3 April 2021: counted from the day written
_P_WITHIN_OF_DATE = (
    rf"\bwithin\s+(?P<xn>{_COUNT})\s+(?:(?P<xk>calendar|working|business|clear)\s+)?(?P<xu>day|week|fortnight|month)s?"
    rf"\s+(?:of|from|after)\s+(?:the\s+date\s+of\s+)?(?P<xdate>(?P<xd>{_DAYNUM}){_ORD}?(?:\s+of)?\s+"
    rf"(?P<xm>{_MONTH}),?\s+(?P<xy>{_YEAR})(?![\w/]))")
# Tuesday's meeting, Friday's vote: a weekday that dates the noun after it
_P_WEEKDAY_OF = rf"(?P<wpos>{_WEEKDAY_FULL})['’]s(?=\s+(?-i:[a-z]))"
# today, tonight, today's meeting
_P_TODAY = r"\b(?P<td>today|tonight)\b(?:['’]s)?"
# this morning, last night, yesterday afternoon, tomorrow evening
_P_PART_OF_DAY = r"\b(?P<pdr>this|last|yesterday|tomorrow)\s+(?P<pd>morning|afternoon|evening|night)\b"
# the 19th, once a day or month is known ("on the 27th November ... on the 27th", "on 3 May ... by the 19th")
_P_ORDINAL_DAY = (rf"\bthe\s+(?P<od>{_DAYNUM})(?:st|nd|rd|th)\b(?=\s*[,.;:)!?]|\s*$|\s+(?:to|and|or|at|in|when|but|as"
                  r"|with|for|which|that|so|if|we|I|it|he|she|they|you|was|were|is|are|will|would|had|has|have)\b)")
# the 2007 audit, his 2015 review, the 2016 AGM: a year that dates the noun (or acronym) after it
_P_YEAR_NOUN = (rf"\b(?:the|its|his|her|their|our|your|my|this|that)\s+(?P<yn>{_YEAR})"
                rf"(?:\s*(?:-|–|to)\s*(?P<yn2>{_YEAR}))?(?=\s+(?-i:[a-z]|(?!MW|KW|GW|KM|GB|MB|TB|HP)[A-Z]{{2,5}}\b))"
                r"(?!\s+(?:people|pupils|children|homes|houses|staff|jobs|pages|words|miles|metres|acres|hectares|tonnes"
                r"|members|residents|units|places|beds|cases|patients|households|families|dwellings|employees"
                r"|students|visitors|votes|signatures|responses|respondents|properties|posts|hours|days|calls)\b)")
# 2021/22, 2021-22, 2021-2022: a financial or academic year
_P_FINANCIAL_YEAR = rf"(?<![\w/£$€.])(?P<fa>{_YEAR})[/\-–](?P<fb>\d\d|{_YEAR})(?![\w/%]|[-–./]\d)"

# -- the rules' patterns (each rule's groups are its own: no two rules share a group name) --------
# between 7 and 18 March, 7-18 March 2022, 7 to 18 March ("and" only after "between")
_P_DAY_SPAN = (
    rf"(?<![\w/.\-£$€])(?:(?P<dsb>between)\s+)?(?P<ds1>{_DAYNUM}){_ORD}?"
    rf"(?:\s*[-–—]\s*|\s+(?:to|until|till)\s+|(?(dsb)\s+and\s+|(?!)))"
    rf"(?P<ds2>{_DAYNUM}){_ORD}?(?:\s+of)?\s+(?P<dsm>{_MONTH})(?:,?\s+(?P<dsy>{_YEAR})(?![\w/]))?")
# a machine stamp's clock after its date, "Tue, 4 Jun 2019 10:15:22 +0100": read as part of the date
_STAMP = r"(?:\s+\d\d:\d\d:\d\d(?:\s*[+-]\d{4}(?!\d)|\s+(?-i:GMT|UTC)\b)?)?"
# Friday 3 March 2023 / the 3rd of March / 14 September
_P_DAY_MONTH_YEAR = (
    rf"(?<![\w/.\-£$€])(?:(?P<wd1>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d1>{_DAYNUM}){_ORD}?"
    rf"(?:\s+day\s+of|\s+of)?\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR})(?![\w/]){_STAMP}|{_REL_YEAR.format('y1r')})?")
# March 3rd, 2014 / Friday, March 3, 2023 / March 3 (bare: a cue or a stop is needed, see the resolver)
_P_MONTH_DAY_YEAR = (
    rf"(?:(?P<wd2>{_WEEKDAY}),?\s+)?(?P<m2>{_MONTH})\s+(?P<d2>{_DAYNUM})"
    rf"(?:(?:st|nd|rd|th)\b(?:,?\s+(?P<y2a>{_YEAR})\b)?|,?\s+(?P<y2>{_YEAR})\b|(?P<bare>)(?!\w|[.:/]\d))")
# 22/07/2014, 22.07.2014, 22-07-14
_P_NUMERIC_DATE = (
    rf"(?<![\w/.\-:£$€])(?P<nd>[0-3]?\d)(?P<ns>[/.\-])(?P<nm>[0-3]?\d)(?P=ns)(?P<ny>{_YEAR}|\d\d)"
    r"(?![\w/\-]|[.:]\d)")
_P_ISO_DATE = rf"(?<![\w/.\-])(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\w/\-])"
_P_MONTH_YEAR = rf"(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR})(?![\w/]|[-–]\d)"  # December 2013
# Q3 2014, Q3, Q4 2021/22
_P_QUARTER = (rf"\bQ(?P<qn>[1-4])\b(?:\s*(?:of\s+)?(?P<qy>{_YEAR})(?P<qfy>[/\-–](?:\d\d){{1,2}})?\b)?")
# the third quarter of 2014, the first quarter of next year
_P_QUARTER_WORDS = (
    rf"(?:the\s+)?(?P<qo>first|second|third|fourth|final)\s+quarter\b"
    rf"(?:\s+of\s+(?:(?P<qwy>{_YEAR})(?P<qwfy>[/\-–](?:\d\d){{1,2}})?\b|(?P<qwr>this|next|last|the)\s+year\b))?")
# last year, this month, next week, the coming year, the previous month
_P_RELATIVE_UNIT = (r"(?:(?P<rthe>the)\s+)?(?P<rw>this|next|last|previous|coming|current)\s+"
                    r"(?:calendar\s+)?(?P<ru>week|month|year|quarter)\b")  # this calendar year
# summer 2014, next spring, the autumn
_P_SEASON = (rf"(?:(?P<srel>this|next|last|the|coming)\s+)?(?P<sn>spring|summer|autumn|winter)\b"
             rf"(?:\s+(?:of\s+)?(?P<sy>{_YEAR})\b|{_REL_YEAR.format('syr')})?")  # ... the spring of last year
# last November, in July, October last year
_P_MONTH_NAME = (rf"(?:(?P<mrel>last|next|this|coming)\s+)?"
                 rf"(?P<m4>{_MONTH_FULL}|(?P<m4a>(?-i:[JFMASOND])(?:an|eb|ar|pr|un|ul|ug|ep|ct|ov|ec))\b\.?)"
                 rf"(?:\s*/\s*(?P<m4b>{_MONTH_FULL}))?"
                 rf"(?:{_REL_YEAR.format('m4r')})?")  # ... July/August
# next Friday, on Monday, Tuesday morning (a part of the day after it names the day without a cue)
_P_WEEKDAY = (rf"(?:(?P<wdr>next|last|this|coming)\s+)?(?P<wd>{_WEEKDAY_FULL})"
              r"(?:\s+(?P<wdp>(?-i:morning|afternoon|evening|night))\b)?")
# this financial year, next financial year, the current academic year: from April, or from September
_P_FINANCIAL_REL = (r"\b(?:the\s+)?(?P<fyr>this|next|last|coming|current)\s+(?P<fyk>financial|fiscal|academic|school)"
                    r"\s+year\b(?!s|['’])")
_P_NEW_YEAR = r"\bthe\s+new\s+year\b"
# the following week, the following day: the one after the date told just before (else after the document's)
_P_FOLLOWING_UNIT = (r"\bthe\s+following\s+(?P<flu>day|week|month|year)\b"
                     r"(?!['’]|\s*-|\s+(?:centres?|care|trips?|services?|schools?|groups?|rate|end"
                     r"|commencing|beginning|starting)\b)")  # "the following week commencing 3 May": that day says
# before Christmas, by Easter 2015, last Christmas
_P_FEAST_DAY = (rf"\b(?:(?P<frel>this|next|last|coming)\s+)?(?P<fn>christmas|easter)\b"
                rf"(?:\s+(?P<fd>Day|Eve|Sunday|Monday)\b)?(?:\s+(?P<fy>{_YEAR})\b)?")
_P_YESTERDAY_TOMORROW = r"\b(?P<dayrel>yesterday|tomorrow)\b"
_P_AGO = rf"\b(?P<an>{_COUNT})\s+(?P<au>day|week|fortnight|month|year)s?\s+ago\b"
# in two weeks' time, three months from now
_P_TIME_FROM_NOW = (rf"\b(?P<hn>{_COUNT})\s+(?P<hu>day|week|fortnight|month|year)s?(?:['’]s?)?"
                    r"\s+(?:time\b|from\s+(?:now|today)\b)")
# (I will reply in) ten days, (in) a fortnight: counted from the document, after "in" in a future clause
_P_IN_COUNT = (rf"\b(?P<inn>{_COUNT})\s+(?P<inu>day|week|fortnight|month|year)s?\b"
               r"(?!['’]|\s+(?:time|from|ago|later|earlier|before|after|of|old|or|and|to|running)\b)")
# the 4th of this month, the 20th of last month
_P_DAY_OF_MONTH = (rf"\b(?:the\s+)?(?P<dd>{_DAYNUM})(?:st|nd|rd|th)\s+of\s+(?P<dr>this|last|next|the\s+month)\b"
                   r"(?:\s+month\b)?")
_P_WITHIN = (rf"\bwithin\s+(?:the\s+(?:next|coming)\s+)?(?:(?P<wn>{_COUNT})\s+)?"
             r"(?P<wu>(?:working|business|calendar|clear)\s+day|day|week|fortnight|month|year)s?\b")
_P_THE_UNIT = r"\bthe\s+(?P<tu>year|month|week|quarter)\b"  # the year / the month (only after "end of" ...)
# the 1990s, the early 2000s, the mid-1980s: a decade, or the part of one told
_P_DECADE = (r"(?<![\w£$€.])(?:the\s+)?(?:(?P<dcm>early|mid|late)(?:\s+|-\s*))?(?P<dec>(?:19|20)\d0)['’]?s\b")
_P_BARE_YEAR = rf"(?<![\w/£$€.])(?<!\d[-–])(?P<yy>{_YEAR})(?![\w/%]|[-–]\d|\.\d)"

_DIGITS = re.compile(r"\d+")
_BACK = 26  # how far before an anchor a reference may start ("a couple of weeks ago", "the previous month")
_LEAD_WORD = re.compile(r"\b\w+")


def _anchors(text: str) -> list[int]:
    """Offsets of digit runs and of the rules' anchor words (at a word's start); str.find is much
    faster than a regex."""
    low = text.lower()
    out = [m.start() for m in _DIGITS.finditer(text)]
    for word in _ANCHOR_WORDS:
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
        for w in _LEAD_WORD.finditer(text, max(last_end, anchor - _BACK), anchor + 1):
            if w.start() != anchor and w.group().lower() not in _LEAD_WORDS:
                continue
            m = _SCANNER.match(text, w.start())
            if m is not None and m.end() > anchor:
                out.append(m)
                last_end = m.end()
                break
    return out


_CUES = (r"no\s+later\s+than|not\s+later\s+than|no\s+earlier\s+than|not\s+earlier\s+than|not\s+before"
         r"|on\s+or\s+before|on\s+or\s+after|prior\s+to|ahead\s+of|in\s+advance\s+of|up\s+to(?:\s+and\s+including)?"
         r"|through\s+to|right\s+through\s+to"
         r"|as\s+of|as\s+at|scheduled\s+for|planned\s+for|due(?:\s+(?:on|by|in))?|by|before|after|until|till"
         r"|since|from|in|on|during|around|about|circa|approximately|roughly|c\.|ca\.|throughout|over|at|between")
_TIME = r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[:.]\d{2}|noon|midday|midnight|close\s+of\s+(?:business|play)|(?-i:COB|EOD))"
_MODS = (r"(?:the\s+)?(?:very\s+)?(?P<modw>end|close|beginning|start|middle|turn|first\s+half|second\s+half"
         r"|(?:first|second|third|fourth|last)\s+week|latter\s+part|early\s+part)\s+of\s+(?:the\s+month\s+of\s+)?"
         r"|(?P<moda>early|earlier|mid|middle|late|later|end)(?:\s+|-\s*)(?:in\s+)?"
         r"|(?P<modn>the\s+month)\s+of\s+")  # "the month of August": a month named as such
_PREFIX = re.compile(
    rf"(?<![\w'’.])(?:(?P<cue>{_CUES})\s+)?(?:(?P<time>{_TIME})\s+(?:on\s+)?)?(?:{_MODS})?\Z",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"([\w.]+)(?:\s+|-\s*)\Z")
# the last word of every prefix: of a cue ("no later than"), a time ("5pm on") or a modifier ("the end of")
_PREFIX_ENDINGS = frozenset({
    "than", "before", "after", "to", "of", "including", "at", "by", "until", "till", "since", "from", "in", "on",
    "during", "around", "about", "circa", "approximately", "roughly", "c.", "ca.", "throughout", "over", "between",
    "due", "for", "am", "pm", "a.m.", "p.m.", "noon", "midday", "midnight", "business", "play", "cob", "eod", "early",
    "earlier", "mid", "middle", "late", "later", "end",
})
_NUMBERED = re.compile(r"\b(?:clause|section|sections|paragraph|para|paras|regulation|article|rule|item|page"
                       r"|version|v|no|number|ref|s)\.?\s*\Z", re.IGNORECASE)
_DAY_CUES = frozenset({"on", "by", "until", "till", "before", "after", "since", "from", "due", "due on", "due by",
                       "no later than", "not later than", "on or before", "on or after", "as of", "as at"})
_FULL_STOP_AFTER_WORD = re.compile(r"(?:[a-z]{4}|\bMay)\.\Z", re.IGNORECASE)
_MAY_VERB = re.compile(r"\s+(?:I|we|you|he|she|it|they|be|have|not)\b")
_MAY_AUXILIARY = re.compile(r"\s+(?:be|have|not)\b")
_CLOSES = re.compile(r"\s*(?:[,.;:)!?]|$)")
_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d[/.\-]\d{1,2}[/.\-]\d\d")
_LISTED = re.compile(r"\s*(?:,\s*|\s(?:and|or)\s+|,\s*(?:and|or)\s+)\s*")
_BETWEEN_JOIN = re.compile(r"\s*(?:and|to|until|till|[-–—])\s*\Z", re.IGNORECASE)
_LEGISLATION = re.compile(r"\b(?:Act|Acts|Regulations|Order|Rules|Bill|Measure|Code|Directive)\s*(?:of\s+)?\Z")
_LABEL_LINE = re.compile(r"^\s*(?:date[d]?|sent|published|posted|updated|last\s+updated)\s*[:.]", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
_CHANGED_LINE = re.compile(r"\s*(?:last\s+)?(?:updated|revised|amended|modified)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]–—]|\s-\s|\b(?:but|while|whilst|whereas|although|though|because)\b"
    r"|\band\s+(?=(?:the|their|his|her|its|our|your|my|we|I|you|he|she|they|it|this|that|these|those)\b)")

_BY_CUES = frozenset({"by", "no later than", "not later than", "on or before", "up to and including", "due",
                      "due on", "due by", "due in", "within"})
_BEFORE_CUES = frozenset({"before", "prior to", "ahead of", "in advance of", "until", "till", "up to", "through to",
                          "right through to"})
_AFTER_CUES = frozenset({"after", "since", "no earlier than", "not earlier than", "not before", "on or after"})
_ABOUT_CUES = frozenset({"around", "about", "circa", "approximately", "roughly", "c.", "ca."})
_YEAR_CUES = frozenset({"in", "during", "since", "by", "until", "till", "before", "after", "from", "throughout",
                        "around", "circa", "c.", "ca.", "no later than", "not later than", "prior to", "over",
                        "between", "as of", "as at", "due", "due in", "due by", "ahead of", "about", "through to",
                        "right through to"})
_MOD_QUALIFIER = {"end": Qualifier.END, "close": Qualifier.END, "turn": Qualifier.END, "last week": Qualifier.END,
                  "second half": Qualifier.LATE, "latter part": Qualifier.LATE, "beginning": Qualifier.EARLY,
                  "start": Qualifier.EARLY, "first week": Qualifier.EARLY, "first half": Qualifier.EARLY,
                  "second week": Qualifier.MID, "third week": Qualifier.MID, "fourth week": Qualifier.LATE,
                  "early part": Qualifier.EARLY, "early": Qualifier.EARLY, "mid": Qualifier.MID,
                  "middle": Qualifier.MID, "late": Qualifier.LATE}
_WEEKDAYS = WEEKDAYS
# a participle that dates what it qualifies: "the notice issued on", "the report published in" (not "to be
# published on", "will be held in")
_DONE_THEN = re.compile(
    r"(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeing\s)"
    r"\b(?!(?:expected|planned|scheduled|proposed|intended|timetabled|anticipated|needed|required)\b)"
    r"(?:[a-z]{3,}ed|sent|held|made|given|written|taken|met|spoken|laid|set|begun|"
    r"brought|put|sought|won|lost|paid|told|heard|seen|done|dated|signed)\s+(?:on|in|dated)?\s*$")
# what someone is to do by a date, told in any tense: "on track to finish by", "asked you to reply by"
_TO_DO_BY = re.compile(r"\bto\s+[a-z]+(?:\s+(?:the|a|an|its|their|your|our|his|her|this|that|[a-z]+)){0,5}\s+$")
_SET_ASIDE = re.compile(r"\b(?:rather\s+than|instead\s+of|in\s+place\s+of)\s+$", re.IGNORECASE)
# what a letter answers or follows up, and the date it took place: "Further to our meeting on Tuesday"
_REPLY_TO = re.compile(r"\b(?:further\s+to|in\s+(?:response|reply)\s+to|following\s+(?:our|your|my|the)"
                       r"|thank\s+you\s+for)\b[^.;!?]*$", re.IGNORECASE)
# numbers of things listed: "paragraphs 4 and 5", "items 3, 7 and 9"
_NUMBERED_MANY = re.compile(r"\b(?:paragraphs|paras|clauses|sections|items|pages|questions|recommendations|points"
                            r"|rooms|units|numbers|nos|articles|rules|regulations|schedules|annexes|appendices)\.?\s*\Z",
                            re.IGNORECASE)
# a letter or message the date is the date of: "your letter of 21 October", "my email dated 3 May"
_CORRESPONDENCE_OF = re.compile(r"\b(?:your|my|our|his|her|their|the|this|that)\s+(?:letters?|e-?mails?|notes?|memo|memorandum"
                                r"|messages?|reply|response|correspondence)(?:\s+to\s+\w+(?:\s+\w+){0,2})?"
                                r",?\s+(?:also\s+)?(?:of|dated)\s+$", re.IGNORECASE)  # "my letter to him, also of"
_FOLLOWING_THE = re.compile(r"\bfollowing\s+the\b[^.;!?]*$", re.IGNORECASE)
# reported speech of what was then ahead: "the plan was to go to the board in March"
_WAS_TO = re.compile(r"\b(?:was|were)\s+(?:due\s+)?to\s+[a-z]+\b[^.;!?,]*$")
# a clause after the date that holds a verb of its own: "no agreement on 5 March that the board would pay"
_SUBORDINATE = re.compile(r"[^,;:.!?]{0,40}?(?P<cut>\s(?:that|whether)\s)", re.IGNORECASE)
# reported speech: "he said that meetings would be held on 9th April", "it was agreed the plan would go in March"
_REPORTED_WOULD = re.compile(
    r"\b(?:said|told|reported|confirmed|agreed|explained|announced|noted|stated|advised|informed|indicated"
    r"|resolved|suggested|understood|added)\b[^.;!?]*?\bwould\s+(?!like\b|welcome\b|appreciate\b|prefer\b)"
    r"[^.;!?]*$", re.IGNORECASE)
# "within six weeks of ..." counts from the letter only when what follows is the letter or today
_COUNTED_FROM_ELSEWHERE = re.compile(
    r"\s+(?:of|from|after)\s+(?!(?:the\s+)?(?:date\s+of\s+)?(?:this|today|now|receipt|the\s+date\s+of\s+this)\b)",
    re.IGNORECASE)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}

# -- tense cues -----------------------------------------------------------------------------------
_FUTURE_STRONG = frozenset({
    "will", "shall", "won't", "shan't", "would", "must", "should", "going", "due", "deadline", "deadlines",
    "upcoming", "forthcoming", "intend", "intends", "plan", "plans", "expect", "expects", "wish", "wishes",
    "want", "wants", "ask", "asks", "request", "requests", "require", "requires", "please", "propose",
    "proposes", "aim", "aims", "hope", "hopes", "tomorrow", "next", "coming", "scheduled", "needs", "need",
    "look", "await", "awaiting", "i'll", "we'll", "you'll", "they'll", "it'll", "he'll", "she'll",
})
_PAST_STRONG = frozenset({
    "was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't", "ago", "previously", "earlier",
    "yesterday", "last", "wrote", "said", "met", "sent", "saw", "gave", "took", "made", "told", "came", "went",
    "held", "began", "spoke", "found", "left", "brought", "thought", "felt", "kept", "knew", "led", "paid",
    "ran", "rose", "sat", "stood", "won", "became", "chose", "drew", "fell", "forgot", "got", "grew", "heard",
    "lost", "meant", "rang", "sold", "sought", "taught", "threw", "understood", "withdrew", "undertook",
    "oversaw", "arose", "built", "bought", "caught", "fought", "flew", "hid", "lent", "shook", "spent",
    "struck", "swore", "tore", "woke", "broke", "forbade", "overtook", "foresaw", "underwent",
    "since", "already", "recently", "formerly",
})
_TO_VERBS = frozenset({
    "report", "provide", "submit", "send", "make", "meet", "discuss", "consider", "review", "publish",
    "respond", "reply", "complete", "deliver", "set", "take", "give", "agree", "confirm", "prepare", "produce",
    "present", "undertake", "carry", "conduct", "inspect", "visit", "attend", "write", "update", "ensure",
    "explain", "address", "implement", "establish", "develop", "appoint", "decide", "see", "hear", "receive",
    "return", "begin", "start", "finish", "get", "lead", "oversee", "advise", "assess", "identify", "hold",
    "sign", "issue", "launch", "announce", "commission", "support", "work", "act", "improve", "put", "bring",
    "follow", "come", "go", "share", "notify", "inform", "tell", "be", "have", "arrange", "reach", "close",
    "open", "apply", "pay", "lodge", "file", "resolve", "engage", "satisfy", "recommend", "remedy",
})
_BE_FORMS = frozenset({"be", "is", "are", "am", "being", "been", "become", "becomes", "get", "gets"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "my", "your", "our", "their",
                          "his", "her", "its", "any", "some", "all", "more", "most", "well", "very", "newly",
                          "no", "each", "every", "further"})
_MODALS = frozenset({"will", "shall", "would", "should", "must", "i'll", "we'll", "you'll", "they'll", "it'll",
                     "he'll", "she'll"})
_HAPPENINGS = frozenset({"come", "commence", "expire", "elapse", "lapse", "happen", "occur", "fall", "become",
                         "last", "remain", "take", "apply", "end", "cease", "run"})
_EXPECTED = frozenset({"expected", "scheduled", "planned", "due", "intended", "set", "timetabled", "likely",
                       "going"})
_INTENT_VERBS = frozenset({"intend", "intends", "plan", "plans", "expect", "expects", "wish", "wishes", "want",
                           "wants", "ask", "asks", "request", "requests", "require", "requires", "propose",
                           "proposes", "aim", "aims", "hope", "hopes", "need", "needs", "look", "await"})
_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "it", "who"})
# "the Board's agreed to meet", "the Trust's sent them": "has", not a possessive, before one of these
_AFTER_A_VERB = frozenset({"to", "that", "the", "a", "an", "with", "by", "on", "in", "at", "for", "from", "of", "it",
                           "them", "him", "her", "us", "me", "you", "this", "these", "those", "its", "their", "our"})
# "it's passed", "there's been", "who's decided": a subject and "is" or "has", not a possessive
_CONTRACTED_SUBJECTS = frozenset({"it", "he", "she", "that", "there", "what", "who", "where", "here", "let"})
_NOUN_TOO = frozenset({"request", "plan", "aim"})  # a verb only after a subject, a modal or "to"
_BEFORE_A_VERB = _SUBJECTS | _MODALS | frozenset({"to", "please", "kindly", "also", "now", "therefore", "hereby",
                                                 "formally", "further", "do", "may", "might", "can", "could"})
_PRESENT_ED = frozenset({"need", "feed", "seed", "speed", "proceed", "exceed", "succeed", "embed", "shed", "breed",
                         "bleed", "indeed", "hundred", "deed", "weed", "greed", "creed"})
_NOT_PAST_ED = frozenset({
    "need", "needed", "feed", "seed", "speed", "proceed", "exceed", "succeed", "indeed", "embed", "shed", "bed",
    "red", "hundred", "breed", "bleed", "greed", "creed", "deed", "weed", "bred", "fed", "led", "wed", "united",
    "proposed", "expected", "scheduled", "planned", "required", "concerned", "detailed", "limited", "based",
    "related", "dedicated", "experienced", "advanced", "interested", "involved", "pleased", "committed",
    "continued", "sustained", "informed", "supposed", "used", "intended", "prepared", "agreed",
})


@dataclass(frozen=True, slots=True)
class _Prefix:
    start: int
    cue: str | None
    mod: str | None
    has_time: bool


def _norm(words: str | None) -> str | None:
    return " ".join(words.lower().split()) if words else None


def _prefix(text: str, core_start: int) -> _Prefix:
    """The cue, time and modifier words just before a reference ("by 5pm on", "by the end of", "early")."""
    last = _LAST_WORD.search(text, max(0, core_start - 24), core_start)
    if last is None or last.group(1).lower() not in _PREFIX_ENDINGS:
        return _Prefix(core_start, None, None, False)  # the common case, without the costly search
    window_start = max(0, core_start - 70)
    m = _PREFIX.search(text, window_start, core_start)
    if not m or m.start() == m.end():
        return _Prefix(core_start, None, None, False)
    mod = _norm(m.group("modw") or m.group("moda") or m.group("modn"))
    return _Prefix(m.start(), _norm(m.group("cue")), mod, m.group("time") is not None)


# -- calendar helpers -----------------------------------------------------------------------------
def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _month_of(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _valid(year: int, month: int, day: int | None) -> bool:
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return True


Bounds = Callable[[int], "tuple[dt.date, dt.date] | None"]


def _pick_year(bounds: Bounds, doc: PartialDate, mode: str | None) -> int | None:
    """The year in which a yearless reference falls, given the document's date and a mode.

    mode: "past" (latest not after the document), "future" (first not before it), "last" (latest
    wholly before the document's month), "next" (first wholly after it), "this", "ahead" (the one
    just gone, two months back at most, else the next), or None (nearest).
    """
    lo, hi = doc.earliest(), doc.latest()
    if doc.precision is Precision.DAY:
        month_lo, month_hi = dt.date(lo.year, lo.month, 1), _month_end(lo.year, lo.month)
    else:
        month_lo, month_hi = lo, hi
    options: list[tuple[int, dt.date, dt.date]] = []
    for year in (doc.year - 1, doc.year, doc.year + 1):
        span = bounds(year)
        if span is not None:
            options.append((year, span[0], span[1]))
    if not options:
        return None
    if mode == PAST:
        fit = [o for o in options if o[1] <= hi]
        return max(fit, key=lambda o: o[1])[0] if fit else None
    if mode == FUTURE:
        fit = [o for o in options if o[2] >= lo]
        return min(fit, key=lambda o: o[1])[0] if fit else None
    if mode == AHEAD:  # the one just gone (two months at most) or else the next
        gone = [o for o in options if o[2] < lo and (lo - o[2]).days <= 62]
        return max(gone, key=lambda o: o[1])[0] if gone else _pick_year(bounds, doc, FUTURE)
    if mode == "last":
        fit = [o for o in options if o[2] < month_lo]
        return max(fit, key=lambda o: o[1])[0] if fit else None
    if mode == "next":
        fit = [o for o in options if o[1] > month_hi]
        return min(fit, key=lambda o: o[1])[0] if fit else None
    if mode == "this":
        for year, a, b in options:
            if a <= hi and b >= lo:
                return year
        return doc.year if doc.year in {o[0] for o in options} else None

    def gap(o: tuple[int, dt.date, dt.date]) -> tuple[int, int]:
        _y, a, b = o
        days = 0 if (a <= hi and b >= lo) else min(abs((a - hi).days), abs((lo - b).days))
        return days, 0 if a >= lo else 1  # on a tie, the coming one

    return min(options, key=gap)[0]


def _day_bounds(month: int, day: int | None, weekday: int | None = None) -> Bounds:
    """A day or month in a given year; with `weekday`, only years in which the day falls on it."""
    def bounds(year: int) -> tuple[dt.date, dt.date] | None:
        if day is None:
            return dt.date(year, month, 1), _month_end(year, month)
        if not _valid(year, month, day):
            return None
        d = dt.date(year, month, day)
        if weekday is not None and d.weekday() != weekday:
            return None
        return d, d
    return bounds


def _range_bounds(first: int, last: int) -> Bounds:
    def bounds(year: int) -> tuple[dt.date, dt.date]:
        end_year = year + 1 if last < first else year
        return dt.date(year, first, 1), _month_end(end_year, last)
    return bounds


def _christmas_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 12, 25), dt.date(year, 12, 25)


def _easter_bounds(year: int) -> tuple[dt.date, dt.date]:
    """Easter Sunday in the Gregorian calendar (the anonymous algorithm, as in Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    n = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * n) // 433
    month = (h + n - 7 * m + 90) // 25
    day = (h + n - 7 * m + 33 * month + 19) % 32
    return dt.date(year, month, day), dt.date(year, month, day)


# -- tense ----------------------------------------------------------------------------------------
def _token_cue(tokens: list[str], i: int) -> tuple[str, int] | None:
    """(direction, strength) that token i gives its clause, if any; strength 2 strong, 1 weak."""
    word = tokens[i].lower().replace("’", "'")
    prev = tokens[i - 1].lower() if i > 0 else ""
    if word in _FUTURE_STRONG:
        if word in ("need", "needs", "look", "going") and (i + 1 >= len(tokens) or tokens[i + 1].lower()
                                                           not in ("to", "forward")):
            return None
        if word in ("look", "looks") and tokens[i + 1].lower() == "to" and (
                i + 2 >= len(tokens) or not tokens[i + 2].islower() or tokens[i + 2].lower() in _DETERMINERS):
            return None  # "we look to the Board for help": to someone, not to doing something
        if word in ("deadline", "deadlines"):
            return AHEAD, 2  # "its deadline on 8 March": the one just gone or the next, as the date says
        if word in _NOUN_TOO and prev not in _BEFORE_A_VERB:
            return None  # "a formal access request", "the plan": a noun, not an intention
        if word == "next" or word == "coming":
            return None  # a modifier of a noun, not of this date
        if word in _INTENT_VERBS and prev in ("to", *_DETERMINERS):
            return (FUTURE, 1) if prev == "to" else None  # an infinitive or a noun ("the plan")
        return FUTURE, 2
    if word == "to" and i + 1 < len(tokens) and tokens[i + 1].lower() in _TO_VERBS and tokens[i + 1].islower():
        return FUTURE, 1
    if word in _EXPECTED and prev in ("is", "are", "am", "be", "'s", "remains", "remain"):
        return FUTURE, 2  # "is expected in", "are scheduled for", "is due"
    if word in _PAST_STRONG:
        if word == "last":
            return None  # "last" goes with its own noun ("last year")
        if prev in _BE_FORMS or prev in ("to", "will", "would", "have", "has"):
            return (PAST, 1) if prev in ("have", "has") else None
        return PAST, 2
    if word.endswith("ed") and len(word) > 4 and word not in _PRESENT_ED and tokens[i].islower():
        following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if prev.endswith(("'s", "’s")) and prev[:-2].replace("’", "'") not in _CONTRACTED_SUBJECTS \
                and following and following not in _AFTER_A_VERB:
            return None  # "the group's stated aim", "the Council's revised plan": an adjective, not a verb
        if prev in _SUBJECTS:
            return PAST, 2  # "I intended", "you presented"
        if prev in _BE_FORMS or prev in _DETERMINERS or word in _NOT_PAST_ED:
            return None
        return PAST, 1
    return None


def tense_at(text: str, sentence: Span, start: int, end: int, *, strong_only: bool = False) -> str | None:
    """"past", "future" or None: the tense the clause around text[start:end] gives it (see `_tense`).

    With `strong_only`, only finite verbs and modals count ("was", "wrote", "I intended", "will").
    """
    return _tense(text, sentence, start, end, 2 if strong_only else 1)


# a plan told up to its end ("the building timetable through to May"): the end is still to come, whatever the verb
_PLAN_UNTIL = re.compile(r"\b(?:programme|programmes|program|plan|plans|timetable|schedule|roadmap|work\s+plan)\s+\Z",
                         re.IGNORECASE)
_UNTIL_WORD = re.compile(r"(?:until|till|up\s+to|(?:right\s+)?through\s+to)\s", re.IGNORECASE)


def _tense(text: str, sentence: Span, start: int, end: int, min_strength: int = 1) -> str | None:
    """Past or future, from the clause around [start, end) and then the whole sentence."""
    found = _tense_cue(text, sentence, start, end, min_strength)
    return found[0] if found else None


@lru_cache(maxsize=256)
def _tense_cue(text: str, sentence: Span, start: int, end: int, min_strength: int = 1) -> tuple[str, int] | None:
    """(direction, token index in the sentence) of the cue that decides the tense around [start, end)
    (kept: the year rules and the role rules both ask it of the same date)."""
    from dossier.analysis.deadline_rules import asked_before, that_clause, writing_of  # they read this module

    if writing_of(text, max(sentence.start, start - 50), start):
        _starts, ends, _cues = _sentence_cues(text, sentence.start, sentence.end)
        return PAST, max(0, bisect.bisect_right(ends, start) - 1)  # "your letter of 14 November": written before
    clause_start, clause_end = sentence.start, sentence.end
    for brk in _CLAUSE_BREAK.finditer(text, sentence.start, start):
        clause_start = brk.end()
    if asked_before(text, max(clause_start, start - 150), start):
        _starts, ends, _cues = _sentence_cues(text, sentence.start, sentence.end)
        return AHEAD, max(0, bisect.bisect_right(ends, start) - 1)  # "was asked to write in July": still to come
    if _PLAN_UNTIL.search(text, max(sentence.start, start - 40), start) and _UNTIL_WORD.match(text, start, end):
        _starts, ends, _cues = _sentence_cues(text, sentence.start, sentence.end)
        return AHEAD, max(0, bisect.bisect_right(ends, start) - 1)  # "sent round the timetable until May": still to come
    brk_after = _CLAUSE_BREAK.search(text, end, sentence.end)
    if brk_after:
        clause_end = brk_after.start()
    that = that_clause(text, end, clause_end)  # "there was no doubt on 3 May | that the Board would act"
    if that is not None:
        clause_end = that
    for lo, hi in ((clause_start, clause_end), (sentence.start, sentence.end)):
        found = _nearest_cue(text, sentence, lo, hi, start, end, min_strength)
        if found:
            return found
    return None


@lru_cache(maxsize=64)
def _sentence_cues(text: str, lo: int, hi: int) -> tuple[tuple[int, ...], tuple[int, ...],
                                                          tuple[tuple[int, str, int], ...]]:
    """A sentence's token starts and ends, and its tense cues as (token index, direction, strength)."""
    matches = list(_TOKEN.finditer(text, lo, hi))
    tokens = [m.group() for m in matches]
    cues = tuple((i, cue[0], cue[1]) for i in range(len(tokens)) if (cue := _token_cue(tokens, i)) is not None)
    return tuple(m.start() for m in matches), tuple(m.end() for m in matches), cues


def _nearest_cue(text: str, sentence: Span, lo: int, hi: int, start: int, end: int,
                 min_strength: int = 1) -> tuple[str, int] | None:
    starts, ends, cues = _sentence_cues(text, sentence.start, sentence.end)
    before = bisect.bisect_right(ends, start) - 1  # the last token ending before the date
    after = bisect.bisect_left(starts, end)  # the first token starting after it
    best: tuple[int, int, str, int] | None = None  # (-strength, distance, direction, index)
    for i, direction, strength in cues:
        if strength < min_strength or starts[i] < lo or ends[i] > hi:
            continue
        if i <= before:
            distance = before - i
        elif i >= after:
            distance = i - after
        else:
            continue  # inside the date's own words
        key = (-strength, distance, direction, i)
        if best is None or key < best:
            best = key
    return (best[2], best[3]) if best else None


def _by_direction(text: str, sentence: Span, start: int, end: int) -> str:
    """A "by" date looks ahead unless the nearest finite verb is in the past
    ("You were asked to reply by 30 April", "The plan was due by 1 May", but "a reply is due by 30 June")."""
    starts, ends, _cues = _sentence_cues(text, sentence.start, sentence.end)
    before = bisect.bisect_right(ends, start) - 1
    if before >= 0:
        word = text[starts[before]:ends[before]].lower()
        if word in ("is", "are", "am", "remains", "remain"):
            return FUTURE
        if word in ("was", "were"):
            return PAST
    if _TO_DO_BY.search(text, max(sentence.start, start - 60), start):
        return AHEAD  # "was on track to finish by 17 April", "you were asked to reply by 30 April"
    return PAST if _tense(text, sentence, start, end, 2) == PAST else FUTURE


# -- the letterhead -------------------------------------------------------------------------------
def _skipped_ranges(text: str) -> list[tuple[int, int]]:
    """Lines that are the document's own date: alone on a line near the top, or labelled. Not a date
    and time under a quoted message's sender, after the prose of a reply ("Ann Roe / 12/03/2001 10:15 AM")."""
    out: list[tuple[int, int]] = []
    published: list[bool] = []
    prose = False
    for n, line in enumerate(_LINE.finditer(text)):
        if n > 60:
            break
        s = line.group()
        if len(s) > 70:
            prose = prose or _PROSE.search(s, 0, 400) is not None
            continue
        if prose and _CLOCK.search(s) and not _LABEL_LINE.match(s):
            continue
        if (n < HEAD_LINES and parse_date_line(s) is not None) or (_LABEL_LINE.match(s) and parse_date_line(s)):
            if out and _CHANGED_LINE.match(s):
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
@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    date: PartialDate
    cue: str | None
    direction: str | None  # fixed by the words themselves ("last", "next", "ago"), else None
    rule: str  # the name of the date rule that read it


def find_dates(text: str, document_date: PartialDate | None) -> list[DateFound]:
    """Every dated reference in `text`, resolved against `document_date` (see the module notes)."""
    if not text:
        return []
    index = SentenceIndex(text)
    skipped = _skipped_ranges(text)
    hits: list[_Hit] = []
    for m in _core_matches(text):
        if any(a <= m.start() < b for a, b in skipped):
            continue
        pre = _prefix(text, m.start())
        sentence = index.at(m.start())
        listed = bool(hits) and _LISTED.fullmatch(text, hits[-1].end, m.start()) is not None
        hits.extend(_resolve(text, m, pre, sentence, document_date, hits, listed=listed))
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


def _clause_of(text: str, sentence: Span, hit: _Hit, hits: list[_Hit]) -> tuple[int, int]:
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

def _join_ranges(text: str, hits: list[_Hit]) -> list[_Hit]:
    """"between 3 June and 7 June 2014", "from May to July 2015": one reference with two bounds."""
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        hit = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt is not None and hit.cue in ("between", "from") and hit.date.qualifier is None \
                and _BETWEEN_JOIN.fullmatch(text, hit.end, nxt.start):
            first = hit.date
            if not _WRITTEN_YEAR.search(text, hit.start, hit.end) and first.precision is not Precision.YEAR:
                first = _in_year_of(first, nxt.date)  # "from May to July 2015": May 2015
            if nxt.date.earliest() >= first.earliest():
                date = PartialDate(first.value, first.precision, Qualifier.BETWEEN,
                                   " ".join(text[hit.start:nxt.end].split()), nxt.date.value)
                out.append(_Hit(hit.start, nxt.end, date, hit.cue, hit.direction, "between-and"))
                out.append(nxt)  # each end is a dated reference of its own too
                i += 2
                continue
        out.append(hit)
        i += 1
    return out


_OWN_YEAR_WORDS = re.compile(r"\b(?:last|next|this|coming|year)\b", re.IGNORECASE)  # "October last year"
_AND_JOIN = re.compile(r"\s*,?\s*(?:and|or|&)\s+|\s*,\s*", re.IGNORECASE)


def _share_years(text: str, hits: list[_Hit]) -> list[_Hit]:
    """ "30 April and 1 May 2019", "in March and April 2015": a year written once, for the
    days or months listed before it too; each such reference spans on to that year."""
    out = list(hits)
    for i in range(len(out) - 2, -1, -1):
        hit, nxt = out[i], out[i + 1]
        if not 0 <= nxt.start - hit.end <= 12 or not _AND_JOIN.fullmatch(text, hit.end, nxt.start):
            continue
        if hit.date.precision is Precision.YEAR or nxt.date.precision is Precision.YEAR \
                or hit.date.end_value is not None or _WRITTEN_YEAR.search(text, hit.start, hit.end) \
                or _OWN_YEAR_WORDS.search(text, hit.start, hit.end) \
                or not _WRITTEN_YEAR.search(text, nxt.start, nxt.end):
            continue
        moved = _in_year_of(hit.date, nxt.date)
        words = " ".join(text[hit.start:nxt.end].split())
        date = PartialDate(moved.value, moved.precision, hit.date.qualifier, words)
        out[i] = _Hit(hit.start, nxt.end, date, hit.cue, hit.direction, hit.rule)
    return out


def _in_year_of(first: PartialDate, second: PartialDate) -> PartialDate:
    year = second.year if (first.month or 1) <= (second.month or 12) else second.year - 1
    if first.day is not None and not _valid(year, first.month or 1, first.day):
        return first
    return PartialDate.of(year, first.month, first.day, text=first.text)


def _qualifier(cue: str | None, mod: str | None) -> Qualifier | None:
    if mod in _MOD_QUALIFIER:
        return _MOD_QUALIFIER[mod]
    if cue in _BY_CUES:
        return Qualifier.BY
    if cue in _BEFORE_CUES:
        return Qualifier.BEFORE
    if cue in _AFTER_CUES:
        return Qualifier.AFTER
    if cue in _ABOUT_CUES:
        return Qualifier.ABOUT
    return None


_UNSET: object = object()


class _Ctx:
    """What a rule's resolver reads and sets: the match, the words before it, its sentence and the
    document's date; `start`/`end` (the reference's words), `direction` (fixed by its own words) and
    `rule` (where a resolver hands the match to another rule) may be changed by the resolver."""

    __slots__ = ("cue", "direction", "doc", "end", "extra", "g", "hits", "listed", "m", "mod", "qualifier", "rule",
                 "sentence", "start", "text")

    def __init__(self, text: str, m: re.Match[str], pre: _Prefix, sentence: Span, doc: PartialDate | None,
                 listed: bool, hits: list[_Hit]) -> None:
        self.text, self.m, self.g = text, m, m  # a match reads its groups by name: m["d1"]
        self.sentence, self.doc, self.listed = sentence, doc, listed
        self.hits = hits  # the references found before this one
        self.extra: list[_Hit] = []  # more references the same words hold ("6 and 7 November": two days)
        self.start, self.end = pre.start, m.end()
        self.cue, self.mod = pre.cue, pre.mod
        self.qualifier = _qualifier(pre.cue, pre.mod)
        self.rule: str | None = None
        self.trim_stop()
        self.direction: str | None = None
        start = self.start
        if self.cue in ("since",) or self.mod == "earlier" \
                or _REPLY_TO.search(text, max(sentence.start, start - 80), start):
            self.direction = PAST  # "Further to our meeting on Tuesday": what is answered came before
        elif self.cue in ("on", "in", None) and _DONE_THEN.search(text, max(sentence.start, start - 40), start):
            self.direction = PAST  # "the notice issued on 12 February", whatever the sentence's main verb
        elif self.cue in ("of", None) and _CORRESPONDENCE_OF.search(text, max(sentence.start, start - 40), start):
            self.direction = PAST  # "your letter of 21 October": a letter answered was written before
        if self.direction == PAST and _FOLLOWING_THE.search(text, max(sentence.start, start - 80), start) \
                and _tense(text, sentence, start, self.end, 2) == FUTURE:
            self.direction = None  # "Following the vote in June, a new board will take office"

    def trim_stop(self) -> None:
        if self.text[self.end - 1] == "." and _FULL_STOP_AFTER_WORD.search(self.text, self.start, self.end):
            self.end -= 1  # a full stop after "January", not an abbreviation's

    def year_of(self, rel: str | None, bounds: Bounds) -> int | None:
        """The year of a reference written without one: its own word ("last", "next", "this")
        says which, else the tense of its clause (a word like "last" also sets the tense)."""
        assert self.doc is not None
        if rel == "last":
            self.direction = PAST
        elif rel in ("next", "coming"):
            self.direction = FUTURE
        mode = {"last": "last", "next": "next", "coming": "next", "this": "this"}.get(rel or "") or self.tense()
        return _pick_year(bounds, self.doc, mode)

    def tense(self) -> str | None:
        if self.direction:
            return self.direction
        text, sentence, start, end = self.text, self.sentence, self.start, self.end
        if _WAS_TO.search(text, max(sentence.start, start - 50), start):
            return None  # "the plan was to go to the board in March": ahead of when it was said, so the nearest
        if _REPORTED_WOULD.search(text, max(sentence.start, start - 240), start):
            return AHEAD  # "he said meetings would be held on 9th April": the one just gone, or else the next
        sub = _SUBORDINATE.match(text, end, sentence.end)
        if sub is not None and self.cue not in _BY_CUES and self.cue not in _BEFORE_CUES:
            # "no agreement on 5 March that the board would pay": the verb before governs, and a
            # tense only the clause after "that" has says nothing of the date ("In May it agreed that
            # it would ...": the nearest May)
            return _tense(text, Span(sentence.start, sub.start("cut")), start, end)
        if self.cue in _BY_CUES:
            return _by_direction(text, sentence, start, end)
        if self.cue in _BEFORE_CUES:  # "it arrived before Christmas": any past verb; "reply before ...": ahead
            return _tense(text, sentence, start, end) or FUTURE
        return _tense(text, sentence, start, end)

    def also(self, start: int, end: int, date: PartialDate | None, rule: str, direction: object = _UNSET) -> None:
        """One more reference in the same words, with its own span."""
        if date is not None:
            date = PartialDate(date.value, date.precision, date.qualifier, " ".join(self.text[start:end].split()),
                               date.end_value)
            way: str | None = self.direction if direction is _UNSET else direction  # type: ignore[assignment]  # a str or None, once not _UNSET
            self.extra.append(_Hit(start, end, date, self.cue, way, rule))

    def make(self, year: int, month: int | None = None, day: int | None = None, q: object = _UNSET,
             end_value: str | None = None) -> PartialDate | None:
        qualifier: Qualifier | None = self.qualifier if q is _UNSET else q  # type: ignore[assignment]  # a Qualifier or None, once not _UNSET
        if month is not None and not _valid(year, month, day):
            return None
        if day is not None and qualifier in (Qualifier.EARLY, Qualifier.MID, Qualifier.LATE, Qualifier.END):
            qualifier = None
        if end_value is not None:
            qualifier = Qualifier.BETWEEN
        written = " ".join(self.text[self.start:self.end].split())
        if day is not None and month is not None:
            return PartialDate(f"{year:04d}-{month:02d}-{day:02d}", Precision.DAY, qualifier, written, end_value)
        if month is not None:
            return PartialDate(f"{year:04d}-{month:02d}", Precision.MONTH, qualifier, written, end_value)
        return PartialDate(f"{year:04d}", Precision.YEAR, qualifier, written, end_value)


def _a_day(c: _Ctx, year: int | None, month: int | None, day: int, weekday: int | None = None) -> PartialDate | None:
    """A day of a month, in its written year or else the year its clause's tense picks."""
    if month is None or not 1 <= month <= 12:
        return None
    if year is None:
        if c.doc is None:
            return None
        direction = c.tense()
        if weekday is not None:  # "Friday 7 March": the year in which 7 March is a Friday
            year = _pick_year(_day_bounds(month, day, weekday), c.doc, direction) or \
                _pick_year(_day_bounds(month, day, weekday), c.doc, None)
        if year is None:
            year = _pick_year(_day_bounds(month, day), c.doc, direction)
        if year is None:
            return None
    return c.make(year, month, day)


def _r_day_month_year(c: _Ctx) -> PartialDate | None:
    g = c.g
    month, day = _month_of(g["m1"]), int(g["d1"])
    year = int(g["y1"]) if g["y1"] else _rel_year(c, g["y1r"])
    if not _capitalised(g["m1"]) or (g["m1"].lower() == "may" and year is None
                                     and _MAY_AUXILIARY.match(c.text, c.m.end())):
        return None  # after a day, "May I" is the month ("On 3 May I wrote"), "May be" is not
    return _a_day(c, year, month, day, _weekday_of(g["wd1"]))


_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|your|a|an)\s+\Z", re.IGNORECASE)
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]{3,}\b")


def _r_month_day_year(c: _Ctx) -> PartialDate | None:
    g, m = c.g, c.m
    if g["bare"] is not None and not g["wd2"] and c.cue not in _DAY_CUES and not _CLOSES.match(c.text, m.end()) \
            and not (_DETERMINER_BEFORE.search(c.text, max(0, m.start() - 8), m.start())
                     and _LOWER_WORD_AFTER.match(c.text, m.end())):  # "the November 8 vote": a day
        # "March 3" needs a cue or a stop after it; "in March 15 schools closed" is a month
        c.end = m.start("d2")
        while c.end > c.start and c.text[c.end - 1].isspace():
            c.end -= 1
        c.trim_stop()
        c.rule = "month-name"
        return _a_month(c, g["m2"], None)
    month, day = _month_of(g["m2"]), int(g["d2"])
    raw_year = g["y2"] or g["y2a"]
    if not _capitalised(g["m2"]):
        return None
    return _a_day(c, int(raw_year) if raw_year else None, month, day, _weekday_of(g["wd2"]))


def _r_numeric_date(c: _Ctx) -> PartialDate | None:
    g, m = c.g, c.m
    if _NUMBERED.search(c.text, max(0, m.start() - 16), m.start()):
        return None  # "clause 12.1.2014", "section 3.4.10": a number, not a date
    a, b = int(g["nd"]), int(g["nm"])
    day, month = (b, a) if b > 12 >= a else (a, b)
    raw = g["ny"]
    if g["ns"] == "." and len(raw) == 2:
        return None  # "1.2.10" is a version, not a date
    year = int(raw) + (2000 if int(raw) < 70 else 1900) if len(raw) == 2 else int(raw)
    return _a_day(c, year, month, day)


def _r_iso_date(c: _Ctx) -> PartialDate | None:
    return _a_day(c, int(c.g["iy"]), int(c.g["im"]), int(c.g["id"]))


def _r_month_year(c: _Ctx) -> PartialDate | None:
    g, m = c.g, c.m
    if not _capitalised(g["m3"]) or _LEGISLATION.search(c.text, max(0, m.start() - 20), m.start()):
        return None
    month = _month_of(g["m3"])
    return None if month is None else c.make(int(g["y3"]), month)


def _a_month(c: _Ctx, word: str, rel: str | None) -> PartialDate | None:
    """A month named without its year: only with a cue, a modifier, "last/next/this" or in a list."""
    if not _capitalised(word):
        return None
    month = _month_of(word)
    if month is None or (rel is None and c.cue is None and c.mod is None and not c.listed):
        return None
    if word.lower() == "may" and _may_is_verb(c.text, c.m.end()):
        return None
    if c.doc is None:
        return None
    year = c.year_of(rel, _day_bounds(month, None))
    return None if year is None else c.make(year, month)


# the words after a short month that make it a name or a word ("by Jan Roe", "in Mar's garden")
_NOT_SHORT_MONTH = re.compile(r"['’]|\s*[-/]|\s+[A-Z0-9]")
_PASSIVE_BY = re.compile(r"\b[a-z]+(?:ed|en|ne|wn)\s+by\s*\Z")


def _r_month_name(c: _Ctx) -> PartialDate | None:
    if c.g["m4a"]:  # "by Jan", "in Sept": a short month only after a cue of time, not a name
        if c.cue not in ("by", "in", "until", "till", "before", "after", "since", "from", "during", "due", "due in",
                         "due by", "no later than", "not later than") and c.mod is None and c.g["mrel"] is None \
                and c.g["m4r"] is None and not c.listed:
            return None
        if _NOT_SHORT_MONTH.match(c.text, c.m.end("m4a")) or c.g["m4b"] \
                or (c.cue == "by" and _PASSIVE_BY.search(c.text, max(0, c.start - 30), c.m.start("m4"))):
            return None
        if c.end == c.m.end("m4") and c.text[c.end - 1] == ".":
            c.end -= 1  # "by Jan.": the stop is the sentence's
    if c.g["m4b"]:
        return _months_or(c)
    year = _rel_year(c, c.g["m4r"])
    if year is not None:  # "October last year"
        month = _month_of(c.g["m4"])
        return None if month is None or not _capitalised(c.g["m4"]) else c.make(year, month)
    return _a_month(c, c.g["m4"], _norm(c.g["mrel"]))


def _months_or(c: _Ctx) -> PartialDate | None:
    """ "in July/August": one month or the next, as a span of the two."""
    first, last = _month_of(c.g["m4"]), _month_of(c.g["m4b"])
    if first is None or last is None or not _capitalised(c.g["m4"]) or not _capitalised(c.g["m4b"]):
        return None
    if (c.g["mrel"] is None and c.cue is None and c.mod is None and not c.listed) or c.doc is None:
        return None
    year = _rel_year(c, c.g["m4r"])
    if year is None:
        year = c.year_of(_norm(c.g["mrel"]), _range_bounds(first, last))
    return None if year is None else _range_date(c.make, year, first, last, c.qualifier)


def _rel_year(c: _Ctx, word: str | None) -> int | None:
    """The year of "of this year", "last year", "next year" after a day or month."""
    if not word or c.doc is None:
        return None
    step = {"this": 0, "last": -1, "next": 1}[word.lower()]
    if step:
        c.direction = PAST if step < 0 else FUTURE
    return c.doc.year + step


_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def _r_decade(c: _Ctx) -> PartialDate | None:
    first, last = _DECADE_PARTS.get((c.g["dcm"] or "").lower(), (0, 9))
    decade = int(c.g["dec"])
    return c.make(decade + first, end_value=f"{decade + last:04d}", q=None)


# "the Annual Town Meeting 2016", "Annual Report 2015": a named meeting, report or event and its year
_NAMED_BY_YEAR = re.compile(r"\b(?-i:Meeting|Report|Review|Conference|Budget|Accounts|Election|Survey|Strategy|Assembly"
                            r"|Summit|Audit|Inspection|Consultation|Census|Festival|Awards|AGM|APM)\s+\Z")
_OF_BEFORE = re.compile(r"(?<![\w/])(?!(?:one|some|any|all|none|each|many|most|total|number|sum|out|part|lot)\s)"
                        r"[A-Za-z]+\s+of\s+\Z", re.IGNORECASE)


def _OF_YEAR_CLOSING(text: str, m: re.Match[str]) -> bool:
    """the first meeting of 2019.: a year after "of" that closes its clause dates what comes before it"""
    return bool(_OF_BEFORE.search(text, max(0, m.start() - 30), m.start())) and bool(_CLOSES.match(text, m.end()))


def _r_bare_year(c: _Ctx) -> PartialDate | None:
    if c.cue not in _YEAR_CUES and c.mod is None and not _OF_YEAR_CLOSING(c.text, c.m) \
            and not _NAMED_BY_YEAR.search(c.text, max(0, c.m.start() - 16), c.m.start()):
        return None
    if _LEGISLATION.search(c.text, max(0, c.m.start() - 20), c.m.start()):
        return None
    year = int(c.g["yy"])
    return c.make(year, 12, q=Qualifier.END) if c.mod in ("end", "close", "turn") else c.make(year)


def _a_quarter(c: _Ctx, quarter: int, raw_year: str | None, fiscal_tail: str | None,
               rel: str | None) -> PartialDate | None:
    first, last = 3 * quarter - 2, 3 * quarter
    fiscal = _fiscal_year(raw_year, fiscal_tail)
    if fiscal is not None:  # "Q4 2021/22": the financial year from April, whose Q4 is January to March 2022
        year, first = _add_months(fiscal, 3 * quarter + 1, 0)
        last = first + 2
    elif raw_year:
        year = int(raw_year)
    elif rel and c.doc is not None:
        year = c.doc.year + {"next": 1, "last": -1}.get(rel.lower(), 0)
    elif c.doc is not None:
        picked = _pick_year(_range_bounds(first, last), c.doc, c.tense())
        if picked is None:
            return None
        year = picked
    else:
        return None
    return _range_date(c.make, year, first, last, c.qualifier)


def _r_quarter(c: _Ctx) -> PartialDate | None:
    return _a_quarter(c, int(c.g["qn"]), c.g["qy"], c.g["qfy"], None)


def _r_quarter_words(c: _Ctx) -> PartialDate | None:
    return _a_quarter(c, _QUARTER_WORDS[c.g["qo"].lower()], c.g["qwy"], c.g["qwfy"], c.g["qwr"])


def _r_season(c: _Ctx) -> PartialDate | None:
    g, m = c.g, c.m
    srel = _norm(g["srel"])
    raw_year = g["sy"]
    if g["syr"]:  # "the spring of last year": the year it is in
        raw_year = str(_rel_year(c, g["syr"]))
    if not raw_year and srel in (None, "the") and c.cue is None and c.mod is None:
        return None
    if g["sn"][0].isupper() and not raw_year and re.match(r"\s+[A-Z]", c.text[m.end():m.end() + 2]):
        return None  # "Summer Hill", "Spring Lane": a name
    first, last = _SEASONS[g["sn"].lower()]
    if raw_year:
        year = int(raw_year)
    else:
        if c.doc is None:
            return None
        picked = c.year_of(srel, _range_bounds(first, last))
        if picked is None:
            return None
        year = picked
    return _range_date(c.make, year, first, last, c.qualifier)


def _r_relative_unit(c: _Ctx) -> PartialDate | None:
    g = c.g
    if c.doc is None:
        return None
    rw, unit = g["rw"].lower(), g["ru"].lower()
    if g["rthe"] and rw in ("next", "last") and c.cue != "within":
        return None  # "the last year", "the next month": a stretch of time, not a date
    step = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "previous": -1}[rw]
    c.direction = PAST if step < 0 else FUTURE if step > 0 else (PAST if c.mod == "earlier" else None)
    return _relative(c.make, c.doc, unit, step, c.mod, c.qualifier)


def _r_the_unit(c: _Ctx) -> PartialDate | None:
    if c.doc is None or (c.mod not in _MOD_QUALIFIER and c.mod not in ("earlier", "later")):
        return None  # "by the end of the year", "earlier in the year": the document's
    if c.mod in ("earlier", "later") and not re.search(r"\bin\s+\Z", c.text[c.start:c.m.start()], re.IGNORECASE):
        return None  # "Later the year was bad": no point in time
    if c.mod == "earlier":
        c.direction = PAST
    return _relative(c.make, c.doc, c.g["tu"].lower(), 0, c.mod, c.qualifier)


_FOLLOWING_REACH = 600  # how far back the date a "following" week counts from may be told


def _r_following_unit(c: _Ctx) -> PartialDate | None:
    """ "the following week": the week after the last date told before it, in the same stretch of
    text ("on 6 July ... and the following week"), else the week after the document's date."""
    unit = c.g["flu"].lower()
    fine = (Precision.DAY,) if unit in ("day", "week") else \
        (Precision.DAY, Precision.MONTH) if unit == "month" else tuple(Precision)
    base = c.doc
    if c.hits and c.start - c.hits[-1].end <= _FOLLOWING_REACH:
        base = c.hits[-1].date
    if base is None or base.precision not in fine:
        base = c.doc
        if base is None or base.precision not in fine:
            return None
    c.direction = None
    if unit == "day":
        d = base.earliest() + dt.timedelta(days=1)
        return c.make(d.year, d.month, d.day)
    return _relative(c.make, base, unit, 1, None, c.qualifier)


def _r_financial_rel(c: _Ctx) -> PartialDate | None:
    """ "next financial year" (from April), "this academic year" (from September): the two years it spans."""
    doc = c.doc
    if doc is None or doc.month is None:
        return None
    opens = 9 if c.g["fyk"].lower() in ("academic", "school") else 4
    step = {"next": 1, "coming": 1, "last": -1}.get(c.g["fyr"].lower(), 0)
    first = (doc.year if doc.month >= opens else doc.year - 1) + step
    c.direction = PAST if step < 0 else FUTURE if step > 0 else None
    return c.make(first, end_value=f"{first + 1:04d}", q=None)


def _r_new_year(c: _Ctx) -> PartialDate | None:
    doc = c.doc
    if doc is None:
        return None
    year = doc.year if doc.month in (1, 2) and doc.precision is not Precision.YEAR else doc.year + 1
    c.direction = FUTURE
    return c.make(year, q=Qualifier.EARLY if c.qualifier is None else c.qualifier)


def _r_feast_day(c: _Ctx) -> PartialDate | None:
    g, m = c.g, c.m
    if not _capitalised(g["fn"]):
        return None
    if re.match(r"\s+[A-Z]", c.text[m.end():m.end() + 2]):
        return None  # "Christmas Island", "Easter Road": a name
    if not g["fy"] and not g["frel"] and c.cue is None and c.mod is None:
        return None  # "given the Easter break", "a Christmas card": no point in time
    bounds = _christmas_bounds if g["fn"].lower() == "christmas" else _easter_bounds
    if g["fy"]:
        year = int(g["fy"])
    else:
        if c.doc is None:
            return None
        picked = c.year_of(_norm(g["frel"]), bounds)
        if picked is None:
            return None
        year = picked
    day = bounds(year)[0] + dt.timedelta(days={"eve": -1, "monday": 1}.get((g["fd"] or "").lower(), 0))
    return c.make(year, day.month, day.day)


_ONE_OF_MANY = re.compile(r"\b(?:the|a|an|every|each|any|one|same|on\s+a)\s+(?:(?:final|first|second|third|fourth"
                          r"|last|next|following|previous|same|particular|usual)\s+)?\Z", re.IGNORECASE)


# "on the Wednesday afternoon": the one day, told as the next part of a plan (not "on the Monday after ...")
_ON_THE = re.compile(r"\bon\s+the\s+\Z", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+(?:of|after|before|following|preceding|prior)\b", re.IGNORECASE)


def _r_weekday(c: _Ctx) -> PartialDate | None:
    g, doc = c.g, c.doc
    if doc is None or doc.precision is not Precision.DAY or not _capitalised(g["wd"]):
        return None
    wdr = _norm(g["wdr"])
    if g["wdp"] and wdr is None and _ONE_OF_MANY.search(c.text, max(0, c.start - 30), c.start) \
            and not (_ON_THE.search(c.text, max(0, c.start - 10), c.start) and not _OF_AFTER.match(c.text, c.end)):
        return None  # "the final Thursday afternoon of the visit", "every Monday morning": not one day told
    if wdr is None and not c.listed and not g["wdp"] and not _CORRESPONDENCE_OF.search(c.text, max(0, c.start - 40), c.start) \
            and c.cue not in ("on", "by", "until", "till", "before", "after", "since", "from",
                                                      "no later than", "not later than", "due", "due on", "due by"):
        return None
    target = _WEEKDAYS[g["wd"].lower()]
    mode = {"last": PAST, "next": FUTURE, "coming": FUTURE, "this": FUTURE}.get(wdr or "") or c.tense()
    if wdr == "last":
        c.direction = PAST
    elif wdr in ("next", "coming"):
        c.direction = FUTURE
    d = _weekday(doc.earliest(), target, mode)
    return c.make(d.year, d.month, d.day)


def _r_yesterday_tomorrow(c: _Ctx) -> PartialDate | None:
    if c.doc is None or c.doc.precision is not Precision.DAY:
        return None
    step = 1 if c.g["dayrel"].lower() == "tomorrow" else -1
    c.direction = FUTURE if step > 0 else PAST
    d = c.doc.earliest() + dt.timedelta(days=step)
    return c.make(d.year, d.month, d.day)


_AGE_STAMP = re.compile(r"\s*\([^()\n]{0,40}\)\s*")


def _r_ago(c: _Ctx) -> PartialDate | None:
    if c.doc is None:
        return None
    m, text = c.m, c.text
    line_start, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
    if _AGE_STAMP.fullmatch(text, line_start, len(text) if line_end < 0 else line_end):
        return None  # "(2 years, 3 months ago)" on a line of its own: a web page's age when it was saved
    c.direction = PAST
    return _shift(c.make, c.doc, _count(c.g["an"]), c.g["au"].lower(), -1)


def _r_day_span(c: _Ctx) -> PartialDate | None:
    g = c.g
    month, first, last = _month_of(g["dsm"]), int(g["ds1"]), int(g["ds2"])
    if month is None or not _capitalised(g["dsm"]) or last <= first:
        return None
    if g["dsy"]:
        year = int(g["dsy"])
    elif c.doc is not None:
        picked = _pick_year(_day_bounds(month, last), c.doc, c.tense())
        if picked is None:
            return None
        year = picked
    else:
        return None
    if not _valid(year, month, last):
        return None
    c.also(c.m.start("ds2"), c.end, c.make(year, month, last, q=None), "day-span")  # its last day, on its own
    return c.make(year, month, first, end_value=f"{year:04d}-{month:02d}-{last:02d}")


def _r_time_from_now(c: _Ctx) -> PartialDate | None:
    m, text = c.m, c.text
    if c.doc is None or (text[m.end() - 4:m.end()].lower() == "time"
                         and not re.search(r"\bin\s+$", text[max(0, m.start() - 4):m.start()], re.IGNORECASE)):
        return None  # "in two weeks' time"; "two weeks' time" alone is a length of time
    c.direction = FUTURE
    return _shift(c.make, c.doc, _count(c.g["hn"]), c.g["hu"].lower(), 1)


def _r_in_count(c: _Ctx) -> PartialDate | None:
    """ "I will reply in 10 days", "please respond in three weeks": from the document's date, when
    the clause looks ahead (not "in ten days we processed 300 claims")."""
    if c.doc is None or c.cue != "in" or c.mod is not None or c.tense() != FUTURE:
        return None
    c.direction = FUTURE
    return _shift(c.make, c.doc, _count(c.g["inn"]), c.g["inu"].lower(), 1)


def _r_day_of_month(c: _Ctx) -> PartialDate | None:
    doc = c.doc
    if doc is None or doc.month is None:
        return None
    rel = " ".join(c.g["dr"].lower().split())
    step = {"last": -1, "next": 1}.get(rel, 0)
    c.direction = PAST if step < 0 else FUTURE if step > 0 else None
    year, month = _add_months(doc.year, doc.month, step)
    return c.make(year, month, int(c.g["dd"]))


def _r_within(c: _Ctx) -> PartialDate | None:
    if c.doc is None or _COUNTED_FROM_ELSEWHERE.match(c.text, c.m.end()):
        return None  # "within a fortnight of completing it": from a day the text does not give
    c.direction = FUTURE
    count = _count(c.g["wn"]) if c.g["wn"] else 1
    return _shift(c.make, c.doc, count, _unit(c.g["wu"]), 1, q=Qualifier.BY)


def _unit(words: str) -> str:
    """ "calendar day", "clear day" -> "day"; "business day" -> "working day"."""
    words = " ".join(words.lower().split())
    if words.endswith(" day"):
        return "working day" if words.split()[0] in ("working", "business") else "day"
    return words


def _r_within_of_date(c: _Ctx) -> PartialDate | None:
    """ "within 28 days of 3 April 2021": the last day counted from the day written, which is a
    reference of its own too."""
    g = c.g
    month, day, year = _month_of(g["xm"]), int(g["xd"]), int(g["xy"])
    if month is None or not _capitalised(g["xm"]) or not _valid(year, month, day):
        return None
    written = PartialDate.of(year, month, day)
    unit = _unit(f"{g['xk'] or ''} {g['xu']}")
    date = _shift(c.make, written, _count(g["xn"]), unit, 1, q=Qualifier.BY)
    c.also(c.m.start("xdate"), c.m.end("xdate"), PartialDate.of(year, month, day), "day-month-year",
           PAST)  # the day counted from: no day to work to
    return date


def _r_day_list(c: _Ctx) -> PartialDate | None:
    """ "6 and 7 November 2018", "on 2, 8 and 15 July": each day its own reference, in the month and
    year written once; each spans from its day to the month (or year) they share."""
    g, m = c.g, c.m
    month = _month_of(g["dlm"])
    if month is None or not _capitalised(g["dlm"]) or _NUMBERED.search(c.text, max(0, m.start() - 16), m.start()) \
            or _NUMBERED_MANY.search(c.text, max(0, m.start() - 20), m.start()):
        return None  # "paragraphs 4 and 5 May ..." is no list of days
    if g["dlm"].lower() == "may" and not g["dly"] and _MAY_AUXILIARY.match(c.text, m.end()):
        return None  # "4 and 5 May be read together"
    if _PLACE_AFTER.match(c.text, m.end()):
        return None  # "3 and 5 March Street"
    days = [(int(d.group()), d.start()) for d in re.finditer(r"\d+", c.text[m.start():m.start("dlm")])]
    days = [(n, m.start() + at) for n, at in days]
    if len({n for n, _at in days}) != len(days) or [n for n, _at in days] != sorted(n for n, _at in days):
        return None  # days in a list run forward
    last = days[-1][0]
    year = int(g["dly"]) if g["dly"] else None
    if year is None:
        if c.doc is None:
            return None
        year = _pick_year(_day_bounds(month, last), c.doc, c.tense())
        if year is None:
            return None
    first = c.make(year, month, days[0][0])
    for n, at in days[1:]:
        c.also(at, c.end, c.make(year, month, n), "day-list")
    return first


def _r_month_day_span(c: _Ctx) -> PartialDate | None:
    """ "June 3-5, 2014": the first day, with the last as a bound and as a reference of its own."""
    g = c.g
    month, first, last = _month_of(g["mspm"]), int(g["msp1"]), int(g["msp2"])
    if month is None or not _capitalised(g["mspm"]) or last <= first:
        return None
    if not g["mspy"] and c.cue is None and not _CLOSES.match(c.text, c.m.end()):
        return None  # "June 3-5 people came": a year, a cue or a stop is needed
    if g["mspy"]:
        year = int(g["mspy"])
    elif c.doc is not None:
        picked = _pick_year(_day_bounds(month, last), c.doc, c.tense())
        if picked is None:
            return None
        year = picked
    else:
        return None
    if not _valid(year, month, last):
        return None
    c.also(c.m.start("msp2"), c.end, c.make(year, month, last, q=None), "month-day-span")
    return c.make(year, month, first, end_value=f"{year:04d}-{month:02d}-{last:02d}")


def _r_weekend(c: _Ctx) -> PartialDate | None:
    """ "last weekend", "this weekend", "over the weekend": the Saturday and Sunday nearest as told."""
    doc = c.doc
    if doc is None or doc.precision is not Precision.DAY:
        return None
    rel = c.g["wer"].lower()
    if rel == "the" and c.cue not in ("over", "at", "during", "by", "until", "after", "since"):
        return None  # "the weekend rota": no point in time
    mode = {"last": PAST, "next": FUTURE, "coming": FUTURE}.get(rel)
    if mode is None:  # "this weekend", "over the weekend": as the clause tells, else the coming one
        mode = c.tense() or FUTURE
    c.direction = mode if mode in (PAST, FUTURE) else None
    base = doc.earliest()
    if rel in ("this", "the") and base.weekday() >= 5:
        saturday = base - dt.timedelta(days=base.weekday() - 5)  # written at the weekend: this one
    else:
        saturday = _weekday(base, _WEEKDAYS["saturday"], mode)
        if mode == PAST and rel == "last" and base.weekday() == 6:
            saturday -= dt.timedelta(days=7)  # on a Sunday, "last weekend" is the one before
    sunday = saturday + dt.timedelta(days=1)
    return c.make(saturday.year, saturday.month, saturday.day, end_value=sunday.isoformat())


def _r_weekday_of(c: _Ctx) -> PartialDate | None:
    """ "Tuesday's meeting": the weekday nearest the document's day, as the clause's tense tells."""
    doc = c.doc
    if doc is None or doc.precision is not Precision.DAY or not _capitalised(c.g["wpos"]):
        return None
    d = _weekday(doc.earliest(), _WEEKDAYS[c.g["wpos"].lower()], c.tense())
    return c.make(d.year, d.month, d.day)


def _r_today(c: _Ctx) -> PartialDate | None:
    """ "today", "tonight", "today's meeting": the document's day (not "the Today programme")."""
    doc, word = c.doc, c.g["td"]
    if doc is None or doc.precision is not Precision.DAY:
        return None
    if word[0].isupper() and not _starts_sentence(c.text, c.sentence, c.m.start()):
        return None  # a title mid-sentence
    if word.lower() == "today" and c.mod != "later":
        c.direction = PAST  # the day of writing: what it tells of is done, not a day to work to
    elif c.mod == "later":
        c.direction = None  # "later today": still to come on the day of writing, as the clause's tense tells
    d = doc.earliest()
    return c.make(d.year, d.month, d.day)


def _r_part_of_day(c: _Ctx) -> PartialDate | None:
    """ "this morning", "last night", "yesterday afternoon": the document's day or the one next to it."""
    doc = c.doc
    if doc is None or doc.precision is not Precision.DAY:
        return None
    rel, part = c.g["pdr"].lower(), c.g["pd"].lower()
    if rel == "last" and part != "night" and part != "evening":
        return None  # "last morning" is no day
    step = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    c.direction = PAST if step < 0 or (step == 0 and part in ("morning", "afternoon")) \
        else FUTURE if step > 0 else None  # "this morning" has gone by when the letter is written
    d = doc.earliest() + dt.timedelta(days=step)
    return c.make(d.year, d.month, d.day)


def _r_ordinal_day(c: _Ctx) -> PartialDate | None:
    """ "on the 19th", once the text has given the day ("the meeting on the 9th December ... on the 9th")
    or a month in the same sentence ("in May, on the 3rd and the 19th")."""
    if c.cue not in _DAY_CUES:
        return None
    day = int(c.g["od"])
    for hit in reversed(c.hits):
        if hit.start < c.start - 3000:
            break  # too far back to be the day meant
        if hit.date.precision is Precision.DAY and hit.date.end_value is None and hit.date.day == day:
            d = hit.date
            return c.make(d.year, d.month, day)
    for hit in reversed(c.hits):
        if hit.start < c.sentence.start:
            break
        if hit.date.month is not None and hit.date.end_value is None:
            return c.make(hit.date.year, hit.date.month, day)
    return None


def _r_year_noun(c: _Ctx) -> PartialDate | None:
    """ "the 2007 audit", "his 2015 review": the year of what the noun names."""
    c.start = c.m.start("yn")
    if _LEGISLATION.search(c.text, max(0, c.start - 20), c.start):
        return None
    c.direction = PAST  # a year that names a thing ("the 2007 audit") is no day to work to
    first, last = int(c.g["yn"]), int(c.g["yn2"] or 0)
    if c.g["yn2"] and last <= first:
        return None
    return c.make(first, end_value=f"{last:04d}" if last else None)


# the words a financial year written with a dash follows ("for 2019-20", "the 2019-20 season", "Report 2019-20")
_FINANCIAL_BEFORE = re.compile(r"\b(?:for|the|of|in|during|financial|fiscal|academic|year|years|its|their|our|this"
                               r"|next|last|report|accounts|budget|plan|statement|review|programme|strategy)\s+\Z",
                               re.IGNORECASE)
# a noun after it: "2019-20 season", "2017/2018 Annual Report" (not "in the final", "and")
_NOUN_AFTER = re.compile(r"\s+(?!(?:in|on|at|to|and|or|with|by|from|against|the|a|an|of|for|was|were|is|are|but|now|then|here|there|again|today)\b)"
                         r"[A-Za-z]{3,}")
# a place named after a day and month: "5 March Street"
_PLACE_AFTER = re.compile(r"\s+(?:Street|St|Road|Rd|Lane|Avenue|Close|Drive|Way|Court|Place|House|Hall|Square"
                          r"|Gardens|Terrace|Crescent|Park)\b")


def _r_financial_year(c: _Ctx) -> PartialDate | None:
    """ "2021/22", "2021-22", "2021-2022": a financial or academic year, the two years it spans."""
    first = int(c.g["fa"])
    if _fiscal_year(c.g["fa"], "/" + c.g["fb"]) != first:
        return None  # "2019-22", "2014/2018": not one year to the next
    if c.cue is None and (_NUMBERED.search(c.text, max(0, c.m.start() - 16), c.m.start())
                          or re.search(r"\d\s*\Z", c.text[max(0, c.m.start() - 3):c.m.start()])):
        return None  # "clause 2019-20", "01234 2019-20": numbers
    if c.cue is None and c.text[c.m.end("fa")] != "/" \
            and not _FINANCIAL_BEFORE.search(c.text, max(0, c.m.start() - 24), c.m.start()) \
            and not _NOUN_AFTER.match(c.text, c.m.end()):
        return None  # "the match ended 2019-20", "he scored 2012-13 in the final": a score
    if c.cue is None:
        c.direction = PAST  # a year that names a thing ("the 2016/17 contract") is no day to work to
    return c.make(first, end_value=f"{first + 1:04d}")


def _starts_sentence(text: str, sentence: Span, at: int) -> bool:
    before = text[max(sentence.start, at - 3):at]
    return at <= sentence.start or not before.strip() or before.rstrip()[-1:] in "\"'‘“(\n:"


# -- the table of date rules ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DateRule:
    """One kind of dated reference: its pattern (with groups of its own), the resolver that turns a
    match into a date, and the words the scanner looks for before trying it.

    `anchors`: the starts of words one of which every match holds (digits are always anchors);
    `leads`: words a match may open with before its anchor ("the 3rd of", "last November").
    The table's order is the order in which the rules are tried at one place.
    """

    name: str
    pattern: str
    resolve: Callable[[_Ctx], PartialDate | None]
    anchors: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


_MONTH_ANCHORS = MONTH_ABBREVIATIONS
_WEEKDAY_ANCHORS = WEEKDAY_ABBREVIATIONS
_REL_WORDS = ("this", "next", "last", "coming")
_UNIT_ANCHORS = ("day", "week", "fortnight", "month", "year")
_COUNT_LEADS = ("a", "an", "couple", *_NUMBER_WORDS)

RULES: tuple[DateRule, ...] = (
    DateRule("day-span", _P_DAY_SPAN, _r_day_span, leads=("between",),
             examples=("between 7 and 18 March", "7-18 March 2022", "7 to 18 March")),
    DateRule("day-list", _P_DAY_LIST, _r_day_list, leads=("the",),
             examples=("on 4 and 5 October 2018", "on 2, 8 and 15 July", "the 3rd and 17th of June 2010")),
    DateRule("month-day-span", _P_MONTH_DAY_SPAN, _r_month_day_span, _MONTH_ANCHORS,
             examples=("on June 3-5, 2014", "from March 10 to 12")),
    DateRule("day-month-year", _P_DAY_MONTH_YEAR, _r_day_month_year, _WEEKDAY_ANCHORS, ("the",),
             examples=("Friday 3 March 2023", "the 3rd of March", "14 September", "the 3rd day of March 2014")),
    DateRule("month-day-year", _P_MONTH_DAY_YEAR, _r_month_day_year, _MONTH_ANCHORS + _WEEKDAY_ANCHORS,
             examples=("March 3rd, 2014", "Friday, March 3, 2023", "on March 3")),
    DateRule("numeric-date", _P_NUMERIC_DATE, _r_numeric_date, examples=("22/07/2014", "22.07.2014", "22-07-14")),
    DateRule("iso-date", _P_ISO_DATE, _r_iso_date, examples=("2014-07-22",)),
    DateRule("month-year", _P_MONTH_YEAR, _r_month_year, _MONTH_ANCHORS, examples=("December 2013",)),
    DateRule("quarter", _P_QUARTER, _r_quarter, ("q1", "q2", "q3", "q4"), examples=("Q3 2014", "Q4 2021/22")),
    DateRule("quarter-words", _P_QUARTER_WORDS, _r_quarter_words, ("quarter",), ("the",),
             examples=("the third quarter of 2014", "the first quarter of next year")),
    DateRule("financial-year-words", _P_FINANCIAL_REL, _r_financial_rel, ("financial", "fiscal", "academic", "school"),
             ("the", "this", "next", "last", "coming", "current"),
             examples=("next financial year", "the current academic year")),
    DateRule("relative-unit", _P_RELATIVE_UNIT, _r_relative_unit, ("week", "month", "year", "quarter"),
             ("the", "this", "next", "last", "previous", "coming", "current"),
             examples=("last year", "this month", "the coming year")),
    DateRule("season", _P_SEASON, _r_season, ("spring", "summer", "autumn", "winter"), (*_REL_WORDS, "the"),
             examples=("summer 2014", "next spring", "in the autumn")),
    DateRule("month-name", _P_MONTH_NAME, _r_month_name, _MONTH_ANCHORS, _REL_WORDS,
             examples=("last November", "in July")),
    DateRule("weekday-of", _P_WEEKDAY_OF, _r_weekday_of, _WEEKDAY_ANCHORS, examples=("after Tuesday's meeting",)),
    DateRule("weekday", _P_WEEKDAY, _r_weekday, _WEEKDAY_ANCHORS, _REL_WORDS, examples=("next Friday", "on Monday")),
    DateRule("following-unit", _P_FOLLOWING_UNIT, _r_following_unit, ("following",), ("the",),
             examples=("the following week", "on the following day")),
    DateRule("new-year", _P_NEW_YEAR, _r_new_year, ("year",), ("the",), examples=("in the new year",)),
    DateRule("feast-day", _P_FEAST_DAY, _r_feast_day, ("christmas", "easter"), _REL_WORDS,
             examples=("before Christmas", "by Easter 2015", "last Christmas")),
    DateRule("part-of-day", _P_PART_OF_DAY, _r_part_of_day, ("morning", "afternoon", "evening", "night"),
             ("this", "last", "yesterday", "tomorrow"), examples=("this morning", "last night", "yesterday afternoon")),
    DateRule("weekend", _P_WEEKEND, _r_weekend, ("weekend",), (*_REL_WORDS, "the"),
             examples=("last weekend", "over the weekend")),
    DateRule("today", _P_TODAY, _r_today, ("today", "tonight"), examples=("today", "at today's meeting")),
    DateRule("yesterday-tomorrow", _P_YESTERDAY_TOMORROW, _r_yesterday_tomorrow, ("yesterday", "tomorrow"),
             examples=("yesterday", "tomorrow")),
    DateRule("ago", _P_AGO, _r_ago, _UNIT_ANCHORS, _COUNT_LEADS, examples=("two weeks ago", "a year ago")),
    DateRule("time-from-now", _P_TIME_FROM_NOW, _r_time_from_now, _UNIT_ANCHORS, _COUNT_LEADS,
             examples=("in two weeks' time", "three months from now")),
    DateRule("in-count", _P_IN_COUNT, _r_in_count, _UNIT_ANCHORS, _COUNT_LEADS,
             examples=("and will act in 10 days", "and will reply in a fortnight")),
    DateRule("day-of-month", _P_DAY_OF_MONTH, _r_day_of_month, leads=("the",),
             examples=("the 4th of this month", "the 20th of last month")),
    DateRule("within-of-date", _P_WITHIN_OF_DATE, _r_within_of_date, ("within",),
             examples=("within 28 days of 3 April 2021",)),
    DateRule("within", _P_WITHIN, _r_within, ("within", *_UNIT_ANCHORS), _COUNT_LEADS,
             examples=("within 28 days", "within the next two weeks", "within 30 calendar days")),
    DateRule("the-unit", _P_THE_UNIT, _r_the_unit, ("year", "month", "week", "quarter"), ("the",),
             examples=("by the end of the year",)),
    DateRule("ordinal-day", _P_ORDINAL_DAY, _r_ordinal_day, leads=("the",)),
    DateRule("year-noun", _P_YEAR_NOUN, _r_year_noun,
             leads=("the", "its", "his", "her", "their", "our", "your", "my", "this", "that"),
             examples=("in the 2007 audit", "after his 2015 review")),
    DateRule("financial-year", _P_FINANCIAL_YEAR, _r_financial_year, examples=("for 2021/22", "in 2021-22")),
    DateRule("decade", _P_DECADE, _r_decade, leads=("the", "early", "mid", "late"),
             examples=("in the 1990s", "the early 2000s", "since the mid-1980s")),
    DateRule("bare-year", _P_BARE_YEAR, _r_bare_year, examples=("in 2014", "by the end of 2015")),
)


def _group(rule: DateRule) -> str:
    return "R_" + rule.name.replace("-", "_")


_RULE_OF = {_group(rule): rule for rule in RULES}
_SCANNER = re.compile("|".join(f"(?P<{_group(rule)}>{rule.pattern})" for rule in RULES), re.IGNORECASE)
_ALL_ANCHORS = {word for rule in RULES for word in rule.anchors}
# a word another anchor starts ("month" after "mon", "weekend" after "week") is found with it: one pass fewer
_ANCHOR_WORDS = tuple(sorted(w for w in _ALL_ANCHORS if not any(w != a and w.startswith(a) for a in _ALL_ANCHORS)))
_LEAD_WORDS = frozenset(word for rule in RULES for word in rule.leads)


def _resolve(text: str, m: re.Match[str], pre: _Prefix, sentence: Span,
             doc: PartialDate | None, hits: list[_Hit], *, listed: bool = False) -> list[_Hit]:
    """The references the rule that matched reads there (most often one), after `hits`; `listed` when
    it follows another one ("in January and February")."""
    rule = _RULE_OF[m.lastgroup or ""]
    c = _Ctx(text, m, pre, sentence, doc, listed, hits)
    date = rule.resolve(c)
    if date is None:
        return c.extra
    return sorted([_Hit(c.start, c.end, date, c.cue, c.direction, c.rule or rule.name), *c.extra],
                  key=lambda h: (h.start, -h.end))


def _weekday_of(word: str | None) -> int | None:
    if not word:
        return None
    key = word.lower().rstrip(".")[:3]
    return next((i for name, i in _WEEKDAYS.items() if name.startswith(key)), None)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _may_is_verb(text: str, end: int) -> bool:
    """ "May I", "May we": the verb, not the month."""
    return _MAY_VERB.match(text, end) is not None


def _count(word: str) -> int:
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 1)


def _fiscal_year(first: str | None, second: str | None) -> int | None:
    """The first calendar year of a financial year written "2021/22" or "2021-2022", if it is one."""
    if not first or not second:
        return None
    start, end = int(first), int(second[1:])
    return start if end in (start + 1, (start + 1) % 100) else None


def _range_date(make: Callable[..., PartialDate | None], year: int, first: int, last: int,
                qualifier: Qualifier | None) -> PartialDate | None:
    end_year = year + 1 if last < first else year
    if qualifier in (Qualifier.BY, Qualifier.BEFORE, Qualifier.EARLY):
        return make(year, first, q=qualifier)
    if qualifier in (Qualifier.END, Qualifier.LATE, Qualifier.AFTER):
        return make(end_year, last, q=qualifier)
    if qualifier is Qualifier.MID:
        mid_year, mid_month = _add_months(year, first, 1)
        return make(mid_year, mid_month, q=None)
    return make(year, first, end_value=f"{end_year:04d}-{last:02d}")


def _relative(make: Callable[..., PartialDate | None], doc: PartialDate, unit: str, step: int, mod: str | None,
              qualifier: Qualifier | None) -> PartialDate | None:
    if mod == "earlier":
        qualifier = None if qualifier is Qualifier.EARLY else qualifier
    if unit == "year":
        year = doc.year + step
        if qualifier is Qualifier.END:
            return make(year, 12, q=Qualifier.END)
        return make(year, q=qualifier)
    if unit == "quarter":
        if doc.month is None:
            return None
        quarter = (doc.month - 1) // 3 + step
        year, first = _add_months(doc.year, 1, 3 * quarter)
        _last_year, last = _add_months(year, first, 2)
        return _range_date(make, year, first, last, qualifier)
    if unit == "month":
        if doc.month is None:
            return None
        year, month = _add_months(doc.year, doc.month, step)
        return make(year, month)
    # a week: needs the document's day
    if doc.precision is not Precision.DAY:
        return None
    base = doc.earliest()
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
    if qualifier in (Qualifier.BY, Qualifier.BEFORE, Qualifier.AFTER):
        return make(monday.year, monday.month, monday.day)
    if qualifier is Qualifier.END:
        friday = monday + dt.timedelta(days=4)
        return make(friday.year, friday.month, friday.day, q=Qualifier.BY)
    sunday = monday + dt.timedelta(days=6)
    return make(monday.year, monday.month, monday.day, end_value=sunday.isoformat())


def _shift(make: Callable[..., PartialDate | None], doc: PartialDate, count: int, unit: str, sign: int,
           q: Qualifier | None = None) -> PartialDate | None:
    if unit in ("month", "year"):
        months = count * (12 if unit == "year" else 1) * sign
        if doc.month is None:
            return make(doc.year + months // 12, q=q) if unit == "year" else None
        year, month = _add_months(doc.year, doc.month, months)
        if unit == "year" and doc.precision is Precision.YEAR:
            return make(year, q=q)
        return make(year, month, q=q)
    if doc.precision is not Precision.DAY:
        if doc.month is None:
            return None
        days = {"day": 1, "working day": 1, "week": 7, "fortnight": 14}[unit] * count
        year, month = _add_months(doc.year, doc.month, round(days / 30) * sign)
        return make(year, month, q=q)
    base = doc.earliest()
    if unit == "working day":
        d, left = base, count
        while left > 0:
            d += dt.timedelta(days=sign)
            if d.weekday() < 5:
                left -= 1
    else:
        d = base + dt.timedelta(days=sign * count * {"day": 1, "week": 7, "fortnight": 14}[unit])
    return make(d.year, d.month, d.day, q=q)


def _weekday(base: dt.date, target: int, mode: str | None) -> dt.date:
    ahead = (target - base.weekday()) % 7 or 7
    behind = (base.weekday() - target) % 7 or 7
    if mode == PAST:
        return base - dt.timedelta(days=behind)
    if mode == FUTURE:
        return base + dt.timedelta(days=ahead)
    return base + dt.timedelta(days=ahead) if ahead <= behind else base - dt.timedelta(days=behind)


# -- role -----------------------------------------------------------------------------------------
def _role(text: str, hit: _Hit, sentence: Span, doc: PartialDate | None) -> DateRole:
    """DEADLINE or EVENT: the first of the named rules in `deadline_rules.ROLE_RULES` that fires decides."""
    from dossier.analysis import deadline_rules  # it reads this module's vocabulary: imported once it exists

    case = deadline_rules.Case(text, hit.start, hit.end, hit.date, hit.cue, hit.direction, sentence, doc)
    return deadline_rules.decide(case)[0]


def _still_ahead(date: PartialDate, doc: PartialDate) -> bool:
    """Whether a "by" date ends more than a week after the document's date (however its sentence
    tells of it, a request made earlier for then is still open)."""
    end = date.latest()
    if date.precision is Precision.MONTH and date.qualifier in (Qualifier.EARLY, Qualifier.MID):
        end = end.replace(day=10 if date.qualifier is Qualifier.EARLY else 20)
    return end > doc.latest() + dt.timedelta(days=7)


def _states(text: str, sentence: Span, i: int) -> bool:
    """A modal that only tells how things will be ("the office will be closed", "a chair will be appointed"):
    a scheduled state or event, not something someone is to do by then."""
    starts, ends, _cues = _sentence_cues(text, sentence.start, sentence.end)
    words = [text[starts[k]:ends[k]].lower() for k in range(i, min(i + 3, len(starts)))]
    if len(words) >= 2 and words[0] == "to":  # "expected to take place in June", "to occur", "to be held"
        return (words[1] in ("happen", "occur") or (len(words) == 3 and (words[1], words[2]) in
                                                     (("take", "place"), ("be", "held"), ("be", "dissolved"),
                                                      ("be", "abolished"), ("be", "replaced"))))
    if len(words) < 2 or words[0] not in _MODALS:
        return False
    if words[1] in _HAPPENINGS:
        return True  # "the rules will come into force", "the scheme will end"
    return len(words) == 3 and words[1] == "be" and not words[2].endswith("ing")

