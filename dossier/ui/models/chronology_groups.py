"""Year and month group headers for the chronology.

The service lists the entries in date order (earliest bound, then precision; undated last), and
counts them by group: the first seven characters of each one's partial ISO date, which is its year
and month, or only its year for a year-precision date. Those counts are the runs of the layout,
so no key and no row is read to place the headers.

`GroupLayout` interleaves the header rows with the entries: view row <-> position in the keys.
No Qt here.
"""

from __future__ import annotations

import calendar
import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.domain.chronology import ListingGroup
from dossier.domain.dates import PartialDate, Precision

Group = tuple[int, int]  # (year, month); month 0 for a year-precision date; UNDATED_GROUP for none
UNDATED_GROUP: Group = (10_000, 0)
UNDATED = "Undated"
MONTH_NAMES = tuple(calendar.month_name[1:])


def group_of(date: PartialDate | None) -> Group:
    if date is None:
        return UNDATED_GROUP
    return (date.year, 0 if date.precision is Precision.YEAR else date.month or 0)


def group_span(group: Group) -> tuple[dt.date, dt.date] | None:
    """The days a group covers (a year, or a month); None for undated."""
    if group == UNDATED_GROUP:
        return None
    year, month = group
    if month == 0:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, slots=True)
class Run:
    """Entries [start, end) of the keys that share a group."""

    start: int
    end: int
    group: Group

    @property
    def count(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Header:
    """A header row shown before the entry at position `before` ("2014", "March 2014", "Undated")."""

    before: int
    label: str
    level: int  # 0 for a year (or Undated), 1 for a month
    group: Group
    count: int  # the entries under it


def runs_of_groups(groups: Sequence[ListingGroup]) -> list[Run]:
    """The runs of a listing counted by group (ChronologyService.listing), in order."""
    runs: list[Run] = []
    start = 0
    for g in groups:
        runs.append(Run(start, start + g.count, _group_of_prefix(g.prefix or "")))
        start += g.count
    return _merge_equal(runs)


def _group_of_prefix(prefix: str) -> Group:
    """(year, month) of "2014-03", (year, 0) of "2014", UNDATED_GROUP of anything else."""
    try:
        if len(prefix) == 4:
            return (int(prefix), 0)
        if len(prefix) == 7 and prefix[4] == "-":
            return (int(prefix[:4]), int(prefix[5:7]))
    except ValueError:
        pass
    return UNDATED_GROUP


def _merge_equal(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if out and out[-1].group == run.group and out[-1].end == run.start:
            out[-1] = Run(out[-1].start, run.end, run.group)
        else:
            out.append(run)
    return out


def headers_for(runs: Sequence[Run]) -> list[Header]:
    """A year header where the year changes, a month header before each month's entries."""
    headers: list[Header] = []
    year: int | None = None
    year_at: int | None = None  # index in headers of the current year's header
    for run in runs:
        if run.group == UNDATED_GROUP:
            headers.append(Header(run.start, UNDATED, 0, run.group, run.count))
            year = None
            continue
        y, m = run.group
        if y != year:
            year, year_at = y, len(headers)
            headers.append(Header(run.start, str(y), 0, (y, 0), 0))
        assert year_at is not None
        top = headers[year_at]
        headers[year_at] = Header(top.before, top.label, 0, top.group, top.count + run.count)
        if m:
            headers.append(Header(run.start, f"{MONTH_NAMES[m - 1]} {y}", 1, run.group, run.count))
    return headers


class GroupLayout:
    """Where the header rows go among the entries, and the mapping between rows and positions."""

    def __init__(self, runs: Sequence[Run] = (), count: int = 0, *, grouped: bool = True) -> None:
        self.runs: list[Run] = list(runs)
        self.count = count
        self.headers: list[Header] = headers_for(self.runs) if grouped else []
        self._header_rows = [h.before + n for n, h in enumerate(self.headers)]
        self._befores = [h.before for h in self.headers]
        self._run_starts = [r.start for r in self.runs]

    @property
    def row_count(self) -> int:
        return self.count + len(self.headers)

    def header_at(self, row: int) -> Header | None:
        n = bisect_right(self._header_rows, row) - 1
        if n >= 0 and self._header_rows[n] == row:
            return self.headers[n]
        return None

    def position_at(self, row: int) -> int | None:
        """The position in the keys of the entry at `row` (None for a header or out of range)."""
        if not 0 <= row < self.row_count:
            return None
        n = bisect_right(self._header_rows, row) - 1
        if n >= 0 and self._header_rows[n] == row:
            return None
        return row - (n + 1)

    def row_of_position(self, position: int) -> int | None:
        if not 0 <= position < self.count:
            return None
        return position + bisect_right(self._befores, position)

    def header_row(self, n: int) -> int:
        return self._header_rows[n]

    def run_of(self, position: int) -> Run | None:
        n = bisect_right(self._run_starts, position) - 1
        return self.runs[n] if n >= 0 and position < self.runs[n].end else None

    def group_at(self, position: int) -> Group | None:
        run = self.run_of(position)
        return run.group if run else None

    def dated_runs(self) -> list[Run]:
        return [r for r in self.runs if r.group != UNDATED_GROUP]

    @property
    def undated_count(self) -> int:
        return sum(r.count for r in self.runs if r.group == UNDATED_GROUP)
