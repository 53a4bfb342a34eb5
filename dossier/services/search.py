"""Search: the query language over documents, annotations and actors, ranked, with snippets."""

from __future__ import annotations

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from dossier.db import search_repo as repo
from dossier.domain.query import DEFAULT_LIMIT, Query, QueryError, SearchHit, parse


class SearchService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @staticmethod
    def parse(query: str) -> Query:
        """Read a query (raises QueryError, whose message is one plain line)."""
        return parse(query)

    def search(self, query: str | Query, limit: int = DEFAULT_LIMIT) -> tuple[SearchHit, ...]:
        """Documents the query finds, best first (date order for filters alone).

        Raises QueryError for a query that cannot be read; never an SQL error.
        """
        parsed = parse(query) if isinstance(query, str) else query
        if limit <= 0:
            return ()
        with self._sessions() as session:
            try:
                found = repo.search_documents(session, parsed, limit)
            except OperationalError as exc:  # the index refused the expression: say so plainly
                raise QueryError(f"Dossier could not search for {parsed.text.strip()!r}; "
                                 "try fewer or simpler words.") from exc
        return tuple(SearchHit(document_id=f.document_id, title=f.title, file_name=f.file_name, date=f.date,
                               snippet=f.snippet, score=f.score, where=f.where) for f in found)

    def hit_spans(self, doc_id: int, query: str | Query) -> tuple[tuple[int, int], ...]:
        """[start, end) offsets into the document's text of every hit of the query's words, in order."""
        try:
            parsed = parse(query) if isinstance(query, str) else query
        except QueryError:
            return ()
        with self._sessions() as session:
            try:
                return repo.hit_spans(session, doc_id, parsed)
            except OperationalError:
                return ()
