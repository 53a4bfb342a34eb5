"""`dossier actors`, `dossier actions` and `dossier chronology`: the who's who, the actions register
and the chronology, as the analysis keeps them. The who's who is corrected here too:

    dossier actors merge KEEP DROP [DROP...]      (each an actor's id or its name)
    dossier actors split ACTOR ALIAS              (the alias becomes an actor of its own)

(an action's status is corrected by `dossier action`, with the other corrections in edit.py)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any, TextIO

from dossier.cli.arguments import parse_date
from dossier.cli.output import date_json, print_json
from dossier.domain.chronology import ChronologyRow
from dossier.domain.dates import PartialDate, Precision
from dossier.domain.errors import DossierError
from dossier.domain.findings import ActionStatus
from dossier.domain.register import ActionRow, ActorDetail, ActorRow, action_line

if TYPE_CHECKING:
    from dossier.services import Services


def actor_json(row: ActorRow, detail: ActorDetail | None = None, as_at: dt.date | None = None) -> dict[str, Any]:
    """An actor: `posts` are every tenure (from/to as ISO partial values; `from_stated` is false where
    the start is the first letter naming the post), `current_posts` those held `as_at` (or not ended)."""
    out: dict[str, Any] = {
        "id": row.id, "name": row.name, "kind": row.kind.value, "aliases": list(row.aliases),
        "posts": [{"title": p, "from": None, "to": None} for p in row.posts], "organisation": row.organisation,
        "documents": row.documents, "first_seen": date_json(row.first_seen), "last_seen": date_json(row.last_seen),
        "as_at": as_at.isoformat() if as_at else None, "current_posts": list(row.posts),
    }
    if detail is not None:
        out["posts"] = [{"title": p.title, "organisation": p.organisation, "note": p.note, "from": p.start,
                         "from_stated": p.start_stated, "to": p.end} for p in detail.posts]
    return out


def action_json(row: ActionRow) -> dict[str, Any]:
    return {
        "id": row.id, "type": row.type.value, "summary": row.summary, "owner": row.owner,
        "addressed_to": row.addressed_to, "set": date_json(row.set_date), "due": date_json(row.due),
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
    date = parse_date(text)
    return date.earliest() if date.precision is Precision.DAY else date.latest()


def whos_who(services: Services, args: argparse.Namespace, out: TextIO) -> int:
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
        new_id = services.actors.split_alias(actor_id, args.alias).value
        detail = services.actors.get(new_id)
        out.write(f"{detail.row.name} is now an actor of its own (A{new_id}), split from "
                  f"{services.actors.get(actor_id).row.name}\n")
        return 0
    return whos_who(services, args, out)


def _as_at(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    date = parse_date(text)
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
        "key": row.key, "date": date_json(row.date), "description": row.description, "kind": row.kind.value,
        "actors": list(row.actors),
        "sources": [{"document": s.document_id, "file": s.file_name, "paragraph": s.paragraph, "page": s.page,
                     "citation": s.citation()} for s in row.sources],
        "conflict": row.conflict, "conflict_with": list(row.conflict_with), "conflict_note": row.conflict_note,
        "event_kind": row.event_kind, "matters": row.matters,
    }


def cmd_chronology(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    chron = services.chronology
    date_from = parse_date(args.date_from).earliest() if args.date_from else None
    date_to = parse_date(args.date_to).latest() if args.date_to else None
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


def register(sub: argparse._SubParsersAction) -> None:
    actors = sub.add_parser("actors", help="the who's who")
    actors.add_argument("--as-at", metavar="DATE",
                        help="list the posts each actor held on this date (default: the posts not ended)")
    actors.add_argument("--json", action="store_true")
    ops = actors.add_subparsers(dest="actors_op", metavar="OPERATION")
    p = ops.add_parser("merge", help="merge actors into one: mentions, aliases, posts and actions move across")
    p.add_argument("keep", metavar="KEEP", help="the actor kept (an id or a name)")
    p.add_argument("drop", nargs="+", metavar="DROP", help="the actors merged into it")
    p = ops.add_parser("split", help="make one of an actor's aliases an actor of its own")
    p.add_argument("actor", metavar="ACTOR", help="the actor (an id or a name)")
    p.add_argument("alias", metavar="ALIAS")
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


COMMANDS = {"actors": cmd_actors, "actions": cmd_actions, "chronology": cmd_chronology}
