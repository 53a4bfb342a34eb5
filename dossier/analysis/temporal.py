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

from dossier.analysis.dates import MONTHS, parse_date_line
from dossier.analysis.sentences import SentenceIndex, Span
from dossier.domain.dates import PartialDate, Precision, Qualifier
from dossier.domain.findings import DateFound, DateRole

PAST, FUTURE = "past", "future"
AHEAD = "ahead"  # a day something is to be done by, told in any tense: the next one, unless it has just gone
HEAD_LINES = 25  # how far down a letterhead's date line may stand

# -- the patterns ---------------------------------------------------------------------------------
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_MONTH_FULL = r"(?:january|february|march|april|may|june|july|august|september|sept|october|november|december)\b"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
_WEEKDAY_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:19|20)\d\d"
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2}
_COUNT = r"(?:a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"

_CORE = re.compile(
    "|".join((
        # between 7 and 18 March, 7-18 March 2022, 7 to 18 March ("and" only after "between")
        rf"(?P<dspan>(?<![\w/.\-£$€])(?:(?P<dsb>between)\s+)?(?P<ds1>{_DAYNUM})(?:st|nd|rd|th)?"
        rf"(?:\s*[-–—]\s*|\s+(?:to|until|till)\s+|(?(dsb)\s+and\s+|(?!)))"
        rf"(?P<ds2>{_DAYNUM})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<dsm>{_MONTH})(?:,?\s+(?P<dsy>{_YEAR})(?![\w/]))?)",
        # Friday 3 March 2023 / the 3rd of March / 14 September
        rf"(?P<dmy>(?<![\w/.\-£$€])(?:(?P<wd1>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d1>{_DAYNUM})(?:st|nd|rd|th)?"
        rf"(?:\s+of)?\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR})(?![\w/]))?)",
        # March 3rd, 2014 / Friday, March 3, 2023 (a suffix or a year is needed)
        rf"(?P<mdy>(?:(?P<wd2>{_WEEKDAY}),?\s+)?(?P<m2>{_MONTH})\s+(?P<d2>{_DAYNUM})"
        rf"(?:(?:st|nd|rd|th)\b(?:,?\s+(?P<y2a>{_YEAR})\b)?|,?\s+(?P<y2>{_YEAR})\b|(?P<bare>)(?!\w|[.:/]\d)))",
        # 22/07/2014, 22.07.2014, 22-07-14, 2014-07-22
        rf"(?P<num>(?<![\w/.\-:£$€])(?P<nd>[0-3]?\d)(?P<ns>[/.\-])(?P<nm>[01]?\d)(?P=ns)(?P<ny>{_YEAR}|\d\d)"
        r"(?![\w/\-]|[.:]\d))",
        rf"(?P<iso>(?<![\w/.\-])(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\w/\-]))",
        # December 2013
        rf"(?P<my>(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR})(?![\w/]|[-–]\d))",
        # Q3 2014, Q3
        rf"(?P<q>\bQ(?P<qn>[1-4])\b(?:\s*(?:of\s+)?(?P<qy>{_YEAR})(?P<qfy>[/\-–](?:\d\d){{1,2}})?\b)?)",
        rf"(?P<qw>(?:the\s+)?(?P<qo>first|second|third|fourth|final)\s+quarter\b"
        rf"(?:\s+of\s+(?:(?P<qwy>{_YEAR})(?P<qwfy>[/\-–](?:\d\d){{1,2}})?\b|(?P<qwr>this|next|last|the)\s+year\b))?)",
        # last year, this month, next week, the coming year, the previous month
        r"(?P<rel>(?:(?P<rthe>the)\s+)?(?P<rw>this|next|last|previous|coming|current)\s+"
        r"(?P<ru>week|month|year|quarter)\b)",
        # summer 2014, next spring, the autumn
        rf"(?P<season>(?:(?P<srel>this|next|last|the|coming)\s+)?(?P<sn>spring|summer|autumn|winter)\b"
        rf"(?:\s+(?:of\s+)?(?P<sy>{_YEAR})\b)?)",
        # last November, next March, in July
        rf"(?P<mon>(?:(?P<mrel>last|next|this|coming)\s+)?(?P<m4>{_MONTH_FULL}))",
        # next Friday, on Monday
        rf"(?P<wday>(?:(?P<wdr>next|last|this|coming)\s+)?(?P<wd>{_WEEKDAY_FULL}))",
        r"(?P<newyear>\bthe\s+new\s+year\b)",
        # before Christmas, by Easter 2015, last Christmas
        rf"(?P<feast>\b(?:(?P<frel>this|next|last|coming)\s+)?(?P<fn>christmas|easter)\b"
        rf"(?:\s+(?P<fd>Day|Eve|Sunday|Monday)\b)?(?:\s+(?P<fy>{_YEAR})\b)?)",
        r"(?P<dayrel>\b(?:yesterday|tomorrow)\b)",
        rf"(?P<ago>\b(?P<an>{_COUNT})\s+(?P<au>day|week|fortnight|month|year)s?\s+ago\b)",
        # in two weeks' time, three months from now
        rf"(?P<ahead>\b(?P<hn>{_COUNT})\s+(?P<hu>day|week|fortnight|month|year)s?(?:['’]s?)?"
        r"\s+(?:time\b|from\s+(?:now|today)\b))",
        # the 4th of this month, the 20th of last month
        rf"(?P<dom>\b(?:the\s+)?(?P<dd>{_DAYNUM})(?:st|nd|rd|th)\s+of\s+(?P<dr>this|last|next|the\s+month)\b"
        r"(?:\s+month\b)?)",
        rf"(?P<within>\bwithin\s+(?:the\s+(?:next|coming)\s+)?(?:(?P<wn>{_COUNT})\s+)?"
        r"(?P<wu>working\s+day|day|week|fortnight|month|year)s?\b)",
        # the year / the month (only after "end of", "beginning of" ...)
        r"(?P<unit>\bthe\s+(?P<tu>year|month|week|quarter)\b)",
        rf"(?P<year>(?<![\w/£$€.])(?<!\d[-–])(?P<yy>{_YEAR})(?![\w/%]|[-–]\d|\.\d))",
    )),
    re.IGNORECASE,
)

# Every reference holds a digit or one of these words: the full pattern is tried only around them.
_ANCHOR_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue",
                 "wed", "thu", "fri", "sat", "sun", "spring", "summer", "autumn", "winter", "quarter", "week",
                 "month", "year", "yesterday", "tomorrow", "within", "fortnight", "q1", "q2", "q3", "q4",
                 "christmas", "easter", "day")
_DIGITS = re.compile(r"\d+")
_BACK = 26  # how far before an anchor a reference may start ("a couple of weeks ago", "the previous month")
_LEAD_WORD = re.compile(r"\b\w+")
# the words a reference may open with before its anchor ("the 3rd of", "last November", "a year ago")
_LEAD_WORDS = frozenset({"between", "the", "this", "next", "last", "previous", "coming", "current", "a", "an", "couple",
                         *_NUMBER_WORDS})


def _anchors(text: str) -> list[int]:
    """Offsets of digit runs and of anchor words (at a word's start); str.find is much faster than a regex."""
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
    """_CORE's leftmost matches, tried only at the words that may open one near each anchor.

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
            m = _CORE.match(text, w.start())
            if m is not None and m.end() > anchor:
                out.append(m)
                last_end = m.end()
                break
    return out




_CUES = (r"no\s+later\s+than|not\s+later\s+than|no\s+earlier\s+than|not\s+earlier\s+than|not\s+before"
         r"|on\s+or\s+before|on\s+or\s+after|prior\s+to|ahead\s+of|in\s+advance\s+of|up\s+to(?:\s+and\s+including)?"
         r"|as\s+of|as\s+at|scheduled\s+for|planned\s+for|due(?:\s+(?:on|by|in))?|by|before|after|until|till"
         r"|since|from|in|on|during|around|about|circa|approximately|roughly|c\.|ca\.|throughout|over|at|between")
_TIME = r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[:.]\d{2}|noon|midday|midnight|close\s+of\s+(?:business|play))"
_MODS = (r"(?:the\s+)?(?:very\s+)?(?P<modw>end|close|beginning|start|middle|turn|first\s+half|second\s+half"
         r"|(?:first|second|third|fourth|last)\s+week|latter\s+part|early\s+part)\s+of\s+(?:the\s+month\s+of\s+)?"
         r"|(?P<moda>early|earlier|mid|middle|late|later|end)(?:\s+|-\s*)(?:in\s+)?")
_PREFIX = re.compile(
    rf"(?<![\w'’.])(?:(?P<cue>{_CUES})\s+)?(?:(?P<time>{_TIME})\s+(?:on\s+)?)?(?:{_MODS})?\Z",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"([\w.]+)(?:\s+|-\s*)\Z")
# the last word of every prefix: of a cue ("no later than"), a time ("5pm on") or a modifier ("the end of")
_PREFIX_ENDINGS = frozenset({
    "than", "before", "after", "to", "of", "including", "at", "by", "until", "till", "since", "from", "in", "on",
    "during", "around", "about", "circa", "approximately", "roughly", "c.", "ca.", "throughout", "over", "between",
    "due", "for", "am", "pm", "a.m.", "p.m.", "noon", "midday", "midnight", "business", "play", "early",
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
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]–—]|\s-\s|\b(?:but|while|whilst|whereas|although|though|because)\b"
    r"|\band\s+(?=(?:the|their|his|her|its|our|your|my|we|I|you|he|she|they|it|this|that|these|those)\b)")

_BY_CUES = frozenset({"by", "no later than", "not later than", "on or before", "up to and including", "due",
                      "due on", "due by", "due in", "within"})
_BEFORE_CUES = frozenset({"before", "prior to", "ahead of", "in advance of", "until", "till", "up to"})
_AFTER_CUES = frozenset({"after", "since", "no earlier than", "not earlier than", "not before", "on or after"})
_ABOUT_CUES = frozenset({"around", "about", "circa", "approximately", "roughly", "c.", "ca."})
_YEAR_CUES = frozenset({"in", "during", "since", "by", "until", "till", "before", "after", "from", "throughout",
                        "around", "circa", "c.", "ca.", "no later than", "not later than", "prior to", "over",
                        "between", "as of", "as at", "due", "due in", "due by", "ahead of", "about"})
_MOD_QUALIFIER = {"end": Qualifier.END, "close": Qualifier.END, "turn": Qualifier.END, "last week": Qualifier.END,
                  "second half": Qualifier.LATE, "latter part": Qualifier.LATE, "beginning": Qualifier.EARLY,
                  "start": Qualifier.EARLY, "first week": Qualifier.EARLY, "first half": Qualifier.EARLY,
                  "second week": Qualifier.MID, "third week": Qualifier.MID, "fourth week": Qualifier.LATE,
                  "early part": Qualifier.EARLY, "early": Qualifier.EARLY, "mid": Qualifier.MID,
                  "middle": Qualifier.MID, "late": Qualifier.LATE}
_WEEKDAYS = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                               "sunday"))}
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
    mod = _norm(m.group("modw") or m.group("moda"))
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
        b = bounds(year)
        if b is not None:
            options.append((year, b[0], b[1]))
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
    brk = _CLAUSE_BREAK.search(text, end, sentence.end)
    if brk:
        clause_end = brk.start()
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
    """Lines that are the document's own date: alone on a line near the top, or labelled."""
    out = []
    for n, line in enumerate(_LINE.finditer(text)):
        if n > 60:
            break
        s = line.group()
        if len(s) > 70:
            continue
        if (n < HEAD_LINES and parse_date_line(s) is not None) or (_LABEL_LINE.match(s) and parse_date_line(s)):
            out.append((line.start(), line.end()))
    return out


# -- the finder -----------------------------------------------------------------------------------
@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    date: PartialDate
    cue: str | None
    direction: str | None  # fixed by the words themselves ("last", "next", "ago"), else None


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
        hit = _resolve(text, m, pre, sentence, document_date, listed=listed)
        if hit is not None:
            hits.append(hit)
    hits = _join_ranges(text, hits)
    out: list[DateFound] = []
    for hit in hits:
        sentence = index.at(hit.start)
        role = _role(text, hit, sentence, document_date)
        lo, hi = _clause_of(text, sentence, hit, hits)
        words = " ".join(text[lo:hi].split()).strip(" ,;")
        out.append(DateFound(
            text=" ".join(text[hit.start:hit.end].split()), start=hit.start, end=hit.end, date=hit.date,
            role=role, sentence=words[:1].upper() + words[1:] if lo > sentence.start else words,
            sentence_start=sentence.start, sentence_end=sentence.end))
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
                out.append(_Hit(hit.start, nxt.end, date, hit.cue, hit.direction))
                i += 2
                continue
        out.append(hit)
        i += 1
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


def _resolve(text: str, m: re.Match[str], pre: _Prefix, sentence: Span,
             doc: PartialDate | None, *, listed: bool = False) -> _Hit | None:
    """One reference resolved; `listed` when it follows another one ("in January and February")."""
    g = m.groupdict()
    kind = m.lastgroup
    for name in ("dspan", "dmy", "mdy", "num", "iso", "my", "q", "qw", "rel", "season", "mon", "wday", "newyear", "feast",
                 "dayrel", "ago", "ahead", "dom", "within", "unit", "year"):
        if g.get(name) is not None:
            kind = name
            break
    start, end = pre.start, m.end()
    month_word, month_rel = (g["m4"], _norm(g["mrel"])) if kind == "mon" else (None, None)
    if kind == "mdy" and g["bare"] is not None and not g["wd2"] and pre.cue not in _DAY_CUES \
            and not _CLOSES.match(text, m.end()):
        # "March 3" needs a cue or a stop after it; "in March 15 schools closed" is a month
        kind, month_word, end = "mon", g["m2"], m.start("d2")
        while end > start and text[end - 1].isspace():
            end -= 1
    if text[end - 1] == "." and _FULL_STOP_AFTER_WORD.search(text, start, end):
        end -= 1  # a full stop after "January", not an abbreviation's
    cue, mod = pre.cue, pre.mod
    qualifier = _qualifier(cue, mod)
    word_direction: str | None = None
    if cue in ("since",) or mod == "earlier" or _REPLY_TO.search(text, max(sentence.start, start - 80), start):
        word_direction = PAST  # "Further to our meeting on Tuesday": what is answered came before
    elif cue in ("on", "in", None) and _DONE_THEN.search(text, max(sentence.start, start - 40), start):
        word_direction = PAST  # "the notice issued on 12 February", whatever the sentence's main verb

    def year_of(rel: str | None, bounds: Bounds) -> int | None:
        """The year of a reference written without one: its own word ("last", "next", "this")
        says which, else the tense of its clause (a word like "last" also sets the tense)."""
        nonlocal word_direction
        assert doc is not None
        if rel == "last":
            word_direction = PAST
        elif rel in ("next", "coming"):
            word_direction = FUTURE
        mode = {"last": "last", "next": "next", "coming": "next", "this": "this"}.get(rel or "") or tense()
        return _pick_year(bounds, doc, mode)

    def tense() -> str | None:
        if word_direction:
            return word_direction
        if cue in _BY_CUES:
            return _by_direction(text, sentence, start, end)
        if cue in _BEFORE_CUES:  # "it arrived before Christmas": any past verb; "reply before ...": ahead
            return _tense(text, sentence, start, end) or FUTURE
        return _tense(text, sentence, start, end)

    def make(year: int, month: int | None = None, day: int | None = None, q: Qualifier | None = qualifier,
             end_value: str | None = None) -> PartialDate | None:
        if month is not None and not _valid(year, month, day):
            return None
        if day is not None and q in (Qualifier.EARLY, Qualifier.MID, Qualifier.LATE, Qualifier.END):
            q = None
        if end_value is not None:
            q = Qualifier.BETWEEN
        written = " ".join(text[start:end].split())
        if day is not None and month is not None:
            return PartialDate(f"{year:04d}-{month:02d}-{day:02d}", Precision.DAY, q, written, end_value)
        if month is not None:
            return PartialDate(f"{year:04d}-{month:02d}", Precision.MONTH, q, written, end_value)
        return PartialDate(f"{year:04d}", Precision.YEAR, q, written, end_value)

    date: PartialDate | None = None
    if kind in ("dmy", "mdy", "num", "iso"):
        if kind == "dmy":
            month, day = _month_of(g["m1"]), int(g["d1"])
            year = int(g["y1"]) if g["y1"] else None
            if not _capitalised(g["m1"]) or (g["m1"].lower() == "may" and year is None
                                             and _MAY_AUXILIARY.match(text, m.end())):
                return None  # after a day, "May I" is the month ("On 3 May I wrote"), "May be" is not
        elif kind == "mdy":
            month, day = _month_of(g["m2"]), int(g["d2"])
            raw_year = g["y2"] or g["y2a"]
            year = int(raw_year) if raw_year else None
            if not _capitalised(g["m2"]):
                return None
        elif kind == "num":
            if _NUMBERED.search(text, max(0, m.start() - 16), m.start()):
                return None  # "clause 12.1.2014", "section 3.4.10": a number, not a date
            a, b = int(g["nd"]), int(g["nm"])
            day, month = (b, a) if b > 12 >= a else (a, b)
            raw = g["ny"]
            if g["ns"] == "." and len(raw) == 2:
                return None  # "1.2.10" is a version, not a date
            year = int(raw) + (2000 if int(raw) < 70 else 1900) if len(raw) == 2 else int(raw)
        else:
            year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
        if month is None or not 1 <= month <= 12:
            return None
        if year is None:
            if doc is None:
                return None
            direction = tense()
            weekday = _weekday_of(g.get("wd1") or g.get("wd2"))
            year = None
            if weekday is not None:  # "Friday 7 March": the year in which 7 March is a Friday
                year = _pick_year(_day_bounds(month, day, weekday), doc, direction) or \
                    _pick_year(_day_bounds(month, day, weekday), doc, None)
            if year is None:
                year = _pick_year(_day_bounds(month, day), doc, direction)
            if year is None:
                return None
        date = make(year, month, day)
    elif kind == "my":
        if not _capitalised(g["m3"]):
            return None
        if _LEGISLATION.search(text, max(0, m.start() - 20), m.start()):
            return None
        month = _month_of(g["m3"])
        if month is None:
            return None
        date = make(int(g["y3"]), month)
    elif kind == "mon":
        word = month_word or ""
        if not _capitalised(word):
            return None
        month = _month_of(word)
        mrel = month_rel
        if month is None or (mrel is None and cue is None and mod is None and not listed):
            return None
        if word.lower() == "may" and _may_is_verb(text, m.end()):
            return None
        if doc is None:
            return None
        year = year_of(mrel, _day_bounds(month, None))
        if year is None:
            return None
        date = make(year, month)
    elif kind == "year":
        if cue not in _YEAR_CUES and mod is None:
            return None
        if _LEGISLATION.search(text, max(0, m.start() - 20), m.start()):
            return None
        year = int(g["yy"])
        date = make(year, 12, q=Qualifier.END) if mod in ("end", "close", "turn") else make(year)
    elif kind in ("q", "qw"):
        quarter = int(g["qn"]) if kind == "q" else _QUARTER_WORDS[g["qo"].lower()]
        first, last = 3 * quarter - 2, 3 * quarter
        raw_year = g.get("qy") or g.get("qwy")
        fiscal = _fiscal_year(raw_year, g.get("qfy") or g.get("qwfy"))
        if fiscal is not None:  # "Q4 2021/22": the financial year from April, whose Q4 is January to March 2022
            year, first = _add_months(fiscal, 3 * quarter + 1, 0)
            last = first + 2
        elif raw_year:
            year = int(raw_year)
        elif g.get("qwr") and doc is not None:
            year = doc.year + {"next": 1, "last": -1}.get(g["qwr"].lower(), 0)
        elif doc is not None:
            picked = _pick_year(_range_bounds(first, last), doc, tense())
            if picked is None:
                return None
            year = picked
        else:
            return None
        date = _range_date(make, year, first, last, qualifier)
    elif kind == "season":
        srel = _norm(g["srel"])
        raw_year = g["sy"]
        if not raw_year and srel in (None, "the") and cue is None and mod is None:
            return None
        if g["sn"][0].isupper() and not raw_year and re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]):
            return None  # "Summer Hill", "Spring Lane": a name
        first, last = _SEASONS[g["sn"].lower()]
        if raw_year:
            year = int(raw_year)
        else:
            if doc is None:
                return None
            picked = year_of(srel, _range_bounds(first, last))
            if picked is None:
                return None
            year = picked
        date = _range_date(make, year, first, last, qualifier)
    elif kind == "rel":
        if doc is None:
            return None
        rw, unit = g["rw"].lower(), g["ru"].lower()
        if g["rthe"] and rw in ("next", "last") and cue != "within":
            return None  # "the last year", "the next month": a stretch of time, not a date
        step = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "previous": -1}[rw]
        word_direction = PAST if step < 0 else FUTURE if step > 0 else (PAST if mod == "earlier" else None)
        date = _relative(make, doc, unit, step, mod, qualifier)
    elif kind == "unit":
        if doc is None or mod not in _MOD_QUALIFIER:
            return None
        date = _relative(make, doc, g["tu"].lower(), 0, mod, qualifier)
    elif kind == "newyear":
        if doc is None:
            return None
        year = doc.year if doc.month in (1, 2) and doc.precision is not Precision.YEAR else doc.year + 1
        word_direction = FUTURE
        date = make(year, q=Qualifier.EARLY if qualifier is None else qualifier)
    elif kind == "feast":
        if not _capitalised(g["fn"]):
            return None
        if re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]):
            return None  # "Christmas Island", "Easter Road": a name
        if not g["fy"] and not g["frel"] and cue is None and mod is None:
            return None  # "given the Easter break", "a Christmas card": no point in time
        bounds = _christmas_bounds if g["fn"].lower() == "christmas" else _easter_bounds
        frel = _norm(g["frel"])
        if g["fy"]:
            year = int(g["fy"])
        else:
            if doc is None:
                return None
            picked = year_of(frel, bounds)
            if picked is None:
                return None
            year = picked
        day = bounds(year)[0] + dt.timedelta(days={"eve": -1, "monday": 1}.get((g["fd"] or "").lower(), 0))
        date = make(year, day.month, day.day)
    elif kind == "wday":
        if doc is None or doc.precision is not Precision.DAY or not _capitalised(g["wd"]):
            return None
        wdr = _norm(g["wdr"])
        if wdr is None and cue not in ("on", "by", "until", "till", "before", "after", "since", "from",
                                       "no later than", "not later than", "due", "due on", "due by"):
            return None
        target = _WEEKDAYS[g["wd"].lower()]
        mode = {"last": PAST, "next": FUTURE, "coming": FUTURE, "this": FUTURE}.get(wdr or "") or tense()
        if wdr == "last":
            word_direction = PAST
        elif wdr in ("next", "coming"):
            word_direction = FUTURE
        d = _weekday(doc.earliest(), target, mode)
        date = make(d.year, d.month, d.day)
    elif kind == "dayrel":
        if doc is None or doc.precision is not Precision.DAY:
            return None
        step = 1 if m.group().lower() == "tomorrow" else -1
        word_direction = FUTURE if step > 0 else PAST
        d = doc.earliest() + dt.timedelta(days=step)
        date = make(d.year, d.month, d.day)
    elif kind == "ago":
        if doc is None:
            return None
        word_direction = PAST
        date = _shift(make, doc, _count(g["an"]), g["au"].lower(), -1)
    elif kind == "dspan":
        month, first, last = _month_of(g["dsm"]), int(g["ds1"]), int(g["ds2"])
        if month is None or not _capitalised(g["dsm"]) or last <= first:
            return None
        if g["dsy"]:
            year = int(g["dsy"])
        elif doc is not None:
            picked = _pick_year(_day_bounds(month, last), doc, tense())
            if picked is None:
                return None
            year = picked
        else:
            return None
        if not _valid(year, month, last):
            return None
        date = make(year, month, first, end_value=f"{year:04d}-{month:02d}-{last:02d}")
    elif kind == "ahead":
        if doc is None or (text[m.end() - 4:m.end()].lower() == "time"
                           and not re.search(r"\bin\s+$", text[max(0, m.start() - 4):m.start()], re.IGNORECASE)):
            return None  # "in two weeks' time"; "two weeks' time" alone is a length of time
        word_direction = FUTURE
        date = _shift(make, doc, _count(g["hn"]), g["hu"].lower(), 1)
    elif kind == "dom":
        if doc is None or doc.month is None:
            return None
        rel = " ".join(g["dr"].lower().split())
        step = {"last": -1, "next": 1}.get(rel, 0)
        word_direction = PAST if step < 0 else FUTURE if step > 0 else None
        year, month = _add_months(doc.year, doc.month, step)
        date = make(year, month, int(g["dd"]))
    elif kind == "within":
        if doc is None or _COUNTED_FROM_ELSEWHERE.match(text, m.end()):
            return None  # "within a fortnight of completing it": from a day the text does not give
        word_direction = FUTURE
        count = _count(g["wn"]) if g["wn"] else 1
        date = _shift(make, doc, count, " ".join(g["wu"].lower().split()), 1, q=Qualifier.BY)
    if date is None:
        return None
    return _Hit(start, end, date, cue, word_direction)


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

