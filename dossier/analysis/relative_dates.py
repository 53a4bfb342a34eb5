"""The date rules for dates told relative to another: "next week", "three weeks ago", "within 28
days", "Tuesday", "today", "the following month", a weekend, a list of days, a financial year.
Each reads a match through a DateContext; date_rules.RULES orders them with the others."""

from __future__ import annotations

import datetime as dt
import re

from dossier.analysis.date_calendar import (
    add_months,
    capitalised,
    christmas_bounds,
    count_of,
    day_bounds,
    easter_bounds,
    fiscal_year,
    month_of,
    pick_year,
    relative_date,
    shift,
    valid,
    weekday_from,
)
from dossier.analysis.date_context import DateContext
from dossier.analysis.date_patterns import (
    CLOSES,
    CORRESPONDENCE_OF,
    COUNTED_FROM_ELSEWHERE,
    DAY_CUES,
    FUTURE,
    LEGISLATION,
    MAY_AUXILIARY,
    MOD_QUALIFIER,
    NUMBERED,
    NUMBERED_MANY,
    PAST,
    WEEKDAY_NAMES,
    norm,
)
from dossier.analysis.sentences import Span
from dossier.domain.dates import PartialDate, Precision, Qualifier


def r_relative_unit(c: DateContext) -> PartialDate | None:
    g = c.g
    if c.doc is None:
        return None
    rw, unit = g["rw"].lower(), g["ru"].lower()
    if g["rthe"] and rw in ("next", "last") and c.cue != "within":
        return None  # "the last year", "the next month": a stretch of time, not a date
    step = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "previous": -1}[rw]
    c.direction = PAST if step < 0 else FUTURE if step > 0 else (PAST if c.mod == "earlier" else None)
    return relative_date(c.make, c.doc, unit, step, c.mod, c.qualifier)


def r_the_unit(c: DateContext) -> PartialDate | None:
    if c.doc is None or (c.mod not in MOD_QUALIFIER and c.mod not in ("earlier", "later")):
        return None  # "by the end of the year", "earlier in the year": the document's
    if c.mod in ("earlier", "later") and not re.search(r"\bin\s+\Z", c.text[c.start:c.m.start()], re.IGNORECASE):
        return None  # "Later the year was bad": no point in time
    if c.mod == "earlier":
        c.direction = PAST
    return relative_date(c.make, c.doc, c.g["tu"].lower(), 0, c.mod, c.qualifier)


_FOLLOWING_REACH = 600  # how far back the date a "following" week counts from may be told


def r_following_unit(c: DateContext) -> PartialDate | None:
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


def r_financial_rel(c: DateContext) -> PartialDate | None:
    """ "next financial year" (from April), "this academic year" (from September): the two years it spans."""
    doc = c.doc
    if doc is None or doc.month is None:
        return None
    opens = 9 if c.g["fyk"].lower() in ("academic", "school") else 4
    step = {"next": 1, "coming": 1, "last": -1}.get(c.g["fyr"].lower(), 0)
    first = (doc.year if doc.month >= opens else doc.year - 1) + step
    c.direction = PAST if step < 0 else FUTURE if step > 0 else None
    return c.make(first, end_value=f"{first + 1:04d}", q=None)


def r_new_year(c: DateContext) -> PartialDate | None:
    doc = c.doc
    if doc is None:
        return None
    year = doc.year if doc.month in (1, 2) and doc.precision is not Precision.YEAR else doc.year + 1
    c.direction = FUTURE
    return c.make(year, q=Qualifier.EARLY if c.qualifier is None else c.qualifier)


def r_feast_day(c: DateContext) -> PartialDate | None:
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


def r_weekday(c: DateContext) -> PartialDate | None:
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


def r_yesterday_tomorrow(c: DateContext) -> PartialDate | None:
    if c.doc is None or c.doc.precision is not Precision.DAY:
        return None
    step = 1 if c.g["dayrel"].lower() == "tomorrow" else -1
    c.direction = FUTURE if step > 0 else PAST
    d = c.doc.earliest() + dt.timedelta(days=step)
    return c.make(d.year, d.month, d.day)


_AGE_STAMP = re.compile(r"\s*\([^()\n]{0,40}\)\s*")


def r_ago(c: DateContext) -> PartialDate | None:
    if c.doc is None:
        return None
    m, text = c.m, c.text
    line_start, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
    if _AGE_STAMP.fullmatch(text, line_start, len(text) if line_end < 0 else line_end):
        return None  # "(2 years, 3 months ago)" on a line of its own: a web page's age when it was saved
    c.direction = PAST
    return shift(c.make, c.doc, count_of(c.g["an"]), c.g["au"].lower(), -1)



def _day_span(c: DateContext, month: int, first: int, last: int, year_text: str | None, last_group: str,
              rule: str) -> PartialDate | None:
    """A span of days in one month: its first day, bounded by its last, which is also a reference
    of its own. The year is the one written, else the one the document's date and tense pick."""
    if year_text:
        year = int(year_text)
    elif c.doc is not None:
        picked = pick_year(day_bounds(month, last), c.doc, c.tense())
        if picked is None:
            return None
        year = picked
    else:
        return None
    if not valid(year, month, last):
        return None
    c.also(c.m.start(last_group), c.end, c.make(year, month, last, q=None), rule)  # its last day, on its own
    return c.make(year, month, first, end_value=f"{year:04d}-{month:02d}-{last:02d}")

def r_day_span(c: DateContext) -> PartialDate | None:
    g = c.g
    month, first, last = month_of(g["dsm"]), int(g["ds1"]), int(g["ds2"])
    if month is None or not capitalised(g["dsm"]) or last <= first:
        return None
    return _day_span(c, month, first, last, g["dsy"], "ds2", "day-span")


def r_time_from_now(c: DateContext) -> PartialDate | None:
    m, text = c.m, c.text
    if c.doc is None or (text[m.end() - 4:m.end()].lower() == "time"
                         and not re.search(r"\bin\s+$", text[max(0, m.start() - 4):m.start()], re.IGNORECASE)):
        return None  # "in two weeks' time"; "two weeks' time" alone is a length of time
    c.direction = FUTURE
    return shift(c.make, c.doc, count_of(c.g["hn"]), c.g["hu"].lower(), 1)


def r_in_count(c: DateContext) -> PartialDate | None:
    """ "I will reply in 10 days", "please respond in three weeks": from the document's date, when
    the clause looks ahead (not "in ten days we processed 300 claims")."""
    if c.doc is None or c.cue != "in" or c.mod is not None or c.tense() != FUTURE:
        return None
    c.direction = FUTURE
    return shift(c.make, c.doc, count_of(c.g["inn"]), c.g["inu"].lower(), 1)


def r_day_of_month(c: DateContext) -> PartialDate | None:
    doc = c.doc
    if doc is None or doc.month is None:
        return None
    rel = " ".join(c.g["dr"].lower().split())
    step = {"last": -1, "next": 1}.get(rel, 0)
    c.direction = PAST if step < 0 else FUTURE if step > 0 else None
    year, month = add_months(doc.year, doc.month, step)
    return c.make(year, month, int(c.g["dd"]))


def r_within(c: DateContext) -> PartialDate | None:
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


def r_within_of_date(c: DateContext) -> PartialDate | None:
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


def r_day_list(c: DateContext) -> PartialDate | None:
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


def r_month_day_span(c: DateContext) -> PartialDate | None:
    """ "June 3-5, 2014": the first day, with the last as a bound and as a reference of its own."""
    g = c.g
    month, first, last = month_of(g["mspm"]), int(g["msp1"]), int(g["msp2"])
    if month is None or not capitalised(g["mspm"]) or last <= first:
        return None
    if not g["mspy"] and c.cue is None and not CLOSES.match(c.text, c.m.end()):
        return None  # "June 3-5 people came": a year, a cue or a stop is needed
    return _day_span(c, month, first, last, g["mspy"], "msp2", "month-day-span")


def r_weekend(c: DateContext) -> PartialDate | None:
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


def r_weekday_of(c: DateContext) -> PartialDate | None:
    """ "Tuesday's meeting": the weekday nearest the document's day, as the clause's tense tells."""
    doc = c.doc
    if doc is None or doc.precision is not Precision.DAY or not capitalised(c.g["wpos"]):
        return None
    d = weekday_from(doc.earliest(), WEEKDAY_NAMES[c.g["wpos"].lower()], c.tense())
    return c.make(d.year, d.month, d.day)


def r_today(c: DateContext) -> PartialDate | None:
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


def r_part_of_day(c: DateContext) -> PartialDate | None:
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


def r_ordinal_day(c: DateContext) -> PartialDate | None:
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


def r_year_noun(c: DateContext) -> PartialDate | None:
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


def r_financial_year(c: DateContext) -> PartialDate | None:
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
