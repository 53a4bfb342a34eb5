"""The keys of a chronology listing, read from the service a block at a time as they are reached.

A filter of the chronology is counted, not listed (ChronologyService.listing): 60,000 deadlines
are 120 month counts. This sequence stands in for the list of keys the lazy table model holds,
fetching the block of keys around a position the first time it is read, and asking the service
where a key stands. No Qt here.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Any, overload

from dossier.domain.chronology import ChronologyListing

BLOCK = 256  # keys read at once: a few of the table's blocks of rows
ROW_BLOCK = 64  # rows of the chronology table fetched at once (an entry's row is costly to gather)
MAX_BLOCKS = 64
WHOLE = 4096  # keys read at once when all of them are walked


class ListedKeys(Sequence[str]):
    """The keys of `listing` in order, read through `service` (window and position)."""

    def __init__(self, service: Any, listing: ChronologyListing) -> None:
        self._service = service
        self.listing = listing
        self._count = listing.count
        self._blocks: OrderedDict[int, list[str]] = OrderedDict()
        self._positions: dict[str, int] = {}

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            out: list[str] = []
            while start < stop:
                block = self._block(start // BLOCK)
                offset = start % BLOCK
                take = block[offset:offset + stop - start]
                if not take:  # the dossier changed under the listing: fewer keys than counted
                    break
                out.extend(take)
                start += len(take)
            return out
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        block = self._block(index // BLOCK)
        offset = index % BLOCK
        if offset >= len(block):
            raise IndexError(index)
        return block[offset]

    def __iter__(self) -> Iterator[str]:
        for start in range(0, self._count, WHOLE):
            yield from self._service.window(self.listing, start, start + WHOLE)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.position(key) is not None

    def position(self, key: str) -> int | None:
        """Where a key stands (None when the listing leaves it out)."""
        if key not in self._positions:
            found = self._service.position(self.listing, key)
            if found is None:
                return None
            self._positions[key] = found
        return self._positions[key]

    def index(self, key: Any, start: int = 0, stop: int | None = None) -> int:
        position = self.position(key) if isinstance(key, str) else None
        if position is None or position < start or (stop is not None and position >= stop):
            raise ValueError(f"{key!r} is not listed")
        return position

    def _block(self, n: int) -> list[str]:
        block = self._blocks.get(n)
        if block is None:
            block = self._service.window(self.listing, n * BLOCK, (n + 1) * BLOCK)
            self._blocks[n] = block
            self._positions.update((key, n * BLOCK + i) for i, key in enumerate(block))
            while len(self._blocks) > MAX_BLOCKS:
                _old, dropped = self._blocks.popitem(last=False)
                for key in dropped:
                    self._positions.pop(key, None)
        else:
            self._blocks.move_to_end(n)
        return block
