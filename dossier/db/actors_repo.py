"""The actor register: actors, aliases, posts, mentions. SQL stops here.

Merges and deletes take a snapshot of every row that points at the actor first, as plain data,
so that the undo can put each row back exactly (same ids) in one bulk call.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy import Select, delete, func, insert, inspect, or_, select, update
from sqlalchemy.orm import Session, aliased

from dossier.db import mentions_repo, search
from dossier.db.models import (
    Action,
    Actor,
    ActorAlias,
    Base,
    Document,
    DocumentParty,
    Mention,
    Post,
    PostHolder,
)
from dossier.domain.dates import PartialDate, Precision
from dossier.domain.errors import NotFound
from dossier.domain.findings import ActorKind
from dossier.domain.register import (
    ActorDetail,
    ActorRow,
    ActorSaved,
    ActorSnapshot,
    AliasSaved,
    MentionSaved,
    PartySaved,
    PointerKind,
    PostHeld,
    TenureSaved,
    actor_key,
)
from dossier.domain.tenures import held_on, post_key, post_label, same_post

ACTOR_SORT_KEYS = ("name", "kind", "documents", "first_seen")

# the models of the rows that point at an actor (and posts and actors themselves)
ActorModel = type[ActorAlias] | type[Mention] | type[DocumentParty] | type[PostHolder] | type[Action] | type[Actor] \
    | type[Post]
# (table, column) pairs that point at an actor; merges re-point them, snapshots record them
ACTOR_REFERENCES: tuple[tuple[ActorModel, str], ...] = (
    (ActorAlias, "actor_id"),
    (Mention, "actor_id"),
    (DocumentParty, "actor_id"),
    (PostHolder, "actor_id"),
    (Action, "owner_id"),
    (Action, "addressed_to_id"),
    (Actor, "organisation_id"),
    (Post, "organisation_id"),
)
_TABLES = {model.__tablename__: model for model, _ in ACTOR_REFERENCES}


def row_dict(obj: Base) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in inspect(obj).mapper.column_attrs}


def _actor(session: Session, actor_id: int) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None:
        raise NotFound(f"There is no actor {actor_id} in this dossier.")
    return actor


# -- finding and creating -----------------------------------------------------------------------

def find_actor(session: Session, name: str) -> int | None:
    """An actor whose name or one of whose aliases is `name` (case-insensitive)."""
    key = actor_key(name)
    actors, aliases = Actor.__table__.c, ActorAlias.__table__.c
    return session.scalar(select(func.coalesce(  # one statement: by name, else by alias
        select(actors.id).where(actors.name_key == key).limit(1).scalar_subquery(),
        select(aliases.actor_id).where(aliases.alias_key == key).limit(1).scalar_subquery())))


def create_actor(session: Session, name: str, kind: ActorKind, now: str) -> int:
    name = " ".join(name.split())
    actor = Actor(name=name, name_key=actor_key(name), kind=kind.value, created_at=now)
    session.add(actor)
    session.flush()
    search.refresh_actors(session, [actor.id])
    return actor.id


def batch(session: Session) -> search.deferred_actor_index:
    """A block of many register writes (accepting suggestions): the actors' search index is brought
    up to date once, at its end."""
    return search.deferred_actor_index(session)


def others_mark(session: Session) -> tuple[int, int] | None:
    """A mark that stays the same while no other connection commits to the dossier (SQLite's
    `data_version` on this session's connection), so what was read from it can be kept between
    transactions; None where that cannot be told."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return None
    version = connection.exec_driver_sql("PRAGMA data_version").scalar()
    if version is None:
        return None
    return (id(connection.connection.driver_connection), int(version))


def all_names(session: Session) -> list[tuple[int, str, str]]:
    """(id, name, kind) of every actor, for alias matching and completion."""
    return [(r[0], r[1], r[2]) for r in session.execute(select(Actor.id, Actor.name, Actor.kind))]


def add_alias(session: Session, actor_id: int, alias: str, document_id: int | None) -> int | None:
    """Add an alias unless the actor already has it (or it is the actor's name). Returns its id."""
    alias = " ".join(alias.split())
    key = actor_key(alias)
    actor = _actor(session, actor_id)
    if key == actor.name_key:
        return None
    if session.scalar(select(ActorAlias.id).where(ActorAlias.actor_id == actor_id, ActorAlias.alias_key == key)):
        return None
    row = ActorAlias(actor_id=actor_id, alias=alias, alias_key=key, document_id=document_id)
    session.add(row)
    session.flush()
    search.refresh_actors(session, [actor_id])
    return row.id


def add_aliases(session: Session, actor_id: int, aliases: Sequence[str], document_id: int | None) -> list[int]:
    """`add_alias` for several forms at once (a few statements however many): the ids of the aliases
    added, in order; a form the actor already has, or that is its name, adds none."""
    actors, aliases_c = Actor.__table__.c, ActorAlias.__table__.c
    name_key = session.scalar(select(actors.name_key).where(actors.id == actor_id))
    if name_key is None:
        raise NotFound(f"There is no actor {actor_id} in this dossier.")
    have = {name_key, *session.scalars(select(aliases_c.alias_key).where(aliases_c.actor_id == actor_id))}
    rows = []
    for alias in aliases:
        alias = " ".join(alias.split())
        key = actor_key(alias)
        if key not in have:
            have.add(key)
            rows.append({"actor_id": actor_id, "alias": alias, "alias_key": key, "document_id": document_id})
    if not rows:
        return []
    table = ActorAlias.__table__
    ids = list(session.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))
    search.refresh_actors(session, [actor_id])
    return ids


def get_or_create_post(session: Session, title: str, key: str | None = None,
                       organisation_id: int | None = None) -> tuple[int, bool]:
    """The post with this key (the normalised title's), made if there is none yet."""
    title = " ".join(title.split())
    key = key or post_key(title)
    posts = Post.__table__
    found = session.scalar(select(posts.c.id).where(posts.c.title_key == key))
    if found:
        return found, False
    return session.execute(insert(posts).values(title=title, title_key=key, organisation_id=organisation_id)
                           .returning(posts.c.id)).scalar_one(), True


def add_holder(session: Session, post_id: int, actor_id: int, start: str | None, document_id: int | None,
               note: str | None = None) -> int | None:
    """Record that an actor held a post, unless already recorded."""
    holders = PostHolder.__table__
    if session.scalar(select(holders.c.id).where(holders.c.post_id == post_id, holders.c.actor_id == actor_id)):
        return None
    return session.execute(insert(holders).values(post_id=post_id, actor_id=actor_id, start_value=start,
                                                  document_id=document_id, note=note)
                           .returning(holders.c.id)).scalar_one()


def holder_id(session: Session, post_id: int, actor_id: int) -> int | None:
    return session.scalar(select(PostHolder.id).where(PostHolder.post_id == post_id, PostHolder.actor_id == actor_id)
                           .order_by(PostHolder.id).limit(1))


def update_holder(session: Session, holder: int, values: dict[str, Any]) -> dict[str, Any]:
    """Change a tenure's columns; returns their old values (for undo)."""
    row = session.get(PostHolder, holder)
    if row is None:
        raise NotFound(f"There is no tenure {holder}.")
    old = {k: getattr(row, k) for k in values}
    for k, v in values.items():
        setattr(row, k, v)
    session.flush()
    return old


def holders_of(session: Session, actor_id: int) -> list[dict[str, Any]]:
    """An actor's tenures as plain rows, each with `doc_date` (the date of the letter that first named
    the post) and the post's `title_key`."""
    holders = PostHolder.__table__
    columns = [holders.c[a.key] for a in inspect(PostHolder).column_attrs]
    stmt = (select(*columns, Document.__table__.c.date_value.label("doc_date"), Post.__table__.c.title_key)
            .join(Post.__table__, Post.__table__.c.id == holders.c.post_id)
            .outerjoin(Document.__table__, Document.__table__.c.id == holders.c.document_id)
            .where(holders.c.actor_id == actor_id).order_by(holders.c.id))
    return [dict(r._mapping) for r in session.execute(stmt)]


def document_date_value(session: Session, document_id: int | None) -> str | None:
    return session.scalar(select(Document.date_value).where(Document.id == document_id)) if document_id else None


def set_organisation_if_none(session: Session, actor_id: int, organisation_id: int) -> bool:
    """Give a person the organisation their post names, unless they have one; whether it was set."""
    actor = _actor(session, actor_id)
    if actor.organisation_id is not None or actor.kind != ActorKind.PERSON.value or actor_id == organisation_id:
        return False
    actor.organisation_id = organisation_id
    session.flush()
    return True


def update_rows(session: Session, table: str, row_id: int, values: dict[str, Any]) -> None:
    """Put old values back (the undo of `update_holder`)."""
    model: ActorModel = {**_TABLES, "posts": Post, "actors": Actor}[table]
    session.execute(update(model).where(model.id == row_id).values(**values))
    session.expire_all()


def tenures(session: Session, ids: Sequence[int]) -> dict[int, list[PostHeld]]:
    """Each actor's tenures, earliest first. A tenure with no stated start counts from the date of
    the first letter that names the post (its document)."""
    org = aliased(Actor)
    stmt = (select(PostHolder, Post.title, org.name, Document.date_value)
            .join(Post, Post.id == PostHolder.post_id)
            .outerjoin(org, org.id == Post.organisation_id)
            .outerjoin(Document, Document.id == PostHolder.document_id)
            .where(PostHolder.actor_id.in_(ids)))
    out: dict[int, list[PostHeld]] = defaultdict(list)
    for h, title, org_name, doc_date in session.execute(stmt):
        out[h.actor_id].append(PostHeld(
            post_id=h.post_id, title=title, start=h.start_value or doc_date, end=h.end_value, organisation=org_name,
            note=h.note, start_stated=h.start_value is not None, holder_id=h.id))
    for held in out.values():
        held.sort(key=lambda p: (p.start is None, p.start or "", p.holder_id or 0))
    return out


def holder_on(session: Session, post_title: str, on: PartialDate | None) -> int | None:
    """Who held the post on a date: of the tenures covering it, the latest started (any, if undated).

    `post_title` is a title or a post's key. A title alone matches the post at any organisation; a
    key with an organisation matches that post, else the title alone."""
    key = post_title if " @ " in post_title else post_key(post_title)
    found = _holder_on(session, key, on, exact=" @ " in key)
    if found is None and " @ " in key:
        found = _holder_on(session, key.partition(" @ ")[0], on, exact=False)
    return found


def _holder_on(session: Session, key: str, on: PartialDate | None, *, exact: bool) -> int | None:
    match = Post.title_key == key
    if not exact:
        match = or_(match, func.substr(Post.title_key, 1, len(key) + 3) == f"{key} @ ")
    stmt = (select(PostHolder.actor_id, PostHolder.start_value, PostHolder.end_value, Document.date_value)
            .join(Post, Post.id == PostHolder.post_id)
            .outerjoin(Document, Document.id == PostHolder.document_id)
            .where(match))
    rows = [(r[0], r[1] or r[3], r[2]) for r in session.execute(stmt)]
    if on is not None:
        day = on.earliest() if on.precision is Precision.DAY else on.latest()
        rows = held_on(rows, day, lambda r: r[1], lambda r: r[2])
        return rows[0][0] if rows else None
    rows.sort(key=lambda r: r[1] or "")
    return rows[-1][0] if rows else None


def set_kind(session: Session, actor_id: int, kind: ActorKind) -> None:
    _actor(session, actor_id).kind = kind.value


def rename(session: Session, actor_id: int, name: str) -> None:
    actor = _actor(session, actor_id)
    actor.name = " ".join(name.split())
    actor.name_key = actor_key(name)
    search.refresh_actors(session, [actor_id])
    _refresh_headings(session, [actor_id])


def _refresh_headings(session: Session, actor_ids: Sequence[int], doc_ids: Sequence[int] = ()) -> None:
    """Headings name a document's parties: build those of the actors' documents again."""
    from dossier.db.documents_repo import refresh_headings

    refresh_headings(session, actor_ids=actor_ids, doc_ids=doc_ids)


def delete_by_ids(session: Session, table: str, ids: Sequence[int]) -> None:
    model: ActorModel = {**_TABLES, "posts": Post, "actions": Action, "actors": Actor}[table]
    named: list[int] = []  # actors whose names change, for the search index
    if model is Actor:
        named = list(ids)
    elif model is ActorAlias:
        named = list(session.scalars(select(ActorAlias.actor_id).where(ActorAlias.id.in_(ids))))
    session.execute(delete(model).where(model.id.in_(ids)))
    search.refresh_actors(session, named)


# -- snapshots, merge, delete, restore -----------------------------------------------------------

# the rows an actor's deletion takes with it, as the records that keep them for undo
SAVED_ROWS: tuple[tuple[Any, type[Any], str], ...] = (  # (model, record, field of ActorSnapshot)
    (ActorAlias, AliasSaved, "aliases"), (Mention, MentionSaved, "mentions"),
    (DocumentParty, PartySaved, "parties"), (PostHolder, TenureSaved, "tenures"))
# the rows that only point at it (the pointer is cleared, or moved by a merge)
POINTERS: dict[PointerKind, tuple[Any, str]] = {  # (model, column)
    PointerKind.ACTION_OWNER: (Action, "owner_id"), PointerKind.ACTION_ADDRESSEE: (Action, "addressed_to_id"),
    PointerKind.MEMBER: (Actor, "organisation_id"), PointerKind.ORGANISATION_POST: (Post, "organisation_id")}


def snapshot(session: Session, actor_id: int) -> ActorSnapshot:
    actor = _actor(session, actor_id)
    saved = {field: tuple(record(**row_dict(obj)) for obj in session.scalars(
        select(model).where(model.actor_id == actor_id).order_by(model.id)))
        for model, record, field in SAVED_ROWS}
    pointers = tuple((kind, i) for kind, (model, column) in POINTERS.items() for i in session.scalars(
        select(model.id).where(getattr(model, column) == actor_id).order_by(model.id)))
    return ActorSnapshot(actor=ActorSaved(**row_dict(actor)), pointers=pointers, **saved)


def merge(session: Session, keep_id: int, drop_id: int, now: str) -> tuple[ActorSnapshot, tuple[int, ...]]:
    """Move everything of `drop` onto `keep`, keep drop's name as an alias, delete drop."""
    if keep_id == drop_id:
        raise ValueError("An actor cannot be merged with itself.")
    keep = _actor(session, keep_id)
    snap = snapshot(session, drop_id)
    keep_aliases = set(session.scalars(select(ActorAlias.alias_key).where(ActorAlias.actor_id == keep_id)))
    keep_aliases.add(keep.name_key)
    for alias in session.scalars(select(ActorAlias).where(ActorAlias.actor_id == drop_id)):
        if alias.alias_key in keep_aliases:
            session.delete(alias)
        else:
            alias.actor_id = keep_id
            keep_aliases.add(alias.alias_key)
    # a span already tagged with keep would collide: drop the duplicate (the snapshot keeps it)
    session.execute(delete(Mention).where(Mention.id.in_(_duplicate_mentions(session, keep_id, drop_id))))
    # so would a post keep holds already, written another way: one post, keep's tenure (the snapshot keeps drop's)
    session.execute(delete(PostHolder).where(PostHolder.id.in_(_duplicate_tenures(session, keep_id, drop_id))))
    for model, column in ACTOR_REFERENCES:
        if model is ActorAlias:
            continue
        col = getattr(model, column)
        session.execute(update(model).where(col == drop_id).values({column: keep_id}))
    session.flush()
    dropped = session.get(Actor, drop_id)
    session.delete(dropped)
    session.flush()
    added = add_alias(session, keep_id, snap.actor.name, None)
    search.refresh_actors(session, [keep_id, drop_id])
    _refresh_headings(session, [keep_id])
    return snap, (added,) if added else ()


def _duplicate_tenures(session: Session, keep_id: int, drop_id: int) -> list[int]:
    def keyed(actor_id: int) -> list[tuple[int, str]]:
        return [(r[0], r[1]) for r in session.execute(
            select(PostHolder.id, Post.title_key).join(Post, Post.id == PostHolder.post_id)
            .where(PostHolder.actor_id == actor_id))]
    kept = [k for _, k in keyed(keep_id)]
    return [i for i, k in keyed(drop_id) if any(same_post(k, other) for other in kept)]


def _duplicate_mentions(session: Session, keep_id: int, drop_id: int) -> list[int]:
    kept = {(r[0], r[1], r[2]) for r in session.execute(
        select(Mention.document_id, Mention.start, Mention.end).where(Mention.actor_id == keep_id))}
    return [r[0] for r in session.execute(
        select(Mention.id, Mention.document_id, Mention.start, Mention.end).where(Mention.actor_id == drop_id))
        if (r[1], r[2], r[3]) in kept]


def delete_actor(session: Session, actor_id: int) -> ActorSnapshot:
    snap = snapshot(session, actor_id)
    parties_of = list(session.scalars(select(DocumentParty.document_id).where(DocumentParty.actor_id == actor_id)))
    session.execute(delete(DocumentParty).where(DocumentParty.actor_id == actor_id))
    session.execute(update(Document).where(Document.sender_sort == snap.actor.name_key).values(sender_sort=None))
    session.delete(_actor(session, actor_id))
    session.flush()
    search.refresh_actors(session, [actor_id])
    _refresh_headings(session, [], parties_of)
    return snap


def restore(session: Session, snap: ActorSnapshot) -> None:
    """Put an actor and every row that pointed at it back as they were (same ids)."""
    actor_id = snap.actor.id
    alias_ids = [a.id for a in snap.aliases]
    named = [actor_id, *session.scalars(select(ActorAlias.actor_id).where(ActorAlias.id.in_(alias_ids)))]
    if session.get(Actor, actor_id) is None:
        session.execute(insert(Actor).values(**asdict(snap.actor)))
    for model, _, field in SAVED_ROWS:
        rows = [asdict(r) for r in getattr(snap, field)]
        ids = [r["id"] for r in rows]
        existing: set[int] = set()
        for i in range(0, len(ids), 900):
            key = model.id
            existing.update(session.scalars(select(key).where(key.in_(ids[i:i + 900]))))
        updates = [r for r in rows if r["id"] in existing]
        inserts = [r for r in rows if r["id"] not in existing]
        if updates:
            session.execute(update(model), updates)  # bulk UPDATE by primary key
        if inserts:
            session.execute(insert(model), inserts)
    for kind, (model, column) in POINTERS.items():
        ids = [i for k, i in snap.pointers if k is kind]
        for i in range(0, len(ids), 900):
            session.execute(update(model).where(model.id.in_(ids[i:i + 900])).values({column: actor_id}))
    session.flush()
    session.expire_all()
    search.refresh_actors(session, named)
    _refresh_party_sort_keys(session, [p.document_id for p in snap.parties])
    _refresh_headings(session, [actor_id])


def _refresh_party_sort_keys(session: Session, document_ids: Sequence[int]) -> None:
    for doc_id in set(document_ids):
        doc = session.get(Document, doc_id)
        if doc is None:
            continue
        first: dict[str, str] = {}
        for role, key in session.execute(
                select(DocumentParty.role, Actor.name_key).join(Actor, Actor.id == DocumentParty.actor_id)
                .where(DocumentParty.document_id == doc_id).order_by(DocumentParty.position)):
            first.setdefault(role, key)
        doc.sender_sort = first.get("sender")
        doc.recipient_sort = first.get("recipient")


def split_alias(session: Session, actor_id: int, alias: str, now: str) -> int:
    """Make an alias an actor of its own; the mentions written that way go with it."""
    actor = _actor(session, actor_id)
    key = actor_key(alias)
    row = session.scalar(select(ActorAlias).where(ActorAlias.actor_id == actor_id, ActorAlias.alias_key == key))
    if row is None:
        raise NotFound(f"{actor.name} has no alias {alias!r}.")
    new_id = create_actor(session, row.alias, ActorKind(actor.kind), now)
    session.delete(row)
    session.execute(update(Mention).where(Mention.actor_id == actor_id, func.lower(Mention.text) == alias.casefold())
                    .values(actor_id=new_id))
    session.flush()
    search.refresh_actors(session, [actor_id, new_id])
    return new_id


# -- reading -------------------------------------------------------------------------------------

def _document_counts(session: Session, ids: Sequence[int] | None = None) -> dict[int, tuple[int, str | None, str | None]]:
    """actor id -> (number of documents, earliest date value, latest date value), over mentions and parties."""
    mention_docs = select(Mention.actor_id.label("actor_id"), Mention.document_id.label("document_id"))
    party_docs = select(DocumentParty.actor_id.label("actor_id"), DocumentParty.document_id.label("document_id"))
    if ids is not None:
        mention_docs = mention_docs.where(Mention.actor_id.in_(ids))
        party_docs = party_docs.where(DocumentParty.actor_id.in_(ids))
    both = mention_docs.union(party_docs).subquery()
    stmt = (select(both.c.actor_id, func.count(both.c.document_id), func.min(Document.date_value),
                   func.max(Document.date_value))
            .join(Document, Document.id == both.c.document_id).group_by(both.c.actor_id))
    return {r[0]: (r[1], r[2], r[3]) for r in session.execute(stmt)}


def actor_ids(session: Session, *, sort: str = "name", descending: bool = False, text_filter: str = "",
              kind: ActorKind | None = None) -> list[int]:
    if sort not in ACTOR_SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    stmt: Select = select(Actor.id)
    if kind is not None:
        stmt = stmt.where(Actor.kind == kind.value)
    for word in text_filter.split():
        like = f"%{word.casefold()}%"
        stmt = stmt.where(or_(Actor.name_key.like(like), Actor.id.in_(
            select(ActorAlias.actor_id).where(ActorAlias.alias_key.like(like)))))
    if sort in ("name", "kind"):
        column = Actor.name_key if sort == "name" else Actor.kind
        stmt = stmt.order_by(column.desc() if descending else column.asc(), Actor.name_key)
        return list(session.scalars(stmt))
    ids = list(session.scalars(stmt.order_by(Actor.name_key)))
    counts = _document_counts(session)
    if sort == "documents":
        ids.sort(key=lambda i: counts.get(i, (0, None, None))[0], reverse=not descending)
    else:
        ids.sort(key=lambda i: (counts.get(i, (0, None, None))[1] is None, counts.get(i, (0, "", ""))[1] or ""),
                 reverse=descending)
    return ids


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.parse_iso(value) if value else None


def posts_held(held: Sequence[PostHeld], as_at: dt.date | None) -> tuple[str, ...]:
    """The posts an actor held on a date (None: the posts not ended), as the who's who lists them."""
    if as_at is None:
        current = [p for p in held if p.end is None]
    else:
        current = held_on(held, as_at, lambda p: p.start, lambda p: p.end)
    return tuple(dict.fromkeys(post_label(p.title, p.organisation, p.note) for p in current))


def actor_rows(session: Session, ids: Sequence[int], as_at: dt.date | None = None) -> list[ActorRow]:
    """Rows of the who's who; `posts` are those held on `as_at` (None: those not ended)."""
    if not ids:
        return []
    actors = {a.id: a for a in session.scalars(select(Actor).where(Actor.id.in_(ids)))}
    aliases: dict[int, list[str]] = defaultdict(list)
    for actor_id, alias in session.execute(
            select(ActorAlias.actor_id, ActorAlias.alias).where(ActorAlias.actor_id.in_(ids)).order_by(ActorAlias.id)):
        aliases[actor_id].append(alias)
    held = tenures(session, ids)
    org_ids = {a.organisation_id for a in actors.values() if a.organisation_id}
    orgs = ({r[0]: r[1] for r in session.execute(select(Actor.id, Actor.name).where(Actor.id.in_(org_ids)))}
            if org_ids else {})
    counts = _document_counts(session, list(ids))
    rows = []
    for actor_id in ids:
        a = actors.get(actor_id)
        if a is None:
            continue
        n, first, last = counts.get(actor_id, (0, None, None))
        rows.append(ActorRow(
            id=a.id, name=a.name, kind=ActorKind(a.kind), posts=posts_held(held.get(a.id, ()), as_at),
            organisation=orgs.get(a.organisation_id) if a.organisation_id else None,
            aliases=tuple(aliases[a.id]), first_seen=_date(first), last_seen=_date(last), documents=n,
        ))
    return rows


def actor_detail(session: Session, actor_id: int, as_at: dt.date | None = None) -> ActorDetail:
    _actor(session, actor_id)
    [row] = actor_rows(session, [actor_id], as_at)
    posts = tuple(tenures(session, [actor_id]).get(actor_id, ()))
    return ActorDetail(row=row, posts=posts, mentions=tuple(mentions_repo.mentions_of(session, actor_id)))
