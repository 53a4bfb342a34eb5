"""The timeline's time axis: days <-> x, and ticks whose unit follows the zoom (years, months, days).

x grows by `ppd` pixels per day from `origin` (drawn at x = `offset`). The tick unit is the finest
one whose labels still fit: years (in steps of 1, 2, 5, 10... when very far out), months (every
month, or every quarter), then days (every day, every other day, or weekly). The upper tier names
the larger unit (the year above months, the month above days). No Qt here.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from dossier.domain.dates import MONTH_ABBR, PartialDate
from dossier.ui.models.chronology_groups import MONTH_NAMES

YEAR, MONTH, DAY = "year", "month", "day"
MIN_LABEL_GAP = 40.0  # pixels between labels of the lower tier, at least
DAY_PPD = 5.0  # from this many pixels a day, the axis counts days (weekly at first)
MONTH_PPD = 0.4  # from this many, months (quarterly at first)
YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500)
MONTH_STEPS = (1, 3, 6)
DAY_STEPS = (1, 2, 7)


@dataclass(frozen=True, slots=True)
class Tick:
    day: dt.date
    x: float
    label: str


def add_months(day: dt.date, months: int) -> dt.date:
    n = day.year * 12 + day.month - 1 + months
    return dt.date(n // 12, n % 12 + 1, 1)


class TimeScale:
    def __init__(self, origin: dt.date, ppd: float, offset: float = 0.0) -> None:
        self.origin = origin
        self.ppd = ppd
        self.offset = offset

    # -- mapping ---------------------------------------------------------------------------------
    def x_of(self, day: dt.date | float) -> float:
        """The left edge of a day (a float day is an ordinal with a fraction)."""
        ordinal = day.toordinal() if isinstance(day, dt.date) else day
        return self.offset + (ordinal - self.origin.toordinal()) * self.ppd

    def ordinal_at(self, x: float) -> float:
        return self.origin.toordinal() + (x - self.offset) / self.ppd

    def day_at(self, x: float) -> dt.date:
        ordinal = min(max(1, math.floor(self.ordinal_at(x))), dt.date.max.toordinal())
        return dt.date.fromordinal(ordinal)

    def span(self, date: PartialDate) -> tuple[float, float]:
        """From the start of a date's first day to the end of its last: a month spans its month."""
        return self.x_of(date.earliest()), self.x_of(date.latest()) + self.ppd

    # -- ticks -----------------------------------------------------------------------------------
    @property
    def unit(self) -> str:
        if self.ppd >= DAY_PPD:
            return DAY
        if self.ppd >= MONTH_PPD:
            return MONTH
        return YEAR

    @property
    def step(self) -> int:
        """How many units between two labels of the lower tier."""
        unit = self.unit
        if unit == DAY:
            return next((s for s in DAY_STEPS if s * self.ppd >= MIN_LABEL_GAP * 0.6), DAY_STEPS[-1])
        if unit == MONTH:
            return next((s for s in MONTH_STEPS if s * 30.4 * self.ppd >= MIN_LABEL_GAP * 0.85), MONTH_STEPS[-1])
        return next((s for s in YEAR_STEPS if s * 365.25 * self.ppd >= MIN_LABEL_GAP), YEAR_STEPS[-1])

    def ticks(self, x0: float, x1: float) -> list[Tick]:
        """The lower tier between x0 and x1: one tick per step of the unit."""
        first, last = self.day_at(x0), self.day_at(x1)
        unit, step = self.unit, self.step
        out: list[Tick] = []
        if unit == YEAR:
            year = first.year - first.year % step
            while year <= last.year:
                if year >= 1:
                    day = dt.date(year, 1, 1)
                    out.append(Tick(day, self.x_of(day), str(year)))
                year += step
        elif unit == MONTH:
            day = dt.date(first.year, first.month - (first.month - 1) % step, 1)
            while day <= last:
                label = MONTH_ABBR[day.month - 1]
                out.append(Tick(day, self.x_of(day), label))
                day = add_months(day, step)
        else:
            day = first
            while day <= last:
                if _day_shown(day.day, step):
                    out.append(Tick(day, self.x_of(day), str(day.day)))
                day += dt.timedelta(days=1)
        return out

    def upper_ticks(self, x0: float, x1: float) -> list[Tick]:
        """The upper tier: the year above months, the month above days (none above years)."""
        first, last = self.day_at(x0), self.day_at(x1)
        unit = self.unit
        out: list[Tick] = []
        if unit == MONTH:
            for year in range(first.year, last.year + 1):
                day = dt.date(year, 1, 1)
                out.append(Tick(day, self.x_of(day), str(year)))
        elif unit == DAY:
            day = dt.date(first.year, first.month, 1)
            while day <= last:
                out.append(Tick(day, self.x_of(day), f"{MONTH_NAMES[day.month - 1]} {day.year}"))
                day = add_months(day, 1)
        return out

    def boundaries(self, x0: float, x1: float) -> list[float]:
        """Where the grid lines go: every unit (not only the labelled ones), if they are not too close."""
        unit = self.unit
        first, last = self.day_at(x0), self.day_at(x1)
        out: list[float] = []
        if unit == DAY and self.ppd >= 12:
            day = first
            while day <= last:
                out.append(self.x_of(day))
                day += dt.timedelta(days=1)
        elif unit in (DAY, MONTH) and 30.4 * self.ppd >= 8:
            day = dt.date(first.year, first.month, 1)
            while day <= last:
                out.append(self.x_of(day))
                day = add_months(day, 1)
        else:
            step = max(1, self.step)
            for year in range(first.year - first.year % step, last.year + 1, step):
                if year >= 1:
                    out.append(self.x_of(dt.date(year, 1, 1)))
        return out


def _day_shown(day: int, step: int) -> bool:
    if step == 1:
        return True
    if step == 2:
        return day % 2 == 1 and day != 31
    return day in (1, 8, 15, 22)


OUTLIER_SHARE = 0.1  # Fit leaves out at most this share of the entries (and always at least one may go)
OUTLIER_GAP_DAYS = 366  # a stretch is cut only where nothing is dated for more than a year
MIN_BULK = 3  # and only where at least this many entries stay in view


def bulk_span(groups: list[tuple[dt.date, dt.date, int]]) -> tuple[int, int]:
    """Which of the groups (first day, last day, entries; in date order) Fit shows: [lo, hi].

    A run of groups at either end is left out when a gap of more than a year, and more than twice
    as long as all that remains, parts it from the rest, so long as no more than a tenth of the
    entries are left out (one always may be) and at least MIN_BULK stay: one letter misdated by
    twenty years, or an old letter and the events it dates, does not squeeze the case into a sliver.
    Where several cuts qualify, the widest gap is cut first.
    """
    if not groups:
        return 0, -1
    total = sum(n for _a, _b, n in groups)
    allowed = max(1, int(total * OUTLIER_SHARE))
    lo, hi, cut = 0, len(groups) - 1, 0

    def fits(count: int) -> bool:
        return cut + count <= allowed and total - cut - count >= MIN_BULK

    while hi > lo:
        best: tuple[int, int, int, int] | None = None  # (gap, new lo, new hi, entries left out)
        count = 0
        for i in range(lo, hi):  # leave out groups lo..i
            count += groups[i][2]
            if not fits(count):
                break
            gap, rest = (groups[i + 1][0] - groups[i][1]).days, (groups[hi][1] - groups[i + 1][0]).days
            if gap > OUTLIER_GAP_DAYS and gap > 2 * rest and (best is None or gap > best[0]):
                best = (gap, i + 1, hi, count)
        count = 0
        for j in range(hi, lo, -1):  # leave out groups j..hi
            count += groups[j][2]
            if not fits(count):
                break
            gap, rest = (groups[j][0] - groups[j - 1][1]).days, (groups[j - 1][1] - groups[lo][0]).days
            if gap > OUTLIER_GAP_DAYS and gap > 2 * rest and (best is None or gap > best[0]):
                best = (gap, lo, j - 1, count)
        if best is None:
            break
        _gap, lo, hi, left_out = best
        cut += left_out
    return lo, hi
