"""Full-text index. The one module that holds SQLite-only SQL (FTS5).

Three indexes, each kept in step by the repository that writes its data, in the same transaction,
so search is never stale:
- `documents_fts`: external content over `documents` (title and text);
- `annotations_fts`: an annotation's quote, note and tags (rowid = annotation id);
- `actors_fts`: an actor's name and aliases (rowid = actor id).

The query language (dossier.domain.query) reaches FTS5 here: its words become a MATCH expression
in which every word is quoted, so nothing a user types is read as FTS5 syntax. The filters and the
rest of a search are portable SQL in dossier.db.search_repo.
On another back end these functions do nothing yet; the PostgreSQL back end will use tsvector.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from sqlalchemy import Float, Integer, bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from dossier.db.errors import index_refusals
from dossier.domain.query import HIT_END, HIT_START, And, Field, Node, Not, Or, Term

FTS_TABLE = "documents_fts"
# Annotations and actors are small, so their indexes keep their own copy of the text (a plain FTS5
# table, rowid = the annotation's or actor's id): a row is replaced without knowing its old values.
NOTES_TABLE = "annotations_fts"
NAMES_TABLE = "actors_fts"


def _is_sqlite(bind: Connection | Session) -> bool:
    return bind.get_bind().dialect.name == "sqlite" if isinstance(bind, Session) else bind.dialect.name == "sqlite"


def install(connection: Connection) -> None:
    """Create the index (used by the migration that introduces it) and fill it from existing rows."""
    if not _is_sqlite(connection):
        return
    connection.execute(text(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        "title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    ))
    connection.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"))


def uninstall(connection: Connection) -> None:
    if _is_sqlite(connection):
        connection.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))


def index_document(session: Session, doc_id: int, title: str | None, body: str) -> None:
    if _is_sqlite(session):
        session.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (:id, :title, :body)"),
                        {"id": doc_id, "title": title or "", "body": body})


def unindex_document(session: Session, doc_id: int, title: str | None, body: str) -> None:
    """Remove a row; external-content FTS5 needs the values that were indexed."""
    if _is_sqlite(session):
        session.execute(
            text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text) VALUES ('delete', :id, :title, :body)"),
            {"id": doc_id, "title": title or "", "body": body},
        )


def reindex_title(session: Session, doc_id: int, old_title: str | None, new_title: str | None, body: str) -> None:
    unindex_document(session, doc_id, old_title, body)
    index_document(session, doc_id, new_title, body)


def indexed_ids(session: Session) -> set[int]:
    """Ids of documents that have index entries (for consistency checks)."""
    if not _is_sqlite(session):
        return set()
    rows = session.execute(text(f"SELECT rowid FROM {FTS_TABLE}_docsize"))
    return {r[0] for r in rows}


def match_ids(session: Session, query: str) -> list[int]:
    """Document ids matching an FTS5 query, best first. The search issue builds the query language."""
    if not _is_sqlite(session):
        return []
    rows = session.execute(
        text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY bm25({FTS_TABLE})"), {"q": query}
    )
    return [r[0] for r in rows]


def integrity_ok(session: Session) -> bool | None:
    """FTS5's own check of the index; None where it cannot run (the file is opened read-only: the
    check is a write statement, and a refusal to write says nothing about the index)."""
    if not _is_sqlite(session):
        return True
    try:
        session.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"))
    except Exception as exc:  # FTS5 reports a corrupt index by raising
        if "readonly database" in str(exc):
            return None
        return False
    return True


# -- annotations and actors ------------------------------------------------------------------------

def install_notes_and_names(connection: Connection) -> None:
    """Create the annotation and actor indexes (the migration that introduces them) and fill them."""
    if not _is_sqlite(connection):
        return
    connection.execute(text(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {NOTES_TABLE} USING fts5("
        "quote, note, tags, tokenize='unicode61 remove_diacritics 2')"
    ))
    connection.execute(text(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {NAMES_TABLE} USING fts5("
        "names, tokenize='unicode61 remove_diacritics 2')"
    ))
    connection.execute(text(
        f"INSERT INTO {NOTES_TABLE}(rowid, quote, note, tags) "
        "SELECT a.id, a.quote, a.note, COALESCE((SELECT group_concat(t.tag, ' ; ') FROM annotation_tags t "
        "WHERE t.annotation_id = a.id), '') FROM annotations a"
    ))
    connection.execute(text(
        f"INSERT INTO {NAMES_TABLE}(rowid, names) "
        "SELECT a.id, a.name || COALESCE((SELECT ' ; ' || group_concat(l.alias, ' ; ') FROM actor_aliases l "
        "WHERE l.actor_id = a.id), '') FROM actors a"
    ))


def uninstall_notes_and_names(connection: Connection) -> None:
    if _is_sqlite(connection):
        connection.execute(text(f"DROP TABLE IF EXISTS {NOTES_TABLE}"))
        connection.execute(text(f"DROP TABLE IF EXISTS {NAMES_TABLE}"))


def index_annotation(session: Session, annotation_id: int, quote: str, note: str, tags: Sequence[str]) -> None:
    """Add or replace an annotation's index row (call in the transaction that writes it)."""
    if _is_sqlite(session):
        unindex_annotation(session, annotation_id)
        session.execute(text(f"INSERT INTO {NOTES_TABLE}(rowid, quote, note, tags) VALUES (:id, :q, :n, :t)"),
                        {"id": annotation_id, "q": quote, "n": note, "t": " ; ".join(tags)})


def unindex_annotation(session: Session, annotation_id: int) -> None:
    if _is_sqlite(session):
        session.execute(text(f"DELETE FROM {NOTES_TABLE} WHERE rowid = :id"), {"id": annotation_id})


def index_actor(session: Session, actor_id: int, names: Sequence[str]) -> None:
    """Add or replace an actor's index row: its name and aliases."""
    if _is_sqlite(session):
        unindex_actor(session, actor_id)
        session.execute(text(f"INSERT INTO {NAMES_TABLE}(rowid, names) VALUES (:id, :n)"),
                        {"id": actor_id, "n": " ; ".join(names)})


def unindex_actor(session: Session, actor_id: int) -> None:
    if _is_sqlite(session):
        session.execute(text(f"DELETE FROM {NAMES_TABLE} WHERE rowid = :id"), {"id": actor_id})


def index_new_actors(session: Session, actors: Sequence[tuple[int, str]]) -> None:
    """Index actors just created, with their names (they have no aliases yet): one statement, none
    of the reading `refresh_actors` does. Filing creates senders and recipients this way."""
    if actors and _is_sqlite(session):
        session.execute(text(f"INSERT INTO {NAMES_TABLE}(rowid, names) VALUES (:id, :names)"),
                        [{"id": actor_id, "names": name} for actor_id, name in actors])


_DEFERRED = "dossier.actor_index_deferred"


class deferred_actor_index:
    """Within the block, `refresh_actors` only notes the actors; they are re-indexed once at its end
    (the index is read by searches, never by the writes of a batch such as accepting suggestions)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def __enter__(self) -> None:
        self._session.info[_DEFERRED] = set()

    def __exit__(self, exc_type: object, *_exc: object) -> None:
        ids = self._session.info.pop(_DEFERRED, set())
        if exc_type is None:
            refresh_actors(self._session, ids)


def refresh_actors(session: Session, actor_ids: Iterable[int]) -> None:
    """Re-index actors from their current name and aliases (an actor that no longer exists drops out).

    Called by the actor register in the transaction that changes a name or an alias, or that
    creates, merges, splits, deletes or restores an actor.
    """
    ids = sorted({int(i) for i in actor_ids if i is not None})
    if not ids or not _is_sqlite(session):
        return
    if (deferred := session.info.get(_DEFERRED)) is not None:
        deferred.update(ids)  # a batch under way: re-indexed once, when it ends
        return
    session.flush()  # pending ORM changes (a rename) must be visible to the SELECT below
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ", ".join(str(n) for n in chunk)  # integers only
        session.execute(text(f"DELETE FROM {NAMES_TABLE} WHERE rowid IN ({marks})"))
        session.execute(text(
            f"INSERT INTO {NAMES_TABLE}(rowid, names) "
            "SELECT a.id, a.name || COALESCE((SELECT ' ; ' || group_concat(l.alias, ' ; ') FROM actor_aliases l "
            f"WHERE l.actor_id = a.id), '') FROM actors a WHERE a.id IN ({marks})"
        ))


# -- the query language's free text, as FTS5 ---------------------------------------------------
#
# dossier.domain.query parses what the user typed; here its words and phrases become an FTS5
# MATCH expression. Every word is quoted (a '"' doubled), so nothing a user types is read as FTS5
# syntax: "NEAR", "title:", "^" and "*" inside a word are just characters of the word.

TITLE_WEIGHT = 4.0  # bm25 weight of a document's title against its text (1.0)
NOTE_WEIGHT = 0.8  # an annotation's score counts this much towards its document's
ACTOR_WEIGHT = 0.5  # and an actor's towards each document it sends, receives or is mentioned in
SNIPPET_TOKENS = 24
_ELLIPSIS = "…"


def fts_compilable(node: Node) -> bool:
    """Whether a tree of words (no filters) can be one FTS5 expression: FTS5's NOT is binary, so a
    NOT needs a positive part beside it in its AND."""
    if isinstance(node, Term):
        return True
    if isinstance(node, Field | Not):
        return False
    if isinstance(node, Or):
        return all(fts_compilable(i) for i in node.items)
    positives = [i for i in node.items if not isinstance(i, Not)]
    negatives = [i.item for i in node.items if isinstance(i, Not)]
    return bool(positives) and all(fts_compilable(i) for i in (*positives, *negatives))


def fts_expression(node: Node) -> str:
    """The FTS5 MATCH string for a tree that `fts_compilable` accepts."""
    if isinstance(node, Term):
        return '"' + node.text.replace('"', '""') + '"' + ("*" if node.prefix else "")
    if isinstance(node, Or):
        return " OR ".join(f"({fts_expression(i)})" for i in node.items)
    if isinstance(node, And):
        positives = " AND ".join(f"({fts_expression(i)})" for i in node.items if not isinstance(i, Not))
        negatives = " OR ".join(f"({fts_expression(i.item)})" for i in node.items if isinstance(i, Not))
        return f"({positives}) NOT ({negatives})" if negatives else positives
    raise ValueError(f"not a full-text expression: {node}")


def any_of(terms: Iterable[Term]) -> str | None:
    """An expression matching any of the words and phrases (for snippets and highlights)."""
    unique = list(dict.fromkeys(terms))
    return " OR ".join(fts_expression(t) for t in unique) if unique else None


def _param(match: str) -> str:
    """A bind parameter's name for an expression: the same expression gives the same name, so the
    statements repeat (SQLAlchemy's statement cache) and two uses of one expression agree."""
    return "fts_" + hashlib.sha1(match.encode("utf-8")).hexdigest()


def _matches_any(session: Session, table: str, match: str) -> bool:
    return session.execute(text(f"SELECT 1 FROM {table} WHERE {table} MATCH :q LIMIT 1"), {"q": match}).first() \
        is not None


@index_refusals
def word_found(session: Session, word: str) -> bool:
    """Whether any index (documents' text and titles, annotations, actors' names) holds the word."""
    if not _is_sqlite(session):
        return True
    match = '"' + word.replace('"', '""') + '"'
    return any(_matches_any(session, table, match) for table in (FTS_TABLE, NOTES_TABLE, NAMES_TABLE))


@index_refusals
def words_like(session: Session, word: str, spread: int = 2) -> dict[str, int]:
    """Indexed words about as long as `word` (a folded word, as the index keeps them) that begin
    with its first letter, or with its second (the first two swapped, or the first one extra), with
    how many documents or actors hold each: the candidates for "Did you mean". Read from FTS5's own
    vocabulary (fts5vocab, a table of this connection only: nothing is written to the dossier),
    a range of terms at a time, so only those terms' entries are counted, not the whole index."""
    if not _is_sqlite(session) or not word:
        return {}
    out: dict[str, int] = {}
    for table in (FTS_TABLE, NAMES_TABLE):
        vocab = f"{table}_vocab"
        session.execute(text(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{vocab} USING fts5vocab(main, {table}, row)"))
        for letter in dict.fromkeys(word[:2]):
            rows = session.execute(text(
                f"SELECT term, doc FROM temp.{vocab} WHERE term >= :a AND term < :z"
                " AND length(term) BETWEEN :lo AND :hi"),
                {"a": letter, "z": chr(ord(letter) + 1), "lo": max(1, len(word) - spread), "hi": len(word) + spread})
            for term, docs in rows:
                out[term] = out.get(term, 0) + int(docs)
    return out


def scored_documents(session: Session, match: str, *, filtered: bool = False):
    """A subquery (doc_id, score) of the documents a MATCH expression finds (unordered).

    A document scores by its own text and title (bm25, the title weighted higher), plus its best
    annotation (quote, note, tags) and its best actor (a party or a mentioned actor whose name or
    alias matches). Score is positive: higher is better. `filtered`: the caller joins or filters
    the subquery (then the matches are gathered first, so that SQLite never restarts the full-text
    query once per candidate row, which is slow for a prefix).
    """
    q = _param(match)
    if not (_matches_any(session, NOTES_TABLE, match) or _matches_any(session, NAMES_TABLE, match)):
        # the usual case: only documents' own words match, so FTS5's ranking is the whole answer
        sql = (f"SELECT rowid AS doc_id, -bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0) AS score"
               f" FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :{q}")
        if filtered:
            sql = f"WITH t AS MATERIALIZED ({sql}) SELECT doc_id, score FROM t"
        return text(sql).bindparams(bindparam(q, match)).columns(doc_id=Integer, score=Float).subquery()
    # bm25() must be read while FTS5's cursor is on the row, so each index's matches are gathered
    # first (materialised) and only then grouped; an aggregate over bm25() directly is refused.
    # The extras (annotations and actors, e) are few: they are added to the text's matches (t) by
    # a join, and the documents found only through them are appended, rather than grouping all.
    sql = (
        f"WITH t AS MATERIALIZED (SELECT rowid AS doc_id, -bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0) AS s"
        f" FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :{q}),"
        f" n AS MATERIALIZED (SELECT rowid AS id, -bm25({NOTES_TABLE}) AS s"
        f" FROM {NOTES_TABLE} WHERE {NOTES_TABLE} MATCH :{q}),"
        f" p AS MATERIALIZED (SELECT rowid AS id, -bm25({NAMES_TABLE}) AS s"
        f" FROM {NAMES_TABLE} WHERE {NAMES_TABLE} MATCH :{q}),"
        " e AS MATERIALIZED (SELECT doc_id, SUM(s) AS s FROM ("
        f"  SELECT a.document_id AS doc_id, {NOTE_WEIGHT} * MAX(n.s) AS s"
        "   FROM n JOIN annotations a ON a.id = n.id GROUP BY a.document_id"
        f"  UNION ALL SELECT document_id, {ACTOR_WEIGHT} * MAX(s) FROM ("
        "   SELECT x.document_id AS document_id, p.s AS s FROM p JOIN document_parties x ON x.actor_id = p.id"
        "   UNION ALL SELECT m.document_id, p.s FROM p JOIN mentions m ON m.actor_id = p.id"
        "  ) GROUP BY document_id"
        " ) GROUP BY doc_id)"
        " SELECT t.doc_id AS doc_id, t.s + COALESCE(e.s, 0) AS score FROM t LEFT JOIN e ON e.doc_id = t.doc_id"
        " UNION ALL SELECT e.doc_id, e.s FROM e WHERE e.doc_id NOT IN (SELECT doc_id FROM t)"
    )
    return text(sql).bindparams(bindparam(q, match)).columns(doc_id=Integer, score=Float).subquery()


def matching_documents(match: str):
    """A select of the ids of documents a MATCH expression finds in their text or title, an
    annotation, or an actor (for filters: "in" or "not in" these)."""
    q = _param(match)
    sql = (
        f"SELECT rowid AS doc_id FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :{q}"
        f" UNION SELECT a.document_id FROM {NOTES_TABLE} JOIN annotations a ON a.id = {NOTES_TABLE}.rowid"
        f" WHERE {NOTES_TABLE} MATCH :{q}"
        f" UNION SELECT p.document_id FROM {NAMES_TABLE} JOIN document_parties p ON p.actor_id = {NAMES_TABLE}.rowid"
        f" WHERE {NAMES_TABLE} MATCH :{q}"
        f" UNION SELECT m.document_id FROM {NAMES_TABLE} JOIN mentions m ON m.actor_id = {NAMES_TABLE}.rowid"
        f" WHERE {NAMES_TABLE} MATCH :{q}"
    )
    return text(sql).bindparams(bindparam(q, match)).columns(doc_id=Integer)


def available(session: Session) -> bool:
    """Whether this back end has the full-text index (SQLite); elsewhere text queries find nothing."""
    return _is_sqlite(session)


def _id_list(ids: Iterable[int]) -> str:
    return ", ".join(str(int(i)) for i in ids)


def snippets(session: Session, match: str, doc_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """doc id -> (snippet with HIT_START/HIT_END around matched words, where: text, title, note or
    actor), for the documents among `doc_ids` that the expression finds; the text is tried first."""
    if not doc_ids or not _is_sqlite(session):
        return {}
    out: dict[int, tuple[str, str]] = {}
    ids = _id_list(doc_ids)
    # "+rowid": FTS5 walks the matches once and snippets only these rows. Left to FTS5, "rowid IN"
    # restarts the full-text query for every id, which costs 20x as much for a prefix query.
    marks = {"a": HIT_START, "b": HIT_END, "e": _ELLIPSIS, "q": match}
    rows = session.execute(text(
        f"SELECT rowid, snippet({FTS_TABLE}, 1, :a, :b, :e, {SNIPPET_TOKENS}), highlight({FTS_TABLE}, 0, :a, :b)"
        f" FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q AND +rowid IN ({ids})"), marks)
    for doc_id, body, title in rows:
        if HIT_START in (body or ""):
            out[doc_id] = (body, "text")
        elif HIT_START in (title or ""):
            out[doc_id] = (title, "title")
    rest = [i for i in doc_ids if i not in out]
    if rest:
        rows = session.execute(text(
            f"SELECT a.document_id, snippet({NOTES_TABLE}, -1, :a, :b, :e, {SNIPPET_TOKENS})"
            f" FROM {NOTES_TABLE} JOIN annotations a ON a.id = {NOTES_TABLE}.rowid"
            f" WHERE {NOTES_TABLE} MATCH :q AND a.document_id IN ({_id_list(rest)})"
            f" ORDER BY bm25({NOTES_TABLE})"), marks)
        for doc_id, note in rows:
            out.setdefault(doc_id, (note, "note"))
    rest = [i for i in doc_ids if i not in out]
    if rest:
        listed = _id_list(rest)
        rows = session.execute(text(
            f"SELECT x.document_id, highlight({NAMES_TABLE}, 0, :a, :b) FROM {NAMES_TABLE}"
            " JOIN (SELECT actor_id, document_id FROM document_parties"
            f"       WHERE document_id IN ({listed})"
            "       UNION SELECT actor_id, document_id FROM mentions"
            f"       WHERE document_id IN ({listed})) x ON x.actor_id = {NAMES_TABLE}.rowid"
            f" WHERE {NAMES_TABLE} MATCH :q ORDER BY bm25({NAMES_TABLE})"), marks)
        for doc_id, names in rows:
            out.setdefault(doc_id, (names, "actor"))
    return out


def highlighted_text(session: Session, match: str, doc_id: int) -> str | None:
    """The document's text with HIT_START/HIT_END around every match of the expression (None when
    its text does not match)."""
    if not _is_sqlite(session):
        return None
    return session.scalar(text(
        f"SELECT highlight({FTS_TABLE}, 1, :a, :b) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q AND rowid = :id"),
        {"a": HIT_START, "b": HIT_END, "q": match, "id": doc_id})


def raw_match(session: Session, match: str, limit: int) -> list[int]:
    """The bare FTS5 query over documents, ranked: the floor the search benchmark compares with."""
    if not _is_sqlite(session):
        return []
    rows = session.execute(text(
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0)"
        " LIMIT :n"), {"q": match, "n": limit})
    return [r[0] for r in rows]


# -- chronology: documents that share words with another (for dating an undated one) ---------------

def documents_with_words(session: Session, words: Sequence[str], limit: int) -> list[int] | None:
    """Ids of up to `limit` documents whose text holds all these words, in any order (id order).

    None where there is no full-text index: the caller then looks another way.
    """
    if not _is_sqlite(session):
        return None
    if not words:
        return []
    match = "text : (" + " ".join('"' + w.replace('"', '""') + '"' for w in words) + ")"
    rows = session.execute(text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q LIMIT :n"),
                           {"q": match, "n": limit})
    return [r[0] for r in rows]
