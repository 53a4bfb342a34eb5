"""Corrections the window makes, from the command line, through the same services:

    dossier edit DOC_ID [--title T] [--date D] [--sender S] [--to NAME]... [--cc NAME]... [--kind K]
    dossier action ACTION_ID --status done|open|superseded|withdrawn [--note TEXT] [--by DOC_ID]
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from dossier.cli.arguments import parse_date
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
    changes: dict[str, Any] = {}
    for name in ("title", "sender", "reference", "marking"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.kind is not None:
        changes["kind"] = DocumentKind(args.kind)
    if args.date is not None:
        changes["date"] = parse_date(args.date) if args.date.strip() else None
    if args.to is not None:
        changes["recipients"] = _names(args.to)
    if args.cc is not None:
        changes["cc"] = _names(args.cc)
    if not changes:
        raise DossierError("say what to change: --title, --date, --sender, --to, --cc, --kind, --reference "
                           "or --marking")
    try:
        edit = services.documents.edit_metadata(args.document, changes).value
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


COMMANDS = {"edit": cmd_edit, "action": cmd_action}
