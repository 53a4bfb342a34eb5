"""Command line: argparse -> services, the same calls the GUI makes.

Like calibre's `cmd_*` modules, each command is a thin function over the services. Qt is only
imported when a command opens the GUI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dossier import __version__
from dossier.domain.chronology import ChronologyRow
from dossier.domain.dates import PartialDate, Precision
from dossier.domain.errors import DossierError, UnreadableFile
from dossier.domain.findings import ActionStatus
from dossier.domain.records import DocumentDetail, DocumentRow, ImportOutcome, ImportResult
from dossier.domain.register import ActionRow, ActorDetail, ActorRow, action_line
from dossier.ingest import DEFAULT_MAX_BYTES
from dossier.paths import default_dossier, sample_dossier

if TYPE_CHECKING:
    from dossier.services import Services


def print_json(out: TextIO, data: Any) -> None:
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _date_json(date: PartialDate | None) -> dict[str, Any] | None:
    return date.to_json() if date else None


def row_json(row: DocumentRow) -> dict[str, Any]:
    return {
        "id": row.id, "file": row.file_name, "kind": row.kind.value, "date": _date_json(row.date),
        "title": row.title, "heading": row.label, "sender": row.sender, "recipients": list(row.recipients), "cc": list(row.cc),
        "sha256": row.sha256, "pages": row.page_count, "status": row.status.value, "filed_at": row.filed_at,
        "copy_of": row.copy_of, "first_file": row.first_file_name, "reviewed_by": row.reviewed_by,
        "changed_since_review": row.changed_since_review is not None and row.reviewed_by is None,
    }


def detail_json(detail: DocumentDetail) -> dict[str, Any]:
    out = row_json(detail.row)
    out.update({
        "media_type": detail.media_type, "reference": detail.reference, "marking": detail.marking,
        "sender_post": detail.sender_post, "user_set": sorted(detail.user_set),
        "paragraphs": [{"n": p.number, "start": p.start, "end": p.end, "page": p.page, "quoted": p.quoted}
                       for p in detail.paragraphs],
        "text": detail.text,
    })
    return out


def result_json(result: ImportResult) -> dict[str, Any]:
    return {"path": result.path, "outcome": result.outcome.value, "id": result.document_id,
            "message": result.message, "copy_of": result.copy_of}


def _print_results(results: Sequence[ImportResult], as_json: bool, out: TextIO, waiting: str = "") -> None:
    if as_json:
        print_json(out, [result_json(r) for r in results])
        return
    for r in results:
        if r.outcome is ImportOutcome.FAILED:
            out.write(f"failed     {r.message}\n")
        elif r.outcome is ImportOutcome.SKIPPED:  # no document, by design: said, but not a failure
            out.write(f"skipped    {r.message}\n")
        else:
            out.write(f"{r.outcome.value:<10} D{r.document_id}  {Path(r.path).name}  ({r.message})\n")
    filed = sum(r.outcome is ImportOutcome.FILED for r in results)
    dup = sum(r.outcome is ImportOutcome.DUPLICATE for r in results)
    failed = sum(r.outcome is ImportOutcome.FAILED for r in results)
    skipped = sum(r.outcome is ImportOutcome.SKIPPED for r in results)
    passed = f", {skipped} skipped (not documents)" if skipped else ""
    if waiting:  # before the counts, which stay the last line
        out.write(f"{waiting}; `dossier suggestions` lists them\n")
    out.write(f"{filed} filed, {dup} already filed, {failed} failed{passed}\n")


# -- commands ------------------------------------------------------------------------------------

def cmd_import(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    services.documents.max_bytes = int(args.max_mb * 1024 * 1024)
    results = services.documents.file_paths(args.paths)
    from dossier.services.documents import DISK_FULL
    from dossier.services.suggestions import waiting_line

    disk_full = any(r.message.endswith(DISK_FULL) for r in results)
    show_waiting = not args.json and not disk_full and any(r.outcome is ImportOutcome.FILED for r in results)
    _print_results(results, args.json, out,
                   waiting_line(services.suggestions.pending_counts()) if show_waiting else "")
    if disk_full:
        filed = sum(r.outcome is ImportOutcome.FILED for r in results)
        print(f"dossier: the disk holding {services.path.name} is full: the import stopped after filing {filed} "
              f"document{'' if filed == 1 else 's'}, which are kept; free some space and import the rest again",
              file=sys.stderr)
    return 1 if any(r.outcome is ImportOutcome.FAILED for r in results) else 0


def cmd_documents(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    docs = services.documents
    rows = docs.rows(docs.ids(sort="date"))
    if args.json:
        print_json(out, [row_json(r) for r in rows])
        return 0
    for r in rows:
        date = r.date.display() if r.date else "undated"
        to = ", ".join(r.recipients) or "-"
        copy = f"  ({r.copy_label})" if r.copy_of is not None else ""
        out.write(f"D{r.id:<5} {date:<14} {r.kind.value:<8} {r.label}{copy}\n"
                  f"       from {r.sender or '-'} to {to}\n")
    out.write(f"{len(rows)} documents\n")
    return 0


def cmd_show(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    detail = services.documents.get(args.id)
    copies = services.copies.copies(args.id)
    if args.json:
        print_json(out, {**detail_json(detail), "copies": list(copies)})
        return 0
    r = detail.row
    out.write(f"D{r.id}  {r.label}\n")
    out.write(f"  date:       {r.date.display() if r.date else 'undated'}\n")
    out.write(f"  kind:       {r.kind.value}\n  from:       {r.sender or '-'}\n")
    out.write(f"  to:         {', '.join(r.recipients) or '-'}\n  cc:         {', '.join(r.cc) or '-'}\n")
    first = f"; first filed as {r.first_file_name}" if r.first_file_name else ""
    out.write(f"  file:       {r.file_name} ({detail.media_type}, {r.status.value}{first})\n")
    if r.copy_of is not None:
        out.write(f"  copy of:    D{r.copy_of} (the same letter, filed again; `dossier not-a-copy D{r.id}` if not)\n")
    if copies:
        out.write(f"  copies:     {', '.join(f'D{c}' for c in copies)} (the same letter, filed again)\n")
    if r.review_label:
        out.write(f"  reviewed:   {r.review_label}\n")
    out.write("\n")
    for p in detail.paragraphs:
        page = f"p{p.page} " if p.page else ""
        out.write(f"[{page}¶{p.number}] {detail.text[p.start:p.end]}\n\n")
    return 0


def actor_json(row: ActorRow, detail: ActorDetail | None = None, as_at: dt.date | None = None) -> dict[str, Any]:
    """An actor: `posts` are every tenure (from/to as ISO partial values; `from_stated` is false where
    the start is the first letter naming the post), `current_posts` those held `as_at` (or not ended)."""
    out: dict[str, Any] = {
        "id": row.id, "name": row.name, "kind": row.kind.value, "aliases": list(row.aliases),
        "posts": [{"title": p, "from": None, "to": None} for p in row.posts], "organisation": row.organisation,
        "documents": row.documents, "first_seen": _date_json(row.first_seen), "last_seen": _date_json(row.last_seen),
        "as_at": as_at.isoformat() if as_at else None, "current_posts": list(row.posts),
    }
    if detail is not None:
        out["posts"] = [{"title": p.title, "organisation": p.organisation, "note": p.note, "from": p.start,
                         "from_stated": p.start_stated, "to": p.end} for p in detail.posts]
    return out


def action_json(row: ActionRow) -> dict[str, Any]:
    return {
        "id": row.id, "type": row.type.value, "summary": row.summary, "owner": row.owner,
        "addressed_to": row.addressed_to, "set": _date_json(row.set_date), "due": _date_json(row.due),
        "status": row.status.value, "status_note": row.status_note, "overdue": row.overdue,
        "source": {"document": row.document_id, "file": row.document_file, "title": row.document_title,
                   "paragraph": row.paragraph}
        if row.document_id else None,
        "line": action_line(row.owner, row.summary),
        "sources": [{"document": src.document_id, "title": src.document_title, "paragraph": src.paragraph}
                    for src in row.sources],
    }


def _on_day(text: str | None) -> dt.date | None:
    """A day to read the who's who on: a day as given, a month or a year at its end."""
    if not text:
        return None
    date = _parse_date(text)
    return date.earliest() if date.precision is Precision.DAY else date.latest()


def cmd_actors(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    actors = services.actors
    as_at = _on_day(args.as_at)
    rows = actors.whos_who(as_at)
    if args.json:
        data = [actor_json(r, actors.get(r.id, as_at), as_at) for r in rows]
        print_json(out, data)
        return 0
    for r in rows:
        aka = f"  (also {', '.join(r.aliases)})" if r.aliases else ""
        post = f", {'; '.join(r.posts)}" if r.posts else ""
        out.write(f"{r.name}{post}{aka}: {r.kind.value}, {r.documents} documents\n")
    when = f" as at {PartialDate.from_date(as_at).display()}" if as_at else ""
    out.write(f"{len(rows)} actors{when}\n")
    return 0


def _as_at(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    date = _parse_date(text)
    return date.latest() if date.precision is not Precision.DAY else date.earliest()


def cmd_actions(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    as_at = _as_at(args.as_at)
    statuses = [ActionStatus.OPEN] if args.open else None
    rows = services.actions.rows(services.actions.ids(as_at=as_at, statuses=statuses,
                                                      dated_only=getattr(args, "deadlines", False)), as_at=as_at)
    if args.json:
        print_json(out, [action_json(r) for r in rows])
        return 0
    dated = [r for r in rows if r.due is not None]
    undated = [r for r in rows if r.due is None]
    for r in dated:
        out.write(_action_text(r))
    if undated:  # decisions and intentions: apart from the deadlines
        out.write("Without a due date (decisions and intentions, not deadlines):\n")
        for r in undated:
            out.write(_action_text(r))
    split = f" ({len(dated)} with a due date, {len(undated)} without)" if undated and dated else ""
    out.write(f"{len(rows)} actions as at {as_at.isoformat()}{split}\n")
    waiting = services.suggestions.pending_counts()
    if waiting.get("action") or waiting.get("status"):
        proposed = waiting.get("action", 0)
        progress = f", and {waiting['status']} on progress of recorded actions" if waiting.get("status") else ""
        verb = "awaits" if proposed == 1 and not progress else "await"
        out.write(f"{proposed} proposed action{'' if proposed == 1 else 's'}{progress} {verb} review: "
                  "`dossier suggestions --kind action` lists them, `dossier accept --all --kind action` "
                  "accepts them\n")
    return 0


def _action_text(r: ActionRow) -> str:
    due = r.due.display() if r.due else "no date"
    flag = "OVERDUE " if r.overdue else ""
    cited = "; ".join(f"D{src.document_id}{f' ¶{src.paragraph}' if src.paragraph else ''}" for src in r.sources)
    source = f" [{cited}]" if cited else ""
    return f"{flag}{due:<16} {r.status.value:<10} {action_line(r.owner, r.summary)}{source}\n"


def chronology_json(row: ChronologyRow) -> dict[str, Any]:
    return {
        "key": row.key, "date": _date_json(row.date), "description": row.description, "kind": row.kind.value,
        "actors": list(row.actors),
        "sources": [{"document": s.document_id, "file": s.file_name, "paragraph": s.paragraph, "page": s.page,
                     "citation": s.citation()} for s in row.sources],
        "conflict": row.conflict, "conflict_with": list(row.conflict_with), "conflict_note": row.conflict_note,
        "event_kind": row.event_kind, "matters": row.matters,
    }


def cmd_chronology(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    chron = services.chronology
    date_from = _parse_date(args.date_from).earliest() if args.date_from else None
    date_to = _parse_date(args.date_to).latest() if args.date_to else None
    rows = chron.rows(chron.keys(actor=args.actor, date_from=date_from, date_to=date_to, tag=args.tag,
                                matters_only=args.matters))
    if args.json:
        print_json(out, [chronology_json(r) for r in rows])
        return 0
    for r in rows:
        date = r.date.display() if r.date else "Undated"
        flag = " [CONFLICT]" if r.conflict else ""
        cites = " ".join(s.citation() for s in r.sources)
        out.write(f"{date:<16} {r.kind.value:<9} {r.description[:110]}{flag} {cites}\n")
    out.write(f"{len(rows)} entries\n")
    return 0


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
        records = sug.accept_all(args.kind, args.document, on_progress=_progress_on_terminal("accepted")).value
    elif args.ids:
        records = sug.accept_many(args.ids).value
    else:
        raise DossierError("name the suggestions to accept, or give --all (with --kind or --document to narrow it)")
    out.write(f"{len(records)} suggestions accepted\n")
    _write_waiting(services, out)  # accepting actions may find progress on them in later letters
    return 0


def _progress_on_terminal(done_word: str) -> Callable[[int, int], None] | None:
    """A long run's progress on stderr, on one line rewritten, when stderr is a terminal."""
    if sys.stderr is None or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{done:,} of {total:,} {done_word}", end=end, file=sys.stderr, flush=True)
    return show


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


def _write_waiting(services: Services, out: TextIO) -> None:
    from dossier.services.suggestions import waiting_line

    line = waiting_line(services.suggestions.pending_counts())
    if line:
        out.write(f"{line}; `dossier suggestions` lists them\n")


def _parse_date(text: str) -> PartialDate:
    from dossier.analysis.dates import parse_document_date

    date = parse_document_date(text)
    if date is None:
        raise DossierError(f"cannot read the date {text!r}; write it as 27/03/2014, March 2014 or 2014-03-27")
    return date


def cmd_analyse(args: argparse.Namespace, out: TextIO) -> int:
    from dossier.services.analyse import analyse_file

    context = _parse_date(args.date) if args.date else None
    print_json(out, analyse_file(Path(args.file), context))
    return 0


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from dossier.services.sample import build_sample, curate_sample

    path = Path(args.dossier) if args.dossier else sample_dossier()
    if not args.no_gui:  # say so before the sample is built, not after
        from dossier.startup import display_problem

        problem = display_problem()
        if problem is not None:
            print(f"{problem} (or dossier demo --no-gui)", file=sys.stderr)
            return NO_DISPLAY_EXIT
    from dossier.services import open_services

    services = open_services(path)
    try:
        results = build_sample(services.documents)
        curate_sample(services, results)
        _print_results(results, False, out)
        out.write(f"sample dossier: {services.path}\n")
    finally:
        services.close()
    if args.no_gui:
        return 0
    return _run_gui(path)


NO_DISPLAY_EXIT = 2


def _run_gui(path: Path | None) -> int:
    from dossier.startup import display_problem, setup_logging

    problem = display_problem()
    if problem is not None:  # checked before Qt is imported: Qt would abort the process
        print(problem, file=sys.stderr)
        return NO_DISPLAY_EXIT
    setup_logging()
    from dossier.ui.app import run_gui

    return run_gui(path)


def gui_main() -> int:
    """The `dossier-gui` entry point (a gui-script: no console window on Windows, so no stdout)."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - for the process
    return main()


def read_password(password_file: str | None, path: Path) -> str | None:
    """The password for the dossier at `path`: the first line of `password_file`, else
    $DOSSIER_PASSWORD, else (for an encrypted dossier, at a terminal) asked for without echo."""
    from dossier.services.encryption import is_encrypted

    if password_file:
        try:
            lines = Path(password_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise DossierError(f"cannot read the password file {Path(password_file).name}: "
                               f"{getattr(exc, 'strerror', None) or exc}") from None
        if not lines or not lines[0]:
            raise DossierError(f"the password file {Path(password_file).name} has no password on its first line")
        return lines[0]
    if os.environ.get("DOSSIER_PASSWORD"):
        return os.environ["DOSSIER_PASSWORD"]
    if is_encrypted(path) and sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"Password for {path.name}: ") or None
    return None


# -- parser --------------------------------------------------------------------------------------

def _doc_id(text: str) -> int:
    return int(text.lstrip("Dd"))


SUGGESTION_KINDS = ("actor", "action", "status")  # as the suggestions service names them


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dossier", description="Keep the papers of a case; brief on them.")
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    parser.add_argument("--dossier", metavar="FILE",
                        help="the dossier file (default: $DOSSIER_FILE, else default.dossier in your data folder)")
    parser.add_argument("--password-file", metavar="FILE",
                        help="an encrypted dossier's password: the first line of FILE (else $DOSSIER_PASSWORD, "
                             "else it is asked for); a new dossier opened with one is created encrypted")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="file documents and folders of documents")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1024 / 1024, metavar="MB",
                   help="refuse files larger than this (default: %(default)g MB)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("documents", help="list the documents")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("show", help="show one document with its text")
    p.add_argument("id", type=_doc_id, metavar="ID")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("actors", help="the who's who")
    p.add_argument("--as-at", metavar="DATE",
                   help="list the posts each actor held on this date (default: the posts not ended)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("actions", help="actions, overdue first")
    p.add_argument("--open", action="store_true", help="only open actions")
    p.add_argument("--deadlines", action="store_true",
                   help="only actions with a due date (not decisions and intentions without one)")
    p.add_argument("--as-at", metavar="DATE", help="the date to judge overdue by (default: today)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("chronology", help="every dated thing, in order, with its source")
    p.add_argument("--actor", metavar="NAME", help="only entries naming this actor")
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument("--tag", metavar="TAG", help="only entries whose passage carries an annotation with this tag")
    p.add_argument("--matters", action="store_true", help="only events that matter (no courtesies or housekeeping)")
    p.add_argument("--json", action="store_true")
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
    p = sub.add_parser("analyse", aliases=["analyze"], help="analyse one file without a dossier")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--date", help="the document's date, where its text does not state one")
    p.add_argument("--json", action="store_true", help="print JSON (the only output form)")
    p = sub.add_parser("demo", help="build the sample dossier and open it")
    p.add_argument("--no-gui", action="store_true", help="build it but do not open the window")
    sub.add_parser("gui", help="open the window (the default)")
    for group in _groups():
        group.register(sub)
    return parser


def _groups() -> tuple[Any, ...]:
    """Command groups that live in their own modules (each has `register(sub)` and `COMMANDS`)."""
    from dossier.cli import groups

    return groups.GROUPS


DOSSIER_COMMANDS: dict[str, Callable[[Services, argparse.Namespace, TextIO], int]] = {
    "import": cmd_import, "documents": cmd_documents, "show": cmd_show, "actors": cmd_actors,
    "actions": cmd_actions, "chronology": cmd_chronology, "suggestions": cmd_suggestions, "accept": cmd_accept, "reject": cmd_reject,
}


PATH_METAVARS = ("FILE", "PATH", "OUT", "BACKUP", "FOLDER", "DIR")


def _path_dests(parser: argparse.ArgumentParser) -> set[str]:
    """The arguments that name files (their metavar says so): these keep their bytes as given."""
    dests: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                dests |= _path_dests(sub)
        elif str(action.metavar or "").upper().startswith(PATH_METAVARS):
            dests.add(action.dest)
    return dests


def _safe_args(args: argparse.Namespace, path_dests: set[str]) -> None:
    """Text arguments (a query, a note, a name, a title) made valid Unicode: bytes that are not
    UTF-8 reach Python as lone surrogates, which the dossier cannot store (see safe_text)."""
    from dossier.domain.safe_text import safe_text

    for key, value in vars(args).items():
        if key in path_dests:
            continue
        if isinstance(value, str):
            setattr(args, key, safe_text(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, key, [safe_text(v) for v in value])


def _tolerant_streams() -> None:
    """A path that is not UTF-8 is printed with its odd bytes escaped, not as a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build's filing workers start here, not as a second app
    _tolerant_streams()
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    _safe_args(args, _path_dests(parser))
    try:
        if args.command in ("analyse", "analyze"):
            return cmd_analyse(args, out)
        if args.command == "demo":
            return cmd_demo(args, out)
        path = Path(args.dossier) if args.dossier else default_dossier()
        if args.command in (None, "gui"):
            return _run_gui(path)  # the window asks for an encrypted dossier's password itself
        args.password = read_password(args.password_file, path)
        for group in _groups():  # commands that must not open (create, upgrade) the dossier first
            path_commands = getattr(group, "PATH_COMMANDS", {})
            if args.command in path_commands:
                return path_commands[args.command](path, args, out)
        commands = dict(DOSSIER_COMMANDS)
        for group in _groups():
            commands.update(group.COMMANDS)
        from dossier.services import open_services

        services = open_services(path, args.password)
        try:
            return commands[args.command](services, args, out)
        finally:
            services.close()
    except (DossierError, UnreadableFile) as exc:
        print(f"dossier: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (`dossier documents | head`): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
