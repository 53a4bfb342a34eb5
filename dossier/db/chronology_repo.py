"""The chronology: documents, dated references, actions and own entries, in date order. SQL stops here."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from typing import Any

from sqlalchemy import (
    and_,
    case,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.orm import Session

from dossier.db import search
from dossier.db.actors_repo import row_dict
from dossier.db.models import (
    Action,
    Actor,
    Annotation,
    AnnotationTag,
    ChronologyEntry,
    ConflictResolution,
    Document,
    DocumentParty,
    EntryConflict,
    Paragraph,
)
from dossier.db.models import EntrySource as SourceRow
from dossier.domain.chronology import (
    ACTION_DUE_KEY,
    ACTION_SET_KEY,
    DOCUMENT_KEY,
    ENTRY_KEY,
    KIND_WINDOW_DAYS,
    NOT_MATTERING,
    Account,
    ChronologyFilter,
    ChronologyRow,
    DocumentText,
    EntryFields,
    EntryKind,
    EntrySource,
    ListingGroup,
    action_statement,
    code_of_key,
    event_matters,
    key_of_code,
    one_event_dated_differently,
    similar,
)
from dossier.domain.dates import PartialDate, Precision
from dossier.domain.errors import NotFound
from dossier.domain.findings import DateRole

RANK = {Precision.YEAR.value: 0, Precision.MONTH.value: 1, Precision.DAY.value: 2}
KIND_ORDER = {EntryKind.DOCUMENT: 0, EntryKind.EVENT: 1, EntryKind.DEADLINE: 2, EntryKind.OWN: 3}


def _date(value, precision, qualifier=None, text=None, end_value=None) -> PartialDate | None:
    if not value or not precision:
        return None
    return PartialDate(value, precision, qualifier, text or "", end_value)


_ANY_WORD = re.compile(r"[^\W_]+")
SHARED_RUN = 8  # words in a row two passages share when one quotes the other


def share_a_run(a: str, b: str, n: int = SHARED_RUN) -> bool:
    """Whether two passages share n words in a row (case and punctuation aside): one quotes the other."""
    wa, wb = _ANY_WORD.findall(a.casefold()), _ANY_WORD.findall(b.casefold())
    runs = {tuple(wa[i:i + n]) for i in range(len(wa) - n + 1)}
    return any(tuple(wb[i:i + n]) in runs for i in range(len(wb) - n + 1))


def _names(actors: str) -> set[str]:
    return {n for n in actors.split("; ") if n}


def _entry(session: Session, key: str) -> ChronologyEntry:
    if not key.startswith("entry:"):
        raise ValueError(f"{key} is not an entry that can be edited")
    entry = session.get(ChronologyEntry, int(key.split(":")[1]))
    if entry is None:
        raise NotFound(f"There is no chronology entry {key}.")
    return entry


def _field_values(fields: EntryFields) -> dict[str, Any]:
    """The columns an entry's editable fields are stored in."""
    d = fields.date
    return {"kind": fields.kind.value, "date_value": d.value if d else None,
            "date_precision": d.precision.value if d else None,
            "date_qualifier": d.qualifier.value if d and d.qualifier else None, "date_text": d.text if d else None,
            "date_end_value": d.end_value if d else None, "date_sort": d.earliest().isoformat() if d else None,
            "date_rank": RANK[d.precision.value] if d else None, "description": fields.description,
            "actors": "; ".join(fields.actors)}


def _set_fields(entry: ChronologyEntry, fields: EntryFields) -> None:
    for column, value in _field_values(fields).items():
        setattr(entry, column, value)


def fields_of(entry: ChronologyEntry) -> EntryFields:
    return EntryFields(
        date=_date(entry.date_value, entry.date_precision, entry.date_qualifier, entry.date_text,
                   entry.date_end_value),
        description=entry.description, kind=EntryKind(entry.kind), actors=tuple(sorted(_names(entry.actors))),
    )


# -- machine entries ----------------------------------------------------------------------------

def replace_machine_entries(session: Session, document_id: int, references: Sequence[Any], now: str, *,
                            refresh: bool = True) -> set[int]:
    """Refresh what analysis found in one document. Entries a person edited are left alone.

    Each reference joins an entry another document already gives for the same event (same kind and
    date, and a similar description, a passage one quotes from the other, or two actors in common),
    else it becomes an entry of its own.
    Returns the entries touched; with refresh=False the caller refreshes their conflicts later
    (a batch import does it once for many documents).
    """
    old = list(session.scalars(select(SourceRow.entry_id).where(
        SourceRow.document_id == document_id, SourceRow.machine.is_(True))))
    if old:
        session.execute(delete(SourceRow).where(SourceRow.document_id == document_id, SourceRow.machine.is_(True)))
        orphans = select(ChronologyEntry.id).where(
            ChronologyEntry.id.in_(old), ChronologyEntry.user_set.is_(False),
            ~exists().where(SourceRow.entry_id == ChronologyEntry.id))
        session.execute(delete(ChronologyEntry).where(ChronologyEntry.id.in_(orphans)))
    if not references:
        refresh_carried(session, documents=[document_id], entries=old)  # old: if another still gives them
        return set()
    wanted = []
    for ref in references:
        kind = EntryKind.DEADLINE if ref.found.role is DateRole.DEADLINE else EntryKind.EVENT
        description = getattr(ref, "description", "") or " ".join(ref.found.sentence.split())
        wanted.append((ref, kind, description[:2000]))
    # entries other documents give for the same kinds and dates: candidates to join, in one query
    candidates: dict[tuple[str, str | None, str | None], list[list[Any]]] = defaultdict(list)
    values = {ref.found.date.value for ref, _, _ in wanted}
    for entry_id, row_kind, value, precision, description, actors in session.execute(
            select(ChronologyEntry.id, ChronologyEntry.kind, ChronologyEntry.date_value,
                   ChronologyEntry.date_precision, ChronologyEntry.description, ChronologyEntry.actors)
            .where(ChronologyEntry.date_value.in_(values),
                   ~exists().where(SourceRow.entry_id == ChronologyEntry.id,
                                   SourceRow.document_id == document_id))):
        candidates[(row_kind, value, precision)].append([entry_id, description, _names(actors)])
    joined: list[tuple[Any, int]] = []  # (reference, existing entry id)
    fresh: list[tuple[Any, dict[str, Any]]] = []  # (reference, new entry row)
    named: dict[int, str] = {}  # existing entries joined: their actors, with this letter's added
    for ref, kind, description in wanted:
        found, names = ref.found, set(ref.actors)
        same = next((c for c in candidates[(kind.value, found.date.value, found.date.precision.value)]
                     if similar(description, c[1]) >= 0.5 or len(names & c[2]) >= 2
                     or share_a_run(description, c[1])), None)
        if same is None:
            row = _field_values(EntryFields(found.date, description, kind, tuple(ref.actors)))
            row["event_kind"] = getattr(ref, "event_kind", "") or ""
            # with refresh=False, marked for the batch's refresh as it is written (crash-safe)
            fresh.append((ref, row | {"created_at": now, "user_set": False, "carried": False,
                                      "conflicts_stale": not refresh}))
        else:
            same[2] |= names
            named[same[0]] = "; ".join(sorted(same[2]))
            joined.append((ref, same[0]))
    if named:  # one statement for them all
        session.execute(update(ChronologyEntry), [{"id": i, "actors": names, "conflicts_stale": True}
                                                  if not refresh else {"id": i, "actors": names}
                                                  for i, names in named.items()])
    if fresh:
        ids = session.execute(insert(ChronologyEntry).returning(ChronologyEntry.id, sort_by_parameter_order=True),
                              [row for _, row in fresh]).scalars().all()
        joined += [(ref, entry_id) for (ref, _), entry_id in zip(fresh, ids, strict=True)]
    session.execute(insert(SourceRow), [
        {"entry_id": entry_id, "document_id": document_id, "start": ref.found.sentence_start,
         "end": ref.found.sentence_end, "machine": True} for ref, entry_id in joined])
    touched = {entry_id for _, entry_id in joined}
    if session.scalar(select(exists().where(Action.document_id == document_id))):
        # (a document with no action can neither carry its deadlines nor stop carrying others':
        # so a letter being filed, whose actions are still suggestions, costs nothing here)
        refresh_carried(session, documents=[document_id], entries=old)
    if refresh:
        refresh_conflicts(session, touched)
    # else every entry touched was marked stale as it was written, so a crash before the batch's
    # refresh loses nothing
    return touched


def stale_entries(session: Session) -> set[int]:
    """Entries whose conflicts a batch import left to refresh (after a crash, say)."""
    return set(session.scalars(select(ChronologyEntry.id).where(ChronologyEntry.conflicts_stale.is_(True))))


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
    if len(parts) == 1:
        return parts[0].subquery("listing")
    return union_all(*parts).subquery("listing")


def _order(listing: Any) -> tuple[Any, ...]:
    return listing.c.s, listing.c.k, listing.c.code


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
    holds = _holder(conn)
    parts: list[Any] = []

    if EntryKind.DOCUMENT in kinds and form in (None, DOCUMENT_KEY):
        stmt = _listing(Document.date_value, KIND_ORDER[EntryKind.DOCUMENT], Document.id, DOCUMENT_KEY)
        if ident is not None:
            stmt = stmt.where(Document.id == ident)
        if within:
            stmt = stmt.where(_within(Document.date_value, within))
        if actor_ids is not None:
            stmt = stmt.where(Document.id.in_(select(DocumentParty.document_id)
                                              .where(DocumentParty.actor_id.in_(actor_ids))))
        for w in words:
            stmt = stmt.where(or_(holds(Document.heading, w), holds(Document.file_name, w)))
        stmt = _partial_range(stmt, Document.date_value, lo, hi)
        if tagged is not None:
            stmt = stmt.where(Document.id.in_(select(tagged.c.document_id)))
        parts.append(stmt)

    entry_kinds = sorted(k.value for k in kinds if k is not EntryKind.DOCUMENT)
    if entry_kinds and form in (None, ENTRY_KEY):
        order = case({k.value: KIND_ORDER[k] for k in EntryKind if k is not EntryKind.DOCUMENT},
                     value=ChronologyEntry.kind)
        stmt = _listing(ChronologyEntry.date_value, order, ChronologyEntry.id, ENTRY_KEY)
        if ident is not None:
            stmt = stmt.where(ChronologyEntry.id == ident)
        if within:
            stmt = stmt.where(_within(ChronologyEntry.date_value, within))
        if len(entry_kinds) < len(EntryKind) - 1 or within:
            # a window names the kinds even when it is all of them: with "not carried", they lead
            # the listing index, and the window's dates that follow them narrow by it as well.
            # (A whole listing does not: filtering by words, it reads the table faster.)
            stmt = stmt.where(ChronologyEntry.kind.in_(entry_kinds))
        # a deadline an action carries is shown once, as the action (see refresh_carried)
        stmt = stmt.where(ChronologyEntry.carried == False)  # noqa: E712  # "= 0": the index takes it
        if who:
            stmt = stmt.where(holds(ChronologyEntry.actors, who))
        for w in words:
            stmt = stmt.where(holds(ChronologyEntry.description, w))
        if f.matters_only:
            stmt = stmt.where(ChronologyEntry.event_kind.not_in(sorted(NOT_MATTERING)))
        if lo:  # date_sort is the earliest bound, kept on writing, and indexed
            stmt = stmt.where(ChronologyEntry.date_sort >= lo)
        if hi:
            stmt = stmt.where(ChronologyEntry.date_sort <= hi)
        if tagged is not None:
            stmt = stmt.where(ChronologyEntry.id.in_(
                select(SourceRow.entry_id).join(tagged, tagged.c.document_id == SourceRow.document_id)
                .where(_in_passage(tagged, SourceRow.start, SourceRow.end))))
        parts.append(stmt)

    for part, value in ((ACTION_DUE_KEY, Action.due_value), (ACTION_SET_KEY, Action.set_value)):
        kind = EntryKind.DEADLINE if part == ACTION_DUE_KEY else EntryKind.EVENT
        if kind not in kinds or form not in (None, part):
            continue
        stmt = _listing(value, KIND_ORDER[kind], Action.id, part).where(value.is_not(None))
        if part == ACTION_SET_KEY:  # an action with a due date is one row, on that date
            stmt = stmt.where(Action.due_value.is_(None))
        if ident is not None:
            stmt = stmt.where(Action.id == ident)
        if within:
            stmt = stmt.where(_within(value, within))
        if actor_ids is not None:
            stmt = stmt.where(Action.owner_id.in_(actor_ids))
        for w in words:
            stmt = stmt.where(holds(Action.summary, w))
        stmt = _partial_range(stmt, value, lo, hi)
        if tagged is not None:
            stmt = stmt.where(exists().where(tagged.c.document_id == Action.document_id,
                                             _in_passage(tagged, Action.start, Action.end)))
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
    earliest = _earliest_sql(value)
    if lo:
        stmt = stmt.where(value >= lo[:4], earliest >= lo)
    if hi:
        stmt = stmt.where(value <= hi, earliest <= hi)
    return stmt


def _earliest_sql(value: Any) -> Any:
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


class _Citations:
    """Titles, paragraphs and pages for many sources at once (two queries, whatever their number)."""

    def __init__(self, session: Session, pairs: Iterable[tuple[int, int | None]]) -> None:
        wanted = list(pairs)
        doc_ids = sorted({d for d, _ in wanted})
        self._titles: dict[int, tuple[str, str]] = {}
        self._paragraphs: dict[int, tuple[list[int], list[tuple[int, int | None]]]] = {}
        for chunk in _chunks(doc_ids):
            for doc_id, file_name, heading in session.execute(
                    select(Document.id, Document.file_name, Document.heading).where(Document.id.in_(chunk))):
                self._titles[doc_id] = (file_name, heading or f"D{doc_id}")
        spanned = sorted({d for d, start in wanted if start is not None})
        for chunk in _chunks(spanned):
            for doc_id, number, start, page in session.execute(
                    select(Paragraph.document_id, Paragraph.number, Paragraph.start, Paragraph.page)
                    .where(Paragraph.document_id.in_(chunk)).order_by(Paragraph.document_id, Paragraph.start)):
                starts, found = self._paragraphs.setdefault(doc_id, ([], []))
                starts.append(start)
                found.append((number, page))

    def source(self, doc_id: int, start: int | None, end: int | None) -> EntrySource | None:
        names = self._titles.get(doc_id)
        if names is None:
            return None
        para = page = None
        if start is not None and doc_id in self._paragraphs:
            starts, found = self._paragraphs[doc_id]
            at = bisect_right(starts, start) - 1
            if at >= 0:
                para, page = found[at]
        return EntrySource(doc_id, names[0], names[1], para, page, start, end)

    def sources(self, pairs: Iterable[tuple[int, int | None, int | None]]) -> tuple[EntrySource, ...]:
        return tuple(s for s in (self.source(*p) for p in pairs) if s is not None)


def _chunks(ids: Sequence[Any], size: int = 900) -> Iterator[Sequence[Any]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _document_description(kind: str, title: str) -> str:
    """"Letter: Review of school transport", "Article: Review team to assess…"; a title that already says what the
    document is ("Letter to the Council leader") is not prefixed again."""
    if title.casefold().startswith(kind.casefold()):
        return title
    return f"{kind.capitalize()}: {title}"


def chronology_rows(session: Session, keys: Sequence[str]) -> list[ChronologyRow]:
    """The rows of some keys, in the order given (a block of the lazy table: a few queries in all)."""
    rows: dict[str, ChronologyRow] = {}
    doc_ids = [int(k[4:]) for k in keys if k.startswith("doc:")]
    entry_ids = [int(k[6:]) for k in keys if k.startswith("entry:")]
    action_ids = sorted({int(k.split(":")[1]) for k in keys if k.startswith("action:")})
    if doc_ids:
        parties: dict[int, list[str]] = defaultdict(list)
        for doc_id, name in session.execute(
                select(DocumentParty.document_id, Actor.name).join(Actor, Actor.id == DocumentParty.actor_id)
                .where(DocumentParty.document_id.in_(doc_ids)).order_by(DocumentParty.position)):
            parties[doc_id].append(name)
        for doc_id, kind, file_name, title, value, precision, qualifier, text, end_value in session.execute(
                select(Document.id, Document.kind, Document.file_name, Document.heading, Document.date_value,
                       Document.date_precision, Document.date_qualifier, Document.date_text,
                       Document.date_end_value).where(Document.id.in_(doc_ids))):
            title = title or f"D{doc_id}"
            date = _date(value, precision, qualifier, text, end_value)
            # a heading built from the date ("Letter from Ann Roe, 3 Mar 2019") beside that date says it twice
            shown = title.removesuffix(f", {date.display()}") if date is not None else title
            rows[f"doc:{doc_id}"] = ChronologyRow(
                key=f"doc:{doc_id}", date=date,
                description=_document_description(kind, shown), kind=EntryKind.DOCUMENT,
                actors=tuple(parties[doc_id]), sources=(EntrySource(doc_id, file_name, title),))
    # the passages entries and actions come from, cited in one go
    sources: dict[int, list[tuple[int, int | None, int | None]]] = defaultdict(list)
    if entry_ids:
        for entry_id, doc_id, start, end in session.execute(
                select(SourceRow.entry_id, SourceRow.document_id, SourceRow.start, SourceRow.end)
                .where(SourceRow.entry_id.in_(entry_ids)).order_by(SourceRow.document_id, SourceRow.start)):
            sources[entry_id].append((doc_id, start, end))
    actions = session.execute(
        select(Action.id, Action.type, Action.status, Action.summary, Action.document_id, Action.start,
               Action.end, Action.due_value, Action.due_precision, Action.due_qualifier, Action.due_text,
               Action.set_value, Action.set_precision, Action.set_text, Actor.name)
        .outerjoin(Actor, Actor.id == Action.owner_id).where(Action.id.in_(action_ids))).all() if action_ids else []
    citations = _Citations(session, [(d, s) for pairs in sources.values() for d, s, _ in pairs]
                           + [(a.document_id, a.start) for a in actions if a.document_id])
    if entry_ids:
        conflicts = _conflicts(session, entry_ids)
        resolved = _resolutions(session, [f"entry:{i}" for i in conflicts]) if conflicts else {}
        for (entry_id, kind, value, precision, qualifier, text, end_value, description,
             actors, event_kind) in session.execute(select(
                ChronologyEntry.id, ChronologyEntry.kind, ChronologyEntry.date_value, ChronologyEntry.date_precision,
                ChronologyEntry.date_qualifier, ChronologyEntry.date_text, ChronologyEntry.date_end_value,
                ChronologyEntry.description, ChronologyEntry.actors, ChronologyEntry.event_kind)
                .where(ChronologyEntry.id.in_(entry_ids))):
            key = f"entry:{entry_id}"
            pairs = [tuple(sorted((key, k))) for k in conflicts.get(entry_id, ())]
            others = tuple(k for k, pair in zip(conflicts.get(entry_id, ()), pairs, strict=True)
                           if pair not in resolved)
            notes = [resolved[pair] for pair in pairs if pair in resolved]
            rows[key] = ChronologyRow(
                key=key, date=_date(value, precision, qualifier, text, end_value), description=description,
                kind=EntryKind(kind), actors=tuple(sorted(_names(actors))),
                sources=citations.sources(sources[entry_id]), conflict=bool(others), conflict_with=others,
                conflict_note="; ".join(n for n in notes if n) or None, editable=True,
                event_kind=event_kind or "", matters=event_matters(event_kind or ""))
    for a in actions:
        srcs = citations.sources([(a.document_id, a.start, a.end)]) if a.document_id else ()
        owner = (a.name,) if a.name else ()
        due_key, set_key = f"action:{a.id}:due", f"action:{a.id}:set"
        # one statement per action: its due date's row, or (undated) the day it was set
        statement = action_statement(a.name, a.summary, a.status)
        rows[due_key] = ChronologyRow(
            key=due_key, date=_date(a.due_value, a.due_precision, a.due_qualifier, a.due_text),
            description=statement, kind=EntryKind.DEADLINE, actors=owner, sources=srcs, event_kind="deadline")
        rows[set_key] = ChronologyRow(
            key=set_key, date=_date(a.set_value, a.set_precision, None, a.set_text),
            description=statement, kind=EntryKind.EVENT, actors=owner, sources=srcs,
            event_kind="decision" if a.type == "decision" else "letter")
    return [rows[k] for k in keys if k in rows]


CONFLICT_SEARCH_DAYS = 31 + KIND_WINDOW_DAYS  # a month-precision date, plus the widest window


def refresh_carried(session: Session, *, documents: Iterable[int | None] = (), entries: Iterable[int] = ()) -> None:
    """Mark which deadlines an action carries (the same document and due date, and passages that
    overlap), among the entries with a source in these documents and these entries. The listing
    shows a carried deadline once, as the action. Every write that moves an action, a source or an
    entry's date calls this for what it touched."""
    session.flush()
    carried = case((and_(ChronologyEntry.kind == EntryKind.DEADLINE.value, exists().where(
        SourceRow.entry_id == ChronologyEntry.id, Action.document_id == SourceRow.document_id,
        Action.due_value == ChronologyEntry.date_value, Action.start <= SourceRow.end,
        Action.end >= SourceRow.start)), True), else_=False)
    doc_ids = sorted({d for d in documents if d is not None})
    entry_ids = sorted(set(entries))
    for chunk in _chunks(doc_ids):
        session.execute(update(ChronologyEntry).where(ChronologyEntry.id.in_(
            select(SourceRow.entry_id).where(SourceRow.document_id.in_(chunk)))).values(carried=carried)
            .execution_options(synchronize_session=False))
    for chunk in _chunks(entry_ids):
        session.execute(update(ChronologyEntry).where(ChronologyEntry.id.in_(chunk)).values(carried=carried)
                        .execution_options(synchronize_session=False))


def refresh_conflicts(session: Session, entry_ids: Iterable[int]) -> None:
    """Recompute the conflicts of some entries against the whole chronology.

    Whether two events are one event dated differently is a domain rule
    (`one_event_dated_differently`); here the candidates are found by date window and actor, with
    the documents and writers of each, so this stays cheap on a large dossier.
    """
    ids = list(set(entry_ids))
    if not ids:
        return
    session.flush()
    session.execute(update(ChronologyEntry).where(ChronologyEntry.id.in_(ids), ChronologyEntry.conflicts_stale.is_(True))
                    .values(conflicts_stale=False))
    session.execute(delete(EntryConflict).where(or_(EntryConflict.entry_a.in_(ids), EntryConflict.entry_b.in_(ids))))
    mine: list[tuple[ChronologyEntry, PartialDate, set[str]]] = []
    for e in session.scalars(select(ChronologyEntry).where(ChronologyEntry.id.in_(ids))):
        date, names = fields_of(e).date, _names(e.actors)
        if e.kind == EntryKind.EVENT.value and date is not None and date.precision is not Precision.YEAR and names:
            mine.append((e, date, names))
    found: set[tuple[int, int]] = set()
    mine.sort(key=lambda m: m[1].earliest())
    chunk: list[tuple[ChronologyEntry, PartialDate, set[str]]] = []
    for item in [*mine, None]:
        if item is not None and (not chunk or (item[1].earliest() - chunk[0][1].earliest()).days <= 62):
            chunk.append(item)
            continue
        if chunk:
            found |= _conflicts_in_window(session, chunk)
        chunk = [item] if item is not None else []
    if found:
        session.execute(insert(EntryConflict), [{"entry_a": a, "entry_b": b} for a, b in sorted(found)])


def _accounts(session: Session, entries: Sequence[ChronologyEntry]) -> dict[int, Account]:
    """Entries as accounts of events: with the documents they come from and those documents' senders."""
    ids = [e.id for e in entries]
    docs: dict[int, set[int]] = defaultdict(set)
    writers: dict[int, set[str]] = defaultdict(set)
    for chunk in _chunks(ids):
        for entry_id, doc_id, sender in session.execute(
                select(SourceRow.entry_id, SourceRow.document_id, Actor.name)
                .outerjoin(DocumentParty, and_(DocumentParty.document_id == SourceRow.document_id,
                                               DocumentParty.role == "sender"))
                .outerjoin(Actor, Actor.id == DocumentParty.actor_id)
                .where(SourceRow.entry_id.in_(chunk))):
            docs[entry_id].add(doc_id)
            if sender:
                writers[entry_id].add(sender)
    out = {}
    for e in entries:
        date = fields_of(e).date
        if date is not None:
            out[e.id] = Account(date, e.description, frozenset(_names(e.actors)), frozenset(docs[e.id]),
                                frozenset(writers[e.id]), e.event_kind or "")
    return out


def _conflicts_in_window(session: Session, mine: list[tuple[ChronologyEntry, PartialDate, set[str]]]
                         ) -> set[tuple[int, int]]:
    """Conflicts of some events close in time: one query for the candidates of all of them."""
    lo = (min(d.earliest() for _, d, _ in mine) - dt.timedelta(days=CONFLICT_SEARCH_DAYS)).isoformat()
    hi = (max(d.latest() for _, d, _ in mine) + dt.timedelta(days=CONFLICT_SEARCH_DAYS)).isoformat()
    all_names = set().union(*(names for _, _, names in mine))
    candidates = list(session.scalars(select(ChronologyEntry).where(
        ChronologyEntry.kind == EntryKind.EVENT.value, ChronologyEntry.date_sort.between(lo, hi),
        or_(*[ChronologyEntry.actors.contains(n, autoescape=True) for n in all_names]))))
    accounts = _accounts(session, [*candidates, *(e for e, _, _ in mine)])
    found = set()
    for e, _, _ in mine:
        for c in candidates:
            if c.id != e.id and c.id in accounts and one_event_dated_differently(accounts[e.id], accounts[c.id]):
                found.add((min(e.id, c.id), max(e.id, c.id)))
    return found


def _conflicts(session: Session, entry_ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for a, b in session.execute(select(EntryConflict.entry_a, EntryConflict.entry_b).where(
            or_(EntryConflict.entry_a.in_(entry_ids), EntryConflict.entry_b.in_(entry_ids)))):
        out[a].append(f"entry:{b}")
        out[b].append(f"entry:{a}")
    return out


def _resolutions(session: Session, keys: Sequence[str]) -> dict[tuple[str, str], str]:
    """The notes of resolved conflicts that involve some of these keys."""
    return {(a, b): note for a, b, note in session.execute(
        select(ConflictResolution.key_a, ConflictResolution.key_b, ConflictResolution.note)
        .where(or_(ConflictResolution.key_a.in_(keys), ConflictResolution.key_b.in_(keys))))}


def actor_names(session: Session) -> list[str]:
    names: set[str] = set()
    for (actors,) in session.execute(select(ChronologyEntry.actors).distinct()):
        names |= _names(actors)
    names |= set(session.scalars(select(Actor.name)))
    return sorted(names, key=str.casefold)


def tag_names(session: Session) -> list[str]:
    """Every annotation tag in use, once each whatever its case (the first spelling), by name."""
    names: dict[str, str] = {}
    for (tag,) in session.execute(select(AnnotationTag.tag).distinct().order_by(AnnotationTag.tag)):
        names.setdefault(tag.casefold(), tag)
    return sorted(names.values(), key=str.casefold)


# -- editing --------------------------------------------------------------------------------------

def add_entry(session: Session, fields: EntryFields, now: str) -> str:
    entry = ChronologyEntry(created_at=now, user_set=True)
    _set_fields(entry, fields)
    session.add(entry)
    session.flush()
    return f"entry:{entry.id}"


def edit_entry(session: Session, key: str, fields: EntryFields) -> EntryFields:
    entry = _entry(session, key)
    before = fields_of(entry)
    _set_fields(entry, fields)
    entry.user_set = True
    refresh_carried(session, entries=[entry.id])
    refresh_conflicts(session, [entry.id])
    return before


def entry_snapshot(session: Session, key: str) -> dict[str, Any]:
    entry = _entry(session, key)
    sources = [row_dict(s) for s in session.scalars(select(SourceRow).where(SourceRow.entry_id == entry.id))]
    return {"entry": row_dict(entry), "sources": sources}


def delete_entry(session: Session, key: str) -> dict[str, Any]:
    snapshot = entry_snapshot(session, key)
    session.execute(delete(ChronologyEntry).where(ChronologyEntry.id == snapshot["entry"]["id"]))
    return snapshot


def restore_entry(session: Session, snapshot: dict[str, Any]) -> None:
    entry_id = snapshot["entry"]["id"]
    if session.get(ChronologyEntry, entry_id) is None:
        session.execute(insert(ChronologyEntry).values(**snapshot["entry"]))
    for source in snapshot["sources"]:
        if session.get(SourceRow, source["id"]) is None:
            session.execute(insert(SourceRow).values(**source))
        else:
            session.execute(update(SourceRow).where(SourceRow.id == source["id"]).values(entry_id=entry_id))
    session.expire_all()
    refresh_carried(session, entries=[entry_id])
    refresh_conflicts(session, [entry_id])


def merge_entries(session: Session, keep: str, other: str) -> dict[str, Any]:
    kept, gone = _entry(session, keep), _entry(session, other)
    snapshot = {"keep": keep, "keep_fields": row_dict(kept), **entry_snapshot(session, other)}
    session.execute(update(SourceRow).where(SourceRow.entry_id == gone.id).values(entry_id=kept.id))
    kept.actors = "; ".join(sorted(_names(kept.actors) | _names(gone.actors)))
    kept.user_set = True
    session.delete(gone)
    session.flush()
    refresh_carried(session, entries=[kept.id])
    refresh_conflicts(session, [kept.id])
    return snapshot


def unmerge(session: Session, record: dict[str, Any]) -> None:
    restore_entry(session, record)
    kept = _entry(session, record["keep"])
    for key, value in record["keep_fields"].items():
        setattr(kept, key, value)
    refresh_carried(session, entries=[kept.id, record["entry"]["id"]])
    refresh_conflicts(session, [kept.id, record["entry"]["id"]])


def split_source(session: Session, key: str, document_id: int, now: str) -> str:
    entry = _entry(session, key)
    moving = list(session.scalars(select(SourceRow).where(SourceRow.entry_id == entry.id,
                                                          SourceRow.document_id == document_id)))
    if not moving:
        raise NotFound(f"{key} has no source in D{document_id}.")
    new_key = add_entry(session, fields_of(entry), now)
    for source in moving:
        source.entry_id = int(new_key.split(":")[1])
    entry.user_set = True
    session.flush()
    refresh_carried(session, entries=[entry.id, int(new_key.split(":")[1])])
    refresh_conflicts(session, [entry.id, int(new_key.split(":")[1])])
    return new_key


def resolve_conflict(session: Session, key: str, other: str, note: str, now: str) -> None:
    a, b = sorted((key, other))
    if session.scalar(select(ConflictResolution.id).where(ConflictResolution.key_a == a,
                                                          ConflictResolution.key_b == b)) is None:
        session.add(ConflictResolution(key_a=a, key_b=b, note=note, resolved_at=now))


def unresolve_conflict(session: Session, key: str, other: str) -> None:
    a, b = sorted((key, other))
    session.execute(delete(ConflictResolution).where(ConflictResolution.key_a == a, ConflictResolution.key_b == b))


def document_references(session: Session, document_id: int) -> list[tuple[str, PartialDate]]:
    """(kind, date) of the entries a document is a source of."""
    stmt = (select(ChronologyEntry).join(SourceRow, SourceRow.entry_id == ChronologyEntry.id)
            .where(SourceRow.document_id == document_id))
    return [(e.kind, date) for e in session.scalars(stmt) if e.date_value and (date := fields_of(e).date)]


# -- linked documents (dating an undated one) ------------------------------------------------------

def document_texts(session: Session, ids: Iterable[int], *, dated_only: bool = False) -> list[DocumentText]:
    """The texts of some documents, with their quoted paragraphs, reference, file and date."""
    wanted = sorted(set(ids))
    quoted: dict[int, list[tuple[int, int]]] = defaultdict(list)
    out = []
    for chunk in _chunks(wanted):
        for doc_id, start, end in session.execute(
                select(Paragraph.document_id, Paragraph.start, Paragraph.end)
                .where(Paragraph.document_id.in_(chunk), Paragraph.quoted.is_(True))
                .order_by(Paragraph.document_id, Paragraph.start)):
            quoted[doc_id].append((start, end))
        stmt = select(Document.id, Document.heading, Document.file_name, Document.text, Document.reference,
                      Document.date_value, Document.date_precision, Document.date_qualifier, Document.date_text,
                      Document.date_end_value).where(Document.id.in_(chunk))
        if dated_only:
            stmt = stmt.where(Document.date_value.is_not(None))
        for doc_id, title, file_name, text, reference, *date in session.execute(stmt):
            out.append(DocumentText(doc_id, title or f"D{doc_id}", text or "", tuple(quoted[doc_id]), reference,
                                    file_name, _date(*date)))
    return out


def documents_with_words(session: Session, words: Sequence[str], limit: int) -> list[int]:
    """Up to `limit` documents whose text holds all these words: through the full-text index, else
    (a back end without one) by a slower scan of the texts."""
    found = search.documents_with_words(session, words, limit)
    if found is not None:
        return found
    stmt = select(Document.id)
    for w in words:
        stmt = stmt.where(func.lower(Document.text).contains(w, autoescape=True))
    return list(session.scalars(stmt.order_by(Document.id).limit(limit)))


def texts(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """The texts of some documents."""
    out: dict[int, str] = {}
    for chunk in _chunks(sorted(set(ids))):
        out.update((i, t or "") for i, t in session.execute(select(Document.id, Document.text)
                                                            .where(Document.id.in_(chunk))))
    return out


def dated_references(session: Session, exclude: int) -> list[tuple[int, str]]:
    """(id, reference) of every dated document with a reference, but one."""
    return [(i, r) for i, r in session.execute(select(Document.id, Document.reference).where(
        Document.reference.is_not(None), Document.date_value.is_not(None), Document.id != exclude)) if r is not None]


def dated_file_names(session: Session, exclude: int) -> list[tuple[int, str]]:
    """(id, file name) of every dated document but one."""
    return [(i, n) for i, n in session.execute(select(Document.id, Document.file_name).where(
        Document.date_value.is_not(None), Document.id != exclude))]
