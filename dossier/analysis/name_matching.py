"""Matching a name against the names already known: the same actor under a shorter form, initials,
"the Council" for the one organisation of that kind, and the index that keeps those checks fast.

Apart from finding actors in a text (analysis/actors.py): the services match against the dossier's
who's who with these alone."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from dossier.analysis.actors_people import alias_of, name_key
from dossier.analysis.names import canonical_name
from dossier.analysis.vocab import DIMINUTIVES

_GENERIC_REFERENCE = re.compile(r"^(?:the|your|our|this|that|their)\s+([A-Za-z][\w'-]*)$", re.IGNORECASE)


@lru_cache(maxsize=65_536)
def generic_head(name: str) -> str | None:
    """The head noun of a generic reference ("the Council" -> "council"), else None."""
    m = _GENERIC_REFERENCE.match(" ".join(name.split()))
    return m.group(1).casefold() if m else None


def refers_to(name: str, known_organisations: Sequence[str], index: NameIndex | None = None) -> str | None:
    """The one organisation a generic reference can stand for ("the Council" -> the one "... Council")."""
    head = generic_head(name)
    if head is None:
        return None
    if index is not None:
        known_organisations = index.ordered(index.marked(("word", head)))
    hits = [k for k in known_organisations if generic_head(k) is None and k.split()[-1].casefold() == head]
    return hits[0] if len(hits) == 1 else None


def shorter_forms_of(name: str, known: Collection[str], *, organisation: bool = False,
                     index: NameIndex | None = None) -> list[str]:
    """Known names that are shorter forms of `name` and of no other known name.

    When a fuller name arrives ("Ann Roe" after "Roe", or "Wexcombe Council" after "the Council"),
    these are the actors it absorbs. A known name is first tried against `name` alone, which it
    must match in any case; only those that do are tried against all the others, so accepting a
    dossier's worth of names stays quick. With an `index` of the known names, only the names it
    offers are tried against `name` alone (the same answer, without reading every known name).
    """
    mine = (name, _keyed(name))
    first = index.shorter_candidates(name, organisation) if index is not None else dict.fromkeys(known)
    out = []
    keyed: list[tuple[str, tuple[str, ...]]] | None = None
    for short in first:
        if short == name:
            continue
        key = _keyed(short)
        alone = _match(short, key, [mine]) == name
        generic = organisation and refers_to(short, [name]) == name
        if not (alone or generic):
            continue
        if index is not None:  # of the other known names, those that can answer for `short`; `name` last
            near = set(index.match_candidates(short))
            if (head := generic_head(short)) is not None:
                near |= index.marked(("word", head))
            others = [(k, _keyed(k)) for k in index.ordered(near) if k not in (short, name)] + [mine]
        else:
            if keyed is None:
                keyed = [(k, _keyed(k)) for k in dict.fromkeys(known) if k != name]
            others = [pair for pair in keyed if pair[0] != short] + [mine]
        if (alone and _match(short, key, others) == name) or (
                generic and refers_to(short, [k for k, _kk in others]) == name):
            out.append(short)
    return out


def _acronym(name: str) -> str | None:
    """The capitals of a name that may be an acronym ("WCC"), as `_match` reads one."""
    letters = name.strip()
    if 2 <= len(letters) <= 6 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2:
        return "".join(c for c in letters if c.isupper())
    return None


class NameIndex:
    """Known names filed under what a name must share with another to match it (its key, its last
    or first word, its initials...), so that `match_actor`, `refers_to` and `shorter_forms_of` over
    thousands of known names compare only the few that can match, in the known names' order.

    Names are kept in the order they were added (the order of the `known` sequence they stand for).
    """

    def __init__(self, names: Sequence[str] = ()) -> None:
        self._marks: dict[tuple[str, ...], dict[str, None]] = {}
        self._position: dict[str, int] = {}
        self._next = 0
        for n in names:
            self.add(n)

    def __contains__(self, name: str) -> bool:
        return name in self._position

    def add(self, name: str) -> None:
        if name in self._position:
            return
        self._position[name] = self._next
        self._next += 1
        for mark in self._marks_of(name):
            self._marks.setdefault(mark, {})[name] = None

    def remove(self, name: str) -> None:
        if self._position.pop(name, None) is None:
            return
        for mark in self._marks_of(name):
            self._marks.get(mark, {}).pop(name, None)

    @staticmethod
    def _marks_of(name: str) -> set[tuple[str, ...]]:
        key = _keyed(name)
        marks: set[tuple[str, ...]] = {("fold", name.casefold()), ("fold", name.strip().casefold()),
                                       ("initials", _org_initials(name))}
        if key:
            marks |= {("key", *key), ("last", key[-1]), ("first", key[0])}
            if len(key) == 1:
                marks |= {("given", g) for g in (key[0], *DIMINUTIVES.get(key[0], ()))}
        if (caps := _acronym(name)) is not None:
            marks.add(("caps", caps))
        if generic_head(name) is not None:
            marks.add(("generic",))
        elif name.split():
            marks.add(("word", name.split()[-1].casefold()))
        return marks

    def marked(self, *marks: tuple[str, ...]) -> set[str]:
        out: set[str] = set()
        for mark in marks:
            out.update(self._marks.get(mark, ()))
        return out

    def ordered(self, names: set[str]) -> list[str]:
        return sorted(names, key=self._position.__getitem__)

    def match_candidates(self, name: str) -> list[str]:
        """The known names `_match(name, ...)` can return: the same key or folded name, a name
        `name` can be a shorter form of, an organisation whose initials it is."""
        key = _keyed(name)
        if not key:
            return []
        marks: list[tuple[str, ...]] = [("key", *key), ("fold", name.strip().casefold()), ("last", key[-1])]
        if len(key) == 1:
            marks += [("first", g) for g in (key[0], *DIMINUTIVES.get(key[0], ()))]
        if (caps := _acronym(name)) is not None:
            marks.append(("initials", caps))
        return self.ordered(self.marked(*marks))

    def shorter_candidates(self, name: str, organisation: bool) -> list[str]:
        """The known names that can be shorter forms of `name` (matched against it alone), and
        for an organisation the generic references ("the Council")."""
        key = _keyed(name)
        marks: list[tuple[str, ...]] = [("fold", name.casefold()), ("caps", _org_initials(name))]
        if key:
            marks += [("key", *key), ("last", key[-1]), ("given", key[0])]
        if organisation:
            marks.append(("generic",))
        return self.ordered(self.marked(*marks))


def match_actor(name: str, known: Sequence[str], index: NameIndex | None = None) -> str | None:
    """The known actor `name` is an alias of ("Lord Bee" -> "Al Bee", "Al" -> "Al Bee" when no other
    known name starts with "Al", "A Bee" or "Rob Bee" -> "Robert Bee"; an acronym -> the organisation
    with those initials), else None.
    A fuller name is not an alias of a shorter known one ("Al Bee" does not match a known "Bee").
    With an `index` of the known names, only the names it offers are compared (the same answer)."""
    if index is not None:
        known = index.match_candidates(name)
    return _match(name, _keyed(name), [(k, _keyed(k)) for k in known])


@lru_cache(maxsize=65_536)
def _keyed(name: str) -> tuple[str, ...]:
    """The key a name is matched by (its canonical form, folded): one name's is worked out once,
    however many times a dossier's names are compared."""
    return name_key(canonical_name(name) or name)


def _match(name: str, key: tuple[str, ...], keys: Sequence[tuple[str, tuple[str, ...]]]) -> str | None:
    """match_actor over the known names with their keys."""
    if not key:
        return None
    folded = name.strip().casefold()
    for k, kk in keys:
        if kk == key or k.casefold() == folded:
            return k
    hits = [k for k, kk in keys if kk and alias_of(key, kk)]
    if len(hits) == 1:
        return hits[0]
    letters = name.strip()
    if 2 <= len(letters) <= 6 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2:
        caps = "".join(c for c in letters if c.isupper())
        orgs = [k for k, _kk in keys if _org_initials(k) == caps]
        if len(orgs) == 1:
            return orgs[0]
    return None


def _org_initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())
