"""Partial dates: one type for document dates, dated references, deadlines and chronology entries.

A PartialDate holds an ISO value cut to its precision ("2014", "2014-03", "2014-03-27"), an
optional qualifier (about, before, after, by, early, mid, late, end, between) and the words as
written. It sorts by its earliest bound, then by precision (coarser first), and renders the way
people write dates in UK correspondence ("27 Mar 2014", "early Jun 2014", "c. 2013").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Qualifier(StrEnum):
    ABOUT = "about"
    BEFORE = "before"
    AFTER = "after"
    BY = "by"
    EARLY = "early"
    MID = "mid"
    LATE = "late"
    END = "end"
    BETWEEN = "between"


_PRECISION_RANK = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2}
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _parse_iso(value: str) -> tuple[int, int | None, int | None]:
    m = _ISO.match(value.strip())
    if not m:
        raise ValueError(f"not an ISO partial date: {value!r}")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month out of range in {value!r}")
    if day is not None:
        dt.date(year, month or 1, day)  # raises ValueError on 31 Feb and the like
    return year, month, day


@dataclass(frozen=True, slots=True)
class PartialDate:
    value: str
    precision: Precision
    qualifier: Qualifier | None = None
    text: str = ""
    end_value: str | None = None  # second bound, for qualifier BETWEEN

    def __post_init__(self) -> None:
        object.__setattr__(self, "precision", Precision(self.precision))
        if self.qualifier is not None:
            object.__setattr__(self, "qualifier", Qualifier(self.qualifier))
        _year, month, day = _parse_iso(self.value)
        expected = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
        if expected != self.precision:
            raise ValueError(f"value {self.value!r} does not have precision {self.precision.value}")
        if self.end_value is not None:
            _parse_iso(self.end_value)

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None, *,
           qualifier: Qualifier | str | None = None, text: str = "") -> PartialDate:
        if day is not None and month is not None:
            return cls(f"{year:04d}-{month:02d}-{day:02d}", Precision.DAY,
                       Qualifier(qualifier) if qualifier else None, text)
        if month is not None:
            return cls(f"{year:04d}-{month:02d}", Precision.MONTH, Qualifier(qualifier) if qualifier else None, text)
        return cls(f"{year:04d}", Precision.YEAR, Qualifier(qualifier) if qualifier else None, text)

    @classmethod
    def from_date(cls, d: dt.date, text: str = "") -> PartialDate:
        return cls.of(d.year, d.month, d.day, text=text)

    @classmethod
    def parse_iso(cls, value: str, text: str = "") -> PartialDate:
        """Build from "2014", "2014-03" or "2014-03-27" (the form `--date` takes)."""
        year, month, day = _parse_iso(value)
        return cls.of(year, month, day, text=text or value)

    # -- parts and bounds --------------------------------------------------------------------
    @property
    def year(self) -> int:
        return int(self.value[:4])

    @property
    def month(self) -> int | None:
        return int(self.value[5:7]) if len(self.value) >= 7 else None

    @property
    def day(self) -> int | None:
        return int(self.value[8:10]) if len(self.value) >= 10 else None

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        if self.end_value:
            return PartialDate.parse_iso(self.end_value).latest()
        if self.day:
            return self.earliest()
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def sort_key(self) -> tuple[dt.date, int]:
        return (self.earliest(), _PRECISION_RANK[self.precision])

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    # -- display -----------------------------------------------------------------------------
    def display(self) -> str:
        base = _format_value(self.value)
        q = self.qualifier
        if q is None:
            return base
        if q is Qualifier.ABOUT:
            return f"c. {base}"
        if q is Qualifier.BETWEEN and self.end_value:
            return f"{base} – {_format_value(self.end_value)}"
        if q is Qualifier.END:
            return f"end {base}"
        return f"{q.value} {base}"

    def __str__(self) -> str:
        return self.display()

    # -- serialisation -----------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "precision": self.precision.value, "text": self.text}
        if self.qualifier:
            out["qualifier"] = self.qualifier.value
        if self.end_value:
            out["end_value"] = self.end_value
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> PartialDate | None:
        if not data:
            return None
        return cls(data["value"], Precision(data["precision"]), data.get("qualifier"), data.get("text", ""),
                   data.get("end_value"))


def _format_value(value: str) -> str:
    year, month, day = _parse_iso(value)
    if day and month:
        return f"{day} {MONTH_ABBR[month - 1]} {year}"
    if month:
        return f"{MONTH_ABBR[month - 1]} {year}"
    return str(year)
