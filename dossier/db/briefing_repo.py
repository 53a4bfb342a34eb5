"""Briefings: the saved draft, the record of exports, and the queries a briefing's scope needs.

SQL stops here. The rest of a briefing's content comes from the chronology, actions, actors and
annotations repositories, read in the same session so the briefing is one consistent snapshot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import Integer, cast, delete, func, null, or_, select, union
from sqlalchemy.orm import Session

from dossier.db.chronology.listing import earliest_sql
from dossier.db.models import (
    Action,
    Annotation,
    AnnotationTag,
    BriefingDraft,
    BriefingExport,
    Document,
    DocumentParty,
    Mention,
    Paragraph,
)
from dossier.domain.briefing import ExportRecord
from dossier.domain.dates import PartialDate, Precision, Qualifier

# -- draft and exports ---------------------------------------------------------------------------

def load_draft(session: Session) -> str | None:
    """The saved draft's JSON, or None if none was saved."""
    return session.scalar(select(BriefingDraft.options).order_by(BriefingDraft.id.desc()).limit(1))


def save_draft(session: Session, options_json: str, now: str) -> None:
    """Keep one draft: the latest."""
    session.execute(delete(BriefingDraft))
    session.add(BriefingDraft(options=options_json, saved_at=now))


def record_export(session: Session, *, exported_at: str, as_at: dt.date, title: str, reference: str,
                  file_name: str, sha256: str, options_json: str) -> int:
    row = BriefingExport(exported_at=exported_at, as_at=as_at.isoformat(), title=title, reference=reference,
                         file_name=file_name, sha256=sha256, options=options_json)
    session.add(row)
    session.flush()
    return row.id


def _record(row: BriefingExport) -> ExportRecord:
    return ExportRecord(id=row.id, exported_at=row.exported_at, as_at=dt.date.fromisoformat(row.as_at),
                        title=row.title, reference=row.reference, file_name=row.file_name, sha256=row.sha256)


def last_export(session: Session) -> ExportRecord | None:
    """The export made most recently."""
    row = session.scalar(select(BriefingExport).order_by(BriefingExport.exported_at.desc(),
                                                         BriefingExport.id.desc()).limit(1))
    return _record(row) if row else None


def export_before(session: Session, as_at: dt.date) -> ExportRecord | None:
    """The latest briefing dated before `as_at`: what "changes since the last briefing" counts from.

    A briefing exported again with the same date is the same briefing re-issued, not a later one,
    so exporting twice gives the same file.
    """
    row = session.scalar(select(BriefingExport).where(BriefingExport.as_at < as_at.isoformat())
                         .order_by(BriefingExport.as_at.desc(), BriefingExport.exported_at.desc(),
                                   BriefingExport.id.desc()).limit(1))
    return _record(row) if row else None


def exports(session: Session) -> list[ExportRecord]:
    return [_record(r) for r in session.scalars(select(BriefingExport).order_by(BriefingExport.id))]


# -- changes since a moment ------------------------------------------------------------------------

# Timestamps are to the second, so "since" counts the second of the export itself: something filed
# in the same second as the last briefing is listed again rather than missed.

def documents_filed_since(session: Session, since: str) -> list[int]:
    """Ids of documents filed at or after an ISO timestamp, in filing order (not copies of earlier ones)."""
    return list(session.scalars(select(Document.id).where(Document.filed_at >= since, Document.copy_of.is_(None))
                                .order_by(Document.filed_at, Document.id)))


def actions_changed_since(session: Session, since: str) -> list[tuple[int, bool]]:
    """(action id, created since) of actions created or changed at or after an ISO timestamp."""
    rows = session.execute(select(Action.id, Action.created_at).where(Action.updated_at >= since)
                           .order_by(Action.updated_at, Action.id))
    return [(action_id, created >= since) for action_id, created in rows]


# -- scope ---------------------------------------------------------------------------------------

def latest_document_date(session: Session, document_ids: Iterable[int] | None = None) -> PartialDate | None:
    """The date of the latest dated paper (of these documents; None: any), or None if none is dated."""
    stmt = (select(Document.date_value, Document.date_precision, Document.date_qualifier, Document.date_text,
                   Document.date_end_value).where(Document.date_value.is_not(None))
            .order_by(earliest_sql(Document.date_value).desc(), Document.date_value.desc()).limit(1))
    if document_ids is not None:
        ids = list(document_ids)
        if not ids:
            return None
        stmt = stmt.where(Document.id.in_(ids))
    row = session.execute(stmt).first()
    if row is None:
        return None
    value, precision, qualifier, text, end_value = row
    if value is None or not precision:
        return None
    return PartialDate(value, Precision(precision), Qualifier(qualifier) if qualifier else None, text or "", end_value)


def all_document_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Document.id).order_by(Document.id)))


def documents_dated_between(session: Session, ids: Iterable[int] | None, date_from: dt.date | None,
                            date_to: dt.date | None) -> set[int]:
    """Of some documents (None: all), those whose date falls in [date_from, date_to] (bounds optional).

    A month or year date counts when it overlaps the range; undated documents fall outside it.
    """
    earliest = earliest_sql(Document.date_value)
    stmt = select(Document.id).where(Document.date_value.is_not(None))
    if date_to is not None:
        stmt = stmt.where(earliest <= date_to.isoformat())
    if date_from is not None:
        # the latest bound of "2014-03" is in March: compare the value cut to the bound's precision
        lo = date_from.isoformat()
        stmt = stmt.where(or_(Document.date_value >= lo, Document.date_value == func.substr(lo, 1, func.length(
            Document.date_value))))
    found = set(session.scalars(stmt))
    return found if ids is None else found & set(ids)


def documents_naming(session: Session, actor_ids: Sequence[int]) -> set[int]:
    """Documents that any of these actors sent, received, was copied or is mentioned in."""
    if not actor_ids:
        return set()
    stmt = union(select(DocumentParty.document_id).where(DocumentParty.actor_id.in_(actor_ids)),
                 select(Mention.document_id).where(Mention.actor_id.in_(actor_ids)))
    return set(session.scalars(stmt))


def documents_tagged(session: Session, tags: Sequence[str]) -> set[int]:
    """Documents with an annotation carrying any of these tags (case-insensitive)."""
    if not tags:
        return set()
    keys = [t.casefold() for t in tags]
    stmt = (select(Annotation.document_id).join(AnnotationTag, AnnotationTag.annotation_id == Annotation.id)
            .where(func.lower(AnnotationTag.tag).in_(keys)).distinct())
    return set(session.scalars(stmt))


def existing_documents(session: Session, ids: Sequence[int]) -> set[int]:
    if not ids:
        return set()
    return set(session.scalars(select(Document.id).where(Document.id.in_(list(ids)))))


def actors_in_documents(session: Session, document_ids: Iterable[int] | None) -> set[int]:
    """Actors that send, receive, are copied or are mentioned in these documents (None: any)."""
    parties = select(DocumentParty.actor_id)
    mentions = select(Mention.actor_id)
    if document_ids is not None:
        ids = list(document_ids)
        if not ids:
            return set()
        parties = parties.where(DocumentParty.document_id.in_(ids))
        mentions = mentions.where(Mention.document_id.in_(ids))
    return set(session.scalars(union(parties, mentions)))


def first_appearances(session: Session, actor_ids: Sequence[int], document_ids: Iterable[int] | None = None
                      ) -> dict[int, tuple[int, int | None]]:
    """actor id -> (document, paragraph) of the earliest document naming them (dated before undated).

    The paragraph is that of their first mention in it, or None when they are only a party to it.
    """
    if not actor_ids:
        return {}
    ids = list(actor_ids)
    party_docs = select(DocumentParty.actor_id.label("actor_id"), DocumentParty.document_id.label("document_id"),
                        cast(null(), Integer).label("start")).where(DocumentParty.actor_id.in_(ids))
    mention_docs = select(Mention.actor_id, Mention.document_id, Mention.start).where(Mention.actor_id.in_(ids))
    if document_ids is not None:
        docs = list(document_ids)
        party_docs = party_docs.where(DocumentParty.document_id.in_(docs))
        mention_docs = mention_docs.where(Mention.document_id.in_(docs))
    both = union(party_docs, mention_docs).subquery()
    earliest = earliest_sql(Document.date_value)
    stmt = (select(both.c.actor_id, both.c.document_id, both.c.start)
            .join(Document, Document.id == both.c.document_id)
            .order_by(both.c.actor_id, Document.date_value.is_(None), earliest, Document.id,
                      both.c.start.is_(None), both.c.start))
    first: dict[int, tuple[int, int | None]] = {}
    for actor_id, doc_id, start in session.execute(stmt):
        if actor_id not in first:
            first[actor_id] = (doc_id, start)
    out: dict[int, tuple[int, int | None]] = {}
    for actor_id, (doc_id, start) in first.items():
        para = None
        if start is not None:
            para = session.scalar(select(Paragraph.number).where(
                Paragraph.document_id == doc_id, Paragraph.start <= start).order_by(Paragraph.start.desc()).limit(1))
        out[actor_id] = (doc_id, para)
    return out


def paragraph_pages(session: Session, pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """(document, paragraph number) -> page, for the paragraphs that have one."""
    wanted = set(pairs)
    if not wanted:
        return {}
    docs = {d for d, _ in wanted}
    rows = session.execute(select(Paragraph.document_id, Paragraph.number, Paragraph.page).where(
        Paragraph.document_id.in_(docs), Paragraph.page.is_not(None)))
    return {(d, n): p for d, n, p in rows if (d, n) in wanted and p is not None}


def own_references(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """document id -> its own reference ("Our ref ..."), for those that give one."""
    if not ids:
        return {}
    return {i: r for i, r in session.execute(select(Document.id, Document.reference).where(
        Document.id.in_(list(ids)), Document.reference.is_not(None))) if r and r.strip()}
