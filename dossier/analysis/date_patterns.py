"""The patterns and words the date finder reads: how days, months, years, quarters and relative
dates are written, the cue words before a date ("by", "until", "after"), and the words that
tell a clause's tense. Generic vocabulary only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.analysis.vocab import (
    MONTH_FULL_PATTERN,
    MONTH_PATTERN,
    WEEKDAY_FULL_PATTERN,
    WEEKDAY_PATTERN,
    WEEKDAYS,
)
from dossier.domain.dates import Qualifier

# -- the patterns ---------------------------------------------------------------------------------
_MONTH = MONTH_PATTERN
_MONTH_FULL = MONTH_FULL_PATTERN
_WEEKDAY = WEEKDAY_PATTERN
_WEEKDAY_FULL = WEEKDAY_FULL_PATTERN
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:19|20)\d\d"
# st/nd/rd/th after a day, or set apart by one space as a PDF's text gives a superscript ("1 st January")
_ORD = r"(?: ?(?:st|nd|rd|th)\b)"
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2}
_COUNT = r"(?:a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"

# "of this year", "last year" after a day or a month: the year it is in
_REL_YEAR = r",?\s+(?:of\s+)?(?P<{}>this|last|next)\s+year\b"
# 6 and 7 November 2018, on 2, 8 and 15 July, the 3rd and 17th of June 2010: days that share a month
P_DAY_LIST = (
    rf"(?<![\w/.\-£$€])(?:the\s+)?(?P<dl1>{_DAYNUM}){_ORD}?"
    rf"(?P<dlrest>(?:,\s*(?:the\s+)?{_DAYNUM}{_ORD}?)*,?\s+(?:and|&)\s+(?:the\s+)?{_DAYNUM}{_ORD}?)"
    rf"(?:\s+of)?\s+(?P<dlm>{_MONTH})(?:,?\s+(?P<dly>{_YEAR})(?![\w/]))?")
# June 3-5, 2014 / March 10 to 12: a span of days in American order
P_MONTH_DAY_SPAN = (
    rf"(?P<mspm>{_MONTH})\s+(?P<msp1>{_DAYNUM})(?:st|nd|rd|th)?(?:\s*[-–—]\s*|\s+(?:to|until|till|through)\s+)"
    rf"(?P<msp2>{_DAYNUM})(?:st|nd|rd|th)?\b(?:,?\s+(?P<mspy>{_YEAR})\b)?(?![\w/]|[.:]\d)")
# last weekend, this weekend, over the weekend
P_WEEKEND = r"\b(?P<wer>this|last|next|coming|the)\s+weekend\b"
# within 28 days of 3 April 2021: counted from the day written
P_WITHIN_OF_DATE = (
    rf"\bwithin\s+(?P<xn>{_COUNT})\s+(?:(?P<xk>calendar|working|business|clear)\s+)?(?P<xu>day|week|fortnight|month)s?"
    rf"\s+(?:of|from|after)\s+(?:the\s+date\s+of\s+)?(?P<xdate>(?P<xd>{_DAYNUM}){_ORD}?(?:\s+of)?\s+"
    rf"(?P<xm>{_MONTH}),?\s+(?P<xy>{_YEAR})(?![\w/]))")
# Tuesday's meeting, Friday's vote: a weekday that dates the noun after it
P_WEEKDAY_OF = rf"(?P<wpos>{_WEEKDAY_FULL})['’]s(?=\s+(?-i:[a-z]))"
# today, tonight, today's meeting
P_TODAY = r"\b(?P<td>today|tonight)\b(?:['’]s)?"
# this morning, last night, yesterday afternoon, tomorrow evening
P_PART_OF_DAY = r"\b(?P<pdr>this|last|yesterday|tomorrow)\s+(?P<pd>morning|afternoon|evening|night)\b"
# the 19th, once a day or month is known ("on the 27th November ... on the 27th", "on 3 May ... by the 19th")
P_ORDINAL_DAY = (rf"\bthe\s+(?P<od>{_DAYNUM})(?:st|nd|rd|th)\b(?=\s*[,.;:)!?]|\s*$|\s+(?:to|and|or|at|in|when|but|as"
                  r"|with|for|which|that|so|if|we|I|it|he|she|they|you|was|were|is|are|will|would|had|has|have)\b)")
# the 2007 audit, his 2015 review, the 2016 AGM: a year that dates the noun (or acronym) after it
P_YEAR_NOUN = (rf"\b(?:the|its|his|her|their|our|your|my|this|that)\s+(?P<yn>{_YEAR})"
                rf"(?:\s*(?:-|–|to)\s*(?P<yn2>{_YEAR}))?(?=\s+(?-i:[a-z]|(?!MW|KW|GW|KM|GB|MB|TB|HP)[A-Z]{{2,5}}\b))"
                r"(?!\s+(?:people|pupils|children|homes|houses|staff|jobs|pages|words|miles|metres|acres|hectares|tonnes"
                r"|members|residents|units|places|beds|cases|patients|households|families|dwellings|employees"
                r"|students|visitors|votes|signatures|responses|respondents|properties|posts|hours|days|calls)\b)")
# 2021/22, 2021-22, 2021-2022: a financial or academic year
P_FINANCIAL_YEAR = rf"(?<![\w/£$€.])(?P<fa>{_YEAR})[/\-–](?P<fb>\d\d|{_YEAR})(?![\w/%]|[-–./]\d)"

# -- the rules' patterns (each rule's groups are its own: no two rules share a group name) --------
# between 7 and 18 March, 7-18 March 2022, 7 to 18 March ("and" only after "between")
P_DAY_SPAN = (
    rf"(?<![\w/.\-£$€])(?:(?P<dsb>between)\s+)?(?P<ds1>{_DAYNUM}){_ORD}?"
    rf"(?:\s*[-–—]\s*|\s+(?:to|until|till)\s+|(?(dsb)\s+and\s+|(?!)))"
    rf"(?P<ds2>{_DAYNUM}){_ORD}?(?:\s+of)?\s+(?P<dsm>{_MONTH})(?:,?\s+(?P<dsy>{_YEAR})(?![\w/]))?")
# a machine stamp's clock after its date, "Tue, 4 Jun 2019 10:15:22 +0100": read as part of the date
_STAMP = r"(?:\s+\d\d:\d\d:\d\d(?:\s*[+-]\d{4}(?!\d)|\s+(?-i:GMT|UTC)\b)?)?"
# Friday 3 March 2023 / the 3rd of March / 14 September
P_DAY_MONTH_YEAR = (
    rf"(?<![\w/.\-£$€])(?:(?P<wd1>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d1>{_DAYNUM}){_ORD}?"
    rf"(?:\s+day\s+of|\s+of)?\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR})(?![\w/]){_STAMP}|{_REL_YEAR.format('y1r')})?")
# March 3rd, 2014 / Friday, March 3, 2023 / March 3 (bare: a cue or a stop is needed, see the resolver)
P_MONTH_DAY_YEAR = (
    rf"(?:(?P<wd2>{_WEEKDAY}),?\s+)?(?P<m2>{_MONTH})\s+(?P<d2>{_DAYNUM})"
    rf"(?:(?:st|nd|rd|th)\b(?:,?\s+(?P<y2a>{_YEAR})\b)?|,?\s+(?P<y2>{_YEAR})\b|(?P<bare>)(?!\w|[.:/]\d))")
# 22/07/2014, 22.07.2014, 22-07-14
P_NUMERIC_DATE = (
    rf"(?<![\w/.\-:£$€])(?P<nd>[0-3]?\d)(?P<ns>[/.\-])(?P<nm>[0-3]?\d)(?P=ns)(?P<ny>{_YEAR}|\d\d)"
    r"(?![\w/\-]|[.:]\d)")
P_ISO_DATE = rf"(?<![\w/.\-])(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\w/\-])"
P_MONTH_YEAR = rf"(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR})(?![\w/]|[-–]\d)"  # December 2013
# Q3 2014, Q3, Q4 2021/22
P_QUARTER = (rf"\bQ(?P<qn>[1-4])\b(?:\s*(?:of\s+)?(?P<qy>{_YEAR})(?P<qfy>[/\-–](?:\d\d){{1,2}})?\b)?")
# the third quarter of 2014, the first quarter of next year
P_QUARTER_WORDS = (
    rf"(?:the\s+)?(?P<qo>first|second|third|fourth|final)\s+quarter\b"
    rf"(?:\s+of\s+(?:(?P<qwy>{_YEAR})(?P<qwfy>[/\-–](?:\d\d){{1,2}})?\b|(?P<qwr>this|next|last|the)\s+year\b))?")
# last year, this month, next week, the coming year, the previous month
P_RELATIVE_UNIT = (r"(?:(?P<rthe>the)\s+)?(?P<rw>this|next|last|previous|coming|current)\s+"
                    r"(?:calendar\s+)?(?P<ru>week|month|year|quarter)\b")  # this calendar year
# summer 2014, next spring, the autumn
P_SEASON = (rf"(?:(?P<srel>this|next|last|the|coming)\s+)?(?P<sn>spring|summer|autumn|winter)\b"
             rf"(?:\s+(?:of\s+)?(?P<sy>{_YEAR})\b|{_REL_YEAR.format('syr')})?")  # ... the spring of last year
# last November, in July, October last year
P_MONTH_NAME = (rf"(?:(?P<mrel>last|next|this|coming)\s+)?"
                 rf"(?P<m4>{_MONTH_FULL}|(?P<m4a>(?-i:[JFMASOND])(?:an|eb|ar|pr|un|ul|ug|ep|ct|ov|ec))\b\.?)"
                 rf"(?:\s*/\s*(?P<m4b>{_MONTH_FULL}))?"
                 rf"(?:{_REL_YEAR.format('m4r')})?")  # ... July/August
# next Friday, on Monday, Tuesday morning (a part of the day after it names the day without a cue)
P_WEEKDAY = (rf"(?:(?P<wdr>next|last|this|coming)\s+)?(?P<wd>{_WEEKDAY_FULL})"
              r"(?:\s+(?P<wdp>(?-i:morning|afternoon|evening|night))\b)?")
# this financial year, next financial year, the current academic year: from April, or from September
P_FINANCIAL_REL = (r"\b(?:the\s+)?(?P<fyr>this|next|last|coming|current)\s+(?P<fyk>financial|fiscal|academic|school)"
                    r"\s+year\b(?!s|['’])")
P_NEW_YEAR = r"\bthe\s+new\s+year\b"
# the following week, the following day: the one after the date told just before (else after the document's)
P_FOLLOWING_UNIT = (r"\bthe\s+following\s+(?P<flu>day|week|month|year)\b"
                     r"(?!['’]|\s*-|\s+(?:centres?|care|trips?|services?|schools?|groups?|rate|end"
                     r"|commencing|beginning|starting)\b)")  # "the following week commencing 3 May": that day says
# before Christmas, by Easter 2015, last Christmas
P_FEAST_DAY = (rf"\b(?:(?P<frel>this|next|last|coming)\s+)?(?P<fn>christmas|easter)\b"
                rf"(?:\s+(?P<fd>Day|Eve|Sunday|Monday)\b)?(?:\s+(?P<fy>{_YEAR})\b)?")
P_YESTERDAY_TOMORROW = r"\b(?P<dayrel>yesterday|tomorrow)\b"
P_AGO = rf"\b(?P<an>{_COUNT})\s+(?P<au>day|week|fortnight|month|year)s?\s+ago\b"
# in two weeks' time, three months from now
P_TIME_FROM_NOW = (rf"\b(?P<hn>{_COUNT})\s+(?P<hu>day|week|fortnight|month|year)s?(?:['’]s?)?"
                    r"\s+(?:time\b|from\s+(?:now|today)\b)")
# (I will reply in) ten days, (in) a fortnight: counted from the document, after "in" in a future clause
P_IN_COUNT = (rf"\b(?P<inn>{_COUNT})\s+(?P<inu>day|week|fortnight|month|year)s?\b"
               r"(?!['’]|\s+(?:time|from|ago|later|earlier|before|after|of|old|or|and|to|running)\b)")
# the 4th of this month, the 20th of last month
P_DAY_OF_MONTH = (rf"\b(?:the\s+)?(?P<dd>{_DAYNUM})(?:st|nd|rd|th)\s+of\s+(?P<dr>this|last|next|the\s+month)\b"
                   r"(?:\s+month\b)?")
P_WITHIN = (rf"\bwithin\s+(?:the\s+(?:next|coming)\s+)?(?:(?P<wn>{_COUNT})\s+)?"
             r"(?P<wu>(?:working|business|calendar|clear)\s+day|day|week|fortnight|month|year)s?\b")
P_THE_UNIT = r"\bthe\s+(?P<tu>year|month|week|quarter)\b"  # the year / the month (only after "end of" ...)
# the 1990s, the early 2000s, the mid-1980s: a decade, or the part of one told
P_DECADE = (r"(?<![\w£$€.])(?:the\s+)?(?:(?P<dcm>early|mid|late)(?:\s+|-\s*))?(?P<dec>(?:19|20)\d0)['’]?s\b")
P_BARE_YEAR = rf"(?<![\w/£$€.])(?<!\d[-–])(?P<yy>{_YEAR})(?![\w/%]|[-–]\d|\.\d)"

DIGITS = re.compile(r"\d+")
BACK = 26  # how far before an anchor a reference may start ("a couple of weeks ago", "the previous month")
LEAD_WORD = re.compile(r"\b\w+")


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
NUMBERED = re.compile(r"\b(?:clause|section|sections|paragraph|para|paras|regulation|article|rule|item|page"
                       r"|version|v|no|number|ref|s)\.?\s*\Z", re.IGNORECASE)
DAY_CUES = frozenset({"on", "by", "until", "till", "before", "after", "since", "from", "due", "due on", "due by",
                       "no later than", "not later than", "on or before", "on or after", "as of", "as at"})
FULL_STOP_AFTER_WORD = re.compile(r"(?:[a-z]{4}|\bMay)\.\Z", re.IGNORECASE)
MAY_VERB = re.compile(r"\s+(?:I|we|you|he|she|it|they|be|have|not)\b")
MAY_AUXILIARY = re.compile(r"\s+(?:be|have|not)\b")
CLOSES = re.compile(r"\s*(?:[,.;:)!?]|$)")
WRITTEN_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d[/.\-]\d{1,2}[/.\-]\d\d")
LISTED = re.compile(r"\s*(?:,\s*|\s(?:and|or)\s+|,\s*(?:and|or)\s+)\s*")
BETWEEN_JOIN = re.compile(r"\s*(?:and|to|until|till|[-–—])\s*\Z", re.IGNORECASE)
LEGISLATION = re.compile(r"\b(?:Act|Acts|Regulations|Order|Rules|Bill|Measure|Code|Directive)\s*(?:of\s+)?\Z")
LABEL_LINE = re.compile(r"^\s*(?:date[d]?|sent|published|posted|updated|last\s+updated)\s*[:.]", re.IGNORECASE)
LINE = re.compile(r"[^\n]+")
CHANGED_LINE = re.compile(r"\s*(?:last\s+)?(?:updated|revised|amended|modified)\b", re.IGNORECASE)
TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]–—]|\s-\s|\b(?:but|while|whilst|whereas|although|though|because)\b"
    r"|\band\s+(?=(?:the|their|his|her|its|our|your|my|we|I|you|he|she|they|it|this|that|these|those)\b)")

BY_CUES = frozenset({"by", "no later than", "not later than", "on or before", "up to and including", "due",
                      "due on", "due by", "due in", "within"})
BEFORE_CUES = frozenset({"before", "prior to", "ahead of", "in advance of", "until", "till", "up to", "through to",
                          "right through to"})
AFTER_CUES = frozenset({"after", "since", "no earlier than", "not earlier than", "not before", "on or after"})
_ABOUT_CUES = frozenset({"around", "about", "circa", "approximately", "roughly", "c.", "ca."})
YEAR_CUES = frozenset({"in", "during", "since", "by", "until", "till", "before", "after", "from", "throughout",
                        "around", "circa", "c.", "ca.", "no later than", "not later than", "prior to", "over",
                        "between", "as of", "as at", "due", "due in", "due by", "ahead of", "about", "through to",
                        "right through to"})
MOD_QUALIFIER = {"end": Qualifier.END, "close": Qualifier.END, "turn": Qualifier.END, "last week": Qualifier.END,
                  "second half": Qualifier.LATE, "latter part": Qualifier.LATE, "beginning": Qualifier.EARLY,
                  "start": Qualifier.EARLY, "first week": Qualifier.EARLY, "first half": Qualifier.EARLY,
                  "second week": Qualifier.MID, "third week": Qualifier.MID, "fourth week": Qualifier.LATE,
                  "early part": Qualifier.EARLY, "early": Qualifier.EARLY, "mid": Qualifier.MID,
                  "middle": Qualifier.MID, "late": Qualifier.LATE}
WEEKDAY_NAMES = WEEKDAYS
# a participle that dates what it qualifies: "the notice issued on", "the report published in" (not "to be
# published on", "will be held in")
DONE_THEN = re.compile(
    r"(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeing\s)"
    r"\b(?!(?:expected|planned|scheduled|proposed|intended|timetabled|anticipated|needed|required)\b)"
    r"(?:[a-z]{3,}ed|sent|held|made|given|written|taken|met|spoken|laid|set|begun|"
    r"brought|put|sought|won|lost|paid|told|heard|seen|done|dated|signed)\s+(?:on|in|dated)?\s*$")
# what someone is to do by a date, told in any tense: "on track to finish by", "asked you to reply by"
TO_DO_BY = re.compile(r"\bto\s+[a-z]+(?:\s+(?:the|a|an|its|their|your|our|his|her|this|that|[a-z]+)){0,5}\s+$")
SET_ASIDE = re.compile(r"\b(?:rather\s+than|instead\s+of|in\s+place\s+of)\s+$", re.IGNORECASE)
# what a letter answers or follows up, and the date it took place: "Further to our meeting on Tuesday"
REPLY_TO = re.compile(r"\b(?:further\s+to|in\s+(?:response|reply)\s+to|following\s+(?:our|your|my|the)"
                       r"|thank\s+you\s+for)\b[^.;!?]*$", re.IGNORECASE)
# numbers of things listed: "paragraphs 4 and 5", "items 3, 7 and 9"
NUMBERED_MANY = re.compile(r"\b(?:paragraphs|paras|clauses|sections|items|pages|questions|recommendations|points"
                            r"|rooms|units|numbers|nos|articles|rules|regulations|schedules|annexes|appendices)\.?\s*\Z",
                            re.IGNORECASE)
# a letter or message the date is the date of: "your letter of 21 October", "my email dated 3 May"
CORRESPONDENCE_OF = re.compile(r"\b(?:your|my|our|his|her|their|the|this|that)\s+(?:letters?|e-?mails?|notes?|memo|memorandum"
                                r"|messages?|reply|response|correspondence)(?:\s+to\s+\w+(?:\s+\w+){0,2})?"
                                r",?\s+(?:also\s+)?(?:of|dated)\s+$", re.IGNORECASE)  # "my letter to him, also of"
FOLLOWING_THE = re.compile(r"\bfollowing\s+the\b[^.;!?]*$", re.IGNORECASE)
# reported speech of what was then ahead: "the plan was to go to the board in March"
WAS_TO = re.compile(r"\b(?:was|were)\s+(?:due\s+)?to\s+[a-z]+\b[^.;!?,]*$")
# a clause after the date that holds a verb of its own: "no agreement on 5 March that the board would pay"
SUBORDINATE = re.compile(r"[^,;:.!?]{0,40}?(?P<cut>\s(?:that|whether)\s)", re.IGNORECASE)
# reported speech: "he said that meetings would be held on 9th April", "it was agreed the plan would go in March"
REPORTED_WOULD = re.compile(
    r"\b(?:said|told|reported|confirmed|agreed|explained|announced|noted|stated|advised|informed|indicated"
    r"|resolved|suggested|understood|added)\b[^.;!?]*?\bwould\s+(?!like\b|welcome\b|appreciate\b|prefer\b)"
    r"[^.;!?]*$", re.IGNORECASE)
# "within six weeks of ..." counts from the letter only when what follows is the letter or today
COUNTED_FROM_ELSEWHERE = re.compile(
    r"\s+(?:of|from|after)\s+(?!(?:the\s+)?(?:date\s+of\s+)?(?:this|today|now|receipt|the\s+date\s+of\s+this)\b)",
    re.IGNORECASE)
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}

# -- tense cues -----------------------------------------------------------------------------------
FUTURE_STRONG = frozenset({
    "will", "shall", "won't", "shan't", "would", "must", "should", "going", "due", "deadline", "deadlines",
    "upcoming", "forthcoming", "intend", "intends", "plan", "plans", "expect", "expects", "wish", "wishes",
    "want", "wants", "ask", "asks", "request", "requests", "require", "requires", "please", "propose",
    "proposes", "aim", "aims", "hope", "hopes", "tomorrow", "next", "coming", "scheduled", "needs", "need",
    "look", "await", "awaiting", "i'll", "we'll", "you'll", "they'll", "it'll", "he'll", "she'll",
})
PAST_STRONG = frozenset({
    "was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't", "ago", "previously", "earlier",
    "yesterday", "last", "wrote", "said", "met", "sent", "saw", "gave", "took", "made", "told", "came", "went",
    "held", "began", "spoke", "found", "left", "brought", "thought", "felt", "kept", "knew", "led", "paid",
    "ran", "rose", "sat", "stood", "won", "became", "chose", "drew", "fell", "forgot", "got", "grew", "heard",
    "lost", "meant", "rang", "sold", "sought", "taught", "threw", "understood", "withdrew", "undertook",
    "oversaw", "arose", "built", "bought", "caught", "fought", "flew", "hid", "lent", "shook", "spent",
    "struck", "swore", "tore", "woke", "broke", "forbade", "overtook", "foresaw", "underwent",
    "since", "already", "recently", "formerly",
})
TO_VERBS = frozenset({
    "report", "provide", "submit", "send", "make", "meet", "discuss", "consider", "review", "publish",
    "respond", "reply", "complete", "deliver", "set", "take", "give", "agree", "confirm", "prepare", "produce",
    "present", "undertake", "carry", "conduct", "inspect", "visit", "attend", "write", "update", "ensure",
    "explain", "address", "implement", "establish", "develop", "appoint", "decide", "see", "hear", "receive",
    "return", "begin", "start", "finish", "get", "lead", "oversee", "advise", "assess", "identify", "hold",
    "sign", "issue", "launch", "announce", "commission", "support", "work", "act", "improve", "put", "bring",
    "follow", "come", "go", "share", "notify", "inform", "tell", "be", "have", "arrange", "reach", "close",
    "open", "apply", "pay", "lodge", "file", "resolve", "engage", "satisfy", "recommend", "remedy",
})
BE_FORMS = frozenset({"be", "is", "are", "am", "being", "been", "become", "becomes", "get", "gets"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "my", "your", "our", "their",
                          "his", "her", "its", "any", "some", "all", "more", "most", "well", "very", "newly",
                          "no", "each", "every", "further"})
MODALS = frozenset({"will", "shall", "would", "should", "must", "i'll", "we'll", "you'll", "they'll", "it'll",
                     "he'll", "she'll"})
HAPPENINGS = frozenset({"come", "commence", "expire", "elapse", "lapse", "happen", "occur", "fall", "become",
                         "last", "remain", "take", "apply", "end", "cease", "run"})
EXPECTED = frozenset({"expected", "scheduled", "planned", "due", "intended", "set", "timetabled", "likely",
                       "going"})
INTENT_VERBS = frozenset({"intend", "intends", "plan", "plans", "expect", "expects", "wish", "wishes", "want",
                           "wants", "ask", "asks", "request", "requests", "require", "requires", "propose",
                           "proposes", "aim", "aims", "hope", "hopes", "need", "needs", "look", "await"})
SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "it", "who"})
# "the Board's agreed to meet", "the Trust's sent them": "has", not a possessive, before one of these
AFTER_A_VERB = frozenset({"to", "that", "the", "a", "an", "with", "by", "on", "in", "at", "for", "from", "of", "it",
                           "them", "him", "her", "us", "me", "you", "this", "these", "those", "its", "their", "our"})
# "it's passed", "there's been", "who's decided": a subject and "is" or "has", not a possessive
CONTRACTED_SUBJECTS = frozenset({"it", "he", "she", "that", "there", "what", "who", "where", "here", "let"})
NOUN_TOO = frozenset({"request", "plan", "aim"})  # a verb only after a subject, a modal or "to"
BEFORE_A_VERB = SUBJECTS | MODALS | frozenset({"to", "please", "kindly", "also", "now", "therefore", "hereby",
                                                 "formally", "further", "do", "may", "might", "can", "could"})
PRESENT_ED = frozenset({"need", "feed", "seed", "speed", "proceed", "exceed", "succeed", "embed", "shed", "breed",
                         "bleed", "indeed", "hundred", "deed", "weed", "greed", "creed"})
NOT_PAST_ED = frozenset({
    "need", "needed", "feed", "seed", "speed", "proceed", "exceed", "succeed", "indeed", "embed", "shed", "bed",
    "red", "hundred", "breed", "bleed", "greed", "creed", "deed", "weed", "bred", "fed", "led", "wed", "united",
    "proposed", "expected", "scheduled", "planned", "required", "concerned", "detailed", "limited", "based",
    "related", "dedicated", "experienced", "advanced", "interested", "involved", "pleased", "committed",
    "continued", "sustained", "informed", "supposed", "used", "intended", "prepared", "agreed",
})


@dataclass(frozen=True, slots=True)
class Prefix:
    start: int
    cue: str | None
    mod: str | None
    has_time: bool


def norm(words: str | None) -> str | None:
    return " ".join(words.lower().split()) if words else None


def read_prefix(text: str, core_start: int) -> Prefix:
    """The cue, time and modifier words just before a reference ("by 5pm on", "by the end of", "early")."""
    last = _LAST_WORD.search(text, max(0, core_start - 24), core_start)
    if last is None or last.group(1).lower() not in _PREFIX_ENDINGS:
        return Prefix(core_start, None, None, False)  # the common case, without the costly search
    window_start = max(0, core_start - 70)
    m = _PREFIX.search(text, window_start, core_start)
    if not m or m.start() == m.end():
        return Prefix(core_start, None, None, False)
    mod = norm(m.group("modw") or m.group("moda") or m.group("modn"))
    return Prefix(m.start(), norm(m.group("cue")), mod, m.group("time") is not None)


def qualifier_of(cue: str | None, mod: str | None) -> Qualifier | None:
    if mod in MOD_QUALIFIER:
        return MOD_QUALIFIER[mod]
    if cue in BY_CUES:
        return Qualifier.BY
    if cue in BEFORE_CUES:
        return Qualifier.BEFORE
    if cue in AFTER_CUES:
        return Qualifier.AFTER
    if cue in _ABOUT_CUES:
        return Qualifier.ABOUT
    return None


PAST, FUTURE = "past", "future"
AHEAD = "ahead"  # a day something is to be done by, told in any tense: the next one, unless it has just gone
HEAD_LINES = 25  # how far down a letterhead's date line may stand
