"""Search: the query language over documents, annotations and actors, ranked, with snippets."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from sqlalchemy.orm import Session, sessionmaker

from dossier.db import search as fts
from dossier.db import search_repo as repo
from dossier.domain.errors import IndexRefused
from dossier.domain.query import (
    DEFAULT_LIMIT,
    Query,
    QueryError,
    SearchHit,
    Suggestion,
    fold,
    mark_terms,
    parse,
    positive_terms,
)

try:  # faster where it is installed; difflib does the same work otherwise
    from rapidfuzz.distance import OSA as _OSA
except ImportError:  # pragma: no cover - depends on what is installed
    _OSA = None  # type: ignore[assignment]  # the module or None: the fallback below checks which

_WORD = re.compile(r"[^\W_]+")


def _literally(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement for re.sub that puts `text` in as it stands (no backslash escapes read)."""
    return lambda _m: text

MIN_SUGGESTED = 3  # a word shorter than this is not corrected


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
            except IndexRefused as exc:  # the index refused the expression: say so plainly
                raise QueryError(f"Dossier could not search for {parsed.text.strip()!r}; "
                                 "try fewer or simpler words.") from exc
        terms = tuple(positive_terms(parsed.root))
        return tuple(replace(hit, title_marked=mark_terms(hit.title, terms)) for hit in found)

    def suggestions(self, query: str | Query) -> tuple[Suggestion, ...]:
        """For each word of the query that nothing in the dossier holds, the nearest word the index
        does hold ("Did you mean …?"); () when every word is found or nothing is near enough."""
        try:
            parsed = parse(query) if isinstance(query, str) else query
        except QueryError:
            return ()
        words = dict.fromkeys(w for t in positive_terms(parsed.root) for w in _WORD.findall(t.text)
                              if len(w) >= MIN_SUGGESTED and not w.isdigit())
        out: list[Suggestion] = []
        with self._sessions() as session:
            try:
                for word in words:
                    if fts.word_found(session, word):
                        continue
                    best = nearest_word(fold(word), fts.words_like(session, fold(word)))
                    if best is not None:
                        out.append(Suggestion(word, best))
            except IndexRefused:  # no index to ask: no suggestion
                return ()
        return tuple(out)

    @staticmethod
    def corrected(query: str, suggestions: tuple[Suggestion, ...]) -> str:
        """The query with each suggested word in place of the misspelt one."""
        for s in suggestions:
            query = re.sub(rf"(?<![\w:]){re.escape(s.word)}(?!\w)", _literally(s.suggestion), query, count=1)
        return query

    def hit_spans(self, doc_id: int, query: str | Query) -> tuple[tuple[int, int], ...]:
        """[start, end) offsets into the document's text of every hit of the query's words, in order."""
        try:
            parsed = parse(query) if isinstance(query, str) else query
        except QueryError:
            return ()
        with self._sessions() as session:
            try:
                return repo.hit_spans(session, doc_id, parsed)
            except IndexRefused:
                return ()


def _osa(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from a to b."""
    if _OSA is not None:
        return int(_OSA.distance(a, b))
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


def max_edits(word: str) -> int:
    """How far a suggestion may be from the word typed: one edit in a short word, two, then three."""
    return 1 if len(word) <= 4 else 2 if len(word) <= 9 else 3


def nearest_word(word: str, candidates: Mapping[str, int]) -> str | None:
    """The indexed word nearest to `word` (fewest edits; then the most common; then A-Z), or None
    when none is within max_edits(word)."""
    pool = [c for c in candidates if c != word and not c.isdigit()]
    if _OSA is None:  # narrow with difflib first: its quick ratios are cheaper than edits in Python
        pool = difflib.get_close_matches(word, pool, n=12, cutoff=0.6)
    limit = max_edits(word)
    scored = [(d, -candidates[c], c) for c in pool if (d := _osa(word, c)) <= limit]
    return min(scored)[2] if scored else None
