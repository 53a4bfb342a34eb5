"""The clock the services read the time from, given to them when a dossier is opened.

No service reads the wall clock itself: the window and the command line give them a `SystemClock`,
tests a `FixedClock` or a `SteppingClock`, so a test of "the later edit is stamped later" never
waits for the next second.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The moment, in UTC (timezone-aware)."""
        ...

    def today(self) -> dt.date:
        """The user's calendar day (what "as at today" means)."""
        ...


class SystemClock:
    """The computer's clock: what the window and the command line use."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        return dt.date.today()


class FixedClock:
    """Always the same moment (a naive `at` is taken as UTC)."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)

    def now(self) -> dt.datetime:
        return self.at.astimezone(dt.UTC)

    def today(self) -> dt.date:
        return self.at.date()


class SteppingClock:
    """A moment `step` later each time it is read (`today` does not move it)."""

    def __init__(self, start: dt.datetime, step: dt.timedelta = dt.timedelta(seconds=1)) -> None:
        self.at = start if start.tzinfo is not None else start.replace(tzinfo=dt.UTC)
        self.step = step

    def now(self) -> dt.datetime:
        at = self.at
        self.at = at + self.step
        return at.astimezone(dt.UTC)

    def today(self) -> dt.date:
        return self.at.date()


def stamp(clock: Clock) -> str:
    """The moment as the dossier stores it: ISO 8601 in UTC, to the second."""
    return clock.now().astimezone(dt.UTC).replace(microsecond=0).isoformat()


def file_stamp(clock: Clock) -> str:
    """The moment for a file name: 20240131T094500Z."""
    return clock.now().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


SYSTEM_CLOCK = SystemClock()
