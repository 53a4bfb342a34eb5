"""Running a parsed search query: full-text matching (dossier.db.search, FTS5) and the filters of
the query language (portable SQL, here) over documents, ranked, with snippets.

How a query is read (dossier.domain.query gives the tree):
- The parts of the top-level AND that are words only, with no NOT standing alone, make one
  full-text expression. It is matched against each index (a document's text and title, its
  annotations, its actors' names and aliases), and a document is found when any of them matches;
  its score adds them up.
- Every other part becomes a condition on the document: a filter (from:, to:, kind:, ...), NOT of
  anything ("NOT draft" drops the documents that mention draft anywhere), or a mix such as
  "(tag:funding OR budget)", whose words are found the same way.
- With no words to rank by, results come in date order (undated last).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, false, func, literal, not_, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from dossier.db import search
from dossier.db.documents_repo import date_of
from dossier.db.errors import index_refusals
from dossier.db.models import (
    Actor,
    ActorAlias,
    Annotation,
    AnnotationTag,
    Document,
    DocumentParty,
    DocumentReview,
)
from dossier.domain.dates import PartialDate
from dossier.domain.query import (
    And,
    Field,
    Node,
    Not,
    Or,
    Query,
    SearchHit,
    conjuncts,
    fields,
    has_fields,
    positive_terms,
    split_marked,
)

PLAIN_SNIPPET_CHARS = 160
_ROLES = {"from": ("sender",), "to": ("recipient", "cc")}


# -- filters -------------------------------------------------------------------------------------

def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word_start(column: ColumnElement[str] | InstrumentedAttribute[str], value: str) -> ColumnElement[bool]:
    """The (lower-cased) column has a word that starts with the value: "timp" finds "edward timpson",
    "le grand" finds "julian le grand"."""
    v = _escape_like(" ".join(value.split()).casefold())
    return or_(column.like(f"{v}%", escape="\\"), column.like(f"% {v}%", escape="\\"),
               column.like(f"%-{v}%", escape="\\"))


def _actors_named(value: str):
    """Ids of actors whose name or an alias has a word starting with the value."""
    return select(Actor.id).where(_word_start(Actor.name_key, value)).union(
        select(ActorAlias.actor_id).where(_word_start(ActorAlias.alias_key, value)))


def _latest_from(day: str) -> ColumnElement[bool]:
    """The document's date range reaches `day` (ISO) or later. A partial value compares by its
    length: "2014-05" reaches 2014-05-23 because "2014-05" >= "2014-05"."""
    value = func.coalesce(Document.date_end_value, Document.date_value)
    return or_(*(and_(func.length(value) == n, value >= day[:n]) for n in (4, 7, 10)))


def _earliest_until(day: str) -> ColumnElement[bool]:
    """The document's date range starts on `day` (ISO) or earlier."""
    value = Document.date_value
    return or_(*(and_(func.length(value) == n, value <= day[:n]) for n in (4, 7, 10)))


_ROW_FIELDS = ("kind", "after", "before")  # filters on the document's own columns


def field_clause(f: Field, ident: Any = Document.id) -> ColumnElement[bool]:
    """A filter of the query language as a condition on a document, whose id is `ident` (filters
    on the document's own columns need Document in the query). Dates compare ranges, inclusively:
    after:2014-05 keeps a letter of 23 May 2014, and one dated only "2014"."""
    if f.name in _ROLES:
        return ident.in_(select(DocumentParty.document_id).where(
            DocumentParty.role.in_(_ROLES[f.name]), DocumentParty.actor_id.in_(_actors_named(f.value))))
    if f.name == "tag":
        return ident.in_(select(Annotation.document_id).join(
            AnnotationTag, AnnotationTag.annotation_id == Annotation.id).where(
            _word_start(func.lower(AnnotationTag.tag), f.value)))
    if f.name == "kind":
        return Document.kind == f.value
    if f.name in ("after", "before"):  # false, not unknown, for an undated document: NOT keeps it
        bound = PartialDate.parse_iso(f.value)
        test = _latest_from(bound.earliest().isoformat()) if f.name == "after" else \
            _earliest_until(bound.latest().isoformat())
        return and_(Document.date_value.is_not(None), test)
    if f.name == "reviewed":
        reviewed = ident.in_(select(DocumentReview.document_id))
        return reviewed if f.value == "yes" else not_(reviewed)
    if f.name == "has":
        annotated = select(Annotation.document_id)
        if f.value == "notes":
            annotated = annotated.where(func.trim(Annotation.note) != "")
        return ident.in_(annotated)
    raise ValueError(f"unknown filter {f.name!r}")


def clause(session: Session, node: Node, ident: Any = Document.id) -> ColumnElement[bool]:
    """Any part of a query as a condition on a document whose id is `ident`."""
    if isinstance(node, Field):
        return field_clause(node, ident)
    if not has_fields(node) and search.fts_compilable(node):
        if not search.available(session):
            return false()
        return ident.in_(search.matching_documents(search.fts_expression(node)))
    if isinstance(node, Not):
        return not_(clause(session, node.item, ident))
    if isinstance(node, And):
        return and_(*(clause(session, i, ident) for i in node.items))
    if isinstance(node, Or):
        return or_(*(clause(session, i, ident) for i in node.items))
    raise AssertionError(node)  # a Term is always compilable


def _needs_row(nodes: Sequence[Node]) -> bool:
    return any(f.name in _ROW_FIELDS for node in nodes for f in fields(node))


# -- running a query -----------------------------------------------------------------------------

def plan(query: Query) -> tuple[Node | None, list[Node]]:
    """(the words to rank by, the parts that are conditions)."""
    ranked: list[Node] = []
    conditions: list[Node] = []
    for part in conjuncts(query.root):
        if not isinstance(part, Not) and not has_fields(part) and search.fts_compilable(part):
            ranked.append(part)
        else:
            conditions.append(part)
    if not ranked:
        return None, conditions
    return (ranked[0] if len(ranked) == 1 else And(tuple(ranked))), conditions


_COLUMNS = (Document.id, Document.heading.label("title"), Document.file_name, Document.date_value, Document.date_precision,
            Document.date_qualifier, Document.date_text, Document.date_end_value)


def _ranked(session: Session, words: Node, conditions: list[Node], limit: int) -> list[Row]:
    hits = search.scored_documents(session, search.fts_expression(words), filtered=bool(conditions))
    best = select(hits.c.doc_id, hits.c.score)
    if _needs_row(conditions):
        best = best.join(Document, Document.id == hits.c.doc_id)
    best = best.where(*(clause(session, c, hits.c.doc_id) for c in conditions))
    # the best `limit` first, and only then their rows: ordering every match by a column of
    # Document would read thousands of rows for a common word
    top = best.order_by(hits.c.score.desc(), hits.c.doc_id).limit(limit).subquery()
    return list(session.execute(select(top.c.score, *_COLUMNS).join(Document, Document.id == top.c.doc_id)
                                .order_by(top.c.score.desc(), top.c.doc_id)))


def _in_date_order(session: Session, conditions: list[Node], limit: int) -> list[Row]:
    """Filters alone: in date order, undated last. Dated and undated apart, so that each is an
    index scan (date_value, then id) that stops at the limit rather than a sort of every match."""
    where = [clause(session, c) for c in conditions]
    stmt = select(literal(0.0), *_COLUMNS).where(*where)
    rows = list(session.execute(stmt.where(Document.date_value.is_not(None))
                                .order_by(Document.date_value, Document.id).limit(limit)))
    if len(rows) < limit:
        rows += session.execute(stmt.where(Document.date_value.is_(None))
                                .order_by(Document.id).limit(limit - len(rows))).all()
    return rows


@index_refusals
def search_documents(session: Session, query: Query, limit: int = 200) -> list[SearchHit]:
    """The documents a query finds, best first (or in date order for filters alone), with snippets."""
    words, conditions = plan(query)
    if words is not None and not search.available(session):
        return []
    found = _ranked(session, words, conditions, limit) if words is not None else \
        _in_date_order(session, conditions, limit)
    if not found:
        return []
    ids = [r.id for r in found]
    terms = search.any_of(positive_terms(query.root))
    marked = search.snippets(session, terms, ids) if terms and search.available(session) else {}
    missing = [i for i in ids if i not in marked]
    plain: dict[int, str] = dict(session.execute(
        select(Document.id, func.substr(Document.text, 1, PLAIN_SNIPPET_CHARS)).where(Document.id.in_(missing))
    ).all()) if missing else {}
    default_where = "text" if words is not None else "filter"
    out = []
    for r in found:
        snippet, where = marked.get(r.id) or (_plain_snippet(plain.get(r.id) or ""), default_where)
        out.append(SearchHit(document_id=r.id, title=r.title or f"D{r.id}", file_name=r.file_name,
                             date=date_of(r.date_value, r.date_precision, r.date_qualifier, r.date_text,
                                           r.date_end_value),
                             score=float(r[0]), snippet=snippet, where=where))
    return out


def _plain_snippet(text: str) -> str:
    words = " ".join(text.split())
    return words + ("…" if len(text) >= PLAIN_SNIPPET_CHARS else "")


@index_refusals
def hit_spans(session: Session, doc_id: int, query: Query) -> tuple[tuple[int, int], ...]:
    """[start, end) offsets into the document's text of every word or phrase the query looks for."""
    terms = search.any_of(positive_terms(query.root))
    if terms is None or not search.available(session):
        return ()
    marked = search.highlighted_text(session, terms, doc_id)
    if not marked:
        return ()
    plain, spans = split_marked(marked)
    stored = session.scalar(select(Document.text).where(Document.id == doc_id))
    if plain != stored:  # cannot happen for normalised text (no control characters); be safe
        return ()
    return spans
