"""What a date rule reads about one match (DateContext): the match's groups, the words before it,
its sentence, the document's date and how to make a day of it. Shared by the rules of
date_rules.py and relative_dates.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.analysis.date_calendar import (
    Bounds,
    day_bounds,
    pick_year,
    valid,
)
from dossier.analysis.date_patterns import (
    AHEAD,
    BEFORE_CUES,
    BY_CUES,
    CORRESPONDENCE_OF,
    DONE_THEN,
    FOLLOWING_THE,
    FULL_STOP_AFTER_WORD,
    FUTURE,
    PAST,
    REPLY_TO,
    REPORTED_WOULD,
    SUBORDINATE,
    WAS_TO,
    Prefix,
    qualifier_of,
)
from dossier.analysis.sentences import Span
from dossier.analysis.tense import by_direction, tense_of
from dossier.domain.dates import PartialDate, Precision, Qualifier

_UNSET: object = object()


class DateContext:
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
            way: str | None = self.direction if direction is _UNSET else direction  # type: ignore[assignment]  # a str or None, once not _UNSET
            self.extra.append(Hit(start, end, date, self.cue, way, rule))

    def make(self, year: int, month: int | None = None, day: int | None = None, q: object = _UNSET,
             end_value: str | None = None) -> PartialDate | None:
        qualifier: Qualifier | None = self.qualifier if q is _UNSET else q  # type: ignore[assignment]  # a Qualifier or None, once not _UNSET
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


def a_day(c: DateContext, year: int | None, month: int | None, day: int, weekday: int | None = None) -> PartialDate | None:
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


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    date: PartialDate
    cue: str | None
    direction: str | None  # fixed by the words themselves ("last", "next", "ago"), else None
    rule: str  # the name of the date rule that read it
