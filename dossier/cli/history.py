"""`dossier history`: the audit trail of a document, an actor or an action, on screen or as CSV."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dossier.cli.output import print_json
from dossier.domain.audit import AuditEntry
from dossier.domain.errors import DossierError

if TYPE_CHECKING:
    from dossier.services import Services


def entry_json(e: AuditEntry, description: str = "") -> dict[str, Any]:
    return {"id": e.id, "at": e.at, "who": e.who, "what": e.what, "description": description or e.what,
            "table": e.table, "op": e.op, "row": e.row_id,
            "document": e.document_id, "actor": e.actor_id, "action": e.action_id,
            "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in e.changes]}


def _actor_id(services: Services, given: str) -> int:
    if given.isdigit():
        return int(given)
    found = services.actors.find(given)
    if found is None:
        raise DossierError(f"No one called {given!r} is in the who's who.")
    return found


def cmd_history(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    entries = services.audit.history(
        document_id=args.document, actor_id=_actor_id(services, args.actor) if args.actor else None,
        action_id=args.action, since=args.since, limit=args.limit)
    if args.csv:
        from dossier.services.audit import save_history_csv  # SQLAlchemy only when a command needs it

        save_history_csv(Path(args.csv), services.audit.to_csv(entries))
        out.write(f"wrote {args.csv}: {len(entries)} change{'' if len(entries) == 1 else 's'}\n")
        return 0
    words = services.audit.describe(entries)
    if args.json:
        print_json(out, [entry_json(e, d) for e, d in zip(entries, words, strict=True)])
        return 0
    for e, description in zip(entries, words, strict=True):
        out.write(f"{e.at[:19].replace('T', ' ')}  {e.who:<16} {description}\n")
    out.write(f"{len(entries)} change{'' if len(entries) == 1 else 's'}\n")
    return 0


def _doc_id(text: str) -> int:
    return int(text.lstrip("Dd"))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("history", help="the audit trail: who changed what, and when")
    p.add_argument("--document", type=_doc_id, metavar="DOC_ID")
    p.add_argument("--actor", metavar="NAME_OR_ID")
    p.add_argument("--action", type=int, metavar="ACTION_ID")
    p.add_argument("--since", metavar="DATE", help="only changes on or after this ISO date")
    p.add_argument("--limit", type=int, metavar="N")
    p.add_argument("--csv", metavar="OUT.csv", help="write the changes as CSV, one line per changed field")
    p.add_argument("--json", action="store_true")


COMMANDS = {"history": cmd_history}
