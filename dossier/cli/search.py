"""`dossier search QUERY [--json] [--limit N]`: the documents a query finds, best first."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from dossier.cli import print_json
from dossier.domain.query import DEFAULT_LIMIT, HIT_END, HIT_START, SearchHit, split_marked

if TYPE_CHECKING:
    from dossier.services import Services

QUERY_HELP = ('words, "exact phrases", prefix*, AND, OR, NOT (or -word), (brackets), and filters: from:NAME, '
              'to:NAME, kind:letter, tag:TAG, after:2014-01, before:2014-06-30, reviewed:yes|no, has:notes')


def hit_json(hit: SearchHit) -> dict[str, Any]:
    snippet, spans = split_marked(hit.snippet)
    return {
        "id": hit.document_id, "title": hit.title, "file": hit.file_name,
        "date": hit.date.to_json() if hit.date else None, "snippet": snippet,
        "highlights": [list(s) for s in spans], "score": hit.score, "where": hit.where,
    }


def _marked(snippet: str, tty: bool) -> str:
    """The snippet on one line, its hits in bold on a terminal and between « » elsewhere."""
    start, end = ("\x1b[1m", "\x1b[0m") if tty else ("«", "»")
    return " ".join(snippet.split()).replace(HIT_START, start).replace(HIT_END, end)


def cmd_search(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    hits = services.search.search(" ".join(args.query), limit=args.limit)
    if args.json:
        print_json(out, [hit_json(h) for h in hits])
        return 0
    tty = bool(getattr(out, "isatty", lambda: False)())
    for h in hits:
        date = h.date.display() if h.date else "undated"
        score = f"{h.score:.3g}" if h.where != "filter" else "-"
        out.write(f"D{h.document_id:<5} {date:<14} {h.title}  (score {score}, {h.where})\n")
        if h.snippet:
            out.write(f"       {_marked(h.snippet, tty)}\n")
    out.write(f"{len(hits)} document{'' if len(hits) == 1 else 's'} found\n")
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
