"""Calendar arithmetic for the date finder: month ends, years picked for a day or a month told
without one, Easter and Christmas, spans of days, weeks and months counted from a date."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from dossier.analysis.date_patterns import AHEAD, FUTURE, MAY_VERB, NUMBER_WORDS, PAST, WEEKDAY_NAMES
from dossier.analysis.vocab import (
    MONTHS,
)
from dossier.domain.dates import PartialDate, Precision, Qualifier


def weekday_of(word: str | None) -> int | None:
    if not word:
        return None
    key = word.lower().rstrip(".")[:3]
    return next((i for name, i in WEEKDAY_NAMES.items() if name.startswith(key)), None)


def capitalised(word: str) -> bool:
    return word[:1].isupper()


def may_is_verb(text: str, end: int) -> bool:
    """ "May I", "May we": the verb, not the month."""
    return MAY_VERB.match(text, end) is not None


def count_of(word: str) -> int:
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


def fiscal_year(first: str | None, second: str | None) -> int | None:
    """The first calendar year of a financial year written "2021/22" or "2021-2022", if it is one."""
    if not first or not second:
        return None
    start, end = int(first), int(second[1:])
    return start if end in (start + 1, (start + 1) % 100) else None


def range_date(make: Callable[..., PartialDate | None], year: int, first: int, last: int,
                qualifier: Qualifier | None) -> PartialDate | None:
    end_year = year + 1 if last < first else year
    if qualifier in (Qualifier.BY, Qualifier.BEFORE, Qualifier.EARLY):
        return make(year, first, q=qualifier)
    if qualifier in (Qualifier.END, Qualifier.LATE, Qualifier.AFTER):
        return make(end_year, last, q=qualifier)
    if qualifier is Qualifier.MID:
        mid_year, mid_month = add_months(year, first, 1)
        return make(mid_year, mid_month, q=None)
    return make(year, first, end_value=f"{end_year:04d}-{last:02d}")


def relative_date(make: Callable[..., PartialDate | None], doc: PartialDate, unit: str, step: int, mod: str | None,
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
        year, first = add_months(doc.year, 1, 3 * quarter)
        _last_year, last = add_months(year, first, 2)
        return range_date(make, year, first, last, qualifier)
    if unit == "month":
        if doc.month is None:
            return None
        year, month = add_months(doc.year, doc.month, step)
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


def shift(make: Callable[..., PartialDate | None], doc: PartialDate, count: int, unit: str, sign: int,
           q: Qualifier | None = None) -> PartialDate | None:
    if unit in ("month", "year"):
        months = count * (12 if unit == "year" else 1) * sign
        if doc.month is None:
            return make(doc.year + months // 12, q=q) if unit == "year" else None
        year, month = add_months(doc.year, doc.month, months)
        if unit == "year" and doc.precision is Precision.YEAR:
            return make(year, q=q)
        return make(year, month, q=q)
    if doc.precision is not Precision.DAY:
        if doc.month is None:
            return None
        days = {"day": 1, "working day": 1, "week": 7, "fortnight": 14}[unit] * count
        year, month = add_months(doc.year, doc.month, round(days / 30) * sign)
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


def weekday_from(base: dt.date, target: int, mode: str | None) -> dt.date:
    ahead = (target - base.weekday()) % 7 or 7
    behind = (base.weekday() - target) % 7 or 7
    if mode == PAST:
        return base - dt.timedelta(days=behind)
    if mode == FUTURE:
        return base + dt.timedelta(days=ahead)
    return base + dt.timedelta(days=ahead) if ahead <= behind else base - dt.timedelta(days=behind)


# -- calendar helpers -----------------------------------------------------------------------------
def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def month_of(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def valid(year: int, month: int, day: int | None) -> bool:
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return True


Bounds = Callable[[int], "tuple[dt.date, dt.date] | None"]


def pick_year(bounds: Bounds, doc: PartialDate, mode: str | None) -> int | None:
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
        return max(gone, key=lambda o: o[1])[0] if gone else pick_year(bounds, doc, FUTURE)
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


def day_bounds(month: int, day: int | None, weekday: int | None = None) -> Bounds:
    """A day or month in a given year; with `weekday`, only years in which the day falls on it."""
    def bounds(year: int) -> tuple[dt.date, dt.date] | None:
        if day is None:
            return dt.date(year, month, 1), _month_end(year, month)
        if not valid(year, month, day):
            return None
        d = dt.date(year, month, day)
        if weekday is not None and d.weekday() != weekday:
            return None
        return d, d
    return bounds


def range_bounds(first: int, last: int) -> Bounds:
    def bounds(year: int) -> tuple[dt.date, dt.date]:
        end_year = year + 1 if last < first else year
        return dt.date(year, first, 1), _month_end(end_year, last)
    return bounds


def christmas_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 12, 25), dt.date(year, 12, 25)


def easter_bounds(year: int) -> tuple[dt.date, dt.date]:
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
