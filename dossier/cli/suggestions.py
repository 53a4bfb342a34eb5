"""`dossier suggestions`, `dossier accept` and `dossier reject`: what the analysis proposes, and the
reviewer's answer to it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from dossier.cli.output import print_json, progress_on_terminal, write_waiting
from dossier.domain.errors import DossierError

if TYPE_CHECKING:
    from dossier.services import Services

SUGGESTION_KINDS = ("actor", "action", "status")  # as the suggestions service names them


def cmd_suggestions(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    rows = services.suggestions.pending(args.document, getattr(args, "kind", None))
    if args.json:
        print_json(out, [{"id": s.id, "document": s.document_id, "kind": s.kind, "label": s.label, **s.payload}
                   for s in rows])
        return 0
    for s in rows:
        out.write(f"#{s.id:<5} D{s.document_id:<4} {s.kind:<7} {s.label}\n")
    out.write(f"{len(rows)} pending suggestions\n")
    return 0


def cmd_accept(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    sug = services.suggestions
    if args.all:  # actors first so actions find owners; statuses last; in short transactions
        records = sug.accept_all(args.kind, args.document, on_progress=progress_on_terminal("accepted")).value
    elif args.ids:
        records = sug.accept_many(args.ids).value
    else:
        raise DossierError("name the suggestions to accept, or give --all (with --kind or --document to narrow it)")
    out.write(f"{len(records)} suggestions accepted\n")
    write_waiting(services, out)  # accepting actions may find progress on them in later letters
    return 0


def cmd_reject(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    sug = services.suggestions
    if args.all:
        rejected = sug.reject_all(args.kind, args.document).value
    elif args.ids:
        for suggestion_id in args.ids:
            sug.reject(suggestion_id)
        rejected = args.ids
    else:
        raise DossierError("name the suggestions to reject, or give --all (with --kind or --document to narrow it)")
    out.write(f"{len(rejected)} suggestions rejected; they will not be made again\n")
    return 0


def _doc_id(text: str) -> int:
    return int(text.lstrip("Dd"))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("suggestions", help="what Dossier suggests and nobody has accepted or rejected")
    p.add_argument("document", nargs="?", type=_doc_id, metavar="DOC_ID")
    p.add_argument("--kind", choices=SUGGESTION_KINDS, help="only suggestions of this kind")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("accept", help="accept suggestions")
    p.add_argument("ids", nargs="*", type=int, metavar="SUGGESTION_ID")
    p.add_argument("--all", action="store_true", help="accept all pending suggestions (of --kind, of --document)")
    p.add_argument("--kind", choices=SUGGESTION_KINDS, help="with --all: only suggestions of this kind")
    p.add_argument("--document", type=_doc_id, metavar="DOC_ID")
    p = sub.add_parser("reject", help="reject suggestions (never made again in this dossier)")
    p.add_argument("ids", nargs="*", type=int, metavar="SUGGESTION_ID")
    p.add_argument("--all", action="store_true", help="reject all pending suggestions (of --kind, of --document)")
    p.add_argument("--kind", choices=SUGGESTION_KINDS, help="with --all: only suggestions of this kind")
    p.add_argument("--document", type=_doc_id, metavar="DOC_ID")


COMMANDS = {"suggestions": cmd_suggestions, "accept": cmd_accept, "reject": cmd_reject}
