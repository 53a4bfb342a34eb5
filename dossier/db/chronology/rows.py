"""The rows of some chronology keys, with their sources cited (title, paragraph, page) and their
conflicts: a block of the lazy table in a few queries. And the names a filter offers."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import (
    select,
)
from sqlalchemy.orm import Session

from dossier.db.chronology.conflicts import conflicts_of, resolutions
from dossier.db.chronology.fields import (
    chunks,
    partial_date,
    split_actors,
)
from dossier.db.models import (
    Action,
    Actor,
    AnnotationTag,
    ChronologyEntry,
    Document,
    DocumentParty,
    Paragraph,
)
from dossier.db.models import EntrySource as SourceRow
from dossier.domain.chronology import (
    ChronologyRow,
    EntryKind,
    EntrySource,
    action_statement,
    event_matters,
)


class _Citations:
    """Titles, paragraphs and pages for many sources at once (two queries, whatever their number)."""

    def __init__(self, session: Session, pairs: Iterable[tuple[int, int | None]]) -> None:
        wanted = list(pairs)
        doc_ids = sorted({d for d, _ in wanted})
        self._titles: dict[int, tuple[str, str]] = {}
        self._paragraphs: dict[int, tuple[list[int], list[tuple[int, int | None]]]] = {}
        for chunk in chunks(doc_ids):
            for doc_id, file_name, heading in session.execute(
                    select(Document.id, Document.file_name, Document.heading).where(Document.id.in_(chunk))):
                self._titles[doc_id] = (file_name, heading or f"D{doc_id}")
        spanned = sorted({d for d, start in wanted if start is not None})
        for chunk in chunks(spanned):
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
            date = partial_date(value, precision, qualifier, text, end_value)
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
        conflicts = conflicts_of(session, entry_ids)
        resolved = resolutions(session, [f"entry:{i}" for i in conflicts]) if conflicts else {}
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
                key=key, date=partial_date(value, precision, qualifier, text, end_value), description=description,
                kind=EntryKind(kind), actors=tuple(sorted(split_actors(actors))),
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
            key=due_key, date=partial_date(a.due_value, a.due_precision, a.due_qualifier, a.due_text),
            description=statement, kind=EntryKind.DEADLINE, actors=owner, sources=srcs, event_kind="deadline")
        rows[set_key] = ChronologyRow(
            key=set_key, date=partial_date(a.set_value, a.set_precision, None, a.set_text),
            description=statement, kind=EntryKind.EVENT, actors=owner, sources=srcs,
            event_kind="decision" if a.type == "decision" else "letter")
    return [rows[k] for k in keys if k in rows]


def actor_names(session: Session) -> list[str]:
    names: set[str] = set()
    for (actors,) in session.execute(select(ChronologyEntry.actors).distinct()):
        names |= split_actors(actors)
    names |= set(session.scalars(select(Actor.name)))
    return sorted(names, key=str.casefold)


def tag_names(session: Session) -> list[str]:
    """Every annotation tag in use, once each whatever its case (the first spelling), by name."""
    names: dict[str, str] = {}
    for (tag,) in session.execute(select(AnnotationTag.tag).distinct().order_by(AnnotationTag.tag)):
        names.setdefault(tag.casefold(), tag)
    return sorted(names.values(), key=str.casefold)
