"""Queries and writes over a Session. SQL stops here: callers get domain records, never ORM rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

from sqlalchemy import Select, and_, case, delete, exists, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from dossier.db import search
from dossier.db.models import (
    Action,
    Actor,
    Annotation,
    Document,
    DocumentBlob,
    DocumentParty,
    DocumentReview,
    EntrySource,
    Mention,
    Paragraph,
)
from dossier.domain.dates import PartialDate, Precision, Qualifier
from dossier.domain.errors import AlreadyStored, NotFound
from dossier.domain.headings import document_heading
from dossier.domain.records import (
    DocumentDetail,
    DocumentKind,
    DocumentMetadata,
    DocumentRow,
    DocumentStatus,
    DossierStats,
    ParagraphSpan,
)
from dossier.domain.register import actor_key

ROLES = ("sender", "recipient", "cc")
SORT_KEYS = ("date", "kind", "title", "sender", "recipients", "file_name", "filed_at", "reviewed")


# -- actors ------------------------------------------------------------------------------------

def get_or_create_actor(session: Session, name: str, now: str, kind: str = "person") -> int:
    return actor_ids_for(session, [name], now, kind)[actor_key(name)]


def actor_ids_for(session: Session, names: Sequence[str], now: str, kind: str = "person",
                  organisations: Collection[str] = ()) -> dict[str, int]:
    """name key -> actor id for each name, creating the missing actors (of `kind`, or organisations
    for the names in `organisations`); one query for the lookup."""
    wanted = {actor_key(n): " ".join(n.split()) for n in names if n and n.strip()}
    if not wanted:
        return {}
    found = {k: i for k, i in session.execute(select(Actor.name_key, Actor.id).where(Actor.name_key.in_(list(wanted))))}
    missing = [k for k in wanted if k not in found]
    if missing:
        orgs = {actor_key(n) for n in organisations}
        session.execute(insert(Actor), [{"name": wanted[k], "name_key": k, "created_at": now,
                                         "kind": "organisation" if k in orgs else kind} for k in missing])
        found.update((k, i) for k, i in session.execute(select(Actor.name_key, Actor.id).where(Actor.name_key.in_(missing))))
        search.index_new_actors(session, [(found[k], wanted[k]) for k in missing])  # found by name at once
    return found


def actor_names(session: Session, prefix: str = "", limit: int = 200) -> list[str]:
    stmt = select(Actor.name).order_by(Actor.name_key).limit(limit)
    if prefix:
        stmt = stmt.where(Actor.name_key.startswith(actor_key(prefix), autoescape=True))
    return list(session.scalars(stmt))


# -- documents: writing ------------------------------------------------------------------------

def find_by_sha(session: Session, sha256: str) -> tuple[int, str] | None:
    row = session.execute(select(Document.id, Document.file_name).where(Document.sha256 == sha256)).first()
    return (row[0], row[1]) if row else None


def insert_document(
    session: Session,
    *,
    sha256: str,
    file_name: str,
    media_type: str,
    data: bytes,
    text: str,
    paragraphs: Sequence[ParagraphSpan],
    page_count: int | None,
    status: DocumentStatus,
    metadata: DocumentMetadata,
    sender_post: str | None,
    filed_at: str,
    organisations: Collection[str] = (),
    copy_of: int | None = None,
) -> int:
    """A new document; `organisations` are those of its parties that are not people (for the
    actors this creates)."""
    doc = Document(
        sha256=sha256, file_name=file_name, media_type=media_type, size=len(data), status=status.value,
        page_count=page_count, text=text, user_set="", filed_at=filed_at, sender_post=sender_post,
        copy_of=copy_of,
    )
    _apply_scalar_metadata(doc, metadata)
    session.add(doc)
    try:
        session.flush()
    except IntegrityError as exc:  # the same bytes were filed by another window since the caller looked
        raise AlreadyStored(f"{file_name} was filed meanwhile.") from exc
    session.execute(insert(DocumentBlob), [{"document_id": doc.id, "data": data}])
    if paragraphs:
        session.execute(insert(Paragraph), [
            {"document_id": doc.id, "number": p.number, "start": p.start, "end": p.end, "page": p.page,
             "quoted": p.quoted} for p in paragraphs])
    _write_parties(session, doc, metadata, filed_at, new=True, organisations=organisations)
    doc.heading = _heading(doc.id, metadata)
    search.index_document(session, doc.id, doc.title, text)
    return doc.id


def _apply_scalar_metadata(doc: Document, meta: DocumentMetadata) -> None:
    doc.kind = meta.kind.value
    doc.title = meta.title
    doc.reference = meta.reference
    doc.marking = meta.marking
    d = meta.date
    doc.date_value = d.value if d else None
    doc.date_precision = d.precision.value if d else None
    doc.date_qualifier = d.qualifier.value if d and d.qualifier else None
    doc.date_text = d.text if d else None
    doc.date_end_value = d.end_value if d else None


def _heading(doc_id: int, meta: DocumentMetadata) -> str:
    return document_heading(meta.kind, title=meta.title, sender=meta.sender, recipients=meta.recipients,
                            date=meta.date, number=doc_id)[:1000]


def refresh_headings(session: Session, *, actor_ids: Iterable[int] = (), doc_ids: Iterable[int] = ()) -> None:
    """Build again the headings of these documents and of those these actors are parties to (a name
    changed: a rename, a merge, a delete or its undo)."""
    wanted = sorted(set(actor_ids))
    session.flush()
    docs = set(doc_ids)
    if wanted:
        docs.update(session.scalars(select(DocumentParty.document_id).where(DocumentParty.actor_id.in_(wanted))))
    doc_ids = sorted(docs)
    for first in range(0, len(doc_ids), 500):
        changed = []
        for r in document_rows(session, doc_ids[first:first + 500]):
            heading = document_heading(r.kind, title=r.title, sender=r.sender, recipients=r.recipients,
                                       date=r.date, number=r.id)[:1000]
            if heading != r.heading:
                changed.append({"id": r.id, "heading": heading})
        if changed:
            session.execute(update(Document), changed)


def _write_parties(session: Session, doc: Document, meta: DocumentMetadata, now: str, new: bool = False,
                   organisations: Collection[str] = ()) -> None:
    doc.sender_sort = actor_key(meta.sender) if meta.sender else None
    doc.recipient_sort = actor_key(meta.recipients[0]) if meta.recipients else None
    names = [("sender", meta.sender)] if meta.sender else []
    names += [("recipient", n) for n in meta.recipients] + [("cc", n) for n in meta.cc]
    names = [(role, n) for role, n in names if n and n.strip()]
    ids = actor_ids_for(session, [n for _, n in names], now, organisations=organisations)
    wanted = [(role, ids[actor_key(n)]) for role, n in names]
    if not new:
        current = [(r.role, r.actor_id) for r in session.execute(
            select(DocumentParty.role, DocumentParty.actor_id).where(DocumentParty.document_id == doc.id)
            .order_by(DocumentParty.position))]
        if current == wanted:  # unchanged: leave the rows (and the audit log) alone
            return
        session.execute(delete(DocumentParty).where(DocumentParty.document_id == doc.id))
    if names:
        session.execute(insert(DocumentParty), [
            {"document_id": doc.id, "actor_id": ids[actor_key(n)], "role": role, "position": position}
            for position, (role, n) in enumerate(names)])


def write_metadata(session: Session, doc_id: int, meta: DocumentMetadata, user_set: Iterable[str], now: str,
                   organisations: Collection[str] = ()) -> None:
    doc = _document(session, doc_id)
    old_title = doc.title
    _apply_scalar_metadata(doc, meta)
    doc.user_set = ",".join(sorted(set(user_set)))
    _write_parties(session, doc, meta, now, organisations=organisations)
    doc.heading = _heading(doc_id, meta)
    if old_title != doc.title:
        search.reindex_title(session, doc_id, old_title, doc.title, doc.text)


# -- documents: reading ------------------------------------------------------------------------

def _document(session: Session, doc_id: int) -> Document:
    doc = session.get(Document, doc_id)
    if doc is None:
        raise NotFound(f"There is no document D{doc_id} in this dossier.")
    return doc


def document_ids(session: Session, *, sort: str = "date", descending: bool = False, text_filter: str = "") -> list[int]:
    """All document ids in display order. Sorting re-queries ids; rows are fetched lazily."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    column = {
        "date": Document.date_value,
        "kind": Document.kind,
        "title": func.lower(Document.heading),
        "sender": Document.sender_sort,
        "recipients": Document.recipient_sort,
        "file_name": func.lower(Document.file_name),
        "filed_at": Document.filed_at,
        "reviewed": case((exists().where(DocumentReview.document_id == Document.id), 1), else_=0),
    }[sort]
    nulls_last = case((column.is_(None), 1), else_=0)
    order = column.desc() if descending else column.asc()
    stmt: Select = select(Document.id).order_by(nulls_last, order, Document.id)
    if text_filter.strip():
        stmt = stmt.where(_filter_clause(text_filter))
    return list(session.scalars(stmt))


def _filter_clause(text_filter: str):
    clauses = []
    for word in text_filter.split():
        like = f"%{word.casefold()}%"
        party, actor = aliased(DocumentParty), aliased(Actor)
        names = exists(
            select(party.id).join(actor, party.actor_id == actor.id)
            .where(party.document_id == Document.id, actor.name_key.like(like, escape="\\"))
        )
        clauses.append(or_(
            func.lower(Document.heading).like(like, escape="\\"),
            func.lower(Document.file_name).like(like, escape="\\"),
            func.lower(Document.date_text).like(like, escape="\\"),
            Document.date_value.like(like, escape="\\"),
            Document.kind.like(like, escape="\\"),
            names,
        ))
    return and_(*clauses)


def _parties_by_document(session: Session, ids: Sequence[int]) -> dict[int, dict[str, list[str]]]:
    out: dict[int, dict[str, list[str]]] = defaultdict(lambda: {r: [] for r in ROLES})
    rows = session.execute(
        select(DocumentParty.document_id, DocumentParty.role, Actor.name)
        .join(Actor, Actor.id == DocumentParty.actor_id)
        .where(DocumentParty.document_id.in_(ids))
        .order_by(DocumentParty.document_id, DocumentParty.position)
    )
    for doc_id, role, name in rows:
        out[doc_id][role].append(name)
    return out


_ROW_COLUMNS = (
    Document.id, Document.file_name, Document.kind, Document.date_value, Document.date_precision,
    Document.date_qualifier, Document.date_text, Document.date_end_value, Document.title, Document.heading, Document.status, Document.page_count,
    Document.sha256, Document.filed_at, Document.copy_of, Document.first_file_name, Document.changed_since_review,
)


def date_of(value: str | None, precision: str | None, qualifier: str | None, text: str | None,
             end_value: str | None = None) -> PartialDate | None:
    if not value or not precision:
        return None
    return PartialDate(value, Precision(precision), Qualifier(qualifier) if qualifier else None, text or "", end_value)


def document_rows(session: Session, ids: Sequence[int]) -> list[DocumentRow]:
    """Rows for the given ids, in the order given (ids that no longer exist are skipped)."""
    if not ids:
        return []
    found = {r.id: r for r in session.execute(select(*_ROW_COLUMNS).where(Document.id.in_(ids)))}
    parties = _parties_by_document(session, list(found))
    reviewed = dict(session.execute(select(DocumentReview.document_id, DocumentReview.reviewed_by)
                                    .where(DocumentReview.document_id.in_(list(found)))).all())
    notes = dict(session.execute(select(Annotation.document_id, func.count()).where(
        Annotation.document_id.in_(list(found))).group_by(Annotation.document_id)).all())
    rows = []
    for doc_id in ids:
        r = found.get(doc_id)
        if r is None:
            continue
        p = parties[doc_id]
        rows.append(DocumentRow(
            id=r.id, file_name=r.file_name, kind=DocumentKind(r.kind),
            date=date_of(r.date_value, r.date_precision, r.date_qualifier, r.date_text, r.date_end_value),
            title=r.title, heading=r.heading, sender=p["sender"][0] if p["sender"] else None,
            recipients=tuple(p["recipient"]), cc=tuple(p["cc"]), status=DocumentStatus(r.status),
            page_count=r.page_count, sha256=r.sha256, filed_at=r.filed_at,
            reviewed_by=reviewed.get(r.id), annotations=notes.get(r.id, 0), copy_of=r.copy_of,
            first_file_name=r.first_file_name, changed_since_review=r.changed_since_review,
        ))
    return rows


def metadata_of(session: Session, doc_id: int) -> tuple[DocumentMetadata, frozenset[str]]:
    doc = _document(session, doc_id)
    p = _parties_by_document(session, [doc_id])[doc_id]
    meta = DocumentMetadata(
        kind=DocumentKind(doc.kind),
        date=date_of(doc.date_value, doc.date_precision, doc.date_qualifier, doc.date_text, doc.date_end_value),
        title=doc.title, reference=doc.reference, marking=doc.marking,
        sender=p["sender"][0] if p["sender"] else None,
        recipients=tuple(p["recipient"]), cc=tuple(p["cc"]),
    )
    return meta, frozenset(f for f in doc.user_set.split(",") if f)


def document_detail(session: Session, doc_id: int) -> DocumentDetail:
    doc = _document(session, doc_id)
    meta, user_set = metadata_of(session, doc_id)
    row = document_rows(session, [doc_id])[0]
    paragraphs = tuple(
        ParagraphSpan(number=p.number, start=p.start, end=p.end, page=p.page, quoted=p.quoted)
        for p in session.scalars(select(Paragraph).where(Paragraph.document_id == doc_id).order_by(Paragraph.number))
    )
    return DocumentDetail(row=row, metadata=meta, media_type=doc.media_type, reference=doc.reference,
                          marking=doc.marking, text=doc.text, paragraphs=paragraphs, user_set=user_set,
                          sender_post=doc.sender_post)


def document_text(session: Session, doc_id: int) -> str:
    return _document(session, doc_id).text


def original_bytes(session: Session, doc_id: int) -> bytes:
    data = session.scalar(select(DocumentBlob.data).where(DocumentBlob.document_id == doc_id))
    if data is None:
        raise NotFound(f"There is no stored original for document D{doc_id}.")
    return data


def stats(session: Session) -> DossierStats:
    documents = session.scalar(select(func.count()).select_from(Document)) or 0
    actors = session.scalar(select(func.count()).select_from(Actor)) or 0
    no_text = session.scalar(
        select(func.count()).select_from(Document).where(Document.status == DocumentStatus.NO_TEXT_LAYER.value)
    ) or 0
    return DossierStats(documents=documents, actors=actors, no_text_layer=no_text)


# -- re-extraction -----------------------------------------------------------------------------

def replace_text(session: Session, doc_id: int, *, sha256: str, file_name: str, media_type: str, data: bytes,
                 text: str, paragraphs: Sequence[ParagraphSpan], page_count: int | None,
                 status: DocumentStatus, reviewed_by: str | None = None, review_restored: bool = False) -> str:
    """Give a document a new original and text (a better text layer). Returns the old text.

    Metadata stays; the index is updated in this transaction. Spans that point into the old text
    are the caller's to move (see `spans_in` and `move_span`). The name it was first filed under is
    kept (none when this puts that file back), and `reviewed_by`, who had reviewed it, is kept as
    "changed since reviewed" (all one change of the row, one line of the log); `review_restored`: the
    reviewed mark is being put back (the undo of a re-file), so it has not changed since.
    """
    doc = _document(session, doc_id)
    old_text = doc.text
    first = doc.first_file_name or doc.file_name
    changed_since_review = None if review_restored else (reviewed_by or doc.changed_since_review)
    search.unindex_document(session, doc_id, doc.title, old_text)
    doc.sha256, doc.file_name, doc.media_type, doc.size = sha256, file_name, media_type, len(data)
    doc.text, doc.page_count, doc.status = text, page_count, status.value
    doc.first_file_name = None if first == file_name else first
    doc.changed_since_review = changed_since_review
    session.execute(delete(Paragraph).where(Paragraph.document_id == doc_id))
    if paragraphs:
        session.execute(insert(Paragraph), [
            {"document_id": doc_id, "number": p.number, "start": p.start, "end": p.end, "page": p.page,
             "quoted": p.quoted} for p in paragraphs])
    session.execute(delete(DocumentBlob).where(DocumentBlob.document_id == doc_id))
    session.execute(insert(DocumentBlob), [{"document_id": doc_id, "data": data}])
    session.flush()
    search.index_document(session, doc_id, doc.title, text)
    return old_text


_SPAN_TABLES: dict[str, type[Mention] | type[Action] | type[EntrySource]] = {
    "mention": Mention, "action": Action, "entry_source": EntrySource}


def spans_in(session: Session, doc_id: int) -> list[tuple[str, int, int, int]]:
    """(table, row id, start, end) of every span that points into a document's text."""
    out: list[tuple[str, int, int, int]] = []
    for name, model in _SPAN_TABLES.items():
        rows = session.execute(select(model.id, model.start, model.end).where(
            model.document_id == doc_id, model.start.is_not(None), model.end.is_not(None)))
        out.extend((name, r[0], r[1], r[2]) for r in rows if r[1] is not None and r[2] is not None)
    return out


def move_span(session: Session, table: str, row_id: int, start: int | None, end: int | None) -> None:
    """Move a span to new offsets; None drops a mention and unsets an action's or a source's passage."""
    model = _SPAN_TABLES[table]
    if start is None and model is Mention:
        session.execute(delete(Mention).where(Mention.id == row_id))
        return
    session.execute(update(model).where(model.id == row_id).values(start=start, end=end))
