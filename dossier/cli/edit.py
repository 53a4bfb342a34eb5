"""Corrections the window makes, from the command line, through the same services:

    dossier edit DOC_ID [--title T] [--date D] [--sender S] [--to NAME]... [--cc NAME]... [--kind K]
    dossier action ACTION_ID --status done|open|superseded|withdrawn [--note TEXT] [--by DOC_ID]
    dossier actors merge KEEP DROP [DROP...]      (each an actor's id or its name)
    dossier actors split ACTOR ALIAS              (the alias becomes an actor of its own)
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from dossier.domain.errors import DossierError
from dossier.domain.findings import ActionStatus
from dossier.domain.records import DocumentKind

if TYPE_CHECKING:
    from dossier.services import Services


def _doc_id(text: str) -> int:
    return int(text.lstrip("Dd"))


def _names(values: list[str] | None) -> tuple[str, ...]:
    """Repeated options, each a name; `--to ""` clears the field."""
    return tuple(v.strip() for v in values or () if v.strip())


def cmd_edit(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from dossier.cli import _parse_date

    changes: dict[str, Any] = {}
    for name in ("title", "sender", "reference", "marking"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.kind is not None:
        changes["kind"] = DocumentKind(args.kind)
    if args.date is not None:
        changes["date"] = _parse_date(args.date) if args.date.strip() else None
    if args.to is not None:
        changes["recipients"] = _names(args.to)
    if args.cc is not None:
        changes["cc"] = _names(args.cc)
    if not changes:
        raise DossierError("say what to change: --title, --date, --sender, --to, --cc, --kind, --reference "
                           "or --marking")
    try:
        edit = services.documents.edit_metadata(args.document, changes)
    except ValueError as exc:
        raise DossierError(str(exc)) from None
    after = edit.after
    out.write(f"D{args.document} corrected: {', '.join(_field_names(changes))}\n")
    out.write(f"  date:  {after.date.display() if after.date else 'undated'}\n"
              f"  from:  {after.sender or '-'}\n  to:    {', '.join(after.recipients) or '-'}\n"
              f"  cc:    {', '.join(after.cc) or '-'}\n")
    if after.title:
        out.write(f"  title: {after.title}\n")
    return 0


def _field_names(changes: dict[str, Any]) -> list[str]:
    shown = {"recipients": "to"}
    return [shown.get(n, n) for n in changes]


def cmd_action(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    actions = services.actions
    before = actions.fields(args.action)
    status = ActionStatus(args.status)
    note = args.note if args.note is not None else (None if status is ActionStatus.OPEN else before.status_note)
    document = args.by if args.by is not None else (None if status is ActionStatus.OPEN
                                                    else before.status_document_id)
    if args.by is not None:
        services.documents.get(args.by)  # one clear line when there is no such document
    actions.set_status(args.action, status, note=note, document_id=document)
    out.write(f"action {args.action}: {before.status.value} -> {status.value}\n")
    return 0


def _actor(services: Services, text: str) -> int:
    """An actor named by its id (12, or A12) or by its name or an alias."""
    plain = text.strip()
    digits = plain[1:] if plain[:1] in ("A", "a") else plain
    if digits.isdigit():
        actor_id = int(digits)
        services.actors.get(actor_id)  # NotFound (one line) when there is none
        return actor_id
    found = services.actors.find(plain)
    if found is None:
        raise DossierError(f"there is no actor {plain!r}; `dossier actors --json` lists them with their ids")
    return found


def cmd_actors(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    """`actors` lists the who's who; `actors merge` and `actors split` change it."""
    from dossier.cli import cmd_actors as whos_who

    op = getattr(args, "actors_op", None)
    if op == "merge":
        keep = _actor(services, args.keep)
        drops = [_actor(services, d) for d in args.drop]
        if keep in drops:
            raise DossierError("an actor cannot be merged into itself")
        keep_name = services.actors.get(keep).row.name
        for drop in dict.fromkeys(drops):
            name = services.actors.get(drop).row.name
            services.actors.merge(keep, drop)
            out.write(f"{name} merged into {keep_name}\n")
        return 0
    if op == "split":
        actor_id = _actor(services, args.actor)
        new_id = services.actors.split_alias(actor_id, args.alias)
        detail = services.actors.get(new_id)
        out.write(f"{detail.row.name} is now an actor of its own (A{new_id}), split from "
                  f"{services.actors.get(actor_id).row.name}\n")
        return 0
    return whos_who(services, args, out)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("edit", help="correct a document's metadata (title, date, sender, recipients...)")
    p.add_argument("document", type=_doc_id, metavar="DOC_ID")
    p.add_argument("--title")
    p.add_argument("--date", help='the date (27/03/2014, March 2014, 2014); "" for undated')
    p.add_argument("--sender", help='who wrote it ("" for nobody named)')
    p.add_argument("--to", action="append", metavar="NAME", help="a recipient (repeat for several; "
                   "the recipients given replace those stored)")
    p.add_argument("--cc", action="append", metavar="NAME", help="copied to (repeat for several)")
    p.add_argument("--kind", choices=[k.value for k in DocumentKind])
    p.add_argument("--reference")
    p.add_argument("--marking")
    p = sub.add_parser("action", help="change an action's status (done, open, superseded, withdrawn)")
    p.add_argument("action", type=int, metavar="ACTION_ID", help="the id `dossier actions --json` gives")
    p.add_argument("--status", required=True, choices=[s.value for s in ActionStatus])
    p.add_argument("--note", help="why (default: the note it had)")
    p.add_argument("--by", type=_doc_id, metavar="DOC_ID", help="the document that did it")
    actors = sub.choices["actors"]
    ops = actors.add_subparsers(dest="actors_op", metavar="OPERATION")
    p = ops.add_parser("merge", help="merge actors into one: mentions, aliases, posts and actions move across")
    p.add_argument("keep", metavar="KEEP", help="the actor kept (an id or a name)")
    p.add_argument("drop", nargs="+", metavar="DROP", help="the actors merged into it")
    p = ops.add_parser("split", help="make one of an actor's aliases an actor of its own")
    p.add_argument("actor", metavar="ACTOR", help="the actor (an id or a name)")
    p.add_argument("alias", metavar="ALIAS")


COMMANDS = {"edit": cmd_edit, "action": cmd_action, "actors": cmd_actors}
