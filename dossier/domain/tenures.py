"""Who held which post when: the rules over tenures' partial dates (pure functions).

A tenure runs from its start to its end, each an ISO partial value ("2014", "2014-09",
"2014-09-01") or unknown. A tenure covers a day when it started on or before it (an unknown start:
always) and has not ended before it (an unknown end: still held). A start given to the month
counts from the month's first day; an end given to the month runs to its last day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from dossier.domain.dates import PartialDate, Precision

T = TypeVar("T")

# Every quote and apostrophe a letter may use, folded to the straight one.
QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "″": "'", "′": "'", "ʼ": "'",
                        "“": '"', "”": '"', "„": '"', "\u00a0": " "})


def fold_title(text: str) -> str:
    """Quotes folded to straight ones, white space to single spaces."""
    return " ".join(text.translate(QUOTES).split())


def post_key(title: str) -> str:
    """The key two spellings of one post title share: quotes, apostrophes, case and spaces aside."""
    return " ".join(fold_title(title).replace("'", "").replace('"', "").split()).casefold()


def same_post(key: str, other: str) -> bool:
    """Whether two post keys name one person's one post: the same title with or without its
    organisation ("chief executive" / "chief executive @ wessex county council"), or with a place
    after it ("... in anytown"); two different organisations make two posts."""
    base, _, org = key.partition(" @ ")
    new, _, new_org = other.partition(" @ ")
    if org and new_org and org != new_org:
        return False
    return base == new or any(base.startswith(f"{new} {w} ") or new.startswith(f"{base} {w} ") for w in ("in", "at"))


def post_label(title: str, organisation: str | None = None, note: str | None = None) -> str:
    """ "Director of Place (acting)", "Chief Executive, Wessex County Council"."""
    org = f", {organisation}" if organisation else ""
    return f"{title}{org}{f' ({note})' if note else ''}"


def covers(start: str | None, end: str | None, day: dt.date) -> bool:
    if start and PartialDate.parse_iso(start).earliest() > day:
        return False
    return not (end and PartialDate.parse_iso(end).latest() < day)


def day_before(value: str) -> str:
    """The last period before a start: the day before a day, the month before a month; a year
    (too coarse to end another tenure cleanly) is kept."""
    date = PartialDate.parse_iso(value)
    if date.precision is Precision.DAY:
        return (date.earliest() - dt.timedelta(days=1)).isoformat()
    if date.precision is Precision.MONTH:
        first = date.earliest() - dt.timedelta(days=1)
        return first.isoformat()[:7]
    return value


def finer(new: str, old: str | None) -> bool:
    """Whether `new` says more than `old`: `old` unknown, or `new` more precise within it."""
    if old is None:
        return True
    a, b = PartialDate.parse_iso(new), PartialDate.parse_iso(old)
    return len(new) > len(old) and b.earliest() <= a.earliest() <= b.latest()


def held_on(tenures: Iterable[T], day: dt.date, start_of, end_of) -> list[T]:
    """The tenures covering `day`, the latest started first."""
    found = [t for t in tenures if covers(start_of(t), end_of(t), day)]
    found.sort(key=lambda t: start_of(t) or "", reverse=True)
    return found


def span_text(start: str | None, end: str | None) -> str:
    """ "1 Sep 2014 – 31 Aug 2016", "Mar 2012 –", "– 30 Jun 2014" ("" when neither is known)."""
    if not start and not end:
        return ""
    a = PartialDate.parse_iso(start).display() if start else ""
    b = PartialDate.parse_iso(end).display() if end else ""
    return f"{a} – {b}".strip()
