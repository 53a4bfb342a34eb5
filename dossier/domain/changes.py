"""What an edit changed: every writing service method says so, and the views refresh from it.

A service knows what it wrote; the window need not guess. `Changes` names the kinds of data an
edit touched and, where the service knows them, which ids of each kind (a kind touched with no
ids listed means "some of these, which is not said"). `Changed[T]` carries a service's result
together with its changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")
Id = int | str  # chronology entries are known by a key, everything else by a number


class Kind(StrEnum):
    DOCUMENTS = "documents"  # the documents themselves: a re-file, a copy mark, an import
    METADATA = "metadata"  # a document's metadata: date, title, sender, recipients
    ACTORS = "actors"
    MENTIONS = "mentions"
    SUGGESTIONS = "suggestions"
    ACTIONS = "actions"
    CHRONOLOGY = "chronology"
    ANNOTATIONS = "annotations"
    REVIEWS = "reviews"  # the reviewed marks of documents
    BRIEFINGS = "briefings"  # the briefing draft and the exports recorded


@dataclass(frozen=True, slots=True)
class Changes:
    """The kinds an edit touched and, per kind, the ids touched where they are known."""

    kinds: frozenset[Kind] = frozenset()
    known: tuple[tuple[Kind, frozenset[Id]], ...] = field(default=())  # kinds whose ids are all listed

    @staticmethod
    def none() -> Changes:
        return Changes()

    @staticmethod
    def everything() -> Changes:
        return Changes(frozenset(Kind))

    @staticmethod
    def of(kind: Kind, ids: Iterable[Id] | None = None) -> Changes:
        """One kind; with `ids`, exactly those ids of it."""
        if ids is None:
            return Changes(frozenset({kind}))
        return Changes(frozenset({kind}), ((kind, frozenset(ids)),))

    @staticmethod
    def kinds_of(*kinds: Kind) -> Changes:
        """Several kinds, which ids not said."""
        return Changes(frozenset(kinds))

    def touches(self, kind: Kind) -> bool:
        return kind in self.kinds

    def touches_any(self, *kinds: Kind) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def ids(self, kind: Kind) -> frozenset[Id] | None:
        """The ids of `kind` touched: empty if the kind was not touched, None if which is not known."""
        if kind not in self.kinds:
            return frozenset()
        return self._known().get(kind)

    def _known(self) -> Mapping[Kind, frozenset[Id]]:
        return dict(self.known)

    def __or__(self, other: Changes) -> Changes:
        mine, theirs = self._known(), other._known()
        known: list[tuple[Kind, frozenset[Id]]] = []
        for kind in sorted(self.kinds | other.kinds):
            a = mine.get(kind) if kind in self.kinds else frozenset()
            b = theirs.get(kind) if kind in other.kinds else frozenset()
            if a is not None and b is not None:  # an unknown set on either side leaves it unknown
                known.append((kind, a | b))
        return Changes(self.kinds | other.kinds, tuple(known))

    def __bool__(self) -> bool:
        return bool(self.kinds)


@dataclass(frozen=True, slots=True)
class Changed(Generic[T]):
    """What a writing service method returns: its result, and what it changed."""

    value: T
    changes: Changes
