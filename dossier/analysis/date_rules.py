"""The date rules: one function per way of telling a date ("14 November 2013", "next Tuesday",
"within 28 days", "Q3 2021" ...) and the table (RULES) that orders them, each resolved against the
document's own date. temporal.find_dates scans the text with the table."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dossier.analysis.date_calendar import (
    Bounds,
    add_months,
    capitalised,
    christmas_bounds,
    count_of,
    day_bounds,
    easter_bounds,
    fiscal_year,
    may_is_verb,
    month_of,
    pick_year,
    range_bounds,
    range_date,
    relative_date,
    shift,
    valid,
    weekday_from,
    weekday_of,
)
from dossier.analysis.date_patterns import (
    AHEAD,
    BEFORE_CUES,
    BY_CUES,
    CLOSES,
    CORRESPONDENCE_OF,
    COUNTED_FROM_ELSEWHERE,
    DAY_CUES,
    DONE_THEN,
    FOLLOWING_THE,
    FULL_STOP_AFTER_WORD,
    FUTURE,
    LEGISLATION,
    MAY_AUXILIARY,
    MOD_QUALIFIER,
    NUMBER_WORDS,
    NUMBERED,
    NUMBERED_MANY,
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
    REPLY_TO,
    REPORTED_WOULD,
    SEASONS,
    SUBORDINATE,
    WAS_TO,
    WEEKDAY_NAMES,
    YEAR_CUES,
    Prefix,
    norm,
    qualifier_of,
)
from dossier.analysis.sentences import Span
from dossier.analysis.tense import by_direction, tense_of
from dossier.analysis.vocab import (
    MONTH_ABBREVIATIONS,
    WEEKDAY_ABBREVIATIONS,
)
from dossier.domain.dates import PartialDate, Precision, Qualifier

_UNSET: object = object()


class _Ctx:
    """What a rule's resolver reads and sets: the match, the words before it, its sentence and the
    document's date; `start`/`end` (the reference's words), `direction` (fixed by its own words) and
    `rule` (where a resolver hands the match to another rule) may be changed by the resolver."""

    __slots__ = ("cue", "direction", "doc", "end", "extra", "g", "hits", "listed", "m", "mod", "qualifier", "rule",
                 "sentence", "start", "text")

    def __init__(self, text: str, m: re.Match[str], pre: Prefix, sentence: Span, doc: PartialDate | None,
                 listed: bool, hits: list[Hit]) -> None:
        self.text, self.m, self.g = text, m, m  # a match reads its groups by name: m["d1"]
        self.sentence, self.doc, self.listed = sentence, doc, listed
        self.hits = hits  # the references found before this one
        self.extra: list[Hit] = []  # more references the same words hold ("6 and 7 November": two days)
        self.start, self.end = pre.start, m.end()
        self.cue, self.mod = pre.cue, pre.mod
        self.qualifier = qualifier_of(pre.cue, pre.mod)
        self.rule: str | None = None
        self.trim_stop()
        self.direction: str | None = None
        start = self.start
        if self.cue in ("since",) or self.mod == "earlier" \
                or REPLY_TO.search(text, max(sentence.start, start - 80), start):
            self.direction = PAST  # "Further to our meeting on Tuesday": what is answered came before
        elif self.cue in ("on", "in", None) and DONE_THEN.search(text, max(sentence.start, start - 40), start):
            self.direction = PAST  # "the notice issued on 12 February", whatever the sentence's main verb
        elif self.cue in ("of", None) and CORRESPONDENCE_OF.search(text, max(sentence.start, start - 40), start):
            self.direction = PAST  # "your letter of 21 October": a letter answered was written before
        if self.direction == PAST and FOLLOWING_THE.search(text, max(sentence.start, start - 80), start) \
                and tense_of(text, sentence, start, self.end, 2) == FUTURE:
            self.direction = None  # "Following the vote in June, a new board will take office"

    def trim_stop(self) -> None:
        if self.text[self.end - 1] == "." and FULL_STOP_AFTER_WORD.search(self.text, self.start, self.end):
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
        return pick_year(bounds, self.doc, mode)

    def tense(self) -> str | None:
        if self.direction:
            return self.direction
        text, sentence, start, end = self.text, self.sentence, self.start, self.end
        if WAS_TO.search(text, max(sentence.start, start - 50), start):
            return None  # "the plan was to go to the board in March": ahead of when it was said, so the nearest
        if REPORTED_WOULD.search(text, max(sentence.start, start - 240), start):
            return AHEAD  # "he said meetings would be held on 9th April": the one just gone, or else the next
        sub = SUBORDINATE.match(text, end, sentence.end)
        if sub is not None and self.cue not in BY_CUES and self.cue not in BEFORE_CUES:
            # "no agreement on 5 March that the board would pay": the verb before governs, and a
            # tense only the clause after "that" has says nothing of the date ("In May it agreed that
            # it would ...": the nearest May)
            return tense_of(text, Span(sentence.start, sub.start("cut")), start, end)
        if self.cue in BY_CUES:
            return by_direction(text, sentence, start, end)
        if self.cue in BEFORE_CUES:  # "it arrived before Christmas": any past verb; "reply before ...": ahead
            return tense_of(text, sentence, start, end) or FUTURE
        return tense_of(text, sentence, start, end)

    def also(self, start: int, end: int, date: PartialDate | None, rule: str, direction: object = _UNSET) -> None:
        """One more reference in the same words, with its own span."""
        if date is not None:
            date = PartialDate(date.value, date.precision, date.qualifier, " ".join(self.text[start:end].split()),
                               date.end_value)
            way: str | None = self.direction if direction is _UNSET else direction  # type: ignore[assignment]
            self.extra.append(Hit(start, end, date, self.cue, way, rule))

    def make(self, year: int, month: int | None = None, day: int | None = None, q: object = _UNSET,
             end_value: str | None = None) -> PartialDate | None:
        qualifier: Qualifier | None = self.qualifier if q is _UNSET else q  # type: ignore[assignment]
        if month is not None and not valid(year, month, day):
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
            year = pick_year(day_bounds(month, day, weekday), c.doc, direction) or \
                pick_year(day_bounds(month, day, weekday), c.doc, None)
        if year is None:
            year = pick_year(day_bounds(month, day), c.doc, direction)
        if year is None:
            return None
    return c.make(year, month, day)


def _r_day_month_year(c: _Ctx) -> PartialDate | None:
    g = c.g
    month, day = month_of(g["m1"]), int(g["d1"])
    year = int(g["y1"]) if g["y1"] else _rel_year(c, g["y1r"])
    if not capitalised(g["m1"]) or (g["m1"].lower() == "may" and year is None
                                     and MAY_AUXILIARY.match(c.text, c.m.end())):
        return None  # after a day, "May I" is the month ("On 3 May I wrote"), "May be" is not
    return _a_day(c, year, month, day, weekday_of(g["wd1"]))


_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|your|a|an)\s+\Z", re.IGNORECASE)
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]{3,}\b")


def _r_month_day_year(c: _Ctx) -> PartialDate | None:
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
    return _a_day(c, int(raw_year) if raw_year else None, month, day, weekday_of(g["wd2"]))


def _r_numeric_date(c: _Ctx) -> PartialDate | None:
    g, m = c.g, c.m
    if NUMBERED.search(c.text, max(0, m.start() - 16), m.start()):
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
    if not capitalised(g["m3"]) or LEGISLATION.search(c.text, max(0, m.start() - 20), m.start()):
        return None
    month = month_of(g["m3"])
    return None if month is None else c.make(int(g["y3"]), month)


def _a_month(c: _Ctx, word: str, rel: str | None) -> PartialDate | None:
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
        month = month_of(c.g["m4"])
        return None if month is None or not capitalised(c.g["m4"]) else c.make(year, month)
    return _a_month(c, c.g["m4"], norm(c.g["mrel"]))


def _months_or(c: _Ctx) -> PartialDate | None:
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
    return bool(_OF_BEFORE.search(text, max(0, m.start() - 30), m.start())) and bool(CLOSES.match(text, m.end()))


def _r_bare_year(c: _Ctx) -> PartialDate | None:
    if c.cue not in YEAR_CUES and c.mod is None and not _OF_YEAR_CLOSING(c.text, c.m) \
            and not _NAMED_BY_YEAR.search(c.text, max(0, c.m.start() - 16), c.m.start()):
        return None
    if LEGISLATION.search(c.text, max(0, c.m.start() - 20), c.m.start()):
        return None
    year = int(c.g["yy"])
    return c.make(year, 12, q=Qualifier.END) if c.mod in ("end", "close", "turn") else c.make(year)


def _a_quarter(c: _Ctx, quarter: int, raw_year: str | None, fiscal_tail: str | None,
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


def _r_quarter(c: _Ctx) -> PartialDate | None:
    return _a_quarter(c, int(c.g["qn"]), c.g["qy"], c.g["qfy"], None)


def _r_quarter_words(c: _Ctx) -> PartialDate | None:
    return _a_quarter(c, QUARTER_WORDS[c.g["qo"].lower()], c.g["qwy"], c.g["qwfy"], c.g["qwr"])


def _r_season(c: _Ctx) -> PartialDate | None:
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


def _r_relative_unit(c: _Ctx) -> PartialDate | None:
    g = c.g
    if c.doc is None:
        return None
    rw, unit = g["rw"].lower(), g["ru"].lower()
    if g["rthe"] and rw in ("next", "last") and c.cue != "within":
        return None  # "the last year", "the next month": a stretch of time, not a date
    step = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "previous": -1}[rw]
    c.direction = PAST if step < 0 else FUTURE if step > 0 else (PAST if c.mod == "earlier" else None)
    return relative_date(c.make, c.doc, unit, step, c.mod, c.qualifier)


def _r_the_unit(c: _Ctx) -> PartialDate | None:
    if c.doc is None or (c.mod not in MOD_QUALIFIER and c.mod not in ("earlier", "later")):
        return None  # "by the end of the year", "earlier in the year": the document's
    if c.mod in ("earlier", "later") and not re.search(r"\bin\s+\Z", c.text[c.start:c.m.start()], re.IGNORECASE):
        return None  # "Later the year was bad": no point in time
    if c.mod == "earlier":
        c.direction = PAST
    return relative_date(c.make, c.doc, c.g["tu"].lower(), 0, c.mod, c.qualifier)


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
    return relative_date(c.make, base, unit, 1, None, c.qualifier)


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
    if not capitalised(g["fn"]):
        return None
    if re.match(r"\s+[A-Z]", c.text[m.end():m.end() + 2]):
        return None  # "Christmas Island", "Easter Road": a name
    if not g["fy"] and not g["frel"] and c.cue is None and c.mod is None:
        return None  # "given the Easter break", "a Christmas card": no point in time
    bounds = christmas_bounds if g["fn"].lower() == "christmas" else easter_bounds
    if g["fy"]:
        year = int(g["fy"])
    else:
        if c.doc is None:
            return None
        picked = c.year_of(norm(g["frel"]), bounds)
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
    if doc is None or doc.precision is not Precision.DAY or not capitalised(g["wd"]):
        return None
    wdr = norm(g["wdr"])
    if g["wdp"] and wdr is None and _ONE_OF_MANY.search(c.text, max(0, c.start - 30), c.start) \
            and not (_ON_THE.search(c.text, max(0, c.start - 10), c.start) and not _OF_AFTER.match(c.text, c.end)):
        return None  # "the final Thursday afternoon of the visit", "every Monday morning": not one day told
    if wdr is None and not c.listed and not g["wdp"] and not CORRESPONDENCE_OF.search(c.text, max(0, c.start - 40), c.start) \
            and c.cue not in ("on", "by", "until", "till", "before", "after", "since", "from",
                                                      "no later than", "not later than", "due", "due on", "due by"):
        return None
    target = WEEKDAY_NAMES[g["wd"].lower()]
    mode = {"last": PAST, "next": FUTURE, "coming": FUTURE, "this": FUTURE}.get(wdr or "") or c.tense()
    if wdr == "last":
        c.direction = PAST
    elif wdr in ("next", "coming"):
        c.direction = FUTURE
    d = weekday_from(doc.earliest(), target, mode)
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
    return shift(c.make, c.doc, count_of(c.g["an"]), c.g["au"].lower(), -1)


def _r_day_span(c: _Ctx) -> PartialDate | None:
    g = c.g
    month, first, last = month_of(g["dsm"]), int(g["ds1"]), int(g["ds2"])
    if month is None or not capitalised(g["dsm"]) or last <= first:
        return None
    if g["dsy"]:
        year = int(g["dsy"])
    elif c.doc is not None:
        picked = pick_year(day_bounds(month, last), c.doc, c.tense())
        if picked is None:
            return None
        year = picked
    else:
        return None
    if not valid(year, month, last):
        return None
    c.also(c.m.start("ds2"), c.end, c.make(year, month, last, q=None), "day-span")  # its last day, on its own
    return c.make(year, month, first, end_value=f"{year:04d}-{month:02d}-{last:02d}")


def _r_time_from_now(c: _Ctx) -> PartialDate | None:
    m, text = c.m, c.text
    if c.doc is None or (text[m.end() - 4:m.end()].lower() == "time"
                         and not re.search(r"\bin\s+$", text[max(0, m.start() - 4):m.start()], re.IGNORECASE)):
        return None  # "in two weeks' time"; "two weeks' time" alone is a length of time
    c.direction = FUTURE
    return shift(c.make, c.doc, count_of(c.g["hn"]), c.g["hu"].lower(), 1)


def _r_in_count(c: _Ctx) -> PartialDate | None:
    """ "I will reply in 10 days", "please respond in three weeks": from the document's date, when
    the clause looks ahead (not "in ten days we processed 300 claims")."""
    if c.doc is None or c.cue != "in" or c.mod is not None or c.tense() != FUTURE:
        return None
    c.direction = FUTURE
    return shift(c.make, c.doc, count_of(c.g["inn"]), c.g["inu"].lower(), 1)


def _r_day_of_month(c: _Ctx) -> PartialDate | None:
    doc = c.doc
    if doc is None or doc.month is None:
        return None
    rel = " ".join(c.g["dr"].lower().split())
    step = {"last": -1, "next": 1}.get(rel, 0)
    c.direction = PAST if step < 0 else FUTURE if step > 0 else None
    year, month = add_months(doc.year, doc.month, step)
    return c.make(year, month, int(c.g["dd"]))


def _r_within(c: _Ctx) -> PartialDate | None:
    if c.doc is None or COUNTED_FROM_ELSEWHERE.match(c.text, c.m.end()):
        return None  # "within a fortnight of completing it": from a day the text does not give
    c.direction = FUTURE
    count = count_of(c.g["wn"]) if c.g["wn"] else 1
    return shift(c.make, c.doc, count, _unit(c.g["wu"]), 1, q=Qualifier.BY)


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
    month, day, year = month_of(g["xm"]), int(g["xd"]), int(g["xy"])
    if month is None or not capitalised(g["xm"]) or not valid(year, month, day):
        return None
    written = PartialDate.of(year, month, day)
    unit = _unit(f"{g['xk'] or ''} {g['xu']}")
    date = shift(c.make, written, count_of(g["xn"]), unit, 1, q=Qualifier.BY)
    c.also(c.m.start("xdate"), c.m.end("xdate"), PartialDate.of(year, month, day), "day-month-year",
           PAST)  # the day counted from: no day to work to
    return date


def _r_day_list(c: _Ctx) -> PartialDate | None:
    """ "6 and 7 November 2018", "on 2, 8 and 15 July": each day its own reference, in the month and
    year written once; each spans from its day to the month (or year) they share."""
    g, m = c.g, c.m
    month = month_of(g["dlm"])
    if month is None or not capitalised(g["dlm"]) or NUMBERED.search(c.text, max(0, m.start() - 16), m.start()) \
            or NUMBERED_MANY.search(c.text, max(0, m.start() - 20), m.start()):
        return None  # "paragraphs 4 and 5 May ..." is no list of days
    if g["dlm"].lower() == "may" and not g["dly"] and MAY_AUXILIARY.match(c.text, m.end()):
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
        year = pick_year(day_bounds(month, last), c.doc, c.tense())
        if year is None:
            return None
    first = c.make(year, month, days[0][0])
    for n, at in days[1:]:
        c.also(at, c.end, c.make(year, month, n), "day-list")
    return first


def _r_month_day_span(c: _Ctx) -> PartialDate | None:
    """ "June 3-5, 2014": the first day, with the last as a bound and as a reference of its own."""
    g = c.g
    month, first, last = month_of(g["mspm"]), int(g["msp1"]), int(g["msp2"])
    if month is None or not capitalised(g["mspm"]) or last <= first:
        return None
    if not g["mspy"] and c.cue is None and not CLOSES.match(c.text, c.m.end()):
        return None  # "June 3-5 people came": a year, a cue or a stop is needed
    if g["mspy"]:
        year = int(g["mspy"])
    elif c.doc is not None:
        picked = pick_year(day_bounds(month, last), c.doc, c.tense())
        if picked is None:
            return None
        year = picked
    else:
        return None
    if not valid(year, month, last):
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
        saturday = weekday_from(base, WEEKDAY_NAMES["saturday"], mode)
        if mode == PAST and rel == "last" and base.weekday() == 6:
            saturday -= dt.timedelta(days=7)  # on a Sunday, "last weekend" is the one before
    sunday = saturday + dt.timedelta(days=1)
    return c.make(saturday.year, saturday.month, saturday.day, end_value=sunday.isoformat())


def _r_weekday_of(c: _Ctx) -> PartialDate | None:
    """ "Tuesday's meeting": the weekday nearest the document's day, as the clause's tense tells."""
    doc = c.doc
    if doc is None or doc.precision is not Precision.DAY or not capitalised(c.g["wpos"]):
        return None
    d = weekday_from(doc.earliest(), WEEKDAY_NAMES[c.g["wpos"].lower()], c.tense())
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
    if c.cue not in DAY_CUES:
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
    if LEGISLATION.search(c.text, max(0, c.start - 20), c.start):
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
    if fiscal_year(c.g["fa"], "/" + c.g["fb"]) != first:
        return None  # "2019-22", "2014/2018": not one year to the next
    if c.cue is None and (NUMBERED.search(c.text, max(0, c.m.start() - 16), c.m.start())
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
_COUNT_LEADS = ("a", "an", "couple", *NUMBER_WORDS)

RULES: tuple[DateRule, ...] = (
    DateRule("day-span", P_DAY_SPAN, _r_day_span, leads=("between",),
             examples=("between 7 and 18 March", "7-18 March 2022", "7 to 18 March")),
    DateRule("day-list", P_DAY_LIST, _r_day_list, leads=("the",),
             examples=("on 4 and 5 October 2018", "on 2, 8 and 15 July", "the 3rd and 17th of June 2010")),
    DateRule("month-day-span", P_MONTH_DAY_SPAN, _r_month_day_span, _MONTH_ANCHORS,
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
    DateRule("financial-year-words", P_FINANCIAL_REL, _r_financial_rel, ("financial", "fiscal", "academic", "school"),
             ("the", "this", "next", "last", "coming", "current"),
             examples=("next financial year", "the current academic year")),
    DateRule("relative-unit", P_RELATIVE_UNIT, _r_relative_unit, ("week", "month", "year", "quarter"),
             ("the", "this", "next", "last", "previous", "coming", "current"),
             examples=("last year", "this month", "the coming year")),
    DateRule("season", P_SEASON, _r_season, ("spring", "summer", "autumn", "winter"), (*_REL_WORDS, "the"),
             examples=("summer 2014", "next spring", "in the autumn")),
    DateRule("month-name", P_MONTH_NAME, _r_month_name, _MONTH_ANCHORS, _REL_WORDS,
             examples=("last November", "in July")),
    DateRule("weekday-of", P_WEEKDAY_OF, _r_weekday_of, _WEEKDAY_ANCHORS, examples=("after Tuesday's meeting",)),
    DateRule("weekday", P_WEEKDAY, _r_weekday, _WEEKDAY_ANCHORS, _REL_WORDS, examples=("next Friday", "on Monday")),
    DateRule("following-unit", P_FOLLOWING_UNIT, _r_following_unit, ("following",), ("the",),
             examples=("the following week", "on the following day")),
    DateRule("new-year", P_NEW_YEAR, _r_new_year, ("year",), ("the",), examples=("in the new year",)),
    DateRule("feast-day", P_FEAST_DAY, _r_feast_day, ("christmas", "easter"), _REL_WORDS,
             examples=("before Christmas", "by Easter 2015", "last Christmas")),
    DateRule("part-of-day", P_PART_OF_DAY, _r_part_of_day, ("morning", "afternoon", "evening", "night"),
             ("this", "last", "yesterday", "tomorrow"), examples=("this morning", "last night", "yesterday afternoon")),
    DateRule("weekend", P_WEEKEND, _r_weekend, ("weekend",), (*_REL_WORDS, "the"),
             examples=("last weekend", "over the weekend")),
    DateRule("today", P_TODAY, _r_today, ("today", "tonight"), examples=("today", "at today's meeting")),
    DateRule("yesterday-tomorrow", P_YESTERDAY_TOMORROW, _r_yesterday_tomorrow, ("yesterday", "tomorrow"),
             examples=("yesterday", "tomorrow")),
    DateRule("ago", P_AGO, _r_ago, _UNIT_ANCHORS, _COUNT_LEADS, examples=("two weeks ago", "a year ago")),
    DateRule("time-from-now", P_TIME_FROM_NOW, _r_time_from_now, _UNIT_ANCHORS, _COUNT_LEADS,
             examples=("in two weeks' time", "three months from now")),
    DateRule("in-count", P_IN_COUNT, _r_in_count, _UNIT_ANCHORS, _COUNT_LEADS,
             examples=("and will act in 10 days", "and will reply in a fortnight")),
    DateRule("day-of-month", P_DAY_OF_MONTH, _r_day_of_month, leads=("the",),
             examples=("the 4th of this month", "the 20th of last month")),
    DateRule("within-of-date", P_WITHIN_OF_DATE, _r_within_of_date, ("within",),
             examples=("within 28 days of 3 April 2021",)),
    DateRule("within", P_WITHIN, _r_within, ("within", *_UNIT_ANCHORS), _COUNT_LEADS,
             examples=("within 28 days", "within the next two weeks", "within 30 calendar days")),
    DateRule("the-unit", P_THE_UNIT, _r_the_unit, ("year", "month", "week", "quarter"), ("the",),
             examples=("by the end of the year",)),
    DateRule("ordinal-day", P_ORDINAL_DAY, _r_ordinal_day, leads=("the",)),
    DateRule("year-noun", P_YEAR_NOUN, _r_year_noun,
             leads=("the", "its", "his", "her", "their", "our", "your", "my", "this", "that"),
             examples=("in the 2007 audit", "after his 2015 review")),
    DateRule("financial-year", P_FINANCIAL_YEAR, _r_financial_year, examples=("for 2021/22", "in 2021-22")),
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
    c = _Ctx(text, m, pre, sentence, doc, listed, hits)
    date = rule.resolve(c)
    if date is None:
        return c.extra
    return sorted([Hit(c.start, c.end, date, c.cue, c.direction, c.rule or rule.name), *c.extra],
                  key=lambda h: (h.start, -h.end))


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    date: PartialDate
    cue: str | None
    direction: str | None  # fixed by the words themselves ("last", "next", "ago"), else None
    rule: str  # the name of the date rule that read it
