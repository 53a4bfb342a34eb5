"""The chronology's listing: documents, entries and actions' dates in date order, counted by
group and read a window at a time. The listing SQL stops here."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import (
    and_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from dossier.db.models import (
    Action,
    Actor,
    Annotation,
    AnnotationTag,
    ChronologyEntry,
    Document,
    DocumentParty,
)
from dossier.db.models import EntrySource as SourceRow
from dossier.domain.chronology import (
    ACTION_DUE_KEY,
    ACTION_SET_KEY,
    DOCUMENT_KEY,
    ENTRY_KEY,
    NOT_MATTERING,
    ChronologyFilter,
    EntryKind,
    ListingGroup,
    code_of_key,
    key_of_code,
)

KIND_ORDER = {EntryKind.DOCUMENT: 0, EntryKind.EVENT: 1, EntryKind.DEADLINE: 2, EntryKind.OWN: 3}


# -- listing --------------------------------------------------------------------------------------
#
# The chronology is ordered by three sort columns: `s`, the partial ISO date itself ("2014" <
# "2014-03" < "2014-03-01" < "2014-03-02" is exactly the order by earliest bound and then
# precision, so nothing is computed per row to sort; undated entries have UNDATED_SORT and come
# last), `k`, the kind's order, and `code`, the entry's key packed as an integer (KEY_FORMS). The
# listing is a UNION ALL of the documents, the entries and the actions' two dates, each part
# narrowed by an index where a filter allows it (the actor's ids, the date range, the tag).
#
# A filter never lists its keys. It counts them by group (a month, or a year for year-precision
# dates, or undated): that lays out the headers. A stretch of keys is then read by position within
# the few groups it falls in, which their sort values bound, so reading a block of 256 keys sorts a
# month's entries, not 60,000.



UNDATED_SORT = "~"  # after every digit: undated entries sort last (and it is no date)


def chronology_keys(session: Session, **filters: Any) -> list[str]:
    """Every entry's key, in order: the whole listing (for a briefing, or a caller that wants all)."""
    parts = _listing_parts(session.connection(), ChronologyFilter.of(**filters))
    if not parts:
        return []
    listing = _union(parts)
    codes = _plain_rows(session.connection(), select(listing.c.code).order_by(*_order(listing)))
    return [key_of_code(code) for (code,) in codes]


def chronology_listing(session: Session, f: ChronologyFilter) -> tuple[tuple[ListingGroup, ...], tuple[int, ...] | None]:
    """How many entries the filter lists in each group, in order (the undated group last); and,
    for a filter that tests words (see ChronologyListing), every key, packed, in order."""
    conn = session.connection()
    parts = _listing_parts(conn, f)
    if not parts:
        return (), ()
    if f.narrows_by_words:
        listing = _union(parts)
        rows = _plain_rows(conn, select(listing.c.code, listing.c.s).order_by(*_order(listing)))
        groups = tuple(ListingGroup(None if g == UNDATED_SORT else g, len(list(run)))
                       for g, run in groupby(rows, key=lambda row: row[1][:7]))
        return groups, tuple(code for code, _s in rows)
    counted = []
    for part in parts:  # counted part by part, then added up: quicker than one GROUP BY over all
        sub = part.subquery()
        prefix = func.substr(sub.c.s, 1, 7).label("g")
        counted.append(select(prefix, func.count().label("c")).group_by(prefix))
    both = union_all(*counted).subquery() if len(counted) > 1 else counted[0].subquery()
    rows = _plain_rows(conn, select(both.c.g, func.sum(both.c.c)).group_by(both.c.g).order_by(both.c.g))
    return tuple(ListingGroup(None if g == UNDATED_SORT else g, int(c)) for g, c in rows), None


def listing_window(session: Session, f: ChronologyFilter, groups: Sequence[ListingGroup], start: int,
                   stop: int) -> list[str]:
    """The keys at positions [start, stop) of the listing whose groups these are."""
    starts = _group_starts(groups)
    total = starts[-1]
    start, stop = max(0, start), min(stop, total)
    if start >= stop:
        return []
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, stop - 1) - 1
    conn = session.connection()
    parts = _listing_parts(conn, f, within=_bounds(groups, first, last))
    listing = _union(parts)
    codes = _plain_rows(conn, select(listing.c.code).order_by(*_order(listing))
                        .limit(stop - start).offset(start - starts[first]))
    return [key_of_code(code) for (code,) in codes]


def listing_position(session: Session, f: ChronologyFilter, groups: Sequence[ListingGroup], key: str) -> int | None:
    """Where a key stands in the listing (None when the filter does not list it)."""
    code = code_of_key(key)
    if code is None:
        return None
    conn = session.connection()
    listing = _union(_listing_parts(conn, f, code=code))
    found = conn.execute(select(listing.c.s, listing.c.k)).first()
    if found is None:
        return None
    s, k = found
    prefix = s[:7]
    n = next((i for i, g in enumerate(groups) if (g.prefix or UNDATED_SORT) == prefix), None)
    if n is None:  # the listing changed since its groups were counted
        return None
    listing = _union(_listing_parts(conn, f, within=_bounds(groups, n, n)))
    before = or_(listing.c.s < s, and_(listing.c.s == s, or_(listing.c.k < k, and_(listing.c.k == k,
                                                                                   listing.c.code < code))))
    earlier = conn.execute(select(func.count()).select_from(listing).where(before)).scalar_one()
    return _group_starts(groups)[n] + earlier


def _group_starts(groups: Sequence[ListingGroup]) -> list[int]:
    """Each group's first position, and the total after them."""
    starts = [0]
    for g in groups:
        starts.append(starts[-1] + g.count)
    return starts


def _bounds(groups: Sequence[ListingGroup], first: int, last: int) -> tuple[str, str | None]:
    """The sort values bounding groups first..last: [lo, hi), hi None for no upper bound.

    Groups follow one another in sort order, and every value of a group begins with its prefix, so
    the values of groups first..last are those from the first's prefix up to the next one's. (A
    year-precision value "2014" is its group's only value, and sorts before the next, "2014-01".)
    """
    lo = groups[first].prefix or UNDATED_SORT
    hi = (groups[last + 1].prefix or UNDATED_SORT) if last + 1 < len(groups) else None
    return lo, hi


def _within(value: Any, bounds: tuple[str, str | None]) -> Any:
    """The rows whose sort value (the partial date, UNDATED_SORT when there is none) is in bounds."""
    lo, hi = bounds
    if lo == UNDATED_SORT:
        return value.is_(None)
    if hi is None:
        return or_(value >= lo, value.is_(None))
    if hi == UNDATED_SORT:
        return value >= lo
    return and_(value >= lo, value < hi)


def _holder(conn: Any) -> Any:
    """A test that a column holds some casefolded words, whatever their case.

    SQLite's LIKE already ignores case, for ASCII letters, just as its lower() folds only those:
    lower() on every row (which doubles a text filter's time) changes nothing there. Other
    databases get ILIKE.
    """
    if conn.dialect.name == "sqlite":
        return lambda column, words: column.contains(words, autoescape=True)
    return lambda column, words: column.icontains(words, autoescape=True)


def _union(parts: list[Any]) -> Any:
    if len(parts) == 1:  # written plainly: a conditional around union_all(*parts) crashes mypy
        return parts[0].subquery("listing")
    return union_all(*parts).subquery("listing")


def _order(listing: Any) -> tuple[Any, ...]:
    return listing.c.s, listing.c.k, listing.c.code


@dataclass(frozen=True, slots=True)
class _Narrowing:
    """What narrows each part of the listing: the filter's tests, as SQL wants them."""

    kinds: frozenset[EntryKind]
    lo: str | None
    hi: str | None
    words: list[str]
    who: str
    actor_ids: list[int] | None
    tagged: Any
    form: int | None
    ident: int | None
    within: tuple[str, str | None] | None
    holds: Any
    matters_only: bool


def _listing_parts(conn: Any, f: ChronologyFilter, *, within: tuple[str, str | None] | None = None,
                   code: int | None = None) -> list[Any]:
    """The parts of the listing, each giving s, k and code (see above): narrowed by the filter, and
    to the sort values within bounds, or to the one row of a packed key."""
    kinds = f.kinds if f.kinds is not None else frozenset(EntryKind)
    lo = f.date_from.isoformat() if f.date_from else None
    hi = f.date_to.isoformat() if f.date_to else None
    words = [w.casefold() for w in f.text.split()]
    who = " ".join(f.actor.casefold().split()) if f.actor else ""
    actor_ids = list(conn.execute(select(Actor.id).where(Actor.name_key.contains(who, autoescape=True)))
                     .scalars()) if who else None
    tagged = _tagged_annotations(f.tag) if f.tag and f.tag.strip() else None
    form, ident = (code & 3, code >> 2) if code is not None else (None, None)
    n = _Narrowing(kinds, lo, hi, words, who, actor_ids, tagged, form, ident, within, _holder(conn), f.matters_only)
    return [*_document_part(n), *_entry_part(n), *_action_parts(n)]


def _document_part(n: _Narrowing) -> list[Any]:
    """The documents, on the dates they were sent."""
    if EntryKind.DOCUMENT not in n.kinds or n.form not in (None, DOCUMENT_KEY):
        return []
    stmt = _listing(Document.date_value, KIND_ORDER[EntryKind.DOCUMENT], Document.id, DOCUMENT_KEY)
    if n.ident is not None:
        stmt = stmt.where(Document.id == n.ident)
    if n.within:
        stmt = stmt.where(_within(Document.date_value, n.within))
    if n.actor_ids is not None:
        stmt = stmt.where(Document.id.in_(select(DocumentParty.document_id)
                                          .where(DocumentParty.actor_id.in_(n.actor_ids))))
    for w in n.words:
        stmt = stmt.where(or_(n.holds(Document.heading, w), n.holds(Document.file_name, w)))
    stmt = _partial_range(stmt, Document.date_value, n.lo, n.hi)
    if n.tagged is not None:
        stmt = stmt.where(Document.id.in_(select(n.tagged.c.document_id)))
    return [stmt]


def _entry_part(n: _Narrowing) -> list[Any]:
    """The entries: dated references and own entries (not the deadlines an action carries)."""
    entry_kinds = sorted(k.value for k in n.kinds if k is not EntryKind.DOCUMENT)
    if not entry_kinds or n.form not in (None, ENTRY_KEY):
        return []
    order = case({k.value: KIND_ORDER[k] for k in EntryKind if k is not EntryKind.DOCUMENT},
                 value=ChronologyEntry.kind)
    stmt = _listing(ChronologyEntry.date_value, order, ChronologyEntry.id, ENTRY_KEY)
    if n.ident is not None:
        stmt = stmt.where(ChronologyEntry.id == n.ident)
    if n.within:
        stmt = stmt.where(_within(ChronologyEntry.date_value, n.within))
    if len(entry_kinds) < len(EntryKind) - 1 or n.within:
        # a window names the kinds even when it is all of them: with "not carried", they lead
        # the listing index, and the window's dates that follow them narrow by it as well.
        # (A whole listing does not: filtering by words, it reads the table faster.)
        stmt = stmt.where(ChronologyEntry.kind.in_(entry_kinds))
    # a deadline an action carries is shown once, as the action (see refresh_carried)
    stmt = stmt.where(ChronologyEntry.carried == False)  # noqa: E712  # "= 0": the index takes it
    if n.who:
        stmt = stmt.where(n.holds(ChronologyEntry.actors, n.who))
    for w in n.words:
        stmt = stmt.where(n.holds(ChronologyEntry.description, w))
    if n.matters_only:
        stmt = stmt.where(ChronologyEntry.event_kind.not_in(sorted(NOT_MATTERING)))
    if n.lo:  # date_sort is the earliest bound, kept on writing, and indexed
        stmt = stmt.where(ChronologyEntry.date_sort >= n.lo)
    if n.hi:
        stmt = stmt.where(ChronologyEntry.date_sort <= n.hi)
    if n.tagged is not None:
        stmt = stmt.where(ChronologyEntry.id.in_(
            select(SourceRow.entry_id).join(n.tagged, n.tagged.c.document_id == SourceRow.document_id)
            .where(_in_passage(n.tagged, SourceRow.start, SourceRow.end))))
    return [stmt]


def _action_parts(n: _Narrowing) -> list[Any]:
    """The actions, on their due dates, or (none) the day they were set."""
    parts: list[Any] = []
    for part, value in ((ACTION_DUE_KEY, Action.due_value), (ACTION_SET_KEY, Action.set_value)):
        kind = EntryKind.DEADLINE if part == ACTION_DUE_KEY else EntryKind.EVENT
        if kind not in n.kinds or n.form not in (None, part):
            continue
        stmt = _listing(value, KIND_ORDER[kind], Action.id, part).where(value.is_not(None))
        if part == ACTION_SET_KEY:  # an action with a due date is one row, on that date
            stmt = stmt.where(Action.due_value.is_(None))
        if n.ident is not None:
            stmt = stmt.where(Action.id == n.ident)
        if n.within:
            stmt = stmt.where(_within(value, n.within))
        if n.actor_ids is not None:
            stmt = stmt.where(Action.owner_id.in_(n.actor_ids))
        for w in n.words:
            stmt = stmt.where(n.holds(Action.summary, w))
        stmt = _partial_range(stmt, value, n.lo, n.hi)
        if n.tagged is not None:
            stmt = stmt.where(exists().where(n.tagged.c.document_id == Action.document_id,
                                             _in_passage(n.tagged, Action.start, Action.end)))
        parts.append(stmt)
    return parts


def _listing(value: Any, order: Any, id_column: Any, form: int) -> Any:
    """One part of the listing: sort value (undated last), kind order, and the packed key."""
    return select(func.coalesce(value, UNDATED_SORT).label("s"), literal(order).label("k")
                  if isinstance(order, int) else order.label("k"), (id_column * 4 + form).label("code"))


def _plain_rows(conn: Any, stmt: Any) -> list[Any]:
    """Every row as the driver's plain tuples. For listings of tens of thousands of rows, where
    building a SQLAlchemy Row for each would take longer than the query."""
    result = conn.execute(stmt)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _partial_range(stmt: Any, value: Any, lo: str | None, hi: str | None) -> Any:
    """Partial ISO values ("2014", "2014-03", "2014-03-27") whose earliest bound lies in [lo, hi].

    A value is never above its earliest bound and begins with its year, so `value` between lo's
    year and hi narrows by the value's own index; the exact test runs on what that lets through.
    """
    earliest = earliest_sql(value)
    if lo:
        stmt = stmt.where(value >= lo[:4], earliest >= lo)
    if hi:
        stmt = stmt.where(value <= hi, earliest <= hi)
    return stmt


def earliest_sql(value: Any) -> Any:
    """The earliest bound of a partial ISO value in SQL: "2014" -> "2014-01-01", "2014-03" -> "2014-03-01"."""
    return value + func.substr("-01-01", func.length(value) - 3)


def _tagged_annotations(tag: str) -> Any:
    """Where the annotations carrying a tag (in any case) lie, as a subquery."""
    return (select(Annotation.document_id, Annotation.start, Annotation.end)
            .join(AnnotationTag, AnnotationTag.annotation_id == Annotation.id)
            .where(func.lower(AnnotationTag.tag) == " ".join(tag.split()).casefold())
            .subquery("tagged"))


def _in_passage(tagged: Any, start: Any, end: Any) -> Any:
    """An annotation inside or across a passage; a source with no passage is its whole document."""
    return or_(start.is_(None), end.is_(None), and_(tagged.c.start < end, tagged.c.end > start))
