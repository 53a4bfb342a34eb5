"""What every reader shares: the error a reader raises for a file it cannot read."""

from __future__ import annotations


class ReadError(Exception):
    """A reader's refusal. `reason` is one lower-case line; the dispatcher adds the file name."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
