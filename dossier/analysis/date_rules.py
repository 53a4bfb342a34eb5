"""The date rules: one function per way of telling a date ("14 November 2013", "next Tuesday",
"within 28 days", "Q3 2021" ...) and the table (RULES) that orders them, each resolved against the
document's own date. temporal.find_dates scans the text with the table."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dossier.analysis.date_calendar import (
    add_months,
    capitalised,
    day_bounds,
    fiscal_year,
    may_is_verb,
    month_of,
    pick_year,
    range_bounds,
    range_date,
    weekday_of,
)
from dossier.analysis.date_context import DateContext, Hit, a_day
from dossier.analysis.date_patterns import (
    CLOSES,
    DAY_CUES,
    FUTURE,
    LEGISLATION,
    MAY_AUXILIARY,
    NUMBER_WORDS,
    NUMBERED,
    P_AGO,
    P_BARE_YEAR,
    P_DAY_LIST,
    P_DAY_MONTH_YEAR,
    P_DAY_OF_MONTH,
    P_DAY_SPAN,
    P_DECADE,
    P_FEAST_DAY,
    P_FINANCIAL_REL,
    P_FINANCIAL_YEAR,
    P_FOLLOWING_UNIT,
    P_IN_COUNT,
    P_ISO_DATE,
    P_MONTH_DAY_SPAN,
    P_MONTH_DAY_YEAR,
    P_MONTH_NAME,
    P_MONTH_YEAR,
    P_NEW_YEAR,
    P_NUMERIC_DATE,
    P_ORDINAL_DAY,
    P_PART_OF_DAY,
    P_QUARTER,
    P_QUARTER_WORDS,
    P_RELATIVE_UNIT,
    P_SEASON,
    P_THE_UNIT,
    P_TIME_FROM_NOW,
    P_TODAY,
    P_WEEKDAY,
    P_WEEKDAY_OF,
    P_WEEKEND,
    P_WITHIN,
    P_WITHIN_OF_DATE,
    P_YEAR_NOUN,
    P_YESTERDAY_TOMORROW,
    PAST,
    QUARTER_WORDS,
    SEASONS,
    YEAR_CUES,
    Prefix,
    norm,
)
from dossier.analysis.relative_dates import (
    r_ago,
    r_day_list,
    r_day_of_month,
    r_day_span,
    r_feast_day,
    r_financial_rel,
    r_financial_year,
    r_following_unit,
    r_in_count,
    r_month_day_span,
    r_new_year,
    r_ordinal_day,
    r_part_of_day,
    r_relative_unit,
    r_the_unit,
    r_time_from_now,
    r_today,
    r_weekday,
    r_weekday_of,
    r_weekend,
    r_within,
    r_within_of_date,
    r_year_noun,
    r_yesterday_tomorrow,
)
from dossier.analysis.sentences import Span
from dossier.analysis.vocab import (
    MONTH_ABBREVIATIONS,
    WEEKDAY_ABBREVIATIONS,
)
from dossier.domain.dates import PartialDate, Qualifier


def _r_day_month_year(c: DateContext) -> PartialDate | None:
    g = c.g
    month, day = month_of(g["m1"]), int(g["d1"])
    year = int(g["y1"]) if g["y1"] else _rel_year(c, g["y1r"])
    if not capitalised(g["m1"]) or (g["m1"].lower() == "may" and year is None
                                     and MAY_AUXILIARY.match(c.text, c.m.end())):
        return None  # after a day, "May I" is the month ("On 3 May I wrote"), "May be" is not
    return a_day(c, year, month, day, weekday_of(g["wd1"]))


_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|your|a|an)\s+\Z", re.IGNORECASE)
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]{3,}\b")


def _r_month_day_year(c: DateContext) -> PartialDate | None:
    g, m = c.g, c.m
    if g["bare"] is not None and not g["wd2"] and c.cue not in DAY_CUES and not CLOSES.match(c.text, m.end()) \
            and not (_DETERMINER_BEFORE.search(c.text, max(0, m.start() - 8), m.start())
                     and _LOWER_WORD_AFTER.match(c.text, m.end())):  # "the November 8 vote": a day
        # "March 3" needs a cue or a stop after it; "in March 15 schools closed" is a month
        c.end = m.start("d2")
        while c.end > c.start and c.text[c.end - 1].isspace():
            c.end -= 1
        c.trim_stop()
        c.rule = "month-name"
        return _a_month(c, g["m2"], None)
    month, day = month_of(g["m2"]), int(g["d2"])
    raw_year = g["y2"] or g["y2a"]
    if not capitalised(g["m2"]):
        return None
    return a_day(c, int(raw_year) if raw_year else None, month, day, weekday_of(g["wd2"]))


def _r_numeric_date(c: DateContext) -> PartialDate | None:
    g, m = c.g, c.m
    if NUMBERED.search(c.text, max(0, m.start() - 16), m.start()):
        return None  # "clause 12.1.2014", "section 3.4.10": a number, not a date
    a, b = int(g["nd"]), int(g["nm"])
    day, month = (b, a) if b > 12 >= a else (a, b)
    raw = g["ny"]
    if g["ns"] == "." and len(raw) == 2:
        return None  # "1.2.10" is a version, not a date
    year = int(raw) + (2000 if int(raw) < 70 else 1900) if len(raw) == 2 else int(raw)
    return a_day(c, year, month, day)


def _r_iso_date(c: DateContext) -> PartialDate | None:
    return a_day(c, int(c.g["iy"]), int(c.g["im"]), int(c.g["id"]))


def _r_month_year(c: DateContext) -> PartialDate | None:
    g, m = c.g, c.m
    if not capitalised(g["m3"]) or LEGISLATION.search(c.text, max(0, m.start() - 20), m.start()):
        return None
    month = month_of(g["m3"])
    return None if month is None else c.make(int(g["y3"]), month)


def _a_month(c: DateContext, word: str, rel: str | None) -> PartialDate | None:
    """A month named without its year: only with a cue, a modifier, "last/next/this" or in a list."""
    if not capitalised(word):
        return None
    month = month_of(word)
    if month is None or (rel is None and c.cue is None and c.mod is None and not c.listed):
        return None
    if word.lower() == "may" and may_is_verb(c.text, c.m.end()):
        return None
    if c.doc is None:
        return None
    year = c.year_of(rel, day_bounds(month, None))
    return None if year is None else c.make(year, month)


# the words after a short month that make it a name or a word ("by Jan Roe", "in Mar's garden")
_NOT_SHORT_MONTH = re.compile(r"['’]|\s*[-/]|\s+[A-Z0-9]")
_PASSIVE_BY = re.compile(r"\b[a-z]+(?:ed|en|ne|wn)\s+by\s*\Z")


def _r_month_name(c: DateContext) -> PartialDate | None:
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
        month = month_of(c.g["m4"])
        return None if month is None or not capitalised(c.g["m4"]) else c.make(year, month)
    return _a_month(c, c.g["m4"], norm(c.g["mrel"]))


def _months_or(c: DateContext) -> PartialDate | None:
    """ "in July/August": one month or the next, as a span of the two."""
    first, last = month_of(c.g["m4"]), month_of(c.g["m4b"])
    if first is None or last is None or not capitalised(c.g["m4"]) or not capitalised(c.g["m4b"]):
        return None
    if (c.g["mrel"] is None and c.cue is None and c.mod is None and not c.listed) or c.doc is None:
        return None
    year = _rel_year(c, c.g["m4r"])
    if year is None:
        year = c.year_of(norm(c.g["mrel"]), range_bounds(first, last))
    return None if year is None else range_date(c.make, year, first, last, c.qualifier)


def _rel_year(c: DateContext, word: str | None) -> int | None:
    """The year of "of this year", "last year", "next year" after a day or month."""
    if not word or c.doc is None:
        return None
    step = {"this": 0, "last": -1, "next": 1}[word.lower()]
    if step:
        c.direction = PAST if step < 0 else FUTURE
    return c.doc.year + step


_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def _r_decade(c: DateContext) -> PartialDate | None:
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
    return bool(_OF_BEFORE.search(text, max(0, m.start() - 30), m.start())) and bool(CLOSES.match(text, m.end()))


def _r_bare_year(c: DateContext) -> PartialDate | None:
    if c.cue not in YEAR_CUES and c.mod is None and not _OF_YEAR_CLOSING(c.text, c.m) \
            and not _NAMED_BY_YEAR.search(c.text, max(0, c.m.start() - 16), c.m.start()):
        return None
    if LEGISLATION.search(c.text, max(0, c.m.start() - 20), c.m.start()):
        return None
    year = int(c.g["yy"])
    return c.make(year, 12, q=Qualifier.END) if c.mod in ("end", "close", "turn") else c.make(year)


def _a_quarter(c: DateContext, quarter: int, raw_year: str | None, fiscal_tail: str | None,
               rel: str | None) -> PartialDate | None:
    first, last = 3 * quarter - 2, 3 * quarter
    fiscal = fiscal_year(raw_year, fiscal_tail)
    if fiscal is not None:  # "Q4 2021/22": the financial year from April, whose Q4 is January to March 2022
        year, first = add_months(fiscal, 3 * quarter + 1, 0)
        last = first + 2
    elif raw_year:
        year = int(raw_year)
    elif rel and c.doc is not None:
        year = c.doc.year + {"next": 1, "last": -1}.get(rel.lower(), 0)
    elif c.doc is not None:
        picked = pick_year(range_bounds(first, last), c.doc, c.tense())
        if picked is None:
            return None
        year = picked
    else:
        return None
    return range_date(c.make, year, first, last, c.qualifier)


def _r_quarter(c: DateContext) -> PartialDate | None:
    return _a_quarter(c, int(c.g["qn"]), c.g["qy"], c.g["qfy"], None)


def _r_quarter_words(c: DateContext) -> PartialDate | None:
    return _a_quarter(c, QUARTER_WORDS[c.g["qo"].lower()], c.g["qwy"], c.g["qwfy"], c.g["qwr"])


def _r_season(c: DateContext) -> PartialDate | None:
    g, m = c.g, c.m
    srel = norm(g["srel"])
    raw_year = g["sy"]
    if g["syr"]:  # "the spring of last year": the year it is in
        raw_year = str(_rel_year(c, g["syr"]))
    if not raw_year and srel in (None, "the") and c.cue is None and c.mod is None:
        return None
    if g["sn"][0].isupper() and not raw_year and re.match(r"\s+[A-Z]", c.text[m.end():m.end() + 2]):
        return None  # "Summer Hill", "Spring Lane": a name
    first, last = SEASONS[g["sn"].lower()]
    if raw_year:
        year = int(raw_year)
    else:
        if c.doc is None:
            return None
        picked = c.year_of(srel, range_bounds(first, last))
        if picked is None:
            return None
        year = picked
    return range_date(c.make, year, first, last, c.qualifier)


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
    resolve: Callable[[DateContext], PartialDate | None]
    anchors: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


_MONTH_ANCHORS = MONTH_ABBREVIATIONS
_WEEKDAY_ANCHORS = WEEKDAY_ABBREVIATIONS
_REL_WORDS = ("this", "next", "last", "coming")
_UNIT_ANCHORS = ("day", "week", "fortnight", "month", "year")
_COUNT_LEADS = ("a", "an", "couple", *NUMBER_WORDS)

RULES: tuple[DateRule, ...] = (
    DateRule("day-span", P_DAY_SPAN, r_day_span, leads=("between",),
             examples=("between 7 and 18 March", "7-18 March 2022", "7 to 18 March")),
    DateRule("day-list", P_DAY_LIST, r_day_list, leads=("the",),
             examples=("on 4 and 5 October 2018", "on 2, 8 and 15 July", "the 3rd and 17th of June 2010")),
    DateRule("month-day-span", P_MONTH_DAY_SPAN, r_month_day_span, _MONTH_ANCHORS,
             examples=("on June 3-5, 2014", "from March 10 to 12")),
    DateRule("day-month-year", P_DAY_MONTH_YEAR, _r_day_month_year, _WEEKDAY_ANCHORS, ("the",),
             examples=("Friday 3 March 2023", "the 3rd of March", "14 September", "the 3rd day of March 2014")),
    DateRule("month-day-year", P_MONTH_DAY_YEAR, _r_month_day_year, _MONTH_ANCHORS + _WEEKDAY_ANCHORS,
             examples=("March 3rd, 2014", "Friday, March 3, 2023", "on March 3")),
    DateRule("numeric-date", P_NUMERIC_DATE, _r_numeric_date, examples=("22/07/2014", "22.07.2014", "22-07-14")),
    DateRule("iso-date", P_ISO_DATE, _r_iso_date, examples=("2014-07-22",)),
    DateRule("month-year", P_MONTH_YEAR, _r_month_year, _MONTH_ANCHORS, examples=("December 2013",)),
    DateRule("quarter", P_QUARTER, _r_quarter, ("q1", "q2", "q3", "q4"), examples=("Q3 2014", "Q4 2021/22")),
    DateRule("quarter-words", P_QUARTER_WORDS, _r_quarter_words, ("quarter",), ("the",),
             examples=("the third quarter of 2014", "the first quarter of next year")),
    DateRule("financial-year-words", P_FINANCIAL_REL, r_financial_rel, ("financial", "fiscal", "academic", "school"),
             ("the", "this", "next", "last", "coming", "current"),
             examples=("next financial year", "the current academic year")),
    DateRule("relative-unit", P_RELATIVE_UNIT, r_relative_unit, ("week", "month", "year", "quarter"),
             ("the", "this", "next", "last", "previous", "coming", "current"),
             examples=("last year", "this month", "the coming year")),
    DateRule("season", P_SEASON, _r_season, ("spring", "summer", "autumn", "winter"), (*_REL_WORDS, "the"),
             examples=("summer 2014", "next spring", "in the autumn")),
    DateRule("month-name", P_MONTH_NAME, _r_month_name, _MONTH_ANCHORS, _REL_WORDS,
             examples=("last November", "in July")),
    DateRule("weekday-of", P_WEEKDAY_OF, r_weekday_of, _WEEKDAY_ANCHORS, examples=("after Tuesday's meeting",)),
    DateRule("weekday", P_WEEKDAY, r_weekday, _WEEKDAY_ANCHORS, _REL_WORDS, examples=("next Friday", "on Monday")),
    DateRule("following-unit", P_FOLLOWING_UNIT, r_following_unit, ("following",), ("the",),
             examples=("the following week", "on the following day")),
    DateRule("new-year", P_NEW_YEAR, r_new_year, ("year",), ("the",), examples=("in the new year",)),
    DateRule("feast-day", P_FEAST_DAY, r_feast_day, ("christmas", "easter"), _REL_WORDS,
             examples=("before Christmas", "by Easter 2015", "last Christmas")),
    DateRule("part-of-day", P_PART_OF_DAY, r_part_of_day, ("morning", "afternoon", "evening", "night"),
             ("this", "last", "yesterday", "tomorrow"), examples=("this morning", "last night", "yesterday afternoon")),
    DateRule("weekend", P_WEEKEND, r_weekend, ("weekend",), (*_REL_WORDS, "the"),
             examples=("last weekend", "over the weekend")),
    DateRule("today", P_TODAY, r_today, ("today", "tonight"), examples=("today", "at today's meeting")),
    DateRule("yesterday-tomorrow", P_YESTERDAY_TOMORROW, r_yesterday_tomorrow, ("yesterday", "tomorrow"),
             examples=("yesterday", "tomorrow")),
    DateRule("ago", P_AGO, r_ago, _UNIT_ANCHORS, _COUNT_LEADS, examples=("two weeks ago", "a year ago")),
    DateRule("time-from-now", P_TIME_FROM_NOW, r_time_from_now, _UNIT_ANCHORS, _COUNT_LEADS,
             examples=("in two weeks' time", "three months from now")),
    DateRule("in-count", P_IN_COUNT, r_in_count, _UNIT_ANCHORS, _COUNT_LEADS,
             examples=("and will act in 10 days", "and will reply in a fortnight")),
    DateRule("day-of-month", P_DAY_OF_MONTH, r_day_of_month, leads=("the",),
             examples=("the 4th of this month", "the 20th of last month")),
    DateRule("within-of-date", P_WITHIN_OF_DATE, r_within_of_date, ("within",),
             examples=("within 28 days of 3 April 2021",)),
    DateRule("within", P_WITHIN, r_within, ("within", *_UNIT_ANCHORS), _COUNT_LEADS,
             examples=("within 28 days", "within the next two weeks", "within 30 calendar days")),
    DateRule("the-unit", P_THE_UNIT, r_the_unit, ("year", "month", "week", "quarter"), ("the",),
             examples=("by the end of the year",)),
    DateRule("ordinal-day", P_ORDINAL_DAY, r_ordinal_day, leads=("the",)),
    DateRule("year-noun", P_YEAR_NOUN, r_year_noun,
             leads=("the", "its", "his", "her", "their", "our", "your", "my", "this", "that"),
             examples=("in the 2007 audit", "after his 2015 review")),
    DateRule("financial-year", P_FINANCIAL_YEAR, r_financial_year, examples=("for 2021/22", "in 2021-22")),
    DateRule("decade", P_DECADE, _r_decade, leads=("the", "early", "mid", "late"),
             examples=("in the 1990s", "the early 2000s", "since the mid-1980s")),
    DateRule("bare-year", P_BARE_YEAR, _r_bare_year, examples=("in 2014", "by the end of 2015")),
)


def _group(rule: DateRule) -> str:
    return "R_" + rule.name.replace("-", "_")


_RULE_OF = {_group(rule): rule for rule in RULES}
SCANNER = re.compile("|".join(f"(?P<{_group(rule)}>{rule.pattern})" for rule in RULES), re.IGNORECASE)
_ALL_ANCHORS = {word for rule in RULES for word in rule.anchors}
# a word another anchor starts ("month" after "mon", "weekend" after "week") is found with it: one pass fewer
ANCHOR_WORDS = tuple(sorted(w for w in _ALL_ANCHORS if not any(w != a and w.startswith(a) for a in _ALL_ANCHORS)))
LEAD_WORDS = frozenset(word for rule in RULES for word in rule.leads)


def resolve_match(text: str, m: re.Match[str], pre: Prefix, sentence: Span,
             doc: PartialDate | None, hits: list[Hit], *, listed: bool = False) -> list[Hit]:
    """The references the rule that matched reads there (most often one), after `hits`; `listed` when
    it follows another one ("in January and February")."""
    rule = _RULE_OF[m.lastgroup or ""]
    c = DateContext(text, m, pre, sentence, doc, listed, hits)
    date = rule.resolve(c)
    if date is None:
        return c.extra
    return sorted([Hit(c.start, c.end, date, c.cue, c.direction, c.rule or rule.name), *c.extra],
                  key=lambda h: (h.start, -h.end))


