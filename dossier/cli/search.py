"""`dossier search QUERY [--json] [--limit N]`: the documents a query finds, best first."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from dossier.cli.output import print_json
from dossier.domain.query import DEFAULT_LIMIT, HIT_END, HIT_START, SearchHit, split_marked

if TYPE_CHECKING:
    from dossier.services import Services

QUERY_HELP = ('words, "exact phrases", prefix*, AND, OR, NOT (or -word), (brackets), and filters: from:NAME, '
              'to:NAME, kind:letter, tag:TAG, after:2014-01, before:2014-06-30, reviewed:yes|no, has:notes')


WHERE_TEXT = {"title": "in the title", "note": "in a note", "actor": "by name"}


def relevance(hit: SearchHit, best: float) -> float | None:
    """How well a document matches, beside the best match (1.0), to two places; None for a
    search by filters alone, which is not ranked."""
    if hit.where == "filter" or best <= 0:
        return None
    return round(max(0.0, hit.score) / best, 2)


def hit_json(hit: SearchHit, best: float | None = None) -> dict[str, Any]:
    snippet, spans = split_marked(hit.snippet)
    _title, title_spans = split_marked(hit.title_marked or hit.title)
    return {
        "id": hit.document_id, "title": hit.title, "file": hit.file_name,
        "date": hit.date.to_json() if hit.date else None, "snippet": snippet,
        "highlights": [list(s) for s in spans], "title_highlights": [list(s) for s in title_spans],
        "relevance": relevance(hit, hit.score if best is None else best), "where": hit.where,
    }


def _marked(snippet: str, tty: bool) -> str:
    """The snippet on one line, its hits in bold on a terminal and between « » elsewhere."""
    start, end = ("\x1b[1m", "\x1b[0m") if tty else ("«", "»")
    return " ".join(snippet.split()).replace(HIT_START, start).replace(HIT_END, end)


def cmd_search(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    query = " ".join(args.query)
    hits = services.search.search(query, limit=args.limit)
    best = max((h.score for h in hits), default=0.0)
    if args.json:
        print_json(out, [hit_json(h, best) for h in hits])
        return 0
    tty = bool(getattr(out, "isatty", lambda: False)())
    for h in hits:
        date = h.date.display() if h.date else "undated"
        where = f"  ({WHERE_TEXT[h.where]})" if h.where in WHERE_TEXT else ""
        out.write(f"D{h.document_id:<5} {date:<14} {_marked(h.title_marked or h.title, tty)}{where}\n")
        if h.snippet:
            out.write(f"       {_marked(h.snippet, tty)}\n")
    out.write(f"{len(hits)} document{'' if len(hits) == 1 else 's'} found\n")
    if not hits:
        suggestions = services.search.suggestions(query)
        if suggestions:
            out.write(f"Did you mean: {services.search.corrected(query, suggestions)}\n")
    return 0


def _limit(text: str) -> int:
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError("the limit must be 1 or more")
    return n


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="search the documents, their notes and their actors",
                       description=f"QUERY: {QUERY_HELP}.")
    p.add_argument("query", nargs="+", metavar="QUERY", help="the query (quote it in the shell)")
    p.add_argument("--limit", type=_limit, default=DEFAULT_LIMIT, metavar="N",
                   help="at most N documents (default: %(default)s)")
    p.add_argument("--json", action="store_true")


COMMANDS = {"search": cmd_search}
