"""Year and month group headers for the chronology, computed without reading every entry.

The chronology lists its keys in date order (earliest bound, then precision; undated last), so the
group of an entry — its year and month, or only its year for a year-precision date — never goes
down along the list. The first entry of each group can then be found by probing a few positions
and narrowing in on every place where the group changes, like a batched binary search. For a
dossier of 100,000 entries spread over 20 years this reads the dates of a few thousand entries
instead of all of them; a small chronology is simply read whole.

`GroupLayout` interleaves the header rows with the entries: view row <-> position in the keys.
No Qt here.
"""

from __future__ import annotations

import calendar
import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from dossier.domain.dates import PartialDate, Precision

Group = tuple[int, int]  # (year, month); month 0 for a year-precision date; UNDATED_GROUP for none
UNDATED_GROUP: Group = (10_000, 0)
UNDATED = "Undated"
MONTH_NAMES = tuple(calendar.month_name[1:])

FULL_READ_LIMIT = 4_000  # up to this many entries, read every date (exact whatever the order)
FAN_OUT = 32  # probes per range that still has a change of group in it
LEAF = 256  # a range this short is read whole
PROBE_CHUNK = 2_000  # positions per call to the probe function


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


def find_runs(count: int, probe: Callable[[Sequence[int]], list[Group]], *, full_limit: int = FULL_READ_LIMIT,
              fan_out: int = FAN_OUT, leaf: int = LEAF) -> list[Run]:
    """The runs of equal groups among `count` entries whose groups never go down.

    `probe(positions)` gives the groups of the entries at those positions. Every position is read
    when count <= full_limit; otherwise only around the changes of group.
    """
    if count <= 0:
        return []
    known: dict[int, Group] = {}

    def read(positions: Sequence[int]) -> None:
        wanted = sorted({p for p in positions if p not in known})
        for n in range(0, len(wanted), PROBE_CHUNK):
            chunk = wanted[n:n + PROBE_CHUNK]
            for position, group in zip(chunk, probe(chunk), strict=True):
                known[position] = group

    if count <= full_limit:
        read(range(count))
    else:
        read([0, count - 1])
        pending = [(0, count - 1)]
        while pending:
            positions: list[int] = []
            for lo, hi in pending:
                if hi - lo <= leaf:
                    positions.extend(range(lo + 1, hi))
                else:
                    step = (hi - lo) / fan_out
                    positions.extend(lo + round(step * i) for i in range(1, fan_out))
            read(positions)
            next_pending = []
            points = sorted(known)
            for lo, hi in pending:
                inside = points[bisect_left(points, lo):bisect_right(points, hi)]
                for a, b in pairwise(inside):
                    if b - a > 1 and known[a] != known[b]:
                        next_pending.append((a, b))
            pending = next_pending
    runs: list[Run] = []
    points = sorted(known)
    start = 0
    for a, b in pairwise(points):
        if known[a] != known[b]:  # adjacent here: either every position was read or the range narrowed to 1
            runs.append(Run(start, b, known[a]))
            start = b
    runs.append(Run(start, count, known[points[-1]]))
    return _merge_equal(runs)


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
