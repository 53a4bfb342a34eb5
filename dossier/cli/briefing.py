"""`dossier export briefing OUT.pdf`: the briefing PDF, with the same options as the export dialog.

Options not given come from the dossier's saved draft (what the dialog or the last export set), so
`dossier export briefing out.pdf` issues the last briefing again, as at the draft's date; with no
draft, as at the latest paper's date. The options used are saved as the new draft unless `--no-save`.

This is a target of `dossier export` (see `dossier.cli.export`): `TARGET` is
(name, help, add_arguments(parser), run(services, args, out) -> int).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dossier.cli.arguments import parse_date
from dossier.cli.output import print_json
from dossier.domain.briefing import (
    DEFAULT_DUE_WITHIN_WEEKS,
    MAX_DUE_WITHIN_WEEKS,
    BriefingOptions,
    BriefingScope,
    ExportResult,
    Marking,
    Section,
    check_weeks,
    parse_sections,
)
from dossier.domain.dates import Precision
from dossier.domain.errors import DossierError

if TYPE_CHECKING:
    from dossier.services import Services

HELP = "a briefing PDF: front sheet, open actions, changes since the last briefing, and the annexes"
SECTION_NAMES = ", ".join(s.value for s in Section)


def _marking(text: str) -> Marking:
    try:
        return Marking.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _doc_id(text: str) -> int:
    try:
        return int(text.strip().lstrip("Dd"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a document reference: {text!r} (write D3 or 3)") from exc


def _weeks(text: str) -> int:
    try:
        return check_weeks(int(text.strip()))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"the weeks ahead must be a whole number from 0 to {MAX_DUE_WITHIN_WEEKS}, "
                                         f"not {text!r}") from exc


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = ("Export a briefing PDF in the civil-service shape. Options you leave out are taken from the "
                     "briefing draft saved in the dossier (by the export dialog or the last export).")
    p.add_argument("out", metavar="OUT.pdf", help="the PDF to write (replaced whole, never left half-written)")
    front = p.add_argument_group("front sheet")
    front.add_argument("--title", help="the briefing's title")
    front.add_argument("--reference", help="the case or briefing reference (shown in every footer)")
    front.add_argument("--marking", type=_marking, metavar="MARKING",
                       help="OFFICIAL, OFFICIAL-SENSITIVE, SECRET or TOP SECRET (default OFFICIAL)")
    front.add_argument("--as-at", metavar="DATE", help="the briefing's date (default: the draft's, else the "
                       "latest paper's)")
    front.add_argument("--to", metavar="WHO", help="who the briefing is for")
    front.add_argument("--from", dest="from_", metavar="WHO", help="who it is from")
    front.add_argument("--timing", help='how soon it is needed ("Routine", "Urgent: by 5 August")')
    scope = p.add_argument_group("scope (each narrows the papers covered; none means the whole dossier)")
    scope.add_argument("--from-date", metavar="DATE", help="papers and events dated on or after this")
    scope.add_argument("--to-date", metavar="DATE", help="papers and events dated on or before this")
    scope.add_argument("--actor", action="append", metavar="NAME", help="papers naming this person or body "
                       "(repeat for several: any of them)")
    scope.add_argument("--tag", action="append", metavar="TAG", help="papers with extracts carrying this tag "
                       "(repeat for several)")
    scope.add_argument("--document", action="append", type=_doc_id, metavar="D3", help="only these papers "
                       "(repeat for several)")
    scope.add_argument("--everything", action="store_true", help="forget the draft's scope: the whole dossier")
    content = p.add_argument_group("content")
    content.add_argument("--sections", metavar="LIST", help=f"comma-separated, from {SECTION_NAMES}, or all "
                         "(sources are always included: every citation links there)")
    content.add_argument("--due-within", type=_weeks, metavar="WEEKS",
                         help=f"open actions list the overdue and those due within this many weeks (default "
                         f"{DEFAULT_DUE_WITHIN_WEEKS}); the rest are counted and set out in an annex")
    for name, what in (("issue", "the issue on the front sheet"), ("summary", "the summary on the front sheet"),
                       ("recommendation", "the recommendation on the front sheet"),
                       ("key-messages", "the key messages"), ("lines-to-take", "the lines to take")):
        group = content.add_mutually_exclusive_group()
        group.add_argument(f"--{name}", metavar="TEXT", help=what)
        group.add_argument(f"--{name}-file", metavar="FILE", help=f"{what}, from a UTF-8 text file ('-': stdin)")
    p.add_argument("--fresh", action="store_true", help="ignore the saved draft; start from the defaults")
    p.add_argument("--no-save", action="store_true", help="do not save these options as the dossier's draft")
    p.add_argument("--json", action="store_true", help="print what was written as JSON")


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).expanduser().read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DossierError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DossierError(f"cannot read {path}: it is not UTF-8 text") from exc


def _as_at(text: str) -> dt.date:
    date = parse_date(text)
    return date.earliest() if date.precision is Precision.DAY else date.latest()


def _day(text: str, *, latest: bool) -> dt.date:
    date = parse_date(text)
    return date.latest() if latest else date.earliest()


def options_from_args(services: Services, args: argparse.Namespace) -> BriefingOptions:
    """The draft (unless --fresh), with what the command line sets on top."""
    base = None if args.fresh else services.briefing.load_draft()
    base = base or BriefingOptions()
    changes: dict[str, Any] = {}
    for name in ("title", "reference", "marking", "to", "from_", "timing"):
        value = getattr(args, name)
        if value is not None:
            changes[name] = value
    # the date: as given, else the draft's, else the latest paper's
    changes["as_at"] = _as_at(args.as_at) if args.as_at else services.briefing.default_as_at(base)
    if args.due_within is not None:
        changes["due_within_weeks"] = args.due_within
    for name in ("issue", "summary", "recommendation", "key_messages", "lines_to_take"):
        text, path = getattr(args, name), getattr(args, f"{name}_file")
        if path is not None:
            changes[name] = _read_text(path)
        elif text is not None:
            changes[name] = text.replace("\\n", "\n")
    if args.sections:
        try:
            changes["sections"] = parse_sections(args.sections)
        except ValueError as exc:
            raise DossierError(str(exc)) from exc
    changes["scope"] = _scope(services, args, BriefingScope() if args.everything else base.scope)
    return dataclasses.replace(base, **changes)


def _scope(services: Services, args: argparse.Namespace, scope: BriefingScope) -> BriefingScope:
    changes: dict[str, Any] = {}
    if args.from_date:
        changes["date_from"] = _day(args.from_date, latest=False)
    if args.to_date:
        changes["date_to"] = _day(args.to_date, latest=True)
    if args.actor:
        ids = []
        for name in args.actor:
            actor_id = services.actors.find(name)
            if actor_id is None:
                raise DossierError(f"there is no one called {name!r} in this dossier (see `dossier actors`)")
            ids.append(actor_id)
        changes["actor_ids"] = tuple(dict.fromkeys(ids))
    if args.tag:
        known = {t.casefold(): t for t, _ in services.briefing.tags()}
        missing = [t for t in args.tag if t.casefold() not in known]
        if missing:
            raise DossierError(f"no annotation is tagged {missing[0]!r} (see `dossier annotations`)")
        changes["tags"] = tuple(dict.fromkeys(known[t.casefold()] for t in args.tag))
    if args.document:
        found = {r.id for r in services.documents.rows(args.document)}
        missing_ids = [d for d in args.document if d not in found]
        if missing_ids:
            raise DossierError(f"there is no document D{missing_ids[0]} in this dossier")
        changes["document_ids"] = tuple(dict.fromkeys(args.document))
    result = dataclasses.replace(scope, **changes)
    if result.date_from and result.date_to and result.date_from > result.date_to:
        raise DossierError("the scope's start date is after its end date")
    return result


def result_json(result: ExportResult, options: BriefingOptions) -> dict[str, Any]:
    return {"path": result.path, "pages": result.pages, "bytes": result.size, "sha256": result.sha256,
            "export_id": result.record_id, "options": options.to_json()}


def run(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    options = options_from_args(services, args)
    result = services.briefing.export(options, Path(args.out)).value
    if not args.no_save:
        services.briefing.save_draft(options)
    if args.json:
        print_json(out, result_json(result, options))
    else:
        out.write(f"wrote {result.path}: {result.pages} page{'s' if result.pages != 1 else ''}, "
                  f"{options.marking.value}, as at {options.day.isoformat()}\n")
    return 0


TARGET = ("briefing", HELP, add_arguments, run)
